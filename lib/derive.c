/* Derivation (SPEC 2): the record rules as data, applied to a validated
 * deployment, into a record set in the order SPEC 2 fixes. */
#include <stdlib.h>
#include <string.h>

#include "list.h"
#include "model.h"
#include "name.h"
#include "part.h"
#include "recordset.h"
#include "validate.h"

/* A pool's names and addresses, folded and parsed once per derivation. */
struct pool_view {
	const struct fedns_edge_pool *pool;
	char fqdn[3][FEDNS_NAME_BUF]; /* by fedns_edge_role; "" when absent */
	char access_host[FEDNS_NAME_BUF], xmpp_host[FEDNS_NAME_BUF];
	struct fedns_address *addrs[3];
	size_t naddrs[3];
};

/* What the rules of one SIP domain need. */
struct domain_ctx {
	const fedns_deployment *dep;
	const struct fedns_sip_domain *domain;
	const struct pool_view *pool, *xmpp_pool;
	char name[FEDNS_NAME_BUF]; /* d */
	char access[FEDNS_NAME_BUF]; /* S */
	char xmpp[FEDNS_NAME_BUF];   /* X */
};

enum name_kind { NAME_ACCESS, NAME_XMPP };

struct domain_rule {
	int part;
	const char *service; /* SRV owner prefix; NULL for A/AAAA records */
	uint16_t port;
	enum name_kind name; /* the SRV target, or the owner of A/AAAA */
	uint32_t purpose;
	int public_im;       /* also tagged public-im when public IM is on */
	int (*applies)(const struct domain_ctx *c);
};

static int always(const struct domain_ctx *c)
{
	(void)c;
	return 1;
}

static int external_access(const struct domain_ctx *c)
{
	return c->dep->external_access;
}

static int discoverable(const struct domain_ctx *c)
{
	return c->dep->allow_federated_users && fedns_model_discoverable(c->dep);
}

static int push(const struct domain_ctx *c)
{
	return c->dep->push_notifications && c->domain->mobility;
}

static int xmpp(const struct domain_ctx *c)
{
	return c->domain->xmpp && c->xmpp_pool;
}

static const struct domain_rule domain_rules[] = {
	{FEDNS_PART_R1, NULL, 0, NAME_ACCESS, FEDNS_PURPOSE_EXTERNAL_ACCESS, 1, always},
	{FEDNS_PART_R2, "_sip._tls", 443, NAME_ACCESS, FEDNS_PURPOSE_EXTERNAL_ACCESS, 0,
	 external_access},
	{FEDNS_PART_R3, "_sipfederationtls._tcp", 5061, NAME_ACCESS,
	 FEDNS_PURPOSE_FEDERATION_DISCOVERY, 0, discoverable},
	{FEDNS_PART_R4, "_sipfederationtls._tcp", 5061, NAME_ACCESS, FEDNS_PURPOSE_MOBILITY_PUSH,
	 0, push},
	{FEDNS_PART_R5_SRV, "_xmpp-server._tcp", 5269, NAME_XMPP, FEDNS_PURPOSE_XMPP, 0, xmpp},
	{FEDNS_PART_R5_HOST, NULL, 0, NAME_XMPP, FEDNS_PURPOSE_XMPP, 0, xmpp},
};

struct pool_rule {
	int part;
	int role;
	uint32_t purpose;
};

static const struct pool_rule pool_rules[] = {
	{FEDNS_PART_R6_WEBCONF, FEDNS_EDGE_WEBCONF, FEDNS_PURPOSE_WEBCONF},
	{FEDNS_PART_R6_AV, FEDNS_EDGE_AV, FEDNS_PURPOSE_AV},
};

/* A record before it joins the set. */
struct cand {
	char owner[FEDNS_NAME_BUF + 1]; /* with the trailing dot */
	char target[FEDNS_NAME_BUF + 1];
	struct fedns_address addr;
	uint32_t purposes;
	int part;
	uint16_t type, priority, weight, port;
};

struct builder {
	const fedns_deployment *dep;
	struct fedns_recordset *rs;
	struct pool_view *pools;
	struct cand *cands;
	size_t ncands, candcap;
	size_t *slots; /* hash of record index + 1; 0 is empty */
	size_t nslots;
	uint32_t ttl;
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NOMEM FEDNS_ENOMEM

static fedns_status fold(const char *in, char *out)
{
	return fedns_name_fold(in, out, NULL) == FEDNS_NAME_OK ? FEDNS_OK : FEDNS_EINVALID;
}

/* `label` + "." + `domain`, folded. */
static fedns_status join(const char *label, const char *domain, char *out)
{
	char buf[2 * FEDNS_NAME_BUF + 1];
	size_t n = strlen(label);

	memcpy(buf, label, n);
	buf[n] = '.';
	strcpy(buf + n + 1, domain);
	return fold(buf, out);
}

static fedns_status view_pool(struct builder *b, const struct fedns_edge_pool *p,
			      struct pool_view *v)
{
	size_t r, i;

