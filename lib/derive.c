/* Derivation (SPEC 2): the record rules as data, applied to a validated
 * deployment, into a record set in the order SPEC 2 fixes. */
#include <string.h>

#include "builder.h"
#include "model.h"
#include "part.h"
#include "refuse.h"
#include "validate.h"

/* Parsed addresses of one interface, each with its text in the set's. */
struct addr_list {
	struct fedns_address *items;
	size_t *texts;
	size_t n;
};

/* A pool's names and addresses, folded and parsed once per derivation. */
struct pool_view {
	char fqdn[3][FEDNS_NAME_BUF]; /* by fedns_edge_role; "" when absent */
	char access_host[FEDNS_NAME_BUF], xmpp_host[FEDNS_NAME_BUF];
	struct addr_list addrs[3];
};

/* The reverse proxy's, likewise. */
struct proxy_view {
	const struct fedns_reverse_proxy *proxy;
	char fqdn[2][FEDNS_NAME_BUF]; /* by fedns_proxy_name; "" when absent */
	struct addr_list addrs;
};

struct derivation {
	const fedns_deployment *dep;
	struct fedns_builder b;
	struct fedns_recordset *rs;
	struct pool_view *pools;
	const struct pool_view *xmpp_pool;
	struct proxy_view proxy;
};

/* What the rules of one SIP domain need. */
struct domain_ctx {
	const struct derivation *dv;
	const struct fedns_sip_domain *domain;
	const struct pool_view *pool; /* NULL for an online domain */
	const char *name;             /* d, folded: in the set's text, which
				       * grows only when the group is flushed */
	size_t name_len;
	size_t access, xmpp;          /* S and X, in the group's text */
};

enum shape { SHAPE_HOSTS, SHAPE_SRV, SHAPE_CNAME };

/* Whose name and addresses: for SHAPE_HOSTS the owner and its addresses,
 * for SHAPE_SRV the target. */
enum name_kind {
	NAME_ACCESS,  /* S, at the domain's pool's access edge */
	NAME_XMPP,    /* X, at the XMPP pool's access edge */
	NAME_PROXIED  /* <label>.d, at the reverse proxy */
};

struct domain_rule {
	int part;
	enum shape shape;
	const char *label;   /* SRV, CNAME and proxied owners are <label>.d */
	enum name_kind name;
	const char *target;  /* a fixed SRV or CNAME target (Microsoft 365) */
	uint16_t priority, weight, port;
	uint32_t purpose;
	int public_im;       /* also tagged public-im while public IM is on */
	int (*applies)(const struct domain_ctx *c);
};

static int on_premises(const struct domain_ctx *c)
{
	return c->domain->hosting == FEDNS_HOSTING_ON_PREMISES;
}

static int external_access(const struct domain_ctx *c)
{
	return on_premises(c) && c->dv->dep->external_access;
}

static int discoverable(const struct domain_ctx *c)
{
	const fedns_deployment *dep = c->dv->dep;

	return on_premises(c) && dep->allow_federated_users && fedns_model_discoverable(dep);
}

static int push(const struct domain_ctx *c)
{
	return on_premises(c) && c->dv->dep->push_notifications && c->domain->mobility;
}

static int xmpp(const struct domain_ctx *c)
{
	return on_premises(c) && c->domain->xmpp && c->dv->xmpp_pool;
}

static int lyncdiscover(const struct domain_ctx *c)
{
	return on_premises(c) && c->dv->proxy.proxy && c->dv->proxy.proxy->lyncdiscover;
}

static int meet(const struct domain_ctx *c)
{
	return on_premises(c) && c->dv->proxy.proxy && c->dv->proxy.proxy->meet;
}

static int online(const struct domain_ctx *c)
{
	return !on_premises(c);
}

#define SIPDIR "sipdir.online.lync.com"
#define SIPFED "sipfed.online.lync.com"
#define WEBDIR "webdir.online.lync.com"
#define FED "_sipfederationtls._tcp"

