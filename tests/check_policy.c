/* Federation decisions (SPEC 4): one test per P rule, named after it, each
 * asserting the exact verdict, reason and route; then the compiled table's
 * behaviour with large lists, its independence from the deployment, and
 * allocation failure. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "failalloc.h"
#include "fixture.h"
#include "name.h"
#include "policy_table.h"
#include "test.h"

#define MAX_NAME 253
#define OK(expr) ck_assert_int_eq((expr), FEDNS_OK)
#define SIP FEDNS_PROTOCOL_SIP
#define XMPP FEDNS_PROTOCOL_XMPP
#define ALLOW FEDNS_VERDICT_ALLOW
#define DENY FEDNS_VERDICT_DENY

static fedns_policy *compile(fedns_deployment *dep)
{
	fedns_policy *p = NULL;

	ck_assert_msg(fedns_deployment_policy(dep, &p) == FEDNS_OK, "policy: %s",
		      fedns_deployment_last_error(dep));
	ck_assert_ptr_nonnull(p);
	return p;
}

/* Asserts one decision exactly; `route` NULL means DNS SRV (or none). */
static void expect(const fedns_policy *p, const char *domain, int protocol, int verdict,
		   int reason, const char *route)
{
	int v = -1, r = -1;
	const char *rt = "unset";

	ck_assert_int_eq(fedns_policy_decide(p, domain, protocol, &v, &r, &rt), FEDNS_OK);
	ck_assert_msg(v == verdict && r == reason, "%s: got %s/%s, want %s/%s", domain,
		      fedns_verdict_name(v), fedns_reason_name(r), fedns_verdict_name(verdict),
		      fedns_reason_name(reason));
	if (route)
		ck_assert_pstr_eq(rt, route);
	else
		ck_assert_ptr_null(rt);
}

/* contoso.com with federation on; discovery as given. */
static fedns_deployment *federated(int discovery)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, discovery));
	return dep;
}

static void decide_once(fedns_deployment *dep, const char *domain, int protocol, int verdict,
			int reason, const char *route)
{
	fedns_policy *p = compile(dep);

	expect(p, domain, protocol, verdict, reason, route);
	fedns_policy_free(p);
	fedns_deployment_free(dep);
}

/* ---- P1 ---------------------------------------------------------------- */

START_TEST(test_P1_federation_disabled_denies_every_sip_domain)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_policy *p;

	/* Listed or not, discovery on or not: federation is off (V13 warns). */
	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", "sip.fabrikam.com", NULL));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 1));
	p = compile(dep);
	expect(p, "fabrikam.com", SIP, DENY, FEDNS_REASON_FEDERATION_DISABLED, NULL);
	expect(p, "example.net", SIP, DENY, FEDNS_REASON_FEDERATION_DISABLED, NULL);
	fedns_policy_free(p);
	fedns_deployment_free(dep);
}
END_TEST

/* ---- P2 ---------------------------------------------------------------- */

START_TEST(test_P2_blocked_domain_is_denied_even_with_discovery)
{
	fedns_deployment *dep = federated(1);
	fedns_policy *p;

	OK(fedns_deployment_add_blocked_domain(dep, "Blocked.Example.", NULL));
	p = compile(dep);
	expect(p, "blocked.example", SIP, DENY, FEDNS_REASON_BLOCKED, NULL);
	expect(p, "BLOCKED.EXAMPLE.", SIP, DENY, FEDNS_REASON_BLOCKED, NULL);
	/* Exact matching: a name under a blocked domain is not blocked. */
	expect(p, "sub.blocked.example", SIP, ALLOW, FEDNS_REASON_DISCOVERED, NULL);
	fedns_policy_free(p);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_P2_blocked_domain_served_by_a_public_provider_is_denied)
{
	fedns_deployment *dep = federated(0);
	fedns_public_provider *pp;

	OK(fedns_deployment_set(dep, FEDNS_OPT_PUBLIC_IM, 1));
	OK(fedns_deployment_add_public_provider(dep, "WLM", "federation.messenger.msn.com", &pp));
	OK(fedns_public_provider_add_domain(pp, "hotmail.com"));
	OK(fedns_deployment_add_blocked_domain(dep, "hotmail.com", NULL));
	decide_once(dep, "hotmail.com", SIP, DENY, FEDNS_REASON_BLOCKED, NULL);
}
END_TEST

/* ---- P3 ---------------------------------------------------------------- */

