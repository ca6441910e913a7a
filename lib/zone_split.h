/* The zones a record set is split into, for the formats that write one block
 * per zone (SPEC 6: nsupdate, powershell, octodns, sheet). Worked out when
 * such a format is rendered, into memory of the render's own, so that
 * deriving a set costs nothing for them and the set stays immutable. */
#ifndef FEDNS_ZONE_SPLIT_H
#define FEDNS_ZONE_SPLIT_H

#include <stddef.h>

#include "recordset.h"

/* A zone and its records. */
struct fedns_zone {
	size_t name;         /* offset into the split's text; folded, no trailing dot */
	size_t start, count; /* its records: items[start .. start + count) */
};

struct fedns_zones {
	struct fedns_arena text;  /* the zones' names */
	struct fedns_zone *zones; /* in the order of their first record */
	size_t nzones, zonecap;
	size_t *items;            /* record indexes, zone by zone, set order within */
	/* The same zone by zone in the natural order of keys that octoDNS's
	 * loader enforces: zones by "name.", then records by name relative to
	 * the zone, then type. `order` lists zones, `sorted` records (each
	 * zone at its `items` place). */
	size_t *order;
	size_t *sorted;
};

/* A zone's name. */
#define FEDNS_ZONE_NAME(z, zone) FEDNS_AT(&(z)->text, (zone)->name)

/*
 * Puts every record of `rs` in a zone, into `z` (allocated with the set's
 * allocator; release with fedns_zones_clear() whatever this returns).
 * Every SIP domain of the set's deployment is taken to be a zone of its
 * own. A record goes in the longest SIP domain that is its owner or a
 * parent of it; an owner under no SIP domain (a web conferencing or A/V
 * edge named elsewhere) goes in the zone of its parent name, or of itself
 * if it has one label. Returns FEDNS_OK or FEDNS_ENOMEM.
 */
fedns_status fedns_zone_split(const struct fedns_recordset *rs, struct fedns_zones *z);
void fedns_zones_clear(const struct fedns_recordset *rs, struct fedns_zones *z);

/* How many bytes of absolute `owner` ("sip.contoso.com.") come before the
 * name of zone `zone` ("contoso.com"): 3 here, 0 at the apex. */
size_t fedns_zone_relative_len(const char *owner, const char *zone);

#endif
