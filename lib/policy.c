/* Federation decisions (SPEC 4, P1-P8), compiled from a validated
 * deployment into one immutable table (policy_table.h) that holds, for each
 * name any list mentions (our SIP domains, allowed and blocked domains,
 * public IM provider domains, XMPP partner domains), what the lists say.
 * A decision is then two passes over the query (fold and hash, then
 * check, while the table line is fetched), one probe and the rules
 * below, however long the lists are; it allocates and writes nothing. */
#include <string.h>

#include "model.h"
#include "policy_table.h"
#include "refuse.h"

/* What the lists say about a name (fedns_nameinfo.flags). */
enum {
	IS_OWN = 1u << 0,      /* one of our SIP domains (P7) */
	IS_BLOCKED = 1u << 1,  /* P2 */
	IS_ALLOWED = 1u << 2,  /* P3 */
	IS_PROVIDER = 1u << 3, /* served by an enabled public IM provider (P4) */
	IS_XMPP = 1u << 4      /* an XMPP partner's domain or additional domain (P6) */
};

#define DNS_SRV 0u

struct fedns_policy {
	struct fedns_policy_table table;
	int federation; /* allow_federated_users (P1) */
	int discovery;  /* partner_discovery (P5) */
	int xmpp_proxy; /* a pool hosts the XMPP proxy (P6) */
};

#define PUSH_DOMAIN "push.lync.com"
#define PUSH_PROXY "sipfed.online.lync.com"

/* ---- Building ----------------------------------------------------------- */

/* Stores a proxy FQDN, folded, and returns its route: DNS_SRV for NULL,
 * UINT32_MAX on failure. Validation has checked every proxy FQDN (V1). */
static uint32_t add_route(struct fedns_policy *p, const char *fqdn)
{
	unsigned char folded[FEDNS_FOLD_BUF];
	uint64_t h;
	size_t n;

	if (!fqdn)
		return DNS_SRV;
	n = fedns__fold_hash(fqdn, folded, &h);
	return n ? fedns__table_text(&p->table, (const char *)folded, n) : UINT32_MAX;
}

/* Marks `name` with `flag` and, for P3, P4 and P6, its route. The first
 * listing wins: a later provider serving the same domain does not replace
 * the earlier one's route, and an allowed entry's route beats them all. */
static fedns_status mark(struct fedns_policy *p, const char *name, unsigned flag,
			 uint32_t route, int xmpp_type)
{
	struct fedns_nameinfo *e = fedns__table_upsert(&p->table, name);

	if (!e)
		return FEDNS_ENOMEM;
	if (e->flags & flag)
		return FEDNS_OK;
	if (flag == IS_XMPP) {
		e->xmpp_type = (uint8_t)xmpp_type;
		e->xmpp_route = route;
	} else if (flag == IS_ALLOWED || (flag == IS_PROVIDER && !(e->flags & IS_ALLOWED))) {
		e->route = route;
	}
	e->flags = (uint8_t)(e->flags | flag);
	return FEDNS_OK;
}

static fedns_status mark_routed(struct fedns_policy *p, const char *name, unsigned flag,
				const char *proxy, int xmpp_type)
{
	uint32_t route = add_route(p, proxy);

	if (route == UINT32_MAX)
		return FEDNS_ENOMEM;
	return mark(p, name, flag, route, xmpp_type);
}

static int is_named(const char *name, const char *folded)
{
	unsigned char buf[FEDNS_FOLD_BUF];
	uint64_t h;
	size_t len = strlen(folded), n = name ? strlen(name) : 0;

	/* Every allowed entry is asked: most differ in length, unfolded. */
	if (n != len && !(n == len + 1 && name[len] == '.'))
		return 0;
	n = fedns__fold_hash(name, buf, &h);
	return n == len && memcmp(buf, folded, n) == 0;
}

/* The route of a route-less push.lync.com entry: the enabled hosting
 * provider for the clearing house (SPEC 4, P3). */
static const char *push_proxy(const fedns_deployment *dep)
{
	size_t i;

	for (i = 0; i < dep->hosting_providers.n; i++) {
		const struct fedns_hosting_provider *h = FEDNS_HOSTING_PROVIDER(dep, i);

		if (h->enabled && is_named(h->proxy_fqdn, PUSH_PROXY))
			return h->proxy_fqdn;
	}
	return NULL;
}

