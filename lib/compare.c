/* Comparing an observed record set with the derived one: missing,
 * unexpected and different records, and what admins get wrong in practice
 * (near-miss owner names, aliases where addresses are required, hybrid
 * leftovers pointing at Microsoft 365), with lookup failures reported as
 * such. The finding kinds D1-D7 are documented in the header and in
 * docs/cli.md.
 *
 * Every owner of both sides is one name of the managed view (managed.c),
 * found by hashing; both sides are put in name order by counting, each
 * name's records sorted by type and data, then walked one (owner, type)
 * group at a time: equal data pairs first (a TTL difference is D3), what
 * is left pairs in order (D3, or D6 for a pointer to Microsoft 365), and
 * what is left after that is missing (D1) or, on the observed side,
 * classified by where it sits (D2, D4, D5, D6, or nothing at a name fedns
 * does not manage). The order names are walked in is not seen: the
 * findings are sorted at the end, and two groups never give findings that
 * sort alike. Texts are written only for findings. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "findings.h"
#include "list.h"
#include "managed.h"
#include "observed.h"

#define NONE FEDNS_ARENA_NONE
#define NO_NAME FEDNS_NO_NAME
#define DATA_BUF (FEDNS_ABS_BUF + 24)
#define LIST_BUF 1024
#define ONLINE_SUFFIX "online.lync.com."

/* One record of either side. */
struct rec {
	const char *owner;
	const char *target; /* SRV and CNAME */
	const char *data;   /* master-file text; NULL where record_text() writes it */
	const char *source; /* observed: the caller's source name */
	struct fedns_address addr;
	uint32_t ttl, line, purposes;
	uint16_t type, priority, weight, port;
	size_t seq;
	size_t name;        /* the owner: an index into the view's names */
	int used;           /* paired with a record of the other side */
};

/* A lookup failure, for sorting a name's failures by type. */
struct fref {
	int type;
	size_t i;           /* index into the observed set's failures */
};

struct cmp {
	const fedns_observed *obs;
	struct fedns_managed m;
	/* Expected (derived) and observed records, name by name: name k's
	 * are e[efirst[k] .. efirst[k + 1]), sorted by type, data and order. */
	struct rec *e, *o;
	size_t ne, no;
	size_t *efirst, *ofirst;
	/* The names of the observed records and failures (NO_NAME: left out). */
	size_t *oname, *fname;
	/* The lookup failures the same way, sorted by type and order. */
	struct fref *fails;
	size_t *ffirst;
	unsigned char *srv_target; /* by name; made for the first alias finding */
	const struct rec *least;   /* the first expected record in owner order */
	struct fedns_findings *f;
};

/* ---- Records -------------------------------------------------------------- */

static int is_address(int type)
{
	return type == FEDNS_RR_A || type == FEDNS_RR_AAAA;
}

static int data_cmp(const struct rec *a, const struct rec *b)
{
	switch (a->type) {
	case FEDNS_RR_A:
	case FEDNS_RR_AAAA:
		return fedns_address_compare(&a->addr, &b->addr);
	case FEDNS_RR_SRV:
		if (a->priority != b->priority)
			return a->priority < b->priority ? -1 : 1;
		if (a->weight != b->weight)
			return a->weight < b->weight ? -1 : 1;
		if (a->port != b->port)
			return a->port < b->port ? -1 : 1;
		return strcmp(a->target, b->target);
	case FEDNS_RR_CNAME:
		return strcmp(a->target, b->target);
	default:
		return strcmp(a->data, b->data);
	}
}

/* Records of one owner: by type, data, then order. */
static int rec_cmp(const void *pa, const void *pb)
{
	const struct rec *a = pa, *b = pb;
	int d = (a->type > b->type) - (a->type < b->type);

	if (!d)
		d = data_cmp(a, b);
	return d ? d : (a->seq > b->seq) - (a->seq < b->seq);
}

/* The data as master-file text: kept, or written into `buf` (DATA_BUF
 * bytes). */
static const char *record_text(const struct rec *r, char *buf)
{
	if (r->data)
		return r->data;
	if (r->type == FEDNS_RR_SRV)
		snprintf(buf, DATA_BUF, "%u %u %u %s", (unsigned)r->priority, (unsigned)r->weight,
			 (unsigned)r->port, r->target);
	else
		fedns_address_format(&r->addr, buf);
	return buf;
}

/* DNSSEC records sit beside the data they sign; they are not data. */
static int is_dnssec(int type)
{
	return type == 46 || type == 47 || type == 48 || type == 50 || type == 51;
}

/* `first` (names + 1 entries): where each name's items start among the
 * `n` items named `of[i]` (NO_NAME: left out); first[names] counts them. */
