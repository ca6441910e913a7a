/* Allocation failure (STYLE 18): every public entry point that allocates is
 * run with allocation N = 0, 1, 2, ... failing, once and then forever, until
 * the call succeeds (the scenarios[] table; tests/failalloc.c fails them).
 * At every N the call must return FEDNS_ENOMEM, say so in its object's last
 * error, leave its output NULL and its object unchanged, and stay usable:
 * the same call then succeeds and gives what it gives without the failure.
 * "Unchanged" is everything a caller can see: the whole model (white-box,
 * lib/model.h), its diagnostics, records, policy decisions, certificates,
 * probes, and the observed set with what comparing it finds; a call that
 * only reads the deployment must also leave no block behind. After
 * fedns_deployment_free() (before the outputs, which may outlive it) nothing
 * is live. Entry points that must not allocate at all (setters of integers,
 * rendering into the caller's memory, accessors, decisions) are run with
 * every allocation failing.
 *
 * Each scenario prints how many failure points it exercised; FEDNS_OOM_LARGE
 * sets how many domains the large deployment adds (the valgrind setup
 * lowers it). */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "failalloc.h"
#include "fedns/fedns.h"
#include "model.h"
#include "observed.h"
#include "test.h"

#define OK(call) ck_assert_int_eq((call), FEDNS_OK)
/* Check records every passing ck_assert in its result file; the dumps run
 * millions of checks, so they report only failures. */
