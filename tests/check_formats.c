/* The formats of issue 7 (SPEC 6): markdown, sheet, nsupdate, powershell and
 * octodns. Exact output for fixed deployments in both languages, the zone
 * split they share (lib/zone_split.c), escaping of what each format treats
 * as syntax, and the buffer and callback contracts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "recordset.h"
#include "test.h"
#include "zone_split.h"

#define C_R1 "Access Edge service external interface: external users, public IM and federation " \
	     "partners connect here. Repeat for every SIP domain with Lync-enabled users."
#define C_R1_ZH "访问边缘服务外部接口：外部用户、公共即时消息和联盟伙伴连接到此处。" \
		"根据需要对包含启用了 Lync 的用户的所有 SIP 域重复。"
#define C_R2 "Remote user sign-in through the Access Edge service (not needed when clients " \
	     "are configured by Group Policy)."
#define C_R2_ZH "远程用户通过访问边缘服务登录（如果通过组策略配置客户端，则不需要）。"
#define C_R3 "Lets other SIP federation partners discover this domain's Access Edge external " \
	     "interface by automatic DNS discovery (\"allowed SIP domains\", formerly " \
	     "\"enhanced federation\"). Repeat for every SIP domain with Lync-enabled users."
#define C_R4 "Required by the Push Notification Clearing House for Lync Mobile clients, even " \
	     "without partner discovery; publish one for every SIP domain with mobile clients."
#define C_R5S "XMPP proxy external interface on the Access Edge service or Edge pool. Repeat " \
	      "for every SIP domain with Lync-enabled users allowed to contact XMPP contacts."
#define C_R5A "Points to the Access Edge service or Edge pool hosting the XMPP proxy."
#define C_WEB "Web Conferencing Edge service external interface."
#define C_AV "A/V Edge service external interface."

#define FORMAT_FIRST FEDNS_FORMAT_MARKDOWN
#define FORMAT_LAST FEDNS_FORMAT_OCTODNS


/* Two SIP domains, one pool of two members with IPv4 and IPv6 addresses, a
 * web conferencing edge under no SIP domain and an A/V edge under the
 * second domain; TTL one day, one hour, one minute and one second. */
static fedns_recordset *zones(fedns_deployment **dep)
{
	fedns_edge_pool *p;
	fedns_recordset *rs;

	*dep = fixture_contoso(NULL, &p);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(*dep, "fabrikam.com", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(*dep, FEDNS_OPT_TTL, 90061), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_set(p, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_DNS), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.11"), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "2001:db8::10"), 0);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_WEBCONF, "webconf.edge.example.net"),
			 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_WEBCONF, "131.107.155.20"), 0);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_AV, "av.fabrikam.com"), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_AV, "131.107.155.30"), 0);
	ck_assert_msg(fedns_deployment_derive(*dep, &rs) == FEDNS_OK, "%s",
		      fedns_deployment_last_error(*dep));
	return rs;
}

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

/* ---- markdown ---- */

START_TEST(test_markdown_seed_table_english)
{
	expect_render(fixture_small, FEDNS_FORMAT_MARKDOWN, FEDNS_LANG_EN,
		"| Location/Type/Port | FQDN | IP address/FQDN | Comment |\n"
		"| --- | --- | --- | --- |\n"
		"| External DNS/SRV/443 | `_sip._tls.contoso.com` | `sip.contoso.com` | " C_R2 " |\n"
		"| External DNS/A | `sip.contoso.com` | `131.107.155.10` | " C_R1 " |\n");
}
END_TEST

START_TEST(test_markdown_seed_table_chinese)
{
	expect_render(fixture_small, FEDNS_FORMAT_MARKDOWN, FEDNS_LANG_ZH_CN,
		"| 位置/类型/端口 | FQDN | IP 地址/FQDN | 映射位置/注释 |\n"
		"| --- | --- | --- | --- |\n"
		"| 外部 DNS/SRV/443 | `_sip._tls.contoso.com` | `sip.contoso.com` | " C_R2_ZH " |\n"
		"| 外部 DNS/A | `sip.contoso.com` | `131.107.155.10` | " C_R1_ZH " |\n");
}
END_TEST

/* ---- sheet ---- */

