/* DNS names, SPEC 5: rules N1-N7 and the name half of N12 (docs/names.md). */
#include <stdio.h>
#include <string.h>

#include "fedns/fedns.h"
#include "name.h"
#include "test.h"

/* Room for the longest inputs the tests build (a 300-octet name). */
#define BIG 512

/* `n` copies of `c` appended at `p`; returns the new end. */
static char *repeat(char *p, char c, size_t n)
{
	memset(p, c, n);
	p[n] = '\0';
	return p + n;
}

/* A name of `total` octets: 63-octet labels of 'a' joined by dots, the last
 * label shorter, then ".com" is NOT added: the last label is letters too. */
static void long_name(char *buf, size_t total)
{
	char *p = buf;
	size_t left = total;

	while (left > 64) {
		p = repeat(p, 'a', 63);
		*p++ = '.';
		left -= 64;
	}
	repeat(p, 'b', left);
}

struct name_case {
	const char *in;
	enum fedns_name_fault fault;
	size_t label;      /* expected 1-based label for faults */
	const char *out;   /* expected folded form when valid */
	char bad;          /* expected bad character for LABEL_CHAR */
};

static void check_case(const struct name_case *c)
{
	char out[FEDNS_NAME_BUF];
	struct fedns_name_error err;
	enum fedns_name_fault f = fedns_name_fold(c->in, out, &err);

	ck_assert_msg(f == c->fault, "\"%s\": fault %d, expected %d", c->in, (int)f, (int)c->fault);
	ck_assert_int_eq(err.fault, c->fault);
	/* The shortcut takes exactly the names that folding leaves unchanged. */
	if (f == FEDNS_NAME_OK && strcmp(out, c->in) == 0)
		ck_assert_uint_eq(fedns_name_folded_len(c->in), strlen(c->in));
	else
		ck_assert_uint_eq(fedns_name_folded_len(c->in), 0);
	if (c->fault == FEDNS_NAME_OK) {
		ck_assert_str_eq(out, c->out);
		ck_assert_uint_eq(err.label, 0);
		return;
	}
	ck_assert_str_eq(out, "");
	ck_assert_msg(err.label == c->label, "\"%s\": label %zu, expected %zu", c->in, err.label,
		      c->label);
	if (c->fault == FEDNS_NAME_LABEL_CHAR)
		ck_assert_int_eq(err.bad, c->bad);
}

/* Both languages' messages for `in`. */
static void messages(const char *in, char *en, char *zh, size_t cap)
{
	char out[FEDNS_NAME_BUF];
	struct fedns_name_error err;

	fedns_name_fold(in, out, &err);
	fedns_name_error_text(&err, in, en, cap);
	fedns_name_error_text_zh(&err, in, zh, cap);
}

/* ---- N1: labels of 1..63 octets ---- */

static const struct {
	size_t len;
	enum fedns_name_fault fault;
} n1_lengths[] = {
	{ 1, FEDNS_NAME_OK },
	{ 62, FEDNS_NAME_OK },
	{ 63, FEDNS_NAME_OK },
	{ 64, FEDNS_NAME_LABEL_TOO_LONG },
	{ 200, FEDNS_NAME_LABEL_TOO_LONG },
};

START_TEST(test_N1_label_63_ok_64_rejected)
{
	char in[BIG], expect[BIG], out[FEDNS_NAME_BUF];
	struct fedns_name_error err;
	char *p = in;

	p = repeat(p, 'x', 4);
	*p++ = '.';
	p = repeat(p, 'L', n1_lengths[_i].len);
	strcpy(p, ".com");
	ck_assert_int_eq(fedns_name_fold(in, out, &err), n1_lengths[_i].fault);
	if (n1_lengths[_i].fault == FEDNS_NAME_OK) {
		p = repeat(expect, 'x', 4);
		*p++ = '.';
		p = repeat(p, 'l', n1_lengths[_i].len);
		strcpy(p, ".com");
		ck_assert_str_eq(out, expect);
	} else {
		ck_assert_uint_eq(err.label, 2);
		/* The record keeps the first 63 octets. */
		ck_assert_uint_eq(strlen(err.text), 63);
	}
}
END_TEST

