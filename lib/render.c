/* Rendering entry points and the pieces every format shares. */
#include "render.h"

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

void fedns_render_purposes(struct fedns_sink *s, uint32_t purposes, const char *sep)
{
	uint32_t bit;
	int first = 1;

	for (bit = 1; bit && bit <= purposes; bit <<= 1) {
		if (!(purposes & bit))
			continue;
		if (!first)
			fedns_sink_puts(s, sep);
		fedns_sink_puts(s, fedns_purpose_name(bit));
		first = 0;
	}
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

int fedns_render_same_group(const struct fedns_recordset *rs, const struct fedns_record *a,
			    const struct fedns_record *b)
{
	return a->comment == b->comment && a->purposes == b->purposes &&
	       strcmp(FEDNS_TEXT(rs, a->owner), FEDNS_TEXT(rs, b->owner)) == 0;
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

void fedns_render_note(struct fedns_sink *s, const struct fedns_recordset *rs,
		       const struct fedns_record *r, int lang)
{
	const struct fedns_comment *c = &rs->comments[r->comment];

	fedns_render_purposes(s, r->purposes, ", ");
	fedns_sink_put(s, ": ", 2);
	if (c->plain[lang] == c->text[lang])
		fedns_sink_put(s, FEDNS_TEXT(rs, c->text[lang]), c->len[lang]);
	else
		fedns_render_line_text(s, FEDNS_TEXT(rs, c->text[lang]));
}

void fedns_render_rr(struct fedns_sink *s, const struct fedns_recordset *rs,
		     const struct fedns_record *r)
{
	fedns_sink_puts(s, FEDNS_TEXT(rs, r->owner));
	fedns_sink_putc(s, ' ');
	fedns_sink_putu(s, r->ttl);
	fedns_sink_puts(s, " IN ");
	fedns_sink_puts(s, fedns_rrtype_name(r->type));
	fedns_sink_putc(s, ' ');
	if (r->type == FEDNS_RR_SRV) {
		fedns_sink_putu(s, r->priority);
		fedns_sink_putc(s, ' ');
		fedns_sink_putu(s, r->weight);
		fedns_sink_putc(s, ' ');
		fedns_sink_putu(s, r->port);
		fedns_sink_putc(s, ' ');
	}
	fedns_sink_puts(s, r->target != FEDNS_NO_TEXT ? FEDNS_TEXT(rs, r->target) :
							  FEDNS_TEXT(rs, r->address));
	fedns_sink_putc(s, '\n');
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
