/* Certificate names (SPEC 6a, lib/certs.c): exact subject, SAN list with
 * reasons, and notes, per edge pool. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "failalloc.h"
#include "fixture.h"
#include "test.h"

#define OK(expr) ck_assert_int_eq((expr), FEDNS_OK)

static void append(char **buf, size_t *len, const char *s)
{
	size_t n = strlen(s);

	*buf = realloc(*buf, *len + n + 1);
	ck_assert_ptr_nonnull(*buf);
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

/* "pool P subject S\n  san NAME reason\n  note kind\n" per certificate. */
static char *dump(const fedns_certs *c)
{
	char *out = NULL, line[512];
	size_t len = 0, i, j;

	append(&out, &len, "");
	for (i = 0; i < fedns_certs_count(c); i++) {
		snprintf(line, sizeof(line), "pool %s subject %s\n", fedns_cert_pool(c, i),
			 fedns_cert_subject(c, i));
		append(&out, &len, line);
		for (j = 0; j < fedns_cert_san_count(c, i); j++) {
			snprintf(line, sizeof(line), "  san %s %s\n", fedns_cert_san(c, i, j),
				 fedns_san_reason_name(fedns_cert_san_reason(c, i, j)));
			append(&out, &len, line);
			ck_assert_ptr_nonnull(fedns_cert_san_why(c, i, j, FEDNS_LANG_EN));
			ck_assert_ptr_nonnull(fedns_cert_san_why(c, i, j, FEDNS_LANG_ZH_CN));
		}
		for (j = 0; j < fedns_cert_note_count(c, i); j++) {
			snprintf(line, sizeof(line), "  note %s\n",
				 fedns_cert_note_name(fedns_cert_note_kind(c, i, j)));
			append(&out, &len, line);
			ck_assert_ptr_nonnull(fedns_cert_note_text(c, i, j, FEDNS_LANG_EN));
			ck_assert_ptr_nonnull(fedns_cert_note_text(c, i, j, FEDNS_LANG_ZH_CN));
		}
	}
	return out;
}

static void expect(fedns_deployment *dep, const char *want)
{
	fedns_certs *c = NULL;
	char *got;

	ck_assert_msg(fedns_deployment_certs(dep, &c) == FEDNS_OK, "certs: %s",
		      fedns_deployment_last_error(dep));
	got = dump(c);
	ck_assert_str_eq(got, want);
	free(got);
	fedns_certs_free(c);
	fedns_deployment_free(dep);
}

#define NOTES "  note public-ca\n  note exportable-key\n"

START_TEST(test_6a_subject_is_the_access_edge_fqdn_and_first_san)
{
	expect(fixture_contoso(NULL, NULL),
	       "pool edge subject sip.contoso.com\n"
	       "  san sip.contoso.com subject\n" NOTES);
}
END_TEST

/* Microsoft's example: sip.contoso.com; sip.contoso.com, webcon.contoso.com,
 * sip.fabrikam.com. A/V edge, domains without users and online domains add
 * nothing. */
START_TEST(test_6a_webconf_edge_and_every_other_domain_of_the_pool)
{
	fedns_edge_pool *pool;
	fedns_sip_domain *d;
	fedns_deployment *dep = fixture_contoso(NULL, &pool);

	OK(fedns_edge_pool_set_fqdn(pool, FEDNS_EDGE_WEBCONF, "WebCon.contoso.com."));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_WEBCONF, "131.107.155.20"));
	OK(fedns_edge_pool_set_fqdn(pool, FEDNS_EDGE_AV, "av.contoso.com"));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_AV, "131.107.155.30"));
	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL));
	OK(fedns_deployment_add_sip_domain(dep, "nousers.example", &d));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_USERS, 0));
	OK(fedns_deployment_add_sip_domain(dep, "online.example", &d));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_HOSTING, FEDNS_HOSTING_ONLINE));
	OK(fedns_deployment_add_sip_domain(dep, "litware.com", NULL));
	expect(dep, "pool edge subject sip.contoso.com\n"
		    "  san sip.contoso.com subject\n"
		    "  san webcon.contoso.com webconf-edge\n"
		    "  san sip.fabrikam.com sip-domain\n"
		    "  san sip.litware.com sip-domain\n" NOTES);
}
END_TEST