START_TEST(test_sheet_one_section_per_zone_english)
{
	expect_render(zones, FEDNS_FORMAT_SHEET, FEDNS_LANG_EN,
		"Zone: contoso.com\n"
		"\n"
		"Type  Service  Protocol  Name  Priority  Weight  Port  Target/Address   TTL\n"
		"----  -------  --------  ----  --------  ------  ----  ---------------  -----\n"
		"SRV   _sip     _tls      @     0         0       443   sip.contoso.com  90061\n"
		"A                        sip                           131.107.155.10   90061\n"
		"A                        sip                           131.107.155.11   90061\n"
		"AAAA                     sip                           2001:db8::10     90061\n"
		"\n"
		"Zone: fabrikam.com\n"
		"\n"
		"Type  Service  Protocol  Name  Priority  Weight  Port  Target/Address    TTL\n"
		"----  -------  --------  ----  --------  ------  ----  ----------------  -----\n"
		"SRV   _sip     _tls      @     0         0       443   sip.fabrikam.com  90061\n"
		"A                        sip                           131.107.155.10    90061\n"
		"A                        sip                           131.107.155.11    90061\n"
		"AAAA                     sip                           2001:db8::10      90061\n"
		"A                        av                            131.107.155.30    90061\n"
		"\n"
		"Zone: edge.example.net\n"
		"\n"
		"Type  Service  Protocol  Name     Priority  Weight  Port  Target/Address  TTL\n"
		"----  -------  --------  -------  --------  ------  ----  --------------  -----\n"
		"A                        webconf                          131.107.155.20  90061\n");
}
END_TEST

START_TEST(test_sheet_chinese_headings_aligned_by_display_width)
{
	expect_render(fixture_full, FEDNS_FORMAT_SHEET, FEDNS_LANG_ZH_CN,
		"区域：contoso.com\n"
		"\n"
		"类型  服务               协议  名称  优先级  权重  端口  目标/地址         TTL\n"
		"----  -----------------  ----  ----  ------  ----  ----  ----------------  ----\n"
		"SRV   _sip               _tls  @     0       0     443   sip.contoso.com   3600\n"
		"SRV   _sipfederationtls  _tcp  @     0       0     5061  sip.contoso.com   3600\n"
		"SRV   _xmpp-server       _tcp  @     0       0     5269  xmpp.contoso.com  3600\n"
		"A                              sip                       131.107.155.10    3600\n"
		"A                              xmpp                      131.107.155.10    3600\n");
}
END_TEST

/* ---- nsupdate ---- */

START_TEST(test_nsupdate_block_per_zone_absolute_names)
{
	expect_render(fixture_full, FEDNS_FORMAT_NSUPDATE, FEDNS_LANG_EN,
		"zone contoso.com.\n"
		"; external-access: " C_R2 "\n"
		"update add _sip._tls.contoso.com. 3600 IN SRV 0 0 443 sip.contoso.com.\n"
		"; federation-discovery, mobility-push: " C_R3 "; " C_R4 "\n"
		"update add _sipfederationtls._tcp.contoso.com. 3600 IN SRV 0 0 5061 sip.contoso.com.\n"
		"; xmpp: " C_R5S "\n"
		"update add _xmpp-server._tcp.contoso.com. 3600 IN SRV 0 0 5269 xmpp.contoso.com.\n"
		"; external-access, public-im: " C_R1 "\n"
		"update add sip.contoso.com. 3600 IN A 131.107.155.10\n"
		"; xmpp: " C_R5A "\n"
		"update add xmpp.contoso.com. 3600 IN A 131.107.155.10\n"
		"send\n");
}
END_TEST

START_TEST(test_nsupdate_zones_and_names_outside_every_sip_domain)
{
	expect_render(zones, FEDNS_FORMAT_NSUPDATE, FEDNS_LANG_ZH_CN,
		"zone contoso.com.\n"
		"; external-access: " C_R2_ZH "\n"
		"update add _sip._tls.contoso.com. 90061 IN SRV 0 0 443 sip.contoso.com.\n"
		"; external-access: " C_R1_ZH "\n"
		"update add sip.contoso.com. 90061 IN A 131.107.155.10\n"
		"update add sip.contoso.com. 90061 IN A 131.107.155.11\n"
		"update add sip.contoso.com. 90061 IN AAAA 2001:db8::10\n"
		"send\n"
		"\n"
		"zone fabrikam.com.\n"
		"; external-access: " C_R2_ZH "\n"
		"update add _sip._tls.fabrikam.com. 90061 IN SRV 0 0 443 sip.fabrikam.com.\n"
		"; external-access: " C_R1_ZH "\n"
		"update add sip.fabrikam.com. 90061 IN A 131.107.155.10\n"
		"update add sip.fabrikam.com. 90061 IN A 131.107.155.11\n"
		"update add sip.fabrikam.com. 90061 IN AAAA 2001:db8::10\n"
		"; av: A/V 边缘服务外部接口。\n"
		"update add av.fabrikam.com. 90061 IN A 131.107.155.30\n"
		"send\n"
		"\n"
		"zone edge.example.net.\n"
		"; webconf: Web 会议边缘服务外部接口。\n"
		"update add webconf.edge.example.net. 90061 IN A 131.107.155.20\n"
		"send\n");
}
END_TEST

/* ---- zone split ---- */

