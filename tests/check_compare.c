/* Drift (lib/observed.c, lib/compare.c, lib/managed.c): every finding kind
 * D1-D7 against an exact list of findings, the order, the adders' errors,
 * the probes of a live check, and allocation failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "failalloc.h"
#include "fixture.h"
#include "observed.h"
#include "test.h"

#define OK(expr) ck_assert_int_eq((expr), FEDNS_OK)
#define TTL 3600

#define SIP_TLS "_sip._tls.contoso.com."
#define FED "_sipfederationtls._tcp.contoso.com."
#define XMPP_SRV "_xmpp-server._tcp.contoso.com."
#define HOST "sip.contoso.com."

/* contoso.com, discoverable: _sip._tls, _sipfederationtls._tcp, sip A. */
static fedns_deployment *contoso(void)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 1));
	return dep;
}

static fedns_observed *observed(void)
{
	fedns_observed *obs = NULL;

	OK(fedns_observed_new(&obs));
	return obs;
}

static void add_sip_tls(fedns_observed *obs)
{
	OK(fedns_observed_add_srv(obs, SIP_TLS, TTL, 0, 0, 443, HOST, 0));
}

static void add_fed(fedns_observed *obs)
{
	OK(fedns_observed_add_srv(obs, FED, TTL, 0, 0, 5061, HOST, 0));
}

static void add_host(fedns_observed *obs)
{
	OK(fedns_observed_add_a(obs, HOST, TTL, "131.107.155.10", 0));
}

static void append(char **buf, size_t *len, const char *s)
{
	size_t n = strlen(s);

	*buf = realloc(*buf, *len + n + 1);
	ck_assert_ptr_nonnull(*buf);
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

static void ttl_text(char *out, size_t cap, uint32_t ttl)
{
	if (ttl == FEDNS_TTL_UNKNOWN)
		snprintf(out, cap, "?");
	else
		snprintf(out, cap, "%u", (unsigned)ttl);
}

/* One line per finding:
 * "ID kind owner TYPE exp=[data]/ttl obs=[data]/ttl[ -> right][ @src:line]". */
static char *dump(const fedns_findings *f)
{
	char *out = NULL, line[2048], et[16], ot[16], where[300] = "", right[300] = "";
	size_t len = 0, i;

	append(&out, &len, "");
	for (i = 0; i < fedns_findings_count(f); i++) {
		const char *exp = fedns_finding_expected(f, i), *obs = fedns_finding_observed(f, i);
		const char *type = fedns_finding_type_name(f, i);

		ttl_text(et, sizeof(et), fedns_finding_expected_ttl(f, i));
		ttl_text(ot, sizeof(ot), fedns_finding_observed_ttl(f, i));
		right[0] = where[0] = '\0';
		if (strcmp(fedns_finding_owner(f, i), fedns_finding_expected_owner(f, i)) != 0)
			snprintf(right, sizeof(right), " -> %s", fedns_finding_expected_owner(f, i));
		if (fedns_finding_source(f, i) || fedns_finding_line(f, i))
			snprintf(where, sizeof(where), " @%s:%u",
				 fedns_finding_source(f, i) ? fedns_finding_source(f, i) : "",
				 (unsigned)fedns_finding_line(f, i));
		snprintf(line, sizeof(line), "%s %s %s %s exp=[%s]/%s obs=[%s]/%s%s%s\n",
			 fedns_finding_id(f, i),
			 fedns_finding_kind_name(fedns_finding_kind(f, i)),
			 fedns_finding_owner(f, i), type ? type : "*", exp ? exp : "-", et,
			 obs ? obs : "-", ot, right, where);
		append(&out, &len, line);
		ck_assert_ptr_nonnull(fedns_finding_hint(f, i, FEDNS_LANG_EN));
		ck_assert_ptr_nonnull(fedns_finding_hint(f, i, FEDNS_LANG_ZH_CN));
	}
	return out;
}

static fedns_findings *compare(fedns_deployment *dep, const fedns_observed *obs)
{
	fedns_findings *f = NULL;

	ck_assert_msg(fedns_deployment_compare(dep, obs, &f) == FEDNS_OK, "compare: %s",
		      fedns_deployment_last_error(dep));
	return f;
}

/* Compares, checks the dump, frees everything. */
static void expect(fedns_deployment *dep, fedns_observed *obs, const char *want)
{
	fedns_findings *f = compare(dep, obs);
	char *got = dump(f);

	ck_assert_str_eq(got, want);
	free(got);
	fedns_findings_free(f);
	fedns_observed_free(obs);
	fedns_deployment_free(dep);
}

/* ---- No drift ------------------------------------------------------------- */

START_TEST(test_compare_matching_records_have_no_finding)
{
	fedns_observed *obs = observed();

	/* Case, trailing dots and order do not matter; repeats count once;
	 * records at names fedns does not manage are none of its business. */
	OK(fedns_observed_add_a(obs, "SIP.Contoso.COM", TTL, "131.107.155.10", 0));
	OK(fedns_observed_add_srv(obs, "_SIP._TLS.contoso.com", TTL, 0, 0, 443, "Sip.Contoso.Com",
				  0));
	add_fed(obs);
	add_fed(obs);
	OK(fedns_observed_add_a(obs, "www.contoso.com.", TTL, "131.107.155.80", 0));
	OK(fedns_observed_add_other(obs, "contoso.com.", TTL, 15, "10 mail.contoso.com.", 0));
	OK(fedns_observed_add_other(obs, HOST, TTL, 46, "A 13 3 3600 ...", 0)); /* RRSIG */
	ck_assert_uint_eq(fedns_observed_count(obs), 7);
	expect(contoso(), obs, "");
}
END_TEST

START_TEST(test_compare_unknown_ttl_is_not_compared)
{
	fedns_observed *obs = observed();

	OK(fedns_observed_add_srv(obs, SIP_TLS, FEDNS_TTL_UNKNOWN, 0, 0, 443, HOST, 0));
	OK(fedns_observed_add_srv(obs, FED, FEDNS_TTL_UNKNOWN, 0, 0, 5061, HOST, 0));
	OK(fedns_observed_add_a(obs, HOST, FEDNS_TTL_UNKNOWN, "131.107.155.10", 0));
	expect(contoso(), obs, "");
}
END_TEST

/* ---- D1 --------------------------------------------------------------------- */

START_TEST(test_D1_missing_records)
{
	fedns_observed *obs = observed();

	add_host(obs);
	expect(contoso(), obs,
	       "D1 missing " SIP_TLS " SRV exp=[0 0 443 sip.contoso.com.]/3600 obs=[-]/?\n"
	       "D1 missing " FED " SRV exp=[0 0 5061 sip.contoso.com.]/3600 obs=[-]/?\n");
}
END_TEST

START_TEST(test_D1_hint_names_the_record_in_both_languages)
{
	fedns_deployment *dep = contoso();
	fedns_observed *obs = observed();
	fedns_findings *f;

	add_sip_tls(obs);
	add_host(obs);
	f = compare(dep, obs);
	ck_assert_uint_eq(fedns_findings_count(f), 1);
	ck_assert_int_eq(fedns_finding_kind(f, 0), FEDNS_DRIFT_MISSING);
	ck_assert_int_eq(fedns_finding_rrtype(f, 0), FEDNS_RR_SRV);
	ck_assert_str_eq(fedns_finding_hint(f, 0, FEDNS_LANG_EN),
			 "Publish " FED " 3600 IN SRV 0 0 5061 sip.contoso.com. in external DNS.");
	ck_assert_str_eq(fedns_finding_hint(f, 0, FEDNS_LANG_ZH_CN),
			 "请在外部 DNS 中发布记录 " FED " 3600 IN SRV 0 0 5061 sip.contoso.com.。");
	ck_assert_ptr_null(fedns_finding_hint(f, 0, 2));
	ck_assert_ptr_null(fedns_finding_hint(f, 1, FEDNS_LANG_EN));
	fedns_findings_free(f);
	fedns_observed_free(obs);
	fedns_deployment_free(dep);
}
END_TEST

/* ---- D2 --------------------------------------------------------------------- */

START_TEST(test_D2_unexpected_only_at_managed_names)
{
	fedns_observed *obs = observed();

	add_sip_tls(obs);
	add_fed(obs);
	add_host(obs);
	OK(fedns_observed_add_a(obs, HOST, TTL, "131.107.155.99", 0));
	OK(fedns_observed_add_other(obs, HOST, TTL, 16, "\"v=spf1 -all\"", 0));
	/* A managed SRV name the model derives nothing at (no XMPP here). */
	OK(fedns_observed_add_srv(obs, XMPP_SRV, TTL, 0, 0, 5269, "xmpp.contoso.com", 0));
	/* Not managed: ignored. */
	OK(fedns_observed_add_a(obs, "xmpp.contoso.com", TTL, "131.107.155.10", 0));
	OK(fedns_observed_add_srv(obs, "_sip._tcp.contoso.com", TTL, 0, 0, 5060, HOST, 0));
	OK(fedns_observed_add_srv(obs, "_xmpp-client._tcp.contoso.com", TTL, 0, 0, 5222, HOST, 0));
	OK(fedns_observed_add_srv(obs, "_sipinternaltls._tcp.contoso.com", TTL, 0, 0, 5061, HOST,
				  0));
	expect(contoso(), obs,
	       "D2 unexpected " XMPP_SRV " SRV exp=[-]/? obs=[0 0 5269 xmpp.contoso.com.]/3600\n"
	       "D2 unexpected " HOST " A exp=[-]/? obs=[131.107.155.99]/3600\n"
	       "D2 unexpected " HOST " TXT exp=[-]/? obs=[\"v=spf1 -all\"]/3600\n");
}
END_TEST

START_TEST(test_D2_federation_srv_published_while_not_discoverable)
{
	fedns_deployment *dep = contoso();
	fedns_observed *obs = observed();

	OK(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 0));
	add_sip_tls(obs);
	add_fed(obs);
	add_host(obs);
	expect(dep, obs,
	       "D2 unexpected " FED " SRV exp=[-]/? obs=[0 0 5061 sip.contoso.com.]/3600\n");
}
END_TEST