static const struct name_case n1_empty[] = {
	{ "a..b", FEDNS_NAME_LABEL_EMPTY, 2, NULL, 0 },
	{ ".a", FEDNS_NAME_LABEL_EMPTY, 1, NULL, 0 },
	{ "..", FEDNS_NAME_LABEL_EMPTY, 1, NULL, 0 },
	{ "a.b..", FEDNS_NAME_LABEL_EMPTY, 3, NULL, 0 },
	{ "a...", FEDNS_NAME_LABEL_EMPTY, 2, NULL, 0 },
	{ "a.b.c", FEDNS_NAME_OK, 0, "a.b.c", 0 },
};

START_TEST(test_N1_empty_label)
{
	check_case(&n1_empty[_i]);
}
END_TEST

START_TEST(test_N1_messages)
{
	char in[BIG], en[BIG], zh[BIG], expect[BIG];
	char *p = repeat(in, 'a', 64);

	strcpy(p, ".example.com");
	messages(in, en, zh, sizeof en);
	p = expect + sprintf(expect, "label 1 \"");
	p = repeat(p, 'a', 63);
	p += sprintf(p, "\"... of \"");
	p = repeat(p, 'a', 64);
	strcpy(p, ".example.com\" is 64 octets long (at most 63 are allowed)");
	ck_assert_str_eq(en, expect);

	messages("a..b", en, zh, sizeof en);
	ck_assert_str_eq(en, "label 2 of \"a..b\" is empty (two dots in a row, or a dot at the "
			     "start)");
	ck_assert_str_eq(zh, "“a..b”的第 2 个标签为空（连续两个点，或以点开头）");
}
END_TEST

/* ---- N2: letters, digits and hyphen only ---- */

static const struct name_case n2_chars[] = {
	{ "a-1.b2.c", FEDNS_NAME_OK, 0, "a-1.b2.c", 0 },
	{ "0.9a", FEDNS_NAME_OK, 0, "0.9a", 0 },
	{ "www.exa_mple.com", FEDNS_NAME_LABEL_CHAR, 2, NULL, '_' },
	{ "_sipfederationtls._tcp.example.com", FEDNS_NAME_LABEL_CHAR, 1, NULL, '_' },
	{ "a b.com", FEDNS_NAME_LABEL_CHAR, 1, NULL, ' ' },
	{ " example.com", FEDNS_NAME_LABEL_CHAR, 1, NULL, ' ' },
	{ "example.com ", FEDNS_NAME_LABEL_CHAR, 2, NULL, ' ' },
	{ "a;b.com", FEDNS_NAME_LABEL_CHAR, 1, NULL, ';' },
	{ "a.b$c.com", FEDNS_NAME_LABEL_CHAR, 2, NULL, '$' },
	{ "a'b.com", FEDNS_NAME_LABEL_CHAR, 1, NULL, '\'' },
	{ "a\"b.com", FEDNS_NAME_LABEL_CHAR, 1, NULL, '"' },
	{ "a\nb.com", FEDNS_NAME_LABEL_CHAR, 1, NULL, '\n' },
	{ "example.com\n", FEDNS_NAME_LABEL_CHAR, 2, NULL, '\n' },
	{ "a\tb.com", FEDNS_NAME_LABEL_CHAR, 1, NULL, '\t' },
	{ "a\x7f.com", FEDNS_NAME_LABEL_CHAR, 1, NULL, 0x7f },
	{ "*.example.com", FEDNS_NAME_LABEL_CHAR, 1, NULL, '*' },
	{ "a/b.com", FEDNS_NAME_LABEL_CHAR, 1, NULL, '/' },
	{ "a\\b.com", FEDNS_NAME_LABEL_CHAR, 1, NULL, '\\' },
	{ "user@example.com", FEDNS_NAME_LABEL_CHAR, 1, NULL, '@' },
	{ "sip:example.com", FEDNS_NAME_LABEL_CHAR, 1, NULL, ':' },
};

START_TEST(test_N2_allowed_characters)
{
	check_case(&n2_chars[_i]);
}
END_TEST

