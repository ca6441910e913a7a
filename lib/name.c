/* DNS names (SPEC 5): the RFC 1034/1035/1123 checks, ASCII case folding and
 * the English and Chinese sentences that name the bad label. */
#include "name.h"

#include <string.h>

#include "fedns/fedns.h"
#include "message.h"

/* How many input bytes a message quotes before it cuts with "...": enough
 * to show any valid name whole, short enough to keep a message one line. */
#define QUOTE_NAME_MAX 120
#define QUOTE_LABEL_MAX FEDNS_LABEL_MAX

/* ---- Checking and folding ------------------------------------------------ */

/* Bytes compared as unsigned: input is UTF-8 and `char` may be signed. */
static unsigned char byte_at(const char *p, size_t i)
{
	return (unsigned char)p[i];
}

static int is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int is_ldh(unsigned char c)
{
	return is_letter(c) || is_digit(c) || c == '-';
}

/* Folding by arithmetic, not tolower(): the C locale must not matter. */
static char fold_byte(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		c = (unsigned char)(c - 'A' + 'a');
	return (char)c;
}

/* Control bytes and non-ASCII become '?' so the error record stays
 * printable wherever a caller shows it. */
static void copy_printable(char *dst, size_t cap, const char *src, size_t n)
{
	size_t i;

	if (n > cap - 1)
		n = cap - 1;
	for (i = 0; i < n; i++) {
		unsigned char c = byte_at(src, i);
		dst[i] = (c < 0x20 || c >= 0x7f) ? '?' : (char)c;
	}
	dst[n] = '\0';
}

static enum fedns_name_fault set_fault(struct fedns_name_error *err, enum fedns_name_fault fault,
				       size_t index, const char *label, size_t n, char bad)
{
	if (err) {
		err->fault = fault;
		err->label = index;
		err->bad = bad;
		copy_printable(err->text, sizeof err->text, label, n);
	}
	return fault;
}

/* The first byte of `p[0..n)` that breaks `ok`, or n. */
static size_t first_not(const char *p, size_t n, int (*ok)(unsigned char))
{
	size_t i;

	for (i = 0; i < n && ok(byte_at(p, i)); i++)
		;
	return i;
}

static int is_ascii(unsigned char c)
{
	return c < 0x80;
}

/* One label's checks, in the order a user should fix them: raw UTF-8 first
 * (converting it to an A-label rewrites the whole label), then the first bad
 * character, then length, then hyphens. */
static enum fedns_name_fault check_label(const char *p, size_t n, size_t index,
					 struct fedns_name_error *err)
{
	size_t bad;

	if (n == 0)
		return set_fault(err, FEDNS_NAME_LABEL_EMPTY, index, p, 0, 0);
	if (first_not(p, n, is_ascii) < n)
		return set_fault(err, FEDNS_NAME_LABEL_UTF8, index, p, n, 0);
	bad = first_not(p, n, is_ldh);
	if (bad < n)
		return set_fault(err, FEDNS_NAME_LABEL_CHAR, index, p, n, p[bad]);
	if (n > FEDNS_LABEL_MAX)
		return set_fault(err, FEDNS_NAME_LABEL_TOO_LONG, index, p, n, 0);
	if (p[0] == '-' || p[n - 1] == '-')
		return set_fault(err, FEDNS_NAME_LABEL_HYPHEN, index, p, n, '-');
	return FEDNS_NAME_OK;
}

/* `in` without its one optional trailing dot. */
static size_t name_length(const char *in)
{
	size_t len = strlen(in);

	if (len > 0 && in[len - 1] == '.')
		len--;
	return len;
}

/* Label checks come before the length of the whole name: a bad label is the
 * more precise message, and the usual cause of an overlong name. */
static enum fedns_name_fault check_name(const char *in, size_t len, struct fedns_name_error *err)
{
	enum fedns_name_fault f;
	size_t start = 0, last = 0, i, index = 0;

