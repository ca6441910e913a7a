/* The edges of the public API: every function with NULL handles, NULL
 * outputs, out-of-range indices and values outside its enums, as a caller
 * (or a binding) may get them wrong. Each must return its documented
 * "nothing" (FEDNS_EINVAL, NULL, 0, FEDNS_TTL_UNKNOWN) without crashing,
 * leave its object unchanged, and name the bad argument in the last error
 * when it has an object to keep it in. Black-box: the public header only. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "fedns/fedns.h"
#include "test.h"

#define OK(call) ck_assert_int_eq((call), FEDNS_OK)
#define EINVAL(call) ck_assert_int_eq((call), FEDNS_EINVAL)
#define BIG ((size_t)-1)

/* A small deployment with one of everything, derived, validated,
 * compiled, with certificates, probes and findings. */
struct world {
	fedns_deployment *dep;
	fedns_sip_domain *domain;
	fedns_edge_pool *pool;
	fedns_xmpp_partner *partner;
	fedns_public_provider *pub;
	fedns_hosting_provider *hosting;
	fedns_reverse_proxy *proxy;
	fedns_recordset *rs;
	fedns_diagnostics *diags;
	fedns_policy *policy;
	fedns_certs *certs;
	fedns_probes *probes;
	fedns_observed *obs;
	fedns_findings *findings;
};

static struct world w;