#define REQUIRE(cond)                                               \
	do {                                                        \
		if (!(cond))                                        \
			ck_abort_msg("%s:%d: %s", __FILE__, __LINE__, #cond); \
	} while (0)
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Text accumulated for comparisons ----------------------------------- */

struct text {
	char *p;
	size_t n, cap;
};

static void put(struct text *t, const char *s, size_t n)
{
	if (t->n + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 4096;

		while (cap < t->n + n + 1)
			cap *= 2;
		t->p = realloc(t->p, cap);
		REQUIRE(t->p != NULL);
		t->cap = cap;
	}
	memcpy(t->p + t->n, s, n);
	t->n += n;
	t->p[t->n] = '\0';
}

__attribute__((format(printf, 2, 3)))
static void putf(struct text *t, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	REQUIRE(n >= 0 && n < (int)sizeof(buf));
	put(t, buf, (size_t)n);
}

static void puts_or_null(struct text *t, const char *label, const char *s)
{
	if (s)
		putf(t, " %s=\"%s\"", label, s);
	else
		putf(t, " %s=NULL", label);
}

static int write_text(void *ud, const char *data, size_t len)
{
	put(ud, data, len);
	return 0;
}

/* ---- What a deployment looks like, seen from everywhere ------------------ */

static void dump_strlist(struct text *t, const char *label, const struct fedns_strlist *l)
{
	size_t i;

	putf(t, " %s[%zu]", label, l->n);
	for (i = 0; i < l->n; i++)
		putf(t, " \"%s\"", l->items[i]);
}

static void dump_entries(struct text *t, const char *label, const struct fedns_entry_list *l)
{
	size_t i;

	putf(t, "%s[%zu]\n", label, l->n);
	for (i = 0; i < l->n; i++) {
		puts_or_null(t, "domain", l->items[i].domain);
		puts_or_null(t, "proxy", l->items[i].proxy_fqdn);
		puts_or_null(t, "comment", l->items[i].comment);
		put(t, "\n", 1);
	}
}

/* Every field of the model (lib/model.h). */
static void dump_model(struct text *t, const fedns_deployment *dep)
{
	size_t i, r;

	putf(t, "ttl=%lld server=%d fed=%d disc=%d discoverable=%d push=%d pic=%d ext=%d\n",
	     (long long)dep->ttl, dep->server, dep->allow_federated_users, dep->partner_discovery,
	     dep->discoverable, dep->push_notifications, dep->public_im, dep->external_access);
	putf(t, "domains[%zu]\n", dep->domains.n);
	for (i = 0; i < dep->domains.n; i++) {
		const struct fedns_sip_domain *d = FEDNS_DOMAIN(dep, i);

		REQUIRE(d->dep == dep);
		REQUIRE(d->index == i);
		puts_or_null(t, "name", d->name);
		puts_or_null(t, "pool", d->edge_pool);
		putf(t, " users=%d mobility=%d xmpp=%d hosting=%d\n", d->users, d->mobility, d->xmpp,
		     d->hosting);
	}
	putf(t, "pools[%zu]\n", dep->pools.n);
	for (i = 0; i < dep->pools.n; i++) {
		const struct fedns_edge_pool *p = FEDNS_POOL(dep, i);

		REQUIRE(p->dep == dep);
		REQUIRE(p->index == i);
		puts_or_null(t, "name", p->name);
		puts_or_null(t, "host", p->access_host);
		puts_or_null(t, "xmpp_host", p->xmpp_host);
		putf(t, " xmpp=%d route=%d lb=%d\n", p->xmpp_proxy, p->federation_route,
		     p->load_balancing);
		for (r = 0; r < 3; r++) {
			putf(t, "  role%zu", r);
			puts_or_null(t, "fqdn", p->edges[r].fqdn);
			dump_strlist(t, "addresses", &p->edges[r].addresses);
			put(t, "\n", 1);
		}
	}
	dump_entries(t, "allowed", &dep->allowed);
	dump_entries(t, "blocked", &dep->blocked);
	putf(t, "xmpp_partners[%zu]\n", dep->xmpp_partners.n);
	for (i = 0; i < dep->xmpp_partners.n; i++) {
		const struct fedns_xmpp_partner *x = FEDNS_XMPP_PARTNER(dep, i);

		REQUIRE(x->dep == dep);
		REQUIRE(x->index == i);
		puts_or_null(t, "domain", x->domain);
		puts_or_null(t, "proxy", x->proxy_fqdn);
		dump_strlist(t, "additional", &x->additional);
		putf(t, " type=%d tls=%d sasl=%d dialback=%d\n", x->type, x->tls, x->sasl,
		     x->dialback);
	}
	putf(t, "public_providers[%zu]\n", dep->public_providers.n);
	for (i = 0; i < dep->public_providers.n; i++) {
		const struct fedns_public_provider *p = FEDNS_PUBLIC_PROVIDER(dep, i);

		REQUIRE(p->dep == dep);
		REQUIRE(p->index == i);
		puts_or_null(t, "name", p->name);
		puts_or_null(t, "proxy", p->proxy_fqdn);
		dump_strlist(t, "domains", &p->domains);
		putf(t, " enabled=%d\n", p->enabled);
	}
	putf(t, "hosting_providers[%zu]\n", dep->hosting_providers.n);
	for (i = 0; i < dep->hosting_providers.n; i++) {
		const struct fedns_hosting_provider *h = FEDNS_HOSTING_PROVIDER(dep, i);

		REQUIRE(h->dep == dep);
		REQUIRE(h->index == i);
		puts_or_null(t, "name", h->name);
		puts_or_null(t, "proxy", h->proxy_fqdn);
		putf(t, " enabled=%d verification=%d\n", h->enabled, h->verification);
	}
	if (dep->proxy) {
		REQUIRE(dep->proxy->dep == dep);
		put(t, "reverse_proxy", 13);
		dump_strlist(t, "addresses", &dep->proxy->addresses);
		puts_or_null(t, "dialin", dep->proxy->fqdn[FEDNS_PROXY_DIALIN]);
		puts_or_null(t, "web", dep->proxy->fqdn[FEDNS_PROXY_WEB]);
		putf(t, " lyncdiscover=%d meet=%d\n", dep->proxy->lyncdiscover, dep->proxy->meet);
	} else {
		put(t, "no reverse_proxy\n", 17);
	}
}

static void dump_diagnostics(struct text *t, const fedns_diagnostics *g)
{
	size_t i, n = fedns_diagnostics_count(g);

	putf(t, "diagnostics[%zu]\n", n);
	for (i = 0; i < n; i++) {
		putf(t, "%s %d [%s] ", fedns_diagnostic_rule(g, i), fedns_diagnostic_severity(g, i),
		     fedns_diagnostic_subject(g, i));
		put(t, fedns_diagnostic_message(g, i, FEDNS_LANG_EN),
		    strlen(fedns_diagnostic_message(g, i, FEDNS_LANG_EN)));
		put(t, " | ", 3);
		put(t, fedns_diagnostic_message(g, i, FEDNS_LANG_ZH_CN),
		    strlen(fedns_diagnostic_message(g, i, FEDNS_LANG_ZH_CN)));
		put(t, "\n", 1);
	}
}

/* Every format the library knows, in both languages; formats are found by
 * asking, so that new ones are covered without editing this test. */
static void dump_renders(struct text *t, const fedns_recordset *rs)
{
	int format, lang;

	for (format = 0; format < 64; format++)
		for (lang = FEDNS_LANG_EN; lang <= FEDNS_LANG_ZH_CN; lang++) {
			size_t mark = t->n;
			fedns_status st;

			putf(t, "render %d %d\n", format, lang);
			st = fedns_render_to(rs, format, lang, write_text, t);
			if (st == FEDNS_EINVAL) {
				t->n = mark;
				t->p[mark] = '\0';
				continue;
			}
			REQUIRE(st == FEDNS_OK);
		}
}

static void dump_records(struct text *t, const fedns_recordset *rs, int renders)
{
	size_t i, n = fedns_recordset_count(rs);

	putf(t, "records[%zu]\n", n);
	for (i = 0; i < n; i++) {
		putf(t, "%s %d %u %d %u %u %u %x", fedns_record_owner(rs, i), fedns_record_type(rs, i),
		     (unsigned)fedns_record_ttl(rs, i), fedns_record_location(rs, i),
		     (unsigned)fedns_record_priority(rs, i), (unsigned)fedns_record_weight(rs, i),
		     (unsigned)fedns_record_port(rs, i), (unsigned)fedns_record_purposes(rs, i));
		puts_or_null(t, "target", fedns_record_target(rs, i));
		puts_or_null(t, "address", fedns_record_address(rs, i));
		puts_or_null(t, "en", fedns_record_comment(rs, i, FEDNS_LANG_EN));
		puts_or_null(t, "zh", fedns_record_comment(rs, i, FEDNS_LANG_ZH_CN));
		put(t, "\n", 1);
	}
	dump_diagnostics(t, fedns_recordset_diagnostics(rs));
	if (renders)
		dump_renders(t, rs);
}

/* Remote domains the policy is asked about: the fixture's lists, its own
 * domains and strangers. */
static const char *const remote_domains[] = {
	"contoso.com", "fabrikam.example", "push.lync.com", "partner.example",
	"blocked.example", "jabber.example.org", "chat.example.org", "msn.com",
	"stranger.example", "d7.example",
};

static void dump_policy(struct text *t, const fedns_policy *policy)
{
	size_t i;
	int protocol;

	for (i = 0; i < COUNT(remote_domains); i++)
		for (protocol = FEDNS_PROTOCOL_SIP; protocol <= FEDNS_PROTOCOL_XMPP; protocol++) {
			int verdict = -1, reason = -1;
			const char *route = "unset";
			fedns_status st = fedns_policy_decide(policy, remote_domains[i], protocol,
							      &verdict, &reason, &route);

			putf(t, "decide %s %d: %d %d %d", remote_domains[i], protocol, st, verdict,
			     reason);
			puts_or_null(t, "route", route);
			put(t, "\n", 1);
		}
}

static void dump_certs(struct text *t, const fedns_certs *certs)
{
	size_t i, j, n = fedns_certs_count(certs);

	putf(t, "certs[%zu]\n", n);
	for (i = 0; i < n; i++) {
		puts_or_null(t, "pool", fedns_cert_pool(certs, i));
		puts_or_null(t, "subject", fedns_cert_subject(certs, i));
		puts_or_null(t, "why", fedns_cert_subject_why(certs, i, FEDNS_LANG_EN));
		puts_or_null(t, "why-zh", fedns_cert_subject_why(certs, i, FEDNS_LANG_ZH_CN));
		put(t, "\n", 1);
		for (j = 0; j < fedns_cert_san_count(certs, i); j++) {
			putf(t, "  san %d", fedns_cert_san_reason(certs, i, j));
			puts_or_null(t, "name", fedns_cert_san(certs, i, j));
			puts_or_null(t, "why", fedns_cert_san_why(certs, i, j, FEDNS_LANG_EN));
			puts_or_null(t, "why-zh", fedns_cert_san_why(certs, i, j, FEDNS_LANG_ZH_CN));
			put(t, "\n", 1);
		}
		for (j = 0; j < fedns_cert_note_count(certs, i); j++) {
			putf(t, "  note %d", fedns_cert_note_kind(certs, i, j));
			puts_or_null(t, "text", fedns_cert_note_text(certs, i, j, FEDNS_LANG_EN));
			puts_or_null(t, "text-zh", fedns_cert_note_text(certs, i, j, FEDNS_LANG_ZH_CN));
			put(t, "\n", 1);
		}
	}
}

static void dump_probes(struct text *t, const fedns_probes *probes)
{
	size_t i, n = fedns_probes_count(probes);

	putf(t, "probes[%zu]\n", n);
	for (i = 0; i < n; i++) {
		putf(t, "  %d", fedns_probe_type(probes, i));
		puts_or_null(t, "name", fedns_probe_name(probes, i));
		put(t, "\n", 1);
	}
}

static void dump_findings(struct text *t, const fedns_findings *f)
{
	size_t i, n = fedns_findings_count(f);

	putf(t, "findings[%zu]\n", n);
	for (i = 0; i < n; i++) {
		putf(t, "  %d %d %u %u %u", fedns_finding_kind(f, i), fedns_finding_rrtype(f, i),
		     (unsigned)fedns_finding_expected_ttl(f, i),
		     (unsigned)fedns_finding_observed_ttl(f, i), (unsigned)fedns_finding_line(f, i));
		puts_or_null(t, "id", fedns_finding_id(f, i));
		puts_or_null(t, "owner", fedns_finding_owner(f, i));
		puts_or_null(t, "expected_owner", fedns_finding_expected_owner(f, i));
		puts_or_null(t, "type", fedns_finding_type_name(f, i));
		puts_or_null(t, "expected", fedns_finding_expected(f, i));
		puts_or_null(t, "observed", fedns_finding_observed(f, i));
		puts_or_null(t, "source", fedns_finding_source(f, i));
		puts_or_null(t, "hint", fedns_finding_hint(f, i, FEDNS_LANG_EN));
		puts_or_null(t, "hint-zh", fedns_finding_hint(f, i, FEDNS_LANG_ZH_CN));
		put(t, "\n", 1);
	}
}

/* ---- Fixtures ------------------------------------------------------------ */

/* What a scenario's setup hands to its call. */
struct ctx {
	struct failalloc *fa;
	fedns_deployment *dep;
	fedns_sip_domain *domain;
	fedns_edge_pool *pool;
	fedns_xmpp_partner *partner;
	fedns_public_provider *provider;
	fedns_hosting_provider *hosting;
	fedns_reverse_proxy *proxy;
	fedns_observed *obs; /* also through the failing allocator */
	fedns_recordset *derived; /* what a rendering call renders */
	/* Outputs of the call under test; freed by the harness. */
	fedns_diagnostics *diags;
	fedns_recordset *rs;
	fedns_policy *policy;
	fedns_certs *certs;
	fedns_probes *probes;
	fedns_findings *findings;
	char *text;
	size_t len;
};

/* The model, its diagnostics, its record set, its policy, certificates and
 * probes, and the observed set with what comparing it finds: all a caller
 * can see. Computed with allocation working. */
static char *fingerprint_full(struct ctx *c, int full)
{
	fedns_deployment *dep = c->dep;
	struct text t = {NULL, 0, 0};
	fedns_diagnostics *g = NULL;
	fedns_recordset *rs = NULL;
	fedns_policy *policy = NULL;
	fedns_certs *certs = NULL;
	fedns_probes *probes = NULL;
	fedns_findings *findings = NULL;
	fedns_status st;

	dump_model(&t, dep);
	if (c->obs)
		putf(&t, "observed[%zu]\n", fedns_observed_count(c->obs));
	if (!full)
		return t.p;
	REQUIRE(fedns_deployment_validate(dep, &g) == FEDNS_OK);
	dump_diagnostics(&t, g);
	fedns_diagnostics_free(g);
	st = fedns_deployment_derive(dep, &rs);
	if (st == FEDNS_OK)
		dump_records(&t, rs, 0);
	else
		putf(&t, "derive: %s: %s\n", fedns_status_name(st), fedns_deployment_last_error(dep));
	fedns_recordset_free(rs);
	st = fedns_deployment_policy(dep, &policy);
	if (st == FEDNS_OK)
		dump_policy(&t, policy);
	else
		putf(&t, "policy: %s: %s\n", fedns_status_name(st), fedns_deployment_last_error(dep));
	fedns_policy_free(policy);
	st = fedns_deployment_certs(dep, &certs);
	if (st == FEDNS_OK)
		dump_certs(&t, certs);
	else
		putf(&t, "certs: %s\n", fedns_status_name(st));
	fedns_certs_free(certs);
	st = fedns_deployment_probes(dep, &probes);
	if (st == FEDNS_OK)
		dump_probes(&t, probes);
	else
		putf(&t, "probes: %s\n", fedns_status_name(st));
	fedns_probes_free(probes);
	if (c->obs) {
		st = fedns_deployment_compare(dep, c->obs, &findings);
		if (st == FEDNS_OK)
			dump_findings(&t, findings);
		else
			putf(&t, "compare: %s\n", fedns_status_name(st));
		fedns_findings_free(findings);
	}
	return t.p;
}

/* A deployment that makes every rule and every record kind allocate: push,
 * XMPP, public IM, two pools with all three roles, an online domain, a
 * domain without users, a reverse proxy, every list non-empty. It derives. */
static void rich(struct ctx *c)
{
	fedns_deployment *dep = c->dep;
	fedns_sip_domain *d;
	fedns_edge_pool *p;

	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PUSH_NOTIFICATIONS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PUBLIC_IM, 1));

	OK(fedns_deployment_add_sip_domain(dep, "contoso.com", &c->domain));
	OK(fedns_sip_domain_set(c->domain, FEDNS_OPT_DOMAIN_MOBILITY, 1));
	OK(fedns_sip_domain_set(c->domain, FEDNS_OPT_DOMAIN_XMPP, 1));
	OK(fedns_deployment_add_sip_domain(dep, "Fabrikam.Example.", &d));
	OK(fedns_sip_domain_set_edge_pool(d, "edge2"));
	OK(fedns_deployment_add_sip_domain(dep, "online.example", &d));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_HOSTING, FEDNS_HOSTING_ONLINE));
	OK(fedns_deployment_add_sip_domain(dep, "nousers.example", &d));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_USERS, 0));

	OK(fedns_deployment_add_edge_pool(dep, "edge", &c->pool));
	p = c->pool;
	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_FEDERATION_ROUTE, 1));
	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_HARDWARE));
	OK(fedns_edge_pool_set_xmpp_host(p, "chat"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.10"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "2001:DB8::10"));
	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_WEBCONF, "webcon.contoso.com"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_WEBCONF, "131.107.155.20"));
	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_AV, "av.contoso.com"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_AV, "131.107.155.30"));
	OK(fedns_deployment_add_edge_pool(dep, "edge2", &p));
	OK(fedns_edge_pool_set_access_edge_host(p, "sipext"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.50"));

	OK(fedns_deployment_add_allowed_domain(dep, "push.lync.com", NULL, NULL));
	OK(fedns_deployment_add_allowed_domain(dep, "partner.example", "sip.partner.example",
					       "a partner"));
	OK(fedns_deployment_add_blocked_domain(dep, "blocked.example", "no"));
	OK(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", &c->partner));
	OK(fedns_xmpp_partner_add_domain(c->partner, "chat.example.org"));
	OK(fedns_xmpp_partner_set(c->partner, FEDNS_OPT_XMPP_TYPE, FEDNS_XMPP_FEDERATED));
	OK(fedns_xmpp_partner_set_proxy_fqdn(c->partner, "xmpp.example.org"));
	OK(fedns_deployment_add_public_provider(dep, "Skype", "federation.messenger.msn.com",
						&c->provider));
	OK(fedns_public_provider_add_domain(c->provider, "msn.com"));
	OK(fedns_deployment_add_hosting_provider(dep, "LyncOnline", "sipfed.online.lync.com",
						 &c->hosting));
	OK(fedns_hosting_provider_set(c->hosting, FEDNS_OPT_PROVIDER_VERIFICATION,
				      FEDNS_VERIFICATION_USE_SOURCE));
	OK(fedns_deployment_add_reverse_proxy(dep, &c->proxy));
	OK(fedns_reverse_proxy_add_address(c->proxy, "131.107.155.40"));
	OK(fedns_reverse_proxy_set_fqdn(c->proxy, FEDNS_PROXY_DIALIN, "dialin.contoso.com"));
}

static void empty(struct ctx *c)
{
	(void)c;
}

/* The smallest valid deployment, with a pool and a domain to add to. */
static void small(struct ctx *c)
{
	OK(fedns_deployment_add_sip_domain(c->dep, "contoso.com", &c->domain));
	OK(fedns_deployment_add_edge_pool(c->dep, "edge", &c->pool));
	OK(fedns_edge_pool_add_address(c->pool, FEDNS_EDGE_ACCESS, "131.107.155.10"));
}

/* Lists filled to the capacity they start with (8), so the next add grows
 * them; the call under test then also fails inside the reallocation. */
#define FULL 8

static void full(struct ctx *c)
{
	char name[64];
	int i;

	small(c);
	OK(fedns_deployment_set(c->dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	for (i = 1; i < FULL; i++) {
		snprintf(name, sizeof(name), "d%d.example", i);
		OK(fedns_deployment_add_sip_domain(c->dep, name, NULL));
		snprintf(name, sizeof(name), "131.107.155.%d", 10 + i);
		OK(fedns_edge_pool_add_address(c->pool, FEDNS_EDGE_ACCESS, name));
		snprintf(name, sizeof(name), "e%d", i);
		OK(fedns_deployment_add_edge_pool(c->dep, name, NULL));
	}
	for (i = 0; i < FULL; i++) {
		snprintf(name, sizeof(name), "allowed%d.example", i);
		OK(fedns_deployment_add_allowed_domain(c->dep, name, NULL, NULL));
		snprintf(name, sizeof(name), "blocked%d.example", i);
		OK(fedns_deployment_add_blocked_domain(c->dep, name, NULL));
		snprintf(name, sizeof(name), "x%d.example", i);
		OK(fedns_deployment_add_xmpp_partner(c->dep, name, i ? NULL : &c->partner));
		snprintf(name, sizeof(name), "P%d", i);
		OK(fedns_deployment_add_public_provider(c->dep, name, name, i ? NULL : &c->provider));
		snprintf(name, sizeof(name), "H%d", i);
		OK(fedns_deployment_add_hosting_provider(c->dep, name, name, NULL));
	}
	for (i = 0; i < FULL - 1; i++) {
		snprintf(name, sizeof(name), "more%d.example", i);
		OK(fedns_xmpp_partner_add_domain(c->partner, name));
		OK(fedns_public_provider_add_domain(c->provider, name));
	}
	OK(fedns_deployment_add_reverse_proxy(c->dep, &c->proxy));
	for (i = 0; i < FULL; i++) {
		snprintf(name, sizeof(name), "131.107.156.%d", i);
		OK(fedns_reverse_proxy_add_address(c->proxy, name));
	}
}

/* Enough domains and records that derivation grows its hash table, its
 * record array, its text arena and its comment list more than once. */
static int large_domains(void)
{
	/* The valgrind setup lowers it (FEDNS_OOM_LARGE); the tests print it. */
	const char *env = getenv("FEDNS_OOM_LARGE");

	return env ? atoi(env) : 120;
}

static void large(struct ctx *c)
{
	char name[64];
	int i, n = large_domains();

	rich(c);
	for (i = 0; i < n; i++) {
		fedns_sip_domain *d;

		snprintf(name, sizeof(name), "d%d.example", i);
		OK(fedns_deployment_add_sip_domain(c->dep, name, &d));
		OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_MOBILITY, i % 2));
		OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, i % 3 == 0));
	}
}

