/* The federation policy (Set-CsAccessEdgeConfiguration) and push
 * notifications: what they need (V6, V7), what they make findable (V8,
 * V23) and settings without effect (V12, V13, V16). */
#include <string.h>

#include "validate_rules.h"

#define PUSH_DOMAIN "push.lync.com"
#define PUSH_PROXY "sipfed.online.lync.com"

/* Document values of fedns_verification. */
static const char *const verification_keys[] = {
	"use_source_verification", "always_verifiable", "always_unverifiable"};

static const char *verification_key(int v)
{
	return v >= FEDNS_VERIFICATION_USE_SOURCE && v <= FEDNS_VERIFICATION_ALWAYS_UNVERIFIABLE
		       ? verification_keys[v]
		       : "?";
}

fedns_status fedns__v6_push_needs_federation(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;

	if (!dep->push_notifications || dep->allow_federated_users)
		return FEDNS_OK;
	return fedns_diagnostics_add(c->out, 6, FEDNS_SEVERITY_ERROR, FEDNS_AT_DEPLOYMENT, 0,
				     "deployment", FEDNS_M_V6);
}

/* ---- V7 ---------------------------------------------------------------- */

static int is_push_provider(const struct fedns_hosting_provider *h)
{
	char folded[FEDNS_NAME_BUF];

	return fedns_name_fold(h->proxy_fqdn, folded, NULL) == FEDNS_NAME_OK &&
	       strcmp(folded, PUSH_PROXY) == 0;
}

static fedns_status check_push_provider(struct fedns_vctx *c, size_t i)
{
	const struct fedns_hosting_provider *h = FEDNS_HOSTING_PROVIDER(c->dep, i);
	char show[FEDNS_VSHOW_BUF];

	if (h->verification == FEDNS_VERIFICATION_USE_SOURCE)
		return FEDNS_OK;
	fedns__vshow(h->name, show);
	return fedns_diagnostics_add(c->out, 7, FEDNS_SEVERITY_WARNING, FEDNS_AT_HOSTING_PROVIDER,
				     i, show, FEDNS_M_V7_VERIFICATION, show,
				     verification_key(h->verification));
}

/* The hosting-provider steps of the push setup: an enabled provider for
 * sipfed.online.lync.com, with source verification. A disabled one is
 * named, as enabling it is the fix. */
static fedns_status check_push_providers(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t i, disabled = FEDNS_VNONE;
	int enabled = 0;
	char show[FEDNS_VSHOW_BUF];

	for (i = 0; i < dep->hosting_providers.n; i++) {
		const struct fedns_hosting_provider *h = FEDNS_HOSTING_PROVIDER(dep, i);

		if (!is_push_provider(h))
			continue;
		if (!h->enabled) {
			disabled = disabled == FEDNS_VNONE ? i : disabled;
			continue;
		}
		enabled = 1;
		FEDNS_VTRY(check_push_provider(c, i));
	}
	if (enabled)
		return FEDNS_OK;
	if (disabled == FEDNS_VNONE)
		return fedns_diagnostics_add(c->out, 7, FEDNS_SEVERITY_WARNING, FEDNS_AT_DEPLOYMENT,
					     0, "deployment", FEDNS_M_V7_NO_PROVIDER);
	fedns__vshow(FEDNS_HOSTING_PROVIDER(dep, disabled)->name, show);
	return fedns_diagnostics_add(c->out, 7, FEDNS_SEVERITY_WARNING, FEDNS_AT_HOSTING_PROVIDER,
				     disabled, show, FEDNS_M_V7_DISABLED, show);
}

fedns_status fedns__v7_push_setup(struct fedns_vctx *c)
{
	if (!c->dep->push_notifications)
		return FEDNS_OK;
	if (!fedns__vfind(&c->allowed, PUSH_DOMAIN))
		FEDNS_VTRY(fedns_diagnostics_add(c->out, 7, FEDNS_SEVERITY_WARNING,
						 FEDNS_AT_DEPLOYMENT, 0, "deployment",
						 FEDNS_M_V7_NOT_ALLOWED));
	return check_push_providers(c);
}

