/* IPv4 and IPv6 literals, SPEC 5 and V5: rules N8-N11 and the address half
 * of N12 (docs/names.md). */
#include <string.h>

#include "address.h"
#include "fedns/fedns.h"
#include "test.h"

#define MSG 512

/* Parses `in`, which must be valid, and returns its canonical text. */
static const char *canonical(const char *in, char *out)
{
	struct fedns_address a;
	char why[MSG];

	ck_assert_msg(fedns_address_parse(in, &a, why, sizeof why), "\"%s\": %s", in, why);
	ck_assert_str_eq(why, "");
	fedns_address_format(&a, out);
	return out;
}

/* A refused literal: its English reason from parse, its Chinese one. */
struct bad_case {
	const char *in, *en, *zh;
};

static void check_bad(const struct bad_case *c)
{
	struct fedns_address a;
	char en[MSG], zh[MSG];

	memset(&a, 0x5a, sizeof a);
	ck_assert_msg(!fedns_address_parse(c->in, &a, en, sizeof en), "\"%s\" accepted", c->in);
	ck_assert_int_eq(a.family, 0);
	ck_assert_str_eq(en, c->en);
	if (c->zh) {
		fedns_address_error_text_zh(c->in, zh, sizeof zh);
		ck_assert_str_eq(zh, c->zh);
	}
}

/* ---- N8: dotted-quad IPv4, no leading zeros ---- */

static const char *const n8_good[] = {
	"0.0.0.0", "255.255.255.255", "192.0.2.1", "10.0.0.1", "1.2.3.4", "100.64.0.0",
};

START_TEST(test_N8_ipv4_accepted)
{
	struct fedns_address a;
	char out[FEDNS_ADDRESS_BUF];

	ck_assert_int_eq(fedns_address_parse(n8_good[_i], &a, NULL, 0), 1);
	ck_assert_int_eq(a.family, 4);
	ck_assert_str_eq(canonical(n8_good[_i], out), n8_good[_i]);
}
END_TEST

START_TEST(test_N8_ipv4_bytes)
{
	struct fedns_address a;

	ck_assert_int_eq(fedns_address_parse("192.0.2.255", &a, NULL, 0), 1);
	ck_assert_int_eq(a.bytes[0], 192);
	ck_assert_int_eq(a.bytes[1], 0);
	ck_assert_int_eq(a.bytes[2], 2);
	ck_assert_int_eq(a.bytes[3], 255);
}
END_TEST