static const struct {
	const char *in, *en, *zh;
} n2_messages[] = {
	{ "www.exa_mple.com",
	  "label 2 \"exa_mple\" of \"www.exa_mple.com\" has '_' (only letters, digits and "
	  "hyphens are allowed)",
	  "“www.exa_mple.com”的第 2 个标签“exa_mple”含有 '_'（只允许字母、数字和连字符）" },
	{ "a b.com",
	  "label 1 \"a b\" of \"a b.com\" has a space (only letters, digits and hyphens are "
	  "allowed)",
	  "“a b.com”的第 1 个标签“a b”含有空格（只允许字母、数字和连字符）" },
	{ "ok.a\nb.com",
	  "label 2 \"a\\nb\" of \"ok.a\\nb.com\" has control character 0x0a (only letters, "
	  "digits and hyphens are allowed)",
	  "“ok.a\\nb.com”的第 2 个标签“a\\nb”含有控制字符 0x0a（只允许字母、数字和连字符）" },
	{ "a\"b.com",
	  "label 1 \"a\\\"b\" of \"a\\\"b.com\" has '\"' (only letters, digits and hyphens are "
	  "allowed)",
	  "“a\\\"b.com”的第 1 个标签“a\\\"b”含有 '\"'（只允许字母、数字和连字符）" },
	{ "it's.com",
	  "label 1 \"it's\" of \"it's.com\" has '\\'' (only letters, digits and hyphens are "
	  "allowed)",
	  "“it's.com”的第 1 个标签“it's”含有 '\\''（只允许字母、数字和连字符）" },
	{ "a\x01;b",
	  "label 1 \"a\\x01;b\" of \"a\\x01;b\" has control character 0x01 (only letters, "
	  "digits and hyphens are allowed)",
	  "“a\\x01;b”的第 1 个标签“a\\x01;b”含有控制字符 0x01（只允许字母、数字和连字符）" },
};

START_TEST(test_N2_messages_en_zh)
{
	char en[BIG], zh[BIG];

	messages(n2_messages[_i].in, en, zh, sizeof en);
	ck_assert_str_eq(en, n2_messages[_i].en);
	ck_assert_str_eq(zh, n2_messages[_i].zh);
}
END_TEST

/* The record itself never holds a control byte: it may be shown as is. */
START_TEST(test_N2_error_record_printable)
{
	char out[FEDNS_NAME_BUF];
	struct fedns_name_error err;

	ck_assert_int_eq(fedns_name_fold("x.a\r\n\x1b[2Jb.com", out, &err), FEDNS_NAME_LABEL_CHAR);
	ck_assert_uint_eq(err.label, 2);
	ck_assert_str_eq(err.text, "a???[2Jb");
	ck_assert_int_eq(err.bad, '\r');
}
END_TEST

/* ---- N3: no hyphen at either end of a label ---- */

static const struct name_case n3_hyphens[] = {
	{ "-a.com", FEDNS_NAME_LABEL_HYPHEN, 1, NULL, 0 },
	{ "a-.com", FEDNS_NAME_LABEL_HYPHEN, 1, NULL, 0 },
	{ "a.-.com", FEDNS_NAME_LABEL_HYPHEN, 2, NULL, 0 },
	{ "a.b-", FEDNS_NAME_LABEL_HYPHEN, 2, NULL, 0 },
	{ "xn--.com", FEDNS_NAME_LABEL_HYPHEN, 1, NULL, 0 },
	{ "a-b.com", FEDNS_NAME_OK, 0, "a-b.com", 0 },
	{ "a--b.com", FEDNS_NAME_OK, 0, "a--b.com", 0 },
	{ "a---------b.c-d", FEDNS_NAME_OK, 0, "a---------b.c-d", 0 },
};

START_TEST(test_N3_hyphen_position)
{
	check_case(&n3_hyphens[_i]);
}
END_TEST