/* ---- D3 --------------------------------------------------------------------- */

START_TEST(test_D3_different_data_and_ttl)
{
	fedns_observed *obs = observed();

	OK(fedns_observed_add_srv(obs, SIP_TLS, 300, 0, 0, 443, HOST, 0));
	OK(fedns_observed_add_srv(obs, FED, TTL, 0, 0, 5062, HOST, 0));
	OK(fedns_observed_add_a(obs, HOST, TTL, "131.107.155.11", 0));
	expect(contoso(), obs,
	       "D3 different " SIP_TLS " SRV exp=[0 0 443 sip.contoso.com.]/3600 "
	       "obs=[0 0 443 sip.contoso.com.]/300\n"
	       "D3 different " FED " SRV exp=[0 0 5061 sip.contoso.com.]/3600 "
	       "obs=[0 0 5062 sip.contoso.com.]/3600\n"
	       "D3 different " HOST " A exp=[131.107.155.10]/3600 obs=[131.107.155.11]/3600\n");
}
END_TEST

START_TEST(test_D3_pairs_what_is_left_after_equal_records)
{
	fedns_edge_pool *pool;
	fedns_deployment *dep = fixture_contoso(NULL, &pool);
	fedns_observed *obs = observed();

	OK(fedns_edge_pool_set(pool, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_DNS));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "131.107.155.11"));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "2001:db8::10"));
	add_sip_tls(obs);
	OK(fedns_observed_add_a(obs, HOST, TTL, "131.107.155.11", 0));
	OK(fedns_observed_add_a(obs, HOST, TTL, "131.107.155.12", 0));
	OK(fedns_observed_add_a(obs, HOST, TTL, "131.107.155.13", 0));
	expect(dep, obs,
	       "D2 unexpected " HOST " A exp=[-]/? obs=[131.107.155.13]/3600\n"
	       "D3 different " HOST " A exp=[131.107.155.10]/3600 obs=[131.107.155.12]/3600\n"
	       "D1 missing " HOST " AAAA exp=[2001:db8::10]/3600 obs=[-]/?\n");
}
END_TEST

/* ---- D4 --------------------------------------------------------------------- */

static fedns_deployment *xmpp_contoso(void)
{
	fedns_sip_domain *d;
	fedns_edge_pool *pool;
	fedns_xmpp_partner *x;
	fedns_deployment *dep = fixture_contoso(&d, &pool);

	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 1));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1));
	OK(fedns_edge_pool_set(pool, FEDNS_OPT_POOL_XMPP_PROXY, 1));
	OK(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", &x));
	return dep;
}

