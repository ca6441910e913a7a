/* Derivation (SPEC 2): one test per record rule, named after it, plus the
 * ordering and merging rules. Records are compared as whole dumps. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "test.h"

#define SIP_TLS "_sip._tls.contoso.com. 3600 SRV 0 0 443 sip.contoso.com. external-access\n"
#define SIP_A "sip.contoso.com. 3600 A 131.107.155.10 external-access\n"
#define FED_SRV "_sipfederationtls._tcp.contoso.com. 3600 SRV 0 0 5061 sip.contoso.com. "

static void expect(fedns_deployment *dep, const char *want)
{
	char *got = fixture_records(dep);

	ck_assert_str_eq(got, want);
	free(got);
	fedns_deployment_free(dep);
}

START_TEST(test_R1_access_edge_address_for_each_domain)
{
	expect(fixture_contoso(NULL, NULL), SIP_TLS SIP_A);
}
END_TEST

START_TEST(test_R1_one_record_per_address_ordered_numerically_a_before_aaaa)
{
	fedns_edge_pool *pool;
	fedns_deployment *dep = fixture_contoso(NULL, &pool);

	ck_assert_int_eq(fedns_edge_pool_set(pool, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_DNS), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "2001:DB8::0010"), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "131.107.155.9"), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "2001:db8::9"), 0);
	expect(dep, SIP_TLS
	       "sip.contoso.com. 3600 A 131.107.155.9 external-access\n"
	       SIP_A
	       "sip.contoso.com. 3600 AAAA 2001:db8::9 external-access\n"
	       "sip.contoso.com. 3600 AAAA 2001:db8::10 external-access\n");
}
END_TEST

START_TEST(test_R1_tagged_public_im_when_public_im_is_enabled)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_PUBLIC_IM, 1), FEDNS_OK);
	expect(dep, SIP_TLS "sip.contoso.com. 3600 A 131.107.155.10 external-access,public-im\n");
}
END_TEST

START_TEST(test_R1_access_edge_host_label_is_folded)
{
	fedns_edge_pool *pool;
	fedns_deployment *dep = fixture_contoso(NULL, &pool);

	ck_assert_int_eq(fedns_edge_pool_set_access_edge_host(pool, "Access"), FEDNS_OK);
	expect(dep, "_sip._tls.contoso.com. 3600 SRV 0 0 443 access.contoso.com. external-access\n"
		    "access.contoso.com. 3600 A 131.107.155.10 external-access\n");
}
END_TEST

START_TEST(test_R1_all_digit_host_label_and_unused_xmpp_host)
{
	fedns_edge_pool *pool;
	fedns_deployment *dep = fixture_contoso(NULL, &pool);

	ck_assert_int_eq(fedns_edge_pool_set_access_edge_host(pool, "123"), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_set_xmpp_host(pool, "bad label"), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_set(pool, FEDNS_OPT_POOL_XMPP_PROXY, 0), FEDNS_OK);
	expect(dep, "123.contoso.com. 3600 A 131.107.155.10 external-access\n"
		    "_sip._tls.contoso.com. 3600 SRV 0 0 443 123.contoso.com. external-access\n");
}
END_TEST

START_TEST(test_R1_shared_access_edge_fqdn_is_emitted_once_at_its_first_domain)
{
	fedns_edge_pool *pool;
	fedns_deployment *dep;

	ck_assert_int_eq(fedns_deployment_new(&dep), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_EXTERNAL_ACCESS, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "contoso.com", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_edge_pool(dep, "edge", &pool), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(pool, FEDNS_EDGE_ACCESS, "SIP.Contoso.com."), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "131.107.155.10"), 0);
	expect(dep, SIP_A);
}
END_TEST

START_TEST(test_R1_domain_without_users_gets_no_record)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "fabrikam.com", &d), FEDNS_OK);
	ck_assert_int_eq(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_USERS, 0), FEDNS_OK);
	expect(dep, SIP_TLS SIP_A);
}
END_TEST

START_TEST(test_R2_only_with_external_access)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_EXTERNAL_ACCESS, 0), FEDNS_OK);
	expect(dep, SIP_A);
}
END_TEST

START_TEST(test_R3_federation_srv_with_partner_discovery)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 1), FEDNS_OK);
	expect(dep, SIP_TLS FED_SRV "federation-discovery\n" SIP_A);
}
END_TEST

START_TEST(test_R3_discoverable_without_partner_discovery)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 1), FEDNS_OK);
	expect(dep, SIP_TLS FED_SRV "federation-discovery\n" SIP_A);
}
END_TEST

START_TEST(test_R3_not_discoverable_overrides_partner_discovery)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 0), FEDNS_OK);
	expect(dep, SIP_TLS SIP_A);
}
END_TEST

START_TEST(test_R3_needs_allow_federated_users)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);

	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 1), FEDNS_OK);
	expect(dep, SIP_TLS SIP_A);
}
END_TEST

static fedns_deployment *push_deployment(fedns_sip_domain **d)
{
	fedns_deployment *dep = fixture_contoso(d, NULL);

	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_PUSH_NOTIFICATIONS, 1), FEDNS_OK);
	return dep;
}

START_TEST(test_R4_push_needs_federation_srv_without_discovery)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = push_deployment(&d);

	ck_assert_int_eq(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_MOBILITY, 1), FEDNS_OK);
	expect(dep, SIP_TLS FED_SRV "mobility-push\n" SIP_A);
}
END_TEST

START_TEST(test_R4_only_for_domains_with_mobility)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = push_deployment(&d);

	expect(dep, SIP_TLS SIP_A);
}
END_TEST

START_TEST(test_R4_merges_with_R3_into_one_record)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = push_deployment(&d);
	fedns_recordset *rs;

	ck_assert_int_eq(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_MOBILITY, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_derive(dep, &rs), FEDNS_OK);
	ck_assert_uint_eq(fedns_recordset_count(rs), 3);
	ck_assert_str_eq(fedns_record_owner(rs, 1), "_sipfederationtls._tcp.contoso.com.");
	ck_assert_uint_eq(fedns_record_purposes(rs, 1),
			  FEDNS_PURPOSE_FEDERATION_DISCOVERY | FEDNS_PURPOSE_MOBILITY_PUSH);
	ck_assert_str_eq(fedns_record_comment(rs, 1, FEDNS_LANG_EN),
			 "Lets other SIP federation partners discover this domain's Access Edge "
			 "external interface by automatic DNS discovery (\"allowed SIP domains\", "
			 "formerly \"enhanced federation\"). Repeat for every SIP domain with "
			 "Lync-enabled users.; Required by the Push Notification Clearing House "
			 "for Lync Mobile clients, even without partner discovery; publish one for "
			 "every SIP domain with mobile clients.");
	fedns_recordset_free(rs);
	expect(dep, SIP_TLS FED_SRV "federation-discovery,mobility-push\n" SIP_A);
}
END_TEST

START_TEST(test_R5_xmpp_srv_and_host_on_the_xmpp_pool)
{
	fedns_sip_domain *d;
	fedns_edge_pool *xp;
	fedns_deployment *dep = fixture_contoso(&d, NULL);

	ck_assert_int_eq(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_sip_domain_set_edge_pool(d, "edge"), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_edge_pool(dep, "xmpp-edge", &xp), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_add_address(xp, FEDNS_EDGE_ACCESS, "131.107.155.20"), 0);
	ck_assert_int_eq(fedns_edge_pool_set(xp, FEDNS_OPT_POOL_XMPP_PROXY, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", NULL), 0);
	expect(dep, SIP_TLS
	       "_xmpp-server._tcp.contoso.com. 3600 SRV 0 0 5269 xmpp.contoso.com. xmpp\n"
	       SIP_A
	       "xmpp.contoso.com. 3600 A 131.107.155.20 xmpp\n");
}
END_TEST

START_TEST(test_R5_custom_xmpp_host_independent_of_federation)
{
	fedns_sip_domain *d;
	fedns_edge_pool *pool;
	fedns_deployment *dep = fixture_contoso(&d, &pool);

	ck_assert_int_eq(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_set_xmpp_host(pool, "IM"), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", NULL), 0);
	expect(dep, SIP_TLS
	       "_xmpp-server._tcp.contoso.com. 3600 SRV 0 0 5269 im.contoso.com. xmpp\n"
	       "im.contoso.com. 3600 A 131.107.155.10 xmpp\n" SIP_A);
}
END_TEST

START_TEST(test_R5_not_for_domains_without_xmpp)
{
	fedns_edge_pool *pool;
	fedns_deployment *dep = fixture_contoso(NULL, &pool);

	ck_assert_int_eq(fedns_edge_pool_set(pool, FEDNS_OPT_POOL_XMPP_PROXY, 1), FEDNS_OK);
	expect(dep, SIP_TLS SIP_A);
}
END_TEST

START_TEST(test_R6_webconf_and_av_edges_once_per_pool_after_the_domains)
{
	fedns_edge_pool *pool;
	fedns_deployment *dep = fixture_contoso(NULL, &pool);

	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_EXTERNAL_ACCESS, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(pool, FEDNS_EDGE_WEBCONF, "webcon.contoso.com"), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(pool, FEDNS_EDGE_WEBCONF, "131.107.155.20"), 0);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(pool, FEDNS_EDGE_AV, "av.contoso.com"), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(pool, FEDNS_EDGE_AV, "131.107.155.30"), 0);
	expect(dep, SIP_A
	       "sip.fabrikam.com. 3600 A 131.107.155.10 external-access\n"
	       "av.contoso.com. 3600 A 131.107.155.30 av\n"
	       "webcon.contoso.com. 3600 A 131.107.155.20 webconf\n");
}
END_TEST

/* An edge FQDN that is also a name a SIP domain's rules give: the record
 * is the same, so it stays where the domain put it and gains the edge's
 * purpose (the only way records of two groups meet). */
