/* Validation (SPEC 3): folds every name once and indexes each list by name,
 * then runs the V rules from a table in id order and sorts what they report into SPEC 3's order. The
 * rules themselves live in validate_*.c, grouped by what they check. */
#include "validate.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "validate_rules.h"

/* Messages quote at most this many bytes of a bad name, as name.c does;
 * each may take four ("\xe4"), plus "..." and the NUL. */
#define SHOW_MAX 120
_Static_assert(SHOW_MAX * 4 + 4 <= FEDNS_VSHOW_BUF, "FEDNS_VSHOW_BUF too small");

/* The rules in id order: each appends what it finds, and the list is sorted
 * once at the end. */
static const struct {
	int id;
	fedns_vrule_fn run;
} rules[] = {
	{1, fedns__v1_names},
	{2, fedns__v2_duplicate_domains},
	{3, fedns__v3_pools},
	{4, fedns__v4_unique_roles},
	{5, fedns__v5_addresses},
	{6, fedns__v6_push_needs_federation},
	{7, fedns__v7_push_setup},
	{8, fedns__v8_srv_without_discovery},
	{9, fedns__v9_xmpp_without_proxy},
	{10, fedns__v10_srv_target},
	{11, fedns__v11_conflicts},
	{12, fedns__v12_nobody_can_federate},
	{13, fedns__v13_federation_off},
	{14, fedns__v14_ttl_and_duplicates},
	{15, fedns__v15_public_im_domains},
	{16, fedns__v16_blocked_without_discovery},
	{17, fedns__v17_dns_pool_failover},
	{18, fedns__v18_address_counts},
	{19, fedns__v19_duplicate_providers},
	{20, fedns__v20_xmpp_without_partners},
	{21, fedns__v21_xmpp_negotiation},
	{22, fedns__v22_xmpp_unsupported},
	{23, fedns__v23_not_findable},
	{24, fedns__v24_public_im_ended},
	{25, fedns__v25_online_xmpp},
	{26, fedns__v26_online_mobility},
	{27, fedns__v27_pool_serves_only_online},
	{28, fedns__v28_proxy_without_address},
	{29, fedns__v29_cname_collision},
};

/* ---- Helpers the rules share ------------------------------------------- */

/* Eight bytes at a time, the last eight overlapping the ones before when
 * the length is not a multiple of eight. */
static uint64_t mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * UINT64_C(0x9e3779b97f4a7c15);
	return h ^ (h >> 32);
}

static size_t hash_text(const char *s, size_t n)
{
	uint64_t h = n, w = 0;
	size_t i;

	if (n < 8) {
		for (i = 0; i < n; i++)
			w = w << 8 | (unsigned char)s[i];
		return (size_t)mix(h, w);
	}
	for (i = 0; i + 8 < n; i += 8) {
		memcpy(&w, s + i, 8);
		h = mix(h, w);
	}
	memcpy(&w, s + n - 8, 8);
	return (size_t)mix(h, w);
}

/* A slot holds 1 + an item in the bits of the mask (the table has twice
 * as many slots as items) and the rest of the item's hash in the others,
 * so that a walk past other names does not read their items; 0 is empty. */
static size_t slot_item(const struct fedns_vnames *l, size_t s)
{
	return (s & l->mask) - 1;
}

/* The slot holding `name`, or the empty one where it would go. The table
 * is at most half full, so the walk ends. */
static size_t *probe(const struct fedns_vnames *l, const char *name, size_t len, size_t hash)
{
	size_t k = hash & l->mask, tag = hash & ~l->mask;

	for (;; k = (k + 1) & l->mask) {
		size_t *s = &l->slots[k];
		const struct fedns_vname *v;

		if (!*s)
			return s;
		if ((*s & ~l->mask) != tag)
			continue;
		v = &l->items[slot_item(l, *s)];
		if (v->len == len && memcmp(v->folded, name, len) == 0)
			return s;
	}
}

static const struct fedns_vname *find(const struct fedns_vnames *l, const char *name,
				      size_t len, size_t hash)
{
	const size_t *s;

	if (!l->slots)
		return NULL;
	s = probe(l, name, len, hash);
	return *s ? &l->items[slot_item(l, *s)] : NULL;
}

const struct fedns_vname *fedns__vfind(const struct fedns_vnames *l, const char *name)
{
	size_t len = strlen(name);

	return find(l, name, len, hash_text(name, len));
}