/* The zone of each record of `rs`, one "zone owner" line each, zone by zone. */
static char *zone_lines(const fedns_recordset *rs)
{
	char *out = calloc(1, 1), line[600];
	size_t len = 0, z, k;
	struct fedns_zones zs;

	ck_assert_ptr_nonnull(out);
	ck_assert_int_eq(fedns_zone_split(rs, &zs), FEDNS_OK);
	for (z = 0; z < zs.nzones; z++) {
		const struct fedns_zone *zone = &zs.zones[z];

		for (k = 0; k < zone->count; k++) {
			size_t n = (size_t)snprintf(line, sizeof(line), "%s %s\n",
						    FEDNS_ZONE_NAME(&zs, zone),
						    FEDNS_TEXT(rs, rs->items[zs.items[zone->start + k]].owner));

			out = realloc(out, len + n + 1);
			ck_assert_ptr_nonnull(out);
			memcpy(out + len, line, n + 1);
			len += n;
		}
	}
	fedns_zones_clear(rs, &zs);
	return out;
}

START_TEST(test_zone_split_longest_sip_domain_wins)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_recordset *rs;
	char *got;

	/* eu.contoso.com's names belong to its own zone, not to contoso.com:
	 * a parent zone cannot hold names below a child zone's cut. */
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "EU.Contoso.com.", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_derive(dep, &rs), FEDNS_OK);
	got = zone_lines(rs);
	ck_assert_str_eq(got, "contoso.com _sip._tls.contoso.com.\n"
			      "contoso.com sip.contoso.com.\n"
			      "eu.contoso.com _sip._tls.eu.contoso.com.\n"
			      "eu.contoso.com sip.eu.contoso.com.\n");
	free(got);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_zone_split_of_one_domain_knows_every_sip_domain)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_recordset *rs;
	char *got;

	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "eu.contoso.com", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_derive_domain(dep, "eu.contoso.com", &rs), FEDNS_OK);
	got = zone_lines(rs);
	ck_assert_str_eq(got, "eu.contoso.com _sip._tls.eu.contoso.com.\n"
			      "eu.contoso.com sip.eu.contoso.com.\n");
	free(got);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_zone_split_shared_access_edge_fqdn)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);
	fedns_recordset *rs;
	char *got;

	/* One access edge name for two domains, with no SRV record (V10 would
	 * refuse the SRV target outside fabrikam.com): the A record is at a
	 * name under contoso.com, whichever domain asked for it. */
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_EXTERNAL_ACCESS, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_ACCESS, "edge.corp.contoso.com"), 0);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_derive(dep, &rs), FEDNS_OK);
	got = zone_lines(rs);
	ck_assert_str_eq(got, "contoso.com edge.corp.contoso.com.\n");
	free(got);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

/* ---- powershell ---- */

START_TEST(test_powershell_cmdlets_of_spec_6)
{
	expect_render(fixture_full, FEDNS_FORMAT_POWERSHELL, FEDNS_LANG_EN,
		"# external-access: " C_R2 "\n"
		"Add-DnsServerResourceRecord -ZoneName \"contoso.com\" -Srv -Name \"_sip._tls\" "
		"-DomainName \"sip.contoso.com\" -Priority 0 -Weight 0 -Port 443 -TimeToLive 01:00:00\n"
		"\n"
		"# federation-discovery, mobility-push: " C_R3 "; " C_R4 "\n"
		"Add-DnsServerResourceRecord -ZoneName \"contoso.com\" -Srv "
		"-Name \"_sipfederationtls._tcp\" -DomainName \"sip.contoso.com\" -Priority 0 -Weight 0 "
		"-Port 5061 -TimeToLive 01:00:00\n"
		"\n"
		"# xmpp: " C_R5S "\n"
		"Add-DnsServerResourceRecord -ZoneName \"contoso.com\" -Srv -Name \"_xmpp-server._tcp\" "
		"-DomainName \"xmpp.contoso.com\" -Priority 0 -Weight 0 -Port 5269 "
		"-TimeToLive 01:00:00\n"
		"\n"
		"# external-access, public-im: " C_R1 "\n"
		"Add-DnsServerResourceRecordA -ZoneName \"contoso.com\" -Name \"sip\" "
		"-IPv4Address \"131.107.155.10\" -TimeToLive 01:00:00\n"
		"\n"
		"# xmpp: " C_R5A "\n"
		"Add-DnsServerResourceRecordA -ZoneName \"contoso.com\" -Name \"xmpp\" "
		"-IPv4Address \"131.107.155.10\" -TimeToLive 01:00:00\n");
}
END_TEST

