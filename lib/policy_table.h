/* The policy's name table: folded domain names and what the federation
 * lists say about each, built once and then read by any number of threads.
 *
 * A decision's whole budget is a few hundred cycles with a million names,
 * so the layout is chosen for memory accesses, not elegance:
 *  - open addressing with linear probing at a load of at most 4/5;
 *  - a control byte per slot (0: empty, else 0x80 and seven bits of the
 *    name's hash) that probes scan eight at a time: 1 byte a name stays in
 *    cache, so a name nobody listed costs no memory access beyond it;
 *  - 64-byte slots, aligned to cache lines, holding the facts and the first
 *    48 bytes of the folded key, so a hit reads one cache line (longer keys
 *    keep their tail in the text arena, stored once);
 *  - hashes computed once per name, in a pass over its 8-byte words that
 *    folds it; a second pass checks the folded words while the table's line
 *    is on its way. */
#ifndef FEDNS_POLICY_TABLE_H
#define FEDNS_POLICY_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "arena.h"
#include "name.h"

/* A buffer for a folded name, with room for the 8-byte stores. */
#define FEDNS_FOLD_BUF (FEDNS_NAME_BUF + 8)
#define FEDNS_INLINE_KEY 48
/* Control bytes a probe reads at once; the first ones are repeated past the
 * last slot's, so a group never wraps. */
#define FEDNS_CTRL_GROUP 8

/* What the lists say about one name; zero for a name no list mentions. */
struct fedns_nameinfo {
	uint32_t route;      /* P3/P4: arena offset + 1 of the proxy FQDN; 0: DNS SRV */
	uint32_t xmpp_route; /* P6: the same */
	uint8_t flags;       /* the policy's IS_* bits */
	uint8_t xmpp_type;   /* fedns_xmpp_type */
	uint8_t len;         /* the key's length (the table's) */
	uint8_t unused;
};

struct fedns_nameslot {
	struct fedns_nameinfo info;
	uint32_t spill;      /* arena offset of key bytes past FEDNS_INLINE_KEY */
	unsigned char key[FEDNS_INLINE_KEY];
};

struct fedns_policy_table {
	struct fedns_alloc alloc;
	uint8_t *ctrl;                /* per slot, then FEDNS_CTRL_GROUP copies */
	void *raw;                    /* the allocation `slots` is carved from */
	struct fedns_nameslot *slots; /* 64-byte aligned */
	size_t nslots;                /* under 2^32; not a power of two */
	struct fedns_arena text;      /* key tails and the caller's texts */
};

/* Folds `in` into `out` (FEDNS_FOLD_BUF bytes), zero-padded to a whole
 * 8-byte word and not NUL-terminated; returns its length without the
 * trailing dot and stores its hash, or returns 0 when the length is wrong.
 * Only fedns__folded_valid() says whether it is a name: a decision fetches
 * the table's line with the hash while it checks. */
size_t fedns__fold(const char *in, unsigned char *out, uint64_t *hash);
/* Whether what fedns__fold() made of a name is valid under SPEC 5; holds
 * for exactly the names fedns_name_fold() accepts (a test holds them equal). */
int fedns__folded_valid(const unsigned char *folded, size_t n);
/* Both: the length of a valid name, else 0. */
size_t fedns__fold_hash(const char *in, unsigned char *out, uint64_t *hash);

/* Room for `names` names; FEDNS_OK or FEDNS_ENOMEM. */
fedns_status fedns__table_init(struct fedns_policy_table *t, const struct fedns_alloc *a,
			       size_t names);
void fedns__table_free(struct fedns_policy_table *t);

/* The facts of `name`, a new zeroed record when it is new; NULL when the
 * name is invalid, memory runs out or the table is full. */
struct fedns_nameinfo *fedns__table_upsert(struct fedns_policy_table *t, const char *name);
/* Starts fetching what a lookup of `hash` reads first. */
void fedns__table_prefetch(const struct fedns_policy_table *t, uint64_t hash);
/* The facts of a folded name, or NULL. */
const struct fedns_nameinfo *fedns__table_find(const struct fedns_policy_table *t,
					       const unsigned char *folded, size_t n,
					       uint64_t hash);

/* Stores a NUL-terminated text and returns its offset + 1 (0 is "none");
 * UINT32_MAX on failure. */
uint32_t fedns__table_text(struct fedns_policy_table *t, const char *s, size_t n);
/* The text at an offset + 1 that fedns__table_text() returned. */
#define FEDNS_TABLE_TEXT(t, ref) FEDNS_AT(&(t)->text, (ref) - 1)

#endif
