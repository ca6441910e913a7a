/* The diagnostics list validation builds (SPEC 3). */
#ifndef FEDNS_DIAGNOSTICS_H
#define FEDNS_DIAGNOSTICS_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "arena.h"
#include "fedns/fedns.h"

/* Where a diagnostic's subject sits in the document; SPEC 3 orders by it. */
enum fedns_section {
	FEDNS_AT_DEPLOYMENT = 0,
	FEDNS_AT_DOMAIN,
	FEDNS_AT_POOL,
	FEDNS_AT_FEDERATION,
	FEDNS_AT_ALLOWED,
	FEDNS_AT_BLOCKED,
	FEDNS_AT_XMPP_PARTNER,
	FEDNS_AT_PUBLIC_IM,
	FEDNS_AT_PUBLIC_PROVIDER,
	FEDNS_AT_HOSTING_PROVIDER,
	FEDNS_AT_EXTERNAL_ACCESS,
	FEDNS_AT_REVERSE_PROXY
};

struct fedns_diagnostic {
	int rule;      /* n of "Vn" */
	int severity;  /* fedns_severity */
	int section;   /* fedns_section */
	size_t index;  /* position within the section */
	size_t seq;    /* insertion order, the last tie-breaker */
	size_t subject, message[2]; /* offsets into text, by fedns_lang */
	char id[8];    /* "V12" */
};

struct fedns_diagnostics {
	struct fedns_alloc alloc;
	struct fedns_diagnostic *items;
	size_t n, cap;
	struct fedns_arena text;
};

void fedns_diagnostics_init(struct fedns_diagnostics *d, const struct fedns_alloc *alloc);
/* Releases what `d` holds, not `d` itself. */
void fedns_diagnostics_clear(struct fedns_diagnostics *d);
/* Appends one diagnostic. `en` and `zh` are printf formats taking the same
 * arguments in the same order. Returns FEDNS_OK or FEDNS_ENOMEM. */
fedns_status fedns_diagnostics_add(struct fedns_diagnostics *d, int rule, int severity,
				   int section, size_t index, const char *subject,
				   const char *en, const char *zh, ...)
	__attribute__((format(printf, 7, 9)));
/* Puts the list in SPEC 3's order. */
void fedns_diagnostics_sort(struct fedns_diagnostics *d);

#endif