	for (i = 0; i <= len; i++) {
		if (i < len && in[i] != '.')
			continue;
		f = check_label(in + start, i - start, ++index, err);
		if (f != FEDNS_NAME_OK)
			return f;
		last = start;
		start = i + 1;
	}
	if (len > FEDNS_NAME_MAX)
		return set_fault(err, FEDNS_NAME_TOO_LONG, 0, "", 0, 0);
	/* RFC 1123 2.1 wants the top-level label alphabetic so that a name
	 * never reads as a dotted quad; SPEC 5 asks only "not all digits". */
	if (first_not(in + last, len - last, is_digit) == len - last)
		return set_fault(err, FEDNS_NAME_NUMERIC_TLD, index, in + last, len - last, 0);
	return FEDNS_NAME_OK;
}

/* The common case in one pass: a valid name of ASCII letters, digits and
 * hyphens, folded into `out`. Returns 0 at anything else, for check_name()
 * to say what is wrong; what it wrote to `out` is then to be discarded. */
static int fold_valid(const char *in, size_t len, char *out)
{
	size_t i, start = 0;
	int numeric = 1; /* the label so far is all digits */

	if (len > FEDNS_NAME_MAX)
		return 0;
	for (i = 0; i <= len; i++) {
		unsigned char c = i < len ? byte_at(in, i) : '.';

		if (c == '.') {
			if (i == start || i - start > FEDNS_LABEL_MAX || in[start] == '-' ||
			    in[i - 1] == '-')
				return 0;
			if (i == len)
				break;
			start = i + 1;
			numeric = 1;
		} else if (c >= 'A' && c <= 'Z') {
			c = (unsigned char)(c - 'A' + 'a');
			numeric = 0;
		} else if ((c >= 'a' && c <= 'z') || c == '-') {
			numeric = 0;
		} else if (!is_digit(c)) {
			return 0;
		}
		out[i] = (char)c;
	}
	out[len] = '\0';
	return !numeric;
}

/* The bytes a folded label is made of: lower-case letters, digits and
 * the hyphen. */
static const unsigned char folded_ldh[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* How many bytes of `p` are folded_ldh ones, four a round: a byte is read
 * only after the one before it proved not to be the NUL. */
static size_t ldh_run(const unsigned char *p)
{
	size_t i = 0;

	for (;; i += 4) {
		if (!folded_ldh[p[i]])
			return i;
		if (!folded_ldh[p[i + 1]])
			return i + 1;
		if (!folded_ldh[p[i + 2]])
			return i + 2;
		if (!folded_ldh[p[i + 3]])
			return i + 3;
	}
}

/* One pass that gives up at the first byte needing more than a look: an
 * upper-case letter, a trailing dot or anything SPEC 5 forbids. */
size_t fedns_name_folded_len(const char *in)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t i = 0, start;

	if (!in)
		return 0;
	for (;; i++) {
		start = i;
		i += ldh_run(p + i);
		if (i == start || i - start > FEDNS_LABEL_MAX || p[start] == '-' || p[i - 1] == '-')
			return 0;
		if (p[i] != '.')
			break;
	}
	if (p[i] || i > FEDNS_NAME_MAX)
		return 0;
	/* RFC 1123 2.1: the last label is not all digits (see check_name). */
	while (start < i && is_digit(p[start]))
		start++;
	return start < i ? i : 0;
}

enum fedns_name_fault fedns_name_fold(const char *in, char *out, struct fedns_name_error *err)
{
	enum fedns_name_fault f;
	size_t len, i;

	out[0] = '\0';
	set_fault(err, FEDNS_NAME_OK, 0, "", 0, 0);
	if (!in)
		return set_fault(err, FEDNS_NAME_EMPTY, 0, "", 0, 0);
	len = name_length(in);
	if (len && in != out) {
		if (fold_valid(in, len, out))
			return FEDNS_NAME_OK;
		out[0] = '\0';
	}
	if (len == 0)
		return set_fault(err, FEDNS_NAME_EMPTY, 0, "", 0, 0);
	f = check_name(in, len, err);
	if (f != FEDNS_NAME_OK)
		return f;
	for (i = 0; i < len; i++)
		out[i] = fold_byte(byte_at(in, i));
	out[len] = '\0';
	return FEDNS_NAME_OK;
}

