/* IPv4 and IPv6 literals (SPEC 5): parsing by hand (this module is the
 * library's only address parser, and libc's inet_pton would widen the
 * imports and hide the reason a literal is wrong), RFC 5952 text, and V5's
 * public/non-public ranges. */
#include "address.h"

#include <string.h>

#include "fedns/fedns.h"
#include "message.h"

/* How many input bytes a message quotes before it cuts with "...": longer
 * than any valid literal (45), short enough to keep a message one line. */
#define QUOTE_MAX 60

/* ---- Faults -------------------------------------------------------------- */

/* Why a literal was refused; the message tables below are indexed by it. */
enum fault_kind {
	AF_NONE = 0,
	AF_EMPTY,
	AF_SPACE,
	AF_CONTROL,
	AF_NON_ASCII,
	AF_BRACKET,
	AF_ZONE,
	AF_PREFIX,
	AF_CHAR,
	AF_PORT,
	AF_V4_PARTS,
	AF_V4_PART_EMPTY,
	AF_V4_PART_CHAR,
	AF_V4_LEADING_ZERO,
	AF_V4_RANGE,
	AF_V6_GROUP_CHAR,
	AF_V6_GROUP_LONG,
	AF_V6_TOO_MANY,
	AF_V6_TOO_FEW,
	AF_V6_TWO_GAPS,
	AF_V6_LEADING_COLON,
	AF_V6_TRAILING_COLON,
	AF_V6_TRIPLE_COLON,
	AF_V6_TAIL_NOT_LAST,
	AF_KINDS
};

struct fault {
	enum fault_kind kind;
	int family;          /* what the text looked like: 4, 6, or 0 */
	size_t at, len;      /* the offending part or group in the input */
	size_t number;       /* a 1-based part, or a count of parts/groups */
	unsigned char byte;  /* the offending byte */
	size_t tail_at, tail_len; /* an IPv6 address's IPv4 tail; len 0 if none */
};

static int fail(struct fault *f, enum fault_kind kind, size_t at, size_t len)
{
	f->kind = kind;
	f->at = at;
	f->len = len;
	return 0;
}

/* ---- Parsing ------------------------------------------------------------- */

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int hex_value(unsigned char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static size_t span_to(const char *s, size_t i, size_t n, char stop)
{
	while (i < n && s[i] != stop)
		i++;
	return i;
}

/* One part of a dotted quad, `s[at..at+len)`: 0..255 in decimal without
 * leading zeros (RFC 4291 2.2 and common sense: 010 is octal to some). */
static int parse_v4_part(const char *s, size_t at, size_t len, size_t part, uint8_t *out,
			 struct fault *f)
{
	unsigned value = 0;
	size_t i;

	f->number = part;
	if (len == 0)
		return fail(f, AF_V4_PART_EMPTY, at, len);
	for (i = 0; i < len; i++) {
		if (!is_digit((unsigned char)s[at + i]))
			return fail(f, AF_V4_PART_CHAR, at, len);
	}
	if (len > 1 && s[at] == '0')
		return fail(f, AF_V4_LEADING_ZERO, at, len);
	for (i = 0; i < len && value <= 255; i++)
		value = value * 10 + (unsigned)(s[at + i] - '0');
	if (value > 255)
		return fail(f, AF_V4_RANGE, at, len);
	*out = (uint8_t)value;
	return 1;
}

/* A dotted quad in `s[at..at+n)`. Parts are checked left to right before
 * their count, so "1..2.3" names the empty part rather than a count. */
static int parse_v4(const char *s, size_t at, size_t n, uint8_t out[4], struct fault *f)
{
	size_t end = at + n, start = at, stop, parts = 0;
	uint8_t scratch;

	for (;;) {
		stop = span_to(s, start, end, '.');
		parts++;
		if (!parse_v4_part(s, start, stop - start, parts,
				   parts <= 4 ? &out[parts - 1] : &scratch, f))
			return 0;
		if (stop == end)
			break;
		start = stop + 1;
	}
	f->number = parts;
	if (parts != 4)
		return fail(f, AF_V4_PARTS, at, n);
	return 1;
}

/* One hex group, `s[at..at+len)`, of 1..4 digits (RFC 4291 2.2, form 1). */
static int parse_group(const char *s, size_t at, size_t len, uint16_t *out, struct fault *f)
{
	unsigned value = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		int h = hex_value((unsigned char)s[at + i]);
		if (h < 0) {
			f->byte = (unsigned char)s[at + i];
			return fail(f, AF_V6_GROUP_CHAR, at, len);
		}
		value = (value << 4 | (unsigned)h) & 0xffffu;
	}
	if (len > 4)
		return fail(f, AF_V6_GROUP_LONG, at, len);
	*out = (uint16_t)value;
	return 1;
}