START_TEST(test_powershell_aaaa_days_and_other_zones)
{
	expect_render(zones, FEDNS_FORMAT_POWERSHELL, FEDNS_LANG_EN,
		"# external-access: " C_R2 "\n"
		"Add-DnsServerResourceRecord -ZoneName \"contoso.com\" -Srv -Name \"_sip._tls\" "
		"-DomainName \"sip.contoso.com\" -Priority 0 -Weight 0 -Port 443 "
		"-TimeToLive 1.01:01:01\n"
		"\n"
		"# external-access: " C_R1 "\n"
		"Add-DnsServerResourceRecordA -ZoneName \"contoso.com\" -Name \"sip\" "
		"-IPv4Address \"131.107.155.10\" -TimeToLive 1.01:01:01\n"
		"Add-DnsServerResourceRecordA -ZoneName \"contoso.com\" -Name \"sip\" "
		"-IPv4Address \"131.107.155.11\" -TimeToLive 1.01:01:01\n"
		"Add-DnsServerResourceRecordAAAA -ZoneName \"contoso.com\" -Name \"sip\" "
		"-IPv6Address \"2001:db8::10\" -TimeToLive 1.01:01:01\n"
		"\n"
		"# external-access: " C_R2 "\n"
		"Add-DnsServerResourceRecord -ZoneName \"fabrikam.com\" -Srv -Name \"_sip._tls\" "
		"-DomainName \"sip.fabrikam.com\" -Priority 0 -Weight 0 -Port 443 "
		"-TimeToLive 1.01:01:01\n"
		"\n"
		"# external-access: " C_R1 "\n"
		"Add-DnsServerResourceRecordA -ZoneName \"fabrikam.com\" -Name \"sip\" "
		"-IPv4Address \"131.107.155.10\" -TimeToLive 1.01:01:01\n"
		"Add-DnsServerResourceRecordA -ZoneName \"fabrikam.com\" -Name \"sip\" "
		"-IPv4Address \"131.107.155.11\" -TimeToLive 1.01:01:01\n"
		"Add-DnsServerResourceRecordAAAA -ZoneName \"fabrikam.com\" -Name \"sip\" "
		"-IPv6Address \"2001:db8::10\" -TimeToLive 1.01:01:01\n"
		"\n"
		"# av: " C_AV "\n"
		"Add-DnsServerResourceRecordA -ZoneName \"fabrikam.com\" -Name \"av\" "
		"-IPv4Address \"131.107.155.30\" -TimeToLive 1.01:01:01\n"
		"\n"
		"# webconf: " C_WEB "\n"
		"Add-DnsServerResourceRecordA -ZoneName \"edge.example.net\" -Name \"webconf\" "
		"-IPv4Address \"131.107.155.20\" -TimeToLive 1.01:01:01\n");
}
END_TEST

/* The -TimeToLive of a one-record deployment with TTL `ttl`. */
static void expect_timespan(int64_t ttl, const char *want)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_recordset *rs;
	char *got, *at;

	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_EXTERNAL_ACCESS, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_TTL, ttl), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_derive(dep, &rs), FEDNS_OK);
	got = fixture_render(rs, FEDNS_FORMAT_POWERSHELL, FEDNS_LANG_EN);
	at = strstr(got, " -TimeToLive ");
	ck_assert_ptr_nonnull(at);
	ck_assert_str_eq(at + strlen(" -TimeToLive "), want);
	free(got);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}

START_TEST(test_powershell_timespan_forms)
{
	expect_timespan(0, "00:00:00\n");
	expect_timespan(59, "00:00:59\n");
	expect_timespan(86399, "23:59:59\n");
	expect_timespan(86400, "1.00:00:00\n");
	expect_timespan(2147483647, "24855.03:14:07\n");
}
END_TEST

START_TEST(test_powershell_apex_name_is_at)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);
	fedns_recordset *rs;
	char *got;

	/* An A/V edge named like a SIP domain sits at that zone's apex. */
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "av.example.net", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_EXTERNAL_ACCESS, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_AV, "av.example.net"), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_AV, "131.107.155.30"), 0);
	ck_assert_int_eq(fedns_deployment_derive(dep, &rs), FEDNS_OK);
	got = fixture_render(rs, FEDNS_FORMAT_POWERSHELL, FEDNS_LANG_EN);
	ck_assert_ptr_nonnull(strstr(got, "Add-DnsServerResourceRecordA -ZoneName \"av.example.net\" "
					  "-Name \"@\" -IPv4Address \"131.107.155.30\""));
	free(got);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

/* ---- octodns ---- */

#define OCTO_HEADER "---\n# octoDNS records, one top-level key per zone: its value is that " \
		    "zone's YamlProvider file (ZONE.yaml).\n"