static void count_by_name(size_t *first, size_t names, const size_t *of, size_t n)
{
	size_t i, sum = 0;

	memset(first, 0, (names + 1) * sizeof(*first));
	for (i = 0; i < n; i++)
		if (of[i] != NO_NAME)
			first[of[i]]++;
	for (i = 0; i <= names; i++) {
		size_t count = first[i];

		first[i] = sum;
		sum += count;
	}
}

/* After placing each item at first[its name]++: each start moved to the
 * next name's, so shift them back. */
static void restore_starts(size_t *first, size_t names)
{
	size_t i;

	for (i = names; i > 0; i--)
		first[i] = first[i - 1];
	first[0] = 0;
}

/* Sorts each name's records; most names have one. */
static void sort_names(struct rec *r, const size_t *first, size_t names)
{
	size_t k;

	for (k = 0; k < names; k++)
		if (first[k + 1] - first[k] > 1)
			qsort(r + first[k], first[k + 1] - first[k], sizeof(*r), rec_cmp);
}

static fedns_status load_expected(struct cmp *c, const fedns_recordset *rs)
{
	size_t i, n = fedns_recordset_count(rs), names = c->m.n;

	c->e = fedns_alloc_array(&c->f->alloc, NULL, n, sizeof(*c->e));
	c->efirst = c->e ? fedns_alloc_array(&c->f->alloc, NULL, names + 1, sizeof(*c->efirst)) :
		NULL;
	if (!c->efirst)
		return FEDNS_ENOMEM;
	count_by_name(c->efirst, names, c->m.record_name, n);
	for (i = 0; i < n; i++) {
		struct rec *r = &c->e[c->efirst[c->m.record_name[i]]++];

		*r = (struct rec){
			.owner = fedns_record_owner(rs, i),
			.target = fedns_record_target(rs, i),
			.ttl = fedns_record_ttl(rs, i),
			.purposes = fedns_record_purposes(rs, i),
			.type = (uint16_t)fedns_record_type(rs, i),
			.priority = fedns_record_priority(rs, i),
			.weight = fedns_record_weight(rs, i),
			.port = fedns_record_port(rs, i),
			.seq = i,
			.name = c->m.record_name[i],
		};
		if (is_address(r->type))
			fedns_address_parse(fedns_record_address(rs, i), &r->addr, NULL, 0);
		if (r->type != FEDNS_RR_SRV)
			r->data = r->target ? r->target : fedns_record_address(rs, i);
	}
	restore_starts(c->efirst, names);
	c->ne = n;
	sort_names(c->e, c->efirst, names);
	return FEDNS_OK;
}

/* The name of every observed record and failure, added to the view when
 * fedns does not know it. */
static fedns_status name_observed(struct cmp *c)
{
	const fedns_observed *obs = c->obs;
	size_t i;

	c->oname = fedns_alloc_array(&c->f->alloc, NULL, obs->n, sizeof(*c->oname));
	c->fname = c->oname ? fedns_alloc_array(&c->f->alloc, NULL, obs->nfailures,
						sizeof(*c->fname)) : NULL;
	if (!c->fname)
		return FEDNS_ENOMEM;
	for (i = 0; i < obs->n; i++) {
		const struct fedns_obs_record *x = &obs->items[i];

		c->oname[i] = NO_NAME;
		if (is_dnssec(x->type))
			continue;
		c->oname[i] = fedns__managed_add(&c->m, FEDNS_AT(&obs->text, x->owner),
						 x->owner_len);
		if (c->oname[i] == NO_NAME)
			return FEDNS_ENOMEM;
	}
	for (i = 0; i < obs->nfailures; i++) {
		const char *owner = FEDNS_AT(&obs->text, obs->failures[i].owner);

		c->fname[i] = fedns__managed_add(&c->m, owner, strlen(owner));
		if (c->fname[i] == NO_NAME)
			return FEDNS_ENOMEM;
	}
	return FEDNS_OK;
}

/* The observed records name by name, with exact repeats (same owner, type
 * and data, as a zone file listing a record twice) kept once: the first. */
