/* SIP domains moved to Microsoft 365 and the reverse proxy (SPEC 2b):
 * settings an online domain ignores (V25, V26), a pool left serving only
 * online domains (V27), a reverse proxy without addresses (V28), and a name
 * that R9 makes a CNAME while another interface uses it (V29). */
#include <string.h>

#include "validate_rules.h"

static int has_xmpp(const struct fedns_vctx *c, size_t i)
{
	return fedns__vxmpp(c, i);
}

static int has_push(const struct fedns_vctx *c, size_t i)
{
	return fedns__vmobility(c, i) && c->dep->push_notifications;
}

/* V25 and V26 differ only in the flag they look at and what they say. */
static fedns_status each_online(struct fedns_vctx *c, int rule)
{
	char show[FEDNS_VSHOW_BUF];
	const char *d;
	size_t i;

	for (i = 0; i < c->dep->domains.n; i++) {
		if (!fedns__vonline(c, i) || !(rule == 25 ? has_xmpp : has_push)(c, i))
			continue;
		d = fedns__vsubject(c->domains.items[i].folded, FEDNS_DOMAIN(c->dep, i)->name, show);
		if (rule == 25)
			FEDNS_VTRY(fedns_diagnostics_add(c->out, 25, FEDNS_SEVERITY_WARNING,
							 FEDNS_AT_DOMAIN, i, d, FEDNS_M_V25, d));
		else
			FEDNS_VTRY(fedns_diagnostics_add(c->out, 26, FEDNS_SEVERITY_WARNING,
							 FEDNS_AT_DOMAIN, i, d, FEDNS_M_V26, d));
	}
	return FEDNS_OK;
}

fedns_status fedns__v25_online_xmpp(struct fedns_vctx *c)
{
	return each_online(c, 25);
}

fedns_status fedns__v26_online_mobility(struct fedns_vctx *c)
{
	return each_online(c, 26);
}

/* ---- V27 --------------------------------------------------------------- */

fedns_status fedns__v27_pool_serves_only_online(struct fedns_vctx *c)
{
	char pool[FEDNS_VSHOW_BUF], show[FEDNS_VSHOW_BUF];
	size_t p, i;

	/* A pool that serves no online domain with users, or also an
	 * on-premises one, has records pointing at it. */
	for (p = 0; p < c->dep->pools.n; p++) {
		i = c->pools[p].first_online;
		if (i == FEDNS_VNONE || c->pools[p].serves_on_premises)
			continue;
		fedns__vshow(FEDNS_POOL(c->dep, p)->name, pool);
		FEDNS_VTRY(fedns_diagnostics_add(
			c->out, 27, FEDNS_SEVERITY_WARNING, FEDNS_AT_POOL, p, pool, FEDNS_M_V27, pool,
			fedns__vsubject(c->domains.items[i].folded, FEDNS_DOMAIN(c->dep, i)->name,
					show)));
	}
	return FEDNS_OK;
}

/* ---- V28 --------------------------------------------------------------- */

fedns_status fedns__v28_proxy_without_address(struct fedns_vctx *c)
{
	const struct fedns_reverse_proxy *rp = c->dep->proxy;

	if (!rp || rp->addresses.n)
		return FEDNS_OK;
	return fedns_diagnostics_add(c->out, 28, FEDNS_SEVERITY_ERROR, FEDNS_AT_REVERSE_PROXY, 0,
				     "reverse_proxy", FEDNS_M_V28);
}

/* ---- V29 --------------------------------------------------------------- */

/* The online domain with users whose R9 CNAME owner is `name` (sip.d or
 * lyncdiscover.d), or FEDNS_VNONE. */
static size_t cname_domain(const struct fedns_vctx *c, const char *name)
{
	static const char *const labels[] = {"sip.", "lyncdiscover."};
	const struct fedns_vname *v;
	size_t k, n;

	for (k = 0; k < 2; k++) {
		n = strlen(labels[k]);
		if (strncmp(name, labels[k], n) != 0)
			continue;
		v = fedns__vfind(&c->domains, name + n);
		if (v && fedns__vonline(c, v->pos) && fedns__vusers(c, v->pos))
			return v->pos;
	}
	return FEDNS_VNONE;
}

static fedns_status check_fixed(struct fedns_vctx *c, int section, size_t index,
				const char *subject, const char *path, const char *given)
{
	char folded[FEDNS_NAME_BUF];
	size_t d;

	if (!given || fedns_name_fold(given, folded, NULL) != FEDNS_NAME_OK)
		return FEDNS_OK;
	d = cname_domain(c, folded);
	if (d == FEDNS_VNONE)
		return FEDNS_OK;
	return fedns_diagnostics_add(c->out, 29, FEDNS_SEVERITY_ERROR, section, index, subject,
				     FEDNS_M_V29, path, folded, c->domains.items[d].folded);
}

/* Only names given whole can collide: `<label>.d` of an on-premises d
 * never equals `sip.e` or `lyncdiscover.e` of another domain e. */
fedns_status fedns__v29_cname_collision(struct fedns_vctx *c)
{
	static const char *const fqdn_keys[] = {
		".access_edge.fqdn", ".webconf_edge.fqdn", ".av_edge.fqdn"};
	static const char *const proxy_paths[] = {"reverse_proxy.dialin",
						  "reverse_proxy.web_fqdn"};
	const fedns_deployment *dep = c->dep;
	char show[FEDNS_VSHOW_BUF], path[FEDNS_VPATH_BUF];
	size_t p, k;

	for (p = 0; p < dep->pools.n; p++) {
		fedns__vshow(FEDNS_POOL(dep, p)->name, show);
		for (k = 0; k < 3; k++)
			FEDNS_VTRY(check_fixed(c, FEDNS_AT_POOL, p, show,
					       fedns__vpath(path, "edge_pools", p, fqdn_keys[k]),
					       FEDNS_POOL(dep, p)->edges[k].fqdn));
	}
	for (k = 0; dep->proxy && k < 2; k++)
		FEDNS_VTRY(check_fixed(c, FEDNS_AT_REVERSE_PROXY, 0, "reverse_proxy",
				       proxy_paths[k], dep->proxy->fqdn[k]));
	return FEDNS_OK;
}