/* Many diagnostics of every kind: bad names, duplicates, conflicts. */
static void faulty(struct ctx *c)
{
	fedns_deployment *dep = c->dep;
	fedns_edge_pool *p;
	fedns_xmpp_partner *x;
	char name[64];
	int i;

	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PUSH_NOTIFICATIONS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_TTL, -1));
	OK(fedns_deployment_add_sip_domain(dep, "contoso.com", NULL));
	OK(fedns_deployment_add_sip_domain(dep, "Contoso.com.", NULL));
	OK(fedns_deployment_add_sip_domain(dep, "bad_name.com", NULL));
	OK(fedns_deployment_add_sip_domain(dep, "with space.com", NULL));
	OK(fedns_deployment_add_sip_domain(dep, "x", &c->domain));
	OK(fedns_sip_domain_set_edge_pool(c->domain, "missing"));
	OK(fedns_deployment_add_edge_pool(dep, "edge", &p));
	OK(fedns_edge_pool_set(p, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_HARDWARE));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "10.0.0.1"));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "300.0.0.1"));
	OK(fedns_edge_pool_set_access_edge_host(p, "-bad-"));
	OK(fedns_deployment_add_edge_pool(dep, "edge", NULL));
	for (i = 0; i < 20; i++) {
		snprintf(name, sizeof(name), "dup%d.example", i % 3);
		OK(fedns_deployment_add_allowed_domain(dep, name, NULL, NULL));
		OK(fedns_deployment_add_blocked_domain(dep, name, NULL));
	}
	OK(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", &x));
	OK(fedns_xmpp_partner_add_domain(x, "jabber.example.org"));
	OK(fedns_xmpp_partner_set(x, FEDNS_OPT_XMPP_DIALBACK, 0));
	OK(fedns_xmpp_partner_set(x, FEDNS_OPT_XMPP_TLS, FEDNS_NEGOTIATION_NOT_SUPPORTED));
	OK(fedns_deployment_add_hosting_provider(dep, "H", "sip.h.example", NULL));
	OK(fedns_deployment_add_hosting_provider(dep, "h", "sip.h.example", NULL));
	OK(fedns_deployment_add_public_provider(dep, "P", "sip.h.example", NULL));
	OK(fedns_deployment_add_reverse_proxy(dep, &c->proxy));
	OK(fedns_reverse_proxy_add_address(c->proxy, "192.168.1.1"));
	OK(fedns_reverse_proxy_add_address(c->proxy, "not an address"));
}