const struct fedns_vname *fedns__vfind_name(const struct fedns_vnames *l,
					    const struct fedns_vname *v)
{
	return find(l, v->folded, v->len, v->hash);
}

/* The order the sorted lists of earlier versions reported duplicates in,
 * which the diagnostics of one subject keep. */
static int compare_vname(const void *pa, const void *pb)
{
	const struct fedns_vname *a = *(const struct fedns_vname *const *)pa;
	const struct fedns_vname *b = *(const struct fedns_vname *const *)pb;
	int r = strcmp(a->folded, b->folded);

	if (r)
		return r;
	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	return (a->sub > b->sub) - (a->sub < b->sub);
}

fedns_status fedns__vduplicates(struct fedns_vctx *c, const struct fedns_vnames *l,
				fedns_vdup_fn report, const void *arg)
{
	const struct fedns_alloc *a = &c->dep->alloc;
	const struct fedns_vname **dups;
	fedns_status st = FEDNS_OK;
	size_t i, n = 0;

	if (!l->ndup)
		return FEDNS_OK;
	dups = fedns_alloc_array(a, NULL, l->ndup, sizeof(*dups));
	if (!dups)
		return FEDNS_ENOMEM;
	for (i = 0; i < l->n; i++)
		if (l->items[i].first != FEDNS_VNONE)
			dups[n++] = &l->items[i];
	qsort(dups, n, sizeof(*dups), compare_vname);
	for (i = 0; st == FEDNS_OK && i < n; i++)
		st = report(c, dups[i], &l->items[dups[i]->first], arg);
	fedns_alloc_free(a, dups);
	return st;
}

static char *put_hex(char *o, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";

	*o++ = '\\';
	*o++ = 'x';
	*o++ = hex[c >> 4];
	*o++ = hex[c & 15];
	return o;
}

const char *fedns__vshow(const char *given, char *buf)
{
	const unsigned char *p = (const unsigned char *)(given ? given : "");
	char *o = buf;
	size_t i;

	for (i = 0; p[i] && i < SHOW_MAX; i++) {
		if (p[i] < 0x20 || p[i] >= 0x7f) {
			o = put_hex(o, p[i]);
		} else {
			if (p[i] == '"' || p[i] == '\\')
				*o++ = '\\';
			*o++ = (char)p[i];
		}
	}
	if (p[i]) {
		memcpy(o, "...", 3);
		o += 3;
	}
	*o = '\0';
	return buf;
}

const char *fedns__vsubject(const char *folded, const char *given, char *buf)
{
	return folded ? folded : fedns__vshow(given, buf);
}

const char *fedns__vpartner(const struct fedns_vctx *c, size_t i, char *buf)
{
	const char *given = FEDNS_XMPP_PARTNER(c->dep, i)->domain;

	/* buf holds FEDNS_VSHOW_BUF bytes, more than any folded name. */
	if (fedns_name_fold(given, buf, NULL) == FEDNS_NAME_OK)
		return buf;
	return fedns__vshow(given, buf);
}

