/* Validation (SPEC 3): folds every name once, then runs the V rules from a
 * table in id order and sorts what they report into SPEC 3's order. The
 * rules themselves live in validate_*.c, grouped by what they check. */
#include "validate.h"

#include <assert.h>
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

static int compare_vname(const void *pa, const void *pb)
{
	const struct fedns_vname *a = pa, *b = pb;
	int r = strcmp(a->folded, b->folded);

	if (r)
		return r;
	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	return (a->sub > b->sub) - (a->sub < b->sub);
}

const struct fedns_vname *fedns__vfind(const struct fedns_vnames *l, const char *name)
{
	size_t lo = 0, hi = l->nsorted;

	/* The lowest match, so that a duplicate finds the first listing. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(l->sorted[mid].folded, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < l->nsorted && strcmp(l->sorted[lo].folded, name) == 0)
		return &l->sorted[lo];
	return NULL;
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

int fedns__vonline(const struct fedns_vctx *c, size_t i)
{
	return FEDNS_DOMAIN(c->dep, i)->hosting == FEDNS_HOSTING_ONLINE;
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

int fedns__vfederation_srv(const struct fedns_vctx *c, size_t i)
{
	const fedns_deployment *dep = c->dep;
	const struct fedns_sip_domain *d = FEDNS_DOMAIN(dep, i);
	int r3 = dep->allow_federated_users && c->discoverable;
	int r4 = dep->push_notifications && d->mobility;

	return d->users && !fedns__vonline(c, i) && (r3 || r4);
}

/* ---- Building the context ---------------------------------------------- */

/* The arena is sized before folding, so that folded names never move. */
static size_t name_need(const char *given)
{
	size_t n = given ? strlen(given) : 0;

	return (n < FEDNS_NAME_MAX ? n : FEDNS_NAME_MAX) + 1;
}

static size_t strlist_need(const struct fedns_strlist *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		n += name_need(l->items[i]);
	return n;
}

static size_t text_need(const fedns_deployment *dep)
{
	size_t i, n = 1;

	for (i = 0; i < dep->domains.n; i++)
		n += name_need(FEDNS_DOMAIN(dep, i)->name);
	for (i = 0; i < dep->allowed.n; i++)
		n += name_need(dep->allowed.items[i].domain);
	for (i = 0; i < dep->blocked.n; i++)
		n += name_need(dep->blocked.items[i].domain);
	for (i = 0; i < dep->xmpp_partners.n; i++)
		n += name_need(FEDNS_XMPP_PARTNER(dep, i)->domain) +
		     strlist_need(&FEDNS_XMPP_PARTNER(dep, i)->additional);
	for (i = 0; i < dep->pools.n; i++) {
		const struct fedns_edge_pool *p = FEDNS_POOL(dep, i);

		n += name_need(p->edges[FEDNS_EDGE_ACCESS].fqdn) +
		     name_need(fedns_pool_access_host(p)) + name_need(fedns_pool_xmpp_host(p));
	}
	return n;
}

/* Copies a folded name into the arena. */
static const char *keep(struct fedns_vctx *c, const char *folded)
{
	size_t n = strlen(folded) + 1;
	char *at;

	/* NEVER: text_need() counted every name. */
	assert(n <= c->cap - c->len);
	if (n > c->cap - c->len)
		return NULL;
	at = c->text + c->len;
	memcpy(at, folded, n);
	c->len += n;
	return at;
}

/* Folds `given` into the arena; NULL when it breaks SPEC 5. */
static const char *fold(struct fedns_vctx *c, const char *given)
{
	char buf[FEDNS_NAME_BUF];

	if (fedns_name_fold(given, buf, NULL) != FEDNS_NAME_OK)
		return NULL;
	return keep(c, buf);
}

/* A host label, folded into the arena; NULL when it is not one label. */
static const char *fold_label(struct fedns_vctx *c, const char *given)
{
	char buf[FEDNS_NAME_BUF];

	return fedns_label_fold(given, buf) ? keep(c, buf) : NULL;
}

static fedns_status vnames_alloc(struct fedns_vctx *c, struct fedns_vnames *l, size_t n)
{
	l->items = fedns_alloc_array(&c->dep->alloc, NULL, n, sizeof(*l->items));
	return l->items ? FEDNS_OK : FEDNS_ENOMEM;
}

static void vnames_push(struct fedns_vnames *l, const char *folded, size_t pos, size_t sub)
{
	struct fedns_vname *v = &l->items[l->n++];

	v->folded = folded;
	v->pos = pos;
	v->sub = sub;
}

/* The sorted copy holds only the valid names. */
static fedns_status vnames_sort(struct fedns_vctx *c, struct fedns_vnames *l)
{
	size_t i;

	l->sorted = fedns_alloc_array(&c->dep->alloc, NULL, l->n, sizeof(*l->sorted));
	if (!l->sorted)
		return FEDNS_ENOMEM;
	for (i = 0; i < l->n; i++)
		if (l->items[i].folded)
			l->sorted[l->nsorted++] = l->items[i];
	if (l->nsorted > 1)
		qsort(l->sorted, l->nsorted, sizeof(*l->sorted), compare_vname);
	return FEDNS_OK;
}

static fedns_status fold_domains(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t i;

	FEDNS_VTRY(vnames_alloc(c, &c->domains, dep->domains.n));
	for (i = 0; i < dep->domains.n; i++)
		vnames_push(&c->domains, fold(c, FEDNS_DOMAIN(dep, i)->name), i, 0);
	return vnames_sort(c, &c->domains);
}

static fedns_status fold_entries(struct fedns_vctx *c, struct fedns_vnames *l,
				 const struct fedns_entry_list *e)
{
	size_t i;

	FEDNS_VTRY(vnames_alloc(c, l, e->n));
	for (i = 0; i < e->n; i++)
		vnames_push(l, fold(c, e->items[i].domain), i, 0);
	return vnames_sort(c, l);
}

/* Partner domains and additional domains in one list: P6 matches both, so
 * a name must be unique across them (V14). */
static fedns_status fold_xmpp(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t i, j, n = 0;

	for (i = 0; i < dep->xmpp_partners.n; i++)
		n += 1 + FEDNS_XMPP_PARTNER(dep, i)->additional.n;
	FEDNS_VTRY(vnames_alloc(c, &c->xmpp, n));
	for (i = 0; i < dep->xmpp_partners.n; i++) {
		const struct fedns_xmpp_partner *x = FEDNS_XMPP_PARTNER(dep, i);

		vnames_push(&c->xmpp, fold(c, x->domain), i, 0);
		for (j = 0; j < x->additional.n; j++)
			vnames_push(&c->xmpp, fold(c, x->additional.items[j]), i, j + 1);
	}
	return vnames_sort(c, &c->xmpp);
}

static fedns_status view_pools(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t i;

	c->pools = fedns_alloc_array(&dep->alloc, NULL, dep->pools.n, sizeof(*c->pools));
	FEDNS_VTRY(c->pools ? vnames_alloc(c, &c->pool_names, dep->pools.n) : FEDNS_ENOMEM);
	for (i = 0; i < dep->pools.n; i++) {
		const struct fedns_edge_pool *p = FEDNS_POOL(dep, i);
		const char *fqdn = p->edges[FEDNS_EDGE_ACCESS].fqdn;

		c->pools[i].access_fqdn = fqdn ? fold(c, fqdn) : NULL;
		c->pools[i].host = fold_label(c, fedns_pool_access_host(p));
		c->pools[i].xmpp_host = fold_label(c, fedns_pool_xmpp_host(p));
		vnames_push(&c->pool_names, p->name, i, 0);
		if (p->federation_route && c->route == FEDNS_VNONE)
			c->route = i;
		if (p->xmpp_proxy && c->xmpp_pool == FEDNS_VNONE)
			c->xmpp_pool = i;
	}
	return vnames_sort(c, &c->pool_names);
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

static fedns_status resolve_pools(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t i;

	c->served_by = fedns_alloc_array(&dep->alloc, NULL, dep->domains.n, sizeof(size_t));
	if (!c->served_by)
		return FEDNS_ENOMEM;
	for (i = 0; i < dep->domains.n; i++)
		c->served_by[i] = pool_of(c, FEDNS_DOMAIN(dep, i));
	return FEDNS_OK;
}

static void vnames_free(const struct fedns_alloc *a, struct fedns_vnames *l)
{
	fedns_alloc_free(a, l->items);
	fedns_alloc_free(a, l->sorted);
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
	fedns_alloc_free(a, c->text);
}

static fedns_status ctx_init(struct fedns_vctx *c, const fedns_deployment *dep,
			     struct fedns_diagnostics *out)
{
	memset(c, 0, sizeof(*c));
	c->dep = dep;
	c->out = out;
	c->route = c->xmpp_pool = FEDNS_VNONE;
	c->discoverable = fedns_model_discoverable(dep);
	c->cap = text_need(dep);
	c->text = fedns_alloc_malloc(&dep->alloc, c->cap);
	if (!c->text)
		return FEDNS_ENOMEM;
	FEDNS_VTRY(fold_domains(c));
	FEDNS_VTRY(fold_entries(c, &c->allowed, &dep->allowed));
	FEDNS_VTRY(fold_entries(c, &c->blocked, &dep->blocked));
	FEDNS_VTRY(fold_xmpp(c));
	FEDNS_VTRY(view_pools(c));
	return resolve_pools(c);
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