	v->pool = p;
	if (fold(fedns_pool_access_host(p), v->access_host) ||
	    fold(fedns_pool_xmpp_host(p), v->xmpp_host))
		return FEDNS_EINVALID;
	for (r = 0; r < 3; r++) {
		const struct fedns_strlist *l = &p->edges[r].addresses;

		if (p->edges[r].fqdn && fold(p->edges[r].fqdn, v->fqdn[r]))
			return FEDNS_EINVALID;
		if (!l->n)
			continue;
		v->addrs[r] = fedns_alloc_array(&b->dep->alloc, NULL, l->n, sizeof(*v->addrs[r]));
		if (!v->addrs[r])
			return NOMEM;
		for (i = 0; i < l->n; i++)
			if (!fedns_address_parse(l->items[i], &v->addrs[r][v->naddrs[r]++], NULL, 0))
				return FEDNS_EINVALID;
	}
	return FEDNS_OK;
}

static const struct pool_view *pool_of(const struct builder *b, const struct fedns_sip_domain *d)
{
	const fedns_deployment *dep = b->dep;
	size_t i;

	for (i = 0; i < dep->pools.n; i++) {
		const struct fedns_edge_pool *p = FEDNS_POOL(dep, i);

		if (d->edge_pool ? strcmp(p->name, d->edge_pool) == 0 : p->federation_route)
			return &b->pools[i];
	}
	return !d->edge_pool && dep->pools.n == 1 ? &b->pools[0] : NULL;
}

static const struct pool_view *xmpp_pool(const struct builder *b)
{
	size_t i;

	for (i = 0; i < b->dep->pools.n; i++)
		if (FEDNS_POOL(b->dep, i)->xmpp_proxy)
			return &b->pools[i];
	return NULL;
}

static struct cand *new_cand(struct builder *b, int part, uint32_t purposes)
{
	struct cand *c;
	void *p = fedns_grow(&b->dep->alloc, b->cands, &b->candcap, b->ncands, sizeof(*c));

	if (!p)
		return NULL;
	b->cands = p;
	c = &b->cands[b->ncands++];
	memset(c, 0, sizeof(*c));
	c->part = part;
	c->purposes = purposes;
	return c;
}

static void absolute(char *out, const char *name)
{
	size_t n = strlen(name);

	memcpy(out, name, n);
	out[n] = '.';
	out[n + 1] = '\0';
}

/* One A or AAAA candidate per address. */
static fedns_status add_hosts(struct builder *b, int part, uint32_t purposes, const char *owner,
			      const struct fedns_address *addrs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct cand *c = new_cand(b, part, purposes);

		if (!c)
			return NOMEM;
		absolute(c->owner, owner);
		c->addr = addrs[i];
		c->type = addrs[i].family == 4 ? FEDNS_RR_A : FEDNS_RR_AAAA;
	}
	return FEDNS_OK;
}

static fedns_status add_srv(struct builder *b, const struct domain_rule *r,
			    const struct domain_ctx *c, uint32_t purposes, const char *target)
{
	struct cand *k;
	size_t ns = strlen(r->service), nd = strlen(c->name);

	/* The service labels carry underscores, which input names may not
	 * (SPEC 5), so the owner is joined, not folded; V1 bounds its length. */
	if (ns + 1 + nd > FEDNS_NAME_MAX)
		return FEDNS_EINVALID;
	k = new_cand(b, r->part, purposes);
	if (!k)
		return NOMEM;
	memcpy(k->owner, r->service, ns);
	k->owner[ns] = '.';
	absolute(k->owner + ns + 1, c->name);
	absolute(k->target, target);
	k->type = FEDNS_RR_SRV;
	k->port = r->port;
	return FEDNS_OK;
}

