/* Edge pools of the model: access, web conferencing and A/V interfaces. */
#include <string.h>

#include "model.h"

#include "list.h"

static const char *const role_names[] = {"access edge", "webconf edge", "A/V edge"};

FEDNS_API fedns_status fedns_deployment_add_edge_pool(fedns_deployment *dep, const char *name,
						      fedns_edge_pool **out)
{
	struct fedns_edge_pool *p;
	char *copy;

	if (!dep)
		return FEDNS_EINVAL;
	fedns_clear_error(dep);
	if (!name)
		return fedns_fail(dep, FEDNS_EINVAL, "fedns_deployment_add_edge_pool: name is NULL");
	copy = fedns_alloc_strdup(&dep->alloc, name);
	if (!copy)
		return fedns_fail(dep, FEDNS_ENOMEM, "out of memory");
	p = fedns_add_child(dep, &dep->pools, sizeof(*p));
	if (!p) {
		fedns_alloc_free(&dep->alloc, copy);
		return fedns_fail(dep, FEDNS_ENOMEM, "out of memory");
	}
	p->dep = dep;
	p->index = dep->pools.n - 1;
	p->name = copy;
	p->load_balancing = FEDNS_LB_SINGLE;
	if (out)
		*out = p;
	return FEDNS_OK;
}

static fedns_status check_role(fedns_edge_pool *pool, int role, const char *fn)
{
	if (role < FEDNS_EDGE_ACCESS || role > FEDNS_EDGE_AV)
		return fedns_fail(pool->dep, FEDNS_EINVAL,
				  "%s: role %d is not a fedns_edge_role (0..2)", fn, role);
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_edge_pool_set_access_edge_host(fedns_edge_pool *pool,
							    const char *label)
{
	struct fedns_edge_interface *access;
	fedns_status st;

	if (!pool)
		return FEDNS_EINVAL;
	fedns_clear_error(pool->dep);
	if (!label)
		return fedns_fail(pool->dep, FEDNS_EINVAL,
				  "fedns_edge_pool_set_access_edge_host: label is NULL");
	st = fedns_set_string(pool->dep, &pool->access_host, label);
	if (st)
		return st;
	access = &pool->edges[FEDNS_EDGE_ACCESS];
	fedns_alloc_free(&pool->dep->alloc, access->fqdn);
	access->fqdn = NULL;
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_edge_pool_set_fqdn(fedns_edge_pool *pool, int role,
						const char *fqdn)
{
	fedns_status st;

	if (!pool)
		return FEDNS_EINVAL;
	fedns_clear_error(pool->dep);
	st = check_role(pool, role, "fedns_edge_pool_set_fqdn");
	if (st)
		return st;
	if (!fqdn)
		return fedns_fail(pool->dep, FEDNS_EINVAL,
				  "fedns_edge_pool_set_fqdn: the %s FQDN is NULL", role_names[role]);
	return fedns_set_string(pool->dep, &pool->edges[role].fqdn, fqdn);
}

FEDNS_API fedns_status fedns_edge_pool_add_address(fedns_edge_pool *pool, int role,
						   const char *address)
{
	fedns_status st;

	if (!pool)
		return FEDNS_EINVAL;
	fedns_clear_error(pool->dep);
	st = check_role(pool, role, "fedns_edge_pool_add_address");
	if (st)
		return st;
	if (!address)
		return fedns_fail(pool->dep, FEDNS_EINVAL,
				  "fedns_edge_pool_add_address: the %s address is NULL",
				  role_names[role]);
	if (fedns_strlist_push(&pool->dep->alloc, &pool->edges[role].addresses, address))
		return fedns_fail(pool->dep, FEDNS_ENOMEM, "out of memory");
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_edge_pool_set_xmpp_host(fedns_edge_pool *pool, const char *label)
{
	fedns_status st;

	if (!pool)
		return FEDNS_EINVAL;
	fedns_clear_error(pool->dep);
	if (!label)
		return fedns_fail(pool->dep, FEDNS_EINVAL,
				  "fedns_edge_pool_set_xmpp_host: label is NULL");
	st = fedns_set_string(pool->dep, &pool->xmpp_host, label);
	if (!st)
		pool->xmpp_proxy = 1;
	return st;
}

const char *fedns_pool_access_host(const struct fedns_edge_pool *pool)
{
	return pool->access_host ? pool->access_host : "sip";
}

const char *fedns_pool_xmpp_host(const struct fedns_edge_pool *pool)
{
	return pool->xmpp_host ? pool->xmpp_host : "xmpp";
}

size_t fedns_pool_of(const fedns_deployment *dep, const struct fedns_sip_domain *d)
{
	size_t i;

	for (i = 0; i < dep->pools.n; i++) {
		const struct fedns_edge_pool *p = FEDNS_POOL(dep, i);

		if (d->edge_pool ? strcmp(p->name, d->edge_pool) == 0 : p->federation_route)
			return i;
	}
	return !d->edge_pool && dep->pools.n == 1 ? 0 : FEDNS_NO_POOL;
}