static void setup(void)
{
	memset(&w, 0, sizeof(w));
	OK(fedns_deployment_new(&w.dep));
	OK(fedns_deployment_set(w.dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_add_sip_domain(w.dep, "contoso.com", &w.domain));
	OK(fedns_deployment_add_edge_pool(w.dep, "edge", &w.pool));
	OK(fedns_edge_pool_add_address(w.pool, FEDNS_EDGE_ACCESS, "131.107.155.10"));
	OK(fedns_deployment_add_xmpp_partner(w.dep, "jabber.example.org", &w.partner));
	OK(fedns_deployment_add_public_provider(w.dep, "P", "sip.p.example", &w.pub));
	OK(fedns_deployment_add_hosting_provider(w.dep, "H", "sip.h.example", &w.hosting));
	OK(fedns_deployment_add_reverse_proxy(w.dep, &w.proxy));
	OK(fedns_reverse_proxy_add_address(w.proxy, "131.107.155.40"));
	OK(fedns_deployment_derive(w.dep, &w.rs));
	OK(fedns_deployment_validate(w.dep, &w.diags));
	OK(fedns_deployment_policy(w.dep, &w.policy));
	OK(fedns_deployment_certs(w.dep, &w.certs));
	OK(fedns_deployment_probes(w.dep, &w.probes));
	OK(fedns_observed_new(&w.obs));
	OK(fedns_observed_add_a(w.obs, "sip.contoso.com", 60, "192.0.2.1", 1));
	OK(fedns_deployment_compare(w.dep, w.obs, &w.findings));
}

static void teardown(void)
{
	fedns_findings_free(w.findings);
	fedns_observed_free(w.obs);
	fedns_probes_free(w.probes);
	fedns_certs_free(w.certs);
	fedns_policy_free(w.policy);
	fedns_diagnostics_free(w.diags);
	fedns_recordset_free(w.rs);
	fedns_deployment_free(w.dep);
}

/* The last error names the function or the argument. */
static void says(const char *what)
{
	ck_assert_msg(strstr(fedns_deployment_last_error(w.dep), what) != NULL,
		      "last error \"%s\" does not mention \"%s\"", fedns_deployment_last_error(w.dep),
		      what);
}

START_TEST(test_null_handles_are_einval)
{
	int64_t v;

	EINVAL(fedns_deployment_new(NULL));
	EINVAL(fedns_deployment_set(NULL, FEDNS_OPT_TTL, 1));
	EINVAL(fedns_deployment_get(NULL, FEDNS_OPT_TTL, &v));
	EINVAL(fedns_deployment_add_sip_domain(NULL, "a.com", NULL));
	EINVAL(fedns_sip_domain_set(NULL, FEDNS_OPT_DOMAIN_USERS, 1));
	EINVAL(fedns_sip_domain_set_edge_pool(NULL, "edge"));
	EINVAL(fedns_deployment_add_edge_pool(NULL, "e", NULL));
	EINVAL(fedns_edge_pool_set(NULL, FEDNS_OPT_POOL_XMPP_PROXY, 1));
	EINVAL(fedns_edge_pool_set_access_edge_host(NULL, "sip"));
	EINVAL(fedns_edge_pool_set_fqdn(NULL, FEDNS_EDGE_AV, "av.contoso.com"));
	EINVAL(fedns_edge_pool_add_address(NULL, FEDNS_EDGE_ACCESS, "192.0.2.1"));
	EINVAL(fedns_edge_pool_set_xmpp_host(NULL, "xmpp"));
	EINVAL(fedns_deployment_add_allowed_domain(NULL, "a.com", NULL, NULL));
	EINVAL(fedns_deployment_add_blocked_domain(NULL, "a.com", NULL));
	EINVAL(fedns_deployment_add_xmpp_partner(NULL, "a.com", NULL));
	EINVAL(fedns_xmpp_partner_set(NULL, FEDNS_OPT_XMPP_TLS, 0));
	EINVAL(fedns_xmpp_partner_add_domain(NULL, "a.com"));
	EINVAL(fedns_xmpp_partner_set_proxy_fqdn(NULL, "a.com"));
	EINVAL(fedns_deployment_add_public_provider(NULL, "P", "p.com", NULL));
	EINVAL(fedns_public_provider_set(NULL, FEDNS_OPT_PROVIDER_ENABLED, 0));
	EINVAL(fedns_public_provider_add_domain(NULL, "a.com"));
	EINVAL(fedns_deployment_add_hosting_provider(NULL, "H", "h.com", NULL));
	EINVAL(fedns_hosting_provider_set(NULL, FEDNS_OPT_PROVIDER_ENABLED, 0));
	EINVAL(fedns_deployment_add_reverse_proxy(NULL, NULL));
	EINVAL(fedns_reverse_proxy_set(NULL, FEDNS_OPT_PROXY_MEET, 0));
	EINVAL(fedns_reverse_proxy_add_address(NULL, "192.0.2.1"));
	EINVAL(fedns_reverse_proxy_set_fqdn(NULL, FEDNS_PROXY_WEB, "web.contoso.com"));
	EINVAL(fedns_deployment_validate(NULL, &w.diags));
	EINVAL(fedns_deployment_derive(NULL, &w.rs));
	EINVAL(fedns_deployment_derive_domain(NULL, "contoso.com", &w.rs));
	EINVAL(fedns_deployment_policy(NULL, &w.policy));
	EINVAL(fedns_deployment_certs(NULL, &w.certs));
	EINVAL(fedns_deployment_probes(NULL, &w.probes));
	EINVAL(fedns_deployment_compare(NULL, w.obs, &w.findings));
	EINVAL(fedns_policy_decide(NULL, "a.com", FEDNS_PROTOCOL_SIP, NULL, NULL, NULL));
	EINVAL(fedns_render(NULL, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, NULL, 0, NULL));
	EINVAL(fedns_render_to(NULL, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, NULL, NULL));
	EINVAL(fedns_observed_new(NULL));
	EINVAL(fedns_observed_set_source(NULL, "x"));
	EINVAL(fedns_observed_add_a(NULL, "a.com", 1, "192.0.2.1", 0));
	EINVAL(fedns_observed_add_aaaa(NULL, "a.com", 1, "::1", 0));
	EINVAL(fedns_observed_add_cname(NULL, "a.com", 1, "b.com", 0));
	EINVAL(fedns_observed_add_srv(NULL, "_sip._tls.a.com", 1, 0, 0, 443, "b.com", 0));
	EINVAL(fedns_observed_add_other(NULL, "a.com", 1, 16, "\"x\"", 0));
	EINVAL(fedns_observed_add_failure(NULL, "a.com", 0, "timeout"));
	/* The outputs are untouched and NULL handles free to nothing. */
	ck_assert_uint_gt(fedns_recordset_count(w.rs), 0);
	fedns_deployment_free(NULL);
	fedns_recordset_free(NULL);
	fedns_diagnostics_free(NULL);
	fedns_policy_free(NULL);
	fedns_certs_free(NULL);
	fedns_probes_free(NULL);
	fedns_observed_free(NULL);
	fedns_findings_free(NULL);
	ck_assert_str_eq(fedns_deployment_last_error(NULL), "");
	ck_assert_ptr_nonnull(fedns_observed_last_error(NULL));
}
END_TEST

START_TEST(test_null_arguments_name_themselves)
{
	size_t before = fedns_recordset_count(w.rs);

	EINVAL(fedns_deployment_add_sip_domain(w.dep, NULL, NULL));
	says("name");
	EINVAL(fedns_deployment_add_edge_pool(w.dep, NULL, NULL));
	says("name");
	EINVAL(fedns_edge_pool_set_access_edge_host(w.pool, NULL));
	says("label");
	EINVAL(fedns_edge_pool_set_fqdn(w.pool, FEDNS_EDGE_WEBCONF, NULL));
	says("FQDN");
	EINVAL(fedns_edge_pool_add_address(w.pool, FEDNS_EDGE_AV, NULL));
	says("address");
	EINVAL(fedns_edge_pool_set_xmpp_host(w.pool, NULL));
	says("label");
	EINVAL(fedns_deployment_add_allowed_domain(w.dep, NULL, "p.com", "c"));
	says("domain");
	EINVAL(fedns_deployment_add_blocked_domain(w.dep, NULL, NULL));
	says("domain");
	EINVAL(fedns_deployment_add_xmpp_partner(w.dep, NULL, NULL));
	says("domain");
	EINVAL(fedns_xmpp_partner_add_domain(w.partner, NULL));
	says("domain");
	EINVAL(fedns_deployment_add_public_provider(w.dep, NULL, "p.com", NULL));
	says("name");
	EINVAL(fedns_deployment_add_public_provider(w.dep, "P2", NULL, NULL));
	says("proxy_fqdn");
	EINVAL(fedns_public_provider_add_domain(w.pub, NULL));
	says("domain");
	EINVAL(fedns_deployment_add_hosting_provider(w.dep, NULL, "h.com", NULL));
	says("name");
	EINVAL(fedns_deployment_add_hosting_provider(w.dep, "H2", NULL, NULL));
	says("proxy_fqdn");
	EINVAL(fedns_reverse_proxy_add_address(w.proxy, NULL));
	says("address");
	EINVAL(fedns_deployment_add_reverse_proxy(w.dep, NULL));
	says("already");
	EINVAL(fedns_deployment_validate(w.dep, NULL));
	says("out");
	EINVAL(fedns_deployment_derive(w.dep, NULL));
	says("out");
	EINVAL(fedns_deployment_derive_domain(w.dep, "contoso.com", NULL));
	EINVAL(fedns_deployment_derive_domain(w.dep, NULL, &w.rs));
	EINVAL(fedns_deployment_policy(w.dep, NULL));
	EINVAL(fedns_deployment_certs(w.dep, NULL));
	EINVAL(fedns_deployment_probes(w.dep, NULL));
	EINVAL(fedns_deployment_compare(w.dep, NULL, &w.findings));
	EINVAL(fedns_deployment_compare(w.dep, w.obs, NULL));
	EINVAL(fedns_deployment_get(w.dep, FEDNS_OPT_TTL, NULL));
	/* The failed calls left the outputs they were handed alone. */
	ck_assert_uint_eq(fedns_recordset_count(w.rs), before);
	/* And the deployment still derives the same. */
	{
		fedns_recordset *again;

		OK(fedns_deployment_derive(w.dep, &again));
		ck_assert_uint_eq(fedns_recordset_count(again), before);
		fedns_recordset_free(again);
	}
}
END_TEST

START_TEST(test_values_outside_the_enums)
{
	static const int bad[] = {-1000000, -2, -1, 3, 4, 99, 1000000};
	char buf[64];
	size_t i, need;
	int verdict = 7, reason = 7;
	const char *route = "x";

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int b = bad[i];

		if (b < 0 || b > 2) {
			EINVAL(fedns_edge_pool_set_fqdn(w.pool, b, "x.contoso.com"));
			says("role");
			EINVAL(fedns_edge_pool_add_address(w.pool, b, "192.0.2.1"));
			ck_assert_ptr_null(fedns_record_comment(w.rs, 0, b));
			ck_assert_ptr_null(fedns_diagnostic_message(w.diags, 0, b));
		}
		if (b < 0 || b > 1)
			EINVAL(fedns_reverse_proxy_set_fqdn(w.proxy, b, "x.contoso.com"));
		EINVAL(fedns_deployment_set(w.dep, b + 1000, 1));
		EINVAL(fedns_sip_domain_set(w.domain, b + 1000, 1));
		EINVAL(fedns_edge_pool_set(w.pool, b + 1000, 1));
		EINVAL(fedns_xmpp_partner_set(w.partner, b + 1000, 1));
		EINVAL(fedns_public_provider_set(w.pub, b + 1000, 1));
		EINVAL(fedns_hosting_provider_set(w.hosting, b + 1000, 1));
		EINVAL(fedns_reverse_proxy_set(w.proxy, b + 1000, 1));
		EINVAL(fedns_render(w.rs, b + 1000, FEDNS_LANG_EN, buf, sizeof(buf), &need));
		EINVAL(fedns_render(w.rs, FEDNS_FORMAT_ZONE, b + 10, buf, sizeof(buf), &need));
		EINVAL(fedns_policy_decide(w.policy, "a.com", b + 10, &verdict, &reason, &route));
		ck_assert_int_eq(verdict, 0);
		ck_assert_int_eq(reason, 0);
		ck_assert_ptr_null(route);
		ck_assert_ptr_null(fedns_cert_subject_why(w.certs, 0, b + 10));
		ck_assert_ptr_null(fedns_finding_hint(w.findings, 0, b + 10));
		ck_assert_str_eq(fedns_status_name(b + 100), "FEDNS_UNKNOWN");
		ck_assert_ptr_nonnull(fedns_strerror(b + 100));
		ck_assert_ptr_null(fedns_severity_name(b + 10));
		ck_assert_ptr_null(fedns_reason_name(b + 100));
		ck_assert_ptr_null(fedns_verdict_name(b + 10));
		ck_assert_ptr_null(fedns_san_reason_name(b + 10));
		ck_assert_ptr_null(fedns_cert_note_name(b + 10));
		ck_assert_ptr_null(fedns_finding_kind_name(b + 10));
		ck_assert_ptr_null(fedns_rrtype_name(b + 100));
	}
	/* Values an option cannot hold. */
	EINVAL(fedns_deployment_set(w.dep, FEDNS_OPT_SERVER, 4));
	EINVAL(fedns_sip_domain_set(w.domain, FEDNS_OPT_DOMAIN_HOSTING, 2));
	EINVAL(fedns_edge_pool_set(w.pool, FEDNS_OPT_POOL_LOAD_BALANCING, 3));
	EINVAL(fedns_xmpp_partner_set(w.partner, FEDNS_OPT_XMPP_SASL, -1));
	EINVAL(fedns_hosting_provider_set(w.hosting, FEDNS_OPT_PROVIDER_VERIFICATION, 3));
	EINVAL(fedns_public_provider_set(w.pub, FEDNS_OPT_PROVIDER_VERIFICATION, 0));
	EINVAL(fedns_reverse_proxy_set(w.proxy, FEDNS_OPT_PROXY_MEET, INT64_MAX));
	ck_assert_ptr_null(fedns_purpose_name(0));
	ck_assert_ptr_null(fedns_purpose_name(3));
	ck_assert_ptr_null(fedns_purpose_name(0x80000000u));
	/* A buffer without its size. */
	EINVAL(fedns_render(w.rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, NULL, 10, &need));
	EINVAL(fedns_render_to(w.rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, NULL, NULL));
}
END_TEST

