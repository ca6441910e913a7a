/* Validation (SPEC 3): one test per V rule and sub-case, each named after
 * its id, built through the public API and asserting the exact rule id,
 * severity, subject and English message of every diagnostic. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fedns/fedns.h"
#include "fixture.h"
#include "test.h"
#include "validate_rules.h"

#define E FEDNS_SEVERITY_ERROR
#define W FEDNS_SEVERITY_WARNING
#define I FEDNS_SEVERITY_INFO

#define OK(call) ck_assert_int_eq((call), FEDNS_OK)

struct want {
	const char *rule;
	int severity;
	const char *subject;
	const char *en;
};

/* ---- Helpers ------------------------------------------------------------ */

static fedns_diagnostics *validate(fedns_deployment *dep)
{
	fedns_diagnostics *g = NULL;

	OK(fedns_deployment_validate(dep, &g));
	ck_assert_ptr_nonnull(g);
	return g;
}

/* Every diagnostic, one per line, for failure messages. */
static char *dump(const fedns_diagnostics *g)
{
	size_t i, len = 0, cap = 1;
	char *out = calloc(1, 1);

	for (i = 0; out && i < fedns_diagnostics_count(g); i++) {
		const char *en = fedns_diagnostic_message(g, i, FEDNS_LANG_EN);
		const char *subject = fedns_diagnostic_subject(g, i);
		size_t need = len + strlen(en) + strlen(subject) + 64;
		char *p = need > cap ? realloc(out, need) : out;

		if (!p)
			break;
		out = p;
		cap = need > cap ? need : cap;
		len += (size_t)snprintf(out + len, cap - len, "  %s %s [%s] %s\n",
					fedns_diagnostic_rule(g, i),
					fedns_severity_name(fedns_diagnostic_severity(g, i)), subject, en);
	}
	return out;
}

static void expect_item(const fedns_diagnostics *g, size_t i, const struct want *w)
{
	char *all = dump(g);

	ck_assert_msg(strcmp(fedns_diagnostic_rule(g, i), w->rule) == 0 &&
			      fedns_diagnostic_severity(g, i) == w->severity &&
			      strcmp(fedns_diagnostic_subject(g, i), w->subject) == 0,
		      "diagnostic %zu: want %s %s [%s], got:\n%s", i, w->rule,
		      fedns_severity_name(w->severity), w->subject, all);
	ck_assert_str_eq(fedns_diagnostic_message(g, i, FEDNS_LANG_EN), w->en);
	free(all);
}

/* Validates `dep`, asserts the whole list in order, and frees `dep`. */
static void expect_list(fedns_deployment *dep, const struct want *w, size_t n)
{
	fedns_diagnostics *g = validate(dep);
	char *all = dump(g);
	size_t i;

	ck_assert_msg(fedns_diagnostics_count(g) == n, "want %zu diagnostics, got %zu:\n%s", n,
		      fedns_diagnostics_count(g), all);
	for (i = 0; i < n; i++)
		expect_item(g, i, &w[i]);
	free(all);
	fedns_diagnostics_free(g);
	fedns_deployment_free(dep);
}

#define EXPECT(dep, ...)                                                   \
	do {                                                               \
		const struct want want_[] = {__VA_ARGS__};                 \
		expect_list(dep, want_, sizeof(want_) / sizeof(want_[0])); \
	} while (0)

static void expect_clean(fedns_deployment *dep)
{
	expect_list(dep, NULL, 0);
}

/* Asserts the Chinese message of diagnostic `i`. */
static void expect_zh(fedns_deployment *dep, size_t i, const char *zh)
{
	fedns_diagnostics *g = validate(dep);

	ck_assert_uint_gt(fedns_diagnostics_count(g), i);
	ck_assert_str_eq(fedns_diagnostic_message(g, i, FEDNS_LANG_ZH_CN), zh);
	fedns_diagnostics_free(g);
}

/* contoso.com served by pool "edge" (131.107.155.10), federation on with
 * partner discovery (so the federation SRV is published): no diagnostic. */
static fedns_deployment *federating(fedns_sip_domain **d, fedns_edge_pool **p)
{
	fedns_deployment *dep = fixture_contoso(d, p);

	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 1));
	return dep;
}

/* An XMPP partner without any V21 finding: dialback off, TLS and SASL
 * required. */
static fedns_xmpp_partner *clean_partner(fedns_deployment *dep, const char *domain)
{
	fedns_xmpp_partner *x;

	OK(fedns_deployment_add_xmpp_partner(dep, domain, &x));
	OK(fedns_xmpp_partner_set(x, FEDNS_OPT_XMPP_DIALBACK, 0));
	return x;
}

/* `domain` served by pool "edge" (131.107.155.10), all else default. */
static fedns_deployment *with_domain(const char *domain, fedns_sip_domain **d,
				     fedns_edge_pool **p)
{
	fedns_deployment *dep;
	fedns_edge_pool *pool;

	OK(fedns_deployment_new(&dep));
	OK(fedns_deployment_add_sip_domain(dep, domain, d));
	OK(fedns_deployment_add_edge_pool(dep, "edge", &pool));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "131.107.155.10"));
	if (p)
		*p = pool;
	return dep;
}

/* A valid name of exactly `len` octets (len - 4 not of the form 64k + 63):
 * labels of 63 'a's, then ".com". */
static const char *long_domain(char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len - 4; i++)
		buf[i] = i % 64 == 63 ? '.' : 'a';
	memcpy(buf + len - 4, ".com", 5);
	return buf;
}

static void push_setup(fedns_deployment *dep, int allowed, int provider, int verification)
{
	fedns_hosting_provider *h;

	OK(fedns_deployment_set(dep, FEDNS_OPT_PUSH_NOTIFICATIONS, 1));
	if (allowed)
		OK(fedns_deployment_add_allowed_domain(dep, "push.lync.com", NULL, NULL));
	if (!provider)
		return;
	OK(fedns_deployment_add_hosting_provider(dep, "LyncOnline", "sipfed.online.lync.com", &h));
	OK(fedns_hosting_provider_set(h, FEDNS_OPT_PROVIDER_VERIFICATION, verification));
	if (provider < 0)
		OK(fedns_hosting_provider_set(h, FEDNS_OPT_PROVIDER_ENABLED, 0));
}

/* ---- Clean documents ------------------------------------------------------ */

START_TEST(test_clean_minimal_deployment_has_no_diagnostics)
{
	expect_clean(fixture_contoso(NULL, NULL));
}
END_TEST

/* Every feature on at once, each set up as Microsoft documents it. */
START_TEST(test_clean_full_deployment_has_no_diagnostics)
{
	fedns_deployment *dep;
	fedns_sip_domain *d;
	fedns_edge_pool *p;
	fedns_xmpp_partner *x;

	dep = federating(&d, &p);
	OK(fedns_deployment_set(dep, FEDNS_OPT_SERVER, FEDNS_SERVER_SFB2015));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_MOBILITY, 1));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1));
	OK(fedns_deployment_add_sip_domain(dep, "Fabrikam.COM.", NULL));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "2001:db8::10"));
	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_WEBCONF, "webcon.contoso.com"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_WEBCONF, "131.107.155.20"));
	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_AV, "av.contoso.com"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_AV, "131.107.155.30"));
	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_XMPP_PROXY, 1));
	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_FEDERATION_ROUTE, 1));
	push_setup(dep, 1, 1, FEDNS_VERIFICATION_USE_SOURCE);
	OK(fedns_deployment_add_allowed_domain(dep, "partner.example", "sip.partner.example", "p"));
	OK(fedns_deployment_add_blocked_domain(dep, "spam.example", NULL));
	x = clean_partner(dep, "jabber.example.org");
	OK(fedns_xmpp_partner_add_domain(x, "chat.example.org"));
	OK(fedns_xmpp_partner_set_proxy_fqdn(x, "xmpp.example.org"));
	expect_clean(dep);
}
END_TEST


/* ---- V1 ------------------------------------------------------------------- */

START_TEST(test_V1_sip_domain_empty_label_is_error)
{
	fedns_deployment *dep = with_domain("contoso..com", NULL, NULL);

	expect_zh(dep, 0,
		  "sip_domains[0].name：“contoso..com”的第 2 个标签为空（连续两个点，或以点开头）；"
		  "请更正该名称。");
	EXPECT(dep, {"V1", E, "contoso..com",
		     "sip_domains[0].name: label 2 of \"contoso..com\" is empty (two dots in a row, "
		     "or a dot at the start); correct the name."});
}
END_TEST

/* The subject of an invalid name is the name as given, made printable. */
START_TEST(test_V1_sip_domain_raw_utf8_is_error_with_printable_subject)
{
	EXPECT(with_domain("\xe4\xbe\x8b.com", NULL, NULL),
	       {"V1", E, "\\xe4\\xbe\\x8b.com",
		"sip_domains[0].name: label 1 \"\\xe4\\xbe\\x8b\" of \"\\xe4\\xbe\\x8b.com\" is not "
		"ASCII: convert the name to A-labels (punycode, \"xn--...\") first; correct the "
		"name."});
}
END_TEST

START_TEST(test_V1_sip_domain_single_label_is_error)
{
	EXPECT(with_domain("Contoso.", NULL, NULL),
	       {"V1", E, "contoso",
		"SIP domain \"contoso\" has only one label; a SIP domain needs at least two (for "
		"example contoso.com), so use the full domain name."});
}
END_TEST

START_TEST(test_V1_case_and_trailing_dot_are_valid)
{
	expect_clean(with_domain("Contoso.COM.", NULL, NULL));
}
END_TEST

START_TEST(test_V1_owner_name_sip_tls_too_long_is_error)
{
	char d[300], msg[1024];

	long_domain(d, 245); /* sip.<d> has 249 octets, _sip._tls.<d> 255 */
	snprintf(msg, sizeof msg,
		 "the record name \"_sip._tls.%s\" that fedns builds for SIP domain \"%s\" is 255 "
		 "octets long, over the 253 allowed; shorten the SIP domain or the edge pool's "
		 "host label.",
		 d, d);
	EXPECT(with_domain(d, NULL, NULL), {"V1", E, d, msg});
}
END_TEST

START_TEST(test_V1_owner_name_federation_srv_too_long_is_error)
{
	char d[300], msg[1024];
	fedns_deployment *dep;

	long_domain(d, 240);
	dep = with_domain(d, NULL, NULL);
	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 1));
	snprintf(msg, sizeof msg,
		 "the record name \"_sipfederationtls._tcp.%s\" that fedns builds for SIP domain "
		 "\"%s\" is 263 octets long, over the 253 allowed; shorten the SIP domain or the "
		 "edge pool's host label.",
		 d, d);
	EXPECT(dep, {"V1", E, d, msg});
}
END_TEST