START_TEST(test_P3_allowed_domain_routes_through_its_proxy_fqdn)
{
	fedns_deployment *dep = federated(0);
	fedns_policy *p;

	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", "SIP.Fabrikam.com.", "partner"));
	OK(fedns_deployment_add_allowed_domain(dep, "litware.com", NULL, NULL));
	p = compile(dep);
	expect(p, "Fabrikam.COM", SIP, ALLOW, FEDNS_REASON_ALLOWED, "sip.fabrikam.com");
	expect(p, "litware.com.", SIP, ALLOW, FEDNS_REASON_ALLOWED, NULL);
	expect(p, "www.litware.com", SIP, DENY, FEDNS_REASON_NOT_ALLOWED, NULL);
	fedns_policy_free(p);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_P3_push_lync_com_routes_through_the_clearing_house_provider)
{
	fedns_deployment *dep = federated(0);
	fedns_hosting_provider *h;

	OK(fedns_deployment_add_allowed_domain(dep, "push.lync.com", NULL, NULL));
	OK(fedns_deployment_add_hosting_provider(dep, "Other", "sip.other.example", NULL));
	OK(fedns_deployment_add_hosting_provider(dep, "LyncOnline", "SIPFED.online.lync.com", &h));
	OK(fedns_hosting_provider_set(h, FEDNS_OPT_PROVIDER_VERIFICATION,
				      FEDNS_VERIFICATION_USE_SOURCE));
	decide_once(dep, "push.lync.com", SIP, ALLOW, FEDNS_REASON_ALLOWED,
		    "sipfed.online.lync.com");
}
END_TEST

/* push.lync.com is recognised in any case and with its trailing dot; a
 * name of its length that is not it gets no clearing-house route. */
START_TEST(test_P3_push_lync_com_in_any_spelling)
{
	fedns_deployment *dep = federated(0);
	fedns_policy *p;

	OK(fedns_deployment_add_allowed_domain(dep, "PUSH.Lync.com.", NULL, NULL));
	OK(fedns_deployment_add_allowed_domain(dep, "push.lync.org", NULL, NULL));
	OK(fedns_deployment_add_allowed_domain(dep, "push.lync.org2", NULL, NULL));
	OK(fedns_deployment_add_hosting_provider(dep, "LyncOnline", "sipfed.online.lync.com.",
						 NULL));
	p = compile(dep);
	expect(p, "push.lync.com", SIP, ALLOW, FEDNS_REASON_ALLOWED, "sipfed.online.lync.com");
	expect(p, "push.lync.org", SIP, ALLOW, FEDNS_REASON_ALLOWED, NULL);
	expect(p, "push.lync.org2", SIP, ALLOW, FEDNS_REASON_ALLOWED, NULL);
	fedns_policy_free(p);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_P3_push_lync_com_without_an_enabled_provider_uses_dns_srv)
{
	fedns_deployment *dep = federated(0);
	fedns_hosting_provider *h;

	OK(fedns_deployment_add_allowed_domain(dep, "push.lync.com", NULL, NULL));
	OK(fedns_deployment_add_hosting_provider(dep, "LyncOnline", "sipfed.online.lync.com", &h));
	OK(fedns_hosting_provider_set(h, FEDNS_OPT_PROVIDER_ENABLED, 0));
	decide_once(dep, "push.lync.com", SIP, ALLOW, FEDNS_REASON_ALLOWED, NULL);
}
END_TEST

START_TEST(test_P3_push_lync_com_own_proxy_fqdn_wins)
{
	fedns_deployment *dep = federated(0);

	OK(fedns_deployment_add_allowed_domain(dep, "push.lync.com", "push.proxy.example", NULL));
	OK(fedns_deployment_add_hosting_provider(dep, "LyncOnline", "sipfed.online.lync.com", NULL));
	decide_once(dep, "push.lync.com", SIP, ALLOW, FEDNS_REASON_ALLOWED, "push.proxy.example");
}
END_TEST

START_TEST(test_P3_allowed_before_public_provider)
{
	fedns_deployment *dep = federated(0);
	fedns_public_provider *pp;

	OK(fedns_deployment_set(dep, FEDNS_OPT_PUBLIC_IM, 1));
	OK(fedns_deployment_add_public_provider(dep, "WLM", "federation.messenger.msn.com", &pp));
	OK(fedns_public_provider_add_domain(pp, "hotmail.com"));
	OK(fedns_deployment_add_allowed_domain(dep, "hotmail.com", "sip.hotmail.example", NULL));
	decide_once(dep, "hotmail.com", SIP, ALLOW, FEDNS_REASON_ALLOWED, "sip.hotmail.example");
}
END_TEST

