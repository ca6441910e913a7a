/* V1 and V2: every name of the document against SPEC 5, the owner names
 * fedns would build, and SIP domains listed twice. */
#include <string.h>

#include "validate_rules.h"

/* Where a diagnostic goes: SPEC 3 orders by section and index. */
struct at {
	int section;
	size_t index;
	const char *subject;
};

static fedns_status bad_name(struct fedns_vctx *c, const struct at *at, const char *path,
			     const char *given)
{
	struct fedns_name_error err;
	char folded[FEDNS_NAME_BUF], en[FEDNS_VWHY_BUF], zh[FEDNS_VWHY_BUF];

	fedns_name_fold(given, folded, &err);
	fedns_name_error_text(&err, given, en, sizeof en);
	fedns_name_error_text_zh(&err, given, zh, sizeof zh);
	return fedns_diagnostics_add(c->out, 1, FEDNS_SEVERITY_ERROR, at->section, at->index,
				     at->subject, FEDNS_M_V1_NAME, path, en, zh);
}

/* V1 for an optional name the context did not fold (proxy FQDNs, edge
 * FQDNs, provider domains): "head[i]tail" is its path. */
static fedns_status check_name(struct fedns_vctx *c, const struct at *at, const char *head,
			       size_t i, const char *tail, const char *given)
{
	char folded[FEDNS_NAME_BUF], path[FEDNS_VPATH_BUF];

	if (!given || fedns_name_fold(given, folded, NULL) == FEDNS_NAME_OK)
		return FEDNS_OK;
	return bad_name(c, at, fedns__vpath(path, head, i, tail), given);
}

/* A host label goes in front of each SIP domain, so it must be one label;
 * `folded` is what the context made of it (NULL: invalid or dotted). */
static fedns_status check_label(struct fedns_vctx *c, const struct at *at, size_t i,
				const char *tail, const char *given, const char *folded)
{
	char buf[FEDNS_NAME_BUF], path[FEDNS_VPATH_BUF], show[FEDNS_VSHOW_BUF];

	if (folded)
		return FEDNS_OK;
	fedns__vpath(path, "edge_pools", i, tail);
	if (fedns_name_fold(given, buf, NULL) != FEDNS_NAME_OK)
		return bad_name(c, at, path, given);
	return fedns_diagnostics_add(c->out, 1, FEDNS_SEVERITY_ERROR, at->section, at->index,
				     at->subject, FEDNS_M_V1_LABEL, path, fedns__vshow(given, show));
}

/* ---- SIP domains ------------------------------------------------------- */

static fedns_status check_owner(struct fedns_vctx *c, size_t i, const char *label)
{
	const char *d = c->domains.items[i].folded;
	char owner[FEDNS_VOWNER_BUF];
	size_t len = strlen(fedns__vjoin(owner, label, d));

	if (len <= FEDNS_NAME_MAX)
		return FEDNS_OK;
	return fedns_diagnostics_add(c->out, 1, FEDNS_SEVERITY_ERROR, FEDNS_AT_DOMAIN, i, d,
				     FEDNS_M_V1_OWNER_TOO_LONG, owner, d, len);
}

/* The owner names SPEC 2 would build for a domain with users: S (when it
 * is a host label), the R2-R4 SRVs, R5's SRV and host, and R7's
 * lyncdiscover (R8's meet is shorter); for an online domain, R9's. */
static fedns_status check_owners(struct fedns_vctx *c, size_t i)
{
	const fedns_deployment *dep = c->dep;
	size_t p = c->served_by[i], x = c->xmpp_pool;

	if (!fedns__vusers(c, i))
		return FEDNS_OK;
	/* R9's longest owner; its others are shorter. */
	if (fedns__vonline(c, i))
		return check_owner(c, i, "_sipfederationtls._tcp");
	if (dep->proxy && dep->proxy->lyncdiscover)
		FEDNS_VTRY(check_owner(c, i, "lyncdiscover"));
	if (p != FEDNS_VNONE && !FEDNS_POOL(dep, p)->edges[FEDNS_EDGE_ACCESS].fqdn &&
	    c->pools[p].host)
		FEDNS_VTRY(check_owner(c, i, c->pools[p].host));
	if (dep->external_access)
		FEDNS_VTRY(check_owner(c, i, "_sip._tls"));
	if (fedns__vfederation_srv(c, i))
		FEDNS_VTRY(check_owner(c, i, "_sipfederationtls._tcp"));
	if (!fedns__vxmpp(c, i) || x == FEDNS_VNONE)
		return FEDNS_OK;
	if (c->pools[x].xmpp_host)
		FEDNS_VTRY(check_owner(c, i, c->pools[x].xmpp_host));
	return check_owner(c, i, "_xmpp-server._tcp");
}