START_TEST(test_V1_owner_name_xmpp_srv_too_long_is_error)
{
	char d[300], msg[1024];
	fedns_deployment *dep;
	fedns_sip_domain *sd;
	fedns_edge_pool *p;

	long_domain(d, 240);
	dep = with_domain(d, &sd, &p);
	OK(fedns_sip_domain_set(sd, FEDNS_OPT_DOMAIN_XMPP, 1));
	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_XMPP_PROXY, 1));
	clean_partner(dep, "jabber.example.org");
	snprintf(msg, sizeof msg,
		 "the record name \"_xmpp-server._tcp.%s\" that fedns builds for SIP domain \"%s\" "
		 "is 258 octets long, over the 253 allowed; shorten the SIP domain or the edge "
		 "pool's host label.",
		 d, d);
	EXPECT(dep, {"V1", E, d, msg});
}
END_TEST

START_TEST(test_V1_owner_name_host_label_too_long_is_error)
{
	char d[300], msg[1024];
	const char *host = "edge-access-host-label-that-is-long";
	fedns_deployment *dep;
	fedns_edge_pool *p;

	long_domain(d, 220);
	dep = with_domain(d, NULL, &p);
	OK(fedns_edge_pool_set_access_edge_host(p, host));
	snprintf(msg, sizeof msg,
		 "the record name \"%s.%s\" that fedns builds for SIP domain \"%s\" is 256 octets "
		 "long, over the 253 allowed; shorten the SIP domain or the edge pool's host "
		 "label.",
		 host, d, d);
	EXPECT(dep, {"V1", E, d, msg});
}
END_TEST

/* A domain without users gets no record, so no owner name is built. */
START_TEST(test_V1_owner_names_of_domain_without_users_are_not_checked)
{
	char d[300];
	fedns_deployment *dep;
	fedns_sip_domain *sd;

	dep = with_domain(long_domain(d, 250), &sd, NULL);
	OK(fedns_sip_domain_set(sd, FEDNS_OPT_DOMAIN_USERS, 0));
	expect_clean(dep);
}
END_TEST

START_TEST(test_V1_access_edge_fqdn_is_error)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_ACCESS, "sip_edge.contoso.com"));
	EXPECT(dep, {"V1", E, "edge",
		     "edge_pools[0].access_edge.fqdn: label 1 \"sip_edge\" of "
		     "\"sip_edge.contoso.com\" has '_' (only letters, digits and hyphens are "
		     "allowed); correct the name."});
}
END_TEST

START_TEST(test_V1_access_edge_host_with_dots_is_error)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_set_access_edge_host(p, "sip.edge"));
	EXPECT(dep, {"V1", E, "edge",
		     "edge_pools[0].access_edge.host \"sip.edge\" must be a single DNS label (it is "
		     "put in front of each SIP domain), not a name with dots; use one label such as "
		     "\"sip\"."});
}
END_TEST

/* All digits is wrong for the last label of a name, not for a host label. */
START_TEST(test_V1_access_edge_host_of_digits_is_valid)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_set_access_edge_host(p, "2013"));
	expect_clean(dep);
}
END_TEST

START_TEST(test_V1_webconf_and_av_fqdn_are_errors)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_WEBCONF, "webcon-.contoso.com"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_WEBCONF, "131.107.155.20"));
	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_AV, "av.contoso.123"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_AV, "131.107.155.30"));
	EXPECT(dep,
	       {"V1", E, "edge",
		"edge_pools[0].webconf_edge.fqdn: label 1 \"webcon-\" of \"webcon-.contoso.com\" "
		"ends with a hyphen (a label may not start or end with '-'); correct the name."},
	       {"V1", E, "edge",
		"edge_pools[0].av_edge.fqdn: the last label \"123\" of \"av.contoso.123\" is all "
		"digits (a top-level domain is never numeric; an IP address is not a name); "
		"correct the name."});
}
END_TEST

START_TEST(test_V1_xmpp_host_is_error)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_set_xmpp_host(p, "xmpp_gw"));
	EXPECT(dep, {"V1", E, "edge",
		     "edge_pools[0].xmpp_proxy.host: label 1 \"xmpp_gw\" of \"xmpp_gw\" has '_' "
		     "(only letters, digits and hyphens are allowed); correct the name."});
}
END_TEST

START_TEST(test_V1_allowed_domain_and_proxy_are_errors)
{
	fedns_deployment *dep = federating(NULL, NULL);

	OK(fedns_deployment_add_allowed_domain(dep, "fab rikam.com", "sip..fabrikam.com", NULL));
	EXPECT(dep,
	       {"V1", E, "fab rikam.com",
		"federation.allowed_domains[0].domain: label 1 \"fab rikam\" of \"fab rikam.com\" "
		"has a space (only letters, digits and hyphens are allowed); correct the name."},
	       {"V1", E, "fab rikam.com",
		"federation.allowed_domains[0].proxy_fqdn: label 2 of \"sip..fabrikam.com\" is "
		"empty (two dots in a row, or a dot at the start); correct the name."});
}
END_TEST

START_TEST(test_V1_blocked_domain_is_error)
{
	fedns_deployment *dep = federating(NULL, NULL);

	OK(fedns_deployment_add_blocked_domain(dep, "-spam.example", NULL));
	EXPECT(dep, {"V1", E, "-spam.example",
		     "federation.blocked_domains[0].domain: label 1 \"-spam\" of \"-spam.example\" "
		     "starts with a hyphen (a label may not start or end with '-'); correct the "
		     "name."});
}
END_TEST

/* Every name of a partner reports at the partner. */
START_TEST(test_V1_xmpp_partner_names_are_errors)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_xmpp_partner *x = clean_partner(dep, "Jabber.Example.org");

	OK(fedns_xmpp_partner_add_domain(x, "chat.example.org"));
	OK(fedns_xmpp_partner_add_domain(x, "chat..example.org"));
	OK(fedns_xmpp_partner_set_proxy_fqdn(x, "xmpp.example.org-"));
	x = clean_partner(dep, "");
	EXPECT(dep,
	       {"V1", E, "jabber.example.org",
		"xmpp.partners[0].additional_domains[1]: label 2 of \"chat..example.org\" is empty "
		"(two dots in a row, or a dot at the start); correct the name."},
	       {"V1", E, "jabber.example.org",
		"xmpp.partners[0].proxy_fqdn: label 3 \"org-\" of \"xmpp.example.org-\" ends with a "
		"hyphen (a label may not start or end with '-'); correct the name."},
	       {"V1", E, "",
		"xmpp.partners[1].domain: name \"\" is empty (a name needs at least one label, "
		"like \"example.com\"); correct the name."});
}
END_TEST

START_TEST(test_V1_public_provider_names_are_errors)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_public_provider *pp;

	OK(fedns_deployment_add_public_provider(dep, "Skype", "federation.messenger.msn.com.",
						&pp));
	OK(fedns_public_provider_add_domain(pp, "hotmail.com"));
	OK(fedns_public_provider_add_domain(pp, "live..com"));
	EXPECT(dep, {"V1", E, "Skype",
		     "public_im.providers[0].domains[1]: label 2 of \"live..com\" is empty (two dots "
		     "in a row, or a dot at the start); correct the name."});
}
END_TEST

START_TEST(test_V1_hosting_provider_proxy_is_error)
{
	fedns_deployment *dep = federating(NULL, NULL);

	OK(fedns_deployment_add_hosting_provider(dep, "Hoster", "sip.hoster.example:5061", NULL));
	EXPECT(dep, {"V1", E, "Hoster",
		     "hosting_providers[0].proxy_fqdn: label 3 \"example:5061\" of "
		     "\"sip.hoster.example:5061\" has ':' (only letters, digits and hyphens are "
		     "allowed); correct the name."});
}
END_TEST

/* ---- V2 ------------------------------------------------------------------- */

START_TEST(test_V2_sip_domain_listed_twice_after_folding_is_error)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL));
	OK(fedns_deployment_add_sip_domain(dep, "CONTOSO.com.", NULL));
	OK(fedns_deployment_add_sip_domain(dep, "Contoso.Com", NULL));
	EXPECT(dep,
	       {"V2", E, "contoso.com",
		"SIP domain \"contoso.com\" (sip_domains[2].name) is listed twice: it repeats "
		"sip_domains[0].name once case and the trailing dot are ignored; remove the "
		"duplicate."},
	       {"V2", E, "contoso.com",
		"SIP domain \"contoso.com\" (sip_domains[3].name) is listed twice: it repeats "
		"sip_domains[0].name once case and the trailing dot are ignored; remove the "
		"duplicate."});
}
END_TEST

/* ---- V3 ------------------------------------------------------------------- */

START_TEST(test_V3_no_edge_pool_is_error)
{
	fedns_deployment *dep;

	OK(fedns_deployment_new(&dep));
	OK(fedns_deployment_add_sip_domain(dep, "contoso.com", NULL));
	EXPECT(dep, {"V3", E, "deployment",
		     "the deployment has no edge pool; add one with the Access Edge's public "
		     "addresses."});
}
END_TEST

START_TEST(test_V3_pool_without_access_edge_address_is_error)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = fixture_contoso(&d, NULL);

	OK(fedns_sip_domain_set_edge_pool(d, "edge"));
	OK(fedns_deployment_add_edge_pool(dep, "edge2", NULL));
	EXPECT(dep, {"V3", E, "edge2",
		     "edge pool \"edge2\" has no access_edge address; add the Access Edge's public "
		     "(post-NAT) IPv4 or IPv6 address."});
}
END_TEST

START_TEST(test_V3_unknown_pool_is_error)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = fixture_contoso(&d, NULL);

	OK(fedns_sip_domain_set_edge_pool(d, "Edge"));
	EXPECT(dep, {"V3", E, "contoso.com",
		     "SIP domain \"contoso.com\" names edge pool \"Edge\", which does not exist; use "
		     "the name of one of the edge pools, or remove edge_pool to use the default "
		     "pool."});
}
END_TEST

static fedns_deployment *two_pools(fedns_edge_pool **second)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_edge_pool *p;

	OK(fedns_deployment_add_edge_pool(dep, "edge2", &p));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.156.10"));
	if (second)
		*second = p;
	return dep;
}

