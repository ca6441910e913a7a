/* An observed record set: what a zone file or a live server says, built by
 * the caller record by record, for comparison with the derived set
 * (compare.c). Names are folded and made absolute; data is kept parsed,
 * and as text only where the text is not made from the parsed data (see
 * fedns_obs_record): a comparison writes the text of the records it
 * reports. */
#ifndef FEDNS_OBSERVED_H
#define FEDNS_OBSERVED_H

#include <stddef.h>
#include <stdint.h>

#include "address.h"
#include "arena.h"
#include "model.h"

/* A buffer for an absolute observed name: 253 octets, the dot, the NUL. */
#define FEDNS_ABS_BUF (FEDNS_NAME_MAX_OBSERVED + 2)
#define FEDNS_NAME_MAX_OBSERVED 253

struct fedns_obs_record {
	size_t owner;       /* arena: folded, absolute (trailing dot) */
	size_t owner_len;   /* its length, the dot included */
	size_t target;      /* SRV/CNAME: folded absolute target; FEDNS_ARENA_NONE otherwise */
	size_t data;        /* arena: the data as master-file text, for the types of
			     * fedns_observed_add_other; FEDNS_ARENA_NONE for the
			     * others, whose text is their target or made from the
			     * fields */
	size_t source;      /* arena: the caller's source name; FEDNS_ARENA_NONE if none */
	struct fedns_address addr; /* A/AAAA */
	uint32_t ttl, line;
	uint16_t type, priority, weight, port;
	size_t seq;         /* insertion order */
};

/* A name (or one type of it) that could not be looked up. */
struct fedns_obs_failure {
	size_t owner;       /* arena: folded, absolute */
	size_t why;         /* arena */
	int type;           /* an IANA type, or 0 for every type */
	size_t seq;
};

struct fedns_observed {
	struct fedns_alloc alloc;
	struct fedns_obs_record *items;
	size_t n, cap;
	struct fedns_obs_failure *failures;
	size_t nfailures, failcap;
	struct fedns_arena text;
	size_t source;      /* applied to records added from now on */
	char error[256];
};

/* Folds an observed name: any printable ASCII but space (zone files
 * carry underscores, and typos are what the comparison looks for), labels
 * of 1..63 octets, 1..253 octets. Writes it absolute (with the trailing
 * dot) to `out` (FEDNS_ABS_BUF bytes) and returns its length; returns 0
 * when it is not a name. */
size_t fedns__observed_fold(const char *in, char *out);

/* The master-file name of an IANA type ("TXT", "TYPE65280"). */
void fedns__rrtype_text(int type, char *out, size_t cap);

#endif