static fedns_status apply_domain_rules(struct builder *b, const struct domain_ctx *c)
{
	size_t i;

	for (i = 0; i < COUNT(domain_rules); i++) {
		const struct domain_rule *r = &domain_rules[i];
		const struct pool_view *v = r->name == NAME_ACCESS ? c->pool : c->xmpp_pool;
		const char *name = r->name == NAME_ACCESS ? c->access : c->xmpp;
		uint32_t purposes = r->purpose;
		fedns_status st;

		if (!r->applies(c))
			continue;
		if (r->public_im && c->dep->public_im)
			purposes |= FEDNS_PURPOSE_PUBLIC_IM;
		if (r->service)
			st = add_srv(b, r, c, purposes, name);
		else
			st = add_hosts(b, r->part, purposes, name, v->addrs[FEDNS_EDGE_ACCESS],
				       v->naddrs[FEDNS_EDGE_ACCESS]);
		if (st)
			return st;
	}
	return FEDNS_OK;
}

static fedns_status domain_context(const struct builder *b, const struct fedns_sip_domain *d,
				   struct domain_ctx *c)
{
	c->dep = b->dep;
	c->domain = d;
	c->pool = pool_of(b, d);
	c->xmpp_pool = xmpp_pool(b);
	if (!c->pool || fold(d->name, c->name))
		return FEDNS_EINVALID;
	if (c->pool->fqdn[FEDNS_EDGE_ACCESS][0])
		strcpy(c->access, c->pool->fqdn[FEDNS_EDGE_ACCESS]);
	else if (join(c->pool->access_host, c->name, c->access))
		return FEDNS_EINVALID;
	if (c->xmpp_pool && d->xmpp && join(c->xmpp_pool->xmpp_host, c->name, c->xmpp))
		return FEDNS_EINVALID;
	return FEDNS_OK;
}

static int type_rank(int type)
{
	switch (type) {
	case FEDNS_RR_A:
		return 0;
	case FEDNS_RR_AAAA:
		return 1;
	case FEDNS_RR_CNAME:
		return 2;
	default:
		return 3;
	}
}

/* SPEC 2's order within a group: owner, type, then data. */
static int compare_cands(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;
	int d = strcmp(a->owner, b->owner);

	if (d)
		return d;
	if (a->type != b->type)
		return type_rank(a->type) - type_rank(b->type);
	if (a->type == FEDNS_RR_A || a->type == FEDNS_RR_AAAA)
		return fedns_address_compare(&a->addr, &b->addr);
	if (a->priority != b->priority)
		return a->priority - b->priority;
	if (a->weight != b->weight)
		return a->weight - b->weight;
	if (a->port != b->port)
		return a->port - b->port;
	d = strcmp(a->target, b->target);
	return d ? d : a->part - b->part;
}