START_TEST(test_N3_messages)
{
	char en[BIG], zh[BIG];

	messages("-www.example.com", en, zh, sizeof en);
	ck_assert_str_eq(en, "label 1 \"-www\" of \"-www.example.com\" starts with a hyphen "
			     "(a label may not start or end with '-')");
	ck_assert_str_eq(zh, "“-www.example.com”的第 1 个标签“-www”以连字符开头"
			     "（标签不能以 '-' 开头或结尾）");
	messages("sip.example-.com", en, zh, sizeof en);
	ck_assert_str_eq(en, "label 2 \"example-\" of \"sip.example-.com\" ends with a hyphen "
			     "(a label may not start or end with '-')");
	ck_assert_str_eq(zh, "“sip.example-.com”的第 2 个标签“example-”以连字符结尾"
			     "（标签不能以 '-' 开头或结尾）");
}
END_TEST

/* ---- N4: 1..253 octets without the trailing dot ---- */

static const struct {
	size_t len;
	int dot;
	enum fedns_name_fault fault;
} n4_lengths[] = {
	{ 1, 0, FEDNS_NAME_OK },
	{ 252, 0, FEDNS_NAME_OK },
	{ 253, 0, FEDNS_NAME_OK },
	{ 253, 1, FEDNS_NAME_OK },
	{ 254, 0, FEDNS_NAME_TOO_LONG },
	{ 254, 1, FEDNS_NAME_TOO_LONG },
	{ 300, 0, FEDNS_NAME_TOO_LONG },
};

START_TEST(test_N4_name_253_ok_254_rejected)
{
	char in[BIG], out[FEDNS_NAME_BUF];
	struct fedns_name_error err;

	long_name(in, n4_lengths[_i].len);
	ck_assert_uint_eq(strlen(in), n4_lengths[_i].len);
	if (n4_lengths[_i].dot)
		strcat(in, ".");
	ck_assert_int_eq(fedns_name_fold(in, out, &err), n4_lengths[_i].fault);
	if (n4_lengths[_i].fault == FEDNS_NAME_OK) {
		ck_assert_uint_eq(strlen(out), n4_lengths[_i].len);
	} else {
		ck_assert_str_eq(out, "");
		ck_assert_uint_eq(err.label, 0);
	}
}
END_TEST

static const struct name_case n4_empty[] = {
	{ "", FEDNS_NAME_EMPTY, 0, NULL, 0 },
	{ ".", FEDNS_NAME_EMPTY, 0, NULL, 0 },
	{ "..", FEDNS_NAME_LABEL_EMPTY, 1, NULL, 0 },
	{ NULL, FEDNS_NAME_EMPTY, 0, NULL, 0 },
};

START_TEST(test_N4_empty_name)
{
	check_case(&n4_empty[_i]);
}
END_TEST

START_TEST(test_N4_messages)
{
	char in[BIG], en[BIG], zh[BIG], expect[BIG];
	char *p;

	messages("", en, zh, sizeof en);
	ck_assert_str_eq(en, "name \"\" is empty (a name needs at least one label, like "
			     "\"example.com\")");
	ck_assert_str_eq(zh, "名称“”为空（名称至少需要一个标签，如“example.com”）");
	messages(".", en, zh, sizeof en);
	ck_assert_str_eq(en, "name \".\" is empty (a name needs at least one label, like "
			     "\"example.com\")");

	/* A long name is quoted up to 120 octets, then cut with "...". */
	long_name(in, 254);
	strcat(in, ".");
	messages(in, en, zh, sizeof en);
	p = expect + sprintf(expect, "name \"");
	memcpy(p, in, 120);
	p += 120;
	strcpy(p, "\"... is 254 octets long without the trailing dot (at most 253 are allowed)");
	ck_assert_str_eq(en, expect);
	p = expect + sprintf(expect, "名称“");
	memcpy(p, in, 120);
	p += 120;
	strcpy(p, "”...去掉末尾的点后长 254 个字节（最多 253 个）");
	ck_assert_str_eq(zh, expect);
}
END_TEST

/* ---- N5: the last label is not all digits ---- */

