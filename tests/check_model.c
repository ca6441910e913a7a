/* The model's C API (SPEC 1): defaults, setters, and the error of every
 * refused argument, named in fedns_deployment_last_error(). */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "test.h"

static fedns_deployment *dep;

static void setup(void)
{
	ck_assert_int_eq(fedns_deployment_new(&dep), FEDNS_OK);
}

static void teardown(void)
{
	fedns_deployment_free(dep);
}

static void expect_error(fedns_status got, fedns_status want, const char *message)
{
	ck_assert_int_eq(got, want);
	ck_assert_str_eq(fedns_deployment_last_error(dep), message);
}

static int64_t get(int option)
{
	int64_t v = 42;

	ck_assert_int_eq(fedns_deployment_get(dep, option, &v), FEDNS_OK);
	return v;
}

START_TEST(test_defaults_follow_the_cmdlets)
{
	ck_assert_int_eq(get(FEDNS_OPT_TTL), 3600);
	ck_assert_int_eq(get(FEDNS_OPT_SERVER), FEDNS_SERVER_LYNC2013);
	ck_assert_int_eq(get(FEDNS_OPT_ALLOW_FEDERATED_USERS), 0);
	ck_assert_int_eq(get(FEDNS_OPT_PARTNER_DISCOVERY), 0);
	ck_assert_int_eq(get(FEDNS_OPT_DISCOVERABLE), -1);
	ck_assert_int_eq(get(FEDNS_OPT_PUSH_NOTIFICATIONS), 0);
	ck_assert_int_eq(get(FEDNS_OPT_PUBLIC_IM), 0);
	ck_assert_int_eq(get(FEDNS_OPT_EXTERNAL_ACCESS), 1);
	ck_assert_str_eq(fedns_deployment_last_error(dep), "");
}
END_TEST

START_TEST(test_set_and_get_every_deployment_option)
{
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_TTL, -5), FEDNS_OK);
	ck_assert_int_eq(get(FEDNS_OPT_TTL), -5);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_SERVER, FEDNS_SERVER_SFBSE), FEDNS_OK);
	ck_assert_int_eq(get(FEDNS_OPT_SERVER), FEDNS_SERVER_SFBSE);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 0), FEDNS_OK);
	ck_assert_int_eq(get(FEDNS_OPT_DISCOVERABLE), 0);
}
END_TEST

START_TEST(test_set_rejects_values_naming_the_option)
{
	expect_error(fedns_deployment_set(dep, FEDNS_OPT_SERVER, 4), FEDNS_EINVAL,
		     "fedns_deployment_set: FEDNS_OPT_SERVER takes a fedns_server, not 4");
	ck_assert_int_eq(get(FEDNS_OPT_SERVER), FEDNS_SERVER_LYNC2013);
	expect_error(fedns_deployment_set(dep, FEDNS_OPT_PUBLIC_IM, 2), FEDNS_EINVAL,
		     "fedns_deployment_set: FEDNS_OPT_PUBLIC_IM takes 0 or 1, not 2");
	expect_error(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, -2), FEDNS_EINVAL,
		     "fedns_deployment_set: FEDNS_OPT_DISCOVERABLE takes -1 (follow partner "
		     "discovery), 0 or 1, not -2");
	expect_error(fedns_deployment_set(dep, FEDNS_OPT_DOMAIN_USERS, 1), FEDNS_EINVAL,
		     "fedns_deployment_set: option 20 is not an option of a deployment");
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_PUBLIC_IM, 1), FEDNS_OK);
	ck_assert_str_eq(fedns_deployment_last_error(dep), "");
	ck_assert_int_eq(fedns_deployment_set(NULL, FEDNS_OPT_TTL, 1), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_get(dep, 99, &(int64_t){0}), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_get(dep, FEDNS_OPT_TTL, NULL), FEDNS_EINVAL);
	ck_assert_str_eq(fedns_deployment_last_error(NULL), "");
}
END_TEST

