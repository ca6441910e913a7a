/* Rendering entry points and the pieces every format shares. */
#include "render.h"

#include <assert.h>
#include <string.h>

#include "zone_split.h"

typedef void (*renderer)(const struct fedns_recordset *rs, int lang, struct fedns_sink *s);
typedef void (*zone_renderer)(const struct fedns_recordset *rs, const struct fedns_zones *zs,
			      int lang, struct fedns_sink *s);

static renderer find(int format)
{
	switch (format) {
	case FEDNS_FORMAT_ZONE:
		return fedns_render_zone;
	case FEDNS_FORMAT_TABLE:
		return fedns_render_table;
	case FEDNS_FORMAT_CSV:
		return fedns_render_csv;
	case FEDNS_FORMAT_JSON:
		return fedns_render_json;
	case FEDNS_FORMAT_MARKDOWN:
		return fedns_render_markdown;
	default:
		return NULL;
	}
}

static zone_renderer find_zoned(int format)
{
	switch (format) {
	case FEDNS_FORMAT_SHEET:
		return fedns_render_sheet;
	case FEDNS_FORMAT_NSUPDATE:
		return fedns_render_nsupdate;
	case FEDNS_FORMAT_POWERSHELL:
		return fedns_render_powershell;
	case FEDNS_FORMAT_OCTODNS:
		return fedns_render_octodns;
	default:
		return NULL;
	}
}

/* The per-zone formats split the set into zones first: only they pay for
 * it, and only with memory of their own, so the set stays immutable. */
static fedns_status run_zoned(const fedns_recordset *rs, zone_renderer r, int lang,
			      struct fedns_sink *s)
{
	struct fedns_zones zs;
	fedns_status st = fedns_zone_split(rs, &zs), fin;

	if (!st)
		r(rs, &zs, lang, s);
	fedns_zones_clear(rs, &zs);
	/* Out of memory, the output is empty: "" in a buffer. */
	fin = fedns_sink_finish(s);
	return st ? st : fin;
}

static fedns_status run(const fedns_recordset *rs, int format, int lang, struct fedns_sink *s)
{
	renderer r = find(format);
	zone_renderer z = find_zoned(format);

	if (!rs || (!r && !z) || (lang != FEDNS_LANG_EN && lang != FEDNS_LANG_ZH_CN))
		return FEDNS_EINVAL;
	if (z)
		return run_zoned(rs, z, lang, s);
	r(rs, lang, s);
	return fedns_sink_finish(s);
}

FEDNS_API fedns_status fedns_render(const fedns_recordset *rs, int format, int lang, char *buf,
				    size_t cap, size_t *needed)
{
	struct fedns_sink s;
	fedns_status st;

	if (!buf && cap)
		return FEDNS_EINVAL;
	fedns_sink_buffer(&s, buf, cap);
	st = run(rs, format, lang, &s);
	if (needed && st != FEDNS_EINVAL)
		*needed = s.total;
	return st;
}

FEDNS_API fedns_status fedns_render_to(const fedns_recordset *rs, int format, int lang,
				       fedns_write_fn write, void *ud)
{
	struct fedns_sink s;

	if (!write)
		return FEDNS_EINVAL;
	fedns_sink_callback(&s, write, ud);
	return run(rs, format, lang, &s);
}

/* The name of record type `type`, looked up the first time only. */
static const struct fedns_render_name *type_name(struct fedns_render_names *nm, int type)
{
	struct fedns_render_name *t;

	assert(type > 0 && type < 64); /* the types that records have */
	t = &nm->type[type];
	if (!(nm->types >> type & 1)) {
		t->text = fedns_rrtype_name(type);
		t->n = strlen(t->text);
		nm->types |= (uint64_t)1 << type;
	}
	return t;
}

/* The name of the purpose of bit `bit` (one bit set), the same way. */
static const struct fedns_render_name *purpose_name(struct fedns_render_names *nm, uint32_t bit)
{
	struct fedns_render_name *t = &nm->purpose[__builtin_ctz(bit)];

	if (!(nm->purposes & bit)) {
		t->text = fedns_purpose_name(bit);
		t->n = strlen(t->text);
		nm->purposes |= bit;
	}
	return t;
}

/* The purpose tags of a record, looked up once to be measured and written:
 * set bits only, lowest first. */
struct tags {
	size_t count, len; /* len: the tags' and separators' bytes */
	const struct fedns_render_name *name[32];
};

static void tags_find(struct tags *t, struct fedns_render_names *nm, uint32_t purposes,
		      size_t sep)
{
	uint32_t rest;

	t->count = t->len = 0;
	for (rest = purposes; rest; rest &= rest - 1) {
		const struct fedns_render_name *name = purpose_name(nm, rest & (0u - rest));

		t->name[t->count++] = name;
		t->len += name->n + (rest != purposes ? sep : 0);
	}
}

