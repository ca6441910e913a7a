/* The names fedns manages (see managed.h), and the look-ups a live check
 * makes: fedns_deployment_probes(). */
#include "managed.h"

#include <stdlib.h>
#include <string.h>

#include "list.h"
#include "name.h"

const char *const fedns__srv_services[FEDNS_SRV_SERVICES] = {
	"_sip._tls", "_sipfederationtls._tcp", "_xmpp-server._tcp",
};

/* Hybrid leftovers are looked for at these labels of on-premises domains. */
static const char *const watched_labels[] = {"sip", "lyncdiscover"};

#define NO_DOMAIN ((size_t)-1)

static fedns_status add_name(struct fedns_managed *m, const char *name, unsigned kinds)
{
	struct fedns_mname *e;
	void *p = fedns_grow(&m->alloc, m->names, &m->cap, m->n, sizeof(*e));

	if (!p)
		return FEDNS_ENOMEM;
	m->names = p;
	e = &m->names[m->n];
	e->name = fedns__arena_str(&m->text, &m->alloc, name);
	if (e->name == FEDNS_ARENA_NONE)
		return FEDNS_ENOMEM;
	e->domain = NO_DOMAIN;
	e->kinds = kinds;
	e->order = m->n++;
	return FEDNS_OK;
}

/* `label`.`domain` (absolute) into `out` (2 * FEDNS_NAME_BUF bytes). */
static void join(char *out, const char *label, const char *domain)
{
	size_t nl = strlen(label);

	memcpy(out, label, nl);
	out[nl] = '.';
	strcpy(out + nl + 1, domain);
}

static fedns_status add_domain(struct fedns_managed *m, const struct fedns_sip_domain *d)
{
	char folded[FEDNS_NAME_BUF + 1], name[2 * FEDNS_NAME_BUF + 2];
	struct fedns_domain_view *v;
	size_t i;
	fedns_status st = FEDNS_OK;
	void *p;

	size_t len;

	if (fedns_name_fold(d->name, folded, NULL) != FEDNS_NAME_OK)
		return FEDNS_EINVALID; /* validation rules this out */
	len = strlen(folded);
	folded[len] = '.';
	folded[len + 1] = '\0';
	p = fedns_grow(&m->alloc, m->domains, &m->domcap, m->ndomains, sizeof(*v));
	if (!p)
		return FEDNS_ENOMEM;
	m->domains = p;
	v = &m->domains[m->ndomains];
	v->name = fedns__arena_str(&m->text, &m->alloc, folded);
	if (v->name == FEDNS_ARENA_NONE)
		return FEDNS_ENOMEM;
	v->on_premises = d->hosting == FEDNS_HOSTING_ON_PREMISES;
	m->ndomains++;
	if (!v->on_premises)
		return FEDNS_OK; /* Microsoft 365 names it: its records are the derived ones */
	for (i = 0; !st && i < FEDNS_SRV_SERVICES; i++) {
		join(name, fedns__srv_services[i], folded);
		st = add_name(m, name, FEDNS_M_MANAGED | FEDNS_M_SRV);
	}
	for (i = 0; !st && i < sizeof(watched_labels) / sizeof(watched_labels[0]); i++) {
		join(name, watched_labels[i], folded);
		st = add_name(m, name, FEDNS_M_WATCHED);
	}
	return st;
}

static unsigned record_kinds(int type)
{
	switch (type) {
	case FEDNS_RR_A:
	case FEDNS_RR_AAAA:
		return FEDNS_M_MANAGED | FEDNS_M_ADDRESS;
	case FEDNS_RR_SRV:
		return FEDNS_M_MANAGED | FEDNS_M_SRV;
	case FEDNS_RR_CNAME:
		return FEDNS_M_MANAGED | FEDNS_M_CNAME;
	default:
		return FEDNS_M_MANAGED;
	}
}

static int by_name(const void *pa, const void *pb)
{
	const struct fedns_mname *a = pa, *b = pb;
	int d = strcmp(a->str, b->str);

	return d ? d : (a->order > b->order) - (a->order < b->order);
}

static int by_domain_key(const void *pa, const void *pb)
{
	const struct fedns_domain_key *a = pa, *b = pb;
	int d = strcmp(a->name, b->name);

	return d ? d : (a->index > b->index) - (a->index < b->index);
}

