/* Integer settings of the model objects, described as data: one table says
 * which object holds each option, where, and which values it takes. */
#include <stddef.h>

#include "model.h"

enum owner { ON_DEPLOYMENT, ON_DOMAIN, ON_POOL, ON_XMPP, ON_PUBLIC, ON_HOSTING, ON_PROXY };

struct option_spec {
	int option;
	const char *name;
	enum owner owner;
	size_t offset; /* of an int field; FEDNS_OPT_TTL is the only int64_t */
	int min, max;
	const char *kind; /* what the values mean, for messages */
};

#define DEP(f) ON_DEPLOYMENT, offsetof(struct fedns_deployment, f)
#define DOM(f) ON_DOMAIN, offsetof(struct fedns_sip_domain, f)
#define POOL(f) ON_POOL, offsetof(struct fedns_edge_pool, f)
#define XMPP(f) ON_XMPP, offsetof(struct fedns_xmpp_partner, f)
#define BOOL 0, 1, "0 or 1"
#define NEGOTIATION 0, 2, "a fedns_negotiation"

static const struct option_spec options[] = {
	{FEDNS_OPT_TTL, "FEDNS_OPT_TTL", DEP(ttl), 0, 0, "any integer"},
	{FEDNS_OPT_SERVER, "FEDNS_OPT_SERVER", DEP(server), 0, 3, "a fedns_server"},
	{FEDNS_OPT_ALLOW_FEDERATED_USERS, "FEDNS_OPT_ALLOW_FEDERATED_USERS",
	 DEP(allow_federated_users), BOOL},
	{FEDNS_OPT_PARTNER_DISCOVERY, "FEDNS_OPT_PARTNER_DISCOVERY", DEP(partner_discovery), BOOL},
	{FEDNS_OPT_DISCOVERABLE, "FEDNS_OPT_DISCOVERABLE", DEP(discoverable), -1, 1,
	 "-1 (follow partner discovery), 0 or 1"},
	{FEDNS_OPT_PUSH_NOTIFICATIONS, "FEDNS_OPT_PUSH_NOTIFICATIONS", DEP(push_notifications),
	 BOOL},
	{FEDNS_OPT_PUBLIC_IM, "FEDNS_OPT_PUBLIC_IM", DEP(public_im), BOOL},
	{FEDNS_OPT_EXTERNAL_ACCESS, "FEDNS_OPT_EXTERNAL_ACCESS", DEP(external_access), BOOL},
	{FEDNS_OPT_DOMAIN_USERS, "FEDNS_OPT_DOMAIN_USERS", DOM(users), BOOL},
	{FEDNS_OPT_DOMAIN_MOBILITY, "FEDNS_OPT_DOMAIN_MOBILITY", DOM(mobility), BOOL},
	{FEDNS_OPT_DOMAIN_XMPP, "FEDNS_OPT_DOMAIN_XMPP", DOM(xmpp), BOOL},
	{FEDNS_OPT_DOMAIN_HOSTING, "FEDNS_OPT_DOMAIN_HOSTING", DOM(hosting), 0, 1,
	 "a fedns_hosting"},
	{FEDNS_OPT_POOL_FEDERATION_ROUTE, "FEDNS_OPT_POOL_FEDERATION_ROUTE",
	 POOL(federation_route), BOOL},
	{FEDNS_OPT_POOL_XMPP_PROXY, "FEDNS_OPT_POOL_XMPP_PROXY", POOL(xmpp_proxy), BOOL},
	{FEDNS_OPT_POOL_LOAD_BALANCING, "FEDNS_OPT_POOL_LOAD_BALANCING", POOL(load_balancing), 0,
	 2, "a fedns_load_balancing"},
	{FEDNS_OPT_XMPP_TYPE, "FEDNS_OPT_XMPP_TYPE", XMPP(type), 0, 2, "a fedns_xmpp_type"},
	{FEDNS_OPT_XMPP_TLS, "FEDNS_OPT_XMPP_TLS", XMPP(tls), NEGOTIATION},
	{FEDNS_OPT_XMPP_SASL, "FEDNS_OPT_XMPP_SASL", XMPP(sasl), NEGOTIATION},
	{FEDNS_OPT_XMPP_DIALBACK, "FEDNS_OPT_XMPP_DIALBACK", XMPP(dialback), BOOL},
	{FEDNS_OPT_PROVIDER_ENABLED, "FEDNS_OPT_PROVIDER_ENABLED", ON_PUBLIC,
	 offsetof(struct fedns_public_provider, enabled), BOOL},
	{FEDNS_OPT_PROVIDER_ENABLED, "FEDNS_OPT_PROVIDER_ENABLED", ON_HOSTING,
	 offsetof(struct fedns_hosting_provider, enabled), BOOL},
	{FEDNS_OPT_PROVIDER_VERIFICATION, "FEDNS_OPT_PROVIDER_VERIFICATION", ON_HOSTING,
	 offsetof(struct fedns_hosting_provider, verification), 0, 2, "a fedns_verification"},
	{FEDNS_OPT_PROXY_LYNCDISCOVER, "FEDNS_OPT_PROXY_LYNCDISCOVER", ON_PROXY,
	 offsetof(struct fedns_reverse_proxy, lyncdiscover), BOOL},
	{FEDNS_OPT_PROXY_MEET, "FEDNS_OPT_PROXY_MEET", ON_PROXY,
	 offsetof(struct fedns_reverse_proxy, meet), BOOL},
};

