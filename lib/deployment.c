/* The deployment model (SPEC 1): construction, setters, destruction. */
#include "model.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "list.h"

fedns_status fedns_fail(fedns_deployment *dep, fedns_status status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dep->error, sizeof(dep->error), fmt, ap);
	va_end(ap);
	return status;
}

void fedns_clear_error(fedns_deployment *dep)
{
	dep->error[0] = '\0';
}

int fedns_model_discoverable(const fedns_deployment *dep)
{
	return dep->discoverable < 0 ? dep->partner_discovery : dep->discoverable;
}

FEDNS_API fedns_status fedns_deployment_new(fedns_deployment **out)
{
	return fedns_deployment_new_with_allocator(NULL, NULL, NULL, NULL, out);
}

FEDNS_API fedns_status fedns_deployment_new_with_allocator(fedns_malloc_fn malloc_fn,
							   fedns_realloc_fn realloc_fn,
							   fedns_free_fn free_fn, void *ud,
							   fedns_deployment **out)
{
	struct fedns_alloc alloc;
	fedns_deployment *dep;

	if (!out || fedns_alloc_init(&alloc, malloc_fn, realloc_fn, free_fn, ud))
		return FEDNS_EINVAL;
	*out = NULL;
	dep = fedns_alloc_malloc(&alloc, sizeof(*dep));
	if (!dep)
		return FEDNS_ENOMEM;
	memset(dep, 0, sizeof(*dep));
	dep->alloc = alloc;
	dep->ttl = 3600;
	dep->server = FEDNS_SERVER_LYNC2013;
	dep->discoverable = -1;
	dep->external_access = 1;
	*out = dep;
	return FEDNS_OK;
}

/* A domain's name lives in its block (sip_domain.c). */
static void free_domain(const struct fedns_alloc *a, struct fedns_sip_domain *d)
{
	fedns_alloc_free(a, d->edge_pool);
	fedns_alloc_free(a, d);
}

static void free_pool(const struct fedns_alloc *a, struct fedns_edge_pool *p)
{
	size_t i;

	for (i = 0; i < 3; i++) {
		fedns_alloc_free(a, p->edges[i].fqdn);
		fedns_strlist_clear(a, &p->edges[i].addresses);
	}
	fedns_alloc_free(a, p->name);
	fedns_alloc_free(a, p->access_host);
	fedns_alloc_free(a, p->xmpp_host);
	fedns_alloc_free(a, p);
}

static void free_xmpp_partner(const struct fedns_alloc *a, struct fedns_xmpp_partner *x)
{
	fedns_alloc_free(a, x->domain);
	fedns_strlist_clear(a, &x->additional);
	fedns_alloc_free(a, x->proxy_fqdn);
	fedns_alloc_free(a, x);
}

static void free_public_provider(const struct fedns_alloc *a, struct fedns_public_provider *p)
{
	fedns_alloc_free(a, p->name);
	fedns_alloc_free(a, p->proxy_fqdn);
	fedns_strlist_clear(a, &p->domains);
	fedns_alloc_free(a, p);
}

static void free_hosting_provider(const struct fedns_alloc *a, struct fedns_hosting_provider *h)
{
	fedns_alloc_free(a, h->name);
	fedns_alloc_free(a, h->proxy_fqdn);
	fedns_alloc_free(a, h);
}

#define FREE_CHILDREN(a, list, fn)                   \
	do {                                         \
		size_t i_;                           \
		for (i_ = 0; i_ < (list)->n; i_++)   \
			fn(a, (list)->items[i_]);    \
		fedns_alloc_free(a, (list)->items);  \
	} while (0)

FEDNS_API void fedns_deployment_free(fedns_deployment *dep)
{
	struct fedns_alloc a;

	if (!dep)
		return;
	a = dep->alloc;
	FREE_CHILDREN(&a, &dep->domains, free_domain);
	FREE_CHILDREN(&a, &dep->pools, free_pool);
	FREE_CHILDREN(&a, &dep->xmpp_partners, free_xmpp_partner);
	FREE_CHILDREN(&a, &dep->public_providers, free_public_provider);
	FREE_CHILDREN(&a, &dep->hosting_providers, free_hosting_provider);
	fedns_entrylist_clear(&a, &dep->allowed);
	fedns_entrylist_clear(&a, &dep->blocked);
	fedns_reverse_proxy_free(&a, dep->proxy);
	fedns_alloc_free(&a, dep);
}

FEDNS_API const char *fedns_deployment_last_error(const fedns_deployment *dep)
{
	return dep ? dep->error : "";
}

fedns_status fedns_set_string(fedns_deployment *dep, char **slot, const char *value)
{
	char *copy = NULL;

	if (value) {
		copy = fedns_alloc_strdup(&dep->alloc, value);
		if (!copy)
			return fedns_fail(dep, FEDNS_ENOMEM, "out of memory");
	}
	fedns_alloc_free(&dep->alloc, *slot);
	*slot = copy;
	return FEDNS_OK;
}

void *fedns_add_child(fedns_deployment *dep, struct fedns_ptrlist *list, size_t size)
{
	void *child = fedns_alloc_malloc(&dep->alloc, size);

	if (!child)
		return NULL;
	memset(child, 0, size);
	if (fedns_ptrlist_push(&dep->alloc, list, child)) {
		fedns_alloc_free(&dep->alloc, child);
		return NULL;
	}
	return child;
}