START_TEST(test_child_setters_check_their_options)
{
	fedns_sip_domain *d;
	fedns_edge_pool *p;
	fedns_xmpp_partner *x;
	fedns_public_provider *pp;
	fedns_hosting_provider *h;

	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "contoso.com", &d), FEDNS_OK);
	ck_assert_int_eq(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_MOBILITY, 1), FEDNS_OK);
	expect_error(fedns_sip_domain_set(d, FEDNS_OPT_TTL, 1), FEDNS_EINVAL,
		     "fedns_sip_domain_set: option 0 is not an option of a SIP domain");
	ck_assert_int_eq(fedns_deployment_add_edge_pool(dep, "edge", &p), FEDNS_OK);
	expect_error(fedns_edge_pool_set(p, FEDNS_OPT_POOL_LOAD_BALANCING, 3), FEDNS_EINVAL,
		     "fedns_edge_pool_set: FEDNS_OPT_POOL_LOAD_BALANCING takes a "
		     "fedns_load_balancing, not 3");
	ck_assert_int_eq(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", &x), 0);
	expect_error(fedns_xmpp_partner_set(x, FEDNS_OPT_XMPP_TLS, 3), FEDNS_EINVAL,
		     "fedns_xmpp_partner_set: FEDNS_OPT_XMPP_TLS takes a fedns_negotiation, not 3");
	ck_assert_int_eq(fedns_xmpp_partner_set(x, FEDNS_OPT_XMPP_SASL, 2), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_public_provider(dep, "Skype", "federation.messenger."
							       "msn.com", &pp), FEDNS_OK);
	expect_error(fedns_public_provider_set(pp, FEDNS_OPT_PROVIDER_VERIFICATION, 0),
		     FEDNS_EINVAL, "fedns_public_provider_set: option 81 is not an option of "
		     "a public IM provider");
	ck_assert_int_eq(fedns_public_provider_set(pp, FEDNS_OPT_PROVIDER_ENABLED, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_hosting_provider(dep, "LyncOnline",
							       "sipfed.online.lync.com", &h), 0);
	expect_error(fedns_hosting_provider_set(h, FEDNS_OPT_PROVIDER_VERIFICATION, 3),
		     FEDNS_EINVAL, "fedns_hosting_provider_set: FEDNS_OPT_PROVIDER_VERIFICATION "
		     "takes a fedns_verification, not 3");
	ck_assert_int_eq(fedns_sip_domain_set(NULL, 0, 0), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_edge_pool_set(NULL, 0, 0), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_xmpp_partner_set(NULL, 0, 0), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_public_provider_set(NULL, 0, 0), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_hosting_provider_set(NULL, 0, 0), FEDNS_EINVAL);
}
END_TEST

START_TEST(test_string_arguments_must_not_be_null)
{
	fedns_edge_pool *p;
	fedns_xmpp_partner *x;
	fedns_public_provider *pp;
	fedns_sip_domain *d;

	expect_error(fedns_deployment_add_sip_domain(dep, NULL, NULL), FEDNS_EINVAL,
		     "fedns_deployment_add_sip_domain: name is NULL");
	expect_error(fedns_deployment_add_edge_pool(dep, NULL, NULL), FEDNS_EINVAL,
		     "fedns_deployment_add_edge_pool: name is NULL");
	ck_assert_int_eq(fedns_deployment_add_edge_pool(dep, "edge", &p), FEDNS_OK);
	expect_error(fedns_edge_pool_set_access_edge_host(p, NULL), FEDNS_EINVAL,
		     "fedns_edge_pool_set_access_edge_host: label is NULL");
	expect_error(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_AV, NULL), FEDNS_EINVAL,
		     "fedns_edge_pool_set_fqdn: the A/V edge FQDN is NULL");
	expect_error(fedns_edge_pool_set_fqdn(p, 3, "x.example"), FEDNS_EINVAL,
		     "fedns_edge_pool_set_fqdn: role 3 is not a fedns_edge_role (0..2)");
	expect_error(fedns_edge_pool_add_address(p, FEDNS_EDGE_WEBCONF, NULL), FEDNS_EINVAL,
		     "fedns_edge_pool_add_address: the webconf edge address is NULL");
	expect_error(fedns_edge_pool_add_address(p, -1, "192.0.2.1"), FEDNS_EINVAL,
		     "fedns_edge_pool_add_address: role -1 is not a fedns_edge_role (0..2)");
	expect_error(fedns_edge_pool_set_xmpp_host(p, NULL), FEDNS_EINVAL,
		     "fedns_edge_pool_set_xmpp_host: label is NULL");
	expect_error(fedns_deployment_add_allowed_domain(dep, NULL, NULL, NULL), FEDNS_EINVAL,
		     "fedns_deployment_add_allowed_domain: domain is NULL");
	expect_error(fedns_deployment_add_blocked_domain(dep, NULL, NULL), FEDNS_EINVAL,
		     "fedns_deployment_add_blocked_domain: domain is NULL");
	expect_error(fedns_deployment_add_xmpp_partner(dep, NULL, NULL), FEDNS_EINVAL,
		     "fedns_deployment_add_xmpp_partner: domain is NULL");
	ck_assert_int_eq(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", &x), 0);
	expect_error(fedns_xmpp_partner_add_domain(x, NULL), FEDNS_EINVAL,
		     "fedns_xmpp_partner_add_domain: domain is NULL");
	expect_error(fedns_deployment_add_public_provider(dep, "Skype", NULL, NULL), FEDNS_EINVAL,
		     "fedns_deployment_add_public_provider: proxy_fqdn is NULL");
	expect_error(fedns_deployment_add_hosting_provider(dep, NULL, "x.example", NULL),
		     FEDNS_EINVAL, "fedns_deployment_add_hosting_provider: name is NULL");
	ck_assert_int_eq(fedns_deployment_add_public_provider(dep, "Skype", "p.example", &pp), 0);
	expect_error(fedns_public_provider_add_domain(pp, NULL), FEDNS_EINVAL,
		     "fedns_public_provider_add_domain: domain is NULL");
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "contoso.com", &d), FEDNS_OK);
	ck_assert_int_eq(fedns_sip_domain_set_edge_pool(d, "edge"), FEDNS_OK);
	ck_assert_int_eq(fedns_sip_domain_set_edge_pool(d, NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_xmpp_partner_set_proxy_fqdn(x, "xmpp.example.org"), FEDNS_OK);
	ck_assert_int_eq(fedns_xmpp_partner_set_proxy_fqdn(x, NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(NULL, "a.example", NULL), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_add_edge_pool(NULL, "e", NULL), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_sip_domain_set_edge_pool(NULL, "e"), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_edge_pool_set_access_edge_host(NULL, "a"), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(NULL, 0, "a"), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_edge_pool_add_address(NULL, 0, "a"), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_edge_pool_set_xmpp_host(NULL, "a"), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_add_allowed_domain(NULL, "a", NULL, NULL), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_add_blocked_domain(NULL, "a", NULL), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_add_xmpp_partner(NULL, "a", NULL), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_xmpp_partner_add_domain(NULL, "a"), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_xmpp_partner_set_proxy_fqdn(NULL, "a"), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_add_public_provider(NULL, "a", "b", NULL), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_public_provider_add_domain(NULL, "a"), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_add_hosting_provider(NULL, "a", "b", NULL), FEDNS_EINVAL);
}
END_TEST

START_TEST(test_access_edge_host_and_fqdn_replace_each_other)
{
	fedns_edge_pool *p;
	fedns_deployment *d = fixture_contoso(NULL, &p);
	fedns_recordset *rs;

	ck_assert_int_eq(fedns_deployment_set(d, FEDNS_OPT_EXTERNAL_ACCESS, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_ACCESS, "edge.contoso.com"), 0);
	ck_assert_int_eq(fedns_edge_pool_set_access_edge_host(p, "ae"), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_derive(d, &rs), FEDNS_OK);
	ck_assert_str_eq(fedns_record_owner(rs, 0), "ae.contoso.com.");
	fedns_recordset_free(rs);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_ACCESS, "edge.contoso.com"), 0);
	ck_assert_int_eq(fedns_deployment_derive(d, &rs), FEDNS_OK);
	ck_assert_str_eq(fedns_record_owner(rs, 0), "edge.contoso.com.");
	fedns_recordset_free(rs);
	fedns_deployment_free(d);
}
END_TEST

