/* RFC 1035 master-file fragment: absolute names, TTL, class IN, one record
 * a line, a comment line above each group of records that share owner and
 * reason (the A and AAAA records of a name form one group). Comments come
 * only from the library's own texts and go through fedns_render_note_named(),
 * which keeps them on their line, so no line can turn into a directive or a
 * second record. */
#include "render.h"

void fedns_render_zone(const struct fedns_recordset *rs, int lang, struct fedns_sink *s)
{
	struct fedns_render_names nm;
	size_t i;

	fedns_render_names_init(&nm);
	for (i = 0; i < rs->n; i++) {
		const struct fedns_record *r = &rs->items[i];

		if (i == 0 || !fedns_render_same_group(rs, &rs->items[i - 1], r)) {
			if (i)
				fedns_sink_put(s, "\n; ", 3);
			else
				fedns_sink_put(s, "; ", 2);
			fedns_render_note_named(s, rs, r, lang, &nm);
			fedns_sink_putc(s, '\n');
		}
		fedns_render_rr_named(s, rs, r, &nm);
	}
}