START_TEST(test_R6_edge_named_like_a_domain_record_merges_into_it)
{
	fedns_edge_pool *pool;
	fedns_deployment *dep = fixture_contoso(NULL, &pool);

	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_EXTERNAL_ACCESS, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(pool, FEDNS_EDGE_WEBCONF, "SIP.fabrikam.com"), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(pool, FEDNS_EDGE_WEBCONF, "131.107.155.10"), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(pool, FEDNS_EDGE_WEBCONF, "131.107.155.20"), 0);
	expect(dep, SIP_A
	       "sip.fabrikam.com. 3600 A 131.107.155.10 external-access,webconf\n"
	       "sip.fabrikam.com. 3600 A 131.107.155.20 webconf\n");
}
END_TEST

START_TEST(test_order_domains_in_document_order_with_the_document_ttl)
{
	fedns_deployment *dep;
	fedns_edge_pool *pool;

	ck_assert_int_eq(fedns_deployment_new(&dep), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_TTL, 300), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "Zeta.example", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "alpha.example.", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_edge_pool(dep, "edge", &pool), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "198.51.100.7"), 0);
	expect(dep, "_sip._tls.zeta.example. 300 SRV 0 0 443 sip.zeta.example. external-access\n"
		    "sip.zeta.example. 300 A 198.51.100.7 external-access\n"
		    "_sip._tls.alpha.example. 300 SRV 0 0 443 sip.alpha.example. external-access\n"
		    "sip.alpha.example. 300 A 198.51.100.7 external-access\n");
}
END_TEST

