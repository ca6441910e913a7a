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

#define WATCHED (sizeof(watched_labels) / sizeof(watched_labels[0]))

/* Domains: FNV-1a over the name from its last byte, so that a suffix's
 * hash is a step of the whole name's and the domains of a name are found
 * in one pass. */
#define HASH_START 0xcbf29ce484222325u
#define HASH_STEP(h, c) (((h) ^ (unsigned char)(c)) * 0x100000001b3u)
#define MIX 0x9e3779b97f4a7c15u

static uint64_t hash_back(const char *s, size_t len)
{
	uint64_t h = HASH_START;

	while (len)
		h = HASH_STEP(h, s[--len]);
	return h;
}

/* Names: eight bytes a step, each multiplied in; the last eight may
 * overlap the others. */
static uint64_t name_hash(const char *s, size_t len)
{
	uint64_t h = len * MIX, w = 0;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * MIX;
		h ^= h >> 32;
	}
	if (i < len && len >= 8)
		memcpy(&w, s + len - 8, 8);
	else
		for (w = 0; i < len; i++)
			w = w << 8 | (unsigned char)s[i];
	h = (h ^ w) * MIX;
	return h ^ h >> 29;
}

/* The first slot to try: the high bits, the best mixed. */
static size_t slot_of(uint64_t hash, size_t nslots)
{
	return (size_t)(hash >> 32) & (nslots - 1);
}

static const char *name_text(const struct fedns_managed *m, const struct fedns_mname *e)
{
	return e->str ? e->str : FEDNS_MTEXT(m, e->text);
}

/* The slot holding `name`, or the empty one where it goes. */
static uint32_t *name_slot(const struct fedns_managed *m, uint64_t hash, const char *name,
			   size_t len)
{
	size_t i = slot_of(hash, m->nslots);

	for (;; i = (i + 1) & (m->nslots - 1)) {
		const struct fedns_mname *e;

		if (!m->slots[i])
			return &m->slots[i];
		e = &m->names[m->slots[i] - 1];
		if (e->hash == hash && e->len == len && memcmp(name_text(m, e), name, len) == 0)
			return &m->slots[i];
	}
}

/* Room for `more` names beyond n: in the array, and in a table kept
 * under half full, built again when it would not be. */
static fedns_status reserve_names(struct fedns_managed *m, size_t more)
{
	size_t want = m->n + more, nslots = 16, i;
	uint32_t *slots;
	void *p;

	/* Slots hold an index + 1 in 32 bits, half the memory to go through. */
	if (want < m->n || want > UINT32_MAX / 4)
		return FEDNS_ENOMEM;
	if (want > m->cap) {
		p = fedns_alloc_array(&m->alloc, m->names, want, sizeof(*m->names));
		if (!p)
			return FEDNS_ENOMEM;
		m->names = p;
		m->cap = want;
	}
	if (m->nslots > 2 * want)
		return FEDNS_OK;
	while (nslots <= 2 * want)
		nslots *= 2;
	slots = fedns_alloc_array(&m->alloc, NULL, nslots, sizeof(*slots));
	if (!slots)
		return FEDNS_ENOMEM;
	memset(slots, 0, nslots * sizeof(*slots));
	for (i = 0; i < m->n; i++) {
		size_t k = slot_of(m->names[i].hash, nslots);

		while (slots[k])
			k = (k + 1) & (nslots - 1);
		slots[k] = (uint32_t)i + 1;
	}
	fedns_alloc_free(&m->alloc, m->slots);
	m->slots = slots;
	m->nslots = nslots;
	return FEDNS_OK;
}

/* The index of `name`, added with `kinds` unless there (its kinds then
 * grow); `copy`: the name is the view's own text, not the caller's. */
static size_t add_name(struct fedns_managed *m, const char *name, size_t len, uint64_t hash,
		       unsigned kinds, int copy)
{
	uint32_t *slot = name_slot(m, hash, name, len);
	struct fedns_mname *e;

	if (*slot) {
		m->names[*slot - 1].kinds |= kinds;
		return *slot - 1;
	}
	if (m->n == m->cap || m->nslots <= 2 * (m->n + 1)) {
		if (reserve_names(m, m->n ? m->n : 16))
			return FEDNS_NO_NAME;
		slot = name_slot(m, hash, name, len);
	}
	e = &m->names[m->n];
	e->str = copy ? NULL : name;
	e->text = copy ? fedns__arena_add(&m->text, &m->alloc, name, len) : FEDNS_ARENA_NONE;
	if (copy && e->text == FEDNS_ARENA_NONE)
		return FEDNS_NO_NAME;
	e->len = len;
	e->hash = hash;
	e->domain = FEDNS_NO_NAME;
	e->kinds = kinds;
	*slot = (uint32_t)++m->n;
	return m->n - 1;
}

