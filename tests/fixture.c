#include "fixture.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

fedns_deployment *fixture_contoso(fedns_sip_domain **domain, fedns_edge_pool **pool)
{
	fedns_deployment *dep;
	fedns_sip_domain *d;
	fedns_edge_pool *p;

	ck_assert_int_eq(fedns_deployment_new(&dep), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "contoso.com", &d), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_edge_pool(dep, "edge", &p), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.10"),
			 FEDNS_OK);
	if (domain)
		*domain = d;
	if (pool)
		*pool = p;
	return dep;
}

static void append(char **buf, size_t *len, const char *s)
{
	size_t n = strlen(s);

	*buf = realloc(*buf, *len + n + 1);
	ck_assert_ptr_nonnull(*buf);
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

char *fixture_records(fedns_deployment *dep)
{
	fedns_recordset *rs;
	char *out = NULL, line[1024];
	size_t len = 0, i;
	uint32_t bit;

	ck_assert_msg(fedns_deployment_derive(dep, &rs) == FEDNS_OK, "derive: %s",
		      fedns_deployment_last_error(dep));
	append(&out, &len, "");
	for (i = 0; i < fedns_recordset_count(rs); i++) {
		int type = fedns_record_type(rs, i);
		int first = 1;

		if (type == FEDNS_RR_SRV)
			snprintf(line, sizeof(line), "%s %u SRV %u %u %u %s ", fedns_record_owner(rs, i),
				 (unsigned)fedns_record_ttl(rs, i),
				 (unsigned)fedns_record_priority(rs, i),
				 (unsigned)fedns_record_weight(rs, i), (unsigned)fedns_record_port(rs, i),
				 fedns_record_target(rs, i));
		else
			snprintf(line, sizeof(line), "%s %u %s %s ", fedns_record_owner(rs, i),
				 (unsigned)fedns_record_ttl(rs, i), fedns_rrtype_name(type),
				 type == FEDNS_RR_CNAME ? fedns_record_target(rs, i) :
							  fedns_record_address(rs, i));
		append(&out, &len, line);
		for (bit = 1; bit; bit <<= 1)
			if (fedns_record_purposes(rs, i) & bit) {
				append(&out, &len, first ? "" : ",");
				append(&out, &len, fedns_purpose_name(bit));
				first = 0;
			}
		append(&out, &len, "\n");
	}
	fedns_recordset_free(rs);
	return out;
}

char *fixture_render(const fedns_recordset *rs, int format, int lang)
{
	size_t need = 0;
	char *buf;

	ck_assert_int_eq(fedns_render(rs, format, lang, NULL, 0, &need), need ? FEDNS_ESPACE : FEDNS_OK);
	buf = malloc(need + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_int_eq(fedns_render(rs, format, lang, buf, need + 1, NULL), FEDNS_OK);
	return buf;
}

fedns_recordset *fixture_full(fedns_deployment **dep)
{
	fedns_sip_domain *d;
	fedns_edge_pool *p;
	fedns_recordset *rs;

	*dep = fixture_contoso(&d, &p);
	ck_assert_int_eq(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_MOBILITY, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_set(p, FEDNS_OPT_POOL_XMPP_PROXY, 1), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(*dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1), 0);
	ck_assert_int_eq(fedns_deployment_set(*dep, FEDNS_OPT_PARTNER_DISCOVERY, 1), 0);
	ck_assert_int_eq(fedns_deployment_set(*dep, FEDNS_OPT_PUSH_NOTIFICATIONS, 1), 0);
	ck_assert_int_eq(fedns_deployment_set(*dep, FEDNS_OPT_PUBLIC_IM, 1), 0);
	ck_assert_int_eq(fedns_deployment_add_allowed_domain(*dep, "push.lync.com", NULL, NULL), 0);
	ck_assert_int_eq(fedns_deployment_add_hosting_provider(*dep, "LyncOnline",
								"sipfed.online.lync.com", NULL), 0);
	ck_assert_int_eq(fedns_deployment_add_xmpp_partner(*dep, "jabber.example.org", NULL), 0);
	ck_assert_msg(fedns_deployment_derive(*dep, &rs) == FEDNS_OK, "%s",
		      fedns_deployment_last_error(*dep));
	return rs;
}

fedns_recordset *fixture_small(fedns_deployment **dep)
{
	fedns_recordset *rs;

	*dep = fixture_contoso(NULL, NULL);
	ck_assert_int_eq(fedns_deployment_derive(*dep, &rs), FEDNS_OK);
	return rs;
}

fedns_recordset *fixture_tenants(fedns_deployment **dep, int n)
{
	fedns_recordset *rs;
	char name[64];
	int i;

	*dep = fixture_contoso(NULL, NULL);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "tenant%d.example", i);
		ck_assert_int_eq(fedns_deployment_add_sip_domain(*dep, name, NULL), FEDNS_OK);
	}
	ck_assert_int_eq(fedns_deployment_derive(*dep, &rs), FEDNS_OK);
	return rs;
}