START_TEST(test_V3_no_default_pool_is_error)
{
	fedns_deployment *dep = two_pools(NULL);

	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL));
	EXPECT(dep,
	       {"V3", E, "contoso.com",
		"SIP domain \"contoso.com\" names no edge pool and there is no default: there are 2 "
		"edge pools and none has federation_route; set edge_pool on the domain, or "
		"federation_route on one pool."},
	       {"V3", E, "fabrikam.com",
		"SIP domain \"fabrikam.com\" names no edge pool and there is no default: there are "
		"2 edge pools and none has federation_route; set edge_pool on the domain, or "
		"federation_route on one pool."});
}
END_TEST

START_TEST(test_V3_domain_defaults_to_federation_route_pool)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = two_pools(&p);

	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_FEDERATION_ROUTE, 1));
	expect_clean(dep);
}
END_TEST

START_TEST(test_V3_domain_without_users_needs_no_pool)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = two_pools(NULL);

	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", &d));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_USERS, 0));
	EXPECT(dep, {"V3", E, "contoso.com",
		     "SIP domain \"contoso.com\" names no edge pool and there is no default: there "
		     "are 2 edge pools and none has federation_route; set edge_pool on the domain, "
		     "or federation_route on one pool."});
}
END_TEST

/* ---- V4 ------------------------------------------------------------------- */

START_TEST(test_V4_two_federation_route_pools_is_error)
{
	fedns_edge_pool *p1, *p2;
	fedns_deployment *dep;

	dep = fixture_contoso(NULL, &p1);
	OK(fedns_deployment_add_edge_pool(dep, "edge2", &p2));
	OK(fedns_edge_pool_add_address(p2, FEDNS_EDGE_ACCESS, "131.107.156.10"));
	OK(fedns_edge_pool_set(p1, FEDNS_OPT_POOL_FEDERATION_ROUTE, 1));
	OK(fedns_edge_pool_set(p2, FEDNS_OPT_POOL_FEDERATION_ROUTE, 1));
	EXPECT(dep, {"V4", E, "edge2",
		     "edge pool \"edge2\" has federation_route, but so has edge pool \"edge\"; only "
		     "one pool may be the federation route, so clear it on one."});
}
END_TEST

/* The first pool with the flag is the one used; the second is reported. */
START_TEST(test_V4_two_xmpp_proxy_pools_is_error)
{
	fedns_edge_pool *p2, *p3;
	fedns_deployment *dep = two_pools(&p2);

	OK(fedns_edge_pool_set(p2, FEDNS_OPT_POOL_FEDERATION_ROUTE, 1));
	OK(fedns_deployment_add_edge_pool(dep, "edge3", &p3));
	OK(fedns_edge_pool_add_address(p3, FEDNS_EDGE_ACCESS, "131.107.157.10"));
	OK(fedns_edge_pool_set(p2, FEDNS_OPT_POOL_XMPP_PROXY, 1));
	OK(fedns_edge_pool_set_xmpp_host(p3, "xmpp"));
	EXPECT(dep, {"V4", E, "edge3",
		     "edge pool \"edge3\" has xmpp_proxy, but so has edge pool \"edge2\"; only one "
		     "pool may host the XMPP proxy, so clear it on one."});
}
END_TEST

/* ---- V5 ------------------------------------------------------------------- */

START_TEST(test_V5_invalid_address_is_error)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.300"));
	EXPECT(dep, {"V5", E, "edge",
		     "edge_pools[0].access_edge.addresses[1]: \"131.107.155.300\" is not a valid "
		     "IPv4 address: part 4 \"300\" is over 255; write a dotted quad or RFC 4291 IPv6 "
		     "text."});
}
END_TEST

START_TEST(test_V5_private_address_in_hardware_pool_is_error)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_HARDWARE));
	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_WEBCONF, "webcon.contoso.com"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_WEBCONF, "10.45.16.20"));
	EXPECT(dep, {"V5", E, "edge",
		     "edge pool \"edge\" uses hardware load balancing, but "
		     "edge_pools[0].webconf_edge.addresses[0] \"10.45.16.20\" is not a public "
		     "address; a hardware load balancer needs publicly routable addresses without "
		     "NAT, so use public ones."});
}
END_TEST

START_TEST(test_V5_private_address_in_single_pool_warns)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "FE80::1"));
	EXPECT(dep, {"V5", W, "edge",
		     "edge_pools[0].access_edge.addresses[1] \"FE80::1\" is not a public address; "
		     "external DNS must carry the public, post-NAT address, so give the address "
		     "the NAT publishes."});
}
END_TEST

START_TEST(test_V5_private_address_in_dns_pool_warns)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_DNS));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "100.64.0.1"));
	EXPECT(dep, {"V5", W, "edge",
		     "edge_pools[0].access_edge.addresses[1] \"100.64.0.1\" is not a public "
		     "address; external DNS must carry the public, post-NAT address, so give the "
		     "address the NAT publishes."});
}
END_TEST

/* Documentation ranges count as public so that examples can use them. */
START_TEST(test_V5_documentation_ranges_are_public)
{
	fedns_deployment *dep;
	fedns_edge_pool *p;

	OK(fedns_deployment_new(&dep));
	OK(fedns_deployment_add_sip_domain(dep, "contoso.com", NULL));
	OK(fedns_deployment_add_edge_pool(dep, "edge", &p));
	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_DNS));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "192.0.2.10"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "198.51.100.10"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "203.0.113.10"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "2001:db8::10"));
	expect_clean(dep);
}
END_TEST

/* ---- V6, V7 --------------------------------------------------------------- */

#define V7_NOT_ALLOWED                                                                      \
	"push_notifications is on but push.lync.com is not an allowed domain; add "        \
	"push.lync.com to the allowed domains (a step of Microsoft's push notification "   \
	"setup)."
#define V7_NO_PROVIDER                                                                      \
	"push_notifications is on but no enabled hosting provider has proxy FQDN "         \
	"sipfed.online.lync.com; add one (for example \"LyncOnline\") with verification "  \
	"use_source_verification."

START_TEST(test_V6_push_without_federation_is_error)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_set(dep, FEDNS_OPT_PUSH_NOTIFICATIONS, 1));
	expect_zh(dep, 0,
		  "已启用 push_notifications，但 allow_federated_users 已关闭；推送通知是与推送通知"
		  "交换所的联盟，请启用 allow_federated_users（或关闭 push_notifications）。");
	EXPECT(dep,
	       {"V6", E, "deployment",
		"push_notifications is on but allow_federated_users is off; push notifications are "
		"federation with the Push Notification Clearing House, so turn "
		"allow_federated_users on (or push_notifications off)."},
	       {"V7", W, "deployment", V7_NOT_ALLOWED}, {"V7", W, "deployment", V7_NO_PROVIDER});
}
END_TEST

START_TEST(test_V7_push_without_push_lync_com_allowed_warns)
{
	fedns_deployment *dep = federating(NULL, NULL);

	push_setup(dep, 0, 1, FEDNS_VERIFICATION_USE_SOURCE);
	EXPECT(dep, {"V7", W, "deployment", V7_NOT_ALLOWED});
}
END_TEST

START_TEST(test_V7_push_without_hosting_provider_warns)
{
	fedns_deployment *dep = federating(NULL, NULL);

	push_setup(dep, 1, 0, 0);
	EXPECT(dep, {"V7", W, "deployment", V7_NO_PROVIDER});
}
END_TEST

START_TEST(test_V7_push_with_disabled_hosting_provider_warns)
{
	fedns_deployment *dep = federating(NULL, NULL);

	push_setup(dep, 1, -1, FEDNS_VERIFICATION_USE_SOURCE);
	EXPECT(dep, {"V7", W, "LyncOnline",
		     "push_notifications is on but hosting provider \"LyncOnline\" "
		     "(sipfed.online.lync.com) is disabled; enable it: push notifications reach the "
		     "clearing house through it."});
}
END_TEST

START_TEST(test_V7_push_provider_without_source_verification_warns)
{
	fedns_deployment *dep = federating(NULL, NULL);

	push_setup(dep, 1, 1, FEDNS_VERIFICATION_ALWAYS_VERIFIABLE);
	EXPECT(dep, {"V7", W, "LyncOnline",
		     "hosting provider \"LyncOnline\" (sipfed.online.lync.com) has verification "
		     "always_verifiable; push notifications need use_source_verification, so set "
		     "that."});
}
END_TEST

/* The push domain and proxy compare as folded names. */
START_TEST(test_V7_push_setup_matches_folded_names)
{
	fedns_deployment *dep = federating(NULL, NULL);
	fedns_hosting_provider *h;

	OK(fedns_deployment_set(dep, FEDNS_OPT_PUSH_NOTIFICATIONS, 1));
	OK(fedns_deployment_add_allowed_domain(dep, "PUSH.Lync.com.", NULL, NULL));
	OK(fedns_deployment_add_hosting_provider(dep, "LyncOnline", "SIPFED.online.lync.COM.", &h));
	OK(fedns_hosting_provider_set(h, FEDNS_OPT_PROVIDER_VERIFICATION,
				      FEDNS_VERIFICATION_USE_SOURCE));
	expect_clean(dep);
}
END_TEST

/* ---- V8 ------------------------------------------------------------------- */

#define V8_CONTOSO                                                                          \
	"the federation SRV record _sipfederationtls._tcp.contoso.com is published while " \
	"partner_discovery is off: any domain can find this Access Edge, and it still "    \
	"admits only the allowed domains; turn partner_discovery on if unlisted partners " \
	"should be admitted."

START_TEST(test_V8_discoverable_without_partner_discovery_informs)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 1));
	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", NULL, NULL));
	EXPECT(dep, {"V8", I, "contoso.com", V8_CONTOSO});
}
END_TEST

/* R4 publishes the SRV for push even when not discoverable. */
START_TEST(test_V8_push_srv_without_partner_discovery_informs)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = fixture_contoso(&d, NULL);

	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_MOBILITY, 1));
	push_setup(dep, 1, 1, FEDNS_VERIFICATION_USE_SOURCE);
	EXPECT(dep, {"V8", I, "contoso.com", V8_CONTOSO});
}
END_TEST

START_TEST(test_V8_domain_without_users_is_silent)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = fixture_contoso(&d, NULL);

	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_USERS, 0));
	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 1));
	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", NULL, NULL));
	expect_clean(dep);
}
END_TEST

/* ---- V9 ------------------------------------------------------------------- */