/* ---- P4 ---------------------------------------------------------------- */

static fedns_deployment *public_im(int enabled, int provider_enabled)
{
	fedns_deployment *dep = federated(0);
	fedns_public_provider *pp, *q;

	OK(fedns_deployment_set(dep, FEDNS_OPT_PUBLIC_IM, enabled));
	OK(fedns_deployment_add_public_provider(dep, "Off", "sip.off.example", &q));
	OK(fedns_public_provider_add_domain(q, "live.com"));
	OK(fedns_public_provider_set(q, FEDNS_OPT_PROVIDER_ENABLED, 0));
	OK(fedns_deployment_add_public_provider(dep, "WLM", "Federation.Messenger.MSN.com", &pp));
	OK(fedns_public_provider_add_domain(pp, "hotmail.com"));
	OK(fedns_public_provider_add_domain(pp, "live.com"));
	OK(fedns_public_provider_set(pp, FEDNS_OPT_PROVIDER_ENABLED, provider_enabled));
	return dep;
}

START_TEST(test_P4_public_provider_domain_routes_through_the_provider)
{
	fedns_deployment *dep = public_im(1, 1);
	fedns_policy *p = compile(dep);

	expect(p, "hotmail.com", SIP, ALLOW, FEDNS_REASON_PUBLIC_PROVIDER,
	       "federation.messenger.msn.com");
	/* The disabled provider listed first does not count. */
	expect(p, "live.com", SIP, ALLOW, FEDNS_REASON_PUBLIC_PROVIDER,
	       "federation.messenger.msn.com");
	/* Public IM is SIP only. */
	expect(p, "hotmail.com", XMPP, DENY, FEDNS_REASON_XMPP_DISABLED, NULL);
	fedns_policy_free(p);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_P4_needs_public_im_enabled)
{
	decide_once(public_im(0, 1), "hotmail.com", SIP, DENY, FEDNS_REASON_NOT_ALLOWED, NULL);
}
END_TEST

START_TEST(test_P4_needs_the_provider_enabled)
{
	decide_once(public_im(1, 0), "hotmail.com", SIP, DENY, FEDNS_REASON_NOT_ALLOWED, NULL);
}
END_TEST

/* ---- P5 ---------------------------------------------------------------- */

START_TEST(test_P5_partner_discovery_allows_unlisted_domains_by_dns_srv)
{
	decide_once(federated(1), "example.net", SIP, ALLOW, FEDNS_REASON_DISCOVERED, NULL);
}
END_TEST

START_TEST(test_P5_without_partner_discovery_unlisted_domains_are_denied)
{
	fedns_deployment *dep = federated(0);

	/* discoverable publishes our SRV; it does not admit anyone. */
	OK(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 1));
	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", NULL, NULL));
	decide_once(dep, "example.net", SIP, DENY, FEDNS_REASON_NOT_ALLOWED, NULL);
}
END_TEST

/* ---- P6 ---------------------------------------------------------------- */

static fedns_deployment *xmpp_deployment(int proxy)
{
	fedns_edge_pool *pool;
	fedns_sip_domain *d;
	fedns_xmpp_partner *x, *y;
	fedns_deployment *dep = fixture_contoso(&d, &pool);

	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, proxy));
	OK(fedns_edge_pool_set(pool, FEDNS_OPT_POOL_XMPP_PROXY, proxy));
	OK(fedns_deployment_add_xmpp_partner(dep, "Jabber.Example.org", &x));
	OK(fedns_xmpp_partner_add_domain(x, "chat.example.org"));
	OK(fedns_xmpp_partner_set(x, FEDNS_OPT_XMPP_TYPE, FEDNS_XMPP_FEDERATED));
	OK(fedns_xmpp_partner_set(x, FEDNS_OPT_XMPP_DIALBACK, 0));
	OK(fedns_xmpp_partner_set_proxy_fqdn(x, "xmpp.example.org."));
	OK(fedns_deployment_add_xmpp_partner(dep, "gmail.com", &y));
	OK(fedns_xmpp_partner_set(y, FEDNS_OPT_XMPP_TYPE, FEDNS_XMPP_PUBLIC_VERIFIED));
	OK(fedns_xmpp_partner_set(y, FEDNS_OPT_XMPP_DIALBACK, 0));
	OK(fedns_deployment_add_xmpp_partner(dep, "jabber.org", &y));
	OK(fedns_xmpp_partner_set(y, FEDNS_OPT_XMPP_DIALBACK, 0));
	return dep;
}