START_TEST(test_D4_near_miss_owner_names)
{
	static const char *const typos[] = {
		"_sipfederationtls.tcp.contoso.com",   /* lost underscore */
		"_sipfederationtls_.tcp.contoso.com",  /* moved underscore */
		"sipfederationtls._tcp.contoso.com.",  /* no leading underscore */
		"_sipfederationtls._tls.contoso.com",  /* wrong transport */
		"_sipfederatontls._tcp.contoso.com",   /* a letter lost */
		"_sipfederationtsl._tcp.contoso.com",  /* letters swapped */
		"_sip.tls.contoso.com",
		"_xmpp-server._udp.contoso.com",
		"_xmpp_server._tcp.contoso.com",
	};
	fedns_observed *obs = observed();
	size_t i;

	add_host(obs);
	OK(fedns_observed_add_a(obs, "xmpp.contoso.com", TTL, "131.107.155.10", 0));
	for (i = 0; i < sizeof(typos) / sizeof(typos[0]); i++)
		OK(fedns_observed_add_srv(obs, typos[i], TTL, 0, 0, 5061, HOST, (uint32_t)i + 1));
	expect(xmpp_contoso(), obs,
	       "D1 missing " SIP_TLS " SRV exp=[0 0 443 sip.contoso.com.]/3600 obs=[-]/?\n"
	       "D4 near-miss _sip.tls.contoso.com. SRV exp=[-]/? "
	       "obs=[0 0 5061 sip.contoso.com.]/3600 -> " SIP_TLS " @:7\n"
	       "D1 missing " FED " SRV exp=[0 0 5061 sip.contoso.com.]/3600 obs=[-]/?\n"
	       "D4 near-miss _sipfederationtls._tls.contoso.com. SRV exp=[-]/? "
	       "obs=[0 0 5061 sip.contoso.com.]/3600 -> " FED " @:4\n"
	       "D4 near-miss _sipfederationtls.tcp.contoso.com. SRV exp=[-]/? "
	       "obs=[0 0 5061 sip.contoso.com.]/3600 -> " FED " @:1\n"
	       "D4 near-miss _sipfederationtls_.tcp.contoso.com. SRV exp=[-]/? "
	       "obs=[0 0 5061 sip.contoso.com.]/3600 -> " FED " @:2\n"
	       "D4 near-miss _sipfederationtsl._tcp.contoso.com. SRV exp=[-]/? "
	       "obs=[0 0 5061 sip.contoso.com.]/3600 -> " FED " @:6\n"
	       "D4 near-miss _sipfederatontls._tcp.contoso.com. SRV exp=[-]/? "
	       "obs=[0 0 5061 sip.contoso.com.]/3600 -> " FED " @:5\n"
	       "D1 missing " XMPP_SRV " SRV exp=[0 0 5269 xmpp.contoso.com.]/3600 obs=[-]/?\n"
	       "D4 near-miss _xmpp-server._udp.contoso.com. SRV exp=[-]/? "
	       "obs=[0 0 5061 sip.contoso.com.]/3600 -> " XMPP_SRV " @:8\n"
	       "D4 near-miss _xmpp_server._tcp.contoso.com. SRV exp=[-]/? "
	       "obs=[0 0 5061 sip.contoso.com.]/3600 -> " XMPP_SRV " @:9\n"
	       "D4 near-miss sipfederationtls._tcp.contoso.com. SRV exp=[-]/? "
	       "obs=[0 0 5061 sip.contoso.com.]/3600 -> " FED " @:3\n");
}
END_TEST

START_TEST(test_D4_domain_typed_twice_and_srv_under_a_host)
{
	fedns_observed *obs = observed();

	add_sip_tls(obs);
	OK(fedns_observed_add_a(obs, "sip.contoso.com.contoso.com.", TTL, "131.107.155.10", 0));
	OK(fedns_observed_add_srv(obs, "_sipfederationtls._tcp.sip.contoso.com", TTL, 0, 0, 5061,
				  HOST, 0));
	expect(contoso(), obs,
	       "D1 missing " FED " SRV exp=[0 0 5061 sip.contoso.com.]/3600 obs=[-]/?\n"
	       "D4 near-miss _sipfederationtls._tcp.sip.contoso.com. SRV exp=[-]/? "
	       "obs=[0 0 5061 sip.contoso.com.]/3600 -> " FED "\n"
	       "D1 missing " HOST " A exp=[131.107.155.10]/3600 obs=[-]/?\n"
	       "D4 near-miss sip.contoso.com.contoso.com. A exp=[-]/? "
	       "obs=[131.107.155.10]/3600 -> " HOST "\n");
}
END_TEST

START_TEST(test_D4_hint_says_delete_when_the_right_name_exists)
{
	fedns_deployment *dep = contoso();
	fedns_observed *obs = observed();
	fedns_findings *f;

	add_sip_tls(obs);
	add_fed(obs);
	add_host(obs);
	OK(fedns_observed_add_srv(obs, "_sipfederationtls.tcp.contoso.com", TTL, 0, 0, 5061, HOST,
				  0));
	f = compare(dep, obs);
	ck_assert_uint_eq(fedns_findings_count(f), 1);
	ck_assert_str_eq(fedns_finding_hint(f, 0, FEDNS_LANG_EN),
			 "_sipfederationtls.tcp.contoso.com. looks like a misspelling of " FED
			 ", which exists as well: delete this record.");
	fedns_findings_free(f);
	fedns_observed_free(obs);
	fedns_observed_free(NULL);
	obs = observed();
	add_sip_tls(obs);
	add_host(obs);
	OK(fedns_observed_add_srv(obs, "_sipfederationtls.tcp.contoso.com", TTL, 0, 0, 5061, HOST,
				  0));
	f = compare(dep, obs);
	ck_assert_uint_eq(fedns_findings_count(f), 2);
	ck_assert_str_eq(fedns_finding_hint(f, 1, FEDNS_LANG_EN),
			 "_sipfederationtls.tcp.contoso.com. looks like a misspelling of " FED
			 ": rename the record to " FED " (clients and partners look up only that "
			 "name).");
	ck_assert_str_eq(fedns_finding_hint(f, 1, FEDNS_LANG_ZH_CN),
			 "_sipfederationtls.tcp.contoso.com. 似乎是 " FED " 的拼写错误：请将记录改名为 "
			 FED "（客户端和联盟伙伴只查询该名称）。");
	fedns_findings_free(f);
	fedns_observed_free(obs);
	fedns_deployment_free(dep);
}
END_TEST

/* ---- D5 --------------------------------------------------------------------- */

START_TEST(test_D5_cname_where_an_srv_target_needs_addresses)
{
	fedns_deployment *dep = contoso();
	fedns_observed *obs = observed();
	fedns_findings *f;
	char *got;

	add_sip_tls(obs);
	add_fed(obs);
	OK(fedns_observed_add_cname(obs, HOST, TTL, "edge.contoso.net", 0));
	f = compare(dep, obs);
	got = dump(f);
	/* The CNAME is the finding; the A record it hides is not also missing. */
	ck_assert_str_eq(got, "D5 alias " HOST " CNAME exp=[131.107.155.10]/3600 "
			      "obs=[edge.contoso.net.]/3600\n");
	ck_assert_str_eq(fedns_finding_hint(f, 0, FEDNS_LANG_EN),
			 HOST " is an SRV target and must not be an alias (RFC 2782): replace the "
			 "CNAME with A/AAAA records for 131.107.155.10.");
	free(got);
	fedns_findings_free(f);
	fedns_observed_free(obs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_D5_cname_at_a_web_conferencing_edge)
{
	fedns_edge_pool *pool;
	fedns_deployment *dep = fixture_contoso(NULL, &pool);
	fedns_observed *obs = observed();

	OK(fedns_edge_pool_set_fqdn(pool, FEDNS_EDGE_WEBCONF, "webcon.contoso.com"));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_WEBCONF, "131.107.155.20"));
	add_sip_tls(obs);
	add_host(obs);
	OK(fedns_observed_add_cname(obs, "webcon.contoso.com", TTL, HOST, 0));
	expect(dep, obs, "D5 alias webcon.contoso.com. CNAME exp=[131.107.155.20]/3600 "
			 "obs=[sip.contoso.com.]/3600\n");
}
END_TEST