/* An observed set through the same failing allocator, beside `rich`:
 * every kind of record, a failure, a source, a near miss. */
static void observed(struct ctx *c)
{
	fedns_observed *o;

	rich(c);
	OK(fedns_observed_new_with_allocator(failalloc_malloc, failalloc_realloc, failalloc_free,
					     c->fa, &c->obs));
	o = c->obs;
	OK(fedns_observed_set_source(o, "contoso.com.zone"));
	OK(fedns_observed_add_srv(o, "_sip._tls.contoso.com.", 3600, 0, 0, 443, "sip.contoso.com.",
				  3));
	OK(fedns_observed_add_srv(o, "_sipfederationtls.tcp.contoso.com", 3600, 0, 0, 5061,
				  "sip.contoso.com", 4));
	OK(fedns_observed_add_a(o, "sip.contoso.com", 300, "131.107.155.10", 5));
	OK(fedns_observed_add_aaaa(o, "sip.contoso.com", FEDNS_TTL_UNKNOWN, "2001:db8::11", 6));
	OK(fedns_observed_add_cname(o, "lyncdiscover.contoso.com", 3600, "webdir.online.lync.com",
				    7));
	OK(fedns_observed_add_other(o, "sip.contoso.com", 3600, 16, "\"v=spf1 -all\"", 8));
	OK(fedns_observed_add_failure(o, "_xmpp-server._tcp.contoso.com", FEDNS_RR_SRV,
				      "SERVFAIL"));
}

/* An empty observed set: the first add allocates its lists and text. */
static void observed_empty(struct ctx *c)
{
	rich(c);
	OK(fedns_observed_new_with_allocator(failalloc_malloc, failalloc_realloc, failalloc_free,
					     c->fa, &c->obs));
}

/* Record and failure lists at capacity (white-box): the next add grows one. */
static void observed_lists_full(struct ctx *c)
{
	char name[64];
	int i = 0;

	observed(c);
	while (c->obs->n < c->obs->cap) {
		snprintf(name, sizeof(name), "h%d.contoso.com", i++);
		OK(fedns_observed_add_a(c->obs, name, 3600, "192.0.2.1", (uint32_t)i));
	}
	while (c->obs->nfailures < c->obs->failcap) {
		snprintf(name, sizeof(name), "f%d.contoso.com", i++);
		OK(fedns_observed_add_failure(c->obs, name, 0, "timeout"));
	}
}

/* The text arena nearly full (white-box): the next add grows it. */
static void observed_text_full(struct ctx *c)
{
	observed(c);
	while (c->obs->text.cap - c->obs->text.len > 8)
		OK(fedns_observed_set_source(c->obs, "s.zone"));
}

/* `rich` and `large` derived, for rendering into allocated memory. */
static void rich_derived(struct ctx *c)
{
	rich(c);
	OK(fedns_deployment_derive(c->dep, &c->derived));
}

static void large_derived(struct ctx *c)
{
	large(c);
	OK(fedns_deployment_derive(c->dep, &c->derived));
}

/* ---- The calls under test -------------------------------------------------- */

static fedns_status add_sip_domain(struct ctx *c)
{
	fedns_sip_domain *d = NULL;
	fedns_status st = fedns_deployment_add_sip_domain(c->dep, "new.example", &d);

	ck_assert(st ? d == NULL : d != NULL);
	return st;
}

static fedns_status add_edge_pool(struct ctx *c)
{
	fedns_edge_pool *p = NULL;
	fedns_status st = fedns_deployment_add_edge_pool(c->dep, "new", &p);

	ck_assert(st ? p == NULL : p != NULL);
	return st;
}

static fedns_status add_access_address(struct ctx *c)
{
	return fedns_edge_pool_add_address(c->pool, FEDNS_EDGE_ACCESS, "131.107.155.99");
}

static fedns_status add_av_address(struct ctx *c)
{
	return fedns_edge_pool_add_address(c->pool, FEDNS_EDGE_AV, "2001:db8::99");
}

static fedns_status set_access_host(struct ctx *c)
{
	return fedns_edge_pool_set_access_edge_host(c->pool, "edgeext");
}

static fedns_status set_access_fqdn(struct ctx *c)
{
	return fedns_edge_pool_set_fqdn(c->pool, FEDNS_EDGE_ACCESS, "sip.contoso.com");
}

static fedns_status set_webconf_fqdn(struct ctx *c)
{
	return fedns_edge_pool_set_fqdn(c->pool, FEDNS_EDGE_WEBCONF, "conf.contoso.com");
}

static fedns_status set_xmpp_host(struct ctx *c)
{
	return fedns_edge_pool_set_xmpp_host(c->pool, "im");
}

static fedns_status set_domain_pool(struct ctx *c)
{
	return fedns_sip_domain_set_edge_pool(c->domain, "edge");
}

static fedns_status clear_domain_pool(struct ctx *c)
{
	return fedns_sip_domain_set_edge_pool(c->domain, NULL);
}

static fedns_status add_allowed_plain(struct ctx *c)
{
	return fedns_deployment_add_allowed_domain(c->dep, "new.example", NULL, NULL);
}

static fedns_status add_allowed_full(struct ctx *c)
{
	return fedns_deployment_add_allowed_domain(c->dep, "new.example", "sip.new.example",
						   "with a comment");
}

static fedns_status add_blocked(struct ctx *c)
{
	return fedns_deployment_add_blocked_domain(c->dep, "new.example", "spam");
}

static fedns_status add_xmpp_partner(struct ctx *c)
{
	fedns_xmpp_partner *x = NULL;
	fedns_status st = fedns_deployment_add_xmpp_partner(c->dep, "new.example", &x);

	ck_assert(st ? x == NULL : x != NULL);
	return st;
}