START_TEST(test_P6_xmpp_partner_allowed_with_its_type_and_route)
{
	fedns_deployment *dep = xmpp_deployment(1);
	fedns_policy *p = compile(dep);

	/* Independent of SIP federation, which is off here. */
	expect(p, "jabber.example.org", XMPP, ALLOW, FEDNS_REASON_XMPP_FEDERATED,
	       "xmpp.example.org");
	expect(p, "Chat.Example.org.", XMPP, ALLOW, FEDNS_REASON_XMPP_FEDERATED,
	       "xmpp.example.org");
	expect(p, "gmail.com", XMPP, ALLOW, FEDNS_REASON_XMPP_PUBLIC_VERIFIED, NULL);
	expect(p, "jabber.org", XMPP, ALLOW, FEDNS_REASON_XMPP_PUBLIC_UNVERIFIED, NULL);
	expect(p, "example.net", XMPP, DENY, FEDNS_REASON_NOT_ALLOWED, NULL);
	/* An XMPP partner is not a SIP partner. */
	expect(p, "gmail.com", SIP, DENY, FEDNS_REASON_FEDERATION_DISABLED, NULL);
	fedns_policy_free(p);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_P6_no_xmpp_proxy_denies_every_xmpp_domain)
{
	decide_once(xmpp_deployment(0), "gmail.com", XMPP, DENY, FEDNS_REASON_XMPP_DISABLED, NULL);
}
END_TEST

/* ---- P7 ---------------------------------------------------------------- */

START_TEST(test_P7_own_sip_domain_is_internal_for_both_protocols)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_policy *p;

	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", &d));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_USERS, 0));
	p = compile(dep);
	/* Before P1: federation is off, yet our own domains are reachable. */
	expect(p, "CONTOSO.COM.", SIP, FEDNS_VERDICT_INTERNAL, FEDNS_REASON_INTERNAL, NULL);
	expect(p, "contoso.com", XMPP, FEDNS_VERDICT_INTERNAL, FEDNS_REASON_INTERNAL, NULL);
	expect(p, "fabrikam.com", SIP, FEDNS_VERDICT_INTERNAL, FEDNS_REASON_INTERNAL, NULL);
	expect(p, "sip.contoso.com", SIP, DENY, FEDNS_REASON_FEDERATION_DISABLED, NULL);
	fedns_policy_free(p);
	fedns_deployment_free(dep);
}
END_TEST

/* ---- P8 ---------------------------------------------------------------- */

START_TEST(test_P8_invalid_domain_is_an_error_never_a_decision)
{
	static const char *const bad[] = {
		"", ".", "contoso..com", "-contoso.com", "under_score.com", "a.123",
		"caf\xc3\xa9.example", "two..dots.", "x.example..",
	};
	fedns_deployment *dep = federated(1);
	fedns_policy *p = compile(dep);
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int v = 7, r = 7;
		const char *rt = "unset";

		ck_assert_msg(fedns_policy_decide(p, bad[i], SIP, &v, &r, &rt) == FEDNS_EBADNAME,
			      "%s", bad[i]);
		ck_assert_int_eq(v, 0);
		ck_assert_int_eq(r, 0);
		ck_assert_ptr_null(rt);
	}
	fedns_policy_free(p);
	fedns_deployment_free(dep);
}
END_TEST

/* The policy checks names with its own fast code: it must accept exactly
 * what fedns_name_normalize() accepts, so compare them on many strings made
 * of the characters that matter (letters of both cases, digits, hyphens,
 * dots, an underscore, a UTF-8 byte) at lengths around the limits. */
