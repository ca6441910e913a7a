/* Comparing an observed record set with the derived one: missing,
 * unexpected and different records, and what admins get wrong in practice
 * (near-miss owner names, aliases where addresses are required, hybrid
 * leftovers pointing at Microsoft 365), with lookup failures reported as
 * such. The finding kinds D1-D7 are documented in the header and in
 * docs/cli.md.
 *
 * Both sets are sorted by owner, type and data, then walked together one
 * (owner, type) group at a time: equal data pairs first (a TTL difference
 * is D3), what is left pairs in order (D3, or D6 for a pointer to Microsoft
 * 365), and what is left after that is missing (D1) or, on the observed
 * side, classified by where it sits (D2, D4, D5, D6, or nothing at a name
 * fedns does not manage). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "findings.h"
#include "list.h"
#include "managed.h"
#include "observed.h"

#define NONE FEDNS_ARENA_NONE
#define NO_DOMAIN ((size_t)-1)
#define DATA_BUF (FEDNS_ABS_BUF + 24)
#define LIST_BUF 1024
#define ONLINE_SUFFIX "online.lync.com."

/* One record of either side. */
struct rec {
	const char *owner;
	const char *target; /* SRV and CNAME */
	const char *data;   /* master-file text */
	const char *source; /* observed: the caller's source name */
	struct fedns_address addr;
	uint32_t ttl, line, purposes;
	uint16_t type, priority, weight, port;
	size_t seq;
	int used;           /* paired with a record of the other side */
};