static const struct name_case n5_numeric[] = {
	{ "1.2.3.4", FEDNS_NAME_NUMERIC_TLD, 4, NULL, 0 },
	{ "example.123", FEDNS_NAME_NUMERIC_TLD, 2, NULL, 0 },
	{ "example.123.", FEDNS_NAME_NUMERIC_TLD, 2, NULL, 0 },
	{ "0", FEDNS_NAME_NUMERIC_TLD, 1, NULL, 0 },
	{ "example.1a", FEDNS_NAME_OK, 0, "example.1a", 0 },
	{ "example.a1", FEDNS_NAME_OK, 0, "example.a1", 0 },
	{ "123.example", FEDNS_NAME_OK, 0, "123.example", 0 },
	{ "1.2.3.x4", FEDNS_NAME_OK, 0, "1.2.3.x4", 0 },
	{ "a.1-2", FEDNS_NAME_OK, 0, "a.1-2", 0 },
};

START_TEST(test_N5_numeric_last_label)
{
	check_case(&n5_numeric[_i]);
}
END_TEST

START_TEST(test_N5_messages)
{
	char en[BIG], zh[BIG];

	messages("192.0.2.1", en, zh, sizeof en);
	ck_assert_str_eq(en, "the last label \"1\" of \"192.0.2.1\" is all digits (a top-level "
			     "domain is never numeric; an IP address is not a name)");
	ck_assert_str_eq(zh, "“192.0.2.1”的最后一个标签“1”全是数字（顶级域不会是纯数字；"
			     "IP 地址不是名称）");
}
END_TEST

/* ---- N6: folded to lower case, one trailing dot removed ---- */

static const struct name_case n6_fold[] = {
	{ "Sip.Example.COM", FEDNS_NAME_OK, 0, "sip.example.com", 0 },
	{ "sip.example.com.", FEDNS_NAME_OK, 0, "sip.example.com", 0 },
	{ "SIP.EXAMPLE.COM.", FEDNS_NAME_OK, 0, "sip.example.com", 0 },
	{ "AZaz09-x.Q", FEDNS_NAME_OK, 0, "azaz09-x.q", 0 },
	{ "localhost", FEDNS_NAME_OK, 0, "localhost", 0 },
	{ "sip.example.com..", FEDNS_NAME_LABEL_EMPTY, 4, NULL, 0 },
	{ "XN--BCHER-KVA.Example", FEDNS_NAME_OK, 0, "xn--bcher-kva.example", 0 },
};

START_TEST(test_N6_fold_and_trailing_dot)
{
	check_case(&n6_fold[_i]);
}
END_TEST

/* Every ASCII letter folds, and nothing else changes. */
START_TEST(test_N6_fold_every_letter)
{
	char in[4] = "a.b", out[FEDNS_NAME_BUF];
	int c = 'A' + _i;

	in[0] = (char)c;
	ck_assert_int_eq(fedns_name_fold(in, out, NULL), FEDNS_NAME_OK);
	ck_assert_int_eq(out[0], 'a' + _i);
	in[0] = (char)('a' + _i);
	ck_assert_int_eq(fedns_name_fold(in, out, NULL), FEDNS_NAME_OK);
	ck_assert_int_eq(out[0], 'a' + _i);
}
END_TEST

/* ---- N7: A-labels accepted, raw UTF-8 rejected ---- */

static const struct name_case n7_idn[] = {
	{ "xn--bcher-kva.example", FEDNS_NAME_OK, 0, "xn--bcher-kva.example", 0 },
	{ "example.xn--fiqs8s", FEDNS_NAME_OK, 0, "example.xn--fiqs8s", 0 },
	{ "b\xc3\xbc" "cher.example", FEDNS_NAME_LABEL_UTF8, 1, NULL, 0 },
	{ "example.\xe4\xb8\xad\xe5\x9b\xbd", FEDNS_NAME_LABEL_UTF8, 2, NULL, 0 },
	/* UTF-8 is reported before a bad character in the same label. */
	{ "a_\xc3\xa9.com", FEDNS_NAME_LABEL_UTF8, 1, NULL, 0 },
	{ "a.\xff.com", FEDNS_NAME_LABEL_UTF8, 2, NULL, 0 },
	/* Full-width dot U+3002 is not a label separator here. */
	{ "a\xe3\x80\x82" "com", FEDNS_NAME_LABEL_UTF8, 1, NULL, 0 },
};

START_TEST(test_N7_a_labels_and_utf8)
{
	check_case(&n7_idn[_i]);
}
END_TEST