struct counting {
	size_t live, calls;
};

static void *count_malloc(void *ud, size_t size)
{
	struct counting *c = ud;

	ck_assert_uint_gt(size, 0);
	c->live++;
	c->calls++;
	return malloc(size);
}

static void *count_realloc(void *ud, void *ptr, size_t size)
{
	struct counting *c = ud;

	ck_assert_uint_gt(size, 0);
	ck_assert_ptr_nonnull(ptr);
	c->calls++;
	return realloc(ptr, size);
}

static void count_free(void *ud, void *ptr)
{
	struct counting *c = ud;

	ck_assert_ptr_nonnull(ptr);
	c->live--;
	free(ptr);
}

START_TEST(test_caller_allocator_sees_every_allocation)
{
	struct counting c = {0, 0};
	fedns_deployment *d;
	fedns_edge_pool *p;
	fedns_recordset *rs;
	fedns_diagnostics *diags;

	ck_assert_int_eq(fedns_deployment_new_with_allocator(count_malloc, count_realloc,
							     count_free, &c, &d), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(d, "contoso.com", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_edge_pool(d, "edge", &p), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "192.0.2.10"), 0);
	ck_assert_int_eq(fedns_deployment_derive(d, &rs), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_validate(d, &diags), FEDNS_OK);
	fedns_deployment_free(d);
	/* Record sets and diagnostics outlive their deployment. */
	ck_assert_str_eq(fedns_record_owner(rs, 1), "sip.contoso.com.");
	fedns_recordset_free(rs);
	fedns_diagnostics_free(diags);
	ck_assert_uint_gt(c.calls, 5);
	ck_assert_uint_eq(c.live, 0);
}
END_TEST

