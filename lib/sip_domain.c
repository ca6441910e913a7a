/* SIP domains of the model. */
#include <stdint.h>
#include <string.h>

#include "model.h"

FEDNS_API fedns_status fedns_deployment_add_sip_domain(fedns_deployment *dep, const char *name,
						       fedns_sip_domain **out)
{
	struct fedns_sip_domain *d;
	size_t n;

	if (!dep)
		return FEDNS_EINVAL;
	fedns_clear_error(dep);
	if (!name)
		return fedns_fail(dep, FEDNS_EINVAL, "fedns_deployment_add_sip_domain: name is NULL");
	n = strlen(name) + 1;
	/* The name follows the domain in one block: a hosting provider adds
	 * millions, and the name never changes. */
	d = n < SIZE_MAX - sizeof(*d) ? fedns_add_child(dep, &dep->domains, sizeof(*d) + n) : NULL;
	if (!d)
		return fedns_fail(dep, FEDNS_ENOMEM, "out of memory");
	d->dep = dep;
	d->index = dep->domains.n - 1;
	d->name = memcpy(d + 1, name, n);
	d->users = 1;
	if (out)
		*out = d;
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_sip_domain_set_edge_pool(fedns_sip_domain *domain,
						      const char *pool_name)
{
	if (!domain)
		return FEDNS_EINVAL;
	fedns_clear_error(domain->dep);
	return fedns_set_string(domain->dep, &domain->edge_pool, pool_name);
}