START_TEST(test_P8_agrees_with_fedns_name_normalize)
{
	static const char alphabet[] = "aZ09-._\xc3";
	fedns_deployment *dep = federated(1);
	fedns_policy *p = compile(dep);
	char name[300], out[256];
	unsigned long seed = 12345;
	long i;

	for (i = 0; i < 200000; i++) {
		size_t n, k, lens[] = {1, 2, 3, 5, 8, 62, 63, 64, 65, 252, 253, 254, 255};
		fedns_status want, got;

		seed = seed * 6364136223846793005u + 1442695040888963407u;
		n = i % 3 ? (seed >> 33) % 12 : lens[(seed >> 40) % 13];
		for (k = 0; k < n; k++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			/* Mostly letters, so that long names can be valid. */
			name[k] = (seed >> 60) < 10 ? 'a' + (char)((seed >> 33) % 26) :
				alphabet[(seed >> 33) % (sizeof(alphabet) - 1)];
		}
		name[n] = '\0';
		if (i % 7 == 0 && n > 2)
			name[(seed >> 20) % n] = '.';
		want = fedns_name_normalize(name, out, sizeof(out), NULL, 0);
		got = fedns_policy_decide(p, name, SIP, NULL, NULL, NULL);
		ck_assert_msg(got == (want == FEDNS_OK ? FEDNS_OK : FEDNS_EBADNAME),
			      "\"%s\": policy %d, normalize %d", name, got, want);
	}
	fedns_policy_free(p);
	fedns_deployment_free(dep);
}
END_TEST

/* The word-at-a-time check classifies bytes by comparing them with bounds
 * and finds label boundaries across words: every byte value, at every
 * position of names that span word boundaries, must get the verdict and the
 * folded form that fedns_name_fold() gives. */
START_TEST(test_P8_every_byte_at_every_position_agrees_with_fedns_name_fold)
{
	static const char *const bases[] = {
		"abcdefg.ijklmnop.rs", "a-b.c-d", "x", "abcdefgh", "ab.cdefghijklmn.op-q.r", "q.7z",
	};
	char name[64], want[FEDNS_NAME_BUF];
	unsigned char got[FEDNS_FOLD_BUF];
	size_t b, k, n;
	unsigned c;

	for (b = 0; b < sizeof(bases) / sizeof(bases[0]); b++) {
		n = strlen(bases[b]);
		for (k = 0; k < n; k++)
			for (c = 1; c < 256; c++) {
				uint64_t h;
				size_t len;
				int ok;

				memcpy(name, bases[b], n + 1);
				name[k] = (char)c;
				ok = fedns_name_fold(name, want, NULL) == FEDNS_NAME_OK;
				len = fedns__fold_hash(name, got, &h);
				ck_assert_msg(ok == (len != 0), "\"%s\" (byte %u at %zu): fold %d, policy %zu",
					      name, c, k, ok, len);
				if (ok) {
					ck_assert_uint_eq(len, strlen(want));
					ck_assert_msg(memcmp(got, want, len) == 0, "%s", name);
				}
			}
	}
}
END_TEST

/* Names that differ only in case or the trailing dot fold and hash alike;
 * the folded form is padded with zeros to its whole last word. */
START_TEST(test_P8_folding_hashes_equal_names_alike)
{
	unsigned char a[FEDNS_FOLD_BUF], b[FEDNS_FOLD_BUF];
	uint64_t ha = 0, hb = 1;
	size_t n;

	memset(a, 0xff, sizeof(a));
	n = fedns__fold("Partner12.Example.COM", a, &ha);
	ck_assert_uint_eq(n, 21);
	ck_assert_uint_eq(fedns__fold("partner12.example.com.", b, &hb), 21);
	ck_assert(ha == hb);
	ck_assert(memcmp(a, b, n) == 0);
	ck_assert_int_eq(a[21] | a[22] | a[23], 0);
	ck_assert(fedns__folded_valid(a, n));
	/* Lengths are refused before anything is read past them. */
	ck_assert_uint_eq(fedns__fold("", a, &ha), 0);
	ck_assert_uint_eq(fedns__fold(".", a, &ha), 0);
}
END_TEST

/* ---- The policy object --------------------------------------------------- */

