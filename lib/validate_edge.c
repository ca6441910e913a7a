/* Edge pools: which pool serves each SIP domain (V3, V4), their addresses
 * (V5, V18), the SRV target they give a domain (V10) and load balancing
 * (V17). */
#include "address.h"
#include "validate_rules.h"

/* Document keys of the roles (by fedns_edge_role) and load balancing modes
 * (by fedns_load_balancing): messages name values the way documents do. */
static const char *const role_keys[] = {"access_edge", "webconf_edge", "av_edge"};
static const char *const address_keys[] = {
	".access_edge.addresses", ".webconf_edge.addresses", ".av_edge.addresses"};
static const char *const lb_keys[] = {"single", "dns", "hardware"};

/* An edge pool supports at most 12 Edge Servers. */
#define POOL_MEMBERS_MAX 12

static const char *pool_name(const struct fedns_vctx *c, size_t i, char *show)
{
	return fedns__vshow(FEDNS_POOL(c->dep, i)->name, show);
}

/* ---- V3 ---------------------------------------------------------------- */

static fedns_status check_domain_pool(struct fedns_vctx *c, size_t i)
{
	const fedns_deployment *dep = c->dep;
	const struct fedns_sip_domain *d = FEDNS_DOMAIN(dep, i);
	char show[FEDNS_VSHOW_BUF], pool[FEDNS_VSHOW_BUF];
	const char *subject;

	if (c->served_by[i] != FEDNS_VNONE)
		return FEDNS_OK;
	subject = fedns__vsubject(c->domains.items[i].folded, d->name, show);
	if (d->edge_pool)
		return fedns_diagnostics_add(c->out, 3, FEDNS_SEVERITY_ERROR, FEDNS_AT_DOMAIN, i,
					     subject, FEDNS_M_V3_UNKNOWN_POOL, subject,
					     fedns__vshow(d->edge_pool, pool));
	/* With no pool at all the deployment-level V3 says it once; a domain
	 * without users needs no pool, as it gets no record. */
	if (dep->pools.n < 2 || !fedns__vusers(c, i) || fedns__vonline(c, i))
		return FEDNS_OK;
	return fedns_diagnostics_add(c->out, 3, FEDNS_SEVERITY_ERROR, FEDNS_AT_DOMAIN, i, subject,
				     FEDNS_M_V3_NO_DEFAULT, subject, dep->pools.n);
}

/* SPEC 3: a deployment whose every domain with users is online needs no
 * pool; one with no such domain at all still gets told it has none. */
static int needs_pool(const struct fedns_vctx *c)
{
	size_t i, users = 0;

	for (i = 0; i < c->dep->domains.n; i++) {
		if (!fedns__vusers(c, i))
			continue;
		if (!fedns__vonline(c, i))
			return 1;
		users++;
	}
	return users == 0;
}

fedns_status fedns__v3_pools(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	char show[FEDNS_VSHOW_BUF];
	size_t i;

	if (dep->pools.n == 0 && needs_pool(c))
		FEDNS_VTRY(fedns_diagnostics_add(c->out, 3, FEDNS_SEVERITY_ERROR, FEDNS_AT_DEPLOYMENT,
						 0, "deployment", FEDNS_M_V3_NO_POOL));
	for (i = 0; i < dep->pools.n; i++) {
		if (FEDNS_POOL(dep, i)->edges[FEDNS_EDGE_ACCESS].addresses.n)
			continue;
		pool_name(c, i, show);
		FEDNS_VTRY(fedns_diagnostics_add(c->out, 3, FEDNS_SEVERITY_ERROR, FEDNS_AT_POOL, i,
						 show, FEDNS_M_V3_NO_ADDRESS, show));
	}
	for (i = 0; i < dep->domains.n; i++)
		FEDNS_VTRY(check_domain_pool(c, i));
	return FEDNS_OK;
}

/* ---- V4 ---------------------------------------------------------------- */

/* The first pool with a flag is the one the model uses (SPEC 1); each
 * later one is reported against it. */
fedns_status fedns__v4_unique_roles(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	char show[FEDNS_VSHOW_BUF], first[FEDNS_VSHOW_BUF];
	size_t i;

	for (i = 0; i < dep->pools.n; i++) {
		const struct fedns_edge_pool *p = FEDNS_POOL(dep, i);

		pool_name(c, i, show);
		if (p->federation_route && i != c->route)
			FEDNS_VTRY(fedns_diagnostics_add(c->out, 4, FEDNS_SEVERITY_ERROR,
							 FEDNS_AT_POOL, i, show, FEDNS_M_V4_ROUTE,
							 show, pool_name(c, c->route, first)));
		if (p->xmpp_proxy && i != c->xmpp_pool)
			FEDNS_VTRY(fedns_diagnostics_add(c->out, 4, FEDNS_SEVERITY_ERROR,
							 FEDNS_AT_POOL, i, show, FEDNS_M_V4_XMPP,
							 show, pool_name(c, c->xmpp_pool, first)));
	}
	return FEDNS_OK;
}