START_TEST(test_derive_domain_keeps_one_domain)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_recordset *rs;

	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_derive_domain(dep, "FABRIKAM.com.", &rs), FEDNS_OK);
	ck_assert_uint_eq(fedns_recordset_count(rs), 2);
	ck_assert_str_eq(fedns_record_owner(rs, 0), "_sip._tls.fabrikam.com.");
	ck_assert_str_eq(fedns_record_owner(rs, 1), "sip.fabrikam.com.");
	fedns_recordset_free(rs);
	ck_assert_int_eq(fedns_deployment_derive_domain(dep, "example.org", &rs), FEDNS_ENOTFOUND);
	ck_assert_ptr_null(rs);
	ck_assert_str_eq(fedns_deployment_last_error(dep),
			 "example.org is not a SIP domain of the deployment");
	ck_assert_int_eq(fedns_deployment_derive_domain(dep, "bad..name", &rs), FEDNS_EBADNAME);
	ck_assert_int_eq(fedns_deployment_derive_domain(dep, NULL, &rs), FEDNS_EINVAL);
	ck_assert_str_eq(fedns_deployment_last_error(dep),
			 "fedns_deployment_derive_domain: domain is NULL");
	ck_assert_int_eq(fedns_deployment_derive_domain(NULL, "contoso.com", &rs), FEDNS_EINVAL);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_derive_refuses_errors_naming_the_first)
{
	fedns_deployment *dep;
	fedns_recordset *rs = (fedns_recordset *)1;
	const char *prefix = "the deployment has 1 error; first: V3 ";

	ck_assert_int_eq(fedns_deployment_new(&dep), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "contoso.com", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_derive(dep, &rs), FEDNS_EINVALID);
	ck_assert_ptr_null(rs);
	ck_assert_int_eq(strncmp(fedns_deployment_last_error(dep), prefix, strlen(prefix)), 0);
	ck_assert_int_eq(fedns_deployment_derive(dep, NULL), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_derive(NULL, &rs), FEDNS_EINVAL);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_recordset_accessors_out_of_range)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_recordset *rs;

	ck_assert_int_eq(fedns_deployment_derive(dep, &rs), FEDNS_OK);
	ck_assert_ptr_null(fedns_record_owner(rs, 2));
	ck_assert_int_eq(fedns_record_type(rs, 2), 0);
	ck_assert_uint_eq(fedns_record_ttl(rs, 2), 0);
	ck_assert_int_eq(fedns_record_location(rs, 2), 0);
	ck_assert_int_eq(fedns_record_location(rs, 1), FEDNS_LOCATION_EXTERNAL);
	ck_assert_uint_eq(fedns_record_priority(rs, 2), 0);
	ck_assert_uint_eq(fedns_record_weight(rs, 2), 0);
	ck_assert_uint_eq(fedns_record_port(rs, 2), 0);
	ck_assert_ptr_null(fedns_record_target(rs, 2));
	ck_assert_ptr_null(fedns_record_target(rs, 1));
	ck_assert_ptr_null(fedns_record_address(rs, 0));
	ck_assert_ptr_null(fedns_record_address(rs, 3));
	ck_assert_uint_eq(fedns_record_purposes(rs, 2), 0);
	ck_assert_ptr_null(fedns_record_comment(rs, 2, FEDNS_LANG_EN));
	ck_assert_ptr_null(fedns_record_comment(rs, 0, 7));
	ck_assert_uint_eq(fedns_recordset_count(NULL), 0);
	ck_assert_ptr_null(fedns_recordset_diagnostics(NULL));
	ck_assert_uint_eq(fedns_diagnostics_count(fedns_recordset_diagnostics(rs)), 0);
	fedns_recordset_free(rs);
	fedns_recordset_free(NULL);
	fedns_deployment_free(dep);
}
END_TEST