START_TEST(test_allocator_all_or_nothing)
{
	fedns_deployment *d = (fedns_deployment *)1;

	ck_assert_int_eq(fedns_deployment_new_with_allocator(count_malloc, NULL, count_free, NULL,
							     &d), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_new_with_allocator(NULL, NULL, NULL, NULL, NULL),
			 FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_new(NULL), FEDNS_EINVAL);
	fedns_deployment_free(NULL);
}
END_TEST

START_TEST(test_reverse_proxy_api)
{
	fedns_reverse_proxy *rp, *again = NULL;
	fedns_sip_domain *d;

	ck_assert_int_eq(fedns_deployment_add_reverse_proxy(dep, &rp), FEDNS_OK);
	expect_error(fedns_deployment_add_reverse_proxy(dep, &again), FEDNS_EINVAL,
		     "fedns_deployment_add_reverse_proxy: the deployment already has a reverse "
		     "proxy");
	ck_assert_ptr_null(again);
	expect_error(fedns_reverse_proxy_add_address(rp, NULL), FEDNS_EINVAL,
		     "fedns_reverse_proxy_add_address: address is NULL");
	expect_error(fedns_reverse_proxy_set_fqdn(rp, 2, "x.example"), FEDNS_EINVAL,
		     "fedns_reverse_proxy_set_fqdn: name 2 is not a fedns_proxy_name (0..1)");
	expect_error(fedns_reverse_proxy_set(rp, FEDNS_OPT_PROXY_MEET, 2), FEDNS_EINVAL,
		     "fedns_reverse_proxy_set: FEDNS_OPT_PROXY_MEET takes 0 or 1, not 2");
	expect_error(fedns_reverse_proxy_set(rp, FEDNS_OPT_TTL, 2), FEDNS_EINVAL,
		     "fedns_reverse_proxy_set: option 0 is not an option of a reverse proxy");
	ck_assert_int_eq(fedns_reverse_proxy_set(rp, FEDNS_OPT_PROXY_LYNCDISCOVER, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_reverse_proxy_add_address(rp, "192.0.2.40"), FEDNS_OK);
	ck_assert_int_eq(fedns_reverse_proxy_set_fqdn(rp, FEDNS_PROXY_DIALIN, "dialin.example"), 0);
	ck_assert_int_eq(fedns_reverse_proxy_set_fqdn(rp, FEDNS_PROXY_DIALIN, NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "contoso.com", &d), FEDNS_OK);
	expect_error(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_HOSTING, 2), FEDNS_EINVAL,
		     "fedns_sip_domain_set: FEDNS_OPT_DOMAIN_HOSTING takes a fedns_hosting, not 2");
	ck_assert_int_eq(fedns_deployment_add_reverse_proxy(NULL, NULL), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_reverse_proxy_add_address(NULL, "a"), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_reverse_proxy_set_fqdn(NULL, 0, "a"), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_reverse_proxy_set(NULL, 0, 0), FEDNS_EINVAL);
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("model");
	TCase *t = tcase_create("api");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, test_defaults_follow_the_cmdlets);
	tcase_add_test(t, test_set_and_get_every_deployment_option);
	tcase_add_test(t, test_set_rejects_values_naming_the_option);
	tcase_add_test(t, test_child_setters_check_their_options);
	tcase_add_test(t, test_string_arguments_must_not_be_null);
	tcase_add_test(t, test_access_edge_host_and_fqdn_replace_each_other);
	tcase_add_test(t, test_reverse_proxy_api);
	tcase_add_test(t, test_caller_allocator_sees_every_allocation);
	tcase_add_test(t, test_allocator_all_or_nothing);
	suite_add_tcase(s, t);
	return s;
}