START_TEST(test_D5_cname_at_a_reverse_proxy_name_cannot_be_checked)
{
	fedns_reverse_proxy *rp;
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_observed *obs = observed();
	fedns_findings *f;
	char *got;

	OK(fedns_deployment_add_reverse_proxy(dep, &rp));
	OK(fedns_reverse_proxy_add_address(rp, "131.107.155.40"));
	OK(fedns_reverse_proxy_set(rp, FEDNS_OPT_PROXY_MEET, 0));
	add_sip_tls(obs);
	add_host(obs);
	OK(fedns_observed_add_cname(obs, "lyncdiscover.contoso.com", TTL, "rp.contoso.net", 0));
	f = compare(dep, obs);
	got = dump(f);
	ck_assert_str_eq(got, "D5 alias lyncdiscover.contoso.com. CNAME exp=[131.107.155.40]/3600 "
			      "obs=[rp.contoso.net.]/3600\n");
	ck_assert_str_eq(fedns_finding_hint(f, 0, FEDNS_LANG_EN),
			 "lyncdiscover.contoso.com. is an alias, so fedns cannot check that it "
			 "reaches the reverse proxy at 131.107.155.40: publish A/AAAA records for "
			 "those addresses, or make sure rp.contoso.net. has them.");
	free(got);
	fedns_findings_free(f);
	fedns_observed_free(obs);
	fedns_deployment_free(dep);
}
END_TEST

/* ---- D6 --------------------------------------------------------------------- */

START_TEST(test_D6_hybrid_leftovers_pointing_at_microsoft_365)
{
	fedns_observed *obs = observed();

	OK(fedns_observed_add_srv(obs, SIP_TLS, TTL, 100, 1, 443, "sipdir.online.lync.com", 0));
	OK(fedns_observed_add_srv(obs, FED, TTL, 100, 1, 5061, "sipfed.online.lync.com", 0));
	OK(fedns_observed_add_cname(obs, HOST, TTL, "sipdir.online.lync.com", 0));
	OK(fedns_observed_add_cname(obs, "lyncdiscover.contoso.com", TTL,
				    "webdir.online.lync.com", 0));
	expect(contoso(), obs,
	       "D6 online-conflict " SIP_TLS " SRV exp=[0 0 443 sip.contoso.com.]/3600 "
	       "obs=[100 1 443 sipdir.online.lync.com.]/3600\n"
	       "D6 online-conflict " FED " SRV exp=[0 0 5061 sip.contoso.com.]/3600 "
	       "obs=[100 1 5061 sipfed.online.lync.com.]/3600\n"
	       "D6 online-conflict lyncdiscover.contoso.com. CNAME exp=[-]/? "
	       "obs=[webdir.online.lync.com.]/3600\n"
	       "D6 online-conflict " HOST " CNAME exp=[131.107.155.10]/3600 "
	       "obs=[sipdir.online.lync.com.]/3600\n");
}
END_TEST

START_TEST(test_D6_sip_name_watched_when_the_access_edge_is_elsewhere)
{
	fedns_edge_pool *pool;
	fedns_deployment *dep = fixture_contoso(NULL, &pool);
	fedns_observed *obs = observed();
	fedns_findings *f;

	OK(fedns_edge_pool_set_access_edge_host(pool, "access"));
	OK(fedns_observed_add_srv(obs, SIP_TLS, TTL, 0, 0, 443, "access.contoso.com", 0));
	OK(fedns_observed_add_a(obs, "access.contoso.com", TTL, "131.107.155.10", 0));
	/* Anything but a pointer to Microsoft 365 at a watched name is fine. */
	OK(fedns_observed_add_a(obs, HOST, TTL, "131.107.155.10", 0));
	OK(fedns_observed_add_cname(obs, "lyncdiscover.contoso.com", TTL, "rp.contoso.com", 0));
	f = compare(dep, obs);
	ck_assert_uint_eq(fedns_findings_count(f), 0);
	fedns_findings_free(f);
	OK(fedns_observed_add_cname(obs, "sip.contoso.com", TTL, "sipdir.online.lync.com", 0));
	f = compare(dep, obs);
	ck_assert_uint_eq(fedns_findings_count(f), 1);
	ck_assert_int_eq(fedns_finding_kind(f, 0), FEDNS_DRIFT_ONLINE);
	ck_assert_str_eq(fedns_finding_hint(f, 0, FEDNS_LANG_EN),
			 HOST " still points to Microsoft 365 (sipdir.online.lync.com.) but the "
			 "deployment keeps contoso.com. on premises: remove it (a hybrid leftover "
			 "sends clients and partners to the online service).");
	fedns_findings_free(f);
	fedns_observed_free(obs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_D6_not_for_a_domain_hosted_online)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_observed *obs = observed();
	fedns_recordset *rs;
	size_t i;

	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", &d));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_HOSTING, FEDNS_HOSTING_ONLINE));
	/* Whatever R9 derives for it, published exactly, is no drift. */
	OK(fedns_deployment_derive(dep, &rs));
	for (i = 0; i < fedns_recordset_count(rs); i++) {
		const char *owner = fedns_record_owner(rs, i);

		switch (fedns_record_type(rs, i)) {
		case FEDNS_RR_SRV:
			OK(fedns_observed_add_srv(obs, owner, fedns_record_ttl(rs, i),
						  fedns_record_priority(rs, i),
						  fedns_record_weight(rs, i), fedns_record_port(rs, i),
						  fedns_record_target(rs, i), 0));
			break;
		case FEDNS_RR_CNAME:
			OK(fedns_observed_add_cname(obs, owner, fedns_record_ttl(rs, i),
						    fedns_record_target(rs, i), 0));
			break;
		default:
			OK(fedns_observed_add_a(obs, owner, fedns_record_ttl(rs, i),
						fedns_record_address(rs, i), 0));
		}
	}
	fedns_recordset_free(rs);
	expect(dep, obs, "");
}
END_TEST

/* ---- D7 --------------------------------------------------------------------- */

START_TEST(test_D7_lookup_failures_are_not_missing_records)
{
	fedns_observed *obs = observed();

	add_sip_tls(obs);
	OK(fedns_observed_add_failure(obs, FED, FEDNS_RR_SRV, "timeout"));
	OK(fedns_observed_add_failure(obs, FED, FEDNS_RR_SRV, "timeout"));
	OK(fedns_observed_add_failure(obs, "SIP.contoso.com", 0, "SERVFAIL"));
	expect(contoso(), obs,
	       "D7 lookup-failed " FED " SRV exp=[-]/? obs=[timeout]/?\n"
	       "D7 lookup-failed " HOST " * exp=[-]/? obs=[SERVFAIL]/?\n");
}
END_TEST

START_TEST(test_D7_hint)
{
	fedns_deployment *dep = contoso();
	fedns_observed *obs = observed();
	fedns_findings *f;

	add_sip_tls(obs);
	add_fed(obs);
	OK(fedns_observed_add_failure(obs, HOST, FEDNS_RR_A, "timeout"));
	f = compare(dep, obs);
	ck_assert_uint_eq(fedns_findings_count(f), 1);
	ck_assert_str_eq(fedns_finding_hint(f, 0, FEDNS_LANG_EN),
			 "The look-up of " HOST " A failed (timeout): its records were not "
			 "compared; check the server and try again.");
	ck_assert_str_eq(fedns_finding_hint(f, 0, FEDNS_LANG_ZH_CN),
			 "查询 " HOST " A 失败（timeout）：未比较其记录；请检查服务器后重试。");
	fedns_findings_free(f);
	fedns_observed_free(obs);
	fedns_deployment_free(dep);
}
END_TEST

/* ---- Order, sources, errors ------------------------------------------------ */

