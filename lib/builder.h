/* Builds a record set from candidate records, group by group: each group
 * (a SIP domain, a pool, the reverse proxy's names) is sorted into SPEC 2's
 * order, and a record already in the set keeps its first place and gains
 * the newcomer's purposes and comment.
 *
 * Most names belong to one group only: every name a SIP domain's rules
 * derive is <label>.<domain> (a host label, or service labels whose last
 * starts with '_', which SIP domain names may not hold), and two distinct
 * SIP domains (V2) cannot give the same such name. So only records within
 * a group are merged, plus the A and AAAA records at the names more than
 * one group may give (an edge's or the reverse proxy's own FQDN), which
 * the builder is told beforehand and keeps in a hash table. */
#ifndef FEDNS_BUILDER_H
#define FEDNS_BUILDER_H

#include "address.h"
#include "arena.h"
#include "name.h"
#include "recordset.h"

/* A record before it joins the set. */
struct fedns_cand {
	size_t owner, target;  /* offsets into the group's text; absolute names */
	size_t address;        /* A/AAAA: the address text, in the set's text */
	struct fedns_address addr;
	uint32_t purposes;
	uint16_t part, type, priority, weight, port;
	/* Set when the group is flushed. */
	const char *owner_p, *target_p;
	size_t owner_len, target_len;
	uint64_t owner_key;    /* the owner's first 8 bytes, in strcmp()'s order */
};

/* A name of the group's text already in the set's text. */
struct fedns_added_name {
	size_t group, text;
};

/* A name another group may also give; hashed. */
struct fedns_shared_name {
	size_t hash, name; /* name: offset into `shared_text` + 1; 0 is empty */
};

/* A record at such a name: the hash of its key, its index + 1 and its
 * address (records keep only the address's text). */
struct fedns_shared_record {
	size_t hash, record;
	struct fedns_address addr;
};

struct fedns_builder {
	struct fedns_recordset *rs;
	struct fedns_cand *cands;
	size_t ncands, candcap;
	char *group_text;                /* the current group's names, each
					  * after a byte that holds its length */
	size_t group_len, group_cap;
	struct fedns_added_name added[8]; /* the group's names added to the set */
	size_t nadded;
	struct fedns_arena shared_text;
	struct fedns_shared_name *names;
	size_t nnames, namecap;          /* namecap: a power of two, or 0 */
	struct fedns_shared_record *slots;
	size_t nslots, nshared;          /* nslots: a power of two, or 0 */
	uint32_t ttl;
};

/* Starts building into the empty `rs`, every record with `ttl`. */
void fedns_builder_init(struct fedns_builder *b, struct fedns_recordset *rs, uint32_t ttl);
/* Declares folded `name` (no trailing dot) one that several groups may
 * give. Returns FEDNS_OK or FEDNS_ENOMEM. */
fedns_status fedns_builder_share(struct fedns_builder *b, const char *name);
/* A zeroed candidate of the current group, or NULL on failure. */
struct fedns_cand *fedns_builder_cand(struct fedns_builder *b, int part, uint32_t purposes);
/* Writes the absolute name `label`.`domain`. (or `domain`. when `label` is
 * NULL; `domain` has `domain_len` bytes) to the group's text, its offset to `*at`. Both parts are folded
 * already (a checked host label or a rule's own, and a folded name), so
 * the name is too, and valid unless too long. Candidates that give the
 * same offset share the name's text in the set. Returns FEDNS_OK,
 * FEDNS_EINVALID when the name would be too long, or FEDNS_ENOMEM. */
fedns_status fedns_builder_name(struct fedns_builder *b, const char *label, const char *domain,
				size_t domain_len, size_t *at);
/* Makes room for `records` more records and `text` more bytes of their
 * text at once, so that a large set grows once rather than by doubling
 * (each doubling copies it and touches new pages). Returns FEDNS_OK or
 * FEDNS_ENOMEM. */
fedns_status fedns_builder_reserve(struct fedns_builder *b, size_t records, size_t text);
/* Ends the current group: its candidates join the set in order. */
fedns_status fedns_builder_flush(struct fedns_builder *b);
/* Writes the comments of the finished set. */
fedns_status fedns_builder_finish(struct fedns_builder *b);
/* Releases the builder's own memory (not the record set). */
void fedns_builder_clear(struct fedns_builder *b);

#endif