static fedns_status load_observed(struct cmp *c)
{
	const fedns_observed *obs = c->obs;
	size_t i, k, kept = 0, begin = 0, names = c->m.n;

	c->o = fedns_alloc_array(&c->f->alloc, NULL, obs->n, sizeof(*c->o));
	c->ofirst = c->o ? fedns_alloc_array(&c->f->alloc, NULL, names + 1, sizeof(*c->ofirst)) :
		NULL;
	if (!c->ofirst)
		return FEDNS_ENOMEM;
	count_by_name(c->ofirst, names, c->oname, obs->n);
	for (i = 0; i < obs->n; i++) {
		const struct fedns_obs_record *x = &obs->items[i];
		struct rec *r;

		if (c->oname[i] == NO_NAME)
			continue;
		r = &c->o[c->ofirst[c->oname[i]]++];
		*r = (struct rec){
			.owner = FEDNS_AT(&obs->text, x->owner),
			.target = x->target == NONE ? NULL : FEDNS_AT(&obs->text, x->target),
			.source = x->source == NONE ? NULL : FEDNS_AT(&obs->text, x->source),
			.addr = x->addr,
			.ttl = x->ttl,
			.line = x->line,
			.type = x->type,
			.priority = x->priority,
			.weight = x->weight,
			.port = x->port,
			.seq = x->seq,
			.name = c->oname[i],
		};
		r->data = x->data != NONE ? FEDNS_AT(&obs->text, x->data) :
			x->type == FEDNS_RR_CNAME ? r->target : NULL;
	}
	restore_starts(c->ofirst, names);
	sort_names(c->o, c->ofirst, names);
	for (k = 0; k < names; k++) {
		size_t end = c->ofirst[k + 1];

		c->ofirst[k] = kept;
		for (i = begin; i < end; i++)
			if (kept == c->ofirst[k] || c->o[kept - 1].type != c->o[i].type ||
			    data_cmp(&c->o[kept - 1], &c->o[i]))
				c->o[kept++] = c->o[i];
		begin = end;
	}
	c->ofirst[names] = c->no = kept;
	return FEDNS_OK;
}

static int by_type_then_order(const void *pa, const void *pb)
{
	const struct fref *a = pa, *b = pb;

	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

/* The lookup failures name by name, each name's by type and order. */
static fedns_status load_failures(struct cmp *c)
{
	size_t i, k, n = c->obs->nfailures, names = c->m.n;

	c->fails = fedns_alloc_array(&c->f->alloc, NULL, n, sizeof(*c->fails));
	c->ffirst = c->fails ? fedns_alloc_array(&c->f->alloc, NULL, names + 1,
						 sizeof(*c->ffirst)) : NULL;
	if (!c->ffirst)
		return FEDNS_ENOMEM;
	count_by_name(c->ffirst, names, c->fname, n);
	for (i = 0; i < n; i++) {
		struct fref *r = &c->fails[c->ffirst[c->fname[i]]++];

		r->type = c->obs->failures[i].type;
		r->i = i;
	}
	restore_starts(c->ffirst, names);
	for (k = 0; k < names; k++)
		if (c->ffirst[k + 1] - c->ffirst[k] > 1)
			qsort(c->fails + c->ffirst[k], c->ffirst[k + 1] - c->ffirst[k],
			      sizeof(*c->fails), by_type_then_order);
	return FEDNS_OK;
}

/* Whether the observed side has a record of `type` at name `k`. */
static int observed_has(const struct cmp *c, size_t k, int type)
{
	size_t lo = c->ofirst[k], hi = c->ofirst[k + 1];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->o[mid].type < type)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->ofirst[k + 1] && c->o[lo].type == type;
}

/* Whether a look-up of name `k` failed for `type`, or for every type
 * (type 0, sorted first). */
static int failed(const struct cmp *c, size_t k, int type)
{
	size_t lo = c->ffirst[k], hi = c->ffirst[k + 1];

	if (lo < hi && c->fails[lo].type == 0)
		return 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->fails[mid].type < type)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < c->ffirst[k + 1] && c->fails[lo].type == type;
}

static int is_online(const char *target)
{
	size_t n = target ? strlen(target) : 0, k = strlen(ONLINE_SUFFIX);

	return n >= k && memcmp(target + n - k, ONLINE_SUFFIX, k) == 0 &&
	       (n == k || target[n - k - 1] == '.');
}

/* ---- Findings ------------------------------------------------------------- */

struct fproto {
	int kind, type;
	const char *owner, *expected_owner, *expected;
	uint32_t expected_ttl;
	const struct rec *observed; /* may be NULL */
	const char *why;            /* lookup failures: the observed text */
};

static size_t add_str(struct fedns_findings *f, const char *s)
{
	return s ? fedns__arena_str(&f->text, &f->alloc, s) : NONE;
}