START_TEST(test_indices_out_of_range)
{
	const size_t idx[] = {fedns_recordset_count(w.rs), BIG, BIG / 2};
	size_t k;

	for (k = 0; k < sizeof(idx) / sizeof(idx[0]); k++) {
		size_t i = idx[k];

		ck_assert_ptr_null(fedns_record_owner(w.rs, i));
		ck_assert_int_eq(fedns_record_type(w.rs, i), 0);
		ck_assert_uint_eq(fedns_record_ttl(w.rs, i), 0);
		ck_assert_int_eq(fedns_record_location(w.rs, i), 0);
		ck_assert_uint_eq(fedns_record_priority(w.rs, i), 0);
		ck_assert_uint_eq(fedns_record_weight(w.rs, i), 0);
		ck_assert_uint_eq(fedns_record_port(w.rs, i), 0);
		ck_assert_ptr_null(fedns_record_target(w.rs, i));
		ck_assert_ptr_null(fedns_record_address(w.rs, i));
		ck_assert_uint_eq(fedns_record_purposes(w.rs, i), 0);
		ck_assert_ptr_null(fedns_record_comment(w.rs, i, FEDNS_LANG_EN));

		i = k ? idx[k] : fedns_diagnostics_count(w.diags);
		ck_assert_ptr_null(fedns_diagnostic_rule(w.diags, i));
		ck_assert_int_eq(fedns_diagnostic_severity(w.diags, i), 0);
		ck_assert_ptr_null(fedns_diagnostic_subject(w.diags, i));
		ck_assert_ptr_null(fedns_diagnostic_message(w.diags, i, FEDNS_LANG_EN));

		i = k ? idx[k] : fedns_certs_count(w.certs);
		ck_assert_ptr_null(fedns_cert_pool(w.certs, i));
		ck_assert_ptr_null(fedns_cert_subject(w.certs, i));
		ck_assert_ptr_null(fedns_cert_subject_why(w.certs, i, FEDNS_LANG_EN));
		ck_assert_uint_eq(fedns_cert_san_count(w.certs, i), 0);
		ck_assert_ptr_null(fedns_cert_san(w.certs, i, 0));
		ck_assert_int_eq(fedns_cert_san_reason(w.certs, i, 0), 0);
		ck_assert_ptr_null(fedns_cert_san_why(w.certs, i, 0, FEDNS_LANG_EN));
		ck_assert_uint_eq(fedns_cert_note_count(w.certs, i), 0);
		ck_assert_int_eq(fedns_cert_note_kind(w.certs, i, 0), 0);
		ck_assert_ptr_null(fedns_cert_note_text(w.certs, i, 0, FEDNS_LANG_EN));
		/* A valid certificate, a SAN or note out of range. */
		ck_assert_ptr_null(fedns_cert_san(w.certs, 0, idx[k] == 0 ? BIG : idx[k] + 1000));
		ck_assert_int_eq(fedns_cert_san_reason(w.certs, 0, BIG), 0);
		ck_assert_ptr_null(fedns_cert_san_why(w.certs, 0, BIG, FEDNS_LANG_EN));
		ck_assert_int_eq(fedns_cert_note_kind(w.certs, 0, BIG), 0);
		ck_assert_ptr_null(fedns_cert_note_text(w.certs, 0, BIG, FEDNS_LANG_EN));

		i = k ? idx[k] : fedns_probes_count(w.probes);
		ck_assert_ptr_null(fedns_probe_name(w.probes, i));
		ck_assert_int_eq(fedns_probe_type(w.probes, i), 0);

		i = k ? idx[k] : fedns_findings_count(w.findings);
		ck_assert_int_eq(fedns_finding_kind(w.findings, i), 0);
		ck_assert_ptr_null(fedns_finding_id(w.findings, i));
		ck_assert_ptr_null(fedns_finding_owner(w.findings, i));
		ck_assert_ptr_null(fedns_finding_expected_owner(w.findings, i));
		ck_assert_int_eq(fedns_finding_rrtype(w.findings, i), 0);
		ck_assert_ptr_null(fedns_finding_type_name(w.findings, i));
		ck_assert_ptr_null(fedns_finding_expected(w.findings, i));
		ck_assert_uint_eq(fedns_finding_expected_ttl(w.findings, i), FEDNS_TTL_UNKNOWN);
		ck_assert_ptr_null(fedns_finding_observed(w.findings, i));
		ck_assert_uint_eq(fedns_finding_observed_ttl(w.findings, i), FEDNS_TTL_UNKNOWN);
		ck_assert_ptr_null(fedns_finding_source(w.findings, i));
		ck_assert_uint_eq(fedns_finding_line(w.findings, i), 0);
		ck_assert_ptr_null(fedns_finding_hint(w.findings, i, FEDNS_LANG_EN));
	}
}
END_TEST