struct cmp {
	const fedns_observed *obs;
	struct fedns_managed m;
	struct rec *e, *o;  /* expected (derived) and observed, sorted */
	size_t ne, no;
	char (*etext)[DATA_BUF];
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

static int group_cmp(const struct rec *a, const struct rec *b)
{
	int d = strcmp(a->owner, b->owner);

	return d ? d : (a->type > b->type) - (a->type < b->type);
}

static int rec_cmp(const void *pa, const void *pb)
{
	const struct rec *a = pa, *b = pb;
	int d = group_cmp(a, b);

	if (!d)
		d = data_cmp(a, b);
	return d ? d : (a->seq > b->seq) - (a->seq < b->seq);
}

/* DNSSEC records sit beside the data they sign; they are not data. */
static int is_dnssec(int type)
{
	return type == 46 || type == 47 || type == 48 || type == 50 || type == 51;
}

static fedns_status load_expected(struct cmp *c, const fedns_recordset *rs)
{
	size_t i, n = fedns_recordset_count(rs);

	c->e = fedns_alloc_array(&c->f->alloc, NULL, n, sizeof(*c->e));
	c->etext = c->e ? fedns_alloc_array(&c->f->alloc, NULL, n, sizeof(*c->etext)) : NULL;
	if (!c->etext)
		return FEDNS_ENOMEM;
	for (i = 0; i < n; i++) {
		struct rec *r = &c->e[i];

		memset(r, 0, sizeof(*r));
		r->owner = fedns_record_owner(rs, i);
		r->type = (uint16_t)fedns_record_type(rs, i);
		r->ttl = fedns_record_ttl(rs, i);
		r->priority = fedns_record_priority(rs, i);
		r->weight = fedns_record_weight(rs, i);
		r->port = fedns_record_port(rs, i);
		r->target = fedns_record_target(rs, i);
		r->purposes = fedns_record_purposes(rs, i);
		r->seq = i;
		if (is_address(r->type))
			fedns_address_parse(fedns_record_address(rs, i), &r->addr, NULL, 0);
		if (r->type == FEDNS_RR_SRV)
			snprintf(c->etext[i], DATA_BUF, "%u %u %u %s", (unsigned)r->priority,
				 (unsigned)r->weight, (unsigned)r->port, r->target);
		else
			snprintf(c->etext[i], DATA_BUF, "%s",
				 r->target ? r->target : fedns_record_address(rs, i));
		r->data = c->etext[i];
	}
	c->ne = n;
	qsort(c->e, n, sizeof(*c->e), rec_cmp);
	return FEDNS_OK;
}

/* The observed records, sorted, with exact repeats (same owner, type and
 * data, as a zone file listing a record twice) kept once: the first. */
static fedns_status load_observed(struct cmp *c)
{
	const fedns_observed *obs = c->obs;
	size_t i, n = 0;

	c->o = fedns_alloc_array(&c->f->alloc, NULL, obs->n, sizeof(*c->o));
	if (!c->o)
		return FEDNS_ENOMEM;
	for (i = 0; i < obs->n; i++) {
		const struct fedns_obs_record *x = &obs->items[i];
		struct rec *r = &c->o[n];

		if (is_dnssec(x->type))
			continue;
		memset(r, 0, sizeof(*r));
		r->owner = FEDNS_AT(&obs->text, x->owner);
		r->target = x->target == NONE ? NULL : FEDNS_AT(&obs->text, x->target);
		r->data = FEDNS_AT(&obs->text, x->data);
		r->source = x->source == NONE ? NULL : FEDNS_AT(&obs->text, x->source);
		r->addr = x->addr;
		r->ttl = x->ttl;
		r->line = x->line;
		r->type = x->type;
		r->priority = x->priority;
		r->weight = x->weight;
		r->port = x->port;
		r->seq = x->seq;
		n++;
	}
	qsort(c->o, n, sizeof(*c->o), rec_cmp);
	c->no = 0;
	for (i = 0; i < n; i++)
		if (!c->no || group_cmp(&c->o[c->no - 1], &c->o[i]) ||
		    data_cmp(&c->o[c->no - 1], &c->o[i]))
			c->o[c->no++] = c->o[i];
	return FEDNS_OK;
}

/* Whether the observed side has a record of `type` at `owner`. */
static int observed_has(const struct cmp *c, const char *owner, int type)
{
	size_t lo = 0, hi = c->no;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strcmp(c->o[mid].owner, owner);

		if (!d)
			d = (c->o[mid].type > type) - (c->o[mid].type < type);
		if (!d)
			return 1;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Whether a look-up of `owner` (for `type`, or for every type) failed. */
static const char *failure(const struct cmp *c, const char *owner, int type)
{
	const fedns_observed *obs = c->obs;
	size_t i;

	for (i = 0; i < obs->nfailures; i++) {
		const struct fedns_obs_failure *x = &obs->failures[i];

		if ((x->type == 0 || x->type == type) &&
		    strcmp(FEDNS_AT(&obs->text, x->owner), owner) == 0)
			return FEDNS_AT(&obs->text, x->why);
	}
	return NULL;
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
	char type[24];
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
	x->observed = add_str(f, p->observed ? p->observed->data : p->why);
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
	struct fproto p = {FEDNS_DRIFT_MISSING, e->type, e->owner, NULL, e->data, e->ttl, NULL,
			   NULL};
	char t[24];

	type_text(e->type, t, sizeof(t));
	return emit(c, &p, "Publish %s %u IN %s %s in external DNS.",
		    "请在外部 DNS 中发布记录 %s %u IN %s %s。", e->owner, (unsigned)e->ttl, t,
		    e->data);
}

/* D2 */
static fedns_status unexpected(struct cmp *c, const struct rec *o)
{
	struct fproto p = {FEDNS_DRIFT_UNEXPECTED, o->type, o->owner, NULL, NULL, 0, o, NULL};
	char t[24];

	type_text(o->type, t, sizeof(t));
	return emit(c, &p,
		    "fedns manages %s and derives no %s %s there: remove the record, or change "
		    "the deployment if it belongs there.",
		    "%s 由 fedns 管理，部署模型不会在此生成 %s %s：请删除该记录；如确需保留，"
		    "请修改部署模型。", o->owner, t, o->data);
}

/* D3 */
static fedns_status different(struct cmp *c, const struct rec *e, const struct rec *o)
{
	struct fproto p = {FEDNS_DRIFT_DIFFERENT, e->type, e->owner, NULL, e->data, e->ttl, o,
			   NULL};
	char t[24];

	type_text(e->type, t, sizeof(t));
	if (data_cmp(e, o) == 0)
		return emit(c, &p, "Set the TTL of %s %s %s to %u (it is %u).",
			    "请将 %s %s %s 的 TTL 设为 %u（当前为 %u）。", e->owner, t, e->data,
			    (unsigned)e->ttl, (unsigned)o->ttl);
	return emit(c, &p, "Change %s %s from %s to %s.", "请将 %s 的 %s 记录从 %s 改为 %s。",
		    e->owner, t, o->data, e->data);
}

/* The derived addresses at `owner`, as "a, b" text. */
static const char *addresses_at(const struct cmp *c, const char *owner, char *buf)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < c->ne; i++) {
		const struct rec *e = &c->e[i];
		size_t n = strlen(e->data);

		if (!is_address(e->type) || strcmp(e->owner, owner) != 0)
			continue;
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

static int is_srv_target(const struct cmp *c, const char *owner)
{
	size_t i;

	for (i = 0; i < c->ne; i++)
		if (c->e[i].type == FEDNS_RR_SRV && strcmp(c->e[i].target, owner) == 0)
			return 1;
	return 0;
}

/* The purposes of the derived records at `owner`. */
static uint32_t purposes_at(const struct cmp *c, const char *owner)
{
	uint32_t bits = 0;
	size_t i;

	for (i = 0; i < c->ne; i++)
		if (strcmp(c->e[i].owner, owner) == 0)
			bits |= c->e[i].purposes;
	return bits;
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
	const char *want = addresses_at(c, o->owner, list);
	struct fproto p = {FEDNS_DRIFT_ALIAS, o->type, o->owner, NULL, want, 0, o, NULL};

	if (want)
		p.expected_ttl = c->e[0].ttl;
	if (is_srv_target(c, o->owner))
		return emit(c, &p,
			    "%s is an SRV target and must not be an alias (RFC 2782): replace the "
			    "CNAME with A/AAAA records for %s.",
			    "%s 是 SRV 记录的目标，不能是别名（RFC 2782）：请用指向 %s 的 A/AAAA "
			    "记录替换该 CNAME。", o->owner, want ? want : "?");
	if (purposes_at(c, o->owner) & EDGE_PURPOSES)
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
	char list[LIST_BUF];
	const char *want = e ? e->data : addresses_at(c, o->owner, list);
	struct fproto p = {FEDNS_DRIFT_ONLINE, o->type, o->owner, NULL, want, 0, o, NULL};

	if (want)
		p.expected_ttl = e ? e->ttl : c->e[0].ttl;
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

/* D4 */
static fedns_status near_miss(struct cmp *c, const struct rec *o, const char *right)
{
	struct fproto p = {FEDNS_DRIFT_NEAR_MISS, o->type, o->owner, right, NULL, 0, o, NULL};

	if (observed_has(c, right, o->type))
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

/* D7, once per name and type. */
static fedns_status failures(struct cmp *c)
{
	const fedns_observed *obs = c->obs;
	size_t i, j;
	fedns_status st = FEDNS_OK;

	for (i = 0; !st && i < obs->nfailures; i++) {
		const struct fedns_obs_failure *x = &obs->failures[i];
		const char *owner = FEDNS_AT(&obs->text, x->owner);
		struct fproto p = {FEDNS_DRIFT_LOOKUP_FAILED, x->type, owner, NULL, NULL, 0, NULL,
				   FEDNS_AT(&obs->text, x->why)};
		char what[FEDNS_ABS_BUF + 24], t[24];

		for (j = 0; j < i; j++)
			if (obs->failures[j].type == x->type &&
			    strcmp(FEDNS_AT(&obs->text, obs->failures[j].owner), owner) == 0)
				break;
		if (j < i)
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

/* The managed name `owner` (not managed itself) is a near miss of: the
 * owner with the domain typed twice (a relative name given a domain again,
 * as in a zone file without the trailing dot), an SRV name placed under a
 * host, or a misspelt SRV name. NULL for none. */
static const char *near_miss_of(const struct cmp *c, const char *owner)
{
	size_t d = fedns__managed_domain_of(&c->m, owner), dl, ol = strlen(owner), npo, k, count;
	const size_t *mine;
	const char *dom;

	if (d == NO_DOMAIN)
		return NULL;
	dom = FEDNS_MTEXT(&c->m, c->m.domains[d].name);
	dl = strlen(dom);
	if (ol <= dl)
		return NULL;
	npo = ol - dl - 1;
	mine = fedns__managed_names_of(&c->m, d, &count);
	for (k = 0; k < count; k++) {
		const struct fedns_mname *m = &c->m.names[mine[k]];
		size_t ml = strlen(m->str), npm = ml > dl ? ml - dl - 1 : 0;

		if (!(m->kinds & FEDNS_M_MANAGED))
			continue;
		if (npo == ml - 1 && memcmp(owner, m->str, npo) == 0)
			return m->str;
		if (!(m->kinds & FEDNS_M_SRV) || !npm)
			continue;
		if ((npo > npm && owner[npm] == '.' && memcmp(owner, m->str, npm) == 0) ||
		    near(owner, npo, m->str, npm))
			return m->str;
	}
	return NULL;
}

/* ---- The walk ------------------------------------------------------------- */

static const char *domain_name(const struct cmp *c, const struct fedns_mname *m)
{
	return m && m->domain != NO_DOMAIN ? FEDNS_MTEXT(&c->m, c->m.domains[m->domain].name) :
		NULL;
}

static int on_premises(const struct cmp *c, const struct fedns_mname *m)
{
	return m && m->domain != NO_DOMAIN && c->m.domains[m->domain].on_premises;
}

/* An observed record nothing derived pairs with. */
static fedns_status leftover(struct cmp *c, const struct rec *o)
{
	const struct fedns_mname *m = fedns__managed_find(&c->m, o->owner);
	const char *right;

	if (m && is_online(o->target) && on_premises(c, m))
		return online(c, o, NULL, domain_name(c, m));
	if (m && (m->kinds & FEDNS_M_MANAGED)) {
		if (o->type == FEDNS_RR_CNAME && (m->kinds & FEDNS_M_ADDRESS))
			return alias(c, o);
		return unexpected(c, o);
	}
	if (m)
		return FEDNS_OK; /* watched: only a pointer to Microsoft 365 counts */
	right = near_miss_of(c, o->owner);
	return right ? near_miss(c, o, right) : FEDNS_OK;
}

/* A derived and an observed record of one owner and type, unequal. */
static fedns_status mismatch(struct cmp *c, const struct rec *e, const struct rec *o)
{
	const struct fedns_mname *m = fedns__managed_find(&c->m, o->owner);

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
	int unknown = failure(c, first->owner, first->type) != NULL;
	int hidden = first->type != FEDNS_RR_CNAME &&
		observed_has(c, first->owner, FEDNS_RR_CNAME);
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

static fedns_status walk(struct cmp *c)
{
	size_t i = 0, j = 0;
	fedns_status st = FEDNS_OK;

	while (!st && (i < c->ne || j < c->no)) {
		int d = i == c->ne ? 1 : j == c->no ? -1 : group_cmp(&c->e[i], &c->o[j]);
		size_t i2 = i, j2 = j;

		if (d <= 0)
			while (++i2 < c->ne && group_cmp(&c->e[i], &c->e[i2]) == 0)
				;
		if (d >= 0)
			while (++j2 < c->no && group_cmp(&c->o[j], &c->o[j2]) == 0)
				;
		st = group(c, c->e + i, i2 - i, c->o + j, j2 - j);
		i = i2;
		j = j2;
	}
	return st;
}

static fedns_status run(struct cmp *c, const fedns_deployment *dep, const fedns_recordset *rs)
{
	fedns_status st = fedns__managed_build(&c->m, dep, rs);

	if (!st)
		st = load_expected(c, rs);
	if (!st)
		st = load_observed(c);
	if (!st)
		st = walk(c);
	if (!st)
		st = failures(c);
	return st ? st : fedns__findings_sort(c->f);
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
		fedns__managed_clear(&c.m);
		fedns_alloc_free(&dep->alloc, c.e);
		fedns_alloc_free(&dep->alloc, c.etext);
		fedns_alloc_free(&dep->alloc, c.o);
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