START_TEST(test_policy_refuses_a_deployment_with_errors)
{
	fedns_deployment *dep = federated(0);
	fedns_policy *p = (fedns_policy *)dep;

	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", NULL, NULL));
	OK(fedns_deployment_add_blocked_domain(dep, "fabrikam.com", NULL));
	ck_assert_int_eq(fedns_deployment_policy(dep, &p), FEDNS_EINVALID);
	ck_assert_ptr_null(p);
	/* Worded as fedns_deployment_derive() words it; the V11 message is
	 * validation's and checked there. */
	ck_assert_msg(strncmp(fedns_deployment_last_error(dep),
			      "the deployment has 1 error; first: V11 fabrikam.com: ", 52) == 0,
		      "%s", fedns_deployment_last_error(dep));
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_policy_arguments)
{
	fedns_deployment *dep = federated(0);
	fedns_policy *p = compile(dep);
	int v = 5;

	ck_assert_int_eq(fedns_deployment_policy(NULL, &p), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_policy(dep, NULL), FEDNS_EINVAL);
	ck_assert_str_eq(fedns_deployment_last_error(dep), "fedns_deployment_policy: out is NULL");
	ck_assert_int_eq(fedns_policy_decide(NULL, "a.example", SIP, &v, NULL, NULL), FEDNS_EINVAL);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(fedns_policy_decide(p, NULL, SIP, NULL, NULL, NULL), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_policy_decide(p, "a.example", 0, NULL, NULL, NULL), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_policy_decide(p, "a.example", 3, NULL, NULL, NULL), FEDNS_EINVAL);
	/* Every output is optional. */
	ck_assert_int_eq(fedns_policy_decide(p, "a.example", SIP, NULL, NULL, NULL), FEDNS_OK);
	fedns_policy_free(p);
	fedns_policy_free(NULL);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_policy_is_a_snapshot_that_outlives_its_deployment)
{
	fedns_deployment *dep = federated(0);
	fedns_policy *p;

	OK(fedns_deployment_add_allowed_domain(dep, "fabrikam.com", "sip.fabrikam.com", NULL));
	p = compile(dep);
	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 0));
	fedns_deployment_free(dep);
	expect(p, "fabrikam.com", SIP, ALLOW, FEDNS_REASON_ALLOWED, "sip.fabrikam.com");
	fedns_policy_free(p);
}
END_TEST

START_TEST(test_policy_names)
{
	static const char *const reasons[] = {
		NULL, "federation-disabled", "blocked", "allowed", "public-provider", "discovered",
		"not-allowed", "xmpp-disabled", "federated", "public-verified",
		"public-unverified", "internal", NULL,
	};
	int i;

	for (i = 0; i <= 12; i++)
		ck_assert_pstr_eq(fedns_reason_name(i), reasons[i]);
	ck_assert_ptr_null(fedns_reason_name(-1));
	ck_assert_str_eq(fedns_verdict_name(FEDNS_VERDICT_ALLOW), "allow");
	ck_assert_str_eq(fedns_verdict_name(FEDNS_VERDICT_DENY), "deny");
	ck_assert_str_eq(fedns_verdict_name(FEDNS_VERDICT_INTERNAL), "internal");
	ck_assert_ptr_null(fedns_verdict_name(0));
	ck_assert_ptr_null(fedns_verdict_name(4));
}
END_TEST

/* A hundred thousand allowed and as many blocked domains: every one is
 * found with its own route, and names near them are not. */
START_TEST(test_policy_large_lists_find_every_entry)
{
	enum { N = 100000 };
	fedns_deployment *dep = federated(0);
	fedns_policy *p;
	char name[64], proxy[64];
	long i;

	for (i = 0; i < N; i++) {
		snprintf(name, sizeof(name), "p%ld.example", i);
		snprintf(proxy, sizeof(proxy), "sip.p%ld.example", i);
		OK(fedns_deployment_add_allowed_domain(dep, name, i % 2 ? proxy : NULL, NULL));
		snprintf(name, sizeof(name), "B%ld.Example", i);
		OK(fedns_deployment_add_blocked_domain(dep, name, NULL));
	}
	p = compile(dep);
	fedns_deployment_free(dep);
	for (i = 0; i < N; i++) {
		snprintf(name, sizeof(name), "p%ld.example", i);
		snprintf(proxy, sizeof(proxy), "sip.p%ld.example", i);
		expect(p, name, SIP, ALLOW, FEDNS_REASON_ALLOWED, i % 2 ? proxy : NULL);
		snprintf(name, sizeof(name), "b%ld.example", i);
		expect(p, name, SIP, DENY, FEDNS_REASON_BLOCKED, NULL);
		snprintf(name, sizeof(name), "p%ld.example.com", i);
		expect(p, name, SIP, DENY, FEDNS_REASON_NOT_ALLOWED, NULL);
	}
	fedns_policy_free(p);
}
END_TEST

/* A name of `n` octets: labels of 49 letters (`c`) joined by dots. */
static void long_name(char *name, size_t n, char c)
{
	size_t k;

	for (k = 0; k < n; k++)
		name[k] = k % 50 == 49 && k + 1 < n ? '.' : c;
	name[n] = '\0';
}