/* The accessors of a NULL object are the accessors of an empty one. */
START_TEST(test_null_objects_read_as_empty)
{
	ck_assert_uint_eq(fedns_recordset_count(NULL), 0);
	ck_assert_ptr_null(fedns_recordset_diagnostics(NULL));
	ck_assert_ptr_null(fedns_record_owner(NULL, 0));
	ck_assert_ptr_null(fedns_record_comment(NULL, 0, FEDNS_LANG_EN));
	ck_assert_uint_eq(fedns_diagnostics_count(NULL), 0);
	ck_assert_uint_eq(fedns_diagnostics_count_severity(NULL, FEDNS_SEVERITY_ERROR), 0);
	ck_assert_ptr_null(fedns_diagnostic_rule(NULL, 0));
	ck_assert_int_eq(fedns_diagnostic_severity(NULL, 0), 0);
	ck_assert_ptr_null(fedns_diagnostic_subject(NULL, 0));
	ck_assert_ptr_null(fedns_diagnostic_message(NULL, 0, FEDNS_LANG_EN));
	ck_assert_uint_eq(fedns_certs_count(NULL), 0);
	ck_assert_ptr_null(fedns_cert_subject(NULL, 0));
	ck_assert_uint_eq(fedns_cert_san_count(NULL, 0), 0);
	ck_assert_uint_eq(fedns_cert_note_count(NULL, 0), 0);
	ck_assert_uint_eq(fedns_probes_count(NULL), 0);
	ck_assert_ptr_null(fedns_probe_name(NULL, 0));
	ck_assert_uint_eq(fedns_findings_count(NULL), 0);
	ck_assert_ptr_null(fedns_finding_owner(NULL, 0));
	ck_assert_uint_eq(fedns_observed_count(NULL), 0);
}
END_TEST