static const struct bad_case n8_bad[] = {
	{ "0127.0.0.1",
	  "\"0127.0.0.1\" is not a valid IPv4 address: part 1 \"0127\" has a leading zero (not "
	  "allowed: some software reads it as octal)",
	  "“0127.0.0.1”不是有效的 IPv4 地址：第 1 段“0127”有前导零"
	  "（不允许：有些软件把它读作八进制）" },
	{ "256.1.1.1", "\"256.1.1.1\" is not a valid IPv4 address: part 1 \"256\" is over 255",
	  "“256.1.1.1”不是有效的 IPv4 地址：第 1 段“256”大于 255" },
	{ "1.2.3",
	  "\"1.2.3\" is not a valid IPv4 address: an IPv4 address has 4 parts (like 192.0.2.1), "
	  "not 3",
	  "“1.2.3”不是有效的 IPv4 地址：IPv4 地址应有 4 段（如 192.0.2.1），而不是 3 段" },
	{ "1.2.3.4.5",
	  "\"1.2.3.4.5\" is not a valid IPv4 address: an IPv4 address has 4 parts (like "
	  "192.0.2.1), not 5",
	  NULL },
	{ "3232235777",
	  "\"3232235777\" is not a valid IPv4 address: part 1 \"3232235777\" is over 255", NULL },
	{ "1..2.3", "\"1..2.3\" is not a valid IPv4 address: part 2 is empty",
	  "“1..2.3”不是有效的 IPv4 地址：第 2 段为空" },
	{ "1.2.3.", "\"1.2.3.\" is not a valid IPv4 address: part 4 is empty", NULL },
	{ ".1.2.3", "\".1.2.3\" is not a valid IPv4 address: part 1 is empty", NULL },
	{ "1.2.3.256", "\"1.2.3.256\" is not a valid IPv4 address: part 4 \"256\" is over 255",
	  NULL },
	{ "1.2.3.1000", "\"1.2.3.1000\" is not a valid IPv4 address: part 4 \"1000\" is over 255",
	  NULL },
	{ "00.0.0.0",
	  "\"00.0.0.0\" is not a valid IPv4 address: part 1 \"00\" has a leading zero (not "
	  "allowed: some software reads it as octal)",
	  NULL },
	{ "0x7f.0.0.1",
	  "\"0x7f.0.0.1\" is not a valid IPv4 address: part 1 \"0x7f\" is not a decimal number",
	  "“0x7f.0.0.1”不是有效的 IPv4 地址：第 1 段“0x7f”不是十进制数" },
	{ "1.2.3.-1", "\"1.2.3.-1\" is not a valid IPv4 address: part 4 \"-1\" is not a decimal "
		      "number",
	  NULL },
	{ " 1.2.3.4", "\" 1.2.3.4\" is not a valid IPv4 address: it contains a space", NULL },
	{ "1.2.3.4 ", "\"1.2.3.4 \" is not a valid IPv4 address: it contains a space",
	  "“1.2.3.4 ”不是有效的 IPv4 地址：含有空格" },
	{ "1.2.3.4\n", "\"1.2.3.4\\n\" is not a valid IPv4 address: it contains control "
		       "character 0x0a",
	  "“1.2.3.4\\n”不是有效的 IPv4 地址：含有控制字符 0x0a" },
	{ "1.2.3.4;", "\"1.2.3.4;\" is not a valid IPv4 address: part 4 \"4;\" is not a decimal "
		      "number",
	  NULL },
	{ "1.2.3.4/32",
	  "\"1.2.3.4/32\" is not a valid IPv4 address: it has a prefix length \"/32\" (give one "
	  "address, not a network)",
	  "“1.2.3.4/32”不是有效的 IPv4 地址：含有前缀长度“/32”（请给出单个地址，而不是网络）" },
	{ "192.0.2.1:5061",
	  "\"192.0.2.1:5061\" is not a valid IPv4 address: it has a port \":5061\" (give the "
	  "address alone)",
	  "“192.0.2.1:5061”不是有效的 IPv4 地址：含有端口“:5061”（只写地址本身）" },
	{ "", "the address is empty", "地址为空" },
	{ NULL, "the address is empty", "地址为空" },
	{ "sip.example.com",
	  "\"sip.example.com\" is not an IP address: it has 's' (an IPv4 address has only "
	  "digits and dots, an IPv6 address only hex digits and colons)",
	  "“sip.example.com”不是 IP 地址：含有 's'"
	  "（IPv4 地址只含数字和点，IPv6 地址只含十六进制数字和冒号）" },
	{ "'1.2.3.4'",
	  "\"'1.2.3.4'\" is not an IP address: it has '\\'' (an IPv4 address has only digits "
	  "and dots, an IPv6 address only hex digits and colons)",
	  NULL },
	{ "\"1.2.3.4\"",
	  "\"\\\"1.2.3.4\\\"\" is not an IP address: it has '\"' (an IPv4 address has only "
	  "digits and dots, an IPv6 address only hex digits and colons)",
	  NULL },
	{ "$1.2.3.4",
	  "\"$1.2.3.4\" is not an IP address: it has '$' (an IPv4 address has only digits and "
	  "dots, an IPv6 address only hex digits and colons)",
	  NULL },
	{ "1.2.3.4\xc2\xa0",
	  "\"1.2.3.4\\xc2\\xa0\" is not a valid IPv4 address: it contains the non-ASCII byte "
	  "0xc2",
	  "“1.2.3.4\\xc2\\xa0”不是有效的 IPv4 地址：含有非 ASCII 字节 0xc2" },
};

/* fedns_address_parse() takes plain dotted quads by a shortcut: on the
 * edges and on random strings of their characters it must say what the
 * full parser says, byte for byte. */
static unsigned long next_random(unsigned long *state)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 16) & 0x7fff;
}