static fedns_status add_federation(struct fedns_policy *p, const fedns_deployment *dep)
{
	size_t i;
	fedns_status st = FEDNS_OK;

	for (i = 0; !st && i < dep->blocked.n; i++)
		st = mark(p, dep->blocked.items[i].domain, IS_BLOCKED, DNS_SRV, 0);
	for (i = 0; !st && i < dep->allowed.n; i++) {
		const struct fedns_entry *e = &dep->allowed.items[i];
		const char *proxy = e->proxy_fqdn;

		if (!proxy && is_named(e->domain, PUSH_DOMAIN))
			proxy = push_proxy(dep);
		st = mark_routed(p, e->domain, IS_ALLOWED, proxy, 0);
	}
	return st;
}

static fedns_status add_providers(struct fedns_policy *p, const fedns_deployment *dep)
{
	size_t i, j;
	fedns_status st = FEDNS_OK;

	if (!dep->public_im)
		return FEDNS_OK;
	for (i = 0; !st && i < dep->public_providers.n; i++) {
		const struct fedns_public_provider *pp = FEDNS_PUBLIC_PROVIDER(dep, i);
		uint32_t route;

		if (!pp->enabled || !pp->domains.n)
			continue;
		route = add_route(p, pp->proxy_fqdn);
		if (route == UINT32_MAX)
			return FEDNS_ENOMEM;
		for (j = 0; !st && j < pp->domains.n; j++)
			st = mark(p, pp->domains.items[j], IS_PROVIDER, route, 0);
	}
	return st;
}

static fedns_status add_xmpp(struct fedns_policy *p, const fedns_deployment *dep)
{
	size_t i, j;
	fedns_status st = FEDNS_OK;

	for (i = 0; !st && i < dep->xmpp_partners.n; i++) {
		const struct fedns_xmpp_partner *x = FEDNS_XMPP_PARTNER(dep, i);
		uint32_t route = add_route(p, x->proxy_fqdn);

		if (route == UINT32_MAX)
			return FEDNS_ENOMEM;
		st = mark(p, x->domain, IS_XMPP, route, x->type);
		for (j = 0; !st && j < x->additional.n; j++)
			st = mark(p, x->additional.items[j], IS_XMPP, route, x->type);
	}
	return st;
}

/* An upper bound of the names the table holds (duplicates merge). */
static size_t count_names(const fedns_deployment *dep)
{
	size_t n = dep->domains.n + dep->allowed.n + dep->blocked.n, i;

	for (i = 0; i < dep->public_providers.n; i++)
		n += FEDNS_PUBLIC_PROVIDER(dep, i)->domains.n;
	for (i = 0; i < dep->xmpp_partners.n; i++)
		n += 1 + FEDNS_XMPP_PARTNER(dep, i)->additional.n;
	return n;
}

static int has_xmpp_proxy(const fedns_deployment *dep)
{
	size_t i;

	for (i = 0; i < dep->pools.n; i++)
		if (FEDNS_POOL(dep, i)->xmpp_proxy)
			return 1;
	return 0;
}

static fedns_status fill(struct fedns_policy *p, const fedns_deployment *dep)
{
	size_t i;
	fedns_status st = fedns__table_init(&p->table, &dep->alloc, count_names(dep));

	for (i = 0; !st && i < dep->domains.n; i++)
		st = mark(p, FEDNS_DOMAIN(dep, i)->name, IS_OWN, DNS_SRV, 0);
	if (!st)
		st = add_federation(p, dep);
	if (!st)
		st = add_providers(p, dep);
	if (!st && p->xmpp_proxy)
		st = add_xmpp(p, dep);
	return st;
}

FEDNS_API void fedns_policy_free(fedns_policy *policy)
{
	struct fedns_alloc a;

	if (!policy)
		return;
	a = policy->table.alloc;
	fedns__table_free(&policy->table);
	fedns_alloc_free(&a, policy);
}

FEDNS_API fedns_status fedns_deployment_policy(fedns_deployment *dep, fedns_policy **out)
{
	struct fedns_policy *p;
	fedns_status st;

	if (!dep)
		return FEDNS_EINVAL;
	fedns_clear_error(dep);
	if (!out)
		return fedns_fail(dep, FEDNS_EINVAL, "fedns_deployment_policy: out is NULL");
	*out = NULL;
	st = fedns__refuse_invalid(dep);
	if (st)
		return st;
	p = fedns_alloc_malloc(&dep->alloc, sizeof(*p));
	if (!p)
		return fedns_fail(dep, FEDNS_ENOMEM, "out of memory");
	memset(p, 0, sizeof(*p));
	p->table.alloc = dep->alloc;
	p->federation = dep->allow_federated_users;
	p->discovery = dep->partner_discovery;
	p->xmpp_proxy = has_xmpp_proxy(dep);
	st = fill(p, dep);
	if (st) {
		fedns_policy_free(p);
		return fedns_fail(dep, FEDNS_ENOMEM, "out of memory");
	}
	*out = p;
	return FEDNS_OK;
}