START_TEST(test_V9_xmpp_domain_without_proxy_pool_is_error)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = fixture_contoso(&d, NULL);

	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1));
	clean_partner(dep, "jabber.example.org");
	EXPECT(dep, {"V9", E, "contoso.com",
		     "SIP domain \"contoso.com\" has xmpp on but no edge pool hosts the XMPP proxy; "
		     "set xmpp_proxy on the edge pool that carries XMPP federation (or turn xmpp off "
		     "for the domain)."});
}
END_TEST

/* ---- V10 ------------------------------------------------------------------ */

START_TEST(test_V10_srv_target_outside_domain_is_error)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_ACCESS, "SIP.fabrikam.com"));
	EXPECT(dep, {"V10", E, "contoso.com",
		     "the SRV records of SIP domain \"contoso.com\" would point to "
		     "\"sip.fabrikam.com\" (the access_edge.fqdn of edge pool \"edge\"), which is "
		     "outside \"contoso.com\"; Microsoft requires the target's A/AAAA record in the "
		     "SRV's own domain and partners match it strictly, so give each SIP domain its "
		     "own host label (access_edge.host) instead."});
}
END_TEST

/* One access edge FQDN suits the first domain only. */
START_TEST(test_V10_shared_fqdn_fails_for_other_domains)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL));
	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_ACCESS, "sip.contoso.com"));
	EXPECT(dep, {"V10", E, "fabrikam.com",
		     "the SRV records of SIP domain \"fabrikam.com\" would point to "
		     "\"sip.contoso.com\" (the access_edge.fqdn of edge pool \"edge\"), which is "
		     "outside \"fabrikam.com\"; Microsoft requires the target's A/AAAA record in the "
		     "SRV's own domain and partners match it strictly, so give each SIP domain its "
		     "own host label (access_edge.host) instead."});
}
END_TEST

/* Without R2-R4 there is no SRV whose target could be wrong. */
START_TEST(test_V10_no_srv_no_error)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_deployment_set(dep, FEDNS_OPT_EXTERNAL_ACCESS, 0));
	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_ACCESS, "sip.fabrikam.com"));
	expect_clean(dep);
}
END_TEST

/* ---- V11 ------------------------------------------------------------------ */

START_TEST(test_V11_domain_allowed_and_blocked_is_error)
{
	fedns_deployment *dep = federating(NULL, NULL);

	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", NULL, NULL));
	OK(fedns_deployment_add_blocked_domain(dep, "Fabrikam.com.", NULL));
	EXPECT(dep, {"V11", E, "fabrikam.com",
		     "\"fabrikam.com\" (federation.blocked_domains[0].domain) is also allowed "
		     "(federation.allowed_domains[0].domain); the server refuses a domain that is "
		     "both allowed and blocked, so remove one of the entries."});
}
END_TEST

/* A blocked domain allowed twice names the first allowed listing. */
START_TEST(test_V11_blocked_domain_allowed_twice_names_the_first)
{
	fedns_deployment *dep = federating(NULL, NULL);

	OK(fedns_deployment_add_allowed_domain(dep, "litware.com", NULL, NULL));
	OK(fedns_deployment_add_allowed_domain(dep, "Fabrikam.com", NULL, NULL));
	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com.", NULL, NULL));
	OK(fedns_deployment_add_blocked_domain(dep, "FABRIKAM.COM", NULL));
	EXPECT(dep,
	       {"V14", E, "fabrikam.com",
		"\"fabrikam.com\" (federation.allowed_domains[2].domain) is listed twice: it "
		"repeats federation.allowed_domains[1].domain once case and the trailing dot are "
		"ignored; remove the duplicate."},
	       {"V11", E, "fabrikam.com",
		"\"fabrikam.com\" (federation.blocked_domains[0].domain) is also allowed "
		"(federation.allowed_domains[1].domain); the server refuses a domain that is both "
		"allowed and blocked, so remove one of the entries."});
}
END_TEST

START_TEST(test_V11_own_domain_allowed_is_error)
{
	fedns_deployment *dep = federating(NULL, NULL);

	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", NULL, NULL));
	OK(fedns_deployment_add_allowed_domain(dep, "CONTOSO.com", NULL, NULL));
	EXPECT(dep, {"V11", E, "contoso.com",
		     "\"contoso.com\" (federation.allowed_domains[1].domain) is one of this "
		     "deployment's own SIP domains; federation is with other organisations, so "
		     "remove the entry."});
}
END_TEST

START_TEST(test_V11_own_domain_blocked_is_error)
{
	fedns_deployment *dep = federating(NULL, NULL);

	OK(fedns_deployment_add_blocked_domain(dep, "contoso.com", NULL));
	EXPECT(dep, {"V11", E, "contoso.com",
		     "\"contoso.com\" (federation.blocked_domains[0].domain) is one of this "
		     "deployment's own SIP domains; federation is with other organisations, so "
		     "remove the entry."});
}
END_TEST

START_TEST(test_V11_own_domain_as_xmpp_partner_is_error)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_xmpp_partner *x = clean_partner(dep, "jabber.example.org");

	OK(fedns_xmpp_partner_add_domain(x, "contoso.com"));
	EXPECT(dep, {"V11", E, "jabber.example.org",
		     "\"contoso.com\" (xmpp.partners[0].additional_domains[0]) is one of this "
		     "deployment's own SIP domains; federation is with other organisations, so "
		     "remove the entry."});
}
END_TEST

/* ---- V12 ------------------------------------------------------------------ */

#define V23_CONTOSO                                                                          \
	"no federation SRV record is published for SIP domain \"contoso.com\": partners "   \
	"that list \"contoso.com\" as an allowed domain without a proxy FQDN cannot find "  \
	"this Access Edge; give them the Access Edge FQDN \"sip.contoso.com\", or set "     \
	"discoverable."

START_TEST(test_V12_federation_without_discovery_or_allowed_domains_warns)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	EXPECT(dep,
	       {"V12", W, "deployment",
		"allow_federated_users is on but partner_discovery is off and there are no allowed "
		"domains, so no partner and no hosting provider can federate; add the partners' "
		"domains (and push.lync.com for push notifications) to the allowed domains, or "
		"turn partner_discovery on."},
	       {"V23", I, "contoso.com", V23_CONTOSO});
}
END_TEST

/* ---- V13 ------------------------------------------------------------------ */

START_TEST(test_V13_allowed_domains_without_federation_warn)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", NULL, NULL));
	OK(fedns_deployment_add_allowed_domain(dep, "litware.com", NULL, NULL));
	EXPECT(dep, {"V13", W, "deployment",
		     "allow_federated_users is off, so the allowed domains (2) have no effect; turn "
		     "allow_federated_users on or remove them."});
}
END_TEST

START_TEST(test_V13_blocked_domains_without_federation_warn)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_add_blocked_domain(dep, "spam.example", NULL));
	EXPECT(dep, {"V13", W, "deployment",
		     "allow_federated_users is off, so the blocked domains (1) have no effect; turn "
		     "allow_federated_users on or remove them."});
}
END_TEST

START_TEST(test_V13_hosting_providers_without_federation_warn)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_add_hosting_provider(dep, "Hoster", "sip.hoster.example", NULL));
	EXPECT(dep, {"V13", W, "deployment",
		     "allow_federated_users is off, so the hosting providers (1) have no effect; "
		     "turn allow_federated_users on or remove them."});
}
END_TEST

START_TEST(test_V13_explicit_discoverable_without_federation_warns)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 0));
	EXPECT(dep, {"V13", W, "deployment",
		     "allow_federated_users is off, so discoverable (set to 0) has no effect; turn "
		     "allow_federated_users on or leave discoverable unset."});
}
END_TEST

/* ---- V14 ------------------------------------------------------------------ */

START_TEST(test_V14_negative_ttl_is_error)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_set(dep, FEDNS_OPT_TTL, -1));
	expect_zh(dep, 0, "ttl -1 超出 0..2147483647 的范围；请使用该范围内的 TTL（默认值为 3600）。");
	EXPECT(dep, {"V14", E, "deployment",
		     "ttl -1 is outside 0..2147483647; use a TTL in that range (the default is "
		     "3600)."});
}
END_TEST

START_TEST(test_V14_ttl_over_2147483647_is_error)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_set(dep, FEDNS_OPT_TTL, INT64_C(2147483648)));
	EXPECT(dep, {"V14", E, "deployment",
		     "ttl 2147483648 is outside 0..2147483647; use a TTL in that range (the default "
		     "is 3600)."});
}
END_TEST

START_TEST(test_V14_ttl_bounds_are_valid)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_set(dep, FEDNS_OPT_TTL, 0));
	expect_clean(dep);
	dep = fixture_contoso(NULL, NULL);
	OK(fedns_deployment_set(dep, FEDNS_OPT_TTL, INT64_C(2147483647)));
	expect_clean(dep);
}
END_TEST

START_TEST(test_V14_duplicate_allowed_domain_is_error)
{
	fedns_deployment *dep = federating(NULL, NULL);

	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", NULL, NULL));
	OK(fedns_deployment_add_allowed_domain(dep, "litware.com", NULL, NULL));
	OK(fedns_deployment_add_allowed_domain(dep, "FABRIKAM.com.", "sip.fabrikam.com", NULL));
	EXPECT(dep, {"V14", E, "fabrikam.com",
		     "\"fabrikam.com\" (federation.allowed_domains[2].domain) is listed twice: it "
		     "repeats federation.allowed_domains[0].domain once case and the trailing dot "
		     "are ignored; remove the duplicate."});
}
END_TEST

START_TEST(test_V14_duplicate_blocked_domain_is_error)
{
	fedns_deployment *dep = federating(NULL, NULL);

	OK(fedns_deployment_add_blocked_domain(dep, "spam.example", NULL));
	OK(fedns_deployment_add_blocked_domain(dep, "Spam.Example", NULL));
	EXPECT(dep, {"V14", E, "spam.example",
		     "\"spam.example\" (federation.blocked_domains[1].domain) is listed twice: it "
		     "repeats federation.blocked_domains[0].domain once case and the trailing dot "
		     "are ignored; remove the duplicate."});
}
END_TEST

