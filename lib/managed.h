/* The names fedns manages for a deployment, which the comparison (compare.c)
 * and a live check's look-ups (fedns_deployment_probes) share:
 *  - managed: every owner of the derived set, and the SRV owner names of
 *    R2-R5 for every SIP domain with users (a record there that the model
 *    does not derive is drift);
 *  - watched: sip.<d> and lyncdiscover.<d> of every on-premises domain with
 *    users, when not managed, where only a pointer to Microsoft 365 is a
 *    finding (a hybrid leftover);
 *  - the SIP domains with users, which near-miss names are sought under.
 * Names and domains are found by hashing, so that building the view and
 * looking a name up cost the same at any size. */
#ifndef FEDNS_MANAGED_H
#define FEDNS_MANAGED_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "model.h"

/* The SRV services of R2-R5, relative to a SIP domain. */
#define FEDNS_SRV_SERVICES 3
extern const char *const fedns__srv_services[FEDNS_SRV_SERVICES];

/* No such name or domain. */
#define FEDNS_NO_NAME ((size_t)-1)

struct fedns_mname {
	const char *str; /* the name, folded, absolute; set once the arena stops growing */
	size_t text;     /* its arena offset, or FEDNS_ARENA_NONE when it is the caller's */
	size_t len;      /* strlen(str) */
	uint64_t hash;
	size_t domain;   /* index into domains, or FEDNS_NO_NAME; see fedns__managed_by_domain */
	unsigned kinds;  /* FEDNS_M_*; 0 for a name added by fedns__managed_add */
};

enum {
	FEDNS_M_MANAGED = 1u << 0,
	FEDNS_M_WATCHED = 1u << 1,
	FEDNS_M_ADDRESS = 1u << 2, /* the derived set has A/AAAA here */
	FEDNS_M_SRV = 1u << 3,     /* an SRV owner name (derived or not) */
	FEDNS_M_CNAME = 1u << 4    /* the derived set has a CNAME here */
};

struct fedns_domain_view {
	size_t name;     /* arena: folded, absolute */
	size_t len;
	uint64_t hash;
	int on_premises;
};

struct fedns_managed {
	struct fedns_alloc alloc;
	struct fedns_arena text;
	/* Unique, in the order of first appearance (the derived set's owners,
	 * then the SRV and watched names domain by domain); names[0 .. nview)
	 * are the view's, the rest were added by fedns__managed_add. */
	struct fedns_mname *names;
	size_t n, cap, nview;
	uint32_t *slots; /* open addressing: an index into names + 1, or 0 */
	size_t nslots;   /* a power of two, over twice n */
	struct fedns_domain_view *domains;
	size_t ndomains;
	size_t *domain_slots; /* the same for domains; of equal names, the first */
	size_t ndomain_slots;
	size_t *record_name;  /* the name of each record of the derived set */
	/* Once fedns__managed_by_domain has run: the view's names of each
	 * domain, names[by_domain[k]] for k in domain_first[d] ..
	 * domain_first[d + 1], in order of appearance. */
	size_t *by_domain, *domain_first;
};

/* Builds the view of `dep` and its derived set `rs`, which must outlive it. */
fedns_status fedns__managed_build(struct fedns_managed *m, const fedns_deployment *dep,
				  const fedns_recordset *rs);
void fedns__managed_clear(struct fedns_managed *m);
/* The index of absolute folded name `name` (`len` bytes), or FEDNS_NO_NAME. */
size_t fedns__managed_find(const struct fedns_managed *m, const char *name, size_t len);
/* The same, adding the name (kinds 0) when it is not there; `name` must
 * outlive the view. FEDNS_NO_NAME when out of memory. */
size_t fedns__managed_add(struct fedns_managed *m, const char *name, size_t len);
/* The domain (an index into domains) `name` is at or under, the longest
 * one; FEDNS_NO_NAME for none. */
size_t fedns__managed_domain_of(const struct fedns_managed *m, const char *name, size_t len);
/* Sets the domain of the view's names and lists them domain by domain;
 * does nothing the second time. */
fedns_status fedns__managed_by_domain(struct fedns_managed *m);
/* The view's names of domain `d`: `*count` indexes into names. */
const size_t *fedns__managed_names_of(const struct fedns_managed *m, size_t d, size_t *count);
#define FEDNS_MTEXT(m, at) FEDNS_AT(&(m)->text, at)

#endif