static fedns_status add_partner_domain(struct ctx *c)
{
	return fedns_xmpp_partner_add_domain(c->partner, "new.example");
}

static fedns_status set_partner_proxy(struct ctx *c)
{
	return fedns_xmpp_partner_set_proxy_fqdn(c->partner, "proxy.new.example");
}

static fedns_status add_public_provider(struct ctx *c)
{
	fedns_public_provider *p = NULL;
	fedns_status st = fedns_deployment_add_public_provider(c->dep, "New", "sip.new.example", &p);

	ck_assert(st ? p == NULL : p != NULL);
	return st;
}

static fedns_status add_provider_domain(struct ctx *c)
{
	return fedns_public_provider_add_domain(c->provider, "new.example");
}

static fedns_status add_hosting_provider(struct ctx *c)
{
	fedns_hosting_provider *h = NULL;
	fedns_status st = fedns_deployment_add_hosting_provider(c->dep, "New", "sip.new.example",
								 &h);

	ck_assert(st ? h == NULL : h != NULL);
	return st;
}

static fedns_status add_reverse_proxy(struct ctx *c)
{
	fedns_reverse_proxy *p = NULL;
	fedns_status st = fedns_deployment_add_reverse_proxy(c->dep, &p);

	ck_assert(st ? p == NULL : p != NULL);
	return st;
}

static fedns_status add_proxy_address(struct ctx *c)
{
	return fedns_reverse_proxy_add_address(c->proxy, "131.107.155.41");
}

static fedns_status set_proxy_web(struct ctx *c)
{
	return fedns_reverse_proxy_set_fqdn(c->proxy, FEDNS_PROXY_WEB, "web.contoso.com");
}

static fedns_status set_integers(struct ctx *c)
{
	/* Integer settings never allocate. */
	OK(fedns_deployment_set(c->dep, FEDNS_OPT_TTL, 300));
	OK(fedns_deployment_set(c->dep, FEDNS_OPT_SERVER, FEDNS_SERVER_SFB2015));
	OK(fedns_sip_domain_set(c->domain, FEDNS_OPT_DOMAIN_MOBILITY, 0));
	OK(fedns_edge_pool_set(c->pool, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_SINGLE));
	OK(fedns_xmpp_partner_set(c->partner, FEDNS_OPT_XMPP_SASL, FEDNS_NEGOTIATION_OPTIONAL));
	OK(fedns_public_provider_set(c->provider, FEDNS_OPT_PROVIDER_ENABLED, 0));
	OK(fedns_hosting_provider_set(c->hosting, FEDNS_OPT_PROVIDER_ENABLED, 0));
	OK(fedns_reverse_proxy_set(c->proxy, FEDNS_OPT_PROXY_MEET, 0));
	return fedns_deployment_set(c->dep, FEDNS_OPT_PARTNER_DISCOVERY, 0);
}

static fedns_status validate(struct ctx *c)
{
	c->diags = (fedns_diagnostics *)c; /* must be overwritten */
	return fedns_deployment_validate(c->dep, &c->diags);
}

static fedns_status derive(struct ctx *c)
{
	c->rs = (fedns_recordset *)c;
	return fedns_deployment_derive(c->dep, &c->rs);
}

static fedns_status derive_domain(struct ctx *c)
{
	c->rs = (fedns_recordset *)c;
	return fedns_deployment_derive_domain(c->dep, "CONTOSO.com.", &c->rs);
}

static fedns_status policy(struct ctx *c)
{
	c->policy = (fedns_policy *)c;
	return fedns_deployment_policy(c->dep, &c->policy);
}

static fedns_status obs_set_source(struct ctx *c)
{
	return fedns_observed_set_source(c->obs, "other.zone");
}

static fedns_status obs_add_srv(struct ctx *c)
{
	return fedns_observed_add_srv(c->obs, "_sipfederationtls._tcp.contoso.com", 60, 0, 0, 5061,
				      "sip.contoso.com", 20);
}

static fedns_status obs_add_a(struct ctx *c)
{
	return fedns_observed_add_a(c->obs, "webcon.contoso.com", 3600, "131.107.155.20", 21);
}

static fedns_status obs_add_aaaa(struct ctx *c)
{
	return fedns_observed_add_aaaa(c->obs, "sip.contoso.com", 3600, "2001:db8::10", 22);
}

static fedns_status obs_add_cname(struct ctx *c)
{
	return fedns_observed_add_cname(c->obs, "sip.fabrikam.example", 3600,
					"sipdir.online.lync.com", 23);
}

static fedns_status obs_add_other(struct ctx *c)
{
	return fedns_observed_add_other(c->obs, "_sip._tls.contoso.com", 3600, 46,
					"SRV 5 3 3600 20300101000000 20200101000000 1 contoso.com. x",
					24);
}

static fedns_status obs_add_failure(struct ctx *c)
{
	return fedns_observed_add_failure(c->obs, "av.contoso.com", 0, "REFUSED");
}

static fedns_status certs(struct ctx *c)
{
	c->certs = (fedns_certs *)c;
	return fedns_deployment_certs(c->dep, &c->certs);
}

static fedns_status probes(struct ctx *c)
{
	c->probes = (fedns_probes *)c;
	return fedns_deployment_probes(c->dep, &c->probes);
}

static fedns_status compare(struct ctx *c)
{
	c->findings = (fedns_findings *)c;
	return fedns_deployment_compare(c->dep, c->obs, &c->findings);
}

static fedns_status render_alloc(struct ctx *c)
{
	c->text = (char *)c;
	return fedns_render_alloc(c->derived, FEDNS_FORMAT_ZONE, FEDNS_LANG_ZH_CN, &c->text,
				  &c->len);
}

/* ---- The harness ----------------------------------------------------------- */

/* Whose last error says why a call failed. */
enum why {
	WHY_DEPLOYMENT = 0,
	WHY_OBSERVED = 1, /* the call is on c->obs */
	WHY_NONE = 2      /* the call is on a record set, which keeps none */
};

struct scenario {
	const char *name;
	void (*setup)(struct ctx *c);
	fedns_status (*call)(struct ctx *c);
	int allocates; /* 0: the call must succeed without asking for memory */
	int why; /* enum why */
};