size_t fedns__managed_find(const struct fedns_managed *m, const char *name, size_t len)
{
	uint32_t *slot = name_slot(m, name_hash(name, len), name, len);

	return *slot ? *slot - 1 : FEDNS_NO_NAME;
}

size_t fedns__managed_add(struct fedns_managed *m, const char *name, size_t len)
{
	return add_name(m, name, len, name_hash(name, len), 0, 0);
}

/* The first domain named `name[0 .. len)`, or FEDNS_NO_NAME. */
static size_t domain_named(const struct fedns_managed *m, uint64_t hash, const char *name,
			   size_t len)
{
	size_t i = slot_of(hash, m->ndomain_slots);

	for (;; i = (i + 1) & (m->ndomain_slots - 1)) {
		const struct fedns_domain_view *v;

		if (!m->domain_slots[i])
			return FEDNS_NO_NAME;
		v = &m->domains[m->domain_slots[i] - 1];
		if (v->hash == hash && v->len == len &&
		    memcmp(FEDNS_MTEXT(m, v->name), name, len) == 0)
			return m->domain_slots[i] - 1;
	}
}

/* The longest domain that is `name` or a parent of it: each suffix that
 * starts a label, from the shortest. */
size_t fedns__managed_domain_of(const struct fedns_managed *m, const char *name, size_t len)
{
	uint64_t h = HASH_START;
	size_t k = len, found = FEDNS_NO_NAME;

	if (!m->ndomains)
		return FEDNS_NO_NAME;
	while (k) {
		h = HASH_STEP(h, name[--k]);
		if (!k || name[k - 1] == '.') {
			size_t d = domain_named(m, h, name + k, len - k);

			if (d != FEDNS_NO_NAME)
				found = d;
		}
	}
	return found;
}

/* `label`.`domain` (`dl` bytes, absolute) into `out`; returns its length. */
static size_t join(char *out, const char *label, const char *domain, size_t dl)
{
	size_t nl = strlen(label);

	memcpy(out, label, nl);
	out[nl] = '.';
	memcpy(out + nl + 1, domain, dl);
	return nl + 1 + dl;
}