START_TEST(test_compare_order_does_not_depend_on_input_order)
{
	fedns_deployment *dep = contoso();
	fedns_observed *a = observed(), *b = observed();
	fedns_findings *fa, *fb;
	char *da, *db;

	OK(fedns_observed_add_a(a, HOST, TTL, "131.107.155.99", 0));
	OK(fedns_observed_add_srv(a, "_sip.tls.contoso.com", TTL, 0, 0, 443, HOST, 0));
	OK(fedns_observed_add_a(a, HOST, 60, "131.107.155.10", 0));
	OK(fedns_observed_add_cname(a, "lyncdiscover.contoso.com", TTL, "webdir.online.lync.com",
				    0));
	OK(fedns_observed_add_cname(b, "lyncdiscover.contoso.com", TTL, "webdir.online.lync.com",
				    0));
	OK(fedns_observed_add_a(b, HOST, 60, "131.107.155.10", 0));
	OK(fedns_observed_add_srv(b, "_sip.tls.contoso.com", TTL, 0, 0, 443, HOST, 0));
	OK(fedns_observed_add_a(b, HOST, TTL, "131.107.155.99", 0));
	fa = compare(dep, a);
	fb = compare(dep, b);
	da = dump(fa);
	db = dump(fb);
	ck_assert_str_eq(da, db);
	ck_assert_uint_eq(fedns_findings_count(fa), 6);
	free(da);
	free(db);
	fedns_findings_free(fa);
	fedns_findings_free(fb);
	fedns_observed_free(a);
	fedns_observed_free(b);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_compare_reports_source_and_line)
{
	fedns_observed *obs = observed();

	OK(fedns_observed_set_source(obs, "contoso.zone"));
	OK(fedns_observed_add_srv(obs, SIP_TLS, TTL, 0, 0, 443, HOST, 12));
	OK(fedns_observed_add_srv(obs, FED, TTL, 0, 0, 5061, HOST, 13));
	OK(fedns_observed_set_source(obs, "hosts.zone"));
	OK(fedns_observed_add_a(obs, HOST, TTL, "131.107.155.11", 4));
	OK(fedns_observed_set_source(obs, NULL));
	OK(fedns_observed_add_a(obs, HOST, TTL, "131.107.155.12", 0));
	expect(contoso(), obs,
	       "D2 unexpected " HOST " A exp=[-]/? obs=[131.107.155.12]/3600\n"
	       "D3 different " HOST " A exp=[131.107.155.10]/3600 obs=[131.107.155.11]/3600 "
	       "@hosts.zone:4\n");
}
END_TEST

START_TEST(test_observed_adders_refuse_bad_input_and_leave_the_set_unchanged)
{
	fedns_observed *obs = observed();

	ck_assert_int_eq(fedns_observed_new(NULL), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_observed_add_a(NULL, HOST, TTL, "1.2.3.4", 0), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_observed_add_a(obs, NULL, TTL, "1.2.3.4", 0), FEDNS_EINVAL);
	ck_assert_str_eq(fedns_observed_last_error(obs), "fedns_observed_add_a: owner is NULL");
	ck_assert_int_eq(fedns_observed_add_a(obs, "a..b", TTL, "1.2.3.4", 0), FEDNS_EBADNAME);
	ck_assert_str_eq(fedns_observed_last_error(obs),
			 "fedns_observed_add_a: owner \"a..b\" is not a DNS name");
	ck_assert_int_eq(fedns_observed_add_a(obs, "a b.example", TTL, "1.2.3.4", 0),
			 FEDNS_EBADNAME);
	ck_assert_int_eq(fedns_observed_add_a(obs, ".", TTL, "1.2.3.4", 0), FEDNS_EBADNAME);
	ck_assert_int_eq(fedns_observed_add_a(obs, HOST, TTL, "2001:db8::1", 0), FEDNS_EBADADDR);
	ck_assert_str_eq(fedns_observed_last_error(obs),
			 "fedns_observed_add_a: \"2001:db8::1\" is an IPv6 address");
	ck_assert_int_eq(fedns_observed_add_aaaa(obs, HOST, TTL, "1.2.3.4", 0), FEDNS_EBADADDR);
	ck_assert_int_eq(fedns_observed_add_a(obs, HOST, TTL, "1.2.3", 0), FEDNS_EBADADDR);
	ck_assert_int_eq(fedns_observed_add_srv(obs, SIP_TLS, TTL, 0, 0, 443, NULL, 0),
			 FEDNS_EINVAL);
	ck_assert_int_eq(fedns_observed_add_srv(obs, SIP_TLS, TTL, 0, 0, 443, "x..y", 0),
			 FEDNS_EBADNAME);
	ck_assert_int_eq(fedns_observed_add_cname(obs, HOST, TTL, NULL, 0), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_observed_add_other(obs, HOST, TTL, FEDNS_RR_SRV, "x", 0),
			 FEDNS_EINVAL);
	ck_assert_str_eq(fedns_observed_last_error(obs),
			 "fedns_observed_add_other: type 33 is added with its own function");
	ck_assert_int_eq(fedns_observed_add_other(obs, HOST, TTL, 0, "x", 0), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_observed_add_other(obs, HOST, TTL, 65536, "x", 0), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_observed_add_other(obs, HOST, TTL, 16, NULL, 0), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_observed_add_failure(obs, HOST, -1, "x"), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_observed_add_failure(obs, HOST, 0, NULL), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_observed_add_failure(obs, "", 0, "x"), FEDNS_EBADNAME);
	ck_assert_int_eq(fedns_observed_set_source(NULL, "x"), FEDNS_EINVAL);
	ck_assert_uint_eq(fedns_observed_count(obs), 0);
	ck_assert_uint_eq(fedns_observed_count(NULL), 0);
	ck_assert_str_eq(fedns_observed_last_error(NULL), "");
	OK(fedns_observed_add_other(obs, HOST, TTL, 65280, "\\# 0", 0));
	ck_assert_str_eq(fedns_observed_last_error(obs), "");
	ck_assert_uint_eq(fedns_observed_count(obs), 1);
	fedns_observed_free(obs);
}
END_TEST

START_TEST(test_compare_other_types_are_named_as_in_zone_files)
{
	fedns_observed *obs = observed();

	add_sip_tls(obs);
	add_fed(obs);
	add_host(obs);
	OK(fedns_observed_add_other(obs, HOST, TTL, 65280, "\\# 1 00", 0));
	OK(fedns_observed_add_other(obs, HOST, TTL, 257, "0 issue \"ca.example\"", 0));
	OK(fedns_observed_add_other(obs, FED, TTL, 16, "\"a\001b\"", 0));
	expect(contoso(), obs,
	       "D2 unexpected " FED " TXT exp=[-]/? obs=[\"a?b\"]/3600\n"
	       "D2 unexpected " HOST " CAA exp=[-]/? obs=[0 issue \"ca.example\"]/3600\n"
	       "D2 unexpected " HOST " TYPE65280 exp=[-]/? obs=[\\# 1 00]/3600\n");
}
END_TEST

