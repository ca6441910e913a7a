/* Allowed and blocked federation domains. */
#include "model.h"

#include "list.h"

static fedns_status add_entry(fedns_deployment *dep, struct fedns_entry_list *list,
			      const char *fn, const char *domain, const char *proxy_fqdn,
			      const char *comment)
{
	const struct fedns_alloc *a = &dep->alloc;
	struct fedns_entry e = {NULL, NULL, NULL};

	fedns_clear_error(dep);
	if (!domain)
		return fedns_fail(dep, FEDNS_EINVAL, "%s: domain is NULL", fn);
	e.domain = fedns_alloc_strdup(a, domain);
	e.proxy_fqdn = fedns_alloc_strdup(a, proxy_fqdn);
	e.comment = fedns_alloc_strdup(a, comment);
	if (!e.domain || (proxy_fqdn && !e.proxy_fqdn) || (comment && !e.comment) ||
	    fedns_entrylist_push(a, list, &e)) {
		fedns_alloc_free(a, e.domain);
		fedns_alloc_free(a, e.proxy_fqdn);
		fedns_alloc_free(a, e.comment);
		return fedns_fail(dep, FEDNS_ENOMEM, "out of memory");
	}
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_deployment_add_allowed_domain(fedns_deployment *dep,
							   const char *domain,
							   const char *proxy_fqdn,
							   const char *comment)
{
	if (!dep)
		return FEDNS_EINVAL;
	return add_entry(dep, &dep->allowed, "fedns_deployment_add_allowed_domain", domain,
			 proxy_fqdn, comment);
}

FEDNS_API fedns_status fedns_deployment_add_blocked_domain(fedns_deployment *dep,
							   const char *domain,
							   const char *comment)
{
	if (!dep)
		return FEDNS_EINVAL;
	return add_entry(dep, &dep->blocked, "fedns_deployment_add_blocked_domain", domain, NULL,
			 comment);
}