/* Names of every length up to the limit, so the hash reads every tail. */
START_TEST(test_policy_names_of_every_length)
{
	fedns_deployment *dep = federated(0);
	fedns_policy *p;
	char name[MAX_NAME + 1];
	size_t n;

	for (n = 1; n <= MAX_NAME; n++) {
		long_name(name, n, 'a');
		OK(fedns_deployment_add_allowed_domain(dep, name, NULL, NULL));
	}
	p = compile(dep);
	for (n = 1; n <= MAX_NAME; n++) {
		long_name(name, n, 'A');
		expect(p, name, SIP, ALLOW, FEDNS_REASON_ALLOWED, NULL);
		name[0] = 'b';
		expect(p, name, SIP, DENY, FEDNS_REASON_NOT_ALLOWED, NULL);
	}
	fedns_policy_free(p);
	fedns_deployment_free(dep);
}
END_TEST

/* Decisions only read the policy: threads deciding at once on one policy
 * see exactly what a single thread sees (run under ThreadSanitizer by CI's
 * threads build as well). */
struct worker {
	const fedns_policy *policy;
	long mismatches;
};

static void *decide_many(void *arg)
{
	struct worker *w = arg;
	char name[64];
	long i;

	for (i = 0; i < 20000; i++) {
		int v, r;
		const char *rt;

		snprintf(name, sizeof(name), "p%ld.example", i % 1000);
		if (fedns_policy_decide(w->policy, name, SIP, &v, &r, &rt) != FEDNS_OK ||
		    v != ALLOW || r != FEDNS_REASON_ALLOWED || !rt || strncmp(rt, "sip.", 4) != 0)
			w->mismatches++;
		snprintf(name, sizeof(name), "q%ld.example", i % 1000);
		if (fedns_policy_decide(w->policy, name, SIP, &v, &r, &rt) != FEDNS_OK ||
		    v != DENY || r != FEDNS_REASON_NOT_ALLOWED || rt)
			w->mismatches++;
	}
	return NULL;
}

START_TEST(test_policy_decisions_from_several_threads)
{
	enum { THREADS = 4 };
	fedns_deployment *dep = federated(0);
	struct worker w[THREADS];
	pthread_t t[THREADS];
	fedns_policy *p;
	char name[64], proxy[64];
	int i;

	for (i = 0; i < 1000; i++) {
		snprintf(name, sizeof(name), "p%d.example", i);
		snprintf(proxy, sizeof(proxy), "sip.p%d.example", i);
		OK(fedns_deployment_add_allowed_domain(dep, name, proxy, NULL));
	}
	p = compile(dep);
	for (i = 0; i < THREADS; i++) {
		w[i].policy = p;
		w[i].mismatches = 0;
		ck_assert_int_eq(pthread_create(&t[i], NULL, decide_many, &w[i]), 0);
	}
	for (i = 0; i < THREADS; i++) {
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
		ck_assert_int_eq(w[i].mismatches, 0);
	}
	fedns_policy_free(p);
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

static fedns_deployment *faulty_policy_document(struct failalloc *f)
{
	fedns_deployment *dep = fa_deployment(f);
	fedns_edge_pool *pool;
	fedns_sip_domain *d;
	fedns_public_provider *pp;
	fedns_xmpp_partner *x;
	char name[64];
	int i;

	OK(fedns_deployment_add_sip_domain(dep, "contoso.com", &d));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1));
	OK(fedns_deployment_add_edge_pool(dep, "edge", &pool));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "131.107.155.10"));
	OK(fedns_edge_pool_set(pool, FEDNS_OPT_POOL_XMPP_PROXY, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PUBLIC_IM, 1));
	/* Enough entries and routes that the arena and route table grow. */
	for (i = 0; i < 300; i++) {
		snprintf(name, sizeof(name), "partner-with-a-long-name-%d.example", i);
		OK(fedns_deployment_add_allowed_domain(dep, name, name, NULL));
	}
	OK(fedns_deployment_add_blocked_domain(dep, "blocked.example", NULL));
	OK(fedns_deployment_add_public_provider(dep, "WLM", "federation.messenger.msn.com", &pp));
	OK(fedns_public_provider_add_domain(pp, "hotmail.com"));
	OK(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", &x));
	OK(fedns_xmpp_partner_add_domain(x, "chat.example.org"));
	OK(fedns_xmpp_partner_set_proxy_fqdn(x, "xmpp.example.org"));
	return dep;
}