START_TEST(test_N7_messages)
{
	char en[BIG], zh[BIG], out[FEDNS_NAME_BUF];
	struct fedns_name_error err;

	messages("sip.b\xc3\xbc" "cher.example", en, zh, sizeof en);
	ck_assert_str_eq(en, "label 2 \"b\\xc3\\xbccher\" of \"sip.b\\xc3\\xbccher.example\" is "
			     "not ASCII: convert the name to A-labels (punycode, \"xn--...\") "
			     "first");
	ck_assert_str_eq(zh, "“sip.b\\xc3\\xbccher.example”的第 2 个标签“b\\xc3\\xbccher”含有非 "
			     "ASCII 字符：请先把名称转换为 A 标签（Punycode，“xn--...”）");
	ck_assert_int_eq(fedns_name_fold("sip.b\xc3\xbc" "cher.example", out, &err),
			 FEDNS_NAME_LABEL_UTF8);
	ck_assert_str_eq(err.text, "b??cher");
}
END_TEST

/* ---- N12: helpers on folded names and the public entry point ---- */

/* fedns_name_folded_len() against fedns_name_fold() at the edges of every
 * rule: they agree on each name. */
static const char *const n12_folded[] = {
	NULL, "", ".", "com", "a.b", "sip.example.com", "sip.example.com.", "Sip.example.com",
	"sip.example.coM", "a..b", ".a", "a.", "-a.com", "a-.com", "a.-b", "a.b-", "a-b.c-d",
	"1.com", "a.1", "a.1-2", "a.12", "a.b1", "123", "xn--bcher-kva.example", "a_b.com",
	"a b.com", "a\x01.com", "b\xc3\xbc.com", "a.\xff", "a.b\x7f", "a/b.com", "a:b.com",
	"a@b.com", "a[b.com", "a`b.com", "a{b.com", "0", "9.z", "z.9a",
};

static void folded_agrees(const char *in)
{
	char out[FEDNS_NAME_BUF];
	int same = in && fedns_name_fold(in, out, NULL) == FEDNS_NAME_OK && strcmp(out, in) == 0;

	ck_assert_msg(fedns_name_folded_len(in) == (same ? strlen(in) : 0), "\"%s\"",
		      in ? in : "(null)");
}

START_TEST(test_N12_folded_len)
{
	folded_agrees(n12_folded[_i]);
}
END_TEST

/* Labels of 63 and 64 octets, names of 253 and 254, in every position. */
START_TEST(test_N12_folded_len_lengths)
{
	char in[BIG];
	size_t len;

	for (len = 60; len <= 66; len++) {
		repeat(in, 'a', len);
		folded_agrees(in);
		strcpy(repeat(in, 'a', len), ".com");
		folded_agrees(in);
		strcpy(in, "x.");
		repeat(in + 2, 'a', len);
		folded_agrees(in);
	}
	for (len = 250; len <= 256; len++) {
		long_name(in, len);
		folded_agrees(in);
	}
}
END_TEST

START_TEST(test_N12_labels)
{
	ck_assert_uint_eq(fedns_name_labels(NULL), 0);
	ck_assert_uint_eq(fedns_name_labels(""), 0);
	ck_assert_uint_eq(fedns_name_labels("com"), 1);
	ck_assert_uint_eq(fedns_name_labels("example.com"), 2);
	ck_assert_uint_eq(fedns_name_labels("sip.a.example.com"), 4);
}
END_TEST

static const struct {
	const char *name, *domain;
	int within;
} n12_within[] = {
	{ "example.com", "example.com", 1 },
	{ "sip.example.com", "example.com", 1 },
	{ "a.b.example.com", "example.com", 1 },
	{ "badexample.com", "example.com", 0 },
	{ "example.com", "sip.example.com", 0 },
	{ "example.co", "example.com", 0 },
	{ "example.com.au", "example.com", 0 },
	{ "sip.example.com", "com", 1 },
	{ "example.com", "", 0 },
	{ NULL, "example.com", 0 },
	{ "example.com", NULL, 0 },
};

START_TEST(test_N12_within)
{
	ck_assert_int_eq(fedns_name_within(n12_within[_i].name, n12_within[_i].domain),
			 n12_within[_i].within);
}
END_TEST

