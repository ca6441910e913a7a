/* The lists of the document: entries in conflict (V11), the TTL and
 * entries listed twice (V14), providers listed twice (V19). Entries are
 * found through the lists' hash tables, never by comparing every pair: a
 * benchmark validates a million allowed and blocked entries. */
#include <stdlib.h>
#include <string.h>

#include "validate_rules.h"

#define TTL_MAX 2147483647

/* Where the entry `v` of a federation list is, or (head NULL) where the
 * name `v` of the flattened XMPP list is. */
static const char *entry_path(char *buf, const char *head, const struct fedns_vname *v)
{
	if (head)
		return fedns__vpath(buf, head, v->pos, ".domain");
	if (v->sub == 0)
		return fedns__vpath(buf, "xmpp.partners", v->pos, ".domain");
	fedns__vpath(buf, "xmpp.partners", v->pos, ".additional_domains");
	return fedns__vpath(buf, buf, v->sub - 1, "");
}

/* An entry of a federation list is its own subject; an XMPP name reports
 * at its partner. */
static const char *entry_subject(const struct fedns_vctx *c, const char *head,
				 const struct fedns_vname *v, char *buf)
{
	return head ? v->folded : fedns__vpartner(c, v->pos, buf);
}

/* ---- V11 --------------------------------------------------------------- */

static fedns_status check_own(struct fedns_vctx *c, int section, const char *head,
			      const struct fedns_vnames *l)
{
	char path[FEDNS_VPATH_BUF], show[FEDNS_VSHOW_BUF];
	size_t k;

	for (k = 0; k < l->n; k++) {
		const struct fedns_vname *v = &l->items[k];

		fedns__vprefetch(&c->domains, l, k + FEDNS_VAHEAD);
		if (!v->folded || !fedns__vfind_name(&c->domains, v))
			continue;
		FEDNS_VTRY(fedns_diagnostics_add(c->out, 11, FEDNS_SEVERITY_ERROR, section, v->pos,
						 entry_subject(c, head, v, show), FEDNS_M_V11_OWN,
						 v->folded, entry_path(path, head, v)));
	}
	return FEDNS_OK;
}

/* Reported at the blocked entry, which comes later in the document. */
static fedns_status check_allowed_and_blocked(struct fedns_vctx *c)
{
	char path[FEDNS_VPATH_BUF], other[FEDNS_VPATH_BUF];
	size_t k;

	for (k = 0; k < c->blocked.n; k++) {
		const struct fedns_vname *v = &c->blocked.items[k], *a;

		fedns__vprefetch(&c->allowed, &c->blocked, k + FEDNS_VAHEAD);
		a = v->folded ? fedns__vfind_name(&c->allowed, v) : NULL;
		if (!a)
			continue;
		FEDNS_VTRY(fedns_diagnostics_add(
			c->out, 11, FEDNS_SEVERITY_ERROR, FEDNS_AT_BLOCKED, v->pos, v->folded,
			FEDNS_M_V11_BOTH, v->folded,
			entry_path(path, "federation.blocked_domains", v),
			entry_path(other, "federation.allowed_domains", a)));
	}
	return FEDNS_OK;
}

fedns_status fedns__v11_conflicts(struct fedns_vctx *c)
{
	FEDNS_VTRY(check_allowed_and_blocked(c));
	FEDNS_VTRY(check_own(c, FEDNS_AT_ALLOWED, "federation.allowed_domains", &c->allowed));
	FEDNS_VTRY(check_own(c, FEDNS_AT_BLOCKED, "federation.blocked_domains", &c->blocked));
	return check_own(c, FEDNS_AT_XMPP_PARTNER, NULL, &c->xmpp);
}

/* ---- V14 --------------------------------------------------------------- */

/* Where the duplicates of one list are reported. */
struct list_at {
	int section;
	const char *head;
};

/* Every later listing is reported against the first one. */
static fedns_status report_duplicate(struct fedns_vctx *c, const struct fedns_vname *v,
				     const struct fedns_vname *first, const void *arg)
{
	const struct list_at *at = arg;
	char path[FEDNS_VPATH_BUF], other[FEDNS_VPATH_BUF], show[FEDNS_VSHOW_BUF];

	return fedns_diagnostics_add(c->out, 14, FEDNS_SEVERITY_ERROR, at->section, v->pos,
				     entry_subject(c, at->head, v, show), FEDNS_M_V14_DUPLICATE,
				     v->folded, entry_path(path, at->head, v),
				     entry_path(other, at->head, first));
}

static fedns_status duplicates(struct fedns_vctx *c, int section, const char *head,
			       const struct fedns_vnames *l)
{
	const struct list_at at = {section, head};

	return fedns__vduplicates(c, l, report_duplicate, &at);
}

fedns_status fedns__v14_ttl_and_duplicates(struct fedns_vctx *c)
{
	int64_t ttl = c->dep->ttl;

	if (ttl < 0 || ttl > TTL_MAX)
		FEDNS_VTRY(fedns_diagnostics_add(c->out, 14, FEDNS_SEVERITY_ERROR,
						 FEDNS_AT_DEPLOYMENT, 0, "deployment",
						 FEDNS_M_V14_TTL, (long long)ttl));
	FEDNS_VTRY(duplicates(c, FEDNS_AT_ALLOWED, "federation.allowed_domains", &c->allowed));
	FEDNS_VTRY(duplicates(c, FEDNS_AT_BLOCKED, "federation.blocked_domains", &c->blocked));
	return duplicates(c, FEDNS_AT_XMPP_PARTNER, NULL, &c->xmpp);
}