static fedns_status add_domain(struct fedns_managed *m, const struct fedns_sip_domain *d)
{
	char folded[FEDNS_NAME_BUF + 1], name[2 * FEDNS_NAME_BUF + 2];
	struct fedns_domain_view *v;
	size_t i, len, nlen;

	if (fedns_name_fold(d->name, folded, NULL) != FEDNS_NAME_OK)
		return FEDNS_EINVALID; /* validation rules this out */
	len = strlen(folded);
	folded[len++] = '.';
	folded[len] = '\0';
	v = &m->domains[m->ndomains];
	v->name = fedns__arena_add(&m->text, &m->alloc, folded, len);
	if (v->name == FEDNS_ARENA_NONE)
		return FEDNS_ENOMEM;
	v->len = len;
	v->hash = hash_back(folded, len);
	v->on_premises = d->hosting == FEDNS_HOSTING_ON_PREMISES;
	if (domain_named(m, v->hash, folded, len) == FEDNS_NO_NAME) {
		size_t k = slot_of(v->hash, m->ndomain_slots);

		while (m->domain_slots[k])
			k = (k + 1) & (m->ndomain_slots - 1);
		m->domain_slots[k] = m->ndomains + 1;
	}
	m->ndomains++;
	if (!v->on_premises)
		return FEDNS_OK; /* Microsoft 365 names it: its records are the derived ones */
	for (i = 0; i < FEDNS_SRV_SERVICES + WATCHED; i++) {
		int srv = i < FEDNS_SRV_SERVICES;

		nlen = join(name, srv ? fedns__srv_services[i] :
			    watched_labels[i - FEDNS_SRV_SERVICES], folded, len);
		if (add_name(m, name, nlen, name_hash(name, nlen),
			     srv ? FEDNS_M_MANAGED | FEDNS_M_SRV : FEDNS_M_WATCHED, 1) ==
		    FEDNS_NO_NAME)
			return FEDNS_ENOMEM;
	}
	return FEDNS_OK;
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

/* Every array sized once: the derived owners and five names a domain. */
static fedns_status allocate(struct fedns_managed *m, size_t records, size_t domains)
{
	size_t slots = 16;

	while (slots <= 2 * domains)
		slots *= 2;
	m->record_name = fedns_alloc_array(&m->alloc, NULL, records, sizeof(*m->record_name));
	m->domains = fedns_alloc_array(&m->alloc, NULL, domains, sizeof(*m->domains));
	m->domain_slots = fedns_alloc_array(&m->alloc, NULL, slots, sizeof(*m->domain_slots));
	if (!m->record_name || !m->domains || !m->domain_slots ||
	    domains > (SIZE_MAX - records) / (FEDNS_SRV_SERVICES + WATCHED))
		return FEDNS_ENOMEM;
	memset(m->domain_slots, 0, slots * sizeof(*m->domain_slots));
	m->ndomain_slots = slots;
	return reserve_names(m, records + domains * (FEDNS_SRV_SERVICES + WATCHED));
}

fedns_status fedns__managed_build(struct fedns_managed *m, const fedns_deployment *dep,
				  const fedns_recordset *rs)
{
	size_t i, n = fedns_recordset_count(rs), domains = 0;
	fedns_status st;

	memset(m, 0, sizeof(*m));
	m->alloc = dep->alloc;
	for (i = 0; i < dep->domains.n; i++)
		domains += FEDNS_DOMAIN(dep, i)->users != 0;
	st = allocate(m, n, domains);
	for (i = 0; !st && i < n; i++) {
		const char *owner = fedns_record_owner(rs, i);
		size_t len = strlen(owner);

		m->record_name[i] = add_name(m, owner, len, name_hash(owner, len),
					     record_kinds(fedns_record_type(rs, i)), 0);
		if (m->record_name[i] == FEDNS_NO_NAME)
			st = FEDNS_ENOMEM;
	}
	for (i = 0; !st && i < dep->domains.n; i++)
		if (FEDNS_DOMAIN(dep, i)->users)
			st = add_domain(m, FEDNS_DOMAIN(dep, i));
	for (i = 0; i < m->n; i++)
		if (!m->names[i].str)
			m->names[i].str = FEDNS_MTEXT(m, m->names[i].text);
	m->nview = m->n;
	return st;
}

void fedns__managed_clear(struct fedns_managed *m)
{
	fedns_alloc_free(&m->alloc, m->names);
	fedns_alloc_free(&m->alloc, m->slots);
	fedns_alloc_free(&m->alloc, m->domains);
	fedns_alloc_free(&m->alloc, m->domain_slots);
	fedns_alloc_free(&m->alloc, m->record_name);
	fedns_alloc_free(&m->alloc, m->domain_first);
	fedns_alloc_free(&m->alloc, m->by_domain);
	fedns__arena_free(&m->text, &m->alloc);
	memset(m, 0, sizeof(*m));
}

/* A counting sort, stable: each domain's names stay in order of
 * appearance. Names under no domain count at index ndomains. */
fedns_status fedns__managed_by_domain(struct fedns_managed *m)
{
	size_t i, *first, *by;

	if (m->domain_first)
		return FEDNS_OK;
	first = fedns_alloc_array(&m->alloc, NULL, m->ndomains + 2, sizeof(*first));
	by = first ? fedns_alloc_array(&m->alloc, NULL, m->nview, sizeof(*by)) : NULL;
	if (!by) {
		fedns_alloc_free(&m->alloc, first);
		return FEDNS_ENOMEM;
	}
	memset(first, 0, (m->ndomains + 2) * sizeof(*first));
	for (i = 0; i < m->nview; i++) {
		struct fedns_mname *e = &m->names[i];

		e->domain = fedns__managed_domain_of(m, e->str, e->len);
		first[(e->domain == FEDNS_NO_NAME ? m->ndomains : e->domain) + 1]++;
	}
	for (i = 1; i < m->ndomains + 2; i++)
		first[i] += first[i - 1];
	for (i = 0; i < m->nview; i++) {
		size_t d = m->names[i].domain;

		by[first[d == FEDNS_NO_NAME ? m->ndomains : d]++] = i;
	}
	/* Each start moved to the next domain's: shift them back. */
	for (i = m->ndomains + 1; i > 0; i--)
		first[i] = first[i - 1];
	first[0] = 0;
	m->domain_first = first;
	m->by_domain = by;
	return FEDNS_OK;
}

const size_t *fedns__managed_names_of(const struct fedns_managed *m, size_t d, size_t *count)
{
	*count = m->domain_first[d + 1] - m->domain_first[d];
	return m->by_domain + m->domain_first[d];
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
	size_t i;
	fedns_status st = FEDNS_OK;

	for (i = 0; !st && i < m->n; i++)
		st = probe_name(p, &m->names[i]);
	for (i = 0; !st && i < m->n; i++)
		if ((m->names[i].kinds & FEDNS_M_SRV) &&
		    fedns__managed_domain_of(m, m->names[i].str, m->names[i].len) != FEDNS_NO_NAME)
			st = probe_typos(p, m->names[i].str);
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