START_TEST(test_6a_one_certificate_per_pool_serving_a_domain_with_users)
{
	fedns_edge_pool *p1, *p2, *p3;
	fedns_sip_domain *d;
	fedns_deployment *dep;

	ck_assert_int_eq(fedns_deployment_new(&dep), FEDNS_OK);
	OK(fedns_deployment_add_sip_domain(dep, "contoso.com", &d));
	OK(fedns_sip_domain_set_edge_pool(d, "eu"));
	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL));
	OK(fedns_deployment_add_sip_domain(dep, "idle.example", &d));
	OK(fedns_sip_domain_set_edge_pool(d, "idle"));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_USERS, 0));
	OK(fedns_deployment_add_edge_pool(dep, "us", &p1));
	OK(fedns_edge_pool_set(p1, FEDNS_OPT_POOL_FEDERATION_ROUTE, 1));
	OK(fedns_edge_pool_set_access_edge_host(p1, "access"));
	OK(fedns_edge_pool_add_address(p1, FEDNS_EDGE_ACCESS, "131.107.155.10"));
	OK(fedns_deployment_add_edge_pool(dep, "idle", &p3));
	OK(fedns_edge_pool_add_address(p3, FEDNS_EDGE_ACCESS, "131.107.155.70"));
	OK(fedns_deployment_add_edge_pool(dep, "eu", &p2));
	OK(fedns_edge_pool_add_address(p2, FEDNS_EDGE_ACCESS, "131.107.156.10"));
	expect(dep, "pool us subject access.fabrikam.com\n"
		    "  san access.fabrikam.com subject\n" NOTES
		    "pool eu subject sip.contoso.com\n"
		    "  san sip.contoso.com subject\n" NOTES);
}
END_TEST

START_TEST(test_6a_shared_access_edge_fqdn_is_listed_once)
{
	fedns_edge_pool *pool;
	fedns_deployment *dep;

	ck_assert_int_eq(fedns_deployment_new(&dep), FEDNS_OK);
	OK(fedns_deployment_set(dep, FEDNS_OPT_EXTERNAL_ACCESS, 0));
	OK(fedns_deployment_add_sip_domain(dep, "contoso.com", NULL));
	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL));
	OK(fedns_deployment_add_edge_pool(dep, "edge", &pool));
	OK(fedns_edge_pool_set_fqdn(pool, FEDNS_EDGE_ACCESS, "sip.contoso.com"));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "131.107.155.10"));
	expect(dep, "pool edge subject sip.contoso.com\n"
		    "  san sip.contoso.com subject\n" NOTES);
}
END_TEST

static fedns_deployment *xmpp_deployment(int server, const char *host)
{
	fedns_edge_pool *pool;
	fedns_sip_domain *d;
	fedns_xmpp_partner *x;
	fedns_deployment *dep = fixture_contoso(&d, &pool);

	OK(fedns_deployment_set(dep, FEDNS_OPT_SERVER, server));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1));
	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", &d));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1));
	OK(fedns_deployment_add_sip_domain(dep, "litware.com", NULL));
	if (host)
		OK(fedns_edge_pool_set_xmpp_host(pool, host));
	else
		OK(fedns_edge_pool_set(pool, FEDNS_OPT_POOL_XMPP_PROXY, 1));
	OK(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", &x));
	return dep;
}

START_TEST(test_6a_xmpp_domains_on_the_xmpp_pool)
{
	expect(xmpp_deployment(FEDNS_SERVER_LYNC2013, NULL),
	       "pool edge subject sip.contoso.com\n"
	       "  san sip.contoso.com subject\n"
	       "  san sip.fabrikam.com sip-domain\n"
	       "  san sip.litware.com sip-domain\n"
	       "  san contoso.com xmpp-domain\n"
	       "  san fabrikam.com xmpp-domain\n" NOTES);
}
END_TEST

START_TEST(test_6a_sfb2015_adds_the_xmpp_proxy_fqdn_and_a_wildcard_note)
{
	expect(xmpp_deployment(FEDNS_SERVER_SFB2015, "Chat"),
	       "pool edge subject sip.contoso.com\n"
	       "  san sip.contoso.com subject\n"
	       "  san sip.fabrikam.com sip-domain\n"
	       "  san sip.litware.com sip-domain\n"
	       "  san contoso.com xmpp-domain\n"
	       "  san chat.contoso.com xmpp-proxy\n"
	       "  san fabrikam.com xmpp-domain\n"
	       "  san chat.fabrikam.com xmpp-proxy\n" NOTES
	       "  note no-wildcard\n");
}
END_TEST