/* A partner's domain and additional domains share one namespace (P6). */
START_TEST(test_V14_duplicate_xmpp_partner_domain_is_error)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_xmpp_partner *x = clean_partner(dep, "jabber.example.org");

	OK(fedns_xmpp_partner_add_domain(x, "chat.example.org"));
	clean_partner(dep, "Chat.Example.org");
	EXPECT(dep, {"V14", E, "chat.example.org",
		     "\"chat.example.org\" (xmpp.partners[1].domain) is listed twice: it repeats "
		     "xmpp.partners[0].additional_domains[0] once case and the trailing dot are "
		     "ignored; remove the duplicate."});
}
END_TEST

/* The duplicates of one partner come in the order of their names, then
 * their positions, whatever the order they are listed in. */
START_TEST(test_V14_duplicates_of_one_partner_in_name_order)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_xmpp_partner *x = clean_partner(dep, "a.example");

	OK(fedns_xmpp_partner_add_domain(x, "b.example"));
	OK(fedns_xmpp_partner_add_domain(x, "c.example"));
	x = clean_partner(dep, "jabber.example");
	OK(fedns_xmpp_partner_add_domain(x, "c.example"));
	OK(fedns_xmpp_partner_add_domain(x, "B.example"));
	OK(fedns_xmpp_partner_add_domain(x, "a.example."));
	OK(fedns_xmpp_partner_add_domain(x, "b.example."));
	EXPECT(dep,
	       {"V14", E, "jabber.example",
		"\"a.example\" (xmpp.partners[1].additional_domains[2]) is listed twice: it "
		"repeats xmpp.partners[0].domain once case and the trailing dot are ignored; "
		"remove the duplicate."},
	       {"V14", E, "jabber.example",
		"\"b.example\" (xmpp.partners[1].additional_domains[1]) is listed twice: it "
		"repeats xmpp.partners[0].additional_domains[0] once case and the trailing dot "
		"are ignored; remove the duplicate."},
	       {"V14", E, "jabber.example",
		"\"b.example\" (xmpp.partners[1].additional_domains[3]) is listed twice: it "
		"repeats xmpp.partners[0].additional_domains[0] once case and the trailing dot "
		"are ignored; remove the duplicate."},
	       {"V14", E, "jabber.example",
		"\"c.example\" (xmpp.partners[1].additional_domains[0]) is listed twice: it "
		"repeats xmpp.partners[0].additional_domains[1] once case and the trailing dot "
		"are ignored; remove the duplicate."});
}
END_TEST

/* ---- V15 ------------------------------------------------------------------ */

START_TEST(test_V15_public_im_with_several_domains_informs)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PUBLIC_IM, 1));
	EXPECT(dep, {"V15", I, "deployment",
		     "public IM connectivity is on with 2 SIP domains: provision every SIP domain "
		     "other than the primary \"contoso.com\" with each public IM provider against "
		     "the primary Access Edge FQDN \"sip.contoso.com\" (providers are reported to "
		     "check only the certificate's subject name)."});
}
END_TEST

START_TEST(test_V15_domains_without_users_do_not_count)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", &d));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_USERS, 0));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PUBLIC_IM, 1));
	expect_clean(dep);
}
END_TEST

/* ---- V16 ------------------------------------------------------------------ */

START_TEST(test_V16_blocked_domains_without_partner_discovery_inform)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", NULL, NULL));
	OK(fedns_deployment_add_blocked_domain(dep, "spam.example", NULL));
	EXPECT(dep,
	       {"V16", I, "deployment",
		"the blocked domains (1) have no effect while allow_federated_users is on and "
		"partner_discovery is off: only allowed domains can federate; remove them, or keep "
		"them for when partner_discovery is turned on."},
	       {"V23", I, "contoso.com", V23_CONTOSO});
}
END_TEST

/* ---- V17 ------------------------------------------------------------------ */

START_TEST(test_V17_dns_pool_with_public_im_warns)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_DNS));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PUBLIC_IM, 1));
	EXPECT(dep, {"V17", W, "edge",
		     "edge pool \"edge\" uses DNS load balancing while public IM connectivity is on: "
		     "public IM providers (and OCS 2007 partners) lose failover when a member is "
		     "down; use hardware load balancing for high availability."});
}
END_TEST

START_TEST(test_V17_dns_pool_hosting_xmpp_proxy_warns)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_DNS));
	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_XMPP_PROXY, 1));
	EXPECT(dep, {"V17", W, "edge",
		     "edge pool \"edge\" uses DNS load balancing and hosts the XMPP proxy: XMPP "
		     "partners lose failover when a member is down; use hardware load balancing for "
		     "high availability."});
}
END_TEST

/* ---- V18 ------------------------------------------------------------------ */

START_TEST(test_V18_dns_pool_with_13_addresses_of_one_family_warns)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);
	char address[32];
	int i;

	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_DNS));
	for (i = 11; i <= 22; i++) {
		snprintf(address, sizeof address, "131.107.155.%d", i);
		OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, address));
	}
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "2001:db8::10"));
	EXPECT(dep, {"V18", W, "edge",
		     "edge pool \"edge\" has 13 access_edge IPv4 addresses; an edge pool supports at "
		     "most 12 servers, so list at most 12 (one per member)."});
}
END_TEST

START_TEST(test_V18_dns_pool_role_counts_differ_warns)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_DNS));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.11"));
	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_WEBCONF, "webcon.contoso.com"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_WEBCONF, "131.107.155.20"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_WEBCONF, "131.107.155.21"));
	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_AV, "av.contoso.com"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_AV, "131.107.155.30"));
	EXPECT(dep, {"V18", W, "edge",
		     "edge pool \"edge\" has 1 av_edge IPv4 addresses but 2 access_edge ones; a "
		     "DNS-load-balanced pool needs one of each per member, so make the counts "
		     "equal."});
}
END_TEST

START_TEST(test_V18_single_pool_with_two_addresses_of_one_family_warns)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.11"));
	EXPECT(dep, {"V18", W, "edge",
		     "edge pool \"edge\" uses single load balancing but has 2 access_edge IPv4 "
		     "addresses; such a pool publishes one address per family (the server's or the "
		     "VIP's), so keep one, or use dns load balancing."});
}
END_TEST

START_TEST(test_V18_hardware_pool_with_two_addresses_of_one_family_warns)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_HARDWARE));
	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_AV, "av.contoso.com"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_AV, "2001:db8::30"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_AV, "2001:db8::31"));
	EXPECT(dep, {"V18", W, "edge",
		     "edge pool \"edge\" uses hardware load balancing but has 2 av_edge IPv6 "
		     "addresses; such a pool publishes one address per family (the server's or the "
		     "VIP's), so keep one, or use dns load balancing."});
}
END_TEST

/* ---- V19 ------------------------------------------------------------------ */

START_TEST(test_V19_two_providers_with_one_name_is_error)
{
	fedns_deployment *dep = federating(NULL, NULL);

	OK(fedns_deployment_add_hosting_provider(dep, "Hoster", "sip.hoster.example", NULL));
	OK(fedns_deployment_add_hosting_provider(dep, "HOSTER", "sip.other.example", NULL));
	EXPECT(dep, {"V19", E, "HOSTER",
		     "provider \"HOSTER\" (hosting_providers[1]) has the same name as "
		     "hosting_providers[0]; each provider may appear once, so rename or remove "
		     "one."});
}
END_TEST

/* Public and hosting providers are one list of relationships. */
START_TEST(test_V19_public_and_hosting_provider_with_one_proxy_is_error)
{
	fedns_deployment *dep = federating(NULL, NULL);

	OK(fedns_deployment_add_hosting_provider(dep, "LyncOnline", "SIPFED.online.lync.com.",
						 NULL));
	OK(fedns_deployment_add_public_provider(dep, "Skype", "sipfed.online.lync.com", NULL));
	EXPECT(dep, {"V19", E, "LyncOnline",
		     "provider \"LyncOnline\" (hosting_providers[0]) has the same proxy FQDN "
		     "\"SIPFED.online.lync.com.\" as public_im.providers[0]; there is one "
		     "relationship per provider, so remove one."});
}
END_TEST

/* ---- V20 ------------------------------------------------------------------ */

START_TEST(test_V20_xmpp_domain_without_partners_warns)
{
	fedns_sip_domain *d;
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(&d, &p);

	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1));
	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_XMPP_PROXY, 1));
	EXPECT(dep, {"V20", W, "contoso.com",
		     "SIP domain \"contoso.com\" has xmpp on but there are no XMPP partners, so no "
		     "XMPP contact can be reached; add the XMPP partners (or turn xmpp off)."});
}
END_TEST

/* ---- V21 ------------------------------------------------------------------ */

#define V21_SASL_OPTIONAL_TLS_NOT_SUPPORTED                                                \
	"XMPP partner \"jabber.example.org\" has sasl optional but tls not_supported: SASL " \
	"needs TLS, so negotiation may fail; set tls to required (or sasl to "               \
	"not_supported)."

START_TEST(test_V21_no_dialback_and_no_sasl_is_error)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_xmpp_partner *x = clean_partner(dep, "jabber.example.org");

	OK(fedns_xmpp_partner_set(x, FEDNS_OPT_XMPP_SASL, FEDNS_NEGOTIATION_NOT_SUPPORTED));
	EXPECT(dep, {"V21", E, "jabber.example.org",
		     "XMPP partner \"jabber.example.org\" has dialback off with tls required and "
		     "sasl not_supported, so the partner's server cannot be authenticated; turn "
		     "dialback on, or make tls and sasl required."});
}
END_TEST

START_TEST(test_V21_sasl_without_required_tls_warns)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_xmpp_partner *x;

	OK(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", &x));
	OK(fedns_xmpp_partner_set(x, FEDNS_OPT_XMPP_TLS, FEDNS_NEGOTIATION_OPTIONAL));
	EXPECT(dep, {"V21", W, "jabber.example.org",
		     "XMPP partner \"jabber.example.org\" has sasl required but tls optional: SASL "
		     "needs TLS, so negotiation may fail; set tls to required (or sasl to "
		     "not_supported)."});
}
END_TEST

START_TEST(test_V21_dialback_with_tls_and_sasl_required_informs)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", NULL));
	EXPECT(dep, {"V21", I, "jabber.example.org",
		     "XMPP partner \"jabber.example.org\" has dialback on with tls and sasl both "
		     "required (the cmdlet's defaults), so dialback never runs; you may turn it "
		     "off."});
}
END_TEST