int fedns_label_fold(const char *in, char *out)
{
	struct fedns_name_error err;
	enum fedns_name_fault f = fedns_name_fold(in, out, &err);

	if (f == FEDNS_NAME_NUMERIC_TLD && err.label == 1 && !strchr(in, '.')) {
		/* Digits fold to themselves. */
		memcpy(out, in, strlen(in) + 1);
		return 1;
	}
	return f == FEDNS_NAME_OK && fedns_name_labels(out) == 1;
}

size_t fedns_name_labels(const char *folded)
{
	size_t n = 1;

	if (!folded || !*folded)
		return 0;
	for (; *folded; folded++)
		n += *folded == '.';
	return n;
}

int fedns_name_within(const char *name, const char *domain)
{
	size_t n, d;

	if (!name || !domain || !*domain)
		return 0;
	n = strlen(name);
	d = strlen(domain);
	if (n == d)
		return memcmp(name, domain, n) == 0;
	return n > d && name[n - d - 1] == '.' && memcmp(name + n - d, domain, d) == 0;
}

/* ---- Messages ------------------------------------------------------------ */

/* `p[0..n)` between the language's quotes; input past `limit` bytes is cut
 * and the cut is marked with "..." after the closing quote, where it cannot
 * be mistaken for dots of the name. */
static void put_quoted(struct fedns_msg *s, const char *open, const char *close, const char *p,
		       size_t n, size_t limit)
{
	size_t i, shown = n > limit ? limit : n;

	fedns_msg_str(s, open);
	for (i = 0; i < shown; i++)
		fedns_msg_escaped(s, byte_at(p, i));
	fedns_msg_str(s, close);
	if (shown < n)
		fedns_msg_str(s, "...");
}

/* Label `index` (1-based) of `in`, as check_name split it. */
static int find_label(const char *in, size_t index, const char **p, size_t *n)
{
	size_t len, start = 0, i, k = 1;

	if (!in || index == 0)
		return 0;
	len = name_length(in);
	for (i = 0; i <= len; i++) {
		if (i < len && in[i] != '.')
			continue;
		if (k == index) {
			*p = in + start;
			*n = i - start;
			return 1;
		}
		start = i + 1;
		k++;
	}
	return 0;
}

/* The words of one language; each message is assembled from these pieces
 * so that both languages say the same thing in the same order of facts. */
struct words {
	const char *open, *close;
	/* name-level faults */
	const char *name, *the_name, *empty_name, *too_long_a, *too_long_b;
	/* "label N "x" of "name"" is phrased with the label first in English
	 * and the name first in Chinese */
	int name_first;
	const char *label, *label_of, *label_pad;
	const char *last_label;
	const char *label_empty, *too_long_label_a, *too_long_label_b;
	const char *has, *char_pad, *space, *control, *char_hint;
	const char *utf8, *hyphen_start, *hyphen_end, *numeric;
};

static const struct words en = {
	"\"", "\"",
	"name ", "the name",
	" is empty (a name needs at least one label, like \"example.com\")",
	" is ", " octets long without the trailing dot (at most 253 are allowed)",
	0,
	"label ", " of ", " ",
	"the last label ",
	" is empty (two dots in a row, or a dot at the start)",
	" is ", " octets long (at most 63 are allowed)",
	" has ", "", "a space", "control character ",
	" (only letters, digits and hyphens are allowed)",
	" is not ASCII: convert the name to A-labels (punycode, \"xn--...\") first",
	" starts with a hyphen (a label may not start or end with '-')",
	" ends with a hyphen (a label may not start or end with '-')",
	" is all digits (a top-level domain is never numeric; an IP address is not a name)",
};