START_TEST(test_N8_dotted_quad_shortcut_agrees_with_the_full_parser)
{
	static const char *const edges[] = {
		"0.0.0.0", "255.255.255.255", "256.1.1.1", "1.2.3.256", "01.2.3.4", "1.2.3.04",
		"1.2.3", "1.2.3.4.", ".1.2.3.4", "1..2.3", "1.2.3.4.5", "1000.1.1.1", "1.2.3.4:5",
		"1.2.3.4 ", "", "::1", "::ffff:1.2.3.4", "1.2.3.4/24", "a.b.c.d", "0.0.0.00",
	};
	static const char chars[] = "0123456789..:a ";
	struct fedns_address want, got;
	char in[32], why_got[128], why_want[128];
	unsigned long state = 7;
	size_t i;
	int round;

	ck_assert_int_eq(fedns_address_parse(NULL, &got, NULL, 0), 0);
	for (round = 0; round < 100000; round++) {
		const char *s = in;

		if ((size_t)round < sizeof(edges) / sizeof(edges[0])) {
			s = edges[round];
		} else {
			size_t n = next_random(&state) % 18;

			for (i = 0; i < n; i++)
				in[i] = next_random(&state) % 3 ? chars[next_random(&state) % 11] :
					chars[next_random(&state) % (sizeof(chars) - 1)];
			in[n] = '\0';
		}
		memset(&want, 0, sizeof(want));
		memset(&got, 0, sizeof(got));
		ck_assert_int_eq(fedns_address_parse(s, &got, why_got, sizeof(why_got)),
				 fedns__address_parse_full(s, &want, why_want, sizeof(why_want)));
		ck_assert_int_eq(got.family, want.family);
		ck_assert_mem_eq(got.bytes, want.bytes, sizeof(got.bytes));
		ck_assert_str_eq(why_got, why_want);
	}
}
END_TEST

START_TEST(test_N8_ipv4_rejected)
{
	check_bad(&n8_bad[_i]);
}
END_TEST

/* ---- N9: RFC 4291 section 2.2 IPv6 text ---- */

static const struct {
	const char *in;
	uint8_t bytes[16];
} n9_good[] = {
	{ "::", { 0 } },
	{ "::1", { [15] = 1 } },
	{ "1::", { 0, 1 } },
	{ "1:2:3:4:5:6:7::", { 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0 } },
	{ "::2:3:4:5:6:7:8", { 0, 0, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8 } },
	{ "1:2:3:4:5:6:7:8", { 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8 } },
	{ "2001:DB8::0001", { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 } },
	{ "2001:db8:0:0:1:0:0:1", { 0x20, 0x01, 0x0d, 0xb8, [9] = 1, [15] = 1 } },
	{ "FFFF:ffff:FfFf:ffff:ffff:ffff:ffff:ffff",
	  { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	    0xff, 0xff } },
	{ "::ffff:192.0.2.1", { [10] = 0xff, 0xff, 192, 0, 2, 1 } },
	{ "::FFFF:c000:0201", { [10] = 0xff, 0xff, 192, 0, 2, 1 } },
	{ "::192.0.2.1", { [12] = 192, 0, 2, 1 } },
	{ "1:2:3:4:5:6:1.2.3.4", { 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 1, 2, 3, 4 } },
	{ "1::1.2.3.4", { 0, 1, [12] = 1, 2, 3, 4 } },
	{ "0000:0000:0000:0000:0000:0000:0000:0000", { 0 } },
	{ "fe80::", { 0xfe, 0x80 } },
	{ "1:0::2", { 0, 1, [15] = 2 } },
};

START_TEST(test_N9_ipv6_accepted)
{
	struct fedns_address a;
	char why[MSG];

	ck_assert_msg(fedns_address_parse(n9_good[_i].in, &a, why, sizeof why), "%s", why);
	ck_assert_int_eq(a.family, 6);
	ck_assert_mem_eq(a.bytes, n9_good[_i].bytes, 16);
}
END_TEST