/* ---- V8, V23: the federation SRV of each domain with users -------------- */

fedns_status fedns__v8_srv_without_discovery(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	size_t i;

	if (dep->partner_discovery)
		return FEDNS_OK;
	for (i = 0; i < dep->domains.n; i++) {
		const char *d;

		if (!fedns__vfederation_srv(c, i))
			continue;
		d = c->domains.items[i].folded;
		if (d)
			FEDNS_VTRY(fedns_diagnostics_add(c->out, 8, FEDNS_SEVERITY_INFO,
							 FEDNS_AT_DOMAIN, i, d, FEDNS_M_V8, d));
	}
	return FEDNS_OK;
}

/* A domain whose S is unknown has a V1 or V3 error to fix first. */
fedns_status fedns__v23_not_findable(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	char buf[FEDNS_VOWNER_BUF];
	size_t i;

	if (!dep->allow_federated_users)
		return FEDNS_OK;
	for (i = 0; i < dep->domains.n; i++) {
		const char *d, *s;

		if (!fedns__vusers(c, i) || fedns__vfederation_srv(c, i))
			continue;
		d = c->domains.items[i].folded;
		if (!d)
			continue;
		s = fedns__vaccess_fqdn(c, i, buf);
		if (s)
			FEDNS_VTRY(fedns_diagnostics_add(c->out, 23, FEDNS_SEVERITY_INFO,
							 FEDNS_AT_DOMAIN, i, d, FEDNS_M_V23, d, d,
							 s));
	}
	return FEDNS_OK;
}

/* ---- Settings without effect -------------------------------------------- */

fedns_status fedns__v12_nobody_can_federate(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;

	if (!dep->allow_federated_users || dep->partner_discovery || dep->allowed.n)
		return FEDNS_OK;
	return fedns_diagnostics_add(c->out, 12, FEDNS_SEVERITY_WARNING, FEDNS_AT_DEPLOYMENT, 0,
				     "deployment", FEDNS_M_V12);
}

fedns_status fedns__v13_federation_off(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	struct fedns_diagnostics *out = c->out;

	if (dep->allow_federated_users)
		return FEDNS_OK;
	if (dep->allowed.n)
		FEDNS_VTRY(fedns_diagnostics_add(out, 13, FEDNS_SEVERITY_WARNING, FEDNS_AT_DEPLOYMENT,
						 0, "deployment", FEDNS_M_V13_ALLOWED,
						 dep->allowed.n));
	if (dep->blocked.n)
		FEDNS_VTRY(fedns_diagnostics_add(out, 13, FEDNS_SEVERITY_WARNING, FEDNS_AT_DEPLOYMENT,
						 0, "deployment", FEDNS_M_V13_BLOCKED,
						 dep->blocked.n));
	if (dep->hosting_providers.n)
		FEDNS_VTRY(fedns_diagnostics_add(out, 13, FEDNS_SEVERITY_WARNING, FEDNS_AT_DEPLOYMENT,
						 0, "deployment", FEDNS_M_V13_HOSTING,
						 dep->hosting_providers.n));
	/* -1 is the default, "follow partner_discovery": not explicit. */
	if (dep->discoverable >= 0)
		FEDNS_VTRY(fedns_diagnostics_add(out, 13, FEDNS_SEVERITY_WARNING, FEDNS_AT_DEPLOYMENT,
						 0, "deployment", FEDNS_M_V13_DISCOVERABLE,
						 dep->discoverable));
	return FEDNS_OK;
}

fedns_status fedns__v16_blocked_without_discovery(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;

	if (!dep->blocked.n || !dep->allow_federated_users || dep->partner_discovery)
		return FEDNS_OK;
	return fedns_diagnostics_add(c->out, 16, FEDNS_SEVERITY_INFO, FEDNS_AT_DEPLOYMENT, 0,
				     "deployment", FEDNS_M_V16, dep->blocked.n);
}