static char *tags_at(char *p, const struct tags *t, const char *sep, size_t n)
{
	size_t i;

	for (i = 0; i < t->count; i++) {
		if (i) {
			memcpy(p, sep, n);
			p += n;
		}
		memcpy(p, t->name[i]->text, t->name[i]->n);
		p += t->name[i]->n;
	}
	return p;
}

static void tags_put(struct fedns_sink *s, const struct tags *t, const char *sep, size_t n)
{
	size_t i;

	for (i = 0; i < t->count; i++) {
		if (i)
			fedns_sink_put(s, sep, n);
		fedns_sink_put(s, t->name[i]->text, t->name[i]->n);
	}
}

void fedns_render_purposes(struct fedns_sink *s, uint32_t purposes, const char *sep)
{
	size_t n = strlen(sep);
	struct fedns_render_names nm;
	struct tags t;
	char *at;

	fedns_render_names_init(&nm);
	tags_find(&t, &nm, purposes, n);
	at = fedns_sink_room(s, t.len);
	if (at)
		fedns_sink_wrote(s, (size_t)(tags_at(at, &t, sep, n) - at));
	else
		tags_put(s, &t, sep, n);
}

void fedns_render_relative(struct fedns_sink *s, const char *absolute)
{
	size_t n = strlen(absolute);

	fedns_sink_put(s, absolute, n && absolute[n - 1] == '.' ? n - 1 : n);
}

void fedns_render_data(struct fedns_sink *s, const struct fedns_recordset *rs,
		       const struct fedns_record *r)
{
	if (r->target != FEDNS_NO_TEXT)
		fedns_render_relative(s, FEDNS_TEXT(rs, r->target));
	else
		fedns_sink_puts(s, FEDNS_TEXT(rs, r->address));
}

void fedns_render_location(struct fedns_sink *s, const struct fedns_record *r, int lang)
{
	fedns_sink_puts(s, lang == FEDNS_LANG_ZH_CN ? "外部 DNS/" : "External DNS/");
	fedns_sink_puts(s, fedns_rrtype_name(r->type));
	if (r->type == FEDNS_RR_SRV) {
		fedns_sink_putc(s, '/');
		fedns_sink_putu(s, r->port);
	}
}

const char *fedns_render_comment(const struct fedns_recordset *rs, const struct fedns_record *r,
				 int lang)
{
	return FEDNS_TEXT(rs, rs->comments[r->comment].text[lang]);
}

static const char *const seed_headings[2][4] = {
	{"Location/Type/Port", "FQDN", "IP address/FQDN", "Comment"},
	{"位置/类型/端口", "FQDN", "IP 地址/FQDN", "映射位置/注释"},
};

const char *fedns_render_seed_heading(int col, int lang)
{
	return seed_headings[lang][col];
}

/* The length of the line break or control character `text` starts with:
 * C0 and DEL, C1 (U+0080..U+009F, NEL among them: a YAML 1.1 line break),
 * U+2028 and U+2029. */
size_t fedns_render_breaker(const char *text)
{
	const unsigned char *p = (const unsigned char *)text;

	if (*p < 0x20 || *p == 0x7f)
		return 1;
	if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
		return 2;
	if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
		return 3;
	return 0;
}

#define ONES 0x0101010101010101u
#define HIGH 0x8080808080808080u

/* Whether none of the eight bytes at `p` starts a line break or control
 * character: all ASCII, none below 0x20, none 0x7f. In each byte of `x`
 * (all below 0x80), ((x | HIGH) - c) has the high bit set where the byte is
 * >= c, with no borrow across bytes. */
static int plain8(const char *p)
{
	uint64_t w, del;

	memcpy(&w, p, 8);
	if (w & HIGH)
		return 0;
	del = w ^ (ONES * 0x7f); /* 0 where the byte is 0x7f */
	return (((w | HIGH) - ONES * 0x20) & HIGH) == HIGH && (((del | HIGH) - ONES) & HIGH) == HIGH;
}

/* Comments are most of what several formats write: plain ASCII is skipped
 * eight bytes at a time. */
void fedns_render_line_text(struct fedns_sink *s, const char *text)
{
	size_t n = strlen(text), i = 0, run = 0;

	while (i < n) {
		size_t k;

		if (n - i >= 8 && plain8(text + i)) {
			i += 8;
			continue;
		}
		k = fedns_render_breaker(text + i);
		if (!k) {
			i++;
			continue;
		}
		fedns_sink_put(s, text + run, i - run);
		fedns_sink_putc(s, ' ');
		i += k;
		run = i;
	}
	fedns_sink_put(s, text + run, n - run);
}

int fedns_render_plain(const char *text)
{
	size_t n = strlen(text), i;

	for (i = 0; i < n; i++) {
		if (n - i >= 8 && plain8(text + i))
			i += 7;
		else if (fedns_render_breaker(text + i))
			return 0;
	}
	return 1;
}

/* A note is most of a zone's comment line: with a plain comment, the whole
 * note is written with one check for room. */