/* ---- V5 ---------------------------------------------------------------- */

/* address.c's reason quotes the address and says what is wrong with it. */
static fedns_status bad_address(struct fedns_vctx *c, int section, size_t i, const char *pool,
				const char *path, const char *given)
{
	char en[FEDNS_VWHY_BUF], zh[FEDNS_VWHY_BUF];
	struct fedns_address a;

	fedns_address_parse(given, &a, en, sizeof en);
	fedns_address_error_text_zh(given, zh, sizeof zh);
	return fedns_diagnostics_add(c->out, 5, FEDNS_SEVERITY_ERROR, section, i, pool,
				     FEDNS_M_V5_INVALID, path, en, zh);
}

/* Address `j` of role `r` of pool `i`. */
static fedns_status check_address(struct fedns_vctx *c, size_t i, int r, size_t j)
{
	const struct fedns_edge_pool *p = FEDNS_POOL(c->dep, i);
	const char *given = p->edges[r].addresses.items[j];
	char pool[FEDNS_VSHOW_BUF], show[FEDNS_VSHOW_BUF], path[FEDNS_VPATH_BUF];
	struct fedns_address a;

	pool_name(c, i, pool);
	fedns__vpath(path, "edge_pools", i, address_keys[r]);
	fedns__vpath(path, path, j, "");
	if (!fedns_address_parse(given, &a, NULL, 0))
		return bad_address(c, FEDNS_AT_POOL, i, pool, path, given);
	if (fedns_address_is_public(&a))
		return FEDNS_OK;
	fedns__vshow(given, show);
	/* A hardware load balancer's VIP is reached without NAT (SPEC 3). */
	if (p->load_balancing == FEDNS_LB_HARDWARE)
		return fedns_diagnostics_add(c->out, 5, FEDNS_SEVERITY_ERROR, FEDNS_AT_POOL, i,
					     pool, FEDNS_M_V5_HARDWARE, pool, path, show);
	return fedns_diagnostics_add(c->out, 5, FEDNS_SEVERITY_WARNING, FEDNS_AT_POOL, i, pool,
				     FEDNS_M_V5_PRIVATE, path, show);
}

/* The reverse proxy sits behind NAT like any non-hardware pool: a private
 * address is a warning. */
static fedns_status check_proxy_address(struct fedns_vctx *c, size_t j)
{
	const char *given = c->dep->proxy->addresses.items[j];
	char show[FEDNS_VSHOW_BUF], path[FEDNS_VPATH_BUF];
	struct fedns_address a;

	fedns__vpath(path, "reverse_proxy.addresses", j, "");
	if (!fedns_address_parse(given, &a, NULL, 0))
		return bad_address(c, FEDNS_AT_REVERSE_PROXY, 0, "reverse_proxy", path, given);
	if (fedns_address_is_public(&a))
		return FEDNS_OK;
	return fedns_diagnostics_add(c->out, 5, FEDNS_SEVERITY_WARNING, FEDNS_AT_REVERSE_PROXY, 0,
				     "reverse_proxy", FEDNS_M_V5_PRIVATE, path,
				     fedns__vshow(given, show));
}

fedns_status fedns__v5_addresses(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t i, j;
	int r;

	for (i = 0; i < dep->pools.n; i++)
		for (r = FEDNS_EDGE_ACCESS; r <= FEDNS_EDGE_AV; r++)
			for (j = 0; j < FEDNS_POOL(dep, i)->edges[r].addresses.n; j++)
				FEDNS_VTRY(check_address(c, i, r, j));
	for (j = 0; dep->proxy && j < dep->proxy->addresses.n; j++)
		FEDNS_VTRY(check_proxy_address(c, j));
	return FEDNS_OK;
}

/* ---- V10 --------------------------------------------------------------- */

static fedns_status check_target(struct fedns_vctx *c, size_t i)
{
	const fedns_deployment *dep = c->dep;
	size_t p = c->served_by[i];
	const char *d, *target;
	char pool[FEDNS_VSHOW_BUF];

	/* Only an access edge FQDN can leave the domain: `<host>.d` is in it. */
	if (p == FEDNS_VNONE || !FEDNS_POOL(dep, p)->edges[FEDNS_EDGE_ACCESS].fqdn)
		return FEDNS_OK;
	d = c->domains.items[i].folded;
	target = c->pools[p].access_fqdn;
	if (!d || !target || fedns_name_within(target, d))
		return FEDNS_OK;
	return fedns_diagnostics_add(c->out, 10, FEDNS_SEVERITY_ERROR, FEDNS_AT_DOMAIN, i, d,
				     FEDNS_M_V10, d, target, pool_name(c, p, pool), d);
}

/* Only the SRVs of R2-R4 are checked: R5 and R9 targets are exempt. */
fedns_status fedns__v10_srv_target(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t i;

	for (i = 0; i < dep->domains.n; i++) {
		if (!fedns__vusers(c, i) || fedns__vonline(c, i))
			continue;
		if (dep->external_access || fedns__vfederation_srv(c, i))
			FEDNS_VTRY(check_target(c, i));
	}
	return FEDNS_OK;
}

