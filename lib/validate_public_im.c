/* Public IM connectivity: provisioning several SIP domains (V15) and the
 * end of Microsoft's public IM services (V24). */
#include "validate_rules.h"

/* The primary (first) SIP domain's Access Edge FQDN is what providers are
 * given; when it is unknown, V1 or V3 has an error to fix first. */
fedns_status fedns__v15_public_im_domains(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	char buf[FEDNS_VOWNER_BUF];
	const char *primary, *s;
	size_t i, n = 0;

	if (!dep->public_im)
		return FEDNS_OK;
	for (i = 0; i < dep->domains.n; i++)
		n += fedns__vusers(c, i) && !fedns__vonline(c, i);
	if (n < 2)
		return FEDNS_OK;
	primary = c->domains.items[0].folded;
	s = fedns__vaccess_fqdn(c, 0, buf);
	if (!primary || !s)
		return FEDNS_OK;
	return fedns_diagnostics_add(c->out, 15, FEDNS_SEVERITY_INFO, FEDNS_AT_DEPLOYMENT, 0,
				     "deployment", FEDNS_M_V15, n, primary, s);
}

fedns_status fedns__v24_public_im_ended(struct fedns_vctx *c)
{
	const fedns_deployment *dep = c->dep;
	char show[FEDNS_VSHOW_BUF];
	size_t i;

	if (!dep->public_im)
		return FEDNS_OK;
	for (i = 0; i < dep->public_providers.n; i++) {
		if (!FEDNS_PUBLIC_PROVIDER(dep, i)->enabled)
			continue;
		fedns__vshow(FEDNS_PUBLIC_PROVIDER(dep, i)->name, show);
		FEDNS_VTRY(fedns_diagnostics_add(c->out, 24, FEDNS_SEVERITY_INFO,
						 FEDNS_AT_PUBLIC_PROVIDER, i, show, FEDNS_M_V24,
						 show));
	}
	return FEDNS_OK;
}
