#include "zoneline.h"

#include <stdio.h>
#include <string.h>

#include "fedns/fedns.h"

#define FIELDS_MAX 8
#define NAME_MAX_TEXT 256

struct field {
	const char *p;
	size_t n;
};

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Splits a record line on single spaces; -1 if it has more than FIELDS_MAX
 * fields, an empty field or a tab. */
static int split(const char *line, size_t len, struct field *f)
{
	size_t i = 0, start = 0;
	int n = 0;

	for (i = 0; i <= len; i++) {
		if (i < len && line[i] == '\t')
			return -1;
		if (i == len || line[i] == ' ') {
			if (i == start || n == FIELDS_MAX)
				return -1;
			f[n].p = line + start;
			f[n].n = i - start;
			n++;
			start = i + 1;
		}
	}
	return n;
}

static int field_is(const struct field *f, const char *s)
{
	return f->n == strlen(s) && memcmp(f->p, s, f->n) == 0;
}

/* A decimal number without sign or leading zero, at most `max`. */
static int number(const struct field *f, unsigned long max)
{
	unsigned long v = 0;
	size_t i;

	if (f->n == 0 || f->n > 10 || (f->n > 1 && f->p[0] == '0'))
		return 0;
	for (i = 0; i < f->n; i++) {
		if (f->p[i] < '0' || f->p[i] > '9')
			return 0;
		v = v * 10 + (unsigned long)(f->p[i] - '0');
	}
	return v <= max;
}

/* An absolute name that fedns_name_normalize() gives back unchanged, after
 * `underscores` leading service labels (_sip._tls) that only the library
 * may build. */
static const char *absolute_name(const struct field *f, int underscores)
{
	char in[NAME_MAX_TEXT], out[NAME_MAX_TEXT];
	const char *p = f->p, *end = f->p + f->n;
	int i;

	if (f->n < 2 || f->n >= NAME_MAX_TEXT || end[-1] != '.')
		return "a name is not absolute";
	for (i = 0; i < underscores; i++) {
		const char *dot = memchr(p, '.', (size_t)(end - p));
		const char *q;

		if (*p != '_' || !dot || dot == p + 1)
			return "a service label does not start with an underscore";
		for (q = p + 1; q < dot; q++)
			if (!((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || *q == '-'))
				return "a service label has a character outside [a-z0-9-]";
		p = dot + 1;
	}
	if (f->n > 254)
		return "a name is longer than 253 octets";
	memcpy(in, p, (size_t)(end - p));
	in[end - p] = '\0';
	if (fedns_name_normalize(in, out, sizeof(out), NULL, 0) != FEDNS_OK)
		return "a name does not normalize";
	in[end - p - 1] = '\0';
	if (strcmp(in, out) != 0)
		return "a name is not in normal form";
	return NULL;
}

static const char *address(const struct field *f, int family)
{
	char in[64], out[64];

	if (f->n == 0 || f->n >= sizeof(in))
		return "an address has a bad length";
	memcpy(in, f->p, f->n);
	in[f->n] = '\0';
	if (fedns_address_normalize(in, out, sizeof(out), NULL, 0) != FEDNS_OK)
		return "an address does not normalize";
	if (strcmp(in, out) != 0)
		return "an address is not in canonical form";
	if ((strchr(in, ':') != NULL) != (family == 6))
		return "an address of the wrong family";
	return NULL;
}

static int owner_underscores(const struct field *type)
{
	return field_is(type, "SRV") ? 2 : 0;
}

/* One record line; NULL if it is fine. */
static const char *record(const char *line, size_t len)
{
	struct field f[FIELDS_MAX];
	const char *why;
	int n = split(line, len, f);

	if (n < 5)
		return "a record line does not have owner, TTL, class, type and data, "
		       "separated by single spaces";
	if (!number(&f[1], 2147483647ul))
		return "the TTL is not a number of 0..2147483647";
	if (!field_is(&f[2], "IN"))
		return "the class is not IN";
	why = absolute_name(&f[0], owner_underscores(&f[3]));
	if (why)
		return why;
	if (field_is(&f[3], "A") || field_is(&f[3], "AAAA")) {
		if (n != 5)
			return "an A/AAAA record has more than one address";
		return address(&f[4], field_is(&f[3], "A") ? 4 : 6);
	}
	if (field_is(&f[3], "CNAME")) {
		if (n != 5)
			return "a CNAME record has more than one target";
		return absolute_name(&f[4], 0);
	}
	if (field_is(&f[3], "SRV")) {
		if (n != 8)
			return "an SRV record does not have priority, weight, port and target";
		if (!number(&f[4], 65535) || !number(&f[5], 65535) || !number(&f[6], 65535))
			return "an SRV priority, weight or port is not a number of 0..65535";
		return absolute_name(&f[7], 0);
	}
	return "an unknown record type";
}

static const char *check_line(const char *line, size_t len, int *is_record)
{
	size_t i;

	*is_record = 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)line[i];

		if (c == '\0')
			return "a NUL byte";
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return "a control character";
	}
	if (len == 0)
		return NULL;
	if (line[0] == ';')
		return NULL;
	if (line[0] == '$')
		return "a line reads as a directive";
	if (is_space(line[0]))
		return "a line starts with white space: it continues the previous owner";
	for (i = 0; i < len; i++)
		if (line[i] == '(' || line[i] == ')' || line[i] == '"' || line[i] == '\\' ||
		    line[i] == ';' || line[i] == '@')
			return "a record line holds a character with a meaning in master files";
	*is_record = 1;
	return record(line, len);
}

int zoneline_check_line(const char *line, size_t len, int *is_record, char *why, size_t whycap)
{
	const char *bad = check_line(line, len, is_record);

	if (!bad)
		return 0;
	snprintf(why, whycap, "%s: \"%.*s\"", bad, (int)(len < 200 ? len : 200), line);
	return -1;
}

int zoneline_check_text(const char *text, size_t len, size_t *records, char *why,
			size_t whycap)
{
	size_t at = 0, lineno = 0, n = 0;

	if (len && text[len - 1] != '\n') {
		snprintf(why, whycap, "the text does not end with a newline");
		return -1;
	}
	while (at < len) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t linelen = (size_t)(nl - (text + at));
		int is_record;
		const char *bad;

		lineno++;
		bad = check_line(text + at, linelen, &is_record);
		if (bad) {
			snprintf(why, whycap, "line %zu: %s: \"%.*s\"", lineno, bad,
				 (int)(linelen < 200 ? linelen : 200), text + at);
			return -1;
		}
		n += (size_t)is_record;
		at += linelen + 1;
	}
	if (records)
		*records = n;
	return 0;
}