START_TEST(test_N12_normalize_ok)
{
	char out[FEDNS_NAME_BUF], why[64] = "unchanged";

	ck_assert_int_eq(fedns_name_normalize("SIP.Example.COM.", out, sizeof out, why, sizeof why),
			 FEDNS_OK);
	ck_assert_str_eq(out, "sip.example.com");
	ck_assert_str_eq(why, "");
	/* why may be NULL, whatever whycap says */
	ck_assert_int_eq(fedns_name_normalize("a.b", out, sizeof out, NULL, 100), FEDNS_OK);
	ck_assert_str_eq(out, "a.b");
}
END_TEST

START_TEST(test_N12_normalize_einval)
{
	char out[16] = "x", why[16] = "x";

	ck_assert_int_eq(fedns_name_normalize(NULL, out, sizeof out, why, sizeof why),
			 FEDNS_EINVAL);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(why, "");
	ck_assert_int_eq(fedns_name_normalize("a.b", NULL, 10, why, sizeof why), FEDNS_EINVAL);
	ck_assert_int_eq(fedns_name_normalize(NULL, NULL, 0, NULL, 0), FEDNS_EINVAL);
}
END_TEST

START_TEST(test_N12_normalize_espace)
{
	char out[16];

	/* "example.com" needs 12 bytes with its NUL. */
	ck_assert_int_eq(fedns_name_normalize("Example.com.", out, 11, NULL, 0), FEDNS_ESPACE);
	ck_assert_str_eq(out, "");
	ck_assert_int_eq(fedns_name_normalize("Example.com.", out, 12, NULL, 0), FEDNS_OK);
	ck_assert_str_eq(out, "example.com");
	memset(out, 'z', sizeof out);
	ck_assert_int_eq(fedns_name_normalize("a.b", out, 0, NULL, 0), FEDNS_ESPACE);
	ck_assert_int_eq(out[0], 'z');
	/* A bad name is reported as such even into a small buffer. */
	ck_assert_int_eq(fedns_name_normalize("a_b.com", out, 1, NULL, 0), FEDNS_EBADNAME);
}
END_TEST

START_TEST(test_N12_normalize_ebadname_why)
{
	char out[FEDNS_NAME_BUF], why[256], small[10];

	ck_assert_int_eq(fedns_name_normalize("www.exa_mple.com", out, sizeof out, why,
					      sizeof why),
			 FEDNS_EBADNAME);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(why, "label 2 \"exa_mple\" of \"www.exa_mple.com\" has '_' (only "
			      "letters, digits and hyphens are allowed)");
	/* Truncated like snprintf: whycap - 1 bytes and the NUL. */
	memset(small, 'z', sizeof small);
	ck_assert_int_eq(fedns_name_normalize("www.exa_mple.com", out, sizeof out, small,
					      sizeof small),
			 FEDNS_EBADNAME);
	ck_assert_str_eq(small, "label 2 \"");
	memset(small, 'z', sizeof small);
	ck_assert_int_eq(fedns_name_normalize("a_b", out, sizeof out, small, 1), FEDNS_EBADNAME);
	ck_assert_int_eq(small[0], '\0');
	ck_assert_int_eq(small[1], 'z');
	ck_assert_int_eq(fedns_name_normalize("a_b", out, sizeof out, NULL, 0), FEDNS_EBADNAME);
	small[0] = 'z';
	ck_assert_int_eq(fedns_name_normalize("a_b", out, sizeof out, small, 0), FEDNS_EBADNAME);
	ck_assert_int_eq(small[0], 'z');
}
END_TEST

/* A cut never splits a Chinese character: the text stays valid UTF-8. */
START_TEST(test_N12_zh_cut_on_character)
{
	struct fedns_name_error err;
	char out[FEDNS_NAME_BUF], zh[64], full[256];
	size_t cap = 8 + (size_t)_i, len;

	fedns_name_fold("a..b", out, &err);
	fedns_name_error_text_zh(&err, "a..b", full, sizeof full);
	fedns_name_error_text_zh(&err, "a..b", zh, cap);
	len = strlen(zh);
	ck_assert_uint_lt(len, cap);
	ck_assert_int_eq(strncmp(zh, full, len), 0);
	/* The cut falls before a lead byte or at the end: never inside. */
	ck_assert_int_ne((unsigned char)full[len] & 0xc0, 0x80);
	ck_assert_uint_ge(len + 3, cap - 1);
}
END_TEST