/* The state of an IPv6 parse: groups before and after the one "::". */
struct v6 {
	uint16_t g[8];
	size_t n;   /* groups seen, an IPv4 tail counting two */
	long gap;   /* index in g where "::" stands, or -1 */
};

/* The IPv4 tail (RFC 4291 2.2, form 3): only at the very end, and only
 * where two groups still fit. */
static int parse_tail(const char *s, size_t at, size_t stop, size_t len, struct v6 *v,
		      struct fault *f)
{
	uint8_t q[4];

	if (stop != len)
		return fail(f, AF_V6_TAIL_NOT_LAST, at, stop - at);
	if (v->n > 6)
		return fail(f, AF_V6_TOO_MANY, 0, len);
	f->tail_at = at;
	f->tail_len = stop - at;
	if (!parse_v4(s, at, stop - at, q, f))
		return 0;
	v->g[v->n++] = (uint16_t)(q[0] << 8 | q[1]);
	v->g[v->n++] = (uint16_t)(q[2] << 8 | q[3]);
	return 1;
}

/* After a group at `*i` (a ':'): a single colon must be followed by a group,
 * a double one is the gap, which may appear once. */
static int parse_colons(const char *s, size_t *i, size_t len, struct v6 *v, struct fault *f)
{
	if (*i + 1 < len && s[*i + 1] == ':') {
		if (v->gap >= 0)
			return fail(f, AF_V6_TWO_GAPS, *i, 2);
		v->gap = (long)v->n;
		*i += 2;
		if (*i < len && s[*i] == ':')
			return fail(f, AF_V6_TRIPLE_COLON, *i - 2, 3);
		return 1;
	}
	*i += 1;
	if (*i == len)
		return fail(f, AF_V6_TRAILING_COLON, *i - 1, 1);
	return 1;
}

/* Groups and colons left to right, then the count; the gap is expanded by
 * moving the groups after it to the end. */
static int parse_v6(const char *s, size_t len, uint8_t out[16], struct fault *f)
{
	struct v6 v = { { 0 }, 0, -1 };
	size_t i = 0, stop, k, after;

	if (len >= 2 && s[0] == ':' && s[1] == ':') {
		v.gap = 0;
		i = 2;
		if (i < len && s[i] == ':')
			return fail(f, AF_V6_TRIPLE_COLON, 0, 3);
	} else if (s[0] == ':') {
		return fail(f, AF_V6_LEADING_COLON, 0, 1);
	}
	while (i < len) {
		stop = span_to(s, i, len, ':');
		if (memchr(s + i, '.', stop - i)) {
			if (!parse_tail(s, i, stop, len, &v, f))
				return 0;
			break;
		}
		if (v.n == 8)
			return fail(f, AF_V6_TOO_MANY, 0, len);
		if (!parse_group(s, i, stop - i, &v.g[v.n], f))
			return 0;
		v.n++;
		i = stop;
		if (i < len && !parse_colons(s, &i, len, &v, f))
			return 0;
	}
	f->number = v.n;
	if (v.gap < 0 && v.n != 8)
		return fail(f, AF_V6_TOO_FEW, 0, len);
	/* "::" stands for at least one group (RFC 4291 2.2, form 2). */
	if (v.gap >= 0 && v.n > 7)
		return fail(f, AF_V6_TOO_MANY, 0, len);
	if (v.gap >= 0) {
		after = v.n - (size_t)v.gap;
		memmove(&v.g[8 - after], &v.g[v.gap], after * sizeof v.g[0]);
		for (k = (size_t)v.gap; k < 8 - after; k++)
			v.g[k] = 0;
	}
	for (k = 0; k < 8; k++) {
		out[2 * k] = (uint8_t)(v.g[k] >> 8);
		out[2 * k + 1] = (uint8_t)(v.g[k] & 0xff);
	}
	return 1;
}