static fedns_reverse_proxy *add_proxy(fedns_deployment *dep)
{
	fedns_reverse_proxy *rp;

	ck_assert_int_eq(fedns_deployment_add_reverse_proxy(dep, &rp), FEDNS_OK);
	ck_assert_int_eq(fedns_reverse_proxy_add_address(rp, "131.107.155.40"), FEDNS_OK);
	ck_assert_int_eq(fedns_reverse_proxy_add_address(rp, "2001:db8::40"), FEDNS_OK);
	return rp;
}

START_TEST(test_R7_lyncdiscover_at_the_reverse_proxy_for_each_domain)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_reverse_proxy *rp = add_proxy(dep);

	ck_assert_int_eq(fedns_reverse_proxy_set(rp, FEDNS_OPT_PROXY_MEET, 0), FEDNS_OK);
	expect(dep, SIP_TLS
	       "lyncdiscover.contoso.com. 3600 A 131.107.155.40 autodiscover\n"
	       "lyncdiscover.contoso.com. 3600 AAAA 2001:db8::40 autodiscover\n"
	       SIP_A);
}
END_TEST

START_TEST(test_R7_not_without_lyncdiscover)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_reverse_proxy *rp = add_proxy(dep);

	ck_assert_int_eq(fedns_reverse_proxy_set(rp, FEDNS_OPT_PROXY_LYNCDISCOVER, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_reverse_proxy_set(rp, FEDNS_OPT_PROXY_MEET, 0), FEDNS_OK);
	expect(dep, SIP_TLS SIP_A);
}
END_TEST