/* ---- V19 --------------------------------------------------------------- */

/* A provider's name or proxy FQDN, compared without regard to ASCII case
 * (the cmdlets' identities are not case-sensitive); `len` leaves out a
 * proxy FQDN's trailing dot. */
struct key {
	const char *text;
	size_t len;
	int section; /* public providers come first in the document */
	size_t pos;
};

static int fold_char(unsigned char ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

static int compare_text(const struct key *a, const struct key *b)
{
	size_t i, n = a->len < b->len ? a->len : b->len;

	for (i = 0; i < n; i++) {
		int x = fold_char((unsigned char)a->text[i]), y = fold_char((unsigned char)b->text[i]);

		if (x != y)
			return x < y ? -1 : 1;
	}
	return (a->len > b->len) - (a->len < b->len);
}

static int compare_key(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	int r = compare_text(a, b);

	if (r)
		return r;
	if (a->section != b->section)
		return a->section < b->section ? -1 : 1;
	return (a->pos > b->pos) - (a->pos < b->pos);
}

static const char *provider_name(const fedns_deployment *dep, const struct key *k)
{
	if (k->section == FEDNS_AT_PUBLIC_PROVIDER)
		return FEDNS_PUBLIC_PROVIDER(dep, k->pos)->name;
	return FEDNS_HOSTING_PROVIDER(dep, k->pos)->name;
}

static const char *provider_proxy(const fedns_deployment *dep, const struct key *k)
{
	if (k->section == FEDNS_AT_PUBLIC_PROVIDER)
		return FEDNS_PUBLIC_PROVIDER(dep, k->pos)->proxy_fqdn;
	return FEDNS_HOSTING_PROVIDER(dep, k->pos)->proxy_fqdn;
}

static const char *provider_path(char *buf, const struct key *k)
{
	if (k->section == FEDNS_AT_PUBLIC_PROVIDER)
		return fedns__vpath(buf, "public_im.providers", k->pos, "");
	return fedns__vpath(buf, "hosting_providers", k->pos, "");
}

/* Fills `keys` with every provider's name, or with every valid proxy FQDN
 * (an invalid one has its V1 error); returns how many. */
static size_t collect(const fedns_deployment *dep, struct key *keys, int proxies)
{
	struct key k;
	size_t i, n = 0, total = dep->public_providers.n + dep->hosting_providers.n;
	char folded[FEDNS_NAME_BUF];

	for (i = 0; i < total; i++) {
		int pub = i < dep->public_providers.n;

		k.section = pub ? FEDNS_AT_PUBLIC_PROVIDER : FEDNS_AT_HOSTING_PROVIDER;
		k.pos = pub ? i : i - dep->public_providers.n;
		k.text = proxies ? provider_proxy(dep, &k) : provider_name(dep, &k);
		if (!k.text)
			continue;
		if (proxies && fedns_name_fold(k.text, folded, NULL) != FEDNS_NAME_OK)
			continue;
		k.len = proxies ? strlen(folded) : strlen(k.text);
		keys[n++] = k;
	}
	return n;
}

static fedns_status report(struct fedns_vctx *c, const struct key *k, const struct key *first,
			   int proxies)
{
	char show[FEDNS_VSHOW_BUF], proxy[FEDNS_VSHOW_BUF];
	char path[FEDNS_VPATH_BUF], other[FEDNS_VPATH_BUF];

	fedns__vshow(provider_name(c->dep, k), show);
	provider_path(path, k);
	provider_path(other, first);
	if (!proxies)
		return fedns_diagnostics_add(c->out, 19, FEDNS_SEVERITY_ERROR, k->section, k->pos,
					     show, FEDNS_M_V19_NAME, show, path, other);
	fedns__vshow(provider_proxy(c->dep, k), proxy);
	return fedns_diagnostics_add(c->out, 19, FEDNS_SEVERITY_ERROR, k->section, k->pos, show,
				     FEDNS_M_V19_PROXY, show, path, proxy, other);
}

static fedns_status provider_duplicates(struct fedns_vctx *c, struct key *keys, int proxies)
{
	size_t n = collect(c->dep, keys, proxies), k, run = 0;

	if (n > 1)
		qsort(keys, n, sizeof(*keys), compare_key);
	for (k = 1; k < n; k++) {
		if (compare_text(&keys[k], &keys[run]) != 0) {
			run = k;
			continue;
		}
		FEDNS_VTRY(report(c, &keys[k], &keys[run], proxies));
	}
	return FEDNS_OK;
}

/* Hosting and public providers share one namespace: each is one
 * federation relationship of the Access Edge, known by name and proxy. */
fedns_status fedns__v19_duplicate_providers(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t total = dep->public_providers.n + dep->hosting_providers.n;
	struct key *keys;
	fedns_status st;

	if (total < 2)
		return FEDNS_OK;
	keys = fedns_alloc_array(&dep->alloc, NULL, total, sizeof(*keys));
	if (!keys)
		return FEDNS_ENOMEM;
	st = provider_duplicates(c, keys, 0);
	if (st == FEDNS_OK)
		st = provider_duplicates(c, keys, 1);
	fedns_alloc_free(&dep->alloc, keys);
	return st;
}