/* Bytes that can never be part of a literal, reported before the literal's
 * shape: they usually mean the wrong thing was pasted (a URL, an interface,
 * a network). */
static int check_bytes(const char *s, size_t len, struct fault *f)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		f->byte = c;
		if (c == ' ')
			return fail(f, AF_SPACE, i, 1);
		if (c < 0x20 || c == 0x7f)
			return fail(f, AF_CONTROL, i, 1);
		if (c >= 0x80)
			return fail(f, AF_NON_ASCII, i, 1);
		if (c == '[' || c == ']')
			return fail(f, AF_BRACKET, i, 1);
		if (c == '%')
			return fail(f, AF_ZONE, i, len - i);
		if (c == '/')
			return fail(f, AF_PREFIX, i, len - i);
	}
	return 1;
}

/* "192.0.2.1:5061": a dotted quad, one colon, then digits. Told apart from
 * an IPv6 literal so the message can say what is wrong: the port. */
static int has_port(const char *s, size_t len, struct fault *f)
{
	const char *colon = memchr(s, ':', len);
	size_t at, i;

	if (!colon || !memchr(s, '.', (size_t)(colon - s)))
		return 0;
	at = (size_t)(colon - s);
	for (i = at + 1; i < len; i++) {
		if (!is_digit((unsigned char)s[i]))
			return 0;
	}
	if (at + 1 == len)
		return 0;
	f->family = 4;
	return !fail(f, AF_PORT, at, len - at);
}

/* A colon makes it IPv6; a leading digit or dot, IPv4 (after any leading
 * blanks, which are reported as such); else neither. */
static int guess_family(const char *s, size_t len)
{
	size_t i = 0;

	if (memchr(s, ':', len))
		return 6;
	while (i < len && (unsigned char)s[i] <= ' ')
		i++;
	if (i < len && (is_digit((unsigned char)s[i]) || s[i] == '.'))
		return 4;
	return 0;
}

static int parse(const char *in, struct fedns_address *a, struct fault *f)
{
	size_t len;

	memset(f, 0, sizeof *f);
	memset(a, 0, sizeof *a);
	if (!in || !*in)
		return fail(f, AF_EMPTY, 0, 0);
	len = strlen(in);
	f->family = guess_family(in, len);
	if (!check_bytes(in, len, f) || has_port(in, len, f))
		return 0;
	if (f->family == 0) {
		f->byte = (unsigned char)in[0];
		return fail(f, AF_CHAR, 0, 1);
	}
	a->family = f->family;
	if (f->family == 4 ? parse_v4(in, 0, len, a->bytes, f) : parse_v6(in, len, a->bytes, f))
		return 1;
	memset(a, 0, sizeof *a);
	return 0;
}

/* ---- Messages ------------------------------------------------------------ */

struct lang {
	const char *open, *close; /* quotes around input */
	const char *empty;        /* the whole message for AF_EMPTY */
	const char *head[3];      /* by family: 0, 4, 6; "%i" is the input */
	const char *reason[AF_KINDS];
	const char *tail_reason[AF_KINDS]; /* IPv4 faults inside an IPv6 tail */
};

/* Templates, never fed with input: %i the input, %t the offending part,
 * %v the IPv4 tail (all quoted), %n a number, %c the offending character
 * in single quotes, %x the offending byte in hex, %% a percent sign. */