static const struct bad_case n9_bad[] = {
	{ ":::", "\":::\" is not a valid IPv6 address: it has ':::' (at most two colons in a row)",
	  "“:::”不是有效的 IPv6 地址：含有 ':::'（最多只能连续两个冒号）" },
	{ "1:::2",
	  "\"1:::2\" is not a valid IPv6 address: it has ':::' (at most two colons in a row)",
	  NULL },
	{ "1::2::3",
	  "\"1::2::3\" is not a valid IPv6 address: '::' appears twice (it may stand for only "
	  "one run of zero groups)",
	  "“1::2::3”不是有效的 IPv6 地址：'::' 出现了两次（只能代表一段连续的零组）" },
	{ "::1::", "\"::1::\" is not a valid IPv6 address: '::' appears twice (it may stand for "
		   "only one run of zero groups)",
	  NULL },
	{ ":1::", "\":1::\" is not a valid IPv6 address: it starts with a single ':' (write '::' "
		  "or drop it)",
	  "“:1::”不是有效的 IPv6 地址：以单个 ':' 开头（请写成 '::' 或删去）" },
	{ ":", "\":\" is not a valid IPv6 address: it starts with a single ':' (write '::' or "
	       "drop it)",
	  NULL },
	{ "1:", "\"1:\" is not a valid IPv6 address: it ends with a single ':' (write '::' or "
		"drop it)",
	  "“1:”不是有效的 IPv6 地址：以单个 ':' 结尾（请写成 '::' 或删去）" },
	{ "1:2:3:4:5:6:7:8:9",
	  "\"1:2:3:4:5:6:7:8:9\" is not a valid IPv6 address: it has too many groups (8 at "
	  "most, 7 with '::'; an IPv4 tail counts as 2)",
	  "“1:2:3:4:5:6:7:8:9”不是有效的 IPv6 地址：组太多（最多 8 组，使用 '::' 时最多 7 组；IPv4 "
	  "尾部算 2 组）" },
	{ "1:2:3:4:5:6:7:8::",
	  "\"1:2:3:4:5:6:7:8::\" is not a valid IPv6 address: it has too many groups (8 at "
	  "most, 7 with '::'; an IPv4 tail counts as 2)",
	  NULL },
	{ "::1:2:3:4:5:6:7:8",
	  "\"::1:2:3:4:5:6:7:8\" is not a valid IPv6 address: it has too many groups (8 at "
	  "most, 7 with '::'; an IPv4 tail counts as 2)",
	  NULL },
	{ "1:2:3:4::5:6:7:8",
	  "\"1:2:3:4::5:6:7:8\" is not a valid IPv6 address: it has too many groups (8 at "
	  "most, 7 with '::'; an IPv4 tail counts as 2)",
	  NULL },
	{ "1:2:3:4:5:6:7:1.2.3.4",
	  "\"1:2:3:4:5:6:7:1.2.3.4\" is not a valid IPv6 address: it has too many groups (8 "
	  "at most, 7 with '::'; an IPv4 tail counts as 2)",
	  NULL },
	{ "1:2:3:4:5:6:7",
	  "\"1:2:3:4:5:6:7\" is not a valid IPv6 address: it has 7 groups, not 8 (write '::' "
	  "for a run of zero groups)",
	  "“1:2:3:4:5:6:7”不是有效的 IPv6 地址：有 7 组，而不是 8 组（连续的零组可写成 '::'）" },
	{ "12345::",
	  "\"12345::\" is not a valid IPv6 address: group \"12345\" has more than 4 hex digits",
	  "“12345::”不是有效的 IPv6 地址：组“12345”超过 4 个十六进制数字" },
	{ "::00001", "\"::00001\" is not a valid IPv6 address: group \"00001\" has more than 4 "
		     "hex digits",
	  NULL },
	{ "2001:db8::g",
	  "\"2001:db8::g\" is not a valid IPv6 address: group \"g\" has 'g', which is not a hex "
	  "digit",
	  "“2001:db8::g”不是有效的 IPv6 地址：组“g”含有 'g'，它不是十六进制数字" },
	{ "fe80::1%eth0",
	  "\"fe80::1%eth0\" is not a valid IPv6 address: it has a zone index \"%eth0\" (a DNS "
	  "record cannot carry one)",
	  "“fe80::1%eth0”不是有效的 IPv6 地址：含有区域索引“%eth0”（DNS 记录不能携带它）" },
	{ "[2001:db8::1]",
	  "\"[2001:db8::1]\" is not a valid IPv6 address: it has brackets (write the bare "
	  "address, without [ ])",
	  "“[2001:db8::1]”不是有效的 IPv6 地址：含有方括号（请写不带 [ ] 的地址）" },
	{ "2001:db8::/32",
	  "\"2001:db8::/32\" is not a valid IPv6 address: it has a prefix length \"/32\" (give "
	  "one address, not a network)",
	  NULL },
	{ "::ffff:1.2.3",
	  "\"::ffff:1.2.3\" is not a valid IPv6 address: its IPv4 tail \"1.2.3\" has 3 parts, "
	  "not 4",
	  "“::ffff:1.2.3”不是有效的 IPv6 地址：其 IPv4 尾部“1.2.3”有 3 段，而不是 4 段" },
	{ "::ffff:256.1.1.1",
	  "\"::ffff:256.1.1.1\" is not a valid IPv6 address: part 1 \"256\" of its IPv4 tail "
	  "\"256.1.1.1\" is over 255",
	  "“::ffff:256.1.1.1”不是有效的 IPv6 地址：其 IPv4 尾部“256.1.1.1”的第 1 段“256”大于 255" },
	{ "::ffff:1.2.3.04",
	  "\"::ffff:1.2.3.04\" is not a valid IPv6 address: part 4 \"04\" of its IPv4 tail "
	  "\"1.2.3.04\" has a leading zero (not allowed: some software reads it as octal)",
	  NULL },
	{ "::ffff:1..3.4",
	  "\"::ffff:1..3.4\" is not a valid IPv6 address: part 2 of its IPv4 tail \"1..3.4\" "
	  "is empty",
	  NULL },
	{ "::ffff:1.2.3.a",
	  "\"::ffff:1.2.3.a\" is not a valid IPv6 address: part 4 \"a\" of its IPv4 tail "
	  "\"1.2.3.a\" is not a decimal number",
	  NULL },
	{ "::1.2.3.4:5",
	  "\"::1.2.3.4:5\" is not a valid IPv6 address: the IPv4 part \"1.2.3.4\" must come "
	  "last",
	  "“::1.2.3.4:5”不是有效的 IPv6 地址：IPv4 部分“1.2.3.4”必须位于末尾" },
	{ "1.2.3.4::",
	  "\"1.2.3.4::\" is not a valid IPv6 address: the IPv4 part \"1.2.3.4\" must come last",
	  NULL },
	{ "2001:db8::1 ",
	  "\"2001:db8::1 \" is not a valid IPv6 address: it contains a space", NULL },
	{ "gggg", "\"gggg\" is not an IP address: it has 'g' (an IPv4 address has only digits "
		  "and dots, an IPv6 address only hex digits and colons)",
	  NULL },
};