static fedns_status check_domain(struct fedns_vctx *c, size_t i)
{
	const char *folded = c->domains.items[i].folded, *given;
	char show[FEDNS_VSHOW_BUF], path[FEDNS_VPATH_BUF];
	struct at at = {FEDNS_AT_DOMAIN, 0, NULL};

	if (!folded) {
		given = FEDNS_DOMAIN(c->dep, i)->name;
		at.index = i;
		at.subject = fedns__vshow(given, show);
		return bad_name(c, &at, fedns__vpath(path, "sip_domains", i, ".name"), given);
	}
	if (!memchr(folded, '.', c->domains.items[i].len))
		return fedns_diagnostics_add(c->out, 1, FEDNS_SEVERITY_ERROR, FEDNS_AT_DOMAIN, i,
					     folded, FEDNS_M_V1_SINGLE_LABEL, folded);
	/* Every label put in front is a literal or a valid host label, so at
	 * most 63 octets: a shorter domain has no owner to check. */
	if (c->domains.items[i].len + 1 + FEDNS_LABEL_MAX <= FEDNS_NAME_MAX)
		return FEDNS_OK;
	return check_owners(c, i);
}

/* ---- Edge pools -------------------------------------------------------- */

static fedns_status check_pool(struct fedns_vctx *c, size_t i)
{
	const struct fedns_edge_pool *p = FEDNS_POOL(c->dep, i);
	const struct fedns_vpool *v = &c->pools[i];
	char show[FEDNS_VSHOW_BUF];
	struct at at = {FEDNS_AT_POOL, 0, NULL};

	at.index = i;
	at.subject = fedns__vshow(p->name, show);
	if (p->edges[FEDNS_EDGE_ACCESS].fqdn)
		FEDNS_VTRY(check_name(c, &at, "edge_pools", i, ".access_edge.fqdn",
				      p->edges[FEDNS_EDGE_ACCESS].fqdn));
	else
		FEDNS_VTRY(check_label(c, &at, i, ".access_edge.host", fedns_pool_access_host(p),
				       v->host));
	FEDNS_VTRY(check_name(c, &at, "edge_pools", i, ".webconf_edge.fqdn",
			      p->edges[FEDNS_EDGE_WEBCONF].fqdn));
	FEDNS_VTRY(check_name(c, &at, "edge_pools", i, ".av_edge.fqdn",
			      p->edges[FEDNS_EDGE_AV].fqdn));
	if (!p->xmpp_proxy)
		return FEDNS_OK;
	return check_label(c, &at, i, ".xmpp_proxy.host", fedns_pool_xmpp_host(p), v->xmpp_host);
}

/* ---- Federation entries ------------------------------------------------ */

static fedns_status check_entries(struct fedns_vctx *c, int section, const char *head,
				  const struct fedns_entry_list *l, const struct fedns_vnames *v)
{
	char show[FEDNS_VSHOW_BUF], path[FEDNS_VPATH_BUF];
	struct at at;
	size_t i;

	at.section = section;
	for (i = 0; i < l->n; i++) {
		at.index = i;
		at.subject = fedns__vsubject(v->items[i].folded, l->items[i].domain, show);
		if (!v->items[i].folded)
			FEDNS_VTRY(bad_name(c, &at, fedns__vpath(path, head, i, ".domain"),
					    l->items[i].domain));
		FEDNS_VTRY(check_name(c, &at, head, i, ".proxy_fqdn", l->items[i].proxy_fqdn));
	}
	return FEDNS_OK;
}

/* `k` walks the flattened list of fold_xmpp(): the partner's domain, then
 * its additional domains. */
static fedns_status check_partner(struct fedns_vctx *c, size_t i, size_t *k)
{
	const struct fedns_xmpp_partner *x = FEDNS_XMPP_PARTNER(c->dep, i);
	const struct fedns_vname *v = &c->xmpp.items[*k];
	char show[FEDNS_VSHOW_BUF], head[FEDNS_VPATH_BUF], path[FEDNS_VPATH_BUF];
	struct at at = {FEDNS_AT_XMPP_PARTNER, 0, NULL};
	size_t j;

	at.index = i;
	at.subject = fedns__vsubject(v->folded, x->domain, show);
	if (!v->folded)
		FEDNS_VTRY(bad_name(c, &at, fedns__vpath(path, "xmpp.partners", i, ".domain"),
				    x->domain));
	fedns__vpath(head, "xmpp.partners", i, ".additional_domains");
	for (j = 0; j < x->additional.n; j++)
		if (!v[j + 1].folded)
			FEDNS_VTRY(bad_name(c, &at, fedns__vpath(path, head, j, ""),
					    x->additional.items[j]));
	*k += 1 + x->additional.n;
	return check_name(c, &at, "xmpp.partners", i, ".proxy_fqdn", x->proxy_fqdn);
}