static const struct lang en = {
	"\"", "\"",
	"the address is empty",
	{ "%i is not an IP address: ", "%i is not a valid IPv4 address: ",
	  "%i is not a valid IPv6 address: " },
	{
		[AF_SPACE] = "it contains a space",
		[AF_CONTROL] = "it contains control character %x",
		[AF_NON_ASCII] = "it contains the non-ASCII byte %x",
		[AF_BRACKET] = "it has brackets (write the bare address, without [ ])",
		[AF_ZONE] = "it has a zone index %t (a DNS record cannot carry one)",
		[AF_PREFIX] = "it has a prefix length %t (give one address, not a network)",
		[AF_CHAR] = "it has %c (an IPv4 address has only digits and dots, an IPv6 "
			    "address only hex digits and colons)",
		[AF_PORT] = "it has a port %t (give the address alone)",
		[AF_V4_PARTS] = "an IPv4 address has 4 parts (like 192.0.2.1), not %n",
		[AF_V4_PART_EMPTY] = "part %n is empty",
		[AF_V4_PART_CHAR] = "part %n %t is not a decimal number",
		[AF_V4_LEADING_ZERO] = "part %n %t has a leading zero (not allowed: some "
				       "software reads it as octal)",
		[AF_V4_RANGE] = "part %n %t is over 255",
		[AF_V6_GROUP_CHAR] = "group %t has %c, which is not a hex digit",
		[AF_V6_GROUP_LONG] = "group %t has more than 4 hex digits",
		[AF_V6_TOO_MANY] = "it has too many groups (8 at most, 7 with '::'; an IPv4 "
				   "tail counts as 2)",
		[AF_V6_TOO_FEW] = "it has %n groups, not 8 (write '::' for a run of zero groups)",
		[AF_V6_TWO_GAPS] = "'::' appears twice (it may stand for only one run of zero "
				   "groups)",
		[AF_V6_LEADING_COLON] = "it starts with a single ':' (write '::' or drop it)",
		[AF_V6_TRAILING_COLON] = "it ends with a single ':' (write '::' or drop it)",
		[AF_V6_TRIPLE_COLON] = "it has ':::' (at most two colons in a row)",
		[AF_V6_TAIL_NOT_LAST] = "the IPv4 part %t must come last",
	},
	{
		[AF_V4_PARTS] = "its IPv4 tail %v has %n parts, not 4",
		[AF_V4_PART_EMPTY] = "part %n of its IPv4 tail %v is empty",
		[AF_V4_PART_CHAR] = "part %n %t of its IPv4 tail %v is not a decimal number",
		[AF_V4_LEADING_ZERO] = "part %n %t of its IPv4 tail %v has a leading zero "
				       "(not allowed: some software reads it as octal)",
		[AF_V4_RANGE] = "part %n %t of its IPv4 tail %v is over 255",
	},
};

static const struct lang zh = {
	"“", "”",
	"地址为空",
	{ "%i不是 IP 地址：", "%i不是有效的 IPv4 地址：", "%i不是有效的 IPv6 地址：" },
	{
		[AF_SPACE] = "含有空格",
		[AF_CONTROL] = "含有控制字符 %x",
		[AF_NON_ASCII] = "含有非 ASCII 字节 %x",
		[AF_BRACKET] = "含有方括号（请写不带 [ ] 的地址）",
		[AF_ZONE] = "含有区域索引%t（DNS 记录不能携带它）",
		[AF_PREFIX] = "含有前缀长度%t（请给出单个地址，而不是网络）",
		[AF_CHAR] = "含有 %c（IPv4 地址只含数字和点，IPv6 地址只含十六进制数字和冒号）",
		[AF_PORT] = "含有端口%t（只写地址本身）",
		[AF_V4_PARTS] = "IPv4 地址应有 4 段（如 192.0.2.1），而不是 %n 段",
		[AF_V4_PART_EMPTY] = "第 %n 段为空",
		[AF_V4_PART_CHAR] = "第 %n 段%t不是十进制数",
		[AF_V4_LEADING_ZERO] = "第 %n 段%t有前导零（不允许：有些软件把它读作八进制）",
		[AF_V4_RANGE] = "第 %n 段%t大于 255",
		[AF_V6_GROUP_CHAR] = "组%t含有 %c，它不是十六进制数字",
		[AF_V6_GROUP_LONG] = "组%t超过 4 个十六进制数字",
		[AF_V6_TOO_MANY] = "组太多（最多 8 组，使用 '::' 时最多 7 组；IPv4 尾部算 2 组）",
		[AF_V6_TOO_FEW] = "有 %n 组，而不是 8 组（连续的零组可写成 '::'）",
		[AF_V6_TWO_GAPS] = "'::' 出现了两次（只能代表一段连续的零组）",
		[AF_V6_LEADING_COLON] = "以单个 ':' 开头（请写成 '::' 或删去）",
		[AF_V6_TRAILING_COLON] = "以单个 ':' 结尾（请写成 '::' 或删去）",
		[AF_V6_TRIPLE_COLON] = "含有 ':::'（最多只能连续两个冒号）",
		[AF_V6_TAIL_NOT_LAST] = "IPv4 部分%t必须位于末尾",
	},
	{
		[AF_V4_PARTS] = "其 IPv4 尾部%v有 %n 段，而不是 4 段",
		[AF_V4_PART_EMPTY] = "其 IPv4 尾部%v的第 %n 段为空",
		[AF_V4_PART_CHAR] = "其 IPv4 尾部%v的第 %n 段%t不是十进制数",
		[AF_V4_LEADING_ZERO] = "其 IPv4 尾部%v的第 %n 段%t有前导零"
				       "（不允许：有些软件把它读作八进制）",
		[AF_V4_RANGE] = "其 IPv4 尾部%v的第 %n 段%t大于 255",
	},
};