START_TEST(test_N9_ipv6_rejected)
{
	check_bad(&n9_bad[_i]);
}
END_TEST

/* A long refused literal is quoted up to 60 bytes, then cut with "...". */
START_TEST(test_N9_long_input_cut)
{
	char in[200], en[MSG];
	struct fedns_address a;
	size_t i;

	for (i = 0; i < 100; i++)
		in[i] = i % 5 == 4 ? ':' : '1';
	in[100] = '\0';
	ck_assert_int_eq(fedns_address_parse(in, &a, en, sizeof en), 0);
	ck_assert_int_eq(strncmp(en, "\"1111:1111:", 11), 0);
	ck_assert_ptr_nonnull(strstr(en, "1111:\"... is not a valid IPv6 address: "));
	ck_assert_uint_eq((size_t)(strstr(en, "\"...") - en), 61);
}
END_TEST

/* ---- N10: RFC 5952 text ---- */

static const struct {
	const char *in, *out;
} n10_text[] = {
	/* 4.2.3: the first of two equal runs */
	{ "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1" },
	/* 4.1 leading zeros, 4.3 lower case */
	{ "2001:DB8::0001", "2001:db8::1" },
	{ "2001:0db8:0000:0000:0000:0000:0002:0001", "2001:db8::2:1" },
	{ "2001:0DB8:00AB:0C00:000D:E000:0000:0001", "2001:db8:ab:c00:d:e000:0:1" },
	/* 4.2.2: never one group */
	{ "2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1" },
	{ "1:2:3:4:5:6:0:8", "1:2:3:4:5:6:0:8" },
	{ "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0" },
	{ "::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8" },
	/* 4.2.3: the longest run */
	{ "1:0:0:2:0:0:0:3", "1:0:0:2::3" },
	{ "0:0:1:0:0:0:1:0", "0:0:1::1:0" },
	{ "0:0:1:0:0:1:0:0", "::1:0:0:1:0:0" },
	{ "1:0:0:0:1:0:0:0", "1::1:0:0:0" },
	{ "0:0:0:0:0:0:0:0", "::" },
	{ "0:0:0:0:0:0:0:1", "::1" },
	{ "1:0:0:0:0:0:0:0", "1::" },
	{ "1:0:0:0:0:0:0:2", "1::2" },
	{ "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" },
	/* section 5: IPv4-mapped keeps its dotted tail */
	{ "::ffff:192.0.2.1", "::ffff:192.0.2.1" },
	{ "::FFFF:c000:0201", "::ffff:192.0.2.1" },
	{ "0:0:0:0:0:ffff:0:0", "::ffff:0.0.0.0" },
	{ "::ffff:255.255.255.255", "::ffff:255.255.255.255" },
	/* other embeddings are not well known to fedns: plain hex */
	{ "::192.0.2.1", "::c000:201" },
	{ "::fffe:192.0.2.1", "::fffe:c000:201" },
	{ "1::ffff:192.0.2.1", "1::ffff:c000:201" },
	/* IPv4 */
	{ "192.0.2.1", "192.0.2.1" },
	{ "0.10.100.255", "0.10.100.255" },
};