START_TEST(test_compare_refuses_a_deployment_with_errors_and_bad_arguments)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_observed *obs = observed();
	fedns_findings *f = (fedns_findings *)obs;

	ck_assert_int_eq(fedns_deployment_compare(NULL, obs, &f), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_compare(dep, NULL, &f), FEDNS_EINVAL);
	ck_assert_str_eq(fedns_deployment_last_error(dep),
			 "fedns_deployment_compare: observed is NULL");
	ck_assert_int_eq(fedns_deployment_compare(dep, obs, NULL), FEDNS_EINVAL);
	OK(fedns_deployment_add_sip_domain(dep, "contoso..com", NULL));
	ck_assert_int_eq(fedns_deployment_compare(dep, obs, &f), FEDNS_EINVALID);
	ck_assert_ptr_null(f);
	ck_assert_int_eq(strncmp(fedns_deployment_last_error(dep),
				 "the deployment has 1 error; first: V1 ", 38), 0);
	ck_assert_uint_eq(fedns_findings_count(NULL), 0);
	ck_assert_ptr_null(fedns_finding_owner(NULL, 0));
	ck_assert_int_eq(fedns_finding_kind(NULL, 0), 0);
	ck_assert_uint_eq(fedns_finding_line(NULL, 0), 0);
	ck_assert_uint_eq(fedns_finding_observed_ttl(NULL, 0), FEDNS_TTL_UNKNOWN);
	ck_assert_ptr_null(fedns_finding_kind_name(0));
	ck_assert_ptr_null(fedns_finding_kind_name(8));
	ck_assert_str_eq(fedns_finding_kind_name(FEDNS_DRIFT_ONLINE), "online-conflict");
	fedns_findings_free(NULL);
	fedns_observed_free(obs);
	fedns_deployment_free(dep);
}
END_TEST

/* The CNAME is at an SRV name: there are no addresses to publish instead. */
START_TEST(test_D6_cname_at_an_srv_name)
{
	fedns_observed *obs = observed();

	OK(fedns_observed_add_cname(obs, SIP_TLS, TTL, "sipdir.online.lync.com", 1));
	OK(fedns_observed_add_cname(obs, FED, TTL, "edge.contoso.net", 2));
	add_host(obs);
	expect(contoso(), obs,
	       "D6 online-conflict " SIP_TLS " CNAME exp=[-]/? obs=[sipdir.online.lync.com.]/3600"
	       " @:1\n"
	       "D2 unexpected " FED " CNAME exp=[-]/? obs=[edge.contoso.net.]/3600 @:2\n");
}
END_TEST

START_TEST(test_D7_once_per_name_and_type_the_first)
{
	fedns_observed *obs = observed();

	add_host(obs);
	OK(fedns_observed_add_failure(obs, FED, FEDNS_RR_SRV, "timeout"));
	OK(fedns_observed_add_failure(obs, FED, FEDNS_RR_A, "REFUSED"));
	OK(fedns_observed_add_failure(obs, "_SIPfederationtls._tcp.contoso.com", FEDNS_RR_SRV,
				      "SERVFAIL"));
	OK(fedns_observed_add_failure(obs, SIP_TLS, 16, "timeout"));
	OK(fedns_observed_add_failure(obs, SIP_TLS, 0, "NXDOMAIN"));
	OK(fedns_observed_add_failure(obs, SIP_TLS, 16, "again"));
	expect(contoso(), obs,
	       "D7 lookup-failed " SIP_TLS " * exp=[-]/? obs=[NXDOMAIN]/?\n"
	       "D7 lookup-failed " SIP_TLS " TXT exp=[-]/? obs=[timeout]/?\n"
	       "D7 lookup-failed " FED " A exp=[-]/? obs=[REFUSED]/?\n"
	       "D7 lookup-failed " FED " SRV exp=[-]/? obs=[timeout]/?\n");
}
END_TEST

/* Thousands of names fedns does not manage, beside a few it does: the
 * names outgrow the table the view starts with. */
START_TEST(test_compare_many_names)
{
	fedns_observed *obs = observed();
	char name[64];
	int i;

	for (i = 0; i < 3000; i++) {
		snprintf(name, sizeof(name), "host%d.contoso.com", i);
		OK(fedns_observed_add_a(obs, name, TTL, "131.107.155.50", (uint32_t)i));
		snprintf(name, sizeof(name), "h%d.example.net", i);
		OK(fedns_observed_add_cname(obs, name, TTL, "sipdir.online.lync.com", (uint32_t)i));
	}
	OK(fedns_observed_add_srv(obs, "_sip.tls.contoso.com", TTL, 0, 0, 443, HOST, 7000));
	OK(fedns_observed_add_srv(obs, FED, 60, 0, 0, 5061, HOST, 7001));
	OK(fedns_observed_add_a(obs, HOST, TTL, "131.107.155.10", 7002));
	OK(fedns_observed_add_a(obs, "sip.contoso.com.contoso.com", TTL, "131.107.155.10", 7003));
	expect(contoso(), obs,
	       "D1 missing " SIP_TLS " SRV exp=[0 0 443 sip.contoso.com.]/3600 obs=[-]/?\n"
	       "D4 near-miss _sip.tls.contoso.com. SRV exp=[-]/? "
	       "obs=[0 0 443 sip.contoso.com.]/3600 -> " SIP_TLS " @:7000\n"
	       "D3 different " FED " SRV exp=[0 0 5061 sip.contoso.com.]/3600 "
	       "obs=[0 0 5061 sip.contoso.com.]/60 @:7001\n"
	       "D4 near-miss sip.contoso.com.contoso.com. A exp=[-]/? "
	       "obs=[131.107.155.10]/3600 -> " HOST " @:7003\n");
}
END_TEST

/* ---- Folding names and parsing addresses --------------------------------- */

/* The rules of fedns__observed_fold, a byte at a time. */
static size_t fold_bytewise(const char *in, char *out)
{
	size_t n = strlen(in), i, label = 0;

	if (n && in[n - 1] == '.')
		n--;
	if (n == 0 || n > FEDNS_NAME_MAX_OBSERVED)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)in[i];

		if (c <= ' ' || c >= 0x7f)
			return 0;
		if (c == '.') {
			if (label == 0)
				return 0;
			label = 0;
		} else if (++label > 63) {
			return 0;
		}
		out[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	if (label == 0)
		return 0;
	out[n] = '.';
	out[n + 1] = '\0';
	return n + 1;
}

static unsigned long next_random(unsigned long *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7fff;
}