static const struct scenario scenarios[] = {
	{"add_sip_domain (first)", empty, add_sip_domain, 1, 0},
	{"add_sip_domain", rich, add_sip_domain, 1, 0},
	{"add_sip_domain (grow)", full, add_sip_domain, 1, 0},
	{"add_edge_pool (first)", empty, add_edge_pool, 1, 0},
	{"add_edge_pool (grow)", full, add_edge_pool, 1, 0},
	{"edge_pool_add_address (first)", rich, add_av_address, 1, 0},
	{"edge_pool_add_address", small, add_access_address, 1, 0},
	{"edge_pool_add_address (grow)", full, add_access_address, 1, 0},
	{"edge_pool_set_access_edge_host", rich, set_access_host, 1, 0},
	{"edge_pool_set_fqdn (access)", rich, set_access_fqdn, 1, 0},
	{"edge_pool_set_fqdn (webconf, replace)", rich, set_webconf_fqdn, 1, 0},
	{"edge_pool_set_xmpp_host", rich, set_xmpp_host, 1, 0},
	{"sip_domain_set_edge_pool", rich, set_domain_pool, 1, 0},
	{"sip_domain_set_edge_pool (NULL)", rich, clear_domain_pool, 0, 0},
	{"add_allowed_domain (first)", small, add_allowed_plain, 1, 0},
	{"add_allowed_domain (proxy, comment)", rich, add_allowed_full, 1, 0},
	{"add_allowed_domain (grow)", full, add_allowed_full, 1, 0},
	{"add_blocked_domain", rich, add_blocked, 1, 0},
	{"add_blocked_domain (grow)", full, add_blocked, 1, 0},
	{"add_xmpp_partner", rich, add_xmpp_partner, 1, 0},
	{"add_xmpp_partner (grow)", full, add_xmpp_partner, 1, 0},
	{"xmpp_partner_add_domain", rich, add_partner_domain, 1, 0},
	{"xmpp_partner_add_domain (grow)", full, add_partner_domain, 1, 0},
	{"xmpp_partner_set_proxy_fqdn", rich, set_partner_proxy, 1, 0},
	{"add_public_provider", rich, add_public_provider, 1, 0},
	{"add_public_provider (grow)", full, add_public_provider, 1, 0},
	{"public_provider_add_domain", rich, add_provider_domain, 1, 0},
	{"public_provider_add_domain (grow)", full, add_provider_domain, 1, 0},
	{"add_hosting_provider", rich, add_hosting_provider, 1, 0},
	{"add_hosting_provider (grow)", full, add_hosting_provider, 1, 0},
	{"add_reverse_proxy", small, add_reverse_proxy, 1, 0},
	{"reverse_proxy_add_address", rich, add_proxy_address, 1, 0},
	{"reverse_proxy_add_address (grow)", full, add_proxy_address, 1, 0},
	{"reverse_proxy_set_fqdn", rich, set_proxy_web, 1, 0},
	{"*_set (integers)", rich, set_integers, 0, 0},
	{"validate (empty)", empty, validate, 1, 0},
	{"validate", rich, validate, 1, 0},
	{"validate (faulty)", faulty, validate, 1, 0},
	{"validate (large)", large, validate, 1, 0},
	{"derive (empty)", empty, derive, 1, 0},
	{"derive", rich, derive, 1, 0},
	{"derive (faulty: refused)", faulty, derive, 1, 0},
	{"derive (large)", large, derive, 1, 0},
	{"derive_domain", rich, derive_domain, 1, 0},
	{"policy", rich, policy, 1, 0},
	{"policy (faulty: refused)", faulty, policy, 1, 0},
	{"policy (large)", large, policy, 1, 0},
	{"certs", rich, certs, 1, 0},
	{"certs (faulty: refused)", faulty, certs, 1, 0},
	{"certs (large)", large, certs, 1, 0},
	{"probes", rich, probes, 1, 0},
	{"probes (large)", large, probes, 1, 0},
	{"compare", observed, compare, 1, 0},
	{"compare (empty observed)", observed_empty, compare, 1, 0},
	{"compare (more observed)", observed_lists_full, compare, 1, 0},
	{"observed_set_source (first)", observed_empty, obs_set_source, 1, 1},
	{"observed_set_source (grow)", observed_text_full, obs_set_source, 1, 1},
	{"observed_add_srv (first)", observed_empty, obs_add_srv, 1, 1},
	{"observed_add_srv (grow list)", observed_lists_full, obs_add_srv, 1, 1},
	{"observed_add_srv (grow text)", observed_text_full, obs_add_srv, 1, 1},
	{"observed_add_a (first)", observed_empty, obs_add_a, 1, 1},
	{"observed_add_a (grow list)", observed_lists_full, obs_add_a, 1, 1},
	{"observed_add_a (grow text)", observed_text_full, obs_add_a, 1, 1},
	{"observed_add_aaaa (first)", observed_empty, obs_add_aaaa, 1, 1},
	{"observed_add_aaaa (grow text)", observed_text_full, obs_add_aaaa, 1, 1},
	{"observed_add_cname (first)", observed_empty, obs_add_cname, 1, 1},
	{"observed_add_cname (grow text)", observed_text_full, obs_add_cname, 1, 1},
	{"observed_add_other (first)", observed_empty, obs_add_other, 1, 1},
	{"observed_add_other (grow text)", observed_text_full, obs_add_other, 1, 1},
	{"observed_add_failure (first)", observed_empty, obs_add_failure, 1, 1},
	{"observed_add_failure (grow list)", observed_lists_full, obs_add_failure, 1, 1},
	{"observed_add_failure (grow text)", observed_text_full, obs_add_failure, 1, 1},
	{"render_alloc", rich_derived, render_alloc, 1, WHY_NONE},
	{"render_alloc (large: grows)", large_derived, render_alloc, 1, WHY_NONE},
};

/* Whether the call only reads the deployment (and makes an output). */
static int reads(const struct scenario *s)
{
	return s->call == validate || s->call == derive || s->call == derive_domain ||
	       s->call == policy || s->call == certs || s->call == probes || s->call == compare ||
	       s->call == render_alloc;
}

/* What the deployment looks like. For a call that changes it, everything a
 * caller can see; for a call that only reads it, the model itself (its
 * outputs are compared whole, and recomputing every view at each failure
 * point would take most of the test's time under valgrind). */
static char *fingerprint(const struct scenario *s, struct ctx *c)
{
	return fingerprint_full(c, !reads(s));
}

/* What the call produced, for comparison with a run without failures. */
static void dump_outputs(struct text *t, struct ctx *c)
{
	if (c->diags)
		dump_diagnostics(t, c->diags);
	if (c->rs)
		dump_records(t, c->rs, 1);
	if (c->policy)
		dump_policy(t, c->policy);
	if (c->certs)
		dump_certs(t, c->certs);
	if (c->probes)
		dump_probes(t, c->probes);
	if (c->findings)
		dump_findings(t, c->findings);
	if (c->text) {
		putf(t, "text[%zu]\n", c->len);
		put(t, c->text, c->len);
	}
}

static void free_outputs(struct ctx *c)
{
	fedns_diagnostics_free(c->diags);
	fedns_recordset_free(c->rs);
	fedns_policy_free(c->policy);
	fedns_certs_free(c->certs);
	fedns_probes_free(c->probes);
	fedns_findings_free(c->findings);
	fedns_render_free(c->text);
	c->diags = NULL;
	c->rs = NULL;
	c->policy = NULL;
	c->certs = NULL;
	c->probes = NULL;
	c->findings = NULL;
	c->text = NULL;
}

static void start(struct ctx *c, struct failalloc *fa, const struct scenario *s)
{
	memset(c, 0, sizeof(*c));
	failalloc_init(fa);
	c->fa = fa;
	OK(failalloc_deployment_new(fa, &c->dep));
	s->setup(c);
}

static void finish(struct ctx *c)
{
	/* Outputs may outlive their deployment: free it first. */
	fedns_deployment_free(c->dep);
	fedns_observed_free(c->obs);
	fedns_recordset_free(c->derived);
	free_outputs(c);
	ck_assert_int_eq(c->fa->live, 0);
	ck_assert_uint_eq(c->fa->live_bytes, 0);
	ck_assert_int_eq(c->fa->corrupt, 0);
}

/* The deployment and the call's outputs after a run of the call without
 * failures; `status` receives what the call returned. */
static char *reference(const struct scenario *s, fedns_status *status, unsigned long *allocs,
		       char **before)
{
	struct failalloc fa;
	struct ctx c;
	struct text t = {NULL, 0, 0};
	char *model;

	start(&c, &fa, s);
	*before = fingerprint(s, &c);
	failalloc_arm(&fa, s->allocates ? FAILALLOC_OFF : FAILALLOC_ALWAYS, 0);
	*status = s->call(&c);
	*allocs = fa.calls;
	failalloc_disarm(&fa);
	model = fingerprint(s, &c);
	put(&t, model, strlen(model));
	free(model);
	dump_outputs(&t, &c);
	finish(&c);
	return t.p;
}

/* Fails allocation n = 0, 1, ... in `mode` until the call gets through;
 * returns how many failure points there were. */