static const struct words zh = {
	"“", "”",
	"名称", "名称",
	"为空（名称至少需要一个标签，如“example.com”）",
	"去掉末尾的点后长 ", " 个字节（最多 253 个）",
	1,
	"的第 ", " 个标签", "",
	"的最后一个标签",
	"为空（连续两个点，或以点开头）",
	"长 ", " 个字节（最多 63 个）",
	"含有", " ", "空格", "控制字符 ",
	"（只允许字母、数字和连字符）",
	"含有非 ASCII 字符：请先把名称转换为 A 标签（Punycode，“xn--...”）",
	"以连字符开头（标签不能以 '-' 开头或结尾）",
	"以连字符结尾（标签不能以 '-' 开头或结尾）",
	"全是数字（顶级域不会是纯数字；IP 地址不是名称）",
};

static void put_name(struct fedns_msg *s, const struct words *w, const char *in)
{
	if (in)
		put_quoted(s, w->open, w->close, in, strlen(in), QUOTE_NAME_MAX);
	else
		fedns_msg_str(s, w->the_name);
}

/* The label as written in `in` when we have it (escaped like the name), else
 * the printable copy kept in `err`. */
static void put_label_text(struct fedns_msg *s, const struct words *w,
			   const struct fedns_name_error *err, const char *in)
{
	const char *p;
	size_t n;

	if (!find_label(in, err->label, &p, &n)) {
		p = err->text;
		n = strlen(err->text);
	}
	put_quoted(s, w->open, w->close, p, n, QUOTE_LABEL_MAX);
}

/* English: label 2 "x" of "name"; Chinese: “name” 的第 2 个标签 “x”. An empty
 * label is not quoted: "" would say nothing. */
static void put_label_ref(struct fedns_msg *s, const struct words *w,
			  const struct fedns_name_error *err, const char *in, int quote_label)
{
	if (w->name_first) {
		put_name(s, w, in);
		fedns_msg_str(s, w->label);
		fedns_msg_size(s, err->label);
		fedns_msg_str(s, w->label_of);
		if (quote_label) {
			fedns_msg_str(s, w->label_pad);
			put_label_text(s, w, err, in);
		}
		return;
	}
	fedns_msg_str(s, w->label);
	fedns_msg_size(s, err->label);
	if (quote_label) {
		fedns_msg_str(s, w->label_pad);
		put_label_text(s, w, err, in);
	}
	fedns_msg_str(s, w->label_of);
	put_name(s, w, in);
}

/* The character between single quotes; only a quote and a backslash need
 * escaping there (the byte is printable ASCII: others are UTF-8 faults or
 * shown by number). */
static void put_bad_char(struct fedns_msg *s, const struct words *w, char bad)
{
	unsigned char c = (unsigned char)bad;

	if (c == ' ') {
		fedns_msg_str(s, w->space);
	} else if (c < 0x20 || c == 0x7f) {
		fedns_msg_str(s, w->control);
		fedns_msg_hex(s, "0x", c);
	} else {
		fedns_msg_str(s, w->char_pad);
		fedns_msg_str(s, "'");
		if (c == '\'' || c == '\\')
			fedns_msg_str(s, "\\");
		fedns_msg_bytes(s, &bad, 1);
		fedns_msg_str(s, "'");
	}
}

static void put_label_length(struct fedns_msg *s, const struct words *w,
			     const struct fedns_name_error *err, const char *in)
{
	const char *p;
	size_t n;

	fedns_msg_str(s, w->too_long_label_a);
	if (find_label(in, err->label, &p, &n))
		fedns_msg_size(s, n);
	else
		fedns_msg_str(s, "> 63");
	fedns_msg_str(s, w->too_long_label_b);
}

