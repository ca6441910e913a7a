/* The reverse proxy of the model: lyncdiscover and the simple URLs. */
#include <string.h>

#include "list.h"
#include "model.h"

FEDNS_API fedns_status fedns_deployment_add_reverse_proxy(fedns_deployment *dep,
							  fedns_reverse_proxy **out)
{
	struct fedns_reverse_proxy *rp;

	if (!dep)
		return FEDNS_EINVAL;
	fedns_clear_error(dep);
	if (dep->proxy)
		return fedns_fail(dep, FEDNS_EINVAL,
				  "fedns_deployment_add_reverse_proxy: the deployment already has "
				  "a reverse proxy");
	rp = fedns_alloc_malloc(&dep->alloc, sizeof(*rp));
	if (!rp)
		return fedns_fail(dep, FEDNS_ENOMEM, "out of memory");
	memset(rp, 0, sizeof(*rp));
	rp->dep = dep;
	rp->lyncdiscover = 1;
	rp->meet = 1;
	dep->proxy = rp;
	if (out)
		*out = rp;
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_reverse_proxy_add_address(fedns_reverse_proxy *proxy,
						       const char *address)
{
	if (!proxy)
		return FEDNS_EINVAL;
	fedns_clear_error(proxy->dep);
	if (!address)
		return fedns_fail(proxy->dep, FEDNS_EINVAL,
				  "fedns_reverse_proxy_add_address: address is NULL");
	if (fedns_strlist_push(&proxy->dep->alloc, &proxy->addresses, address))
		return fedns_fail(proxy->dep, FEDNS_ENOMEM, "out of memory");
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_reverse_proxy_set_fqdn(fedns_reverse_proxy *proxy, int name,
						    const char *fqdn)
{
	if (!proxy)
		return FEDNS_EINVAL;
	fedns_clear_error(proxy->dep);
	if (name != FEDNS_PROXY_DIALIN && name != FEDNS_PROXY_WEB)
		return fedns_fail(proxy->dep, FEDNS_EINVAL,
				  "fedns_reverse_proxy_set_fqdn: name %d is not a fedns_proxy_name "
				  "(0..1)", name);
	return fedns_set_string(proxy->dep, &proxy->fqdn[name], fqdn);
}

void fedns_reverse_proxy_free(const struct fedns_alloc *a, struct fedns_reverse_proxy *rp)
{
	if (!rp)
		return;
	fedns_strlist_clear(a, &rp->addresses);
	fedns_alloc_free(a, rp->fqdn[0]);
	fedns_alloc_free(a, rp->fqdn[1]);
	fedns_alloc_free(a, rp);
}