static void put_quoted(struct fedns_msg *s, const struct lang *l, const char *p, size_t n)
{
	size_t i, shown = n > QUOTE_MAX ? QUOTE_MAX : n;

	fedns_msg_str(s, l->open);
	for (i = 0; i < shown; i++)
		fedns_msg_escaped(s, (unsigned char)p[i]);
	fedns_msg_str(s, l->close);
	if (shown < n)
		fedns_msg_str(s, "...");
}

/* A printable byte between single quotes (others are caught before as
 * control or non-ASCII bytes); only a quote and a backslash are escaped. */
static void put_char(struct fedns_msg *s, unsigned char c)
{
	char one = (char)c;

	fedns_msg_str(s, "'");
	if (c == '\'' || c == '\\')
		fedns_msg_str(s, "\\");
	fedns_msg_bytes(s, &one, 1);
	fedns_msg_str(s, "'");
}

static void put_directive(struct fedns_msg *s, const struct lang *l, char d, const char *in,
			  const struct fault *f)
{
	switch (d) {
	case 'i':
		put_quoted(s, l, in, strlen(in));
		break;
	case 't':
		put_quoted(s, l, in + f->at, f->len);
		break;
	case 'v':
		put_quoted(s, l, in + f->tail_at, f->tail_len);
		break;
	case 'n':
		fedns_msg_size(s, f->number);
		break;
	case 'c':
		put_char(s, f->byte);
		break;
	case 'x':
		fedns_msg_hex(s, "0x", f->byte);
		break;
	default:
		fedns_msg_bytes(s, &d, 1);
		break;
	}
}

static void put_template(struct fedns_msg *s, const struct lang *l, const char *t, const char *in,
			 const struct fault *f)
{
	const char *pct;

	while ((pct = strchr(t, '%')) != NULL && pct[1]) {
		fedns_msg_bytes(s, t, (size_t)(pct - t));
		put_directive(s, l, pct[1], in, f);
		t = pct + 2;
	}
	fedns_msg_str(s, t);
}

static void put_reason(struct fedns_msg *s, const struct lang *l, const char *in, const struct fault *f)
{
	const char *t = f->tail_len ? l->tail_reason[f->kind] : NULL;

	if (f->kind == AF_EMPTY) {
		fedns_msg_str(s, l->empty);
		return;
	}
	put_template(s, l, l->head[f->family == 4 ? 1 : f->family == 6 ? 2 : 0], in, f);
	put_template(s, l, t ? t : l->reason[f->kind], in, f);
}

static void write_reason(const struct lang *l, const char *in, const struct fault *f, char *buf,
			 size_t cap)
{
	struct fedns_msg s;

	if (!buf || cap == 0)
		return;
	s.buf = buf;
	s.cap = cap;
	s.len = 0;
	if (f->kind != AF_NONE)
		put_reason(&s, l, in, f);
	fedns_msg_finish(&s);
}

/* ---- Internal API -------------------------------------------------------- */