/* The hint in both languages; `en` and `zh` take the same arguments, the
 * compiler checks them against `en`, the tests print both. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static int add_hints(struct fedns_findings *f, struct fedns_finding *x, const char *en,
		     const char *zh, va_list ap)
{
	va_list again;

	va_copy(again, ap);
	x->hint[FEDNS_LANG_EN] = fedns__arena_vprintf(&f->text, &f->alloc, en, again);
	va_end(again);
	x->hint[FEDNS_LANG_ZH_CN] = fedns__arena_vprintf(&f->text, &f->alloc, zh, ap);
	return x->hint[0] != NONE && x->hint[1] != NONE;
}
#pragma GCC diagnostic pop

__attribute__((format(printf, 3, 5)))
static fedns_status emit(struct cmp *c, const struct fproto *p, const char *en, const char *zh,
			 ...)
{
	struct fedns_findings *f = c->f;
	struct fedns_finding *x;
	char type[24], data[DATA_BUF];
	va_list ap;
	size_t len = f->text.len;
	int ok;
	void *items = fedns_grow(&f->alloc, f->items, &f->cap, f->n, sizeof(*x));

	if (!items)
		return FEDNS_ENOMEM;
	f->items = items;
	x = &f->items[f->n];
	memset(x, 0, sizeof(*x));
	x->kind = p->kind;
	x->type = p->type;
	if (p->type)
		fedns__rrtype_text(p->type, type, sizeof(type));
	x->owner = add_str(f, p->owner);
	x->expected_owner = add_str(f, p->expected_owner ? p->expected_owner : p->owner);
	x->type_name = add_str(f, p->type ? type : NULL);
	x->expected = add_str(f, p->expected);
	x->expected_ttl = p->expected ? p->expected_ttl : FEDNS_TTL_UNKNOWN;
	x->observed = add_str(f, p->observed ? record_text(p->observed, data) : p->why);
	x->observed_ttl = p->observed ? p->observed->ttl : FEDNS_TTL_UNKNOWN;
	x->source = add_str(f, p->observed ? p->observed->source : NULL);
	x->line = p->observed ? p->observed->line : 0;
	va_start(ap, zh);
	ok = add_hints(f, x, en, zh, ap);
	va_end(ap);
	if (!ok || x->owner == NONE || x->expected_owner == NONE ||
	    (p->type && x->type_name == NONE) || (p->expected && x->expected == NONE) ||
	    (x->observed == NONE && (p->observed || p->why)) ||
	    (x->source == NONE && p->observed && p->observed->source)) {
		f->text.len = len;
		return FEDNS_ENOMEM;
	}
	f->n++;
	return FEDNS_OK;
}

static const char *type_text(int type, char *buf, size_t cap)
{
	fedns__rrtype_text(type, buf, cap);
	return buf;
}

/* D1 */
static fedns_status missing(struct cmp *c, const struct rec *e)
{
	char t[24], data[DATA_BUF];
	const char *want = record_text(e, data);
	struct fproto p = {FEDNS_DRIFT_MISSING, e->type, e->owner, NULL, want, e->ttl, NULL,
			   NULL};

	type_text(e->type, t, sizeof(t));
	return emit(c, &p, "Publish %s %u IN %s %s in external DNS.",
		    "请在外部 DNS 中发布记录 %s %u IN %s %s。", e->owner, (unsigned)e->ttl, t,
		    want);
}

/* D2 */
static fedns_status unexpected(struct cmp *c, const struct rec *o)
{
	struct fproto p = {FEDNS_DRIFT_UNEXPECTED, o->type, o->owner, NULL, NULL, 0, o, NULL};
	char t[24], data[DATA_BUF];

	type_text(o->type, t, sizeof(t));
	return emit(c, &p,
		    "fedns manages %s and derives no %s %s there: remove the record, or change "
		    "the deployment if it belongs there.",
		    "%s 由 fedns 管理，部署模型不会在此生成 %s %s：请删除该记录；如确需保留，"
		    "请修改部署模型。", o->owner, t, record_text(o, data));
}

/* D3 */
static fedns_status different(struct cmp *c, const struct rec *e, const struct rec *o)
{
	char t[24], data[DATA_BUF], seen[DATA_BUF];
	const char *want = record_text(e, data);
	struct fproto p = {FEDNS_DRIFT_DIFFERENT, e->type, e->owner, NULL, want, e->ttl, o,
			   NULL};

	type_text(e->type, t, sizeof(t));
	if (data_cmp(e, o) == 0)
		return emit(c, &p, "Set the TTL of %s %s %s to %u (it is %u).",
			    "请将 %s %s %s 的 TTL 设为 %u（当前为 %u）。", e->owner, t, want,
			    (unsigned)e->ttl, (unsigned)o->ttl);
	return emit(c, &p, "Change %s %s from %s to %s.", "请将 %s 的 %s 记录从 %s 改为 %s。",
		    e->owner, t, record_text(o, seen), want);
}

/* The derived addresses at name `k`, as "a, b" text. */
static const char *addresses_at(const struct cmp *c, size_t k, char *buf)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = c->efirst[k]; i < c->efirst[k + 1]; i++) {
		const struct rec *e = &c->e[i];
		size_t n;

		if (!is_address(e->type))
			continue;
		n = strlen(e->data);
		if (len + n + 3 >= LIST_BUF)
			break; /* more than a certificate's worth: the first ones say it */
		if (len) {
			memcpy(buf + len, ", ", 2);
			len += 2;
		}
		memcpy(buf + len, e->data, n + 1);
		len += n;
	}
	return buf[0] ? buf : NULL;
}