static char *put_size(char *o, size_t v)
{
	char digits[24];
	size_t n = sizeof digits;

	do {
		digits[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	memcpy(o, digits + n, sizeof digits - n);
	return o + (sizeof digits - n);
}

const char *fedns__vpath(char *buf, const char *head, size_t i, const char *tail)
{
	size_t nh = strlen(head), nt = strlen(tail);
	char *o;

	/* The callers' heads and tails are short literals or paths built here. */
	if (nh + nt + 24 > FEDNS_VPATH_BUF)
		nh = nt = 0;
	memmove(buf, head, nh);
	o = buf + nh;
	*o++ = '[';
	o = put_size(o, i);
	*o++ = ']';
	memcpy(o, tail, nt + 1);
	return buf;
}

const char *fedns__vjoin(char *buf, const char *label, const char *domain)
{
	size_t nl = strlen(label), nd = strlen(domain);

	/* Valid inputs always fit: at most 63 + 1 + 253 octets. */
	if (nl + nd + 2 > FEDNS_VOWNER_BUF)
		nl = nd = 0;
	memcpy(buf, label, nl);
	buf[nl] = '.';
	memcpy(buf + nl + 1, domain, nd + 1);
	return buf;
}

const char *fedns__vaccess_fqdn(const struct fedns_vctx *c, size_t i, char *buf)
{
	const char *d = c->domains.items[i].folded;
	size_t p = c->served_by[i];

	/* An online domain has no S: Microsoft 365 serves it (R9). */
	if (!d || p == FEDNS_VNONE || fedns__vonline(c, i))
		return NULL;
	if (FEDNS_POOL(c->dep, p)->edges[FEDNS_EDGE_ACCESS].fqdn)
		return c->pools[p].access_fqdn;
	if (!c->pools[p].host)
		return NULL;
	return fedns__vjoin(buf, c->pools[p].host, d);
}

/* ---- Building the context ---------------------------------------------- */

/* The arena is sized before folding, so that folded names never move. */
static size_t name_need(const char *given)
{
	size_t n = given ? strlen(given) : 0;

	return (n < FEDNS_NAME_MAX ? n : FEDNS_NAME_MAX) + 1;
}

/* Copies a folded name into the arena. */
static const char *keep(struct fedns_vctx *c, const char *folded, size_t *len)
{
	size_t n = strlen(folded) + 1;
	char *at;

	/* NEVER: the first pass counted every name. */
	assert(n <= c->cap - c->len);
	if (n > c->cap - c->len)
		return NULL;
	at = c->text + c->len;
	memcpy(at, folded, n);
	c->len += n;
	*len = n - 1;
	return at;
}

/* Folds `given` into the arena; NULL when it breaks SPEC 5. */
static const char *fold(struct fedns_vctx *c, const char *given, size_t *len)
{
	char buf[FEDNS_NAME_BUF];

	if (fedns_name_fold(given, buf, NULL) != FEDNS_NAME_OK)
		return NULL;
	return keep(c, buf, len);
}

/* A host label, folded into the arena; NULL when it is not one label. */
static const char *fold_label(struct fedns_vctx *c, const char *given)
{
	char buf[FEDNS_NAME_BUF];
	size_t len;

	return fedns_label_fold(given, buf) ? keep(c, buf, &len) : NULL;
}

static fedns_status vnames_alloc(struct fedns_vctx *c, struct fedns_vnames *l, size_t n)
{
	l->items = fedns_alloc_array(&c->dep->alloc, NULL, n, sizeof(*l->items));
	return l->items ? FEDNS_OK : FEDNS_ENOMEM;
}

static struct fedns_vname *vnames_push(struct fedns_vnames *l, const char *name, size_t pos,
				       size_t sub)
{
	struct fedns_vname *v = &l->items[l->n++];

	v->folded = name;
	v->len = 0;
	v->hash = 0;
	v->pos = pos;
	v->sub = sub;
	v->first = FEDNS_VNONE;
	return v;
}

/* The first pass: a name already in folded form (the usual case) is used
 * where it is; any other keeps len 0 and is folded by fold_rest() once
 * the arena has room for it. */
static void vnames_add(struct fedns_vctx *c, struct fedns_vnames *l, const char *given,
		       size_t pos, size_t sub)
{
	struct fedns_vname *v = vnames_push(l, given, pos, sub);

	v->len = fedns_name_folded_len(given);
	if (v->len)
		v->hash = hash_text(given, v->len);
	else if (given)
		c->cap += name_need(given);
}

static void fold_rest(struct fedns_vctx *c, struct fedns_vnames *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		struct fedns_vname *v = &l->items[i];

		if (v->len || !v->folded)
			continue;
		v->folded = fold(c, v->folded, &v->len);
		if (v->folded)
			v->hash = hash_text(v->folded, v->len);
	}
}

/* Indexes the valid names in document order, so that a name's slot holds
 * its first listing and each later one knows that first one. */
static fedns_status vnames_index(struct fedns_vctx *c, struct fedns_vnames *l)
{
	size_t i, cap = 2;

	if (!l->n)
		return FEDNS_OK;
	while (cap / 2 < l->n)
		cap *= 2;
	l->slots = fedns_alloc_array(&c->dep->alloc, NULL, cap, sizeof(*l->slots));
	if (!l->slots)
		return FEDNS_ENOMEM;
	memset(l->slots, 0, cap * sizeof(*l->slots));
	l->mask = cap - 1;
	for (i = 0; i < l->n; i++) {
		struct fedns_vname *v = &l->items[i];
		size_t *s;

		fedns__vprefetch(l, l, i + FEDNS_VAHEAD);
		if (!v->folded)
			continue;
		s = probe(l, v->folded, v->len, v->hash);
		if (*s) {
			v->first = slot_item(l, *s);
			l->ndup++;
		} else {
			*s = (v->hash & ~l->mask) | (i + 1);
		}
	}
	return FEDNS_OK;
}

static fedns_status list_domains(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t i;

	FEDNS_VTRY(vnames_alloc(c, &c->domains, dep->domains.n));
	for (i = 0; i < dep->domains.n; i++)
		vnames_add(c, &c->domains, FEDNS_DOMAIN(dep, i)->name, i, 0);
	return FEDNS_OK;
}

static fedns_status list_entries(struct fedns_vctx *c, struct fedns_vnames *l,
				 const struct fedns_entry_list *e)
{
	size_t i;

	FEDNS_VTRY(vnames_alloc(c, l, e->n));
	for (i = 0; i < e->n; i++)
		vnames_add(c, l, e->items[i].domain, i, 0);
	return FEDNS_OK;
}

/* Partner domains and additional domains in one list: P6 matches both, so
 * a name must be unique across them (V14). */
static fedns_status list_xmpp(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t i, j, n = 0;

	for (i = 0; i < dep->xmpp_partners.n; i++)
		n += 1 + FEDNS_XMPP_PARTNER(dep, i)->additional.n;
	FEDNS_VTRY(vnames_alloc(c, &c->xmpp, n));
	for (i = 0; i < dep->xmpp_partners.n; i++) {
		const struct fedns_xmpp_partner *x = FEDNS_XMPP_PARTNER(dep, i);

		vnames_add(c, &c->xmpp, x->domain, i, 0);
		for (j = 0; j < x->additional.n; j++)
			vnames_add(c, &c->xmpp, x->additional.items[j], i, j + 1);
	}
	return FEDNS_OK;
}

/* Pool names match exactly, as given: they are not folded. */
static fedns_status list_pools(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t i;

	c->pools = fedns_alloc_array(&dep->alloc, NULL, dep->pools.n, sizeof(*c->pools));
	FEDNS_VTRY(c->pools ? vnames_alloc(c, &c->pool_names, dep->pools.n) : FEDNS_ENOMEM);
	for (i = 0; i < dep->pools.n; i++) {
		const struct fedns_edge_pool *p = FEDNS_POOL(dep, i);
		struct fedns_vname *v = vnames_push(&c->pool_names, p->name, i, 0);

		if (p->name) {
			v->len = strlen(p->name);
			v->hash = hash_text(p->name, v->len);
		}
		c->cap += name_need(p->edges[FEDNS_EDGE_ACCESS].fqdn) +
			  name_need(fedns_pool_access_host(p)) + name_need(fedns_pool_xmpp_host(p));
	}
	return FEDNS_OK;
}

static void view_pools(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t i, len;

	for (i = 0; i < dep->pools.n; i++) {
		const struct fedns_edge_pool *p = FEDNS_POOL(dep, i);
		const char *fqdn = p->edges[FEDNS_EDGE_ACCESS].fqdn;
		struct fedns_vpool *v = &c->pools[i];

		v->access_fqdn = fqdn ? fold(c, fqdn, &len) : NULL;
		v->host = fold_label(c, fedns_pool_access_host(p));
		v->xmpp_host = fold_label(c, fedns_pool_xmpp_host(p));
		v->first_online = FEDNS_VNONE;
		v->serves_on_premises = 0;
		if (p->federation_route && c->route == FEDNS_VNONE)
			c->route = i;
		if (p->xmpp_proxy && c->xmpp_pool == FEDNS_VNONE)
			c->xmpp_pool = i;
	}
}

/* SPEC 1: the named pool, else the federation-route pool, else the only one. */
static size_t pool_of(const struct fedns_vctx *c, const struct fedns_sip_domain *d)
{
	const struct fedns_vname *v;

	if (d->edge_pool) {
		v = fedns__vfind(&c->pool_names, d->edge_pool);
		return v ? v->pos : FEDNS_VNONE;
	}
	if (c->route != FEDNS_VNONE)
		return c->route;
	return c->dep->pools.n == 1 ? 0 : FEDNS_VNONE;
}

static unsigned char domain_flags(const struct fedns_vctx *c, const struct fedns_sip_domain *d)
{
	const fedns_deployment *dep = c->dep;
	int online = d->hosting == FEDNS_HOSTING_ONLINE;
	int r3 = dep->allow_federated_users && c->discoverable;
	int r4 = dep->push_notifications && d->mobility;
	unsigned f = 0;

	f |= d->users ? FEDNS_VD_USERS : 0;
	f |= online ? FEDNS_VD_ONLINE : 0;
	f |= d->xmpp ? FEDNS_VD_XMPP : 0;
	f |= d->mobility ? FEDNS_VD_MOBILITY : 0;
	f |= d->users && !online && (r3 || r4) ? FEDNS_VD_FEDERATION_SRV : 0;
	return (unsigned char)f;
}

/* Each domain's flags and pool, and what V27 needs of each pool. */
static fedns_status view_domains(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t i, p;

	c->served_by = fedns_alloc_array(&dep->alloc, NULL, dep->domains.n, sizeof(size_t));
	c->domain_flags = fedns_alloc_malloc(&dep->alloc, dep->domains.n + 1);
	if (!c->served_by || !c->domain_flags)
		return FEDNS_ENOMEM;
	for (i = 0; i < dep->domains.n; i++) {
		const struct fedns_sip_domain *d = FEDNS_DOMAIN(dep, i);

		c->domain_flags[i] = domain_flags(c, d);
		p = c->served_by[i] = pool_of(c, d);
		if (p == FEDNS_VNONE || !d->users)
			continue;
		if (!fedns__vonline(c, i))
			c->pools[p].serves_on_premises = 1;
		else if (c->pools[p].first_online == FEDNS_VNONE)
			c->pools[p].first_online = i;
	}
	return FEDNS_OK;
}

static void vnames_free(const struct fedns_alloc *a, struct fedns_vnames *l)
{
	fedns_alloc_free(a, l->items);
	fedns_alloc_free(a, l->slots);
}

static void ctx_free(struct fedns_vctx *c)
{
	const struct fedns_alloc *a = &c->dep->alloc;

	vnames_free(a, &c->domains);
	vnames_free(a, &c->allowed);
	vnames_free(a, &c->blocked);
	vnames_free(a, &c->xmpp);
	vnames_free(a, &c->pool_names);
	fedns_alloc_free(a, c->pools);
	fedns_alloc_free(a, c->served_by);
	fedns_alloc_free(a, c->domain_flags);
	fedns_alloc_free(a, c->text);
}

/* Lists every name first, counting what folding will copy; then folds
 * those into one allocation and indexes every list. */
static fedns_status ctx_init(struct fedns_vctx *c, const fedns_deployment *dep,
			     struct fedns_diagnostics *out)
{
	memset(c, 0, sizeof(*c));
	c->dep = dep;
	c->out = out;
	c->route = c->xmpp_pool = FEDNS_VNONE;
	c->discoverable = fedns_model_discoverable(dep);
	FEDNS_VTRY(list_domains(c));
	FEDNS_VTRY(list_entries(c, &c->allowed, &dep->allowed));
	FEDNS_VTRY(list_entries(c, &c->blocked, &dep->blocked));
	FEDNS_VTRY(list_xmpp(c));
	FEDNS_VTRY(list_pools(c));
	c->text = fedns_alloc_malloc(&dep->alloc, c->cap + 1);
	if (!c->text)
		return FEDNS_ENOMEM;
	fold_rest(c, &c->domains);
	fold_rest(c, &c->allowed);
	fold_rest(c, &c->blocked);
	fold_rest(c, &c->xmpp);
	view_pools(c);
	FEDNS_VTRY(vnames_index(c, &c->domains));
	FEDNS_VTRY(vnames_index(c, &c->allowed));
	FEDNS_VTRY(vnames_index(c, &c->blocked));
	FEDNS_VTRY(vnames_index(c, &c->xmpp));
	FEDNS_VTRY(vnames_index(c, &c->pool_names));
	return view_domains(c);
}

fedns_status fedns_validate(const fedns_deployment *dep, struct fedns_diagnostics *out)
{
	struct fedns_vctx c;
	fedns_status st;
	size_t i;

	st = ctx_init(&c, dep, out);
	for (i = 0; st == FEDNS_OK && i < sizeof(rules) / sizeof(rules[0]); i++) {
		assert(rules[i].id == (int)i + 1);
		st = rules[i].run(&c);
	}
	ctx_free(&c);
	if (st == FEDNS_OK)
		fedns_diagnostics_sort(out);
	return st;
}