static unsigned long fail_each(const struct scenario *s, enum failalloc_mode mode,
			       fedns_status want, const char *before, const char *want_after)
{
	unsigned long n;

	for (n = 0;; n++) {
		struct failalloc fa;
		struct ctx c;
		struct text t = {NULL, 0, 0};
		char *after;
		const char *why;
		fedns_status st;
		long live;

		start(&c, &fa, s);
		live = fa.live;
		failalloc_arm(&fa, mode, n);
		st = s->call(&c);
		if (fa.failed == 0) {
			/* Allocation n was never asked for: the call is done. */
			failalloc_disarm(&fa);
			ck_assert_int_eq(st, want);
			after = fingerprint(s, &c);
			put(&t, after, strlen(after));
			dump_outputs(&t, &c);
			ck_assert_str_eq(t.p, want_after);
			free(after);
			free(t.p);
			finish(&c);
			return n;
		}
		ck_assert_msg(st == FEDNS_ENOMEM, "%s: allocation %lu failed (%s), the call returned %s",
			      s->name, n, mode == FAILALLOC_ONCE ? "once" : "always",
			      fedns_status_name(st));
		if (s->why != WHY_NONE) {
			why = s->why == WHY_OBSERVED ? fedns_observed_last_error(c.obs) :
						       fedns_deployment_last_error(c.dep);
			ck_assert_msg(strstr(why, "memory") != NULL,
				      "%s: allocation %lu: last error \"%s\"", s->name, n, why);
		}
		ck_assert_ptr_null(c.diags);
		ck_assert_ptr_null(c.rs);
		ck_assert_ptr_null(c.policy);
		ck_assert_ptr_null(c.certs);
		ck_assert_ptr_null(c.probes);
		ck_assert_ptr_null(c.findings);
		ck_assert_ptr_null(c.text);
		failalloc_disarm(&fa);
		if (reads(s))
			/* Reading calls keep nothing of a failed attempt. */
			ck_assert_int_eq(fa.live, live);

		/* Unchanged... */
		after = fingerprint(s, &c);
		ck_assert_msg(strcmp(before, after) == 0,
			      "%s: allocation %lu failed (%s) and the deployment changed:\n"
			      "before:\n%s\nafter:\n%s", s->name, n,
			      mode == FAILALLOC_ONCE ? "once" : "always", before, after);
		free(after);
		/* ...and still usable: the call now does what it does without
		 * the failure. */
		ck_assert_int_eq(s->call(&c), want);
		after = fingerprint(s, &c);
		put(&t, after, strlen(after));
		dump_outputs(&t, &c);
		ck_assert_str_eq(t.p, want_after);
		free(after);
		free(t.p);
		finish(&c);
	}
}

START_TEST(test_allocation_failure)
{
	const struct scenario *s = &scenarios[_i];
	unsigned long allocs, once, always;
	fedns_status want;
	char *before;
	char *want_after = reference(s, &want, &allocs, &before);

	if (!s->allocates) {
		ck_assert_msg(allocs == 0, "%s allocated %lu times", s->name, allocs);
		ck_assert_int_eq(want, FEDNS_OK);
	}
	once = fail_each(s, FAILALLOC_ONCE, want, before, want_after);
	always = fail_each(s, FAILALLOC_ALWAYS, want, before, want_after);
	ck_assert_uint_eq(once, allocs);
	ck_assert_uint_eq(always, allocs);
	if (s->allocates)
		ck_assert_msg(allocs > 0, "%s never allocated: mark it as not allocating", s->name);
	if (s->setup == large)
		printf("oom: %-40s %4lu failure points once, %4lu always (%d more domains)\n",
		       s->name, once, always, large_domains());
	else
		printf("oom: %-40s %4lu failure points once, %4lu always\n", s->name, once, always);
	fflush(stdout);
	free(before);
	free(want_after);
}
END_TEST

/* ---- Entry points outside the loop ------------------------------------------ */

START_TEST(test_new_with_allocator)
{
	struct failalloc fa;
	fedns_deployment *dep = (fedns_deployment *)&fa;
	unsigned long points = 0;

	failalloc_init(&fa);
	for (;;) {
		failalloc_arm(&fa, FAILALLOC_ALWAYS, points);
		if (failalloc_deployment_new(&fa, &dep) == FEDNS_OK)
			break;
		ck_assert_ptr_null(dep);
		ck_assert_int_eq(fa.live, 0);
		points++;
	}
	failalloc_disarm(&fa);
	ck_assert_uint_eq(points, 1);
	ck_assert_int_eq(fa.live, 1);
	fedns_deployment_free(dep);
	ck_assert_int_eq(fa.live, 0);
	/* All three callbacks or none. */
	ck_assert_int_eq(fedns_deployment_new_with_allocator(failalloc_malloc, NULL, failalloc_free,
							     &fa, &dep),
			 FEDNS_EINVAL);
	ck_assert_int_eq(fedns_deployment_new_with_allocator(NULL, NULL, NULL, NULL, NULL),
			 FEDNS_EINVAL);
	ck_assert_uint_eq(fa.total, 2);
	printf("oom: %-40s %4lu failure points\n", "deployment_new_with_allocator", points);
	fflush(stdout);
}
END_TEST

START_TEST(test_observed_new_with_allocator)
{
	struct failalloc fa;
	fedns_observed *obs = (fedns_observed *)&fa;
	unsigned long points = 0;

	failalloc_init(&fa);
	for (;;) {
		failalloc_arm(&fa, FAILALLOC_ALWAYS, points);
		if (fedns_observed_new_with_allocator(failalloc_malloc, failalloc_realloc,
						      failalloc_free, &fa, &obs) == FEDNS_OK)
			break;
		ck_assert_ptr_null(obs);
		ck_assert_int_eq(fa.live, 0);
		points++;
	}
	failalloc_disarm(&fa);
	ck_assert_uint_ge(points, 1);
	ck_assert_uint_eq(fedns_observed_count(obs), 0);
	fedns_observed_free(obs);
	ck_assert_int_eq(fa.live, 0);
	ck_assert_int_eq(fedns_observed_new_with_allocator(NULL, failalloc_realloc, NULL, &fa, &obs),
			 FEDNS_EINVAL);
	ck_assert_int_eq(fedns_observed_new_with_allocator(NULL, NULL, NULL, NULL, NULL),
			 FEDNS_EINVAL);
	printf("oom: %-40s %4lu failure points\n", "observed_new_with_allocator", points);
	fflush(stdout);
}
END_TEST

struct counting_sink {
	size_t bytes;
	int stop_after; /* calls before asking to stop; -1: never */
};

static int count_bytes(void *ud, const char *data, size_t len)
{
	struct counting_sink *s = ud;

	(void)data;
	s->bytes += len;
	return s->stop_after >= 0 && s->stop_after-- == 0;
}

/* The large deployment through the failing allocator (failures off), and
 * its record set. */
static void large_set(struct ctx *c, struct failalloc *fa)
{
	memset(c, 0, sizeof(*c));
	failalloc_init(fa);
	c->fa = fa;
	OK(failalloc_deployment_new(fa, &c->dep));
	large(c);
	OK(fedns_deployment_derive(c->dep, &c->rs));
}

/* The formats that write one block per zone split the set into zones as
 * they render (lib/zone_split.c), with memory of their own. */
static int zoned(int format)
{
	return format == FEDNS_FORMAT_SHEET || format == FEDNS_FORMAT_NSUPDATE ||
	       format == FEDNS_FORMAT_POWERSHELL || format == FEDNS_FORMAT_OCTODNS;
}

/* Rendering (but the per-zone formats), every accessor and every decision
 * must not allocate. */
