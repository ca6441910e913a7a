/* The zones a record set is split into, for the formats that write one block
 * per zone (SPEC 6: nsupdate, powershell, octodns, sheet). */
#ifndef FEDNS_ZONE_SPLIT_H
#define FEDNS_ZONE_SPLIT_H

#include <stddef.h>

#include "model.h"
#include "recordset.h"

/*
 * Puts every record of `rs` in a zone and fills rs->zones and rs->zone_items.
 * Every SIP domain of `dep` is taken to be a zone of its own. A record goes in
 * the longest SIP domain that is its owner or a parent of it; an owner under
 * no SIP domain (a web conferencing or A/V edge named elsewhere) goes in the
 * zone of its parent name, or of itself if it has one label.
 * Returns FEDNS_OK or FEDNS_ENOMEM.
 */
fedns_status fedns_zone_split(struct fedns_recordset *rs, const fedns_deployment *dep);

/* How many bytes of absolute `owner` ("sip.contoso.com.") come before the
 * name of zone `zone` ("contoso.com"): 3 here, 0 at the apex. */
size_t fedns_zone_relative_len(const char *owner, const char *zone);

#endif
