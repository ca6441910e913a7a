/* Rendering (SPEC 6): exact output of every format in both languages, the
 * buffer contract (snprintf-like) and the callback contract. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "sink.h"
#include "test.h"


#define C_R1 "Access Edge service external interface: external users, public IM and federation " \
	     "partners connect here. Repeat for every SIP domain with Lync-enabled users."
#define C_R2 "Remote user sign-in through the Access Edge service (not needed when clients " \
	     "are configured by Group Policy)."
#define C_R3 "Lets other SIP federation partners discover this domain's Access Edge external " \
	     "interface by automatic DNS discovery (\"allowed SIP domains\", formerly " \
	     "\"enhanced federation\"). Repeat for every SIP domain with Lync-enabled users."
#define C_R4 "Required by the Push Notification Clearing House for Lync Mobile clients, even " \
	     "without partner discovery; publish one for every SIP domain with mobile clients."
#define C_R5S "XMPP proxy external interface on the Access Edge service or Edge pool. Repeat " \
	      "for every SIP domain with Lync-enabled users allowed to contact XMPP contacts."
#define C_R5A "Points to the Access Edge service or Edge pool hosting the XMPP proxy."

static void expect_render(fedns_recordset *(*make)(fedns_deployment **), int format, int lang,
			  const char *want)
{
	fedns_deployment *dep;
	fedns_recordset *rs = make(&dep);
	char *got = fixture_render(rs, format, lang);

	ck_assert_str_eq(got, want);
	free(got);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}

START_TEST(test_zone_groups_with_purpose_comment_lines)
{
	expect_render(fixture_full, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN,
		"; external-access: " C_R2 "\n"
		"_sip._tls.contoso.com. 3600 IN SRV 0 0 443 sip.contoso.com.\n"
		"\n"
		"; federation-discovery, mobility-push: " C_R3 "; " C_R4 "\n"
		"_sipfederationtls._tcp.contoso.com. 3600 IN SRV 0 0 5061 sip.contoso.com.\n"
		"\n"
		"; xmpp: " C_R5S "\n"
		"_xmpp-server._tcp.contoso.com. 3600 IN SRV 0 0 5269 xmpp.contoso.com.\n"
		"\n"
		"; external-access, public-im: " C_R1 "\n"
		"sip.contoso.com. 3600 IN A 131.107.155.10\n"
		"\n"
		"; xmpp: " C_R5A "\n"
		"xmpp.contoso.com. 3600 IN A 131.107.155.10\n");
}
END_TEST

START_TEST(test_zone_one_comment_above_the_addresses_of_a_name)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);
	fedns_recordset *rs;
	char *got;

	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_EXTERNAL_ACCESS, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_set(p, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_DNS), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "2001:db8::10"), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.11"), 0);
	ck_assert_int_eq(fedns_deployment_derive(dep, &rs), FEDNS_OK);
	got = fixture_render(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_ZH_CN);
	ck_assert_str_eq(got, "; external-access: 访问边缘服务外部接口：外部用户、公共即时消息和联盟伙伴"
			      "连接到此处。根据需要对包含启用了 Lync 的用户的所有 SIP 域重复。\n"
			      "sip.contoso.com. 3600 IN A 131.107.155.10\n"
			      "sip.contoso.com. 3600 IN A 131.107.155.11\n"
			      "sip.contoso.com. 3600 IN AAAA 2001:db8::10\n");
	free(got);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_table_seed_columns_english)
{
	expect_render(fixture_small, FEDNS_FORMAT_TABLE, FEDNS_LANG_EN,
		"Location/Type/Port    FQDN                   IP address/FQDN  Comment\n"
		"--------------------  ---------------------  ---------------  -------\n"
		"External DNS/SRV/443  _sip._tls.contoso.com  sip.contoso.com  " C_R2 "\n"
		"External DNS/A        sip.contoso.com        131.107.155.10   "
		"Access Edge service external interface: external users, public IM and federation "
		"partners connect here. Repeat for every SIP domain with Lync-enabled users.\n");
}
END_TEST

START_TEST(test_table_seed_columns_chinese_aligned_by_display_width)
{
	expect_render(fixture_small, FEDNS_FORMAT_TABLE, FEDNS_LANG_ZH_CN,
		"位置/类型/端口    FQDN                   IP 地址/FQDN     映射位置/注释\n"
		"----------------  ---------------------  ---------------  -------------\n"
		"外部 DNS/SRV/443  _sip._tls.contoso.com  sip.contoso.com  "
		"远程用户通过访问边缘服务登录（如果通过组策略配置客户端，则不需要）。\n"
		"外部 DNS/A        sip.contoso.com        131.107.155.10   "
		"访问边缘服务外部接口：外部用户、公共即时消息和联盟伙伴连接到此处。"
		"根据需要对包含启用了 Lync 的用户的所有 SIP 域重复。\n");
}
END_TEST

START_TEST(test_csv_rfc4180_quotes_and_crlf)
{
	expect_render(fixture_full, FEDNS_FORMAT_CSV, FEDNS_LANG_EN,
		"location,type,owner,ttl,priority,weight,port,target,address,purposes,comment\r\n"
		"external,SRV,_sip._tls.contoso.com.,3600,0,0,443,sip.contoso.com.,,external-access,"
		C_R2 "\r\n"
		"external,SRV,_sipfederationtls._tcp.contoso.com.,3600,0,0,5061,sip.contoso.com.,,"
		"federation-discovery mobility-push,\"Lets other SIP federation partners discover "
		"this domain's Access Edge external interface by automatic DNS discovery "
		"(\"\"allowed SIP domains\"\", formerly \"\"enhanced federation\"\"). Repeat for "
		"every SIP domain with Lync-enabled users.; " C_R4 "\"\r\n"
		"external,SRV,_xmpp-server._tcp.contoso.com.,3600,0,0,5269,xmpp.contoso.com.,,xmpp,"
		C_R5S "\r\n"
		"external,A,sip.contoso.com.,3600,,,,,131.107.155.10,external-access public-im,\""
		C_R1 "\"\r\n"
		"external,A,xmpp.contoso.com.,3600,,,,,131.107.155.10,xmpp," C_R5A "\r\n");
}
END_TEST

START_TEST(test_json_shape_of_spec_6)
{
	expect_render(fixture_small, FEDNS_FORMAT_JSON, FEDNS_LANG_EN,
		"{\"fedns\":1,\"records\":[\n"
		"{\"owner\":\"_sip._tls.contoso.com.\",\"type\":\"SRV\",\"ttl\":3600,\"priority\":0,"
		"\"weight\":0,\"port\":443,\"target\":\"sip.contoso.com.\",\"location\":\"external\","
		"\"purposes\":[\"external-access\"],\"comment\":\"" C_R2 "\"},\n"
		"{\"owner\":\"sip.contoso.com.\",\"type\":\"A\",\"ttl\":3600,"
		"\"address\":\"131.107.155.10\",\"location\":\"external\","
		"\"purposes\":[\"external-access\"],\"comment\":\"" C_R1 "\"}\n"
		"],\"diagnostics\":[]}\n");
}
END_TEST

START_TEST(test_json_escapes_quotes_and_lists_diagnostics)
{
	fedns_deployment *dep;
	fedns_recordset *rs = fixture_full(&dep);
	const fedns_diagnostics *diags = fedns_recordset_diagnostics(rs);
	char *got = fixture_render(rs, FEDNS_FORMAT_JSON, FEDNS_LANG_EN);
	char rule[256];

	ck_assert_ptr_nonnull(strstr(got, "(\\\"allowed SIP domains\\\", formerly"));
	ck_assert_ptr_nonnull(strstr(got, "\"purposes\":[\"federation-discovery\",\"mobility-push\"]"));
	/* Every warning and info diagnostic of the derivation is listed. */
	ck_assert_uint_gt(fedns_diagnostics_count(diags), 0);
	snprintf(rule, sizeof(rule), "{\"rule\":\"%s\",\"severity\":\"%s\",\"subject\":\"%s\"",
		 fedns_diagnostic_rule(diags, 0),
		 fedns_severity_name(fedns_diagnostic_severity(diags, 0)),
		 fedns_diagnostic_subject(diags, 0));
	ck_assert_ptr_nonnull(strstr(got, rule));
	ck_assert_uint_eq(fedns_diagnostics_count_severity(diags, FEDNS_SEVERITY_ERROR), 0);
	free(got);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_render_is_byte_deterministic)
{
	fedns_deployment *dep;
	fedns_recordset *rs = fixture_full(&dep), *again;
	int format;

	ck_assert_int_eq(fedns_deployment_derive(dep, &again), FEDNS_OK);
	for (format = FEDNS_FORMAT_ZONE; format <= FEDNS_FORMAT_JSON; format++) {
		char *a = fixture_render(rs, format, FEDNS_LANG_EN);
		char *b = fixture_render(again, format, FEDNS_LANG_EN);

		ck_assert_str_eq(a, b);
		free(a);
		free(b);
	}
	fedns_recordset_free(again);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_buffer_snprintf_contract)
{
	fedns_deployment *dep;
	fedns_recordset *rs = fixture_small(&dep);
	char *whole = fixture_render(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN);
	size_t len = strlen(whole), need = 0;
	char buf[16];

	ck_assert_int_eq(fedns_render(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, NULL, 0, &need),
			 FEDNS_ESPACE);
	ck_assert_uint_eq(need, len);
	memset(buf, 'x', sizeof(buf));
	ck_assert_int_eq(fedns_render(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, buf, sizeof(buf),
				      &need), FEDNS_ESPACE);
	ck_assert_uint_eq(need, len);
	ck_assert_int_eq(strncmp(buf, whole, sizeof(buf) - 1), 0);
	ck_assert_int_eq(buf[sizeof(buf) - 1], '\0');
	ck_assert_int_eq(fedns_render(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, buf, 1, &need),
			 FEDNS_ESPACE);
	ck_assert_int_eq(buf[0], '\0');
	ck_assert_int_eq(fedns_render(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, NULL, 5, &need),
			 FEDNS_EINVAL);
	ck_assert_int_eq(fedns_render(rs, 99, FEDNS_LANG_EN, NULL, 0, &need), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_render(rs, FEDNS_FORMAT_ZONE, 9, NULL, 0, &need), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_render(NULL, FEDNS_FORMAT_ZONE, 0, NULL, 0, &need), FEDNS_EINVAL);
	free(whole);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

struct collect {
	char *text;
	size_t len, calls, stop_after;
};

static int collect(void *ud, const char *data, size_t len)
{
	struct collect *c = ud;

	ck_assert_uint_le(len, 65536);
	c->text = realloc(c->text, c->len + len + 1);
	ck_assert_ptr_nonnull(c->text);
	memcpy(c->text + c->len, data, len);
	c->len += len;
	c->text[c->len] = '\0';
	return ++c->calls == c->stop_after;
}

/* Many domains, so that the text crosses several callback chunks. */
static fedns_recordset *large(fedns_deployment **dep)
{
	fedns_recordset *rs = fixture_tenants(dep, 2000);

	ck_assert_uint_eq(fedns_recordset_count(rs), 4002);
	return rs;
}

START_TEST(test_callback_gets_the_same_bytes_in_chunks)
{
	fedns_deployment *dep;
	fedns_recordset *rs = large(&dep);
	struct collect c = {NULL, 0, 0, 0};
	int format;

	for (format = FEDNS_FORMAT_ZONE; format <= FEDNS_FORMAT_JSON; format++) {
		char *whole = fixture_render(rs, format, FEDNS_LANG_ZH_CN);

		c.len = c.calls = 0;
		ck_assert_int_eq(fedns_render_to(rs, format, FEDNS_LANG_ZH_CN, collect, &c), FEDNS_OK);
		ck_assert_uint_gt(c.calls, 1);
		ck_assert_str_eq(c.text, whole);
		free(whole);
	}
	free(c.text);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_callback_can_stop_the_render)
{
	fedns_deployment *dep;
	fedns_recordset *rs = large(&dep);
	struct collect c = {NULL, 0, 0, 2};

	ck_assert_int_eq(fedns_render_to(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, collect, &c),
			 FEDNS_ECALLBACK);
	ck_assert_uint_eq(c.calls, 2);
	ck_assert_int_eq(fedns_render_to(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, NULL, NULL),
			 FEDNS_EINVAL);
	free(c.text);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_names_of_enumerations)
{
	ck_assert_str_eq(fedns_purpose_name(FEDNS_PURPOSE_EXTERNAL_ACCESS), "external-access");
	ck_assert_str_eq(fedns_purpose_name(FEDNS_PURPOSE_ONLINE), "online");
	ck_assert_ptr_null(fedns_purpose_name(3));
	ck_assert_ptr_null(fedns_purpose_name(0x400));
	ck_assert_str_eq(fedns_rrtype_name(FEDNS_RR_CNAME), "CNAME");
	ck_assert_ptr_null(fedns_rrtype_name(2));
	ck_assert_str_eq(fedns_severity_name(FEDNS_SEVERITY_WARNING), "warning");
	ck_assert_ptr_null(fedns_severity_name(0));
	ck_assert_str_eq(fedns_status_name(FEDNS_ECALLBACK), "FEDNS_ECALLBACK");
	ck_assert_str_eq(fedns_status_name(-1), "FEDNS_UNKNOWN");
	ck_assert_str_eq(fedns_strerror(FEDNS_ESPACE), "buffer too small");
	ck_assert_str_eq(fedns_strerror(99), "unknown status");
	ck_assert_str_eq(fedns_version_string(), FEDNS_VERSION_STRING);
	ck_assert_int_eq(fedns_version_number(), FEDNS_VERSION_NUMBER);
}
END_TEST

/* One online domain without external access: only R9's CNAMEs and SRVs. */
static fedns_recordset *online(fedns_deployment **dep)
{
	fedns_sip_domain *d;
	fedns_recordset *rs;

	ck_assert_int_eq(fedns_deployment_new(dep), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(*dep, "fabrikam.com", &d), FEDNS_OK);
	ck_assert_int_eq(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_HOSTING, FEDNS_HOSTING_ONLINE), 0);
	ck_assert_int_eq(fedns_deployment_derive(*dep, &rs), FEDNS_OK);
	return rs;
}