START_TEST(test_octodns_sorted_keys_and_lenient_marker)
{
	expect_render(fixture_full, FEDNS_FORMAT_OCTODNS, FEDNS_LANG_EN,
		OCTO_HEADER
		"contoso.com.:\n"
		"  # external-access: " C_R2 "\n"
		"  _sip._tls:\n"
		"    ttl: 3600\n"
		"    type: SRV\n"
		"    value:\n"
		"      port: 443\n"
		"      priority: 0\n"
		"      target: sip.contoso.com.\n"
		"      weight: 0\n"
		"  # federation-discovery, mobility-push: " C_R3 "; " C_R4 "\n"
		"  _sipfederationtls._tcp:\n"
		"    octodns:\n"
		"      lenient: true\n"
		"    ttl: 3600\n"
		"    type: SRV\n"
		"    value:\n"
		"      port: 5061\n"
		"      priority: 0\n"
		"      target: sip.contoso.com.\n"
		"      weight: 0\n"
		"  # xmpp: " C_R5S "\n"
		"  _xmpp-server._tcp:\n"
		"    ttl: 3600\n"
		"    type: SRV\n"
		"    value:\n"
		"      port: 5269\n"
		"      priority: 0\n"
		"      target: xmpp.contoso.com.\n"
		"      weight: 0\n"
		"  # external-access, public-im: " C_R1 "\n"
		"  sip:\n"
		"    ttl: 3600\n"
		"    type: A\n"
		"    value: '131.107.155.10'\n"
		"  # xmpp: " C_R5A "\n"
		"  xmpp:\n"
		"    ttl: 3600\n"
		"    type: A\n"
		"    value: '131.107.155.10'\n");
}
END_TEST

START_TEST(test_octodns_zones_lists_and_values_chinese)
{
	expect_render(zones, FEDNS_FORMAT_OCTODNS, FEDNS_LANG_ZH_CN,
		"---\n# octoDNS 记录，每个区域一个顶级键：其值即该区域的 YamlProvider 文件"
		"（ZONE.yaml）。\n"
		"contoso.com.:\n"
		"  # external-access: " C_R2_ZH "\n"
		"  _sip._tls:\n"
		"    ttl: 90061\n"
		"    type: SRV\n"
		"    value:\n"
		"      port: 443\n"
		"      priority: 0\n"
		"      target: sip.contoso.com.\n"
		"      weight: 0\n"
		"  # external-access: " C_R1_ZH "\n"
		"  sip:\n"
		"    - ttl: 90061\n"
		"      type: A\n"
		"      values:\n"
		"        - '131.107.155.10'\n"
		"        - '131.107.155.11'\n"
		"    - ttl: 90061\n"
		"      type: AAAA\n"
		"      value: '2001:db8::10'\n"
		"edge.example.net.:\n"
		"  # webconf: Web 会议边缘服务外部接口。\n"
		"  webconf:\n"
		"    ttl: 90061\n"
		"    type: A\n"
		"    value: '131.107.155.20'\n"
		"fabrikam.com.:\n"
		"  # external-access: " C_R2_ZH "\n"
		"  _sip._tls:\n"
		"    ttl: 90061\n"
		"    type: SRV\n"
		"    value:\n"
		"      port: 443\n"
		"      priority: 0\n"
		"      target: sip.fabrikam.com.\n"
		"      weight: 0\n"
		"  # av: A/V 边缘服务外部接口。\n"
		"  av:\n"
		"    ttl: 90061\n"
		"    type: A\n"
		"    value: '131.107.155.30'\n"
		"  # external-access: " C_R1_ZH "\n"
		"  sip:\n"
		"    - ttl: 90061\n"
		"      type: A\n"
		"      values:\n"
		"        - '131.107.155.10'\n"
		"        - '131.107.155.11'\n"
		"    - ttl: 90061\n"
		"      type: AAAA\n"
		"      value: '2001:db8::10'\n");
}
END_TEST

