/* The deployment model of SPEC 1, as the setters leave it: names and
 * addresses are kept exactly as the caller gave them, so that validation can
 * report a bad one (V1, V5) instead of the setter refusing it. */
#ifndef FEDNS_MODEL_H
#define FEDNS_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "fedns/fedns.h"

#define FEDNS_ERROR_MAX 512

struct fedns_strlist {
	char **items;
	size_t n, cap;
};

struct fedns_sip_domain {
	fedns_deployment *dep;
	size_t index;     /* position in the document */
	char *name;
	char *edge_pool;  /* NULL: the default pool of SPEC 1 */
	int users, mobility, xmpp, hosting;
};

struct fedns_edge_interface {
	char *fqdn;       /* NULL: not configured (for ACCESS: use `host`) */
	struct fedns_strlist addresses;
};

struct fedns_edge_pool {
	fedns_deployment *dep;
	size_t index;
	char *name;
	char *access_host; /* used when edges[FEDNS_EDGE_ACCESS].fqdn is NULL;
			    * NULL means "sip" (fedns_pool_access_host) */
	struct fedns_edge_interface edges[3]; /* by fedns_edge_role */
	char *xmpp_host;   /* NULL means "xmpp" (fedns_pool_xmpp_host) */
	int xmpp_proxy, federation_route, load_balancing;
};

/* An allowed or blocked federation domain. */
struct fedns_entry {
	char *domain;
	char *proxy_fqdn;
	char *comment;
};

struct fedns_entry_list {
	struct fedns_entry *items;
	size_t n, cap;
};

struct fedns_xmpp_partner {
	fedns_deployment *dep;
	size_t index;
	char *domain;
	struct fedns_strlist additional;
	char *proxy_fqdn;
	int type, tls, sasl, dialback;
};

struct fedns_public_provider {
	fedns_deployment *dep;
	size_t index;
	char *name, *proxy_fqdn;
	struct fedns_strlist domains;
	int enabled;
};

struct fedns_hosting_provider {
	fedns_deployment *dep;
	size_t index;
	char *name, *proxy_fqdn;
	int enabled, verification;
};

struct fedns_reverse_proxy {
	fedns_deployment *dep;
	struct fedns_strlist addresses;
	char *fqdn[2];    /* by fedns_proxy_name; NULL when absent */
	int lyncdiscover, meet;
};

/* An array of pointers to separately allocated children, so that handles
 * given to the caller stay valid as the array grows. */
struct fedns_ptrlist {
	void **items;
	size_t n, cap;
};

struct fedns_deployment {
	struct fedns_alloc alloc;
	int64_t ttl;
	int server;
	int allow_federated_users, partner_discovery, discoverable; /* -1: follow */
	int push_notifications, public_im, external_access;
	struct fedns_ptrlist domains;       /* fedns_sip_domain */
	struct fedns_ptrlist pools;         /* fedns_edge_pool */
	struct fedns_ptrlist xmpp_partners; /* fedns_xmpp_partner */
	struct fedns_ptrlist public_providers;
	struct fedns_ptrlist hosting_providers;
	struct fedns_entry_list allowed, blocked;
	struct fedns_reverse_proxy *proxy; /* NULL: none */
	char error[FEDNS_ERROR_MAX];
};

#define FEDNS_DOMAIN(dep, i) ((const struct fedns_sip_domain *)(dep)->domains.items[i])
#define FEDNS_POOL(dep, i) ((const struct fedns_edge_pool *)(dep)->pools.items[i])
#define FEDNS_XMPP_PARTNER(dep, i) ((const struct fedns_xmpp_partner *)(dep)->xmpp_partners.items[i])
#define FEDNS_PUBLIC_PROVIDER(dep, i) \
	((const struct fedns_public_provider *)(dep)->public_providers.items[i])
#define FEDNS_HOSTING_PROVIDER(dep, i) \
	((const struct fedns_hosting_provider *)(dep)->hosting_providers.items[i])

/* Records why a call failed and returns `status`; the message is printf-like. */
fedns_status fedns_fail(fedns_deployment *dep, fedns_status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Clears the last error at the start of a public call. */
void fedns_clear_error(fedns_deployment *dep);

/* Replaces the string in `*slot` by a copy of `value` (NULL clears it);
 * `*slot` is unchanged on failure. */
fedns_status fedns_set_string(fedns_deployment *dep, char **slot, const char *value);
/* Allocates a zeroed child object of `size` bytes and appends it to `list`;
 * its `dep` and `index` fields are for the caller to set. NULL on failure. */
void *fedns_add_child(fedns_deployment *dep, struct fedns_ptrlist *list, size_t size);

/* The access edge host label and XMPP proxy host label, defaults applied. */
const char *fedns_pool_access_host(const struct fedns_edge_pool *pool);
const char *fedns_pool_xmpp_host(const struct fedns_edge_pool *pool);
/* The index of the pool that serves `d` (SPEC 1: the pool it names, else the
 * federation route, else the only pool), or FEDNS_NO_POOL. */
#define FEDNS_NO_POOL ((size_t)-1)
size_t fedns_pool_of(const fedns_deployment *dep, const struct fedns_sip_domain *d);

/* Frees a reverse proxy; NULL is allowed. */
void fedns_reverse_proxy_free(const struct fedns_alloc *a, struct fedns_reverse_proxy *rp);

/* Whether partners can find the edge by DNS (SPEC 1 `discoverable`). */
int fedns_model_discoverable(const fedns_deployment *dep);

#endif