START_TEST(test_observed_fold_checks_every_byte_and_label)
{
	/* Bytes at the edges of what a name may hold, and case. */
	static const char bytes[] = {'a', 'Z', 'A', 'z', '@', '[', '`', '{', '-', '_', '0', '!', '~',
				     ' ', '\t', '\x7f', '\x80', '\xff', '.'};
	char in[300], want[FEDNS_ABS_BUF], got[FEDNS_ABS_BUF];
	unsigned long state = 1;
	int round;

	ck_assert_uint_eq(fedns__observed_fold(NULL, got), 0);
	ck_assert_uint_eq(fedns__observed_fold("", got), 0);
	for (round = 0; round < 200000; round++) {
		size_t len = 0, labels = 1 + next_random(&state) % 6, i, w;
		int bad = next_random(&state) % 4 == 0;

		/* Labels of 0..70 letters, sometimes a byte from the edges. */
		for (i = 0; i < labels && len < 270; i++) {
			size_t n = next_random(&state) % 8 == 0 ? 60 + next_random(&state) % 11 :
				next_random(&state) % 12;

			for (; n && len < 270; n--)
				in[len++] = bad && next_random(&state) % 16 == 0 ?
					bytes[next_random(&state) % sizeof(bytes)] :
					bytes[next_random(&state) % 4];
			if (i + 1 < labels || next_random(&state) % 2)
				in[len++] = '.';
		}
		in[len] = '\0';
		memset(want, 0, sizeof(want));
		memset(got, 0, sizeof(got));
		w = fold_bytewise(in, want);
		ck_assert_uint_eq(fedns__observed_fold(in, got), w);
		if (w)
			ck_assert_str_eq(got, want);
	}
	/* The longest name, and one byte more. */
	memset(in, 'a', 253);
	for (round = 63; round < 253; round += 64)
		in[round] = '.';
	in[253] = '\0';
	ck_assert_uint_eq(fedns__observed_fold(in, got), 254);
	in[253] = '.';
	in[254] = '\0';
	ck_assert_uint_eq(fedns__observed_fold(in, got), 254);
	in[253] = 'a';
	ck_assert_uint_eq(fedns__observed_fold(in, got), 0);
}
END_TEST

/* ---- Probes ---------------------------------------------------------------- */

static char *dump_probes(fedns_deployment *dep)
{
	fedns_probes *p = NULL;
	char *out = NULL, line[600];
	size_t len = 0, i;

	OK(fedns_deployment_probes(dep, &p));
	append(&out, &len, "");
	for (i = 0; i < fedns_probes_count(p); i++) {
		snprintf(line, sizeof(line), "%s %s\n", fedns_probe_name(p, i),
			 fedns_rrtype_name(fedns_probe_type(p, i)));
		append(&out, &len, line);
	}
	ck_assert_ptr_null(fedns_probe_name(p, i));
	ck_assert_int_eq(fedns_probe_type(p, i), 0);
	fedns_probes_free(p);
	return out;
}

START_TEST(test_probes_list_every_managed_name_and_the_usual_typos)
{
	fedns_deployment *dep = xmpp_contoso();
	char *got = dump_probes(dep);

	ck_assert_str_eq(got,
			 SIP_TLS " SRV\n"
			 FED " SRV\n"
			 XMPP_SRV " SRV\n"
			 HOST " A\n"
			 HOST " AAAA\n"
			 "xmpp.contoso.com. A\n"
			 "xmpp.contoso.com. AAAA\n"
			 "lyncdiscover.contoso.com. CNAME\n"
			 "_sip.tls.contoso.com. SRV\n"
			 "sip._tls.contoso.com. SRV\n"
			 "_sip_.tls.contoso.com. SRV\n"
			 "_sipfederationtls.tcp.contoso.com. SRV\n"
			 "sipfederationtls._tcp.contoso.com. SRV\n"
			 "_sipfederationtls_.tcp.contoso.com. SRV\n"
			 "_sipfederationtls._tls.contoso.com. SRV\n"
			 "_sipfederationtls._udp.contoso.com. SRV\n"
			 "_xmpp-server.tcp.contoso.com. SRV\n"
			 "xmpp-server._tcp.contoso.com. SRV\n"
			 "_xmpp-server_.tcp.contoso.com. SRV\n"
			 "_xmpp-server._tls.contoso.com. SRV\n"
			 "_xmpp-server._udp.contoso.com. SRV\n");
	free(got);
	ck_assert_int_eq(fedns_deployment_probes(dep, NULL), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_probes(NULL, NULL), FEDNS_EINVAL);
	fedns_deployment_free(dep);
}
END_TEST

/* Every probe's typo variant is recognised as a near miss of its name. */
START_TEST(test_probes_typos_are_near_misses)
{
	fedns_deployment *dep = xmpp_contoso();
	fedns_probes *p;
	fedns_observed *obs = observed();
	fedns_findings *f;
	size_t i, typos = 0, near = 0;

	OK(fedns_deployment_probes(dep, &p));
	for (i = 0; i < fedns_probes_count(p); i++) {
		const char *name = fedns_probe_name(p, i);

		if (fedns_probe_type(p, i) != FEDNS_RR_SRV || strcmp(name, SIP_TLS) == 0 ||
		    strcmp(name, FED) == 0 || strcmp(name, XMPP_SRV) == 0)
			continue;
		OK(fedns_observed_add_srv(obs, name, TTL, 0, 0, 5061, HOST, 0));
		typos++;
	}
	f = compare(dep, obs);
	for (i = 0; i < fedns_findings_count(f); i++)
		near += fedns_finding_kind(f, i) == FEDNS_DRIFT_NEAR_MISS;
	ck_assert_uint_eq(typos, 13);
	ck_assert_uint_eq(near, typos);
	fedns_findings_free(f);
	fedns_probes_free(p);
	fedns_observed_free(obs);
	fedns_deployment_free(dep);
}
END_TEST

/* A deployment allocating through `f`. */
static fedns_deployment *fa_deployment(struct failalloc *f)
{
	fedns_deployment *dep = NULL;

	ck_assert_int_eq(failalloc_deployment_new(f, &dep), FEDNS_OK);
	return dep;
}

/* ---- Allocation failure ---------------------------------------------------- */

/* A comparison that takes every path that allocates. */
static fedns_observed *busy_observed(struct failalloc *f)
{
	fedns_observed *obs = NULL;
	int i;
	char name[64];

	OK(fedns_observed_new_with_allocator(failalloc_malloc, failalloc_realloc, failalloc_free, f, &obs));
	OK(fedns_observed_set_source(obs, "a.zone"));
	OK(fedns_observed_add_srv(obs, SIP_TLS, 60, 0, 0, 443, HOST, 1));
	OK(fedns_observed_add_srv(obs, FED, TTL, 100, 1, 5061, "sipfed.online.lync.com", 2));
	OK(fedns_observed_add_cname(obs, HOST, TTL, "edge.contoso.net", 3));
	OK(fedns_observed_add_srv(obs, "_sip.tls.contoso.com", TTL, 0, 0, 443, HOST, 4));
	OK(fedns_observed_add_cname(obs, "lyncdiscover.contoso.com", TTL, "webdir.online.lync.com",
				    5));
	OK(fedns_observed_add_failure(obs, "xmpp.contoso.com", 0, "timeout"));
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "host%d.contoso.com", i);
		OK(fedns_observed_add_a(obs, name, TTL, "131.107.155.50", (uint32_t)i + 10));
		OK(fedns_observed_add_other(obs, HOST, TTL, 16, name, (uint32_t)i + 10));
	}
	return obs;
}