void fedns_render_note_named(struct fedns_sink *s, const struct fedns_recordset *rs,
			     const struct fedns_record *r, int lang,
			     struct fedns_render_names *nm)
{
	const struct fedns_comment *c = &rs->comments[r->comment];
	const char *text = FEDNS_TEXT(rs, c->text[lang]);
	int plain = c->plain[lang] == c->text[lang];
	struct tags t;
	char *at, *p;

	tags_find(&t, nm, r->purposes, 2);
	at = plain ? fedns_sink_room(s, t.len + 2 + c->len[lang]) : NULL;
	if (!at) {
		tags_put(s, &t, ", ", 2);
		fedns_sink_put(s, ": ", 2);
		if (plain)
			fedns_sink_put(s, text, c->len[lang]);
		else
			fedns_render_line_text(s, text);
		return;
	}
	p = tags_at(at, &t, ", ", 2);
	memcpy(p, ": ", 2);
	memcpy(p + 2, text, c->len[lang]);
	fedns_sink_wrote(s, t.len + 2 + c->len[lang]);
}

void fedns_render_note(struct fedns_sink *s, const struct fedns_recordset *rs,
		       const struct fedns_record *r, int lang)
{
	struct fedns_render_names nm;

	fedns_render_names_init(&nm);
	fedns_render_note_named(s, rs, r, lang, &nm);
}

/* What a record line holds between its owner and its type, " TTL IN ",
 * and between its type and its data, " " or " priority weight port "; at
 * most so many bytes (TTL: uint32_t, SRV numbers: uint16_t). */
#define RR_HEAD (1 + 10 + 4)
#define RR_TAIL (1 + 3 * (5 + 1))

static char *rr_head(char *p, const struct fedns_record *r)
{
	*p++ = ' ';
	p = fedns_sink_digits(p, r->ttl);
	memcpy(p, " IN ", 4);
	return p + 4;
}

static char *rr_tail(char *p, const struct fedns_record *r)
{
	*p++ = ' ';
	if (r->type != FEDNS_RR_SRV)
		return p;
	p = fedns_sink_digits(p, r->priority);
	*p++ = ' ';
	p = fedns_sink_digits(p, r->weight);
	*p++ = ' ';
	p = fedns_sink_digits(p, r->port);
	*p++ = ' ';
	return p;
}

/* Zone text is mostly these lines: each is written in place with one
 * check for room, unless it may not fit, then piece by piece. */
void fedns_render_rr_named(struct fedns_sink *s, const struct fedns_recordset *rs,
			   const struct fedns_record *r, struct fedns_render_names *nm)
{
	const struct fedns_render_name *type = type_name(nm, r->type);
	const char *owner = FEDNS_TEXT(rs, r->owner);
	const char *data = FEDNS_TEXT(rs, r->target != FEDNS_NO_TEXT ? r->target : r->address);
	size_t on = strlen(owner), dn = strlen(data);
	char *at = fedns_sink_room(s, on + RR_HEAD + type->n + RR_TAIL + dn + 1), *p;
	char b[RR_HEAD + RR_TAIL];

	if (!at) {
		fedns_sink_put(s, owner, on);
		fedns_sink_put(s, b, (size_t)(rr_head(b, r) - b));
		fedns_sink_put(s, type->text, type->n);
		fedns_sink_put(s, b, (size_t)(rr_tail(b, r) - b));
		fedns_sink_put(s, data, dn);
		fedns_sink_putc(s, '\n');
		return;
	}
	memcpy(at, owner, on);
	p = rr_head(at + on, r);
	memcpy(p, type->text, type->n);
	p = rr_tail(p + type->n, r);
	memcpy(p, data, dn);
	p[dn] = '\n';
	fedns_sink_wrote(s, (size_t)(p + dn + 1 - at));
}

void fedns_render_rr(struct fedns_sink *s, const struct fedns_recordset *rs,
		     const struct fedns_record *r)
{
	struct fedns_render_names nm;

	fedns_render_names_init(&nm);
	fedns_render_rr_named(s, rs, r, &nm);
}

/* Columns of East Asian wide characters take two cells. */
static int wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
	       (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	       (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	       (cp >= 0xffe0 && cp <= 0xffe6);
}

size_t fedns_render_width(const char *text, size_t n)
{
	const unsigned char *p = (const unsigned char *)text, *end = p + n;
	size_t w = 0;

	while (p < end) {
		uint32_t cp = *p++;
		int more = cp >= 0xf0 ? 3 : cp >= 0xe0 ? 2 : cp >= 0xc0 ? 1 : 0;

		cp &= more == 3 ? 0x07 : more == 2 ? 0x0f : more == 1 ? 0x1f : 0x7f;
		while (more-- > 0 && p < end)
			cp = (cp << 6) | (*p++ & 0x3f);
		w += wide(cp) ? 2 : 1;
	}
	return w;
}