/* Marks the names that derived SRV records point to, once. */
static fedns_status find_srv_targets(struct cmp *c)
{
	size_t i;

	if (c->srv_target)
		return FEDNS_OK;
	c->srv_target = fedns_alloc_malloc(&c->f->alloc, c->m.n);
	if (!c->srv_target)
		return FEDNS_ENOMEM;
	memset(c->srv_target, 0, c->m.n);
	for (i = 0; i < c->ne; i++) {
		const struct rec *e = &c->e[i];
		size_t k = e->type == FEDNS_RR_SRV ?
			fedns__managed_find(&c->m, e->target, strlen(e->target)) : NO_NAME;

		if (k != NO_NAME)
			c->srv_target[k] = 1;
	}
	return FEDNS_OK;
}

/* The purposes of the derived records at name `k`. */
static uint32_t purposes_at(const struct cmp *c, size_t k)
{
	uint32_t bits = 0;
	size_t i;

	for (i = c->efirst[k]; i < c->efirst[k + 1]; i++)
		bits |= c->e[i].purposes;
	return bits;
}

/* The TTL findings give addresses they list: that of the first derived
 * record in owner order. */
static uint32_t listed_ttl(struct cmp *c)
{
	size_t i;

	if (!c->least) {
		c->least = &c->e[0];
		for (i = 1; i < c->ne; i++) {
			int d = strcmp(c->e[i].owner, c->least->owner);

			if (d < 0 || (d == 0 && rec_cmp(&c->e[i], c->least) < 0))
				c->least = &c->e[i];
		}
	}
	return c->least->ttl;
}

#define EDGE_PURPOSES                                                              \
	(FEDNS_PURPOSE_EXTERNAL_ACCESS | FEDNS_PURPOSE_PUBLIC_IM | FEDNS_PURPOSE_XMPP | \
	 FEDNS_PURPOSE_WEBCONF | FEDNS_PURPOSE_AV)

/* D5: an SRV target must not be an alias (RFC 2782); an edge interface is
 * published by address; a reverse proxy name may be an alias in practice,
 * but then nothing here can check that its target has the addresses. */
static fedns_status alias(struct cmp *c, const struct rec *o)
{
	char list[LIST_BUF];
	const char *want = addresses_at(c, o->name, list);
	struct fproto p = {FEDNS_DRIFT_ALIAS, o->type, o->owner, NULL, want, 0, o, NULL};
	fedns_status st = find_srv_targets(c);

	if (st)
		return st;
	if (want)
		p.expected_ttl = listed_ttl(c);
	if (c->srv_target[o->name])
		return emit(c, &p,
			    "%s is an SRV target and must not be an alias (RFC 2782): replace the "
			    "CNAME with A/AAAA records for %s.",
			    "%s 是 SRV 记录的目标，不能是别名（RFC 2782）：请用指向 %s 的 A/AAAA "
			    "记录替换该 CNAME。", o->owner, want ? want : "?");
	if (purposes_at(c, o->name) & EDGE_PURPOSES)
		return emit(c, &p,
			    "%s must carry the edge's addresses itself: replace the CNAME with "
			    "A/AAAA records for %s.",
			    "%s 必须直接指向边缘服务器的地址：请用指向 %s 的 A/AAAA 记录替换该 CNAME。",
			    o->owner, want ? want : "?");
	return emit(c, &p,
		    "%s is an alias, so fedns cannot check that it reaches the reverse proxy at %s: "
		    "publish A/AAAA records for those addresses, or make sure %s has them.",
		    "%s 是别名，fedns 无法确认它指向位于 %s 的反向代理：请发布指向这些地址的 "
		    "A/AAAA 记录，或确认 %s 具有这些地址。", o->owner, want ? want : "?",
		    o->target);
}

/* D6; `e` is the derived record it replaces, if any. */
static fedns_status online(struct cmp *c, const struct rec *o, const struct rec *e,
			   const char *domain)
{
	char list[LIST_BUF], data[DATA_BUF];
	const char *want = e ? record_text(e, data) : addresses_at(c, o->name, list);
	struct fproto p = {FEDNS_DRIFT_ONLINE, o->type, o->owner, NULL, want, 0, o, NULL};

	if (want)
		p.expected_ttl = e ? e->ttl : listed_ttl(c);
	if (want)
		return emit(c, &p,
			    "%s still points to Microsoft 365 (%s) but the deployment keeps %s on "
			    "premises: change it to %s (a hybrid leftover sends clients and partners "
			    "to the online service).",
			    "%s 仍指向 Microsoft 365（%s），但部署模型中 %s 位于本地：请改为 %s"
			    "（混合部署的残留记录会把客户端和联盟伙伴引向联机服务）。",
			    o->owner, o->target, domain, want);
	return emit(c, &p,
		    "%s still points to Microsoft 365 (%s) but the deployment keeps %s on premises: "
		    "remove it (a hybrid leftover sends clients and partners to the online "
		    "service).",
		    "%s 仍指向 Microsoft 365（%s），但部署模型中 %s 位于本地：请删除该记录"
		    "（混合部署的残留记录会把客户端和联盟伙伴引向联机服务）。",
		    o->owner, o->target, domain);
}