START_TEST(test_octodns_natural_order_and_yaml_words_quoted)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);
	fedns_recordset *rs;
	char *got;

	/* octoDNS's loader wants natsort order: 9 before 10, though "1" < "9".
	 * An XMPP host label "on" is a YAML 1.1 boolean unless quoted. */
	ck_assert_int_eq(fedns_deployment_set(dep, FEDNS_OPT_EXTERNAL_ACCESS, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "tenant10.example", NULL), 0);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "tenant9.example", NULL), 0);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_WEBCONF, "edge10.contoso.com"), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_WEBCONF, "131.107.155.20"), 0);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_AV, "edge9.contoso.com"), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_AV, "131.107.155.30"), 0);
	ck_assert_int_eq(fedns_edge_pool_set_access_edge_host(p, "on"), 0);
	ck_assert_int_eq(fedns_deployment_derive(dep, &rs), FEDNS_OK);
	got = fixture_render(rs, FEDNS_FORMAT_OCTODNS, FEDNS_LANG_EN);
	ck_assert_str_eq(got, OCTO_HEADER
		"contoso.com.:\n"
		"  # av: " C_AV "\n"
		"  edge9:\n"
		"    ttl: 3600\n"
		"    type: A\n"
		"    value: '131.107.155.30'\n"
		"  # webconf: " C_WEB "\n"
		"  edge10:\n"
		"    ttl: 3600\n"
		"    type: A\n"
		"    value: '131.107.155.20'\n"
		"  # external-access: " C_R1 "\n"
		"  'on':\n"
		"    ttl: 3600\n"
		"    type: A\n"
		"    value: '131.107.155.10'\n"
		"tenant9.example.:\n"
		"  # external-access: " C_R1 "\n"
		"  'on':\n"
		"    ttl: 3600\n"
		"    type: A\n"
		"    value: '131.107.155.10'\n"
		"tenant10.example.:\n"
		"  # external-access: " C_R1 "\n"
		"  'on':\n"
		"    ttl: 3600\n"
		"    type: A\n"
		"    value: '131.107.155.10'\n");
	free(got);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_octodns_apex_key_is_empty_string)
{
	fedns_edge_pool *p;
	fedns_deployment *dep = fixture_contoso(NULL, &p);
	fedns_recordset *rs;
	char *got;

	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "av.example.net", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_AV, "av.example.net"), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_AV, "131.107.155.30"), 0);
	ck_assert_int_eq(fedns_deployment_derive(dep, &rs), FEDNS_OK);
	got = fixture_render(rs, FEDNS_FORMAT_OCTODNS, FEDNS_LANG_EN);
	ck_assert_ptr_nonnull(strstr(got, "av.example.net.:\n"
					  "  # av: " C_AV "\n"
					  "  '':\n"
					  "    ttl: 3600\n"));
	free(got);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_octodns_empty_set_is_an_empty_mapping)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_sip_domain *d;
	fedns_recordset *rs;
	char *got;
	int format;

	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "nobody.example", &d), FEDNS_OK);
	ck_assert_int_eq(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_USERS, 0), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_derive_domain(dep, "nobody.example", &rs), FEDNS_OK);
	ck_assert_uint_eq(fedns_recordset_count(rs), 0);
	got = fixture_render(rs, FEDNS_FORMAT_OCTODNS, FEDNS_LANG_EN);
	ck_assert_str_eq(got, OCTO_HEADER "{}\n");
	free(got);
	/* The other per-zone formats have nothing to say. */
	for (format = FEDNS_FORMAT_SHEET; format <= FEDNS_FORMAT_POWERSHELL; format++) {
		char buf[4] = "x";
		size_t need = 1;

		ck_assert_int_eq(fedns_render(rs, format, FEDNS_LANG_EN, buf, sizeof(buf), &need),
				 FEDNS_OK);
		ck_assert_uint_eq(need, 0);
		ck_assert_str_eq(buf, "");
	}
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

/* ---- what every format escapes ---- */

/* `rs` with every comment replaced, in both languages, by `text`: the
 * renderers must keep any text on its line and inert. */
static void set_comments(fedns_recordset *rs, const char *text)
{
	size_t at = fedns__arena_str(&rs->text, &rs->alloc, text), i;

	ck_assert_uint_ne(at, FEDNS_NO_TEXT);
	for (i = 0; i < rs->ncomments; i++)
		rs->comments[i].text[FEDNS_LANG_EN] = rs->comments[i].text[FEDNS_LANG_ZH_CN] = at;
}

#define HOSTILE "a|b\nzone evil.\r\x7f*x* \xc2\x85\xe2\x80\xa8[l](u) `c` $v \"q\" 'y'"