/* The first domain named `name`, or NO_DOMAIN. */
static size_t domain_named(const struct fedns_managed *m, const char *name)
{
	size_t lo = 0, hi = m->ndomains;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(m->domain_keys[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < m->ndomains && strcmp(m->domain_keys[lo].name, name) == 0)
		return m->domain_keys[lo].index;
	return NO_DOMAIN;
}

/* The longest domain that is `name` or a parent of it: its suffixes from
 * the longest, each looked up. Of equal names the first domain wins. */
size_t fedns__managed_domain_of(const struct fedns_managed *m, const char *name)
{
	const char *p = name;

	while (*p) {
		size_t d = domain_named(m, p);

		if (d != NO_DOMAIN)
			return d;
		p = strchr(p, '.');
		if (!p)
			break;
		p++;
	}
	return NO_DOMAIN;
}

const size_t *fedns__managed_names_of(const struct fedns_managed *m, size_t d, size_t *count)
{
	*count = m->domain_first[d + 1] - m->domain_first[d];
	return m->by_domain + m->domain_first[d];
}

/* Sorts by name and merges repeats, keeping the first order and every kind;
 * then finds each name's domain and lists the names domain by domain. */
static fedns_status sort_unique(struct fedns_managed *m)
{
	size_t i, j = 0;

	for (i = 0; i < m->n; i++)
		m->names[i].str = FEDNS_MTEXT(m, m->names[i].name);
	/* qsort's array must not be NULL, even for no elements. */
	if (m->n > 1)
		qsort(m->names, m->n, sizeof(*m->names), by_name);
	for (i = 0; i < m->n; i++) {
		if (j && strcmp(m->names[j - 1].str, m->names[i].str) == 0) {
			m->names[j - 1].kinds |= m->names[i].kinds;
			continue;
		}
		m->names[j++] = m->names[i];
	}
	m->n = j;
	m->domain_keys = fedns_alloc_array(&m->alloc, NULL, m->ndomains, sizeof(*m->domain_keys));
	m->domain_first = fedns_alloc_array(&m->alloc, NULL, m->ndomains + 2,
					    sizeof(*m->domain_first));
	m->by_domain = fedns_alloc_array(&m->alloc, NULL, m->n, sizeof(*m->by_domain));
	if (!m->domain_keys || !m->domain_first || !m->by_domain)
		return FEDNS_ENOMEM;
	for (i = 0; i < m->ndomains; i++) {
		m->domain_keys[i].name = FEDNS_MTEXT(m, m->domains[i].name);
		m->domain_keys[i].index = i;
	}
	if (m->ndomains > 1)
		qsort(m->domain_keys, m->ndomains, sizeof(*m->domain_keys), by_domain_key);
	/* A counting sort, stable: each domain's names stay in name order.
	 * Names under no domain count at index ndomains. */
	memset(m->domain_first, 0, (m->ndomains + 2) * sizeof(*m->domain_first));
	for (i = 0; i < m->n; i++) {
		size_t d = fedns__managed_domain_of(m, m->names[i].str);

		m->names[i].domain = d;
		m->domain_first[(d == NO_DOMAIN ? m->ndomains : d) + 1]++;
	}
	for (i = 1; i < m->ndomains + 2; i++)
		m->domain_first[i] += m->domain_first[i - 1];
	for (i = 0; i < m->n; i++) {
		size_t d = m->names[i].domain == NO_DOMAIN ? m->ndomains : m->names[i].domain;

		m->by_domain[m->domain_first[d]++] = i;
	}
	/* Each start moved to the next domain's: shift them back. */
	for (i = m->ndomains + 1; i > 0; i--)
		m->domain_first[i] = m->domain_first[i - 1];
	m->domain_first[0] = 0;
	return FEDNS_OK;
}

fedns_status fedns__managed_build(struct fedns_managed *m, const fedns_deployment *dep,
				  const fedns_recordset *rs)
{
	size_t i;
	fedns_status st = FEDNS_OK;

	memset(m, 0, sizeof(*m));
	m->alloc = dep->alloc;
	for (i = 0; !st && i < fedns_recordset_count(rs); i++)
		st = add_name(m, fedns_record_owner(rs, i), record_kinds(fedns_record_type(rs, i)));
	for (i = 0; !st && i < dep->domains.n; i++)
		if (FEDNS_DOMAIN(dep, i)->users)
			st = add_domain(m, FEDNS_DOMAIN(dep, i));
	return st ? st : sort_unique(m);
}

void fedns__managed_clear(struct fedns_managed *m)
{
	fedns_alloc_free(&m->alloc, m->names);
	fedns_alloc_free(&m->alloc, m->domains);
	fedns_alloc_free(&m->alloc, m->domain_keys);
	fedns_alloc_free(&m->alloc, m->domain_first);
	fedns_alloc_free(&m->alloc, m->by_domain);
	fedns__arena_free(&m->text, &m->alloc);
	memset(m, 0, sizeof(*m));
}

const struct fedns_mname *fedns__managed_find(const struct fedns_managed *m, const char *name)
{
	size_t lo = 0, hi = m->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strcmp(m->names[mid].str, name);

		if (d == 0)
			return &m->names[mid];
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ---- Probes: what a live check looks up ----------------------------------- */

struct probe {
	size_t name; /* arena */
	int type;
};

struct fedns_probes {
	struct fedns_alloc alloc;
	struct fedns_arena text;
	struct probe *items;
	size_t n, cap;
};

static fedns_status add_probe(struct fedns_probes *p, const char *name, int type)
{
	struct probe *e;
	void *q;

	/* Repeats are dropped once, at the end (drop_repeats): a scan here
	 * would make a deployment of many domains quadratic. */
	q = fedns_grow(&p->alloc, p->items, &p->cap, p->n, sizeof(*e));
	if (!q)
		return FEDNS_ENOMEM;
	p->items = q;
	e = &p->items[p->n];
	e->name = fedns__arena_str(&p->text, &p->alloc, name);
	if (e->name == FEDNS_ARENA_NONE)
		return FEDNS_ENOMEM;
	e->type = type;
	p->n++;
	return FEDNS_OK;
}

static fedns_status probe_name(struct fedns_probes *p, const struct fedns_mname *e)
{
	fedns_status st = FEDNS_OK;

	if (e->kinds & FEDNS_M_ADDRESS) {
		st = add_probe(p, e->str, FEDNS_RR_A);
		if (!st)
			st = add_probe(p, e->str, FEDNS_RR_AAAA);
	}
	if (!st && (e->kinds & FEDNS_M_SRV))
		st = add_probe(p, e->str, FEDNS_RR_SRV);
	if (!st && (e->kinds & FEDNS_M_CNAME || e->kinds == FEDNS_M_WATCHED))
		st = add_probe(p, e->str, FEDNS_RR_CNAME);
	return st;
}

/* The misspellings admins make of an SRV owner "_svc._proto.<domain>":
 * a lost or moved underscore, and another protocol label. Any near miss is
 * recognised by the comparison; these are the ones worth a query. */
static fedns_status probe_typos(struct fedns_probes *p, const char *srv)
{
	static const char *const protos[] = {"_tcp", "_tls", "_udp"};
	char name[2 * FEDNS_NAME_BUF + 4];
	const char *dot = strchr(srv, '.'), *rest;
	size_t ns, i;
	fedns_status st;

	if (!dot || srv[0] != '_' || dot[1] != '_')
		return FEDNS_OK;
	ns = (size_t)(dot - srv);
	rest = strchr(dot + 1, '.');
	if (!rest || ns + strlen(dot) + 2 > sizeof(name))
		return FEDNS_OK;
	/* _svc.proto.d */
	memcpy(name, srv, ns + 1);
	strcpy(name + ns + 1, dot + 2);
	st = add_probe(p, name, FEDNS_RR_SRV);
	/* svc._proto.d */
	if (!st)
		st = add_probe(p, srv + 1, FEDNS_RR_SRV);
	/* _svc_.proto.d */
	memcpy(name, srv, ns);
	name[ns] = '_';
	name[ns + 1] = '.';
	strcpy(name + ns + 2, dot + 2);
	if (!st)
		st = add_probe(p, name, FEDNS_RR_SRV);
	/* _svc._other.d: not for _sip, whose _tcp and _udp records serve
	 * other SIP systems. */
	for (i = 0; !st && ns > 4 && i < sizeof(protos) / sizeof(protos[0]); i++) {
		if (strncmp(dot + 1, protos[i], 4) == 0)
			continue;
		memcpy(name, srv, ns + 1);
		memcpy(name + ns + 1, protos[i], 4);
		strcpy(name + ns + 5, rest);
		st = add_probe(p, name, FEDNS_RR_SRV);
	}
	return st;
}

static int by_order(const void *pa, const void *pb)
{
	const struct fedns_mname *a = *(const struct fedns_mname *const *)pa;
	const struct fedns_mname *b = *(const struct fedns_mname *const *)pb;

	return (a->order > b->order) - (a->order < b->order);
}

/* A probe and where it stands, for finding repeats by sorting. */
struct ranked {
	const char *name;
	int type;
	size_t at;
};

static int by_name_type_place(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	int d = strcmp(a->name, b->name);

	if (d)
		return d;
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	return (a->at > b->at) - (a->at < b->at);
}

/* Keeps the first of probes with the same name and type, in place and in
 * order. */
static fedns_status drop_repeats(struct fedns_probes *p)
{
	struct ranked *r;
	unsigned char *repeat;
	size_t i, kept = 0;

	if (p->n < 2)
		return FEDNS_OK;
	r = fedns_alloc_array(&p->alloc, NULL, p->n, sizeof(*r));
	repeat = r ? fedns_alloc_malloc(&p->alloc, p->n) : NULL;
	if (!repeat) {
		fedns_alloc_free(&p->alloc, r);
		return FEDNS_ENOMEM;
	}
	for (i = 0; i < p->n; i++) {
		r[i].name = FEDNS_AT(&p->text, p->items[i].name);
		r[i].type = p->items[i].type;
		r[i].at = i;
	}
	qsort(r, p->n, sizeof(*r), by_name_type_place);
	memset(repeat, 0, p->n);
	for (i = 1; i < p->n; i++)
		repeat[r[i].at] = r[i].type == r[i - 1].type && strcmp(r[i].name, r[i - 1].name) == 0;
	for (i = 0; i < p->n; i++)
		if (!repeat[i])
			p->items[kept++] = p->items[i];
	p->n = kept;
	fedns_alloc_free(&p->alloc, repeat);
	fedns_alloc_free(&p->alloc, r);
	return FEDNS_OK;
}

/* Every managed and watched name in the order of first appearance (the
 * derived set's, then the SRV and watched names domain by domain), then the
 * typos of the SRV names. */
static fedns_status fill_probes(struct fedns_probes *p, const struct fedns_managed *m)
{
	const struct fedns_mname **order;
	size_t i;
	fedns_status st = FEDNS_OK;

	order = fedns_alloc_array(&p->alloc, NULL, m->n, sizeof(*order));
	if (!order)
		return FEDNS_ENOMEM;
	for (i = 0; i < m->n; i++)
		order[i] = &m->names[i];
	qsort(order, m->n, sizeof(*order), by_order);
	for (i = 0; !st && i < m->n; i++)
		st = probe_name(p, order[i]);
	for (i = 0; !st && i < m->n; i++)
		if ((order[i]->kinds & FEDNS_M_SRV) && order[i]->domain != NO_DOMAIN)
			st = probe_typos(p, order[i]->str);
	fedns_alloc_free(&p->alloc, order);
	return st ? st : drop_repeats(p);
}

FEDNS_API void fedns_probes_free(fedns_probes *probes)
{
	struct fedns_alloc a;

	if (!probes)
		return;
	a = probes->alloc;
	fedns_alloc_free(&a, probes->items);
	fedns__arena_free(&probes->text, &a);
	fedns_alloc_free(&a, probes);
}

FEDNS_API fedns_status fedns_deployment_probes(fedns_deployment *dep, fedns_probes **out)
{
	struct fedns_managed m;
	fedns_recordset *rs = NULL;
	struct fedns_probes *p;
	fedns_status st;

	if (!dep)
		return FEDNS_EINVAL;
	if (!out) {
		fedns_clear_error(dep);
		return fedns_fail(dep, FEDNS_EINVAL, "fedns_deployment_probes: out is NULL");
	}
	*out = NULL;
	st = fedns_deployment_derive(dep, &rs);
	if (st)
		return st;
	p = fedns_alloc_malloc(&dep->alloc, sizeof(*p));
	st = p ? fedns__managed_build(&m, dep, rs) : FEDNS_ENOMEM;
	if (p) {
		memset(p, 0, sizeof(*p));
		p->alloc = dep->alloc;
		if (!st)
			st = fill_probes(p, &m);
		fedns__managed_clear(&m);
	}
	fedns_recordset_free(rs);
	if (st) {
		fedns_probes_free(p);
		return fedns_fail(dep, st, st == FEDNS_ENOMEM ? "out of memory" :
				  "internal error: validation accepted a name fedns cannot use");
	}
	*out = p;
	return FEDNS_OK;
}

FEDNS_API size_t fedns_probes_count(const fedns_probes *probes)
{
	return probes ? probes->n : 0;
}

FEDNS_API const char *fedns_probe_name(const fedns_probes *probes, size_t i)
{
	return probes && i < probes->n ? FEDNS_AT(&probes->text, probes->items[i].name) : NULL;
}

FEDNS_API int fedns_probe_type(const fedns_probes *probes, size_t i)
{
	return probes && i < probes->n ? probes->items[i].type : 0;
}
