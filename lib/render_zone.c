/* RFC 1035 master-file fragment: absolute names, TTL, class IN, one record
 * a line, a comment line above each group of records that share owner and
 * reason (the A and AAAA records of a name form one group). Comments come
 * only from the library's own texts, which hold no newline or control
 * character, so no line can turn into a directive or a second record. */
#include <string.h>

#include "render.h"

static int same_group(const struct fedns_recordset *rs, const struct fedns_record *a,
		      const struct fedns_record *b)
{
	return a->comment == b->comment && a->purposes == b->purposes &&
	       strcmp(FEDNS_TEXT(rs, a->owner), FEDNS_TEXT(rs, b->owner)) == 0;
}

static void record_line(const struct fedns_recordset *rs, const struct fedns_record *r,
			struct fedns_sink *s)
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

void fedns_render_zone(const struct fedns_recordset *rs, int lang, struct fedns_sink *s)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		const struct fedns_record *r = &rs->items[i];

		if (i == 0 || !same_group(rs, &rs->items[i - 1], r)) {
			if (i)
				fedns_sink_putc(s, '\n');
			fedns_sink_puts(s, "; ");
			fedns_render_purposes(s, r->purposes, ", ");
			fedns_sink_puts(s, ": ");
			fedns_sink_puts(s, fedns_render_comment(rs, r, lang));
			fedns_sink_putc(s, '\n');
		}
		record_line(rs, r, s);
	}
}
