/* `fedns policy DOC DOMAIN [--protocol sip|xmpp]` (SPEC 4 and 8): the
 * decision on one remote domain, why, and where its traffic goes.
 *
 * Output, one line each:
 *   decision: allow | deny | internal
 *   reason: <fedns_reason_name>
 *   route: <proxy FQDN> | DNS SRV (_sipfederationtls._tcp.DOMAIN) | none
 * Exit 0 for allow and internal (our own SIP domain: no federation is
 * involved, so nothing stands in the way), 1 for deny, 2 for a usage error,
 * an invalid document or an invalid DOMAIN (P8). */
#include <stdio.h>

#include "cli.h"

static const struct word protocols[] = {
	{"sip", FEDNS_PROTOCOL_SIP},
	{"xmpp", FEDNS_PROTOCOL_XMPP},
	{NULL, 0}
};

/* The route line: a proxy, the SRV record a lookup uses, or none. */
static void print_route(struct out *o, int verdict, int protocol, const char *route,
			const char *domain)
{
	if (route)
		out_printf(o, "route: %s\n", route);
	else if (verdict != FEDNS_VERDICT_ALLOW)
		out_printf(o, "route: none\n");
	else
		out_printf(o, "route: DNS SRV (%s.%s)\n",
			   protocol == FEDNS_PROTOCOL_SIP ? "_sipfederationtls._tcp" :
			   "_xmpp-server._tcp", domain);
}

static int decide(const fedns_policy *policy, const char *domain, int protocol)
{
	struct out o = {stdout, 0};
	int verdict = 0, reason = 0;
	const char *route = NULL;
	char folded[256];
	fedns_status st = fedns_policy_decide(policy, domain, protocol, &verdict, &reason, &route);

	if (st == FEDNS_EBADNAME) {
		char why[300];

		fedns_name_normalize(domain, folded, sizeof(folded), why, sizeof(why));
		fprintf(stderr, "fedns: policy: %s\n", why);
		return EXIT_USAGE;
	}
	if (st != FEDNS_OK) {
		fprintf(stderr, "fedns: policy: %s\n", fedns_strerror(st));
		return EXIT_USAGE;
	}
	fedns_name_normalize(domain, folded, sizeof(folded), NULL, 0);
	out_printf(&o, "decision: %s\nreason: %s\n", fedns_verdict_name(verdict),
		   fedns_reason_name(reason));
	print_route(&o, verdict, protocol, route, folded);
	return out_finish(&o, verdict == FEDNS_VERDICT_DENY ? EXIT_FINDINGS : EXIT_CLEAN);
}

int run_policy(const struct args *a)
{
	int protocol = FEDNS_PROTOCOL_SIP, rc;
	fedns_deployment *dep;
	fedns_policy *policy = NULL;
	fedns_status st;

	if (a->opt[OPT_PROTOCOL] &&
	    parse_word("--protocol", a->opt[OPT_PROTOCOL], protocols, &protocol))
		return EXIT_USAGE;
	dep = load(a->doc);
	if (!dep)
		return EXIT_USAGE;
	st = fedns_deployment_policy(dep, &policy);
	rc = st ? refused(dep, st, FEDNS_LANG_EN) : decide(policy, a->rest[0], protocol);
	fedns_policy_free(policy);
	fedns_deployment_free(dep);
	return rc;
}