static void compare_each_allocation(int forever)
{
	struct failalloc f;
	long n;

	failalloc_init(&f);
	for (n = 0;; n++) {
		fedns_deployment *dep = fa_deployment(&f);
		fedns_observed *obs;
		fedns_findings *out = (fedns_findings *)&f;
		fedns_edge_pool *pool;
		fedns_status st;

		OK(fedns_deployment_add_sip_domain(dep, "contoso.com", NULL));
		OK(fedns_deployment_add_edge_pool(dep, "edge", &pool));
		OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "131.107.155.10"));
		OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
		OK(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 1));
		obs = busy_observed(&f);
		failalloc_arm(&f, forever ? FAILALLOC_ALWAYS : FAILALLOC_ONCE, (unsigned long)n);
		st = fedns_deployment_compare(dep, obs, &out);
		failalloc_disarm(&f);
		if (st == FEDNS_OK) {
			ck_assert_uint_eq(fedns_findings_count(out), 46);
			fedns_findings_free(out);
		} else {
			ck_assert_int_eq(st, FEDNS_ENOMEM);
			ck_assert_ptr_null(out);
			ck_assert_str_eq(fedns_deployment_last_error(dep), "out of memory");
		}
		fedns_observed_free(obs);
		fedns_deployment_free(dep);
		ck_assert_int_eq(f.live, 0);
		ck_assert_int_eq(f.corrupt, 0);
		if (st == FEDNS_OK)
			break;
	}
	ck_assert_int_gt(n, 10);
}

START_TEST(test_compare_allocation_failure_once)
{
	compare_each_allocation(0);
}
END_TEST

START_TEST(test_compare_allocation_failure_forever)
{
	compare_each_allocation(1);
}
END_TEST

/* The adders leave the set as it was when an allocation fails. */
START_TEST(test_observed_allocation_failure_leaves_the_set_unchanged)
{
	struct failalloc f;
	long n;

	failalloc_init(&f);
	for (n = 0;; n++) {
		fedns_observed *obs = NULL;
		fedns_status st;
		int i;

		failalloc_arm(&f, 1 ? FAILALLOC_ALWAYS : FAILALLOC_ONCE, (unsigned long)n);
		st = fedns_observed_new_with_allocator(failalloc_malloc, failalloc_realloc, failalloc_free,
						       &f, &obs);
		for (i = 0; st == FEDNS_OK && i < 20; i++) {
			size_t before = fedns_observed_count(obs);

			st = i % 2 ? fedns_observed_add_srv(obs, FED, TTL, 0, 0, 5061, HOST, 1) :
				fedns_observed_add_failure(obs, HOST, 0, "timeout");
			if (st == FEDNS_OK && i % 4 == 0)
				st = fedns_observed_set_source(obs, "zone");
			if (st != FEDNS_OK) {
				ck_assert_int_eq(st, FEDNS_ENOMEM);
				ck_assert_uint_eq(fedns_observed_count(obs), before);
				ck_assert_str_eq(fedns_observed_last_error(obs), "out of memory");
			}
		}
		failalloc_disarm(&f);
		fedns_observed_free(obs);
		ck_assert_int_eq(f.live, 0);
		ck_assert_int_eq(f.corrupt, 0);
		if (st == FEDNS_OK)
			break;
		ck_assert_int_eq(st, FEDNS_ENOMEM);
	}
	ck_assert_int_gt(n, 3);
}
END_TEST

START_TEST(test_probes_allocation_failure)
{
	struct failalloc f;
	long n;

	failalloc_init(&f);
	for (n = 0;; n++) {
		fedns_deployment *dep = fa_deployment(&f);
		fedns_probes *p = (fedns_probes *)&f;
		fedns_edge_pool *pool;
		fedns_status st;

		OK(fedns_deployment_add_sip_domain(dep, "contoso.com", NULL));
		OK(fedns_deployment_add_edge_pool(dep, "edge", &pool));
		OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "131.107.155.10"));
		failalloc_arm(&f, 0 ? FAILALLOC_ALWAYS : FAILALLOC_ONCE, (unsigned long)n);
		st = fedns_deployment_probes(dep, &p);
		failalloc_disarm(&f);
		if (st == FEDNS_OK) {
			ck_assert_uint_eq(fedns_probes_count(p), 19);
			fedns_probes_free(p);
		} else {
			ck_assert_int_eq(st, FEDNS_ENOMEM);
			ck_assert_ptr_null(p);
		}
		fedns_deployment_free(dep);
		ck_assert_int_eq(f.live, 0);
		ck_assert_int_eq(f.corrupt, 0);
		if (st == FEDNS_OK)
			break;
	}
	ck_assert_int_gt(n, 5);
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("compare");
	TCase *kinds = tcase_create("kinds");
	TCase *other = tcase_create("other");

	tcase_add_test(kinds, test_compare_matching_records_have_no_finding);
	tcase_add_test(kinds, test_compare_unknown_ttl_is_not_compared);
	tcase_add_test(kinds, test_D1_missing_records);
	tcase_add_test(kinds, test_D1_hint_names_the_record_in_both_languages);
	tcase_add_test(kinds, test_D2_unexpected_only_at_managed_names);
	tcase_add_test(kinds, test_D2_federation_srv_published_while_not_discoverable);
	tcase_add_test(kinds, test_D3_different_data_and_ttl);
	tcase_add_test(kinds, test_D3_pairs_what_is_left_after_equal_records);
	tcase_add_test(kinds, test_D4_near_miss_owner_names);
	tcase_add_test(kinds, test_D4_domain_typed_twice_and_srv_under_a_host);
	tcase_add_test(kinds, test_D4_hint_says_delete_when_the_right_name_exists);
	tcase_add_test(kinds, test_D5_cname_where_an_srv_target_needs_addresses);
	tcase_add_test(kinds, test_D5_cname_at_a_web_conferencing_edge);
	tcase_add_test(kinds, test_D5_cname_at_a_reverse_proxy_name_cannot_be_checked);
	tcase_add_test(kinds, test_D6_hybrid_leftovers_pointing_at_microsoft_365);
	tcase_add_test(kinds, test_D6_sip_name_watched_when_the_access_edge_is_elsewhere);
	tcase_add_test(kinds, test_D6_not_for_a_domain_hosted_online);
	tcase_add_test(kinds, test_D7_lookup_failures_are_not_missing_records);
	tcase_add_test(kinds, test_D7_hint);
	tcase_add_test(kinds, test_D6_cname_at_an_srv_name);
	tcase_add_test(kinds, test_D7_once_per_name_and_type_the_first);
	suite_add_tcase(s, kinds);

	tcase_set_timeout(other, 120);
	tcase_add_test(other, test_compare_order_does_not_depend_on_input_order);
	tcase_add_test(other, test_compare_reports_source_and_line);
	tcase_add_test(other, test_observed_adders_refuse_bad_input_and_leave_the_set_unchanged);
	tcase_add_test(other, test_compare_other_types_are_named_as_in_zone_files);
	tcase_add_test(other, test_compare_refuses_a_deployment_with_errors_and_bad_arguments);
	tcase_add_test(other, test_compare_many_names);
	tcase_add_test(other, test_observed_fold_checks_every_byte_and_label);
	tcase_add_test(other, test_probes_list_every_managed_name_and_the_usual_typos);
	tcase_add_test(other, test_probes_typos_are_near_misses);
	tcase_add_test(other, test_compare_allocation_failure_once);
	tcase_add_test(other, test_compare_allocation_failure_forever);
	tcase_add_test(other, test_observed_allocation_failure_leaves_the_set_unchanged);
	tcase_add_test(other, test_probes_allocation_failure);
	suite_add_tcase(s, other);
	return s;
}