/* A dotted quad as fedns_address_format() writes it (four parts of 0..255
 * in decimal, without leading zeros): what it would parse, and nothing it
 * would refuse. 0 for anything else, which it is then left to. */
static int plain_quad(const char *in, struct fedns_address *out)
{
	struct fedns_address a;
	unsigned value = 0, digits = 0;
	size_t part = 0, i;

	memset(&a, 0, sizeof(a));
	for (i = 0; in; i++) {
		unsigned c = (unsigned char)in[i];

		if (c - '0' < 10u) {
			if (digits && value == 0)
				return 0;
			value = value * 10 + (c - '0');
			if (++digits > 3 || value > 255)
				return 0;
			continue;
		}
		if ((c != '.' && c != '\0') || !digits || part == 4)
			return 0;
		a.bytes[part++] = (uint8_t)value;
		if (!c)
			break;
		value = digits = 0;
	}
	if (part != 4)
		return 0;
	a.family = 4;
	*out = a;
	return 1;
}

int fedns__address_parse_full(const char *in, struct fedns_address *out, char *why,
			      size_t whycap)
{
	struct fedns_address a;
	struct fault f;
	int ok = parse(in, &a, &f);

	write_reason(&en, in, &f, why, whycap);
	if (out)
		*out = a;
	return ok;
}

/* Most addresses are plain dotted quads: they need none of the checks that
 * explain a mistake. */
int fedns_address_parse(const char *in, struct fedns_address *out, char *why, size_t whycap)
{
	struct fedns_address a;

	if (!plain_quad(in, &a))
		return fedns__address_parse_full(in, out, why, whycap);
	if (out)
		*out = a;
	if (why && whycap)
		why[0] = '\0';
	return 1;
}

void fedns_address_error_text_zh(const char *in, char *buf, size_t cap)
{
	struct fedns_address a;
	struct fault f;

	parse(in, &a, &f);
	write_reason(&zh, in, &f, buf, cap);
}

static size_t put_dotted(char *out, size_t len, const uint8_t *q)
{
	size_t k;

	for (k = 0; k < 4; k++) {
		unsigned v = q[k];
		if (k)
			out[len++] = '.';
		if (v >= 100)
			out[len++] = (char)('0' + v / 100);
		if (v >= 10)
			out[len++] = (char)('0' + v / 10 % 10);
		out[len++] = (char)('0' + v % 10);
	}
	out[len] = '\0';
	return len;
}

/* RFC 5952 4.1: no leading zeros; 4.3: lower case. */
static size_t put_group(char *out, size_t len, unsigned g)
{
	static const char hex[] = "0123456789abcdef";
	int shift, started = 0;

	for (shift = 12; shift >= 0; shift -= 4) {
		unsigned d = (g >> shift) & 15;
		if (d || started || shift == 0) {
			out[len++] = hex[d];
			started = 1;
		}
	}
	return len;
}

/* RFC 5952 4.2: "::" replaces the longest run of two or more zero groups,
 * the first one on a tie, never a single group. */
static void longest_zero_run(const unsigned g[8], int *best, int *best_len)
{
	int i, run;

	*best = -1;
	*best_len = 1;
	for (i = 0; i < 8; i += run ? run : 1) {
		for (run = 0; i + run < 8 && g[i + run] == 0; run++)
			;
		if (run > *best_len) {
			*best = i;
			*best_len = run;
		}
	}
}

/* RFC 5952 section 5: an IPv4-mapped address keeps its dotted tail. */
static int is_v4_mapped(const uint8_t *b)
{
	static const uint8_t prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

	return memcmp(b, prefix, sizeof prefix) == 0;
}

static size_t format_v6(const uint8_t *b, char *out)
{
	unsigned g[8];
	int i, best, best_len;
	size_t len = 0;

	if (is_v4_mapped(b)) {
		memcpy(out, "::ffff:", 7);
		return put_dotted(out, 7, b + 12);
	}
	for (i = 0; i < 8; i++)
		g[i] = (unsigned)(b[2 * i] << 8 | b[2 * i + 1]);
	longest_zero_run(g, &best, &best_len);
	for (i = 0; i < 8; i++) {
		if (i == best) {
			out[len++] = ':';
			out[len++] = ':';
			i += best_len - 1;
			continue;
		}
		if (i > 0 && i != best + best_len)
			out[len++] = ':';
		len = put_group(out, len, g[i]);
	}
	out[len] = '\0';
	return len;
}