START_TEST(test_reading_never_allocates)
{
	struct failalloc fa;
	struct ctx c;
	const fedns_diagnostics *g;
	fedns_diagnostics *all = NULL;
	int format, lang, formats = 0;
	size_t i;
	char small_buf[16];

	large_set(&c, &fa);
	OK(fedns_deployment_validate(c.dep, &all));
	OK(fedns_deployment_policy(c.dep, &c.policy));
	OK(fedns_deployment_certs(c.dep, &c.certs));
	OK(fedns_deployment_probes(c.dep, &c.probes));
	OK(fedns_observed_new_with_allocator(failalloc_malloc, failalloc_realloc, failalloc_free,
					     &fa, &c.obs));
	OK(fedns_observed_add_a(c.obs, "sip.contoso.com", 60, "192.0.2.1", 1));
	OK(fedns_observed_add_srv(c.obs, "_sipfederationtls.tcp.contoso.com", 60, 0, 0, 5061,
				  "sip.contoso.com", 2));
	OK(fedns_observed_add_failure(c.obs, "av.contoso.com", 0, "timeout"));
	OK(fedns_deployment_compare(c.dep, c.obs, &c.findings));
	failalloc_arm(&fa, FAILALLOC_ALWAYS, 0);
	{
		/* Every accessor of certificates, probes and findings. */
		struct text t = {NULL, 0, 0};

		dump_certs(&t, c.certs);
		dump_probes(&t, c.probes);
		dump_findings(&t, c.findings);
		ck_assert_uint_gt(fedns_findings_count(c.findings), 3);
		ck_assert_uint_gt(fedns_certs_count(c.certs), 0);
		ck_assert_uint_gt(fedns_probes_count(c.probes), 10);
		ck_assert_uint_eq(fedns_observed_count(c.obs), 2);
		ck_assert_str_eq(fedns_observed_last_error(c.obs), "");
		free(t.p);
	}

	for (format = 0; format < 64; format++)
		for (lang = FEDNS_LANG_EN; lang <= FEDNS_LANG_ZH_CN; lang++) {
			struct counting_sink sink = {0, -1};
			size_t need = 0;
			fedns_status st = zoned(format) ? FEDNS_EINVAL :
				fedns_render(c.rs, format, lang, NULL, 0, &need);

			if (st == FEDNS_EINVAL)
				continue;
			formats += lang == FEDNS_LANG_EN;
			ck_assert_int_eq(st, FEDNS_ESPACE); /* snprintf-like, even for "" */
			ck_assert_int_eq(fedns_render(c.rs, format, lang, small_buf, sizeof(small_buf),
						      NULL),
					 need < sizeof(small_buf) ? FEDNS_OK : FEDNS_ESPACE);
			ck_assert_uint_eq(strlen(small_buf), need < 15 ? need : 15);
			OK(fedns_render_to(c.rs, format, lang, count_bytes, &sink));
			ck_assert_uint_eq(sink.bytes, need);
			sink.stop_after = 0;
			if (need)
				ck_assert_int_eq(fedns_render_to(c.rs, format, lang, count_bytes, &sink),
						 FEDNS_ECALLBACK);
		}
	ck_assert_int_ge(formats, 4);
	for (i = 0; i < fedns_recordset_count(c.rs); i++) {
		ck_assert_ptr_nonnull(fedns_record_owner(c.rs, i));
		ck_assert_ptr_nonnull(fedns_record_comment(c.rs, i, FEDNS_LANG_ZH_CN));
		ck_assert_int_ne(fedns_record_type(c.rs, i), 0);
	}
	g = fedns_recordset_diagnostics(c.rs);
	for (i = 0; i < fedns_diagnostics_count(g); i++)
		ck_assert_ptr_nonnull(fedns_diagnostic_message(g, i, FEDNS_LANG_EN));
	for (i = 0; i < fedns_diagnostics_count(all); i++) {
		ck_assert_ptr_nonnull(fedns_diagnostic_rule(all, i));
		ck_assert_ptr_nonnull(fedns_diagnostic_subject(all, i));
	}
	for (i = 0; i < COUNT(remote_domains); i++)
		OK(fedns_policy_decide(c.policy, remote_domains[i], FEDNS_PROTOCOL_SIP, NULL, NULL,
				       NULL));
	ck_assert_int_eq(fedns_policy_decide(c.policy, "bad name", FEDNS_PROTOCOL_XMPP, NULL,
					     NULL, NULL),
			 FEDNS_EBADNAME);
	ck_assert_uint_eq(fa.calls, 0);
	failalloc_disarm(&fa);

	fedns_diagnostics_free(all);
	finish(&c);
	printf("oom: rendering (%d formats x 2 languages), accessors, decisions, certificates, "
	       "probes and findings: 0 allocations\n", formats);
	fflush(stdout);
}
END_TEST

/* A per-zone format through every allocation failure: FEDNS_ENOMEM, no
 * text ("" in the buffer, needed 0, nothing to the callback) and nothing
 * left allocated, until the same render gives the whole text. */
START_TEST(test_zone_formats_through_allocation_failure)
{
	static const int formats[] = {FEDNS_FORMAT_SHEET, FEDNS_FORMAT_NSUPDATE,
				      FEDNS_FORMAT_POWERSHELL, FEDNS_FORMAT_OCTODNS};
	struct failalloc fa;
	struct ctx c;
	size_t f, points = 0;
	int lang;

	large_set(&c, &fa);
	for (f = 0; f < COUNT(formats); f++)
		for (lang = FEDNS_LANG_EN; lang <= FEDNS_LANG_ZH_CN; lang++) {
			size_t need = 0, got;
			char *want, *buf;
			long live = fa.live;
			unsigned long n;

			ck_assert_int_eq(fedns_render(c.rs, formats[f], lang, NULL, 0, &need),
					 FEDNS_ESPACE);
			want = malloc(need + 1);
			buf = malloc(need + 1);
			ck_assert_ptr_nonnull(want);
			ck_assert_ptr_nonnull(buf);
			OK(fedns_render(c.rs, formats[f], lang, want, need + 1, NULL));
			for (n = 0;; n++) {
				fedns_status st;

				failalloc_arm(&fa, FAILALLOC_ONCE, n);
				got = 1;
				st = fedns_render(c.rs, formats[f], lang, buf, need + 1, &got);
				if (!fa.failed) {
					OK(st);
					ck_assert_str_eq(buf, want);
					break;
				}
				ck_assert_int_eq(st, FEDNS_ENOMEM);
				ck_assert_str_eq(buf, "");
				ck_assert_uint_eq(got, 0);
				ck_assert_int_eq(fa.live, live);
				points++;
			}
			failalloc_arm(&fa, FAILALLOC_ALWAYS, 0);
			{
				struct counting_sink sink = {0, -1};

				ck_assert_int_eq(fedns_render_to(c.rs, formats[f], lang, count_bytes,
								 &sink),
						 FEDNS_ENOMEM);
				ck_assert_uint_eq(sink.bytes, 0);
			}
			failalloc_disarm(&fa);
			ck_assert_int_eq(fa.live, live);
			free(want);
			free(buf);
		}
	finish(&c);
	printf("oom: per-zone rendering: %zu failure points\n", points);
	fflush(stdout);
}
END_TEST

/* A refused derivation (EINVALID) leaves nothing live either, and the
 * deployment stays usable after any mix of failures. */
START_TEST(test_failures_then_fix_then_derive)
{
	struct failalloc fa;
	struct ctx c;
	fedns_recordset *rs = NULL;
	unsigned long n;

	memset(&c, 0, sizeof(c));
	failalloc_init(&fa);
	c.fa = &fa;
	OK(failalloc_deployment_new(&fa, &c.dep));
	/* Every add fails once at its first allocation, then succeeds. */
	for (n = 0; n < 3; n++) {
		failalloc_arm(&fa, FAILALLOC_ONCE, 0);
		ck_assert_int_eq(fedns_deployment_add_sip_domain(c.dep, "contoso.com", NULL),
				 FEDNS_ENOMEM);
		failalloc_disarm(&fa);
	}
	OK(fedns_deployment_add_sip_domain(c.dep, "contoso.com", NULL));
	ck_assert_int_eq(fedns_deployment_derive(c.dep, &rs), FEDNS_EINVALID);
	ck_assert_ptr_null(rs);
	OK(fedns_deployment_add_edge_pool(c.dep, "edge", &c.pool));
	failalloc_arm(&fa, FAILALLOC_ALWAYS, 0);
	ck_assert_int_eq(fedns_edge_pool_add_address(c.pool, FEDNS_EDGE_ACCESS, "131.107.155.10"),
			 FEDNS_ENOMEM);
	failalloc_disarm(&fa);
	OK(fedns_edge_pool_add_address(c.pool, FEDNS_EDGE_ACCESS, "131.107.155.10"));
	OK(fedns_deployment_derive(c.dep, &rs));
	ck_assert_uint_eq(fedns_recordset_count(rs), 2);
	fedns_recordset_free(rs);
	finish(&c);
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("oom");
	TCase *tc = tcase_create("allocation failure");

	/* The large scenarios run derivation a few thousand times. */
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, test_new_with_allocator);
	tcase_add_test(tc, test_observed_new_with_allocator);
	tcase_add_loop_test(tc, test_allocation_failure, 0, (int)COUNT(scenarios));
	tcase_add_test(tc, test_reading_never_allocates);
	tcase_add_test(tc, test_zone_formats_through_allocation_failure);
	tcase_add_test(tc, test_failures_then_fix_then_derive);
	suite_add_tcase(s, tc);
	return s;
}