START_TEST(test_N10_rfc5952_text)
{
	char out[FEDNS_ADDRESS_BUF], again[FEDNS_ADDRESS_BUF];
	struct fedns_address a;
	size_t len;

	ck_assert_int_eq(fedns_address_parse(n10_text[_i].in, &a, NULL, 0), 1);
	len = fedns_address_format(&a, out);
	ck_assert_str_eq(out, n10_text[_i].out);
	ck_assert_uint_eq(len, strlen(out));
	/* Canonical text is a fixed point. */
	ck_assert_str_eq(canonical(out, again), out);
}
END_TEST

START_TEST(test_N10_format_unknown_family)
{
	struct fedns_address a;
	char out[FEDNS_ADDRESS_BUF] = "x";

	memset(&a, 0, sizeof a);
	ck_assert_uint_eq(fedns_address_format(&a, out), 0);
	ck_assert_str_eq(out, "");
}
END_TEST

/* ---- N11: V5's public and non-public ranges, at each boundary ---- */

static const struct {
	const char *in;
	int is_public;
} n11_ranges[] = {
	/* 0/8 */
	{ "0.0.0.0", 0 }, { "0.255.255.255", 0 }, { "1.0.0.0", 1 },
	/* 10/8 */
	{ "9.255.255.255", 1 }, { "10.0.0.0", 0 }, { "10.255.255.255", 0 }, { "11.0.0.0", 1 },
	/* 100.64/10 */
	{ "100.63.255.255", 1 }, { "100.64.0.0", 0 }, { "100.127.255.255", 0 },
	{ "100.128.0.0", 1 },
	/* 127/8 */
	{ "126.255.255.255", 1 }, { "127.0.0.0", 0 }, { "127.0.0.1", 0 },
	{ "127.255.255.255", 0 }, { "128.0.0.0", 1 },
	/* 169.254/16 */
	{ "169.253.255.255", 1 }, { "169.254.0.0", 0 }, { "169.254.255.255", 0 },
	{ "169.255.0.0", 1 },
	/* 172.16/12 */
	{ "172.15.255.255", 1 }, { "172.16.0.0", 0 }, { "172.31.255.255", 0 },
	{ "172.32.0.0", 1 },
	/* 192.168/16 */
	{ "192.167.255.255", 1 }, { "192.168.0.0", 0 }, { "192.168.255.255", 0 },
	{ "192.169.0.0", 1 },
	/* 224/4 and 240/4 */
	{ "223.255.255.255", 1 }, { "224.0.0.0", 0 }, { "239.255.255.255", 0 },
	{ "240.0.0.0", 0 }, { "255.255.255.255", 0 },
	/* documentation ranges count as public */
	{ "192.0.2.1", 1 }, { "198.51.100.1", 1 }, { "203.0.113.1", 1 },
	/* :: and ::1 */
	{ "::", 0 }, { "::1", 0 }, { "::2", 1 },
	/* ::ffff:0:0/96 */
	{ "::fffe:ffff:ffff", 1 }, { "::ffff:0:0", 0 }, { "::ffff:192.0.2.1", 0 },
	{ "::ffff:ffff:ffff", 0 }, { "0:0:0:0:1::", 1 }, { "::1:ffff:0:0", 1 },
	/* fc00::/7 */
	{ "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 1 }, { "fc00::", 0 },
	{ "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 0 }, { "fe00::", 1 },
	/* fe80::/10 */
	{ "fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 1 }, { "fe80::", 0 },
	{ "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 0 },
	/* fec0::/10 */
	{ "fec0::", 0 }, { "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 0 },
	/* ff00::/8 */
	{ "ff00::", 0 }, { "ff02::1", 0 }, { "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 0 },
	/* documentation and ordinary global addresses */
	{ "2001:db8::1", 1 }, { "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", 1 },
	{ "2001:4860:4860::8888", 1 }, { "::192.0.2.1", 1 }, { "64:ff9b::192.0.2.1", 1 },
};

START_TEST(test_N11_v5_public_ranges)
{
	struct fedns_address a;

	ck_assert_int_eq(fedns_address_parse(n11_ranges[_i].in, &a, NULL, 0), 1);
	ck_assert_msg(fedns_address_is_public(&a) == n11_ranges[_i].is_public, "%s: expected %s",
		      n11_ranges[_i].in, n11_ranges[_i].is_public ? "public" : "non-public");
}
END_TEST

START_TEST(test_N11_unknown_family_not_public)
{
	struct fedns_address a;

	memset(&a, 0, sizeof a);
	ck_assert_int_eq(fedns_address_is_public(&a), 0);
}
END_TEST

/* ---- N12: ordering and the public entry point ---- */

static const struct {
	const char *a, *b;
	int order;
} n12_order[] = {
	{ "192.0.2.1", "192.0.2.1", 0 },
	{ "192.0.2.1", "192.0.2.2", -1 },
	{ "192.0.2.10", "192.0.2.9", 1 },
	{ "9.0.0.0", "10.0.0.0", -1 },
	{ "255.255.255.255", "::", -1 },
	{ "::", "0.0.0.0", 1 },
	{ "2001:db8::1", "2001:DB8:0::0001", 0 },
	{ "2001:db8::2", "2001:db8::10", -1 },
	{ "::ffff:192.0.2.1", "192.0.2.1", 1 },
};

START_TEST(test_N12_compare)
{
	struct fedns_address a, b;

	ck_assert_int_eq(fedns_address_parse(n12_order[_i].a, &a, NULL, 0), 1);
	ck_assert_int_eq(fedns_address_parse(n12_order[_i].b, &b, NULL, 0), 1);
	ck_assert_int_eq(fedns_address_compare(&a, &b), n12_order[_i].order);
	ck_assert_int_eq(fedns_address_compare(&b, &a), -n12_order[_i].order);
}
END_TEST

START_TEST(test_N12_normalize_ok)
{
	char out[FEDNS_ADDRESS_BUF], why[64] = "unchanged";

	ck_assert_int_eq(fedns_address_normalize("2001:DB8:0:0:1:0:0:1", out, sizeof out, why,
						 sizeof why),
			 FEDNS_OK);
	ck_assert_str_eq(out, "2001:db8::1:0:0:1");
	ck_assert_str_eq(why, "");
	ck_assert_int_eq(fedns_address_normalize("192.0.2.1", out, sizeof out, NULL, 99),
			 FEDNS_OK);
	ck_assert_str_eq(out, "192.0.2.1");
	/* 46 bytes always suffice. */
	ck_assert_int_eq(fedns_address_normalize("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", out,
						 46, NULL, 0),
			 FEDNS_OK);
}
END_TEST

START_TEST(test_N12_normalize_einval)
{
	char out[16] = "x", why[16] = "x";

	ck_assert_int_eq(fedns_address_normalize(NULL, out, sizeof out, why, sizeof why),
			 FEDNS_EINVAL);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(why, "");
	ck_assert_int_eq(fedns_address_normalize("::1", NULL, 16, NULL, 0), FEDNS_EINVAL);
}
END_TEST

START_TEST(test_N12_normalize_espace)
{
	char out[16];

	/* "192.0.2.1" needs 10 bytes with its NUL. */
	ck_assert_int_eq(fedns_address_normalize("192.0.2.1", out, 9, NULL, 0), FEDNS_ESPACE);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(fedns_address_normalize("192.0.2.1", out, 10, NULL, 0), FEDNS_OK);
	ck_assert_str_eq(out, "192.0.2.1");
	/* The canonical form, not the input, is what must fit. */
	ck_assert_int_eq(fedns_address_normalize("0000:0000::0001", out, 4, NULL, 0), FEDNS_OK);
	ck_assert_str_eq(out, "::1");
	memset(out, 'z', sizeof out);
	ck_assert_int_eq(fedns_address_normalize("::1", out, 0, NULL, 0), FEDNS_ESPACE);
	ck_assert_int_eq(out[0], 'z');
}
END_TEST

START_TEST(test_N12_normalize_ebadaddr_why)
{
	char out[FEDNS_ADDRESS_BUF], why[MSG], small[12];

	ck_assert_int_eq(fedns_address_normalize("256.1.1.1", out, sizeof out, why, sizeof why),
			 FEDNS_EBADADDR);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(why, "\"256.1.1.1\" is not a valid IPv4 address: part 1 \"256\" is over "
			      "255");
	memset(small, 'z', sizeof small);
	ck_assert_int_eq(fedns_address_normalize("256.1.1.1", out, sizeof out, small,
						 sizeof small),
			 FEDNS_EBADADDR);
	ck_assert_str_eq(small, "\"256.1.1.1\"");
	ck_assert_int_eq(fedns_address_normalize("::1::", out, sizeof out, NULL, 0),
			 FEDNS_EBADADDR);
	small[0] = 'z';
	ck_assert_int_eq(fedns_address_normalize("::1::", out, sizeof out, small, 0),
			 FEDNS_EBADADDR);
	ck_assert_int_eq(small[0], 'z');
}
END_TEST

/* The Chinese reason is cut on a character boundary, never inside one. */
START_TEST(test_N12_zh_cut_on_character)
{
	char full[MSG], zh[64];
	size_t cap = 14 + (size_t)_i, len;

	fedns_address_error_text_zh("256.1.1.1", full, sizeof full);
	fedns_address_error_text_zh("256.1.1.1", zh, cap);
	len = strlen(zh);
	ck_assert_uint_lt(len, cap);
	ck_assert_int_eq(strncmp(zh, full, len), 0);
	ck_assert_int_ne((unsigned char)full[len] & 0xc0, 0x80);
	ck_assert_uint_ge(len + 3, cap - 1);
}
END_TEST

START_TEST(test_N12_zh_for_valid_is_empty)
{
	char zh[16] = "x";

	fedns_address_error_text_zh("192.0.2.1", zh, sizeof zh);
	ck_assert_str_eq(zh, "");
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("address");
	TCase *tc;

#define LOOP(tc, fn, table) tcase_add_loop_test(tc, fn, 0, (int)(sizeof table / sizeof table[0]))
	tc = tcase_create("N8");
	LOOP(tc, test_N8_ipv4_accepted, n8_good);
	tcase_add_test(tc, test_N8_ipv4_bytes);
	tcase_add_test(tc, test_N8_dotted_quad_shortcut_agrees_with_the_full_parser);
	LOOP(tc, test_N8_ipv4_rejected, n8_bad);
	suite_add_tcase(s, tc);

	tc = tcase_create("N9");
	LOOP(tc, test_N9_ipv6_accepted, n9_good);
	LOOP(tc, test_N9_ipv6_rejected, n9_bad);
	tcase_add_test(tc, test_N9_long_input_cut);
	suite_add_tcase(s, tc);

	tc = tcase_create("N10");
	LOOP(tc, test_N10_rfc5952_text, n10_text);
	tcase_add_test(tc, test_N10_format_unknown_family);
	suite_add_tcase(s, tc);

	tc = tcase_create("N11");
	LOOP(tc, test_N11_v5_public_ranges, n11_ranges);
	tcase_add_test(tc, test_N11_unknown_family_not_public);
	suite_add_tcase(s, tc);

	tc = tcase_create("N12");
	LOOP(tc, test_N12_compare, n12_order);
	tcase_add_test(tc, test_N12_normalize_ok);
	tcase_add_test(tc, test_N12_normalize_einval);
	tcase_add_test(tc, test_N12_normalize_espace);
	tcase_add_test(tc, test_N12_normalize_ebadaddr_why);
	tcase_add_loop_test(tc, test_N12_zh_cut_on_character, 0, 12);
	tcase_add_test(tc, test_N12_zh_for_valid_is_empty);
	suite_add_tcase(s, tc);
#undef LOOP
	return s;
}
