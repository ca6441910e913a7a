/* The findings of a comparison (compare.c): immutable once built, so that
 * readers need no lock. */
#ifndef FEDNS_FINDINGS_H
#define FEDNS_FINDINGS_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "arena.h"

struct fedns_finding {
	int kind;              /* fedns_finding_kind */
	int type;              /* IANA type; 0: every type of a name */
	size_t owner;          /* arena offsets; FEDNS_ARENA_NONE when absent */
	size_t expected_owner;
	size_t type_name;
	size_t expected, observed;
	size_t source;
	size_t hint[2];        /* by fedns_lang */
	uint32_t expected_ttl, observed_ttl, line;
};

struct fedns_findings {
	struct fedns_alloc alloc;
	struct fedns_finding *items;
	size_t n, cap;
	struct fedns_arena text;
};

/* Puts the findings in their documented order: owner name (byte order),
 * type (A, AAAA, CNAME, SRV, then others by number; a whole name first),
 * kind, expected data, observed data, line. */
fedns_status fedns__findings_sort(struct fedns_findings *f);

#endif
