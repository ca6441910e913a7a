/* XMPP partners, public IM providers and hosting providers. */
#include <stddef.h>

#include "list.h"
#include "model.h"

/* Appends a child holding copies of `name` (required) and `proxy` (optional,
 * or required when `proxy_required`), at `*name_slot` and `*proxy_slot`
 * offsets of the child. Returns the child or NULL with the error recorded. */
static void *add_named(fedns_deployment *dep, struct fedns_ptrlist *list, size_t size,
		       size_t name_at, size_t proxy_at, const char *fn, const char *what,
		       const char *name, const char *proxy, int proxy_required)
{
	const struct fedns_alloc *a = &dep->alloc;
	char *name_copy, *proxy_copy;
	char *child;

	fedns_clear_error(dep);
	if (!name || (proxy_required && !proxy)) {
		fedns_fail(dep, FEDNS_EINVAL, "%s: %s is NULL", fn, name ? "proxy_fqdn" : what);
		return NULL;
	}
	name_copy = fedns_alloc_strdup(a, name);
	proxy_copy = fedns_alloc_strdup(a, proxy);
	child = (!name_copy || (proxy && !proxy_copy)) ? NULL : fedns_add_child(dep, list, size);
	if (!child) {
		fedns_alloc_free(a, name_copy);
		fedns_alloc_free(a, proxy_copy);
		fedns_fail(dep, FEDNS_ENOMEM, "out of memory");
		return NULL;
	}
	*(char **)(void *)(child + name_at) = name_copy;
	*(char **)(void *)(child + proxy_at) = proxy_copy;
	return child;
}

#define ADD_NAMED(dep, list, type, namef, fn, what, name, proxy, required)                    \
	add_named(dep, list, sizeof(type), offsetof(type, namef), offsetof(type, proxy_fqdn), \
		  fn, what, name, proxy, required)

FEDNS_API fedns_status fedns_deployment_add_xmpp_partner(fedns_deployment *dep,
							 const char *domain,
							 fedns_xmpp_partner **out)
{
	struct fedns_xmpp_partner *x;

	if (!dep)
		return FEDNS_EINVAL;
	x = ADD_NAMED(dep, &dep->xmpp_partners, struct fedns_xmpp_partner, domain,
		      "fedns_deployment_add_xmpp_partner", "domain", domain, NULL, 0);
	if (!x)
		return domain ? FEDNS_ENOMEM : FEDNS_EINVAL;
	x->dep = dep;
	x->index = dep->xmpp_partners.n - 1;
	x->type = FEDNS_XMPP_PUBLIC_UNVERIFIED;
	x->tls = FEDNS_NEGOTIATION_REQUIRED;
	x->sasl = FEDNS_NEGOTIATION_REQUIRED;
	x->dialback = 1;
	if (out)
		*out = x;
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_xmpp_partner_add_domain(fedns_xmpp_partner *partner,
						     const char *domain)
{
	if (!partner)
		return FEDNS_EINVAL;
	fedns_clear_error(partner->dep);
	if (!domain)
		return fedns_fail(partner->dep, FEDNS_EINVAL,
				  "fedns_xmpp_partner_add_domain: domain is NULL");
	if (fedns_strlist_push(&partner->dep->alloc, &partner->additional, domain))
		return fedns_fail(partner->dep, FEDNS_ENOMEM, "out of memory");
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_xmpp_partner_set_proxy_fqdn(fedns_xmpp_partner *partner,
							 const char *fqdn)
{
	if (!partner)
		return FEDNS_EINVAL;
	fedns_clear_error(partner->dep);
	return fedns_set_string(partner->dep, &partner->proxy_fqdn, fqdn);
}

FEDNS_API fedns_status fedns_deployment_add_public_provider(fedns_deployment *dep,
							    const char *name,
							    const char *proxy_fqdn,
							    fedns_public_provider **out)
{
	struct fedns_public_provider *p;

	if (!dep)
		return FEDNS_EINVAL;
	p = ADD_NAMED(dep, &dep->public_providers, struct fedns_public_provider, name,
		      "fedns_deployment_add_public_provider", "name", name, proxy_fqdn, 1);
	if (!p)
		return name && proxy_fqdn ? FEDNS_ENOMEM : FEDNS_EINVAL;
	p->dep = dep;
	p->index = dep->public_providers.n - 1;
	p->enabled = 1;
	if (out)
		*out = p;
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_public_provider_add_domain(fedns_public_provider *provider,
							const char *domain)
{
	if (!provider)
		return FEDNS_EINVAL;
	fedns_clear_error(provider->dep);
	if (!domain)
		return fedns_fail(provider->dep, FEDNS_EINVAL,
				  "fedns_public_provider_add_domain: domain is NULL");
	if (fedns_strlist_push(&provider->dep->alloc, &provider->domains, domain))
		return fedns_fail(provider->dep, FEDNS_ENOMEM, "out of memory");
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_deployment_add_hosting_provider(fedns_deployment *dep,
							     const char *name,
							     const char *proxy_fqdn,
							     fedns_hosting_provider **out)
{
	struct fedns_hosting_provider *h;

	if (!dep)
		return FEDNS_EINVAL;
	h = ADD_NAMED(dep, &dep->hosting_providers, struct fedns_hosting_provider, name,
		      "fedns_deployment_add_hosting_provider", "name", name, proxy_fqdn, 1);
	if (!h)
		return name && proxy_fqdn ? FEDNS_ENOMEM : FEDNS_EINVAL;
	h->dep = dep;
	h->index = dep->hosting_providers.n - 1;
	h->enabled = 1;
	h->verification = FEDNS_VERIFICATION_ALWAYS_VERIFIABLE;
	if (out)
		*out = h;
	return FEDNS_OK;
}