/* ---- Deciding ----------------------------------------------------------- */

struct decision {
	int verdict, reason;
	uint32_t route;
};

/* P1-P5, after P7. */
static struct decision decide_sip(const struct fedns_policy *p, const struct fedns_nameinfo *e)
{
	struct decision d = {FEDNS_VERDICT_DENY, FEDNS_REASON_NOT_ALLOWED, DNS_SRV};

	if (!p->federation) {
		d.reason = FEDNS_REASON_FEDERATION_DISABLED;
	} else if (e->flags & IS_BLOCKED) {
		d.reason = FEDNS_REASON_BLOCKED;
	} else if (e->flags & (IS_ALLOWED | IS_PROVIDER)) {
		d.verdict = FEDNS_VERDICT_ALLOW;
		d.reason = e->flags & IS_ALLOWED ? FEDNS_REASON_ALLOWED : FEDNS_REASON_PUBLIC_PROVIDER;
		d.route = e->route;
	} else if (p->discovery) {
		d.verdict = FEDNS_VERDICT_ALLOW;
		d.reason = FEDNS_REASON_DISCOVERED;
	}
	return d;
}

/* P6, after P7. */
static struct decision decide_xmpp(const struct fedns_policy *p, const struct fedns_nameinfo *e)
{
	struct decision d = {FEDNS_VERDICT_DENY, FEDNS_REASON_NOT_ALLOWED, DNS_SRV};

	if (!p->xmpp_proxy) {
		d.reason = FEDNS_REASON_XMPP_DISABLED;
	} else if (e->flags & IS_XMPP) {
		d.verdict = FEDNS_VERDICT_ALLOW;
		d.reason = FEDNS_REASON_XMPP_FEDERATED + e->xmpp_type;
		d.route = e->xmpp_route;
	}
	return d;
}

static void put(int *verdict, int *reason, const char **route, int v, int r, const char *rt)
{
	if (verdict)
		*verdict = v;
	if (reason)
		*reason = r;
	if (route)
		*route = rt;
}

FEDNS_API fedns_status fedns_policy_decide(const fedns_policy *policy, const char *domain,
					   int protocol, int *verdict, int *reason,
					   const char **route)
{
	static const struct fedns_nameinfo unlisted; /* what no list mentions */
	unsigned char folded[FEDNS_FOLD_BUF];
	const struct fedns_nameinfo *e;
	struct decision d;
	uint64_t h;
	size_t n;

	put(verdict, reason, route, 0, 0, NULL);
	if (!policy || !domain ||
	    (protocol != FEDNS_PROTOCOL_SIP && protocol != FEDNS_PROTOCOL_XMPP))
		return FEDNS_EINVAL;
	n = fedns__fold(domain, folded, &h);
	if (n)
		fedns__table_prefetch(&policy->table, h);
	if (!n || !fedns__folded_valid(folded, n))
		return FEDNS_EBADNAME; /* P8 */
	e = fedns__table_find(&policy->table, folded, n, h);
	if (!e)
		e = &unlisted;
	if (e->flags & IS_OWN) { /* P7 comes first: it is not federation */
		put(verdict, reason, route, FEDNS_VERDICT_INTERNAL, FEDNS_REASON_INTERNAL, NULL);
		return FEDNS_OK;
	}
	d = protocol == FEDNS_PROTOCOL_SIP ? decide_sip(policy, e) : decide_xmpp(policy, e);
	put(verdict, reason, route, d.verdict, d.reason,
	    d.route == DNS_SRV ? NULL : FEDNS_TABLE_TEXT(&policy->table, d.route));
	return FEDNS_OK;
}

/* In fedns_reason order, from 1. */
static const char *const reason_names[] = {
	"federation-disabled", "blocked", "allowed", "public-provider", "discovered",
	"not-allowed", "xmpp-disabled", "federated", "public-verified", "public-unverified",
	"internal",
};

FEDNS_API const char *fedns_reason_name(int reason)
{
	if (reason < 1 || (size_t)reason > sizeof(reason_names) / sizeof(reason_names[0]))
		return NULL;
	return reason_names[reason - 1];
}

FEDNS_API const char *fedns_verdict_name(int verdict)
{
	switch (verdict) {
	case FEDNS_VERDICT_ALLOW:
		return "allow";
	case FEDNS_VERDICT_DENY:
		return "deny";
	case FEDNS_VERDICT_INTERNAL:
		return "internal";
	default:
		return NULL;
	}
}