START_TEST(test_R8_meet_per_domain_dialin_and_web_once_at_the_end)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_reverse_proxy *rp = add_proxy(dep);
	fedns_sip_domain *d;

	ck_assert_int_eq(fedns_reverse_proxy_set(rp, FEDNS_OPT_PROXY_LYNCDISCOVER, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_reverse_proxy_set_fqdn(rp, FEDNS_PROXY_WEB, "Ext.Contoso.com"), 0);
	ck_assert_int_eq(fedns_reverse_proxy_set_fqdn(rp, FEDNS_PROXY_DIALIN, "dialin.contoso.com"),
			 FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "fabrikam.com", &d), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_EXTERNAL_ACCESS, 0), FEDNS_OK);
	expect(dep, "meet.contoso.com. 3600 A 131.107.155.40 simple-url\n"
		    "meet.contoso.com. 3600 AAAA 2001:db8::40 simple-url\n"
		    SIP_A
		    "meet.fabrikam.com. 3600 A 131.107.155.40 simple-url\n"
		    "meet.fabrikam.com. 3600 AAAA 2001:db8::40 simple-url\n"
		    "sip.fabrikam.com. 3600 A 131.107.155.10 external-access\n"
		    "dialin.contoso.com. 3600 A 131.107.155.40 simple-url\n"
		    "dialin.contoso.com. 3600 AAAA 2001:db8::40 simple-url\n"
		    "ext.contoso.com. 3600 A 131.107.155.40 simple-url\n"
		    "ext.contoso.com. 3600 AAAA 2001:db8::40 simple-url\n");
}
END_TEST

