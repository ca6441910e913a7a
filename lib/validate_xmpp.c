/* XMPP federation (New-CsXmppAllowedPartner and the XMPP proxy): a proxy
 * to carry it (V9), partners to reach (V20), a workable negotiation with
 * each partner (V21) and a server that still has the gateway (V22). */
#include "validate_rules.h"

/* Document values of fedns_negotiation and fedns_server. */
static const char *const negotiation_keys[] = {"required", "optional", "not_supported"};
static const char *const server_keys[] = {"lync2013", "sfb2015", "sfb2019", "sfbse"};

static const char *negotiation_key(int v)
{
	return v >= FEDNS_NEGOTIATION_REQUIRED && v <= FEDNS_NEGOTIATION_NOT_SUPPORTED
		       ? negotiation_keys[v]
		       : "?";
}

static fedns_status each_xmpp_domain(struct fedns_vctx *c, int rule, int severity)
{
	const fedns_deployment *dep = c->dep;
	char show[FEDNS_VSHOW_BUF];
	const char *d;
	size_t i;

	for (i = 0; i < dep->domains.n; i++) {
		/* V25 tells an online domain that xmpp has no effect. */
		if (!fedns__vxmpp(c, i) || fedns__vonline(c, i))
			continue;
		d = fedns__vsubject(c->domains.items[i].folded, FEDNS_DOMAIN(dep, i)->name, show);
		if (rule == 9)
			FEDNS_VTRY(fedns_diagnostics_add(c->out, 9, severity, FEDNS_AT_DOMAIN, i, d,
							 FEDNS_M_V9, d));
		else
			FEDNS_VTRY(fedns_diagnostics_add(c->out, 20, severity, FEDNS_AT_DOMAIN, i,
							 d, FEDNS_M_V20, d));
	}
	return FEDNS_OK;
}

fedns_status fedns__v9_xmpp_without_proxy(struct fedns_vctx *c)
{
	if (c->xmpp_pool != FEDNS_VNONE)
		return FEDNS_OK;
	return each_xmpp_domain(c, 9, FEDNS_SEVERITY_ERROR);
}

fedns_status fedns__v20_xmpp_without_partners(struct fedns_vctx *c)
{
	if (c->dep->xmpp_partners.n)
		return FEDNS_OK;
	return each_xmpp_domain(c, 20, FEDNS_SEVERITY_WARNING);
}

/* ---- V21: Microsoft's XMPP partner negotiation table -------------------- */

static fedns_status check_negotiation(struct fedns_vctx *c, size_t i)
{
	const struct fedns_xmpp_partner *x = FEDNS_XMPP_PARTNER(c->dep, i);
	const char *tls = negotiation_key(x->tls), *sasl = negotiation_key(x->sasl);
	char show[FEDNS_VSHOW_BUF];
	const char *p = fedns__vpartner(c, i, show);
	int no_tls = x->tls == FEDNS_NEGOTIATION_NOT_SUPPORTED;
	int no_sasl = x->sasl == FEDNS_NEGOTIATION_NOT_SUPPORTED;
	int both_required =
		x->tls == FEDNS_NEGOTIATION_REQUIRED && x->sasl == FEDNS_NEGOTIATION_REQUIRED;

	if (!x->dialback && (no_tls || no_sasl))
		FEDNS_VTRY(fedns_diagnostics_add(c->out, 21, FEDNS_SEVERITY_ERROR,
						 FEDNS_AT_XMPP_PARTNER, i, p, FEDNS_M_V21_NO_AUTH,
						 p, tls, sasl));
	if (!no_sasl && x->tls != FEDNS_NEGOTIATION_REQUIRED)
		FEDNS_VTRY(fedns_diagnostics_add(c->out, 21, FEDNS_SEVERITY_WARNING,
						 FEDNS_AT_XMPP_PARTNER, i, p,
						 FEDNS_M_V21_SASL_WITHOUT_TLS, p, sasl, tls));
	if (x->dialback && both_required)
		FEDNS_VTRY(fedns_diagnostics_add(c->out, 21, FEDNS_SEVERITY_INFO,
						 FEDNS_AT_XMPP_PARTNER, i, p,
						 FEDNS_M_V21_DIALBACK_UNUSED, p));
	return FEDNS_OK;
}

fedns_status fedns__v21_xmpp_negotiation(struct fedns_vctx *c)
{
	size_t i;

	for (i = 0; i < c->dep->xmpp_partners.n; i++)
		FEDNS_VTRY(check_negotiation(c, i));
	return FEDNS_OK;
}

/* ---- V22 --------------------------------------------------------------- */

/* The first setting that makes the document use XMPP, as a document path;
 * NULL when none does. */
static const char *first_xmpp_use(const struct fedns_vctx *c, char *buf)
{
	const fedns_deployment *dep = c->dep;
	size_t i;

	for (i = 0; i < dep->domains.n; i++)
		if (fedns__vxmpp(c, i) && !fedns__vonline(c, i))
			return fedns__vpath(buf, "sip_domains", i, ".xmpp");
	if (c->xmpp_pool != FEDNS_VNONE)
		return fedns__vpath(buf, "edge_pools", c->xmpp_pool, ".xmpp_proxy");
	return NULL;
}

fedns_status fedns__v22_xmpp_unsupported(struct fedns_vctx *c)
{
	int server = c->dep->server;
	char buf[FEDNS_VPATH_BUF];
	const char *use;

	if (server != FEDNS_SERVER_SFB2019 && server != FEDNS_SERVER_SFBSE)
		return FEDNS_OK;
	use = first_xmpp_use(c, buf);
	if (!use)
		return FEDNS_OK;
	return fedns_diagnostics_add(c->out, 22, FEDNS_SEVERITY_ERROR, FEDNS_AT_DEPLOYMENT, 0,
				     "deployment", FEDNS_M_V22, use, server_keys[server]);
}