START_TEST(test_comments_stay_on_their_line)
{
	fedns_deployment *dep;
	fedns_recordset *rs = fixture_small(&dep);
	char *got;

	set_comments(rs, HOSTILE);
	got = fixture_render(rs, FEDNS_FORMAT_NSUPDATE, FEDNS_LANG_EN);
	ck_assert_ptr_nonnull(strstr(got, "; external-access: a|b zone evil.  *x*   [l](u) `c` $v "
					  "\"q\" 'y'\nupdate add"));
	free(got);
	got = fixture_render(rs, FEDNS_FORMAT_POWERSHELL, FEDNS_LANG_EN);
	ck_assert_ptr_nonnull(strstr(got, "# external-access: a|b zone evil.  *x*   [l](u) `c` $v "
					  "\"q\" 'y'\nAdd-Dns"));
	free(got);
	got = fixture_render(rs, FEDNS_FORMAT_OCTODNS, FEDNS_LANG_EN);
	ck_assert_ptr_nonnull(strstr(got, "  # external-access: a|b zone evil.  *x*   [l](u) `c` $v "
					  "\"q\" 'y'\n  _sip._tls:\n"));
	free(got);
	got = fixture_render(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN);
	ck_assert_ptr_nonnull(strstr(got, "; external-access: a|b zone evil.  *x*   [l](u) `c` $v "
					  "\"q\" 'y'\n_sip._tls"));
	free(got);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_markdown_escapes_cell_syntax)
{
	fedns_deployment *dep;
	fedns_recordset *rs = fixture_small(&dep);
	char *got;

	set_comments(rs, HOSTILE " \\ <b> & ~~s~~ _u_");
	got = fixture_render(rs, FEDNS_FORMAT_MARKDOWN, FEDNS_LANG_EN);
	ck_assert_ptr_nonnull(strstr(got, "| `sip.contoso.com` | a\\|b zone evil.  \\*x\\*   \\[l\\](u) "
					  "\\`c\\` $v \"q\" 'y' \\\\ \\<b\\> \\& \\~\\~s\\~\\~ "
					  "\\_u\\_ |\n"));
	free(got);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

/* ---- contracts ---- */

START_TEST(test_formats_are_byte_deterministic)
{
	fedns_deployment *dep;
	fedns_recordset *rs = zones(&dep), *again;
	int format, lang;

	ck_assert_int_eq(fedns_deployment_derive(dep, &again), FEDNS_OK);
	for (format = FORMAT_FIRST; format <= FORMAT_LAST; format++)
		for (lang = FEDNS_LANG_EN; lang <= FEDNS_LANG_ZH_CN; lang++) {
			char *a = fixture_render(rs, format, lang);
			char *b = fixture_render(again, format, lang);

			ck_assert_str_eq(a, b);
			ck_assert_uint_gt(strlen(a), 0);
			free(a);
			free(b);
		}
	fedns_recordset_free(again);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

struct collect {
	char *text;
	size_t len, calls;
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
	c->calls++;
	return 0;
}

/* Many zones, so that every format crosses several callback chunks. */
static fedns_recordset *large(fedns_deployment **dep)
{
	fedns_recordset *rs = fixture_tenants(dep, 1500);
	struct fedns_zones zs;

	ck_assert_int_eq(fedns_zone_split(rs, &zs), FEDNS_OK);
	ck_assert_uint_eq(zs.nzones, 1501);
	fedns_zones_clear(rs, &zs);
	return rs;
}

START_TEST(test_buffer_and_callback_give_the_same_bytes)
{
	fedns_deployment *dep;
	fedns_recordset *rs = large(&dep);
	int format, lang;

	for (format = FORMAT_FIRST; format <= FORMAT_LAST; format++)
		for (lang = FEDNS_LANG_EN; lang <= FEDNS_LANG_ZH_CN; lang++) {
			struct collect c = {NULL, 0, 0};
			char *whole = fixture_render(rs, format, lang);
			size_t need = 0;
			char cut[100];

			ck_assert_int_eq(fedns_render_to(rs, format, lang, collect, &c), FEDNS_OK);
			ck_assert_uint_gt(c.calls, 1);
			ck_assert_str_eq(c.text, whole);
			/* A short buffer gets the start and the full length. */
			ck_assert_int_eq(fedns_render(rs, format, lang, cut, sizeof(cut), &need),
					 FEDNS_ESPACE);
			ck_assert_uint_eq(need, strlen(whole));
			ck_assert_int_eq(strncmp(cut, whole, sizeof(cut) - 1), 0);
			free(whole);
			free(c.text);
		}
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_new_formats_check_their_arguments)
{
	fedns_deployment *dep;
	fedns_recordset *rs = fixture_small(&dep);
	size_t need = 0;

	ck_assert_int_eq(fedns_render(rs, FEDNS_FORMAT_OCTODNS, 2, NULL, 0, &need), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_render(rs, FORMAT_LAST + 1, FEDNS_LANG_EN, NULL, 0, &need),
			 FEDNS_EINVAL);
	ck_assert_int_eq(fedns_render(NULL, FEDNS_FORMAT_SHEET, FEDNS_LANG_EN, NULL, 0, &need),
			 FEDNS_EINVAL);
	ck_assert_int_eq(fedns_render_to(rs, FEDNS_FORMAT_NSUPDATE, FEDNS_LANG_EN, NULL, NULL),
			 FEDNS_EINVAL);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

/* ---- allocation failure in the zone split ---- */

/* Fails allocation number `fail_at` (counting from 0), and every later one
 * when `forever`; counts the live blocks. */
struct faults {
	long count, fail_at, live;
	int forever;
};

static int fault_now(struct faults *f)
{
	long n = f->count++;

	return f->fail_at >= 0 && (n == f->fail_at || (f->forever && n > f->fail_at));
}

static void *f_malloc(void *ud, size_t size)
{
	struct faults *f = ud;
	void *p = fault_now(f) ? NULL : malloc(size);

	f->live += p != NULL;
	return p;
}

static void *f_realloc(void *ud, void *ptr, size_t size)
{
	struct faults *f = ud;
	void *p = fault_now(f) ? NULL : realloc(ptr, size);

	f->live += p != NULL && ptr == NULL;
	return p;
}

static void f_free(void *ud, void *ptr)
{
	struct faults *f = ud;

	f->live -= ptr != NULL;
	free(ptr);
}

/* The zones() deployment (a fallback zone, two SIP domains) on `f`. */
static fedns_deployment *zones_with(struct faults *f)
{
	fedns_deployment *dep;
	fedns_edge_pool *p;

	ck_assert_int_eq(fedns_deployment_new_with_allocator(f_malloc, f_realloc, f_free, f, &dep),
			 FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "contoso.com", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL), FEDNS_OK);
	ck_assert_int_eq(fedns_deployment_add_edge_pool(dep, "edge", &p), FEDNS_OK);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.10"), 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "2001:db8::10"), 0);
	ck_assert_int_eq(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_WEBCONF, "webconf.edge.example.net"),
			 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(p, FEDNS_EDGE_WEBCONF, "131.107.155.20"), 0);
	return dep;
}

START_TEST(test_derive_fails_cleanly_at_every_allocation)
{
	char *want = NULL;
	int forever;

	for (forever = 0; forever <= 1; forever++) {
		long n;

		for (n = 0;; n++) {
			struct faults f = {0, -1, 0, forever};
			fedns_deployment *dep = zones_with(&f);
			fedns_recordset *rs = NULL;
			fedns_status st;

			f.fail_at = f.count + n;
			st = fedns_deployment_derive(dep, &rs);
			f.fail_at = -1;
			if (st == FEDNS_OK) {
				char *got = fixture_render(rs, FEDNS_FORMAT_OCTODNS, FEDNS_LANG_EN);

				if (!want) {
					want = got;
				} else {
					ck_assert_str_eq(got, want);
					free(got);
				}
			} else {
				ck_assert_int_eq(st, FEDNS_ENOMEM);
				ck_assert_ptr_null(rs);
			}
			fedns_recordset_free(rs);
			fedns_deployment_free(dep);
			ck_assert_int_eq(f.live, 0);
			if (st == FEDNS_OK)
				break;
			ck_assert_int_lt(n, 10000);
		}
	}
	ck_assert_ptr_nonnull(strstr(want, "edge.example.net.:\n"));
	free(want);
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("formats");
	TCase *md = tcase_create("markdown"), *sheet = tcase_create("sheet");
	TCase *ns = tcase_create("nsupdate"), *split = tcase_create("zone-split");
	TCase *ps = tcase_create("powershell"), *octo = tcase_create("octodns");
	TCase *esc = tcase_create("escaping"), *contract = tcase_create("contracts");

	tcase_add_test(md, test_markdown_seed_table_english);
	tcase_add_test(md, test_markdown_seed_table_chinese);
	tcase_add_test(sheet, test_sheet_one_section_per_zone_english);
	tcase_add_test(sheet, test_sheet_chinese_headings_aligned_by_display_width);
	tcase_add_test(ns, test_nsupdate_block_per_zone_absolute_names);
	tcase_add_test(ns, test_nsupdate_zones_and_names_outside_every_sip_domain);
	tcase_add_test(split, test_zone_split_longest_sip_domain_wins);
	tcase_add_test(split, test_zone_split_of_one_domain_knows_every_sip_domain);
	tcase_add_test(split, test_zone_split_shared_access_edge_fqdn);
	tcase_add_test(ps, test_powershell_cmdlets_of_spec_6);
	tcase_add_test(ps, test_powershell_aaaa_days_and_other_zones);
	tcase_add_test(ps, test_powershell_timespan_forms);
	tcase_add_test(ps, test_powershell_apex_name_is_at);
	tcase_add_test(octo, test_octodns_sorted_keys_and_lenient_marker);
	tcase_add_test(octo, test_octodns_zones_lists_and_values_chinese);
	tcase_add_test(octo, test_octodns_natural_order_and_yaml_words_quoted);
	tcase_add_test(octo, test_octodns_apex_key_is_empty_string);
	tcase_add_test(octo, test_octodns_empty_set_is_an_empty_mapping);
	tcase_add_test(esc, test_comments_stay_on_their_line);
	tcase_add_test(esc, test_markdown_escapes_cell_syntax);
	tcase_add_test(contract, test_formats_are_byte_deterministic);
	tcase_add_test(contract, test_buffer_and_callback_give_the_same_bytes);
	tcase_add_test(contract, test_new_formats_check_their_arguments);
	tcase_add_test(contract, test_derive_fails_cleanly_at_every_allocation);
	suite_add_tcase(s, md);
	suite_add_tcase(s, sheet);
	suite_add_tcase(s, ns);
	suite_add_tcase(s, split);
	suite_add_tcase(s, ps);
	suite_add_tcase(s, octo);
	suite_add_tcase(s, esc);
	suite_add_tcase(s, contract);
	return s;
}