START_TEST(test_R9_online_domain_gets_only_the_microsoft_365_records)
{
	fedns_sip_domain *d;
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_recordset *rs;

	add_proxy(dep);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_EXTERNAL_ACCESS, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_TTL, 300), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "fabrikam.com", &d), FEDNS_OK);
	ck_assert_int_eq(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_HOSTING, FEDNS_HOSTING_ONLINE), 0);
	ck_assert_int_eq(fedns_deployment_derive_domain(dep, "fabrikam.com", &rs), FEDNS_OK);
	ck_assert_uint_eq(fedns_recordset_count(rs), 4);
	ck_assert_int_eq(fedns_record_type(rs, 3), FEDNS_RR_CNAME);
	ck_assert_str_eq(fedns_record_target(rs, 3), "sipdir.online.lync.com.");
	ck_assert_ptr_null(fedns_record_address(rs, 3));
	ck_assert_str_eq(fedns_record_comment(rs, 3, FEDNS_LANG_EN),
			 "This SIP domain is served by Microsoft 365: clients that look up sip "
			 "find Microsoft's online directory.");
	fedns_recordset_free(rs);
	{
		char *got = fixture_records(dep);

		ck_assert_str_eq(got,
			"_sipfederationtls._tcp.contoso.com. 300 SRV 0 0 5061 sip.contoso.com. "
			"federation-discovery\n"
			"lyncdiscover.contoso.com. 300 A 131.107.155.40 autodiscover\n"
			"lyncdiscover.contoso.com. 300 AAAA 2001:db8::40 autodiscover\n"
			"meet.contoso.com. 300 A 131.107.155.40 simple-url\n"
			"meet.contoso.com. 300 AAAA 2001:db8::40 simple-url\n"
			"sip.contoso.com. 300 A 131.107.155.10 external-access\n"
			"_sip._tls.fabrikam.com. 300 SRV 100 1 443 sipdir.online.lync.com. online\n"
			"_sipfederationtls._tcp.fabrikam.com. 300 SRV 100 1 5061 "
			"sipfed.online.lync.com. online\n"
			"lyncdiscover.fabrikam.com. 300 CNAME webdir.online.lync.com. online\n"
			"sip.fabrikam.com. 300 CNAME sipdir.online.lync.com. online\n");
		free(got);
	}
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_R9_every_domain_online_needs_no_edge_pool)
{
	fedns_sip_domain *d;
	fedns_deployment *dep;

	ck_assert_int_eq(fedns_deployment_new(&dep), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "contoso.com", &d), FEDNS_OK);
	ck_assert_int_eq(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_HOSTING, FEDNS_HOSTING_ONLINE), 0);
	expect(dep, "_sip._tls.contoso.com. 3600 SRV 100 1 443 sipdir.online.lync.com. online\n"
		    "_sipfederationtls._tcp.contoso.com. 3600 SRV 100 1 5061 "
		    "sipfed.online.lync.com. online\n"
		    "lyncdiscover.contoso.com. 3600 CNAME webdir.online.lync.com. online\n"
		    "sip.contoso.com. 3600 CNAME sipdir.online.lync.com. online\n");
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("derive");
	TCase *t = tcase_create("rules");

	tcase_add_test(t, test_R1_access_edge_address_for_each_domain);
	tcase_add_test(t, test_R1_one_record_per_address_ordered_numerically_a_before_aaaa);
	tcase_add_test(t, test_R1_tagged_public_im_when_public_im_is_enabled);
	tcase_add_test(t, test_R1_access_edge_host_label_is_folded);
	tcase_add_test(t, test_R1_all_digit_host_label_and_unused_xmpp_host);
	tcase_add_test(t, test_R1_shared_access_edge_fqdn_is_emitted_once_at_its_first_domain);
	tcase_add_test(t, test_R1_domain_without_users_gets_no_record);
	tcase_add_test(t, test_R2_only_with_external_access);
	tcase_add_test(t, test_R3_federation_srv_with_partner_discovery);
	tcase_add_test(t, test_R3_discoverable_without_partner_discovery);
	tcase_add_test(t, test_R3_not_discoverable_overrides_partner_discovery);
	tcase_add_test(t, test_R3_needs_allow_federated_users);
	tcase_add_test(t, test_R4_push_needs_federation_srv_without_discovery);
	tcase_add_test(t, test_R4_only_for_domains_with_mobility);
	tcase_add_test(t, test_R4_merges_with_R3_into_one_record);
	tcase_add_test(t, test_R5_xmpp_srv_and_host_on_the_xmpp_pool);
	tcase_add_test(t, test_R5_custom_xmpp_host_independent_of_federation);
	tcase_add_test(t, test_R5_not_for_domains_without_xmpp);
	tcase_add_test(t, test_R6_webconf_and_av_edges_once_per_pool_after_the_domains);
	tcase_add_test(t, test_R6_edge_named_like_a_domain_record_merges_into_it);
	tcase_add_test(t, test_R7_lyncdiscover_at_the_reverse_proxy_for_each_domain);
	tcase_add_test(t, test_R7_not_without_lyncdiscover);
	tcase_add_test(t, test_R8_meet_per_domain_dialin_and_web_once_at_the_end);
	tcase_add_test(t, test_R9_online_domain_gets_only_the_microsoft_365_records);
	tcase_add_test(t, test_R9_every_domain_online_needs_no_edge_pool);
	tcase_add_test(t, test_order_domains_in_document_order_with_the_document_ttl);
	tcase_add_test(t, test_derive_domain_keeps_one_domain);
	tcase_add_test(t, test_derive_refuses_errors_naming_the_first);
	tcase_add_test(t, test_recordset_accessors_out_of_range);
	suite_add_tcase(s, t);
	return s;
}