#define C_R9D "This SIP domain is served by Microsoft 365: autodiscover goes to Microsoft's " \
	      "online web directory."
#define C_R9A "This SIP domain is served by Microsoft 365: clients that look up sip find " \
	      "Microsoft's online directory."

START_TEST(test_cname_in_zone)
{
	char *got;
	fedns_deployment *dep;
	fedns_recordset *rs = online(&dep);

	got = fixture_render(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN);
	ck_assert_ptr_nonnull(strstr(got, "; online: " C_R9D "\n"
				     "lyncdiscover.fabrikam.com. 3600 IN CNAME webdir.online.lync.com.\n"
				     "\n"
				     "; online: " C_R9A "\n"
				     "sip.fabrikam.com. 3600 IN CNAME sipdir.online.lync.com.\n"));
	ck_assert_ptr_nonnull(strstr(got, "_sip._tls.fabrikam.com. 3600 IN SRV 100 1 443 "
				     "sipdir.online.lync.com.\n"));
	free(got);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_cname_in_table_csv_and_json)
{
	char *got;
	fedns_deployment *dep;
	fedns_recordset *rs = online(&dep);

	got = fixture_render(rs, FEDNS_FORMAT_TABLE, FEDNS_LANG_EN);
	ck_assert_ptr_nonnull(strstr(got, "\nExternal DNS/CNAME     sip.fabrikam.com                     "
				     "sipdir.online.lync.com  " C_R9A "\n"));
	free(got);
	got = fixture_render(rs, FEDNS_FORMAT_CSV, FEDNS_LANG_EN);
	ck_assert_ptr_nonnull(strstr(got, "\r\nexternal,CNAME,sip.fabrikam.com.,3600,,,,"
				     "sipdir.online.lync.com.,,online," C_R9A "\r\n"));
	free(got);
	got = fixture_render(rs, FEDNS_FORMAT_JSON, FEDNS_LANG_EN);
	ck_assert_ptr_nonnull(strstr(got, "{\"owner\":\"sip.fabrikam.com.\",\"type\":\"CNAME\","
				     "\"ttl\":3600,\"target\":\"sipdir.online.lync.com.\","
				     "\"location\":\"external\",\"purposes\":[\"online\"],"
				     "\"comment\":\"" C_R9A "\"}\n"));
	free(got);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

/* Pieces are written in place when they surely fit and piece by piece when
 * they may not: at every buffer size, every format gives the same prefix,
 * NUL-terminated, and nothing past the NUL. */
START_TEST(test_buffer_every_size_every_format)
{
	fedns_deployment *dep;
	fedns_recordset *rs = fixture_full(&dep);
	int format = _i / 2, lang = _i % 2;
	char *whole = fixture_render(rs, format, lang);
	size_t len = strlen(whole), cap, need;
	char *buf = malloc(len + 2);

	ck_assert_ptr_nonnull(buf);
	for (cap = 1; cap <= len + 1; cap++) {
		memset(buf, 'x', len + 2);
		need = 0;
		ck_assert_int_eq(fedns_render(rs, format, lang, buf, cap, &need),
				 cap > len ? FEDNS_OK : FEDNS_ESPACE);
		ck_assert_uint_eq(need, len);
		ck_assert_int_eq(memcmp(buf, whole, cap - 1), 0);
		ck_assert_int_eq(buf[cap - 1], '\0');
		ck_assert_int_eq(buf[cap], 'x');
	}
	free(buf);
	free(whole);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

struct chunks {
	size_t len, calls, stop_after, short_ones;
	const char *want;
};

static int chunk(void *ud, const char *data, size_t len)
{
	struct chunks *c = ud;

	ck_assert_int_eq(memcmp(data, c->want + c->len, len), 0);
	c->short_ones += len != FEDNS_SINK_CHUNK;
	c->len += len;
	return ++c->calls == c->stop_after;
}

/* Every format through the callback: full chunks but the last, the same
 * bytes as the buffer; a stop at any chunk ends the render there. */
START_TEST(test_callback_chunks_and_stops_every_format)
{
	fedns_deployment *dep;
	fedns_recordset *rs = fixture_tenants(&dep, 300);
	int format = _i / 2, lang = _i % 2;
	char *whole = fixture_render(rs, format, lang);
	struct chunks c = {0, 0, 0, 0, whole};
	size_t stop, calls;

	ck_assert_int_eq(fedns_render_to(rs, format, lang, chunk, &c), FEDNS_OK);
	ck_assert_uint_eq(c.len, strlen(whole));
	ck_assert_uint_eq(c.short_ones, c.len % FEDNS_SINK_CHUNK != 0);
	calls = c.calls;
	ck_assert_uint_gt(calls, 1);
	for (stop = 1; stop <= calls; stop++) {
		struct chunks d = {0, 0, stop, 0, whole};

		ck_assert_int_eq(fedns_render_to(rs, format, lang, chunk, &d), FEDNS_ECALLBACK);
		ck_assert_uint_eq(d.calls, stop);
	}
	free(whole);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

/* Numbers of every length, in room and at the end of a buffer. */
START_TEST(test_sink_numbers)
{
	static const struct {
		uint64_t v;
		const char *text;
	} cases[] = {
		{0, "0"}, {7, "7"}, {10, "10"}, {99, "99"}, {100, "100"}, {443, "443"},
		{3600, "3600"}, {9999, "9999"}, {10000, "10000"}, {65535, "65535"},
		{86400, "86400"}, {4294967295u, "4294967295"}, {4294967296u, "4294967296"},
		{UINT64_MAX, "18446744073709551615"},
	};
	size_t i, cap;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = strlen(cases[i].text);
		char digits[20], *end = fedns_sink_digits(digits, cases[i].v);

		ck_assert_uint_eq((size_t)(end - digits), n);
		ck_assert_int_eq(memcmp(digits, cases[i].text, n), 0);
		for (cap = 1; cap <= n + 1; cap++) {
			struct fedns_sink s;
			char buf[24];

			fedns_sink_buffer(&s, buf, cap);
			fedns_sink_putu(&s, cases[i].v);
			ck_assert_int_eq(fedns_sink_finish(&s), cap > n ? FEDNS_OK : FEDNS_ESPACE);
			ck_assert_uint_eq(s.total, n);
			ck_assert_int_eq(strncmp(buf, cases[i].text, cap - 1), 0);
			ck_assert_uint_eq(strlen(buf), cap - 1 < n ? cap - 1 : n);
		}
	}
}
END_TEST

static int refuse(void *ud, const char *data, size_t len)
{
	(void)ud;
	(void)data;
	(void)len;
	return 1;
}

/* After the callback stops the render, every piece is only counted: in
 * place, piece by piece, or a number. */
START_TEST(test_sink_after_a_stop)
{
	static struct fedns_sink s;
	char big[FEDNS_SINK_CHUNK + 10];

	memset(big, 'a', sizeof(big));
	fedns_sink_callback(&s, refuse, NULL);
	fedns_sink_put(&s, big, sizeof(big));
	ck_assert_ptr_null(fedns_sink_room(&s, 1));
	fedns_sink_put(&s, "b", 1);
	fedns_sink_putu(&s, 12345);
	fedns_sink_pad(&s, 40);
	ck_assert_uint_eq(s.total, sizeof(big) + 1 + 5 + 40);
	ck_assert_int_eq(fedns_sink_finish(&s), FEDNS_ECALLBACK);
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("render");
	TCase *t = tcase_create("formats");

	tcase_add_test(t, test_zone_groups_with_purpose_comment_lines);
	tcase_add_test(t, test_zone_one_comment_above_the_addresses_of_a_name);
	tcase_add_test(t, test_table_seed_columns_english);
	tcase_add_test(t, test_table_seed_columns_chinese_aligned_by_display_width);
	tcase_add_test(t, test_csv_rfc4180_quotes_and_crlf);
	tcase_add_test(t, test_json_shape_of_spec_6);
	tcase_add_test(t, test_json_escapes_quotes_and_lists_diagnostics);
	tcase_add_test(t, test_render_is_byte_deterministic);
	tcase_add_test(t, test_buffer_snprintf_contract);
	tcase_add_test(t, test_callback_gets_the_same_bytes_in_chunks);
	tcase_add_test(t, test_callback_can_stop_the_render);
	tcase_add_test(t, test_cname_in_zone);
	tcase_add_test(t, test_cname_in_table_csv_and_json);
	tcase_add_test(t, test_names_of_enumerations);
	tcase_add_loop_test(t, test_buffer_every_size_every_format, 2 * FEDNS_FORMAT_ZONE,
			    2 * (FEDNS_FORMAT_OCTODNS + 1));
	tcase_add_loop_test(t, test_callback_chunks_and_stops_every_format,
			    2 * FEDNS_FORMAT_ZONE, 2 * (FEDNS_FORMAT_OCTODNS + 1));
	tcase_add_test(t, test_sink_numbers);
	tcase_add_test(t, test_sink_after_a_stop);
	suite_add_tcase(s, t);
	return s;
}