static void fail_each_allocation(int forever)
{
	struct failalloc f;
	long n;

	failalloc_init(&f);
	for (n = 0;; n++) {
		fedns_deployment *dep = faulty_policy_document(&f);
		fedns_policy *p = (fedns_policy *)&f;
		fedns_status st;

		failalloc_arm(&f, forever ? FAILALLOC_ALWAYS : FAILALLOC_ONCE, (unsigned long)n);
		st = fedns_deployment_policy(dep, &p);
		failalloc_disarm(&f);
		if (st == FEDNS_OK) {
			expect(p, "partner-with-a-long-name-299.example", SIP, ALLOW,
			       FEDNS_REASON_ALLOWED, "partner-with-a-long-name-299.example");
			expect(p, "hotmail.com", SIP, ALLOW, FEDNS_REASON_PUBLIC_PROVIDER,
			       "federation.messenger.msn.com");
			expect(p, "chat.example.org", XMPP, ALLOW,
			       FEDNS_REASON_XMPP_PUBLIC_UNVERIFIED, "xmpp.example.org");
			fedns_policy_free(p);
		} else {
			ck_assert_int_eq(st, FEDNS_ENOMEM);
			ck_assert_ptr_null(p);
			ck_assert_str_eq(fedns_deployment_last_error(dep), "out of memory");
		}
		fedns_deployment_free(dep);
		ck_assert_int_eq(f.live, 0);
		ck_assert_int_eq(f.corrupt, 0);
		if (st == FEDNS_OK)
			break;
	}
	ck_assert_int_gt(n, 5);
}

START_TEST(test_policy_allocation_failure_once)
{
	fail_each_allocation(0);
}
END_TEST

START_TEST(test_policy_allocation_failure_forever)
{
	fail_each_allocation(1);
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("policy");
	TCase *rules = tcase_create("rules");
	TCase *object = tcase_create("object");

	tcase_add_test(rules, test_P1_federation_disabled_denies_every_sip_domain);
	tcase_add_test(rules, test_P2_blocked_domain_is_denied_even_with_discovery);
	tcase_add_test(rules, test_P2_blocked_domain_served_by_a_public_provider_is_denied);
	tcase_add_test(rules, test_P3_allowed_domain_routes_through_its_proxy_fqdn);
	tcase_add_test(rules, test_P3_push_lync_com_routes_through_the_clearing_house_provider);
	tcase_add_test(rules, test_P3_push_lync_com_in_any_spelling);
	tcase_add_test(rules, test_P3_push_lync_com_without_an_enabled_provider_uses_dns_srv);
	tcase_add_test(rules, test_P3_push_lync_com_own_proxy_fqdn_wins);
	tcase_add_test(rules, test_P3_allowed_before_public_provider);
	tcase_add_test(rules, test_P4_public_provider_domain_routes_through_the_provider);
	tcase_add_test(rules, test_P4_needs_public_im_enabled);
	tcase_add_test(rules, test_P4_needs_the_provider_enabled);
	tcase_add_test(rules, test_P5_partner_discovery_allows_unlisted_domains_by_dns_srv);
	tcase_add_test(rules, test_P5_without_partner_discovery_unlisted_domains_are_denied);
	tcase_add_test(rules, test_P6_xmpp_partner_allowed_with_its_type_and_route);
	tcase_add_test(rules, test_P6_no_xmpp_proxy_denies_every_xmpp_domain);
	tcase_add_test(rules, test_P7_own_sip_domain_is_internal_for_both_protocols);
	tcase_add_test(rules, test_P8_invalid_domain_is_an_error_never_a_decision);
	tcase_add_test(rules, test_P8_agrees_with_fedns_name_normalize);
	tcase_add_test(rules, test_P8_every_byte_at_every_position_agrees_with_fedns_name_fold);
	tcase_add_test(rules, test_P8_folding_hashes_equal_names_alike);
	suite_add_tcase(s, rules);

	tcase_set_timeout(object, 120);
	tcase_add_test(object, test_policy_refuses_a_deployment_with_errors);
	tcase_add_test(object, test_policy_arguments);
	tcase_add_test(object, test_policy_is_a_snapshot_that_outlives_its_deployment);
	tcase_add_test(object, test_policy_names);
	tcase_add_test(object, test_policy_large_lists_find_every_entry);
	tcase_add_test(object, test_policy_names_of_every_length);
	tcase_add_test(object, test_policy_decisions_from_several_threads);
	tcase_add_test(object, test_policy_allocation_failure_once);
	tcase_add_test(object, test_policy_allocation_failure_forever);
	suite_add_tcase(s, object);
	return s;
}
