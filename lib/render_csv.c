/* RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break. */
#include <string.h>

#include "render.h"

static void field(struct fedns_sink *s, const char *v)
{
	const char *p;

	if (!v[strcspn(v, ",\"\r\n")]) {
		fedns_sink_puts(s, v);
		return;
	}
	fedns_sink_putc(s, '"');
	for (p = v; *p; p++) {
		if (*p == '"')
			fedns_sink_putc(s, '"');
		fedns_sink_putc(s, *p);
	}
	fedns_sink_putc(s, '"');
}

static void number(struct fedns_sink *s, const struct fedns_record *r, uint64_t v)
{
	if (r->type == FEDNS_RR_SRV)
		fedns_sink_putu(s, v);
}

void fedns_render_csv(const struct fedns_recordset *rs, int lang, struct fedns_sink *s)
{
	size_t i;

	fedns_sink_puts(s, "location,type,owner,ttl,priority,weight,port,target,address,"
			   "purposes,comment\r\n");
	for (i = 0; i < rs->n; i++) {
		const struct fedns_record *r = &rs->items[i];

		fedns_sink_puts(s, "external,");
		fedns_sink_puts(s, fedns_rrtype_name(r->type));
		fedns_sink_putc(s, ',');
		fedns_sink_puts(s, FEDNS_TEXT(rs, r->owner));
		fedns_sink_putc(s, ',');
		fedns_sink_putu(s, r->ttl);
		fedns_sink_putc(s, ',');
		number(s, r, r->priority);
		fedns_sink_putc(s, ',');
		number(s, r, r->weight);
		fedns_sink_putc(s, ',');
		number(s, r, r->port);
		fedns_sink_putc(s, ',');
		if (r->target != FEDNS_NO_TEXT)
			fedns_sink_puts(s, FEDNS_TEXT(rs, r->target));
		fedns_sink_putc(s, ',');
		if (r->address != FEDNS_NO_TEXT)
			fedns_sink_puts(s, FEDNS_TEXT(rs, r->address));
		fedns_sink_putc(s, ',');
		fedns_render_purposes(s, r->purposes, " ");
		fedns_sink_putc(s, ',');
		field(s, fedns_render_comment(rs, r, lang));
		fedns_sink_puts(s, "\r\n");
	}
}