/* ---- Providers --------------------------------------------------------- */

static fedns_status check_public_provider(struct fedns_vctx *c, size_t i)
{
	const struct fedns_public_provider *p = FEDNS_PUBLIC_PROVIDER(c->dep, i);
	char show[FEDNS_VSHOW_BUF], head[FEDNS_VPATH_BUF];
	struct at at = {FEDNS_AT_PUBLIC_PROVIDER, 0, NULL};
	size_t j;

	at.index = i;
	at.subject = fedns__vshow(p->name, show);
	FEDNS_VTRY(check_name(c, &at, "public_im.providers", i, ".proxy_fqdn", p->proxy_fqdn));
	fedns__vpath(head, "public_im.providers", i, ".domains");
	for (j = 0; j < p->domains.n; j++)
		FEDNS_VTRY(check_name(c, &at, head, j, "", p->domains.items[j]));
	return FEDNS_OK;
}

static fedns_status check_hosting_provider(struct fedns_vctx *c, size_t i)
{
	const struct fedns_hosting_provider *h = FEDNS_HOSTING_PROVIDER(c->dep, i);
	char show[FEDNS_VSHOW_BUF];
	struct at at = {FEDNS_AT_HOSTING_PROVIDER, 0, NULL};

	at.index = i;
	at.subject = fedns__vshow(h->name, show);
	return check_name(c, &at, "hosting_providers", i, ".proxy_fqdn", h->proxy_fqdn);
}

static fedns_status check_proxy(struct fedns_vctx *c)
{
	static const char *const paths[] = {"reverse_proxy.dialin", "reverse_proxy.web_fqdn"};
	const struct fedns_reverse_proxy *rp = c->dep->proxy;
	struct at at = {FEDNS_AT_REVERSE_PROXY, 0, "reverse_proxy"};
	char folded[FEDNS_NAME_BUF];
	size_t k;

	for (k = 0; rp && k < 2; k++)
		if (rp->fqdn[k] && fedns_name_fold(rp->fqdn[k], folded, NULL) != FEDNS_NAME_OK)
			FEDNS_VTRY(bad_name(c, &at, paths[k], rp->fqdn[k]));
	return FEDNS_OK;
}

fedns_status fedns__v1_names(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t i, k = 0;

	for (i = 0; i < dep->domains.n; i++)
		FEDNS_VTRY(check_domain(c, i));
	for (i = 0; i < dep->pools.n; i++)
		FEDNS_VTRY(check_pool(c, i));
	FEDNS_VTRY(check_entries(c, FEDNS_AT_ALLOWED, "federation.allowed_domains", &dep->allowed,
				 &c->allowed));
	FEDNS_VTRY(check_entries(c, FEDNS_AT_BLOCKED, "federation.blocked_domains", &dep->blocked,
				 &c->blocked));
	for (i = 0; i < dep->xmpp_partners.n; i++)
		FEDNS_VTRY(check_partner(c, i, &k));
	for (i = 0; i < dep->public_providers.n; i++)
		FEDNS_VTRY(check_public_provider(c, i));
	for (i = 0; i < dep->hosting_providers.n; i++)
		FEDNS_VTRY(check_hosting_provider(c, i));
	return check_proxy(c);
}

/* ---- V2 ---------------------------------------------------------------- */

static fedns_status report_duplicate(struct fedns_vctx *c, const struct fedns_vname *v,
				     const struct fedns_vname *first, const void *arg)
{
	char path[FEDNS_VPATH_BUF], other[FEDNS_VPATH_BUF];

	(void)arg;
	fedns__vpath(path, "sip_domains", v->pos, ".name");
	fedns__vpath(other, "sip_domains", first->pos, ".name");
	return fedns_diagnostics_add(c->out, 2, FEDNS_SEVERITY_ERROR, FEDNS_AT_DOMAIN, v->pos,
				     v->folded, FEDNS_M_V2, v->folded, path, other);
}

fedns_status fedns__v2_duplicate_domains(struct fedns_vctx *c)
{
	return fedns__vduplicates(c, &c->domains, report_duplicate, NULL);
}