size_t fedns_address_format(const struct fedns_address *a, char *out)
{
	if (a->family == 4)
		return put_dotted(out, 0, a->bytes);
	if (a->family == 6)
		return format_v6(a->bytes, out);
	out[0] = '\0';
	return 0;
}

/* V5's non-public ranges (SPEC 3), as data: each row a family, a network
 * and a prefix length. Documentation ranges are deliberately absent. */
struct range {
	int family;
	uint8_t net[16];
	unsigned bits;
};

static const struct range non_public[] = {
	{ 4, { 0 }, 8 },                    /* 0.0.0.0/8 "this network" */
	{ 4, { 10 }, 8 },                   /* 10.0.0.0/8 private */
	{ 4, { 100, 64 }, 10 },             /* 100.64.0.0/10 shared (CGN) */
	{ 4, { 127 }, 8 },                  /* 127.0.0.0/8 loopback */
	{ 4, { 169, 254 }, 16 },            /* 169.254.0.0/16 link-local */
	{ 4, { 172, 16 }, 12 },             /* 172.16.0.0/12 private */
	{ 4, { 192, 168 }, 16 },            /* 192.168.0.0/16 private */
	{ 4, { 224 }, 4 },                  /* 224.0.0.0/4 multicast */
	{ 4, { 240 }, 4 },                  /* 240.0.0.0/4 reserved */
	{ 6, { 0 }, 128 },                  /* :: unspecified */
	{ 6, { [15] = 1 }, 128 },           /* ::1 loopback */
	{ 6, { [10] = 0xff, 0xff }, 96 },   /* ::ffff:0:0/96 IPv4-mapped */
	{ 6, { 0xfc }, 7 },                 /* fc00::/7 unique local */
	{ 6, { 0xfe, 0x80 }, 10 },          /* fe80::/10 link-local */
	{ 6, { 0xfe, 0xc0 }, 10 },          /* fec0::/10 site-local */
	{ 6, { 0xff }, 8 },                 /* ff00::/8 multicast */
};

static int in_range(const struct fedns_address *a, const struct range *r)
{
	unsigned whole = r->bits / 8, rest = r->bits % 8;
	uint8_t mask;

	if (a->family != r->family || memcmp(a->bytes, r->net, whole) != 0)
		return 0;
	if (rest == 0)
		return 1;
	mask = (uint8_t)(0xff << (8 - rest));
	return (a->bytes[whole] & mask) == r->net[whole];
}

int fedns_address_is_public(const struct fedns_address *a)
{
	size_t i;

	if (a->family != 4 && a->family != 6)
		return 0;
	for (i = 0; i < sizeof non_public / sizeof non_public[0]; i++) {
		if (in_range(a, &non_public[i]))
			return 0;
	}
	return 1;
}

int fedns_address_compare(const struct fedns_address *a, const struct fedns_address *b)
{
	int c;

	if (a->family != b->family)
		return a->family < b->family ? -1 : 1;
	c = memcmp(a->bytes, b->bytes, a->family == 4 ? 4 : 16);
	return (c > 0) - (c < 0);
}

/* ---- Public entry point -------------------------------------------------- */

FEDNS_API fedns_status fedns_address_normalize(const char *address, char *out, size_t outcap,
					       char *why, size_t whycap)
{
	struct fedns_address a;
	char text[FEDNS_ADDRESS_BUF];
	size_t len;

	if (why && whycap > 0)
		why[0] = '\0';
	if (out && outcap > 0)
		out[0] = '\0';
	if (!address || !out)
		return FEDNS_EINVAL;
	if (!fedns_address_parse(address, &a, why, whycap))
		return FEDNS_EBADADDR;
	len = fedns_address_format(&a, text);
	if (len + 1 > outcap)
		return FEDNS_ESPACE;
	memcpy(out, text, len + 1);
	return FEDNS_OK;
}
