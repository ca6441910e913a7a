/* nsupdate input (BIND 9): one `zone` / `update add` / `send` block per
 * zone, every name absolute, since nsupdate does not make names relative to
 * `zone` and one bad name rejects the whole message. The blocks carry no
 * `server` line: nsupdate finds the primary from the zone's SOA unless the
 * caller puts one first. A blank line would send the message early, so
 * blocks have none inside; `;` lines are comments to nsupdate. */
#include "render.h"
#include "zone_split.h"

static void block(const struct fedns_recordset *rs, const struct fedns_zones *zs,
		  const struct fedns_zone *zone, int lang, struct fedns_sink *s)
{
	const struct fedns_record *prev = NULL;
	size_t k;

	fedns_sink_puts(s, "zone ");
	fedns_sink_puts(s, FEDNS_ZONE_NAME(zs, zone));
	fedns_sink_puts(s, ".\n");
	for (k = 0; k < zone->count; k++) {
		const struct fedns_record *r = &rs->items[zs->items[zone->start + k]];

		if (!prev || !fedns_render_same_group(rs, prev, r)) {
			fedns_sink_puts(s, "; ");
			fedns_render_note(s, rs, r, lang);
			fedns_sink_putc(s, '\n');
		}
		fedns_sink_puts(s, "update add ");
		fedns_render_rr(s, rs, r);
		prev = r;
	}
	fedns_sink_puts(s, "send\n");
}

void fedns_render_nsupdate(const struct fedns_recordset *rs, const struct fedns_zones *zs,
			   int lang, struct fedns_sink *s)
{
	size_t z;

	for (z = 0; z < zs->nzones; z++) {
		/* After `send` the message is empty, so a blank line sends nothing. */
		if (z)
			fedns_sink_putc(s, '\n');
		block(rs, zs, &zs->zones[z], lang, s);
	}
}