START_TEST(test_6a_public_im_needs_the_client_eku)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PUBLIC_IM, 1));
	expect(dep, "pool edge subject sip.contoso.com\n"
		    "  san sip.contoso.com subject\n" NOTES "  note client-eku\n");
}
END_TEST

START_TEST(test_6a_no_certificate_without_an_on_premises_domain_with_users)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = fixture_contoso(&d, NULL);

	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_USERS, 0));
	expect(dep, "");
}
END_TEST

START_TEST(test_6a_reasons_in_both_languages)
{
	fedns_edge_pool *pool;
	fedns_sip_domain *d;
	fedns_deployment *dep = fixture_contoso(&d, &pool);
	fedns_certs *c;

	OK(fedns_deployment_set(dep, FEDNS_OPT_SERVER, FEDNS_SERVER_SFB2015));
	OK(fedns_edge_pool_set_fqdn(pool, FEDNS_EDGE_WEBCONF, "webcon.contoso.com"));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_WEBCONF, "131.107.155.20"));
	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1));
	OK(fedns_edge_pool_set(pool, FEDNS_OPT_POOL_XMPP_PROXY, 1));
	OK(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", NULL));
	OK(fedns_deployment_certs(dep, &c));
	ck_assert_uint_eq(fedns_certs_count(c), 1);
	ck_assert_str_eq(fedns_cert_subject_why(c, 0, FEDNS_LANG_EN),
			 "Access Edge external FQDN of contoso.com, the first SIP domain the pool "
			 "serves; never a wildcard");
	ck_assert_str_eq(fedns_cert_subject_why(c, 0, FEDNS_LANG_ZH_CN),
			 "该池服务的第一个 SIP 域 contoso.com 的访问边缘外部 FQDN；不得使用通配符");
	ck_assert_uint_eq(fedns_cert_san_count(c, 0), 5);
	ck_assert_str_eq(fedns_cert_san_why(c, 0, 0, FEDNS_LANG_EN),
			 "the subject again: TLS checks the subject alternative names, not the "
			 "subject");
	ck_assert_str_eq(fedns_cert_san_why(c, 0, 1, FEDNS_LANG_EN),
			 "Web Conferencing Edge external interface of pool edge: the same "
			 "certificate serves it");
	ck_assert_str_eq(fedns_cert_san_why(c, 0, 2, FEDNS_LANG_EN),
			 "Access Edge external FQDN of SIP domain fabrikam.com, which this pool also "
			 "serves (federation and client auto-configuration)");
	ck_assert_str_eq(fedns_cert_san_why(c, 0, 2, FEDNS_LANG_ZH_CN),
			 "此池同时服务的 SIP 域 fabrikam.com 的访问边缘外部 FQDN"
			 "（用于联盟和客户端自动配置）");
	ck_assert_str_eq(fedns_cert_san_why(c, 0, 3, FEDNS_LANG_EN),
			 "SIP domain contoso.com federates over XMPP: the bare domain is its XMPP "
			 "namespace");
	ck_assert_str_eq(fedns_cert_san_why(c, 0, 4, FEDNS_LANG_EN),
			 "XMPP proxy FQDN of SIP domain contoso.com, which Skype for Business "
			 "Server 2015 lists");
	ck_assert_uint_eq(fedns_cert_note_count(c, 0), 3);
	ck_assert_int_eq(fedns_cert_note_kind(c, 0, 2), FEDNS_NOTE_NO_WILDCARD);
	ck_assert_str_eq(fedns_cert_note_text(c, 0, 0, FEDNS_LANG_EN),
			 "Request the certificate from a public certification authority that "
			 "supports subject alternative names.");
	/* Out of range. */
	ck_assert_ptr_null(fedns_cert_subject(c, 1));
	ck_assert_ptr_null(fedns_cert_pool(c, 1));
	ck_assert_ptr_null(fedns_cert_san(c, 0, 5));
	ck_assert_int_eq(fedns_cert_san_reason(c, 0, 5), 0);
	ck_assert_ptr_null(fedns_cert_san_why(c, 0, 0, 2));
	ck_assert_ptr_null(fedns_cert_subject_why(c, 0, -1));
	ck_assert_int_eq(fedns_cert_note_kind(c, 0, 3), 0);
	ck_assert_ptr_null(fedns_cert_note_text(c, 0, 3, FEDNS_LANG_EN));
	ck_assert_uint_eq(fedns_cert_san_count(c, 1), 0);
	ck_assert_uint_eq(fedns_cert_note_count(NULL, 0), 0);
	ck_assert_uint_eq(fedns_certs_count(NULL), 0);
	ck_assert_ptr_null(fedns_san_reason_name(0));
	ck_assert_ptr_null(fedns_san_reason_name(6));
	ck_assert_ptr_null(fedns_cert_note_name(5));
	fedns_certs_free(c);
	fedns_certs_free(NULL);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_certs_refuse_a_deployment_with_errors)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_certs *c = (fedns_certs *)dep;

	ck_assert_int_eq(fedns_deployment_certs(NULL, &c), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_certs(dep, NULL), FEDNS_EINVAL);
	ck_assert_str_eq(fedns_deployment_last_error(dep), "fedns_deployment_certs: out is NULL");
	OK(fedns_deployment_add_sip_domain(dep, "Contoso.com", NULL));
	ck_assert_int_eq(fedns_deployment_certs(dep, &c), FEDNS_EINVALID);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(strncmp(fedns_deployment_last_error(dep),
				 "the deployment has 1 error; first: V2 ", 38), 0);
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