/* ---- V17 --------------------------------------------------------------- */

fedns_status fedns__v17_dns_pool_failover(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	char show[FEDNS_VSHOW_BUF];
	size_t i;

	for (i = 0; i < dep->pools.n; i++) {
		const struct fedns_edge_pool *p = FEDNS_POOL(dep, i);

		if (p->load_balancing != FEDNS_LB_DNS)
			continue;
		pool_name(c, i, show);
		if (dep->public_im)
			FEDNS_VTRY(fedns_diagnostics_add(c->out, 17, FEDNS_SEVERITY_WARNING,
							 FEDNS_AT_POOL, i, show,
							 FEDNS_M_V17_PUBLIC_IM, show));
		if (p->xmpp_proxy)
			FEDNS_VTRY(fedns_diagnostics_add(c->out, 17, FEDNS_SEVERITY_WARNING,
							 FEDNS_AT_POOL, i, show, FEDNS_M_V17_XMPP,
							 show));
	}
	return FEDNS_OK;
}

/* ---- V18 --------------------------------------------------------------- */

/* Valid addresses of each role by family (0: IPv4, 1: IPv6); V5 reports
 * the others. */
struct counts {
	size_t n[3][2];
};

static void count_addresses(const struct fedns_edge_pool *p, struct counts *k)
{
	struct fedns_address a;
	size_t j;
	int r;

	for (r = FEDNS_EDGE_ACCESS; r <= FEDNS_EDGE_AV; r++) {
		k->n[r][0] = k->n[r][1] = 0;
		for (j = 0; j < p->edges[r].addresses.n; j++)
			if (fedns_address_parse(p->edges[r].addresses.items[j], &a, NULL, 0))
				k->n[r][a.family == 6]++;
	}
}

static const char *family_name(int f)
{
	return f ? "IPv6" : "IPv4";
}

/* A DNS-load-balanced pool publishes one address per member and role. */
static fedns_status check_dns_pool(struct fedns_vctx *c, size_t i, const struct counts *k,
				   const char *pool)
{
	const struct fedns_edge_pool *p = FEDNS_POOL(c->dep, i);
	int r, f;

	for (f = 0; f < 2; f++)
		if (k->n[FEDNS_EDGE_ACCESS][f] > POOL_MEMBERS_MAX)
			FEDNS_VTRY(fedns_diagnostics_add(c->out, 18, FEDNS_SEVERITY_WARNING,
							 FEDNS_AT_POOL, i, pool,
							 FEDNS_M_V18_TOO_MANY, pool,
							 k->n[FEDNS_EDGE_ACCESS][f],
							 family_name(f)));
	for (r = FEDNS_EDGE_WEBCONF; r <= FEDNS_EDGE_AV; r++) {
		if (!p->edges[r].fqdn && !p->edges[r].addresses.n)
			continue; /* the role is not deployed */
		for (f = 0; f < 2; f++)
			if (k->n[r][f] != k->n[FEDNS_EDGE_ACCESS][f])
				FEDNS_VTRY(fedns_diagnostics_add(
					c->out, 18, FEDNS_SEVERITY_WARNING, FEDNS_AT_POOL, i, pool,
					FEDNS_M_V18_MISMATCH, pool, k->n[r][f], role_keys[r],
					family_name(f), k->n[FEDNS_EDGE_ACCESS][f]));
	}
	return FEDNS_OK;
}

/* A single server or a load balancer's VIP: one address of each family. */
static fedns_status check_one_address(struct fedns_vctx *c, size_t i, const struct counts *k,
				      const char *pool)
{
	int lb = FEDNS_POOL(c->dep, i)->load_balancing;
	int r, f;

	for (r = FEDNS_EDGE_ACCESS; r <= FEDNS_EDGE_AV; r++)
		for (f = 0; f < 2; f++)
			if (k->n[r][f] > 1)
				FEDNS_VTRY(fedns_diagnostics_add(
					c->out, 18, FEDNS_SEVERITY_WARNING, FEDNS_AT_POOL, i, pool,
					FEDNS_M_V18_ONE, pool, lb_keys[lb], k->n[r][f],
					role_keys[r], family_name(f)));
	return FEDNS_OK;
}

fedns_status fedns__v18_address_counts(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	char pool[FEDNS_VSHOW_BUF];
	struct counts k;
	size_t i;

	for (i = 0; i < dep->pools.n; i++) {
		const struct fedns_edge_pool *p = FEDNS_POOL(dep, i);

		count_addresses(p, &k);
		pool_name(c, i, pool);
		if (p->load_balancing == FEDNS_LB_DNS)
			FEDNS_VTRY(check_dns_pool(c, i, &k, pool));
		else
			FEDNS_VTRY(check_one_address(c, i, &k, pool));
	}
	return FEDNS_OK;
}