START_TEST(test_N12_error_text_edges)
{
	struct fedns_name_error err;
	char out[FEDNS_NAME_BUF], buf[128] = "x";

	/* No fault: an empty sentence. */
	fedns_name_fold("example.com", out, &err);
	fedns_name_error_text(&err, "example.com", buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	fedns_name_error_text(NULL, "example.com", buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	/* Without the input, the record's printable copy is used. */
	fedns_name_fold("x.a;b.com", out, &err);
	fedns_name_error_text(&err, NULL, buf, sizeof buf);
	ck_assert_str_eq(buf, "label 2 \"a;b\" of the name has ';' (only letters, digits and "
			      "hyphens are allowed)");
	fedns_name_error_text_zh(&err, NULL, buf, sizeof buf);
	ck_assert_str_eq(buf, "名称的第 2 个标签“a;b”含有 ';'（只允许字母、数字和连字符）");
	/* Nothing is written for a zero capacity. */
	buf[0] = 'q';
	fedns_name_error_text(&err, "x.a;b.com", buf, 0);
	ck_assert_int_eq(buf[0], 'q');
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("name");
	TCase *tc;

#define LOOP(tc, fn, table) tcase_add_loop_test(tc, fn, 0, (int)(sizeof table / sizeof table[0]))
	tc = tcase_create("N1");
	LOOP(tc, test_N1_label_63_ok_64_rejected, n1_lengths);
	LOOP(tc, test_N1_empty_label, n1_empty);
	tcase_add_test(tc, test_N1_messages);
	suite_add_tcase(s, tc);

	tc = tcase_create("N2");
	LOOP(tc, test_N2_allowed_characters, n2_chars);
	LOOP(tc, test_N2_messages_en_zh, n2_messages);
	tcase_add_test(tc, test_N2_error_record_printable);
	suite_add_tcase(s, tc);

	tc = tcase_create("N3");
	LOOP(tc, test_N3_hyphen_position, n3_hyphens);
	tcase_add_test(tc, test_N3_messages);
	suite_add_tcase(s, tc);

	tc = tcase_create("N4");
	LOOP(tc, test_N4_name_253_ok_254_rejected, n4_lengths);
	LOOP(tc, test_N4_empty_name, n4_empty);
	tcase_add_test(tc, test_N4_messages);
	suite_add_tcase(s, tc);

	tc = tcase_create("N5");
	LOOP(tc, test_N5_numeric_last_label, n5_numeric);
	tcase_add_test(tc, test_N5_messages);
	suite_add_tcase(s, tc);

	tc = tcase_create("N6");
	LOOP(tc, test_N6_fold_and_trailing_dot, n6_fold);
	tcase_add_loop_test(tc, test_N6_fold_every_letter, 0, 26);
	suite_add_tcase(s, tc);

	tc = tcase_create("N7");
	LOOP(tc, test_N7_a_labels_and_utf8, n7_idn);
	tcase_add_test(tc, test_N7_messages);
	suite_add_tcase(s, tc);

	tc = tcase_create("N12");
	tcase_add_test(tc, test_N12_labels);
	LOOP(tc, test_N12_folded_len, n12_folded);
	tcase_add_test(tc, test_N12_folded_len_lengths);
	LOOP(tc, test_N12_within, n12_within);
	tcase_add_test(tc, test_N12_normalize_ok);
	tcase_add_test(tc, test_N12_normalize_einval);
	tcase_add_test(tc, test_N12_normalize_espace);
	tcase_add_test(tc, test_N12_normalize_ebadname_why);
	tcase_add_loop_test(tc, test_N12_zh_cut_on_character, 0, 12);
	tcase_add_test(tc, test_N12_error_text_edges);
	suite_add_tcase(s, tc);
#undef LOOP
	return s;
}