static size_t hash_cand(const struct cand *c)
{
	const unsigned char *p;
	uint64_t h = 1469598103934665603u;

	for (p = (const unsigned char *)c->owner; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	h = (h ^ c->type) * 1099511628211u;
	if (c->type == FEDNS_RR_A || c->type == FEDNS_RR_AAAA) {
		size_t i;

		for (i = 0; i < 16; i++)
			h = (h ^ c->addr.bytes[i]) * 1099511628211u;
	} else {
		for (p = (const unsigned char *)c->target; *p; p++)
			h = (h ^ *p) * 1099511628211u;
		h = (h ^ c->port) * 1099511628211u;
	}
	return (size_t)(h ^ (h >> 32));
}

static int same_record(const struct fedns_recordset *rs, const struct fedns_record *r,
		       const struct cand *c)
{
	if (r->type != c->type || strcmp(FEDNS_TEXT(rs, r->owner), c->owner))
		return 0;
	if (c->type == FEDNS_RR_A || c->type == FEDNS_RR_AAAA)
		return fedns_address_compare(&r->addr, &c->addr) == 0;
	return r->priority == c->priority && r->weight == c->weight && r->port == c->port &&
	       strcmp(FEDNS_TEXT(rs, r->target), c->target) == 0;
}

static fedns_status rehash(struct builder *b)
{
	size_t n = b->nslots ? b->nslots * 2 : 1024, i;
	size_t *slots = fedns_alloc_array(&b->dep->alloc, NULL, n, sizeof(*slots));

	if (!slots)
		return NOMEM;
	memset(slots, 0, n * sizeof(*slots));
	for (i = 0; i < b->rs->n; i++) {
		struct cand c;
		const struct fedns_record *r = &b->rs->items[i];
		size_t h;

		/* Rebuild the key from the record; only hashed fields matter. */
		memset(&c, 0, sizeof(c));
		strcpy(c.owner, FEDNS_TEXT(b->rs, r->owner));
		c.type = r->type;
		c.addr = r->addr;
		c.port = r->port;
		if (r->target != FEDNS_NO_TEXT)
			strcpy(c.target, FEDNS_TEXT(b->rs, r->target));
		for (h = hash_cand(&c) & (n - 1); slots[h]; h = (h + 1) & (n - 1))
			;
		slots[h] = i + 1;
	}
	fedns_alloc_free(&b->dep->alloc, b->slots);
	b->slots = slots;
	b->nslots = n;
	return FEDNS_OK;
}

static fedns_status append_record(struct builder *b, const struct cand *c, size_t slot)
{
	struct fedns_recordset *rs = b->rs;
	struct fedns_record *r;
	void *p = fedns_grow(&rs->alloc, rs->items, &rs->cap, rs->n, sizeof(*r));

	if (!p)
		return NOMEM;
	rs->items = p;
	r = &rs->items[rs->n];
	memset(r, 0, sizeof(*r));
	/* Records of one owner come together; they share its text. */
	if (rs->n && strcmp(FEDNS_TEXT(rs, rs->items[rs->n - 1].owner), c->owner) == 0)
		r->owner = rs->items[rs->n - 1].owner;
	else
		r->owner = fedns_recordset_text(rs, c->owner, strlen(c->owner));
	r->target = r->address = FEDNS_NO_TEXT;
	if (c->type == FEDNS_RR_A || c->type == FEDNS_RR_AAAA) {
		char text[FEDNS_ADDRESS_BUF];
		size_t n = fedns_address_format(&c->addr, text);

		r->address = fedns_recordset_text(rs, text, n);
	} else {
		r->target = fedns_recordset_text(rs, c->target, strlen(c->target));
	}
	if (r->owner == FEDNS_NO_TEXT || (r->target == FEDNS_NO_TEXT && r->address == FEDNS_NO_TEXT))
		return NOMEM;
	r->addr = c->addr;
	r->ttl = b->ttl;
	r->type = c->type;
	r->priority = c->priority;
	r->weight = c->weight;
	r->port = c->port;
	r->purposes = c->purposes;
	r->parts = (uint32_t)1 << c->part;
	b->slots[slot] = ++rs->n;
	return FEDNS_OK;
}

/* Adds the pending candidates in order; a record already in the set keeps
 * its place and gains the candidate's purposes and comment. */
static fedns_status flush(struct builder *b)
{
	size_t i;

	qsort(b->cands, b->ncands, sizeof(*b->cands), compare_cands);
	for (i = 0; i < b->ncands; i++) {
		const struct cand *c = &b->cands[i];
		size_t h;

		if ((b->rs->n + 1) * 2 > b->nslots && rehash(b))
			return NOMEM;
		for (h = hash_cand(c) & (b->nslots - 1); b->slots[h]; h = (h + 1) & (b->nslots - 1)) {
			struct fedns_record *r = &b->rs->items[b->slots[h] - 1];

			if (same_record(b->rs, r, c)) {
				r->purposes |= c->purposes;
				r->parts |= (uint32_t)1 << c->part;
				break;
			}
		}
		if (!b->slots[h] && append_record(b, c, h))
			return NOMEM;
	}
	b->ncands = 0;
	return FEDNS_OK;
}

static fedns_status derive_domain(struct builder *b, const struct fedns_sip_domain *d)
{
	struct domain_ctx c;
	fedns_status st;

	if (!d->users)
		return FEDNS_OK;
	st = domain_context(b, d, &c);
	if (!st)
		st = apply_domain_rules(b, &c);
	return st ? st : flush(b);
}

static fedns_status derive_pool(struct builder *b, const struct pool_view *v)
{
	size_t i;

	for (i = 0; i < COUNT(pool_rules); i++) {
		const struct pool_rule *r = &pool_rules[i];

		if (v->fqdn[r->role][0] &&
		    add_hosts(b, r->part, r->purpose, v->fqdn[r->role], v->addrs[r->role],
			      v->naddrs[r->role]))
			return NOMEM;
	}
	return flush(b);
}

/* Writes the comment of a set of parts, joined in rule order with "; ". */
static size_t write_comment(struct fedns_recordset *rs, uint32_t parts, int lang)
{
	size_t at = FEDNS_NO_TEXT, len = rs->len;
	int part;

	for (part = 0; part < FEDNS_PART_COUNT; part++) {
		const char *text = fedns_part_comment(part, lang);
		size_t n;

		if (!(parts & ((uint32_t)1 << part)))
			continue;
		if (at != FEDNS_NO_TEXT) {
			/* Extend the previous piece in place: drop its NUL. */
			rs->len--;
			if (fedns_recordset_text(rs, "; ", 2) == FEDNS_NO_TEXT)
				goto fail;
			rs->len--;
		}
		n = fedns_recordset_text(rs, text, strlen(text));
		if (n == FEDNS_NO_TEXT)
			goto fail;
		if (at == FEDNS_NO_TEXT)
			at = n;
	}
	return at;
fail:
	rs->len = len;
	return FEDNS_NO_TEXT;
}

static fedns_status intern_comments(struct fedns_recordset *rs)
{
	size_t i, j = 0;

	for (i = 0; i < rs->n; i++) {
		struct fedns_record *r = &rs->items[i];
		struct fedns_comment *c;
		void *p;

		if (j < rs->ncomments && rs->comments[j].parts == r->parts) {
			r->comment = j;
			continue;
		}
		for (j = 0; j < rs->ncomments && rs->comments[j].parts != r->parts; j++)
			;
		r->comment = j;
		if (j < rs->ncomments)
			continue;
		p = fedns_grow(&rs->alloc, rs->comments, &rs->commentcap, j, sizeof(*c));
		if (!p)
			return NOMEM;
		rs->comments = p;
		c = &rs->comments[j];
		c->parts = r->parts;
		c->text[FEDNS_LANG_EN] = write_comment(rs, r->parts, FEDNS_LANG_EN);
		c->text[FEDNS_LANG_ZH_CN] = write_comment(rs, r->parts, FEDNS_LANG_ZH_CN);
		if (c->text[FEDNS_LANG_EN] == FEDNS_NO_TEXT || c->text[FEDNS_LANG_ZH_CN] == FEDNS_NO_TEXT)
			return NOMEM;
		rs->ncomments++;
	}
	return FEDNS_OK;
}

static void builder_clear(struct builder *b)
{
	size_t i, r;

	for (i = 0; b->pools && i < b->dep->pools.n; i++)
		for (r = 0; r < 3; r++)
			fedns_alloc_free(&b->dep->alloc, b->pools[i].addrs[r]);
	fedns_alloc_free(&b->dep->alloc, b->pools);
	fedns_alloc_free(&b->dep->alloc, b->cands);
	fedns_alloc_free(&b->dep->alloc, b->slots);
}

static fedns_status build(struct builder *b, const struct fedns_sip_domain *only)
{
	const fedns_deployment *dep = b->dep;
	size_t i;
	fedns_status st = FEDNS_OK;

	if (dep->pools.n) {
		b->pools = fedns_alloc_array(&dep->alloc, NULL, dep->pools.n, sizeof(*b->pools));
		if (!b->pools)
			return NOMEM;
		memset(b->pools, 0, dep->pools.n * sizeof(*b->pools));
	}
	for (i = 0; !st && i < dep->pools.n; i++)
		st = view_pool(b, FEDNS_POOL(dep, i), &b->pools[i]);
	if (!st && rehash(b))
		st = NOMEM;
	for (i = 0; !st && i < dep->domains.n; i++)
		if (!only || FEDNS_DOMAIN(dep, i) == only)
			st = derive_domain(b, FEDNS_DOMAIN(dep, i));
	for (i = 0; !only && !st && i < dep->pools.n; i++)
		st = derive_pool(b, &b->pools[i]);
	return st ? st : intern_comments(b->rs);
}

/* Validates, refusing a deployment with errors (naming the first), then
 * builds the set for every domain or just `only`. */
static fedns_status derive(fedns_deployment *dep, const struct fedns_sip_domain *only,
			   fedns_recordset **out)
{
	struct builder b;
	struct fedns_recordset *rs;
	size_t errors;
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
	errors = fedns_diagnostics_count_severity(&rs->diags, FEDNS_SEVERITY_ERROR);
	if (errors) {
		size_t i = 0;

		while (rs->diags.items[i].severity != FEDNS_SEVERITY_ERROR)
			i++;
		fedns_fail(dep, FEDNS_EINVALID, "the deployment has %zu error%s; first: %s %s: %s",
			   errors, errors == 1 ? "" : "s", rs->diags.items[i].id,
			   FEDNS_TEXT(&rs->diags, rs->diags.items[i].subject),
			   FEDNS_TEXT(&rs->diags, rs->diags.items[i].message[FEDNS_LANG_EN]));
		fedns_recordset_free(rs);
		return FEDNS_EINVALID;
	}
	memset(&b, 0, sizeof(b));
	b.dep = dep;
	b.rs = rs;
	b.ttl = (uint32_t)dep->ttl;
	st = build(&b, only);
	builder_clear(&b);
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
