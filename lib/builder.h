/* Builds a record set from candidate records, group by group: each group
 * (a SIP domain, a pool, the reverse proxy's names) is sorted into SPEC 2's
 * order, and a record already in the set keeps its first place and gains
 * the newcomer's purposes and comment. */
#ifndef FEDNS_BUILDER_H
#define FEDNS_BUILDER_H

#include "address.h"
#include "name.h"
#include "recordset.h"

/* A record before it joins the set. */
struct fedns_cand {
	char owner[FEDNS_NAME_BUF + 1]; /* with the trailing dot */
	char target[FEDNS_NAME_BUF + 1];
	struct fedns_address addr;
	uint32_t purposes;
	int part;
	uint16_t type, priority, weight, port;
};

struct fedns_builder {
	struct fedns_recordset *rs;
	struct fedns_cand *cands;
	size_t ncands, candcap;
	size_t *slots; /* hash of record index + 1; 0 is empty */
	size_t nslots;
	size_t *hashes; /* of each record, so that growing the table hashes nothing */
	size_t hashcap;
	uint32_t ttl;
};

/* Starts building into the empty `rs`, every record with `ttl`. */
fedns_status fedns_builder_init(struct fedns_builder *b, struct fedns_recordset *rs,
				uint32_t ttl);
/* A zeroed candidate of the current group, or NULL on failure. */
struct fedns_cand *fedns_builder_cand(struct fedns_builder *b, int part, uint32_t purposes);
/* Ends the current group: its candidates join the set in order. */
fedns_status fedns_builder_flush(struct fedns_builder *b);
/* Writes the comments of the finished set. */
fedns_status fedns_builder_finish(struct fedns_builder *b);
/* Releases the builder's own memory (not the record set). */
void fedns_builder_clear(struct fedns_builder *b);

#endif