START_TEST(test_V21_error_and_warning_together)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_xmpp_partner *x = clean_partner(dep, "jabber.example.org");

	OK(fedns_xmpp_partner_set(x, FEDNS_OPT_XMPP_TLS, FEDNS_NEGOTIATION_NOT_SUPPORTED));
	OK(fedns_xmpp_partner_set(x, FEDNS_OPT_XMPP_SASL, FEDNS_NEGOTIATION_OPTIONAL));
	EXPECT(dep,
	       {"V21", E, "jabber.example.org",
		"XMPP partner \"jabber.example.org\" has dialback off with tls not_supported and "
		"sasl optional, so the partner's server cannot be authenticated; turn dialback on, "
		"or make tls and sasl required."},
	       {"V21", W, "jabber.example.org", V21_SASL_OPTIONAL_TLS_NOT_SUPPORTED});
}
END_TEST

/* ---- V22 ------------------------------------------------------------------ */

START_TEST(test_V22_xmpp_domain_on_sfb2019_is_error)
{
	fedns_sip_domain *d;
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(&d, &p);

	OK(fedns_deployment_set(dep, FEDNS_OPT_SERVER, FEDNS_SERVER_SFB2019));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1));
	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_XMPP_PROXY, 1));
	clean_partner(dep, "jabber.example.org");
	EXPECT(dep, {"V22", E, "deployment",
		     "XMPP federation is configured (sip_domains[0].xmpp) but server is sfb2019, "
		     "where the XMPP gateway and proxy are not supported; remove the XMPP settings, "
		     "or use lync2013 or sfb2015."});
}
END_TEST

START_TEST(test_V22_xmpp_proxy_on_sfbse_is_error)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_deployment_set(dep, FEDNS_OPT_SERVER, FEDNS_SERVER_SFBSE));
	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_XMPP_PROXY, 1));
	EXPECT(dep, {"V22", E, "deployment",
		     "XMPP federation is configured (edge_pools[0].xmpp_proxy) but server is sfbse, "
		     "where the XMPP gateway and proxy are not supported; remove the XMPP settings, "
		     "or use lync2013 or sfb2015."});
}
END_TEST

START_TEST(test_V22_sfb2019_without_xmpp_is_valid)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_set(dep, FEDNS_OPT_SERVER, FEDNS_SERVER_SFB2019));
	expect_clean(dep);
}
END_TEST

/* ---- V23 ------------------------------------------------------------------ */

START_TEST(test_V23_federation_without_srv_informs)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", NULL, NULL));
	expect_zh(dep, 0,
		  "SIP 域“contoso.com”没有发布联盟 SRV 记录：把“contoso.com”列为允许的域但未填写"
		  "代理 FQDN 的合作伙伴找不到此访问边缘；请把访问边缘 FQDN“sip.contoso.com”告诉他们，"
		  "或设置 discoverable。");
	EXPECT(dep, {"V23", I, "contoso.com", V23_CONTOSO});
}
END_TEST

START_TEST(test_V23_names_the_access_edge_fqdn)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);

	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_ACCESS, "Edge.Contoso.com"));
	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 0));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 1));
	EXPECT(dep, {"V23", I, "contoso.com",
		     "no federation SRV record is published for SIP domain \"contoso.com\": "
		     "partners that list \"contoso.com\" as an allowed domain without a proxy FQDN "
		     "cannot find this Access Edge; give them the Access Edge FQDN "
		     "\"edge.contoso.com\", or set discoverable."});
}
END_TEST

/* ---- V24 ------------------------------------------------------------------ */

START_TEST(test_V24_enabled_public_provider_informs)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_public_provider *pp;

	OK(fedns_deployment_set(dep, FEDNS_OPT_PUBLIC_IM, 1));
	OK(fedns_deployment_add_public_provider(dep, "Skype", "federation.messenger.msn.com", NULL));
	OK(fedns_deployment_add_public_provider(dep, "AOL", "sip.oscar.aol.com", &pp));
	OK(fedns_public_provider_set(pp, FEDNS_OPT_PROVIDER_ENABLED, 0));
	EXPECT(dep, {"V24", I, "Skype",
		     "public IM provider \"Skype\" is enabled, but Microsoft's public IM "
		     "connectivity services have ended (Windows Live Messenger in 2013, AOL and "
		     "Yahoo! in 2014, Skype consumer in 2025), and AOL also needed the client EKU on "
		     "the certificate; disable or remove the provider."});
}
END_TEST

START_TEST(test_V24_providers_without_public_im_are_silent)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_add_public_provider(dep, "Skype", "federation.messenger.msn.com", NULL));
	expect_clean(dep);
}
END_TEST

/* ---- Order and combinations ----------------------------------------------- */

/* SPEC 3: deployment-level first, then by subject position in the document
 * (domains, pools, ... in document order), then by rule id. */
START_TEST(test_order_deployment_then_subject_position_then_rule)
{
	fedns_sip_domain *d;
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(&d, &p);

	OK(fedns_deployment_add_blocked_domain(dep, "spam.example", NULL));
	OK(fedns_deployment_set(dep, FEDNS_OPT_TTL, INT64_C(4294967296)));
	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_HARDWARE));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "192.168.1.10"));
	OK(fedns_deployment_add_sip_domain(dep, "bad_name.com", NULL));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PUSH_NOTIFICATIONS, 1));
	EXPECT(dep,
	       {"V6", E, "deployment",
		"push_notifications is on but allow_federated_users is off; push notifications are "
		"federation with the Push Notification Clearing House, so turn "
		"allow_federated_users on (or push_notifications off)."},
	       {"V7", W, "deployment", V7_NOT_ALLOWED}, {"V7", W, "deployment", V7_NO_PROVIDER},
	       {"V13", W, "deployment",
		"allow_federated_users is off, so the blocked domains (1) have no effect; turn "
		"allow_federated_users on or remove them."},
	       {"V14", E, "deployment",
		"ttl 4294967296 is outside 0..2147483647; use a TTL in that range (the default is "
		"3600)."},
	       {"V9", E, "contoso.com",
		"SIP domain \"contoso.com\" has xmpp on but no edge pool hosts the XMPP proxy; set "
		"xmpp_proxy on the edge pool that carries XMPP federation (or turn xmpp off for the "
		"domain)."},
	       {"V20", W, "contoso.com",
		"SIP domain \"contoso.com\" has xmpp on but there are no XMPP partners, so no XMPP "
		"contact can be reached; add the XMPP partners (or turn xmpp off)."},
	       {"V1", E, "bad_name.com",
		"sip_domains[1].name: label 1 \"bad_name\" of \"bad_name.com\" has '_' (only "
		"letters, digits and hyphens are allowed); correct the name."},
	       {"V5", E, "edge",
		"edge pool \"edge\" uses hardware load balancing, but "
		"edge_pools[0].access_edge.addresses[1] \"192.168.1.10\" is not a public address; a "
		"hardware load balancer needs publicly routable addresses without NAT, so use "
		"public ones."},
	       {"V18", W, "edge",
		"edge pool \"edge\" uses hardware load balancing but has 2 access_edge IPv4 "
		"addresses; such a pool publishes one address per family (the server's or the "
		"VIP's), so keep one, or use dns load balancing."});
}
END_TEST

/* Each rule reports every offending entry, not just the first. */
START_TEST(test_every_fault_is_reported)
{
	fedns_deployment *dep = federating(NULL, NULL);
	fedns_diagnostics *g;

	OK(fedns_deployment_add_allowed_domain(dep, "a_1.example", NULL, NULL));
	OK(fedns_deployment_add_allowed_domain(dep, "b.example", NULL, NULL));
	OK(fedns_deployment_add_allowed_domain(dep, "a_2.example", NULL, NULL));
	OK(fedns_deployment_add_allowed_domain(dep, "B.example", NULL, NULL));
	OK(fedns_deployment_add_blocked_domain(dep, "b.example", NULL));
	OK(fedns_deployment_add_blocked_domain(dep, "contoso.com", NULL));
	g = validate(dep);
	ck_assert_uint_eq(fedns_diagnostics_count(g), 5);
	ck_assert_uint_eq(fedns_diagnostics_count_severity(g, E), 5);
	ck_assert_str_eq(fedns_diagnostic_rule(g, 0), "V1");
	ck_assert_str_eq(fedns_diagnostic_subject(g, 1), "a_2.example");
	ck_assert_str_eq(fedns_diagnostic_rule(g, 2), "V14");
	ck_assert_str_eq(fedns_diagnostic_rule(g, 3), "V11");
	ck_assert_str_eq(fedns_diagnostic_subject(g, 4), "contoso.com");
	fedns_diagnostics_free(g);
	fedns_deployment_free(dep);
}
END_TEST

/* The duplicate checks and lookups use hash tables: a large document
 * stays fast (the full benchmark has 10^5 domains and 10^6 entries). */
START_TEST(test_large_lists_are_checked_in_linear_time)
{
	fedns_deployment *dep = federating(NULL, NULL);
	fedns_diagnostics *g;
	char name[64];
	int i;

	for (i = 0; i < 20000; i++) {
		snprintf(name, sizeof name, "d%d.contoso.com", i);
		OK(fedns_deployment_add_sip_domain(dep, name, NULL));
	}
	for (i = 0; i < 100000; i++) {
		snprintf(name, sizeof name, "p%d.example", i % 99000);
		OK(fedns_deployment_add_allowed_domain(dep, name, NULL, NULL));
		snprintf(name, sizeof name, "b%d.example", i);
		OK(fedns_deployment_add_blocked_domain(dep, name, NULL));
	}
	g = validate(dep);
	ck_assert_uint_eq(fedns_diagnostics_count(g), 1000);
	ck_assert_str_eq(fedns_diagnostic_rule(g, 0), "V14");
	ck_assert_str_eq(fedns_diagnostic_subject(g, 0), "p0.example");
	fedns_diagnostics_free(g);
	fedns_deployment_free(dep);
}
END_TEST

/* ---- Messages --------------------------------------------------------------- */

struct pair {
	int rule;
	const char *en, *zh;
};

#define PAIR(rule, message) {rule, message},
static const struct pair pairs[] = {FEDNS_VMESSAGES(PAIR)};
#define NPAIRS ((int)(sizeof(pairs) / sizeof(pairs[0])))

/* The conversions of a printf format, length modifier and letter each
 * ("s zu s"); precision and width are ignored: "%.0s" skips an argument
 * of the other language, and counts as one "s". */
static void conversions(const char *fmt, char *out, size_t cap)
{
	size_t len = 0;

	out[0] = '\0';
	for (; *fmt; fmt++) {
		if (*fmt != '%')
			continue;
		fmt++;
		if (*fmt == '%')
			continue;
		fmt += strspn(fmt, "-+ #0123456789.*");
		len += (size_t)snprintf(out + len, cap - len, "%.*s ",
					(int)(strspn(fmt, "hlLqjzt") + 1), fmt);
		fmt += strspn(fmt, "hlLqjzt");
	}
}