static void fail_each_allocation(int forever)
{
	struct failalloc f;
	long n;

	failalloc_init(&f);
	for (n = 0;; n++) {
		fedns_deployment *dep = fa_deployment(&f);
		fedns_certs *c = (fedns_certs *)&f;
		fedns_edge_pool *pool;
		fedns_sip_domain *d;
		fedns_status st;
		char name[32];
		int i;

		OK(fedns_deployment_set(dep, FEDNS_OPT_SERVER, FEDNS_SERVER_SFB2015));
		OK(fedns_deployment_add_edge_pool(dep, "edge", &pool));
		OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "131.107.155.10"));
		OK(fedns_edge_pool_set(pool, FEDNS_OPT_POOL_XMPP_PROXY, 1));
		OK(fedns_edge_pool_set_fqdn(pool, FEDNS_EDGE_WEBCONF, "webcon.d0.example"));
		OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_WEBCONF, "131.107.155.20"));
		for (i = 0; i < 12; i++) {
			snprintf(name, sizeof(name), "d%d.example", i);
			OK(fedns_deployment_add_sip_domain(dep, name, &d));
			OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1));
		}
		OK(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", NULL));
		failalloc_arm(&f, forever ? FAILALLOC_ALWAYS : FAILALLOC_ONCE, (unsigned long)n);
		st = fedns_deployment_certs(dep, &c);
		failalloc_disarm(&f);
		if (st == FEDNS_OK) {
			ck_assert_uint_eq(fedns_cert_san_count(c, 0), 2 + 11 + 24);
			fedns_certs_free(c);
		} else {
			ck_assert_int_eq(st, FEDNS_ENOMEM);
			ck_assert_ptr_null(c);
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

START_TEST(test_certs_allocation_failure_once)
{
	fail_each_allocation(0);
}
END_TEST

START_TEST(test_certs_allocation_failure_forever)
{
	fail_each_allocation(1);
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("certs");
	TCase *t = tcase_create("6a");

	tcase_set_timeout(t, 60);
	tcase_add_test(t, test_6a_subject_is_the_access_edge_fqdn_and_first_san);
	tcase_add_test(t, test_6a_webconf_edge_and_every_other_domain_of_the_pool);
	tcase_add_test(t, test_6a_one_certificate_per_pool_serving_a_domain_with_users);
	tcase_add_test(t, test_6a_shared_access_edge_fqdn_is_listed_once);
	tcase_add_test(t, test_6a_xmpp_domains_on_the_xmpp_pool);
	tcase_add_test(t, test_6a_sfb2015_adds_the_xmpp_proxy_fqdn_and_a_wildcard_note);
	tcase_add_test(t, test_6a_public_im_needs_the_client_eku);
	tcase_add_test(t, test_6a_no_certificate_without_an_on_premises_domain_with_users);
	tcase_add_test(t, test_6a_reasons_in_both_languages);
	tcase_add_test(t, test_certs_refuse_a_deployment_with_errors);
	tcase_add_test(t, test_certs_allocation_failure_once);
	tcase_add_test(t, test_certs_allocation_failure_forever);
	suite_add_tcase(s, t);
	return s;
}