static void put_name_length(struct fedns_msg *s, const struct words *w, const char *in)
{
	fedns_msg_str(s, w->too_long_a);
	if (in)
		fedns_msg_size(s, name_length(in));
	else
		fedns_msg_str(s, "> 253");
	fedns_msg_str(s, w->too_long_b);
}

static void put_last_label(struct fedns_msg *s, const struct words *w,
			   const struct fedns_name_error *err, const char *in)
{
	if (w->name_first) {
		put_name(s, w, in);
		fedns_msg_str(s, w->last_label);
		put_label_text(s, w, err, in);
		return;
	}
	fedns_msg_str(s, w->last_label);
	put_label_text(s, w, err, in);
	fedns_msg_str(s, w->label_of);
	put_name(s, w, in);
}

static void put_message(struct fedns_msg *s, const struct words *w, const struct fedns_name_error *err,
			const char *in)
{
	switch (err->fault) {
	case FEDNS_NAME_OK:
		return;
	case FEDNS_NAME_EMPTY:
		fedns_msg_str(s, w->name);
		put_name(s, w, in ? in : "");
		fedns_msg_str(s, w->empty_name);
		return;
	case FEDNS_NAME_TOO_LONG:
		fedns_msg_str(s, w->name);
		put_name(s, w, in);
		put_name_length(s, w, in);
		return;
	case FEDNS_NAME_LABEL_EMPTY:
		put_label_ref(s, w, err, in, 0);
		fedns_msg_str(s, w->label_empty);
		return;
	case FEDNS_NAME_LABEL_TOO_LONG:
		put_label_ref(s, w, err, in, 1);
		put_label_length(s, w, err, in);
		return;
	case FEDNS_NAME_LABEL_CHAR:
		put_label_ref(s, w, err, in, 1);
		fedns_msg_str(s, w->has);
		put_bad_char(s, w, err->bad);
		fedns_msg_str(s, w->char_hint);
		return;
	case FEDNS_NAME_LABEL_UTF8:
		put_label_ref(s, w, err, in, 1);
		fedns_msg_str(s, w->utf8);
		return;
	case FEDNS_NAME_LABEL_HYPHEN:
		put_label_ref(s, w, err, in, 1);
		fedns_msg_str(s, err->text[0] == '-' ? w->hyphen_start : w->hyphen_end);
		return;
	case FEDNS_NAME_NUMERIC_TLD:
		put_last_label(s, w, err, in);
		fedns_msg_str(s, w->numeric);
		return;
	}
}

static void write_message(const struct words *w, const struct fedns_name_error *err,
			  const char *in, char *buf, size_t cap)
{
	struct fedns_msg s;

	if (!buf || cap == 0)
		return;
	s.buf = buf;
	s.cap = cap;
	s.len = 0;
	if (err)
		put_message(&s, w, err, in);
	fedns_msg_finish(&s);
}

void fedns_name_error_text(const struct fedns_name_error *err, const char *in, char *buf,
			   size_t cap)
{
	write_message(&en, err, in, buf, cap);
}

void fedns_name_error_text_zh(const struct fedns_name_error *err, const char *in, char *buf,
			      size_t cap)
{
	write_message(&zh, err, in, buf, cap);
}

/* ---- Public entry point -------------------------------------------------- */

FEDNS_API fedns_status fedns_name_normalize(const char *name, char *out, size_t outcap,
					    char *why, size_t whycap)
{
	char folded[FEDNS_NAME_BUF];
	struct fedns_name_error err;
	size_t len;

	if (why && whycap > 0)
		why[0] = '\0';
	if (out && outcap > 0)
		out[0] = '\0';
	if (!name || !out)
		return FEDNS_EINVAL;
	if (fedns_name_fold(name, folded, &err) != FEDNS_NAME_OK) {
		fedns_name_error_text(&err, name, why, whycap);
		return FEDNS_EBADNAME;
	}
	len = strlen(folded);
	if (len + 1 > outcap)
		return FEDNS_ESPACE;
	memcpy(out, folded, len + 1);
	return FEDNS_OK;
}