START_TEST(test_messages_take_the_same_arguments_in_both_languages)
{
	char en[256], zh[256];

	conversions(pairs[_i].en, en, sizeof en);
	conversions(pairs[_i].zh, zh, sizeof zh);
	ck_assert_msg(strcmp(en, zh) == 0, "V%d: \"%s\" takes [%s], its Chinese [%s]",
		      pairs[_i].rule, pairs[_i].en, en, zh);
	ck_assert_msg(strlen(pairs[_i].en) > 0 && strlen(pairs[_i].zh) > 0, "V%d empty",
		      pairs[_i].rule);
}
END_TEST

START_TEST(test_every_rule_has_a_message)
{
	int rule, i, seen;

	for (rule = 1; rule <= 24; rule++) {
		for (i = seen = 0; i < NPAIRS; i++)
			seen += pairs[i].rule == rule;
		ck_assert_msg(seen > 0, "V%d has no message", rule);
	}
}
END_TEST

/* ---- Allocation failure ---------------------------------------------------- */

struct faulty {
	long left; /* allocations before the failing one; -1: never fail */
	int forever;
	long live;
};

static int fail_now(struct faulty *f)
{
	if (f->left < 0)
		return 0;
	if (f->left > 0) {
		f->left--;
		return 0;
	}
	if (!f->forever)
		f->left = -1;
	return 1;
}

static void *f_malloc(void *ud, size_t size)
{
	struct faulty *f = ud;
	void *p = fail_now(f) ? NULL : malloc(size);

	f->live += p != NULL;
	return p;
}

static void *f_realloc(void *ud, void *ptr, size_t size)
{
	struct faulty *f = ud;
	void *p = fail_now(f) ? NULL : realloc(ptr, size);

	f->live += p != NULL && ptr == NULL;
	return p;
}

static void f_free(void *ud, void *ptr)
{
	struct faulty *f = ud;

	f->live -= ptr != NULL;
	free(ptr);
}

/* A document that makes most rules allocate: bad names, duplicates in
 * every list, conflicts and providers. */
static fedns_deployment *faulty_document(struct faulty *f)
{
	fedns_deployment *dep;
	fedns_edge_pool *p;
	fedns_xmpp_partner *x;

	OK(fedns_deployment_new_with_allocator(f_malloc, f_realloc, f_free, f, &dep));
	OK(fedns_deployment_add_sip_domain(dep, "contoso.com", NULL));
	OK(fedns_deployment_add_sip_domain(dep, "Contoso.com.", NULL));
	OK(fedns_deployment_add_sip_domain(dep, "bad_name.com", NULL));
	OK(fedns_deployment_add_edge_pool(dep, "edge", &p));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "10.0.0.1"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "300.0.0.1"));
	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", NULL, NULL));
	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", NULL, NULL));
	OK(fedns_deployment_add_blocked_domain(dep, "fabrikam.com", NULL));
	OK(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", &x));
	OK(fedns_xmpp_partner_add_domain(x, "jabber.example.org"));
	OK(fedns_deployment_add_hosting_provider(dep, "H", "sip.h.example", NULL));
	OK(fedns_deployment_add_hosting_provider(dep, "h", "sip.h.example", NULL));
	return dep;
}

static void fail_each_allocation(int forever)
{
	struct faulty f = {-1, 0, 0};
	size_t want;
	long n;

	{
		fedns_deployment *dep = faulty_document(&f);
		fedns_diagnostics *g = validate(dep);

		want = fedns_diagnostics_count(g);
		fedns_diagnostics_free(g);
		fedns_deployment_free(dep);
		ck_assert_int_eq(f.live, 0);
	}
	for (n = 0;; n++) {
		fedns_deployment *dep = faulty_document(&f);
		fedns_diagnostics *g = (fedns_diagnostics *)&f;
		fedns_status st;

		f.left = n;
		f.forever = forever;
		st = fedns_deployment_validate(dep, &g);
		f.left = -1;
		if (st == FEDNS_OK) {
			ck_assert_uint_eq(fedns_diagnostics_count(g), want);
			fedns_diagnostics_free(g);
		} else {
			ck_assert_int_eq(st, FEDNS_ENOMEM);
			ck_assert_ptr_null(g);
		}
		fedns_deployment_free(dep);
		ck_assert_int_eq(f.live, 0);
		if (st == FEDNS_OK)
			break;
	}
	ck_assert_int_gt(n, 10);
}

START_TEST(test_allocation_failure_once_is_enomem_without_leak)
{
	fail_each_allocation(0);
}
END_TEST

START_TEST(test_allocation_failure_forever_is_enomem_without_leak)
{
	fail_each_allocation(1);
}
END_TEST

/* ---- Suite -------------------------------------------------------------------- */

static void add(Suite *s, const char *name, const TTest *const *tests, size_t n)
{
	TCase *tc = tcase_create(name);
	size_t i;

	tcase_set_timeout(tc, 60);
	for (i = 0; i < n; i++)
		tcase_add_test(tc, tests[i]);
	suite_add_tcase(s, tc);
}

#define ADD(s, name, ...)                                                       \
	do {                                                                    \
		const TTest *const tests_[] = {__VA_ARGS__};                    \
		add(s, name, tests_, sizeof(tests_) / sizeof(tests_[0]));       \
	} while (0)

/* ---- Microsoft 365 and the reverse proxy (SPEC 2b) ----------------------- */

static fedns_sip_domain *online_domain(fedns_deployment *dep, const char *name)
{
	fedns_sip_domain *d;

	OK(fedns_deployment_add_sip_domain(dep, name, &d));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_HOSTING, FEDNS_HOSTING_ONLINE));
	return d;
}

static fedns_reverse_proxy *proxy(fedns_deployment *dep, const char *address)
{
	fedns_reverse_proxy *rp;

	OK(fedns_deployment_add_reverse_proxy(dep, &rp));
	if (address)
		OK(fedns_reverse_proxy_add_address(rp, address));
	return rp;
}

START_TEST(test_V3_no_pool_needed_when_every_domain_is_online)
{
	fedns_deployment *dep;

	OK(fedns_deployment_new(&dep));
	online_domain(dep, "contoso.com");
	expect_clean(dep);
}
END_TEST

START_TEST(test_V3_online_domain_needs_no_default_pool_and_no_federation_srv)
{
	fedns_deployment *dep = federating(NULL, NULL);
	fedns_edge_pool *p;

	OK(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 0));
	OK(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 1));
	OK(fedns_deployment_add_edge_pool(dep, "second", &p));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.11"));
	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_FEDERATION_ROUTE, 1));
	online_domain(dep, "fabrikam.com");
	/* Neither V3 (no default pool needed) nor V8/V23 (R9 publishes the
	 * federation SRV) for the online domain. */
	OK(fedns_deployment_add_allowed_domain(dep, "adatum.com", NULL, NULL));
	EXPECT(dep, {"V8", I, "contoso.com",
		     "the federation SRV record _sipfederationtls._tcp.contoso.com is published "
		     "while partner_discovery is off: any domain can find this Access Edge, and it "
		     "still admits only the allowed domains; turn partner_discovery on if unlisted "
		     "partners should be admitted."});
}
END_TEST

START_TEST(test_V5_reverse_proxy_addresses)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_reverse_proxy *rp = proxy(dep, "10.0.0.40");

	OK(fedns_reverse_proxy_add_address(rp, "131.107.155.400"));
	EXPECT(dep,
	       {"V5", W, "reverse_proxy",
		"reverse_proxy.addresses[0] \"10.0.0.40\" is not a public address; external DNS "
		"must carry the public, post-NAT address, so give the address the NAT publishes."},
	       {"V5", E, "reverse_proxy",
		"reverse_proxy.addresses[1]: \"131.107.155.400\" is not a valid IPv4 address: part "
		"4 \"400\" is over 255; write a dotted quad or RFC 4291 IPv6 text."});
}
END_TEST

START_TEST(test_V1_reverse_proxy_names)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_reverse_proxy *rp = proxy(dep, "131.107.155.40");

	OK(fedns_reverse_proxy_set_fqdn(rp, FEDNS_PROXY_DIALIN, "dial in.contoso.com"));
	OK(fedns_reverse_proxy_set_fqdn(rp, FEDNS_PROXY_WEB, "ext.contoso.com"));
	EXPECT(dep, {"V1", E, "reverse_proxy",
		     "reverse_proxy.dialin: label 1 \"dial in\" of \"dial in.contoso.com\" has a "
		     "space (only letters, digits and hyphens are allowed); correct the name."});
}
END_TEST

START_TEST(test_V25_online_domain_with_xmpp)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_sip_domain_set(online_domain(dep, "fabrikam.com"), FEDNS_OPT_DOMAIN_XMPP, 1));
	EXPECT(dep, {"V25", W, "fabrikam.com",
		     "SIP domain \"fabrikam.com\" is hosted online (Microsoft 365) and has xmpp "
		     "set: the edge's XMPP proxy serves only on-premises users, so no XMPP record "
		     "is published for it; clear xmpp, or move the domain back on premises."});
}
END_TEST

START_TEST(test_V26_online_domain_with_mobility_push)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_sip_domain *d = online_domain(dep, "fabrikam.com");

	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_MOBILITY, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 1));
	push_setup(dep, 1, 1, FEDNS_VERIFICATION_USE_SOURCE);
	EXPECT(dep, {"V26", W, "fabrikam.com",
		     "SIP domain \"fabrikam.com\" is hosted online (Microsoft 365) and has "
		     "mobility set: Microsoft 365 handles push notifications for its users, so the "
		     "edge publishes no push SRV record for it; clear mobility."});
}
END_TEST

START_TEST(test_V27_pool_serving_only_online_domains)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_edge_pool *p;
	fedns_sip_domain *d = online_domain(dep, "fabrikam.com");

	OK(fedns_deployment_add_edge_pool(dep, "online-only", &p));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.11"));
	OK(fedns_sip_domain_set_edge_pool(d, "online-only"));
	EXPECT(dep,
	       {"V3", E, "contoso.com",
		"SIP domain \"contoso.com\" names no edge pool and there is no default: there "
		"are 2 edge pools and none has federation_route; set edge_pool on the domain, or "
		"federation_route on one pool."},
	       {"V27", W, "online-only",
		"edge pool \"online-only\" serves only SIP domains hosted online (first: "
		"\"fabrikam.com\"): Microsoft 365 serves their users, so no domain record points "
		"at the pool; serve an on-premises domain from it, or remove it."});
}
END_TEST