static const char *const owner_names[] = {
	"a deployment", "a SIP domain", "an edge pool", "an XMPP partner",
	"a public IM provider", "a hosting provider", "a reverse proxy",
};

static const char *const setter_names[] = {
	"fedns_deployment_set", "fedns_sip_domain_set", "fedns_edge_pool_set",
	"fedns_xmpp_partner_set", "fedns_public_provider_set", "fedns_hosting_provider_set",
	"fedns_reverse_proxy_set",
};

static const struct option_spec *find(int option, enum owner owner)
{
	size_t i;

	for (i = 0; i < sizeof(options) / sizeof(options[0]); i++)
		if (options[i].option == option && options[i].owner == owner)
			return &options[i];
	return NULL;
}

static fedns_status set(fedns_deployment *dep, void *obj, enum owner owner, int option,
			int64_t value)
{
	const struct option_spec *o;

	fedns_clear_error(dep);
	o = find(option, owner);
	if (!o)
		return fedns_fail(dep, FEDNS_EINVAL, "%s: option %d is not an option of %s",
				  setter_names[owner], option, owner_names[owner]);
	if (option == FEDNS_OPT_TTL) {
		/* Kept as given: validation reports a TTL out of range (V14). */
		((fedns_deployment *)obj)->ttl = value;
		return FEDNS_OK;
	}
	if (value < o->min || value > o->max)
		return fedns_fail(dep, FEDNS_EINVAL, "%s: %s takes %s, not %lld", setter_names[owner],
				  o->name, o->kind, (long long)value);
	*(int *)(void *)((char *)obj + o->offset) = (int)value;
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_deployment_set(fedns_deployment *dep, int option, int64_t value)
{
	if (!dep)
		return FEDNS_EINVAL;
	return set(dep, dep, ON_DEPLOYMENT, option, value);
}

FEDNS_API fedns_status fedns_deployment_get(const fedns_deployment *dep, int option,
					    int64_t *value)
{
	const struct option_spec *o;

	if (!dep || !value)
		return FEDNS_EINVAL;
	o = find(option, ON_DEPLOYMENT);
	if (!o)
		return FEDNS_EINVAL;
	if (option == FEDNS_OPT_TTL)
		*value = dep->ttl;
	else
		*value = *(const int *)(const void *)((const char *)dep + o->offset);
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_sip_domain_set(fedns_sip_domain *domain, int option, int64_t value)
{
	if (!domain)
		return FEDNS_EINVAL;
	return set(domain->dep, domain, ON_DOMAIN, option, value);
}

FEDNS_API fedns_status fedns_edge_pool_set(fedns_edge_pool *pool, int option, int64_t value)
{
	if (!pool)
		return FEDNS_EINVAL;
	return set(pool->dep, pool, ON_POOL, option, value);
}

FEDNS_API fedns_status fedns_xmpp_partner_set(fedns_xmpp_partner *partner, int option,
					      int64_t value)
{
	if (!partner)
		return FEDNS_EINVAL;
	return set(partner->dep, partner, ON_XMPP, option, value);
}

FEDNS_API fedns_status fedns_public_provider_set(fedns_public_provider *provider, int option,
						 int64_t value)
{
	if (!provider)
		return FEDNS_EINVAL;
	return set(provider->dep, provider, ON_PUBLIC, option, value);
}

FEDNS_API fedns_status fedns_hosting_provider_set(fedns_hosting_provider *provider, int option,
						  int64_t value)
{
	if (!provider)
		return FEDNS_EINVAL;
	return set(provider->dep, provider, ON_HOSTING, option, value);
}

FEDNS_API fedns_status fedns_reverse_proxy_set(fedns_reverse_proxy *proxy, int option,
					       int64_t value)
{
	if (!proxy)
		return FEDNS_EINVAL;
	return set(proxy->dep, proxy, ON_PROXY, option, value);
}
