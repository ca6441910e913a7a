/* The names fedns manages for a deployment, which the comparison (compare.c)
 * and a live check's look-ups (fedns_deployment_probes) share:
 *  - managed: every owner of the derived set, and the SRV owner names of
 *    R2-R5 for every SIP domain with users (a record there that the model
 *    does not derive is drift);
 *  - watched: sip.<d> and lyncdiscover.<d> of every on-premises domain with
 *    users, when not managed, where only a pointer to Microsoft 365 is a
 *    finding (a hybrid leftover);
 *  - the SIP domains with users, which near-miss names are sought under. */
#ifndef FEDNS_MANAGED_H
#define FEDNS_MANAGED_H

#include <stddef.h>

#include "arena.h"
#include "model.h"

/* The SRV services of R2-R5, relative to a SIP domain. */
#define FEDNS_SRV_SERVICES 3
extern const char *const fedns__srv_services[FEDNS_SRV_SERVICES];

struct fedns_mname {
	const char *str; /* the name, folded, absolute; set once the arena stops growing */
	size_t name;     /* its arena offset */
	size_t domain;   /* index into domains, or (size_t)-1 */
	unsigned kinds;  /* FEDNS_M_* */
	size_t order;    /* first appearance, for the probes' order */
};

enum {
	FEDNS_M_MANAGED = 1u << 0,
	FEDNS_M_WATCHED = 1u << 1,
	FEDNS_M_ADDRESS = 1u << 2, /* the derived set has A/AAAA here */
	FEDNS_M_SRV = 1u << 3,     /* an SRV owner name (derived or not) */
	FEDNS_M_CNAME = 1u << 4,   /* the derived set has a CNAME here */
	FEDNS_M_ON_PREMISES = 1u << 5 /* of an on-premises domain */
};

struct fedns_domain_view {
	size_t name;     /* arena: folded, absolute */
	int on_premises;
};

/* A domain's name and index, for finding the domain of a name by its
 * suffixes. */
struct fedns_domain_key {
	const char *name;
	size_t index;
};

struct fedns_managed {
	struct fedns_alloc alloc;
	struct fedns_arena text;
	struct fedns_mname *names; /* sorted by name, unique */
	size_t n, cap;
	struct fedns_domain_view *domains;
	size_t ndomains, domcap;
	/* The domains sorted by name, then index, so that finding the domain
	 * of a name is a search per label, not a scan of every domain. */
	struct fedns_domain_key *domain_keys;
	/* The names of each domain, in name order: names[by_domain[k]] for k
	 * in domain_first[d] .. domain_first[d + 1]. */
	size_t *by_domain, *domain_first;
};

/* Builds the view of `dep` and its derived set `rs`. */
fedns_status fedns__managed_build(struct fedns_managed *m, const fedns_deployment *dep,
				  const fedns_recordset *rs);
void fedns__managed_clear(struct fedns_managed *m);
/* The domain (an index into domains) `name` is at or under, the longest
 * one; (size_t)-1 for none. */
size_t fedns__managed_domain_of(const struct fedns_managed *m, const char *name);
/* The names of domain `d` (index `d` into domains): `*count` indexes into
 * names, in name order. */
const size_t *fedns__managed_names_of(const struct fedns_managed *m, size_t d, size_t *count);
/* The entry of an absolute folded name, or NULL. */
const struct fedns_mname *fedns__managed_find(const struct fedns_managed *m, const char *name);
#define FEDNS_MTEXT(m, at) FEDNS_AT(&(m)->text, at)

#endif
