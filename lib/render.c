/* Rendering entry points and the pieces every format shares. */
#include "render.h"

#include <string.h>

typedef void (*renderer)(const struct fedns_recordset *rs, int lang, struct fedns_sink *s);

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
	default:
		return NULL;
	}
}

static fedns_status run(const fedns_recordset *rs, int format, int lang, struct fedns_sink *s)
{
	renderer r = find(format);

	if (!rs || !r || (lang != FEDNS_LANG_EN && lang != FEDNS_LANG_ZH_CN))
		return FEDNS_EINVAL;
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