/* Each pool is judged by the domains it serves: one that also serves an
 * on-premises domain, or serves only domains without users, is not named. */
START_TEST(test_V27_only_pools_serving_only_online_domains)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_sip_domain *d;
	fedns_edge_pool *p;
	static const char *const pools[] = {"mixed", "online-only", "idle"};
	size_t i;

	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 0));
	for (i = 0; i < 3; i++) {
		OK(fedns_deployment_add_edge_pool(dep, pools[i], &p));
		OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.11"));
	}
	OK(fedns_deployment_add_sip_domain(dep, "onprem.example", &d));
	OK(fedns_sip_domain_set_edge_pool(d, "mixed"));
	OK(fedns_sip_domain_set_edge_pool(online_domain(dep, "a.example"), "mixed"));
	OK(fedns_sip_domain_set_edge_pool(online_domain(dep, "b.example"), "online-only"));
	OK(fedns_sip_domain_set_edge_pool(online_domain(dep, "c.example"), "online-only"));
	d = online_domain(dep, "d.example");
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_USERS, 0));
	OK(fedns_sip_domain_set_edge_pool(d, "idle"));
	OK(fedns_sip_domain_set_edge_pool(online_domain(dep, "e.example"), "nowhere"));
	EXPECT(dep,
	       {"V3", E, "contoso.com",
		"SIP domain \"contoso.com\" names no edge pool and there is no default: there "
		"are 4 edge pools and none has federation_route; set edge_pool on the domain, or "
		"federation_route on one pool."},
	       {"V3", E, "e.example",
		"SIP domain \"e.example\" names edge pool \"nowhere\", which does not exist; use "
		"the name of one of the edge pools, or remove edge_pool to use the default pool."},
	       {"V27", W, "online-only",
		"edge pool \"online-only\" serves only SIP domains hosted online (first: "
		"\"b.example\"): Microsoft 365 serves their users, so no domain record points "
		"at the pool; serve an on-premises domain from it, or remove it."});
}
END_TEST

START_TEST(test_V28_reverse_proxy_without_addresses)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	proxy(dep, NULL);
	EXPECT(dep, {"V28", E, "reverse_proxy",
		     "the reverse proxy has no addresses: its lyncdiscover and simple URL records "
		     "need its public, post-NAT addresses; add them to reverse_proxy.addresses."});
}
END_TEST

START_TEST(test_V29_edge_fqdn_is_an_online_cname)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);
	fedns_reverse_proxy *rp = proxy(dep, "131.107.155.40");

	online_domain(dep, "fabrikam.com");
	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_WEBCONF, "SIP.fabrikam.com"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_WEBCONF, "131.107.155.20"));
	OK(fedns_reverse_proxy_set_fqdn(rp, FEDNS_PROXY_WEB, "lyncdiscover.fabrikam.com"));
	EXPECT(dep,
	       {"V29", E, "edge",
		"edge_pools[0].webconf_edge.fqdn is sip.fabrikam.com, which R9 publishes as a "
		"CNAME for SIP domain \"fabrikam.com\" hosted online; a CNAME owner can carry no "
		"other record, so give this interface another name."},
	       {"V29", E, "reverse_proxy",
		"reverse_proxy.web_fqdn is lyncdiscover.fabrikam.com, which R9 publishes as a "
		"CNAME for SIP domain \"fabrikam.com\" hosted online; a CNAME owner can carry no "
		"other record, so give this interface another name."});
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("validate");
	TCase *tc;

	ADD(s, "clean", test_clean_minimal_deployment_has_no_diagnostics,
	    test_clean_full_deployment_has_no_diagnostics);
	ADD(s, "V1", test_V1_sip_domain_empty_label_is_error,
	    test_V1_sip_domain_raw_utf8_is_error_with_printable_subject,
	    test_V1_sip_domain_single_label_is_error, test_V1_case_and_trailing_dot_are_valid,
	    test_V1_owner_name_sip_tls_too_long_is_error,
	    test_V1_owner_name_federation_srv_too_long_is_error,
	    test_V1_owner_name_xmpp_srv_too_long_is_error,
	    test_V1_owner_name_host_label_too_long_is_error,
	    test_V1_owner_names_of_domain_without_users_are_not_checked,
	    test_V1_access_edge_fqdn_is_error, test_V1_access_edge_host_with_dots_is_error,
	    test_V1_access_edge_host_of_digits_is_valid, test_V1_webconf_and_av_fqdn_are_errors,
	    test_V1_xmpp_host_is_error, test_V1_allowed_domain_and_proxy_are_errors,
	    test_V1_blocked_domain_is_error, test_V1_xmpp_partner_names_are_errors,
	    test_V1_public_provider_names_are_errors, test_V1_hosting_provider_proxy_is_error);
	ADD(s, "V2", test_V2_sip_domain_listed_twice_after_folding_is_error);
	ADD(s, "V3", test_V3_no_edge_pool_is_error, test_V3_pool_without_access_edge_address_is_error,
	    test_V3_unknown_pool_is_error, test_V3_no_default_pool_is_error,
	    test_V3_domain_defaults_to_federation_route_pool,
	    test_V3_domain_without_users_needs_no_pool);
	ADD(s, "V4", test_V4_two_federation_route_pools_is_error,
	    test_V4_two_xmpp_proxy_pools_is_error);
	ADD(s, "V5", test_V5_invalid_address_is_error, test_V5_private_address_in_hardware_pool_is_error,
	    test_V5_private_address_in_single_pool_warns, test_V5_private_address_in_dns_pool_warns,
	    test_V5_documentation_ranges_are_public);
	ADD(s, "V6", test_V6_push_without_federation_is_error);
	ADD(s, "V7", test_V7_push_without_push_lync_com_allowed_warns,
	    test_V7_push_without_hosting_provider_warns,
	    test_V7_push_with_disabled_hosting_provider_warns,
	    test_V7_push_provider_without_source_verification_warns,
	    test_V7_push_setup_matches_folded_names);
	ADD(s, "V8", test_V8_discoverable_without_partner_discovery_informs,
	    test_V8_push_srv_without_partner_discovery_informs, test_V8_domain_without_users_is_silent);
	ADD(s, "V9", test_V9_xmpp_domain_without_proxy_pool_is_error);
	ADD(s, "V10", test_V10_srv_target_outside_domain_is_error,
	    test_V10_shared_fqdn_fails_for_other_domains, test_V10_no_srv_no_error);
	ADD(s, "V11", test_V11_domain_allowed_and_blocked_is_error, test_V11_own_domain_allowed_is_error,
	    test_V11_own_domain_blocked_is_error, test_V11_own_domain_as_xmpp_partner_is_error,
	    test_V11_blocked_domain_allowed_twice_names_the_first);
	ADD(s, "V12", test_V12_federation_without_discovery_or_allowed_domains_warns);
	ADD(s, "V13", test_V13_allowed_domains_without_federation_warn,
	    test_V13_blocked_domains_without_federation_warn,
	    test_V13_hosting_providers_without_federation_warn,
	    test_V13_explicit_discoverable_without_federation_warns);
	ADD(s, "V14", test_V14_negative_ttl_is_error, test_V14_ttl_over_2147483647_is_error,
	    test_V14_ttl_bounds_are_valid, test_V14_duplicate_allowed_domain_is_error,
	    test_V14_duplicate_blocked_domain_is_error, test_V14_duplicate_xmpp_partner_domain_is_error,
	    test_V14_duplicates_of_one_partner_in_name_order);
	ADD(s, "V15", test_V15_public_im_with_several_domains_informs,
	    test_V15_domains_without_users_do_not_count);
	ADD(s, "V16", test_V16_blocked_domains_without_partner_discovery_inform);
	ADD(s, "V17", test_V17_dns_pool_with_public_im_warns, test_V17_dns_pool_hosting_xmpp_proxy_warns);
	ADD(s, "V18", test_V18_dns_pool_with_13_addresses_of_one_family_warns,
	    test_V18_dns_pool_role_counts_differ_warns,
	    test_V18_single_pool_with_two_addresses_of_one_family_warns,
	    test_V18_hardware_pool_with_two_addresses_of_one_family_warns);
	ADD(s, "V19", test_V19_two_providers_with_one_name_is_error,
	    test_V19_public_and_hosting_provider_with_one_proxy_is_error);
	ADD(s, "V20", test_V20_xmpp_domain_without_partners_warns);
	ADD(s, "V21", test_V21_no_dialback_and_no_sasl_is_error, test_V21_sasl_without_required_tls_warns,
	    test_V21_dialback_with_tls_and_sasl_required_informs, test_V21_error_and_warning_together);
	ADD(s, "V22", test_V22_xmpp_domain_on_sfb2019_is_error, test_V22_xmpp_proxy_on_sfbse_is_error,
	    test_V22_sfb2019_without_xmpp_is_valid);
	ADD(s, "V23", test_V23_federation_without_srv_informs, test_V23_names_the_access_edge_fqdn);
	ADD(s, "V24", test_V24_enabled_public_provider_informs,
	    test_V24_providers_without_public_im_are_silent);
	ADD(s, "hybrid", test_V3_no_pool_needed_when_every_domain_is_online,
	    test_V3_online_domain_needs_no_default_pool_and_no_federation_srv,
	    test_V5_reverse_proxy_addresses, test_V1_reverse_proxy_names,
	    test_V25_online_domain_with_xmpp, test_V26_online_domain_with_mobility_push,
	    test_V27_pool_serving_only_online_domains,
	    test_V27_only_pools_serving_only_online_domains, test_V28_reverse_proxy_without_addresses,
	    test_V29_edge_fqdn_is_an_online_cname);
	ADD(s, "order", test_order_deployment_then_subject_position_then_rule,
	    test_every_fault_is_reported, test_large_lists_are_checked_in_linear_time);
	ADD(s, "alloc", test_allocation_failure_once_is_enomem_without_leak,
	    test_allocation_failure_forever_is_enomem_without_leak);
	ADD(s, "messages", test_every_rule_has_a_message);
	tc = tcase_create("message-pairs");
	tcase_add_loop_test(tc, test_messages_take_the_same_arguments_in_both_languages, 0, NPAIRS);
	suite_add_tcase(s, tc);
	return s;
}