static const struct domain_rule domain_rules[] = {
	{FEDNS_PART_R1, SHAPE_HOSTS, NULL, NAME_ACCESS, NULL, 0, 0, 0,
	 FEDNS_PURPOSE_EXTERNAL_ACCESS, 1, on_premises},
	{FEDNS_PART_R2, SHAPE_SRV, "_sip._tls", NAME_ACCESS, NULL, 0, 0, 443,
	 FEDNS_PURPOSE_EXTERNAL_ACCESS, 0, external_access},
	{FEDNS_PART_R3, SHAPE_SRV, FED, NAME_ACCESS, NULL, 0, 0, 5061,
	 FEDNS_PURPOSE_FEDERATION_DISCOVERY, 0, discoverable},
	{FEDNS_PART_R4, SHAPE_SRV, FED, NAME_ACCESS, NULL, 0, 0, 5061,
	 FEDNS_PURPOSE_MOBILITY_PUSH, 0, push},
	{FEDNS_PART_R5_SRV, SHAPE_SRV, "_xmpp-server._tcp", NAME_XMPP, NULL, 0, 0, 5269,
	 FEDNS_PURPOSE_XMPP, 0, xmpp},
	{FEDNS_PART_R5_HOST, SHAPE_HOSTS, NULL, NAME_XMPP, NULL, 0, 0, 0, FEDNS_PURPOSE_XMPP, 0,
	 xmpp},
	{FEDNS_PART_R7, SHAPE_HOSTS, "lyncdiscover", NAME_PROXIED, NULL, 0, 0, 0,
	 FEDNS_PURPOSE_AUTODISCOVER, 0, lyncdiscover},
	{FEDNS_PART_R8_MEET, SHAPE_HOSTS, "meet", NAME_PROXIED, NULL, 0, 0, 0,
	 FEDNS_PURPOSE_SIMPLE_URL, 0, meet},
	/* Microsoft 365's own values: priority 100, weight 1. */
	{FEDNS_PART_R9_SIP, SHAPE_SRV, "_sip._tls", NAME_ACCESS, SIPDIR, 100, 1, 443,
	 FEDNS_PURPOSE_ONLINE, 0, online},
	{FEDNS_PART_R9_FEDERATION, SHAPE_SRV, FED, NAME_ACCESS, SIPFED, 100, 1, 5061,
	 FEDNS_PURPOSE_ONLINE, 0, online},
	{FEDNS_PART_R9_SIP_ALIAS, SHAPE_CNAME, "sip", NAME_ACCESS, SIPDIR, 0, 0, 0,
	 FEDNS_PURPOSE_ONLINE, 0, online},
	{FEDNS_PART_R9_DISCOVER, SHAPE_CNAME, "lyncdiscover", NAME_ACCESS, WEBDIR, 0, 0, 0,
	 FEDNS_PURPOSE_ONLINE, 0, online},
};

/* The edge pool rules (R6), once per pool. */
struct pool_rule {
	int part;
	int role;
	uint32_t purpose;
};

static const struct pool_rule pool_rules[] = {
	{FEDNS_PART_R6_WEBCONF, FEDNS_EDGE_WEBCONF, FEDNS_PURPOSE_WEBCONF},
	{FEDNS_PART_R6_AV, FEDNS_EDGE_AV, FEDNS_PURPOSE_AV},
};