/* D4; `k` is the name it misses. */
static fedns_status near_miss(struct cmp *c, const struct rec *o, size_t k)
{
	const char *right = c->m.names[k].str;
	struct fproto p = {FEDNS_DRIFT_NEAR_MISS, o->type, o->owner, right, NULL, 0, o, NULL};

	if (observed_has(c, k, o->type))
		return emit(c, &p,
			    "%s looks like a misspelling of %s, which exists as well: delete this "
			    "record.",
			    "%s 似乎是 %s 的拼写错误，而后者已经存在：请删除此记录。", o->owner,
			    right);
	return emit(c, &p,
		    "%s looks like a misspelling of %s: rename the record to %s (clients and "
		    "partners look up only that name).",
		    "%s 似乎是 %s 的拼写错误：请将记录改名为 %s（客户端和联盟伙伴只查询该名称）。",
		    o->owner, right, right);
}

/* D7, once per name and type: the first failure of each. */
static fedns_status failures(struct cmp *c)
{
	const fedns_observed *obs = c->obs;
	size_t i;
	fedns_status st = FEDNS_OK;

	for (i = 0; !st && i < obs->nfailures; i++) {
		const struct fref *r = &c->fails[i];
		const struct fedns_obs_failure *x = &obs->failures[r->i];
		const char *owner = FEDNS_AT(&obs->text, x->owner);
		struct fproto p = {FEDNS_DRIFT_LOOKUP_FAILED, x->type, owner, NULL, NULL, 0, NULL,
				   FEDNS_AT(&obs->text, x->why)};
		char what[FEDNS_ABS_BUF + 24], t[24];

		if (i && c->fname[c->fails[i - 1].i] == c->fname[r->i] && r[-1].type == r->type)
			continue;
		snprintf(what, sizeof(what), "%s%s%s", owner, x->type ? " " : "",
			 x->type ? type_text(x->type, t, sizeof(t)) : "");
		st = emit(c, &p,
			  "The look-up of %s failed (%s): its records were not compared; check the "
			  "server and try again.",
			  "查询 %s 失败（%s）：未比较其记录；请检查服务器后重试。", what, p.why);
	}
	return st;
}

/* ---- Near misses ------------------------------------------------------------ */

#define SQUASH_MAX 64

/* `s[0..n)` without underscores, hyphens and dots; 0 when too long. */
static size_t squash(const char *s, size_t n, char *out)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '_' || s[i] == '-' || s[i] == '.')
			continue;
		if (k + 1 == SQUASH_MAX)
			return 0;
		out[k++] = s[i];
	}
	return k;
}