START_TEST(test_observed_refusals_leave_it_unchanged)
{
	size_t n = fedns_observed_count(w.obs);

	EINVAL(fedns_observed_add_a(w.obs, NULL, 1, "192.0.2.1", 0));
	EINVAL(fedns_observed_add_a(w.obs, "a.com", 1, NULL, 0));
	EINVAL(fedns_observed_add_srv(w.obs, "_sip._tls.a.com", 1, 0, 0, 443, NULL, 0));
	EINVAL(fedns_observed_add_cname(w.obs, "a.com", 1, NULL, 0));
	EINVAL(fedns_observed_add_other(w.obs, "a.com", 1, 16, NULL, 0));
	EINVAL(fedns_observed_add_failure(w.obs, NULL, 0, "timeout"));
	ck_assert_int_eq(fedns_observed_add_a(w.obs, "a.com", 1, "::1", 0), FEDNS_EBADADDR);
	ck_assert_int_eq(fedns_observed_add_aaaa(w.obs, "a.com", 1, "192.0.2.1", 0),
			 FEDNS_EBADADDR);
	ck_assert_int_eq(fedns_observed_add_a(w.obs, "a b.com", 1, "192.0.2.1", 0), FEDNS_EBADNAME);
	ck_assert_int_eq(fedns_observed_add_cname(w.obs, "a.com", 1, "", 0), FEDNS_EBADNAME);
	ck_assert_uint_eq(fedns_observed_count(w.obs), n);
	ck_assert_str_ne(fedns_observed_last_error(w.obs), "");
	OK(fedns_observed_add_a(w.obs, "b.com", 1, "192.0.2.2", 0));
	ck_assert_str_eq(fedns_observed_last_error(w.obs), "");
	ck_assert_uint_eq(fedns_observed_count(w.obs), n + 1);
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("edges");
	TCase *tc = tcase_create("API edges");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_null_handles_are_einval);
	tcase_add_test(tc, test_null_arguments_name_themselves);
	tcase_add_test(tc, test_values_outside_the_enums);
	tcase_add_test(tc, test_indices_out_of_range);
	tcase_add_test(tc, test_null_objects_read_as_empty);
	tcase_add_test(tc, test_observed_refusals_leave_it_unchanged);
	suite_add_tcase(s, tc);
	return s;
}