/* The reverse proxy's own names (R8), once per deployment. */
static const int proxy_parts[2] = {
	[FEDNS_PROXY_DIALIN] = FEDNS_PART_R8_DIALIN,
	[FEDNS_PROXY_WEB] = FEDNS_PART_R8_WEB,
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NOMEM FEDNS_ENOMEM

static fedns_status fold(const char *in, char *out)
{
	return fedns_name_fold(in, out, NULL) == FEDNS_NAME_OK ? FEDNS_OK : FEDNS_EINVALID;
}

static fedns_status parse_addresses(struct derivation *dv, const struct fedns_strlist *l,
				    struct addr_list *out)
{
	const struct fedns_alloc *a = &dv->dep->alloc;

	if (!l->n)
		return FEDNS_OK;
	out->items = fedns_alloc_array(a, NULL, l->n, sizeof(*out->items));
	out->texts = fedns_alloc_array(a, NULL, l->n, sizeof(*out->texts));
	if (!out->items || !out->texts)
		return NOMEM;
	for (; out->n < l->n; out->n++) {
		struct fedns_address *addr = &out->items[out->n];
		char text[FEDNS_ADDRESS_BUF];
		size_t n;

		if (!fedns_address_parse(l->items[out->n], addr, NULL, 0))
			return FEDNS_EINVALID;
		n = fedns_address_format(addr, text);
		out->texts[out->n] = fedns__arena_add(&dv->rs->text, &dv->rs->alloc, text, n);
		if (out->texts[out->n] == FEDNS_NO_TEXT)
			return NOMEM;
	}
	return FEDNS_OK;
}

/* An edge's or the reverse proxy's own FQDN: other groups may give it too. */
static fedns_status own_name(struct derivation *dv, const char *in, char *out)
{
	if (fold(in, out))
		return FEDNS_EINVALID;
	return fedns_builder_share(&dv->b, out);
}

static fedns_status view_pool(struct derivation *dv, const struct fedns_edge_pool *p,
			      struct pool_view *v)
{
	size_t r;
	fedns_status st;

	/* Validation checks the XMPP host label only where it is used. */
	if (!fedns_label_fold(fedns_pool_access_host(p), v->access_host) ||
	    (p->xmpp_proxy && !fedns_label_fold(fedns_pool_xmpp_host(p), v->xmpp_host)))
		return FEDNS_EINVALID;
	for (r = 0; r < 3; r++) {
		st = p->edges[r].fqdn ? own_name(dv, p->edges[r].fqdn, v->fqdn[r]) : FEDNS_OK;
		if (!st)
			st = parse_addresses(dv, &p->edges[r].addresses, &v->addrs[r]);
		if (st)
			return st;
	}
	return FEDNS_OK;
}

static fedns_status view_proxy(struct derivation *dv, struct proxy_view *v)
{
	size_t i;
	fedns_status st;

	v->proxy = dv->dep->proxy;
	if (!v->proxy)
		return FEDNS_OK;
	for (i = 0; i < 2; i++) {
		st = v->proxy->fqdn[i] ? own_name(dv, v->proxy->fqdn[i], v->fqdn[i]) : FEDNS_OK;
		if (st)
			return st;
	}
	return parse_addresses(dv, &v->proxy->addresses, &v->addrs);
}

static fedns_status view(struct derivation *dv)
{
	const fedns_deployment *dep = dv->dep;
	fedns_status st = FEDNS_OK;
	size_t i;

	if (dep->pools.n) {
		dv->pools = fedns_alloc_array(&dep->alloc, NULL, dep->pools.n, sizeof(*dv->pools));
		if (!dv->pools)
			return NOMEM;
		memset(dv->pools, 0, dep->pools.n * sizeof(*dv->pools));
	}
	for (i = 0; !st && i < dep->pools.n; i++) {
		st = view_pool(dv, FEDNS_POOL(dep, i), &dv->pools[i]);
		if (!dv->xmpp_pool && FEDNS_POOL(dep, i)->xmpp_proxy)
			dv->xmpp_pool = &dv->pools[i];
	}
	return st ? st : view_proxy(dv, &dv->proxy);
}

static const struct pool_view *pool_of(const struct derivation *dv,
				       const struct fedns_sip_domain *d)
{
	size_t i = fedns_pool_of(dv->dep, d);

	return i == FEDNS_NO_POOL ? NULL : &dv->pools[i];
}

/* One A or AAAA candidate per address at `owner`, in the group's text. */
static fedns_status add_hosts_at(struct fedns_builder *b, int part, uint32_t purposes,
				 size_t owner, const struct addr_list *addrs)
{
	size_t i;

	for (i = 0; i < addrs->n; i++) {
		struct fedns_cand *c = fedns_builder_cand(b, part, purposes);

		if (!c)
			return NOMEM;
		c->owner = owner;
		c->addr = addrs->items[i];
		c->address = addrs->texts[i];
		c->type = addrs->items[i].family == 4 ? FEDNS_RR_A : FEDNS_RR_AAAA;
	}
	return FEDNS_OK;
}

/* The same at `label`.`name` (or `name`). */
static fedns_status add_hosts(struct fedns_builder *b, int part, uint32_t purposes,
			      const char *label, const char *name, const struct addr_list *addrs)
{
	size_t owner;
	fedns_status st;

	if (!addrs->n)
		return FEDNS_OK;
	st = fedns_builder_name(b, label, name, strlen(name), &owner);
	return st ? st : add_hosts_at(b, part, purposes, owner, addrs);
}

/* The service labels carry underscores, which input names may not (SPEC 5),
 * so owners under d are joined, not folded; V1 bounds their length. */
static fedns_status add_pointer(struct fedns_builder *b, const struct domain_rule *r,
				const struct domain_ctx *c, uint32_t purposes)
{
	struct fedns_cand *k = fedns_builder_cand(b, r->part, purposes);
	fedns_status st;

	if (!k)
		return NOMEM;
	k->type = r->shape == SHAPE_SRV ? FEDNS_RR_SRV : FEDNS_RR_CNAME;
	k->priority = r->priority;
	k->weight = r->weight;
	k->port = r->port;
	k->target = r->name == NAME_XMPP ? c->xmpp : c->access;
	st = fedns_builder_name(b, r->label, c->name, c->name_len, &k->owner);
	return st || !r->target ? st :
	       fedns_builder_name(b, NULL, r->target, strlen(r->target), &k->target);
}

static fedns_status add_domain_hosts(struct fedns_builder *b, const struct domain_rule *r,
				     const struct domain_ctx *c, uint32_t purposes)
{
	switch (r->name) {
	case NAME_ACCESS:
		return add_hosts_at(b, r->part, purposes, c->access,
				    &c->pool->addrs[FEDNS_EDGE_ACCESS]);
	case NAME_XMPP:
		return add_hosts_at(b, r->part, purposes, c->xmpp,
				    &c->dv->xmpp_pool->addrs[FEDNS_EDGE_ACCESS]);
	case NAME_PROXIED:
	default:
		return add_hosts(b, r->part, purposes, r->label, c->name, &c->dv->proxy.addrs);
	}
}

static fedns_status apply_domain_rules(struct derivation *dv, const struct domain_ctx *c)
{
	size_t i;

	for (i = 0; i < COUNT(domain_rules); i++) {
		const struct domain_rule *r = &domain_rules[i];
		uint32_t purposes = r->purpose;
		fedns_status st;

		if (!r->applies(c))
			continue;
		if (r->public_im && dv->dep->public_im)
			purposes |= FEDNS_PURPOSE_PUBLIC_IM;
		if (r->shape == SHAPE_HOSTS)
			st = add_domain_hosts(&dv->b, r, c, purposes);
		else
			st = add_pointer(&dv->b, r, c, purposes);
		if (st)
			return st;
	}
	return FEDNS_OK;
}

/* The domain's names S and X go in the group's text once: records name
 * them as owners and as targets. */
static fedns_status domain_context(struct derivation *dv, size_t i, struct domain_ctx *c)
{
	const struct fedns_sip_domain *d = FEDNS_DOMAIN(dv->dep, i);
	const char *fqdn;
	fedns_status st;

	memset(c, 0, sizeof(*c));
	c->dv = dv;
	c->domain = d;
	c->name = FEDNS_TEXT(dv->rs, dv->rs->domains[i]);
	c->name_len = strlen(c->name);
	if (d->hosting == FEDNS_HOSTING_ONLINE)
		return FEDNS_OK;
	c->pool = pool_of(dv, d);
	if (!c->pool)
		return FEDNS_EINVALID;
	fqdn = c->pool->fqdn[FEDNS_EDGE_ACCESS];
	st = fqdn[0] ? fedns_builder_name(&dv->b, NULL, fqdn, strlen(fqdn), &c->access) :
		       fedns_builder_name(&dv->b, c->pool->access_host, c->name, c->name_len,
					  &c->access);
	if (!st && dv->xmpp_pool && d->xmpp)
		st = fedns_builder_name(&dv->b, dv->xmpp_pool->xmpp_host, c->name, c->name_len,
					&c->xmpp);
	return st;
}

static fedns_status derive_domain(struct derivation *dv, size_t i)
{
	struct domain_ctx c;
	fedns_status st;

	if (!FEDNS_DOMAIN(dv->dep, i)->users)
		return FEDNS_OK;
	st = domain_context(dv, i, &c);
	if (!st)
		st = apply_domain_rules(dv, &c);
	return st ? st : fedns_builder_flush(&dv->b);
}

static fedns_status derive_pool(struct derivation *dv, const struct pool_view *v)
{
	size_t i;
	fedns_status st = FEDNS_OK;

	for (i = 0; !st && i < COUNT(pool_rules); i++) {
		const struct pool_rule *r = &pool_rules[i];

		if (v->fqdn[r->role][0])
			st = add_hosts(&dv->b, r->part, r->purpose, NULL, v->fqdn[r->role],
				       &v->addrs[r->role]);
	}
	return st ? st : fedns_builder_flush(&dv->b);
}

static fedns_status derive_proxy(struct derivation *dv)
{
	const struct proxy_view *v = &dv->proxy;
	size_t i;
	fedns_status st = FEDNS_OK;

	for (i = 0; !st && v->proxy && i < COUNT(proxy_parts); i++)
		if (v->fqdn[i][0])
			st = add_hosts(&dv->b, proxy_parts[i], FEDNS_PURPOSE_SIMPLE_URL, NULL,
				       v->fqdn[i], &v->addrs);
	return st ? st : fedns_builder_flush(&dv->b);
}

static void addr_list_clear(const struct fedns_alloc *a, struct addr_list *l)
{
	fedns_alloc_free(a, l->items);
	fedns_alloc_free(a, l->texts);
}

static void derivation_clear(struct derivation *dv)
{
	const struct fedns_alloc *a = &dv->dep->alloc;
	size_t i, r;

	for (i = 0; dv->pools && i < dv->dep->pools.n; i++)
		for (r = 0; r < 3; r++)
			addr_list_clear(a, &dv->pools[i].addrs[r]);
	fedns_alloc_free(a, dv->pools);
	addr_list_clear(a, &dv->proxy.addrs);
	fedns_builder_clear(&dv->b);
}

/* Every SIP domain's folded name, into the set: its records are built under
 * it, and the per-zone formats take each for a zone (zone_split.c). */
static fedns_status domain_names(struct derivation *dv)
{
	const fedns_deployment *dep = dv->dep;
	struct fedns_recordset *rs = dv->rs;
	char name[FEDNS_NAME_BUF];

	if (!dep->domains.n)
		return FEDNS_OK;
	rs->domains = fedns_alloc_array(&rs->alloc, NULL, dep->domains.n, sizeof(*rs->domains));
	if (!rs->domains)
		return NOMEM;
	for (; rs->ndomains < dep->domains.n; rs->ndomains++) {
		const char *in = FEDNS_DOMAIN(dep, rs->ndomains)->name;
		size_t *at = &rs->domains[rs->ndomains], n = fedns_name_folded_len(in);

		/* Most names come folded already: copied as they are. */
		if (!n && fold(in, name))
			return FEDNS_EINVALID;
		*at = n ? fedns__arena_add(&rs->text, &rs->alloc, in, n) :
			  fedns__arena_add(&rs->text, &rs->alloc, name, strlen(name));
		if (*at == FEDNS_NO_TEXT)
			return NOMEM;
	}
	return FEDNS_OK;
}

/* Domains sampled before the set is sized for the rest. */
#define SAMPLE 16

/* Room for the records of the domains after the first SAMPLE, which the
 * tenants of a hosting provider make alike, and an eighth more. */
static fedns_status reserve_rest(struct derivation *dv, size_t text_before)
{
	const struct fedns_recordset *rs = dv->rs;
	size_t rest = (dv->dep->domains.n - SAMPLE) / SAMPLE * 9 / 8 + 1;
	size_t text = rs->text.len - text_before;

	if (rest > SIZE_MAX / (rs->n + 1) || rest > SIZE_MAX / (text + 1))
		return FEDNS_OK; /* grown by doubling, as it comes */
	return fedns_builder_reserve(&dv->b, rs->n * rest, text * rest);
}

/* The domain records in document order (or only those of `only`), then the
 * pools' and the reverse proxy's own (SPEC 2's order). */
static fedns_status build(struct derivation *dv, const struct fedns_sip_domain *only)
{
	const fedns_deployment *dep = dv->dep;
	size_t i, text_before = 0;
	fedns_status st = domain_names(dv);

	if (!st)
		st = view(dv);
	if (!st)
		text_before = dv->rs->text.len;
	for (i = 0; !st && i < dep->domains.n; i++) {
		if (!only || FEDNS_DOMAIN(dep, i) == only)
			st = derive_domain(dv, i);
		if (!st && !only && i + 1 == SAMPLE && dep->domains.n >= 4 * SAMPLE)
			st = reserve_rest(dv, text_before);
	}
	for (i = 0; !only && !st && i < dep->pools.n; i++)
		st = derive_pool(dv, &dv->pools[i]);
	if (!only && !st)
		st = derive_proxy(dv);
	return st ? st : fedns_builder_finish(&dv->b);
}

/* Validates, refusing a deployment with errors (naming the first), then
 * builds the set for every domain or just `only`. */
static fedns_status derive(fedns_deployment *dep, const struct fedns_sip_domain *only,
			   fedns_recordset **out)
{
	struct derivation dv;
	struct fedns_recordset *rs;
	fedns_status st;

	rs = fedns_alloc_malloc(&dep->alloc, sizeof(*rs));
	if (!rs)
		return fedns_fail(dep, NOMEM, "out of memory");
	memset(rs, 0, sizeof(*rs));
	rs->alloc = dep->alloc;
	fedns_diagnostics_init(&rs->diags, &dep->alloc);
	if (fedns_validate(dep, &rs->diags)) {
		fedns_recordset_free(rs);
		return fedns_fail(dep, NOMEM, "out of memory");
	}
	if (fedns__refuse_errors(dep, &rs->diags)) {
		fedns_recordset_free(rs);
		return FEDNS_EINVALID;
	}
	memset(&dv, 0, sizeof(dv));
	dv.dep = dep;
	dv.rs = rs;
	fedns_builder_init(&dv.b, rs, (uint32_t)dep->ttl);
	st = build(&dv, only);
	derivation_clear(&dv);
	if (st) {
		fedns_recordset_free(rs);
		return fedns_fail(dep, st, st == NOMEM ? "out of memory" :
				  "internal error: validation accepted a name or address that derivation cannot use");
	}
	*out = rs;
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_deployment_derive(fedns_deployment *dep, fedns_recordset **out)
{
	if (!dep)
		return FEDNS_EINVAL;
	fedns_clear_error(dep);
	if (!out)
		return fedns_fail(dep, FEDNS_EINVAL, "fedns_deployment_derive: out is NULL");
	*out = NULL;
	return derive(dep, NULL, out);
}

FEDNS_API fedns_status fedns_deployment_derive_domain(fedns_deployment *dep, const char *domain,
						      fedns_recordset **out)
{
	char want[FEDNS_NAME_BUF], have[FEDNS_NAME_BUF], why[FEDNS_ERROR_MAX - 64];
	struct fedns_name_error err;
	size_t i;

	if (!dep)
		return FEDNS_EINVAL;
	fedns_clear_error(dep);
	if (!out || !domain)
		return fedns_fail(dep, FEDNS_EINVAL, "fedns_deployment_derive_domain: %s is NULL",
				  out ? "domain" : "out");
	*out = NULL;
	if (fedns_name_fold(domain, want, &err) != FEDNS_NAME_OK) {
		fedns_name_error_text(&err, domain, why, sizeof(why));
		return fedns_fail(dep, FEDNS_EBADNAME, "fedns_deployment_derive_domain: %s", why);
	}
	for (i = 0; i < dep->domains.n; i++)
		if (!fold(FEDNS_DOMAIN(dep, i)->name, have) && strcmp(have, want) == 0)
			return derive(dep, FEDNS_DOMAIN(dep, i), out);
	return fedns_fail(dep, FEDNS_ENOTFOUND, "%s is not a SIP domain of the deployment", want);
}