/* Optimal string alignment distance: edits and adjacent swaps. */
static size_t osa(const char *a, size_t n, const char *b, size_t m)
{
	size_t row[3][SQUASH_MAX], i, j;

	for (j = 0; j <= m; j++)
		row[0][j] = j;
	for (i = 1; i <= n; i++) {
		size_t *cur = row[i % 3], *prev = row[(i - 1) % 3], *prev2 = row[(i + 1) % 3];

		cur[0] = i;
		for (j = 1; j <= m; j++) {
			size_t cost = a[i - 1] != b[j - 1], best = prev[j - 1] + cost;

			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
	}
	return row[n % 3][m];
}

/* "_svc.x" for "_svc._proto", x another transport label. Not for "_sip":
 * its _tcp and _udp records serve other SIP systems. */
static int wrong_protocol(const char *po, size_t npo, const char *pm, size_t npm)
{
	const char *dot = memchr(po, '.', npo), *mdot = memchr(pm, '.', npm);
	char a[SQUASH_MAX], b[SQUASH_MAX], x[SQUASH_MAX], y[SQUASH_MAX];
	size_t so, sm, na, nx, ny;

	if (!dot || !mdot)
		return 0;
	so = (size_t)(dot - po);
	sm = (size_t)(mdot - pm);
	if (memchr(dot + 1, '.', npo - so - 1) || (sm == 4 && memcmp(pm, "_sip", 4) == 0))
		return 0;
	na = squash(po, so, a);
	if (!na || na != squash(pm, sm, b) || memcmp(a, b, na) != 0)
		return 0;
	nx = squash(dot + 1, npo - so - 1, x);
	ny = squash(mdot + 1, npm - sm - 1, y);
	if (nx != 3 || (nx == ny && memcmp(x, y, nx) == 0))
		return 0;
	return memcmp(x, "tcp", 3) == 0 || memcmp(x, "tls", 3) == 0 || memcmp(x, "udp", 3) == 0;
}

/* Whether relative name `po` is a near miss of SRV name `pm` (both
 * relative to their SIP domain): the same letters with other punctuation
 * (_sipfederationtls.tcp, _sipfederationtls_.tcp, _sip.tls), another
 * transport (_sipfederationtls._tls, _xmpp-server._udp), or up to two typing
 * errors in a long name (_sipfederationtsl._tcp). */
static int near(const char *po, size_t npo, const char *pm, size_t npm)
{
	char a[SQUASH_MAX], b[SQUASH_MAX];
	size_t na = squash(po, npo, a), nb = squash(pm, npm, b);

	if (!na || !nb)
		return 0;
	if (na == nb && memcmp(a, b, na) == 0)
		return 1;
	return wrong_protocol(po, npo, pm, npm) || (nb >= 12 && osa(a, na, b, nb) <= 2);
}

/* The managed name observed record `o` (at a name not managed itself) is a
 * near miss of: the owner with the domain typed twice (a relative name
 * given a domain again, as in a zone file without the trailing dot), an
 * SRV name placed under a host, or a misspelt SRV name; of several, the
 * first in name order. `*right` is its index, or NO_NAME for none. */
static fedns_status near_miss_of(struct cmp *c, const struct rec *o, size_t *right)
{
	const char *owner = o->owner;
	size_t ol = c->m.names[o->name].len, d = fedns__managed_domain_of(&c->m, owner, ol);
	size_t dl, npo, k, count;
	const size_t *mine;
	fedns_status st;

	*right = NO_NAME;
	if (d == NO_NAME)
		return FEDNS_OK;
	dl = c->m.domains[d].len;
	if (ol <= dl)
		return FEDNS_OK;
	npo = ol - dl - 1;
	st = fedns__managed_by_domain(&c->m);
	if (st)
		return st;
	mine = fedns__managed_names_of(&c->m, d, &count);
	for (k = 0; k < count; k++) {
		const struct fedns_mname *m = &c->m.names[mine[k]];
		size_t ml = m->len, npm = ml > dl ? ml - dl - 1 : 0;

		if (!(m->kinds & FEDNS_M_MANAGED))
			continue;
		if (!(npo == ml - 1 && memcmp(owner, m->str, npo) == 0) &&
		    (!(m->kinds & FEDNS_M_SRV) || !npm ||
		     !((npo > npm && owner[npm] == '.' && memcmp(owner, m->str, npm) == 0) ||
		       near(owner, npo, m->str, npm))))
			continue;
		if (*right == NO_NAME || strcmp(m->str, c->m.names[*right].str) < 0)
			*right = mine[k];
	}
	return FEDNS_OK;
}

/* ---- The walk ------------------------------------------------------------- */

/* Name `k` if the view has it (managed or watched), else NULL. */
static const struct fedns_mname *in_view(const struct cmp *c, size_t k)
{
	return c->m.names[k].kinds ? &c->m.names[k] : NULL;
}

static size_t domain_at(const struct cmp *c, const struct fedns_mname *m)
{
	return m ? fedns__managed_domain_of(&c->m, m->str, m->len) : NO_NAME;
}

static const char *domain_name(const struct cmp *c, const struct fedns_mname *m)
{
	size_t d = domain_at(c, m);

	return d != NO_NAME ? FEDNS_MTEXT(&c->m, c->m.domains[d].name) : NULL;
}

static int on_premises(const struct cmp *c, const struct fedns_mname *m)
{
	size_t d = domain_at(c, m);

	return d != NO_NAME && c->m.domains[d].on_premises;
}

/* An observed record nothing derived pairs with. */
static fedns_status leftover(struct cmp *c, const struct rec *o)
{
	const struct fedns_mname *m = in_view(c, o->name);
	size_t right;
	fedns_status st;

	if (m && is_online(o->target) && on_premises(c, m))
		return online(c, o, NULL, domain_name(c, m));
	if (m && (m->kinds & FEDNS_M_MANAGED)) {
		if (o->type == FEDNS_RR_CNAME && (m->kinds & FEDNS_M_ADDRESS))
			return alias(c, o);
		return unexpected(c, o);
	}
	if (m)
		return FEDNS_OK; /* watched: only a pointer to Microsoft 365 counts */
	st = near_miss_of(c, o, &right);
	return st || right == NO_NAME ? st : near_miss(c, o, right);
}

/* A derived and an observed record of one owner and type, unequal. */
static fedns_status mismatch(struct cmp *c, const struct rec *e, const struct rec *o)
{
	const struct fedns_mname *m = in_view(c, o->name);

	if (is_online(o->target) && !is_online(e->target) && on_premises(c, m))
		return online(c, o, e, domain_name(c, m));
	return different(c, e, o);
}

/* Pairs equal data; a TTL difference (when the observed TTL is known) is
 * a finding. */
static fedns_status pair_equal(struct cmp *c, struct rec *e, size_t ne, struct rec *o,
			       size_t no)
{
	size_t a = 0, b = 0;
	fedns_status st = FEDNS_OK;

	while (!st && a < ne && b < no) {
		int d = data_cmp(&e[a], &o[b]);

		if (d < 0) {
			a++;
		} else if (d > 0) {
			b++;
		} else {
			e[a].used = o[b].used = 1;
			if (o[b].ttl != FEDNS_TTL_UNKNOWN && o[b].ttl != e[a].ttl)
				st = different(c, &e[a], &o[b]);
			a++;
			b++;
		}
	}
	return st;
}

/* One (owner, type) group of either side or both. */
static fedns_status group(struct cmp *c, struct rec *e, size_t ne, struct rec *o, size_t no)
{
	const struct rec *first = ne ? e : o;
	int unknown = failed(c, first->name, first->type);
	int hidden = first->type != FEDNS_RR_CNAME &&
		observed_has(c, first->name, FEDNS_RR_CNAME);
	size_t a = 0, b = 0;
	fedns_status st = unknown ? FEDNS_OK : pair_equal(c, e, ne, o, no);

	for (;;) {
		while (a < ne && e[a].used)
			a++;
		while (b < no && o[b].used)
			b++;
		if (st || a == ne || b == no || unknown)
			break;
		st = mismatch(c, &e[a++], &o[b++]);
	}
	/* A name that is a CNAME has no other data (RFC 1034): its alias
	 * finding says what to publish instead. */
	for (; !st && !unknown && !hidden && a < ne; a++)
		if (!e[a].used)
			st = missing(c, &e[a]);
	for (; !st && b < no; b++)
		if (!o[b].used)
			st = leftover(c, &o[b]);
	return st;
}

/* Name by name, each name's records one type at a time. */
static fedns_status walk(struct cmp *c)
{
	size_t k;
	fedns_status st = FEDNS_OK;

	for (k = 0; !st && k < c->m.n; k++) {
		size_t i = c->efirst[k], ie = c->efirst[k + 1], j = c->ofirst[k];
		size_t je = c->ofirst[k + 1];

		while (!st && (i < ie || j < je)) {
			int d = i == ie ? 1 : j == je ? -1 :
				(c->e[i].type > c->o[j].type) - (c->e[i].type < c->o[j].type);
			size_t i2 = i, j2 = j;

			if (d <= 0)
				while (++i2 < ie && c->e[i2].type == c->e[i].type)
					;
			if (d >= 0)
				while (++j2 < je && c->o[j2].type == c->o[j].type)
					;
			st = group(c, c->e + i, i2 - i, c->o + j, j2 - j);
			i = i2;
			j = j2;
		}
	}
	return st;
}

static fedns_status run(struct cmp *c, const fedns_deployment *dep, const fedns_recordset *rs)
{
	fedns_status st = fedns__managed_build(&c->m, dep, rs);

	/* The observed names first: the arrays by name count them. */
	if (!st)
		st = name_observed(c);
	if (!st)
		st = load_expected(c, rs);
	if (!st)
		st = load_observed(c);
	if (!st)
		st = load_failures(c);
	if (!st)
		st = walk(c);
	if (!st)
		st = failures(c);
	return st ? st : fedns__findings_sort(c->f);
}

static void release(struct cmp *c, const struct fedns_alloc *a)
{
	fedns__managed_clear(&c->m);
	fedns_alloc_free(a, c->e);
	fedns_alloc_free(a, c->o);
	fedns_alloc_free(a, c->efirst);
	fedns_alloc_free(a, c->ofirst);
	fedns_alloc_free(a, c->oname);
	fedns_alloc_free(a, c->fname);
	fedns_alloc_free(a, c->fails);
	fedns_alloc_free(a, c->ffirst);
	fedns_alloc_free(a, c->srv_target);
}

FEDNS_API fedns_status fedns_deployment_compare(fedns_deployment *dep,
						const fedns_observed *observed,
						fedns_findings **out)
{
	fedns_recordset *rs = NULL;
	struct cmp c;
	fedns_status st;

	if (!dep)
		return FEDNS_EINVAL;
	fedns_clear_error(dep);
	if (!out || !observed)
		return fedns_fail(dep, FEDNS_EINVAL, "fedns_deployment_compare: %s is NULL",
				  out ? "observed" : "out");
	*out = NULL;
	st = fedns_deployment_derive(dep, &rs);
	if (st)
		return st;
	memset(&c, 0, sizeof(c));
	c.obs = observed;
	c.f = fedns_alloc_malloc(&dep->alloc, sizeof(*c.f));
	if (c.f) {
		memset(c.f, 0, sizeof(*c.f));
		c.f->alloc = dep->alloc;
		st = run(&c, dep, rs);
		release(&c, &dep->alloc);
	}
	fedns_recordset_free(rs);
	if (!c.f || st) {
		fedns_findings_free(c.f);
		return fedns_fail(dep, st ? st : FEDNS_ENOMEM, st == FEDNS_EINVALID ?
				  "internal error: validation accepted a name fedns cannot use" :
				  "out of memory");
	}
	*out = c.f;
	return FEDNS_OK;
}
