/* Fuzz target: the whole model built from fuzz input. A small data provider
 * turns the bytes into a sequence of API calls (every setter and adder of
 * the deployment and of an observed record set, with strings from a dictionary of good and hostile names or raw bytes,
 * and allocation failures injected through tests/failalloc.c), then the
 * deployment is validated, derived, rendered, asked for decisions,
 * certificates and probes, and compared with the observed set, with the
 * oracles of oracle.c: rendering twice gives the same bytes, every
 * rendered zone reads back record by record with names that re-normalize,
 * no diagnostic lacks a rule id, validation, derivation and the policy
 * agree, a failed call returns a documented status, nothing leaks. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "failalloc.h"
#include "oracle.h"

/* ---- The data provider ---- */

struct provider {
	const uint8_t *p;
	size_t n;
};

static uint8_t byte(struct provider *pr)
{
	uint8_t b;

	if (!pr->n)
		return 0;
	b = *pr->p++;
	pr->n--;
	return b;
}

static const char *const dictionary[] = {
	"contoso.com", "Contoso.COM.", "fabrikam.com", "sub.contoso.com", "online.example",
	"push.lync.com", "sipfed.online.lync.com", "federation.messenger.msn.com", "msn.com",
	"jabber.example.org", "chat.example.org", "sip.contoso.com", "webcon.contoso.com",
	"av.contoso.com", "dialin.contoso.com", "web.contoso.com", "sip", "xmpp", "chat", "edge",
	"edge2", "a", "x", "1", "123", "xn--bcher-kva.de", "b\xc3\xbc\x63her.de",
	"131.107.155.10", "131.107.155.11", "2001:db8::10", "2001:DB8:0:0:0:0:0:1", "10.0.0.1",
	"192.168.1.1", "::1", "::ffff:1.2.3.4", "fe80::1", "0.0.0.0", "255.255.255.255",
	"01.2.3.4", "1.2.3", "::", "", ".", "..", "-a.com", "a-.com", "_sip._tls.contoso.com",
	"contoso .com", "contoso.com;", "$ORIGIN.com", "con\"toso.com", "contoso.com\nevil. 1 IN A 1.2.3.4",
	"contoso.com\r", "@", "*.contoso.com",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa."
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa."
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa."
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa."
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa."
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa."
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com",
};
#define NDICT (sizeof(dictionary) / sizeof(dictionary[0]))

/* A string: from the dictionary, or up to 300 raw bytes (a NUL ends it). */
static const char *string(struct provider *pr, char *buf)
{
	uint8_t b = byte(pr);
	size_t n, i;

	if (b < 0xe0)
		return dictionary[b % NDICT];
	n = byte(pr);
	n += (b & 1) ? 45 : 0;
	for (i = 0; i < n && pr->n; i++)
		buf[i] = (char)byte(pr);
	buf[i] = '\0';
	return buf;
}

static const char *string_or_null(struct provider *pr, char *buf)
{
	return byte(pr) & 1 ? string(pr, buf) : NULL;
}

static int64_t value(struct provider *pr)
{
	uint8_t b = byte(pr);
	int64_t v = 0;
	int i;

	if (b < 0xf0)
		return (int64_t)(b % 5) - 1; /* -1..3 */
	for (i = 0; i < 8; i++)
		v = (int64_t)((uint64_t)v << 8 | byte(pr));
	return v;
}

static const int options[] = {
	FEDNS_OPT_TTL, FEDNS_OPT_SERVER, FEDNS_OPT_ALLOW_FEDERATED_USERS,
	FEDNS_OPT_PARTNER_DISCOVERY, FEDNS_OPT_DISCOVERABLE, FEDNS_OPT_PUSH_NOTIFICATIONS,
	FEDNS_OPT_PUBLIC_IM, FEDNS_OPT_EXTERNAL_ACCESS, FEDNS_OPT_DOMAIN_USERS,
	FEDNS_OPT_DOMAIN_MOBILITY, FEDNS_OPT_DOMAIN_XMPP, FEDNS_OPT_DOMAIN_HOSTING,
	FEDNS_OPT_POOL_FEDERATION_ROUTE, FEDNS_OPT_POOL_XMPP_PROXY, FEDNS_OPT_POOL_LOAD_BALANCING,
	FEDNS_OPT_XMPP_TYPE, FEDNS_OPT_XMPP_TLS, FEDNS_OPT_XMPP_SASL, FEDNS_OPT_XMPP_DIALBACK,
	FEDNS_OPT_PROVIDER_ENABLED, FEDNS_OPT_PROVIDER_VERIFICATION, FEDNS_OPT_PROXY_LYNCDISCOVER,
	FEDNS_OPT_PROXY_MEET, -1, 1000,
};

static int option(struct provider *pr)
{
	return options[byte(pr) % (sizeof(options) / sizeof(options[0]))];
}

/* ---- The model under construction ---- */

#define HANDLES 8

struct model {
	fedns_deployment *dep;
	fedns_sip_domain *domains[HANDLES];
	fedns_edge_pool *pools[HANDLES];
	fedns_xmpp_partner *partners[HANDLES];
	fedns_public_provider *publics[HANDLES];
	fedns_hosting_provider *hostings[HANDLES];
	fedns_reverse_proxy *proxy;
	fedns_observed *obs; /* what "DNS" says, compared with the model */
	size_t ndomains, npools, npartners, npublics, nhostings;
	/* Remote domains for the policy: every string the input used. */
	const char *names[64];
	char namebuf[64][302];
	size_t nnames;
};

#define PICK(pr, arr, n) ((n) ? (arr)[byte(pr) % (n)] : NULL)
#define KEEP(arr, n, h)                    \
	do {                               \
		if ((n) < HANDLES)         \
			(arr)[(n)++] = (h); \
	} while (0)

static void remember(struct model *m, const char *s)
{
	if (s && m->nnames < 64) {
		size_t n = strlen(s);

		if (n > 301)
			n = 301;
		memcpy(m->namebuf[m->nnames], s, n);
		m->namebuf[m->nnames][n] = '\0';
		m->names[m->nnames] = m->namebuf[m->nnames];
		m->nnames++;
	}
}

/* Every status a model call may document; what it returns is checked
 * against this, and against the last error. */
static void check_status(fedns_deployment *dep, const void *object, fedns_status st, int op)
{
	const char *why = fedns_deployment_last_error(dep);

	ORACLE(st == FEDNS_OK || st == FEDNS_ENOMEM || st == FEDNS_EINVAL || st == FEDNS_ENOTFOUND ||
		       st == FEDNS_EBADNAME || st == FEDNS_EINVALID,
	       "op %d: status %d", op, (int)st);
	ORACLE(!oracle_has_control(why, strlen(why), ""), "op %d: last error has a control character",
	       op);
	if (!object) {
		/* A NULL handle: nowhere to keep a message. */
		ORACLE(st == FEDNS_EINVAL, "op %d: NULL handle: %s", op, fedns_status_name(st));
		return;
	}
	if (st != FEDNS_OK)
		ORACLE(why[0] != '\0', "op %d: %s without a message", op, fedns_status_name(st));
	if (st == FEDNS_ENOMEM)
		ORACLE(strstr(why, "memory") != NULL, "op %d: ENOMEM says \"%s\"", op, why);
}

/* The observed set's adders: a documented status, a message on failure,
 * and nothing added then. */
static void check_observed(const fedns_observed *obs, fedns_status st, size_t before, int op)
{
	const char *why = fedns_observed_last_error(obs);

	ORACLE(st == FEDNS_OK || st == FEDNS_ENOMEM || st == FEDNS_EINVAL || st == FEDNS_EBADNAME ||
		       st == FEDNS_EBADADDR,
	       "op %d: status %d", op, (int)st);
	ORACLE(!oracle_has_control(why, strlen(why), ""), "op %d: last error has a control character",
	       op);
	if (st != FEDNS_OK) {
		ORACLE(why[0] != '\0', "op %d: %s without a message", op, fedns_status_name(st));
		ORACLE(fedns_observed_count(obs) == before, "op %d: failed, but the set changed", op);
	}
	if (st == FEDNS_ENOMEM)
		ORACLE(strstr(why, "memory") != NULL, "op %d: ENOMEM says \"%s\"", op, why);
}

static uint32_t u32(struct provider *pr)
{
	uint8_t b = byte(pr);
	uint32_t v = 0;
	int i;

	if (b < 0xc0)
		return b < 0x80 ? 3600 : FEDNS_TTL_UNKNOWN;
	for (i = 0; i < 4; i++)
		v = v << 8 | byte(pr);
	return v;
}

/* FUZZ_MODEL_TRACE=1 prints every call, to turn a crash into a test case. */
static void trace_string(const char *label, const char *s)
{
	if (!s)
		return;
	fprintf(stderr, " %s=\"", label);
	for (; *s; s++)
		fprintf(stderr, (unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f || *s == '"' ?
					"\\x%02x" : "%c",
			(unsigned char)*s);
	fputc('"', stderr);
}

static void trace_call(int op, const void *obj, int o, int64_t v, int r, const char *s1,
		       const char *s2, const char *s3, fedns_status st)
{
	fprintf(stderr, "op %2d %s o=%d v=%lld r=%d", op, obj ? "obj" : "NULL", o, (long long)v, r);
	trace_string("s1", s1);
	trace_string("s2", s2);
	trace_string("s3", s3);
	fprintf(stderr, " -> %s\n", fedns_status_name(st));
}

static void run(struct model *m, struct provider *pr, struct failalloc *fa)
{
	const int trace = getenv("FUZZ_MODEL_TRACE") != NULL;
	char a[302], b[302], c[302];
	int ops = 0;

	while (pr->n && ops++ < 200) {
		uint8_t op = byte(pr) % 35;
		fedns_deployment *dep = m->dep;
		fedns_status st = FEDNS_OK;
		const void *obj = dep; /* the object called, NULL for a missing handle */
		/* Inputs are read into these before each call: the order in which
		 * a call's arguments are evaluated is unspecified. */
		const char *s1, *s2, *s3;
		int o, r;
		int64_t v;
		size_t before;
		fedns_sip_domain *d;
		fedns_edge_pool *p;
		fedns_xmpp_partner *x;
		fedns_public_provider *pub;
		fedns_hosting_provider *h;

		s1 = s2 = s3 = NULL;
		o = r = -1;
		v = 0;
		switch (op) {
		case 0: {
			d = NULL;

			s1 = string(pr, a);
			remember(m, s1);
			st = fedns_deployment_add_sip_domain(dep, s1, &d);
			if (!st)
				KEEP(m->domains, m->ndomains, d);
			break;
		}
		case 1:
			obj = d = PICK(pr, m->domains, m->ndomains);
			o = option(pr);
			v = value(pr);
			st = fedns_sip_domain_set(d, o, v);
			break;
		case 2:
			obj = d = PICK(pr, m->domains, m->ndomains);
			s1 = string_or_null(pr, a);
			st = fedns_sip_domain_set_edge_pool(d, s1);
			break;
		case 3: {
			p = NULL;

			s1 = string(pr, a);
			st = fedns_deployment_add_edge_pool(dep, s1, &p);
			if (!st)
				KEEP(m->pools, m->npools, p);
			break;
		}
		case 4:
			obj = p = PICK(pr, m->pools, m->npools);
			o = option(pr);
			v = value(pr);
			st = fedns_edge_pool_set(p, o, v);
			break;
		case 5:
			obj = p = PICK(pr, m->pools, m->npools);
			s1 = string(pr, a);
			st = fedns_edge_pool_set_access_edge_host(p, s1);
			break;
		case 6:
			obj = p = PICK(pr, m->pools, m->npools);
			r = byte(pr) % 4;
			s1 = string_or_null(pr, a);
			st = fedns_edge_pool_set_fqdn(p, r, s1);
			break;
		case 7:
		case 8: /* addresses come often */
			obj = p = PICK(pr, m->pools, m->npools);
			r = byte(pr) % 4;
			s1 = string(pr, a);
			st = fedns_edge_pool_add_address(p, r, s1);
			break;
		case 9:
			obj = p = PICK(pr, m->pools, m->npools);
			s1 = string_or_null(pr, a);
			st = fedns_edge_pool_set_xmpp_host(p, s1);
			break;
		case 10:
			s1 = string(pr, a);
			s2 = string_or_null(pr, b);
			s3 = string_or_null(pr, c);
			remember(m, s1);
			st = fedns_deployment_add_allowed_domain(dep, s1, s2, s3);
			break;
		case 11:
			s1 = string(pr, a);
			remember(m, s1);
			s2 = string_or_null(pr, b);
			st = fedns_deployment_add_blocked_domain(dep, s1, s2);
			break;
		case 12: {
			x = NULL;

			s1 = string(pr, a);
			remember(m, s1);
			st = fedns_deployment_add_xmpp_partner(dep, s1, &x);
			if (!st)
				KEEP(m->partners, m->npartners, x);
			break;
		}
		case 13:
			obj = x = PICK(pr, m->partners, m->npartners);
			o = option(pr);
			v = value(pr);
			st = fedns_xmpp_partner_set(x, o, v);
			break;
		case 14:
			obj = x = PICK(pr, m->partners, m->npartners);
			s1 = string(pr, a);
			remember(m, s1);
			st = fedns_xmpp_partner_add_domain(x, s1);
			break;
		case 15:
			obj = x = PICK(pr, m->partners, m->npartners);
			s1 = string_or_null(pr, a);
			st = fedns_xmpp_partner_set_proxy_fqdn(x, s1);
			break;
		case 16: {
			pub = NULL;

			s1 = string(pr, a);
			s2 = string_or_null(pr, b);
			st = fedns_deployment_add_public_provider(dep, s1, s2, &pub);
			if (!st)
				KEEP(m->publics, m->npublics, pub);
			break;
		}
		case 17:
			obj = pub = PICK(pr, m->publics, m->npublics);
			o = option(pr);
			v = value(pr);
			st = fedns_public_provider_set(pub, o, v);
			break;
		case 18:
			obj = pub = PICK(pr, m->publics, m->npublics);
			s1 = string(pr, a);
			remember(m, s1);
			st = fedns_public_provider_add_domain(pub, s1);
			break;
		case 19: {
			h = NULL;

			s1 = string(pr, a);
			s2 = string_or_null(pr, b);
			st = fedns_deployment_add_hosting_provider(dep, s1, s2, &h);
			if (!st)
				KEEP(m->hostings, m->nhostings, h);
			break;
		}
		case 20:
			obj = h = PICK(pr, m->hostings, m->nhostings);
			o = option(pr);
			v = value(pr);
			st = fedns_hosting_provider_set(h, o, v);
			break;
		case 21:
		case 22:
			o = option(pr);
			v = value(pr);
			st = fedns_deployment_set(dep, o, v);
			break;
		case 23: {
			fedns_reverse_proxy *rp = NULL;

			st = fedns_deployment_add_reverse_proxy(dep, &rp);
			if (!st)
				m->proxy = rp;
			break;
		}
		case 24:
			obj = m->proxy;
			o = option(pr);
			v = value(pr);
			st = fedns_reverse_proxy_set(m->proxy, o, v);
			break;
		case 25:
			obj = m->proxy;
			s1 = string(pr, a);
			st = fedns_reverse_proxy_add_address(m->proxy, s1);
			break;
		case 26:
			obj = m->proxy;
			r = byte(pr) % 3;
			s1 = string_or_null(pr, a);
			st = fedns_reverse_proxy_set_fqdn(m->proxy, r, s1);
			break;
		case 28:
			s1 = string_or_null(pr, a);
			before = fedns_observed_count(m->obs);
			st = fedns_observed_set_source(m->obs, s1);
			check_observed(m->obs, st, before, op);
			if (trace)
				trace_call(op, m->obs, o, v, r, s1, s2, s3, st);
			continue;
		case 29: {
			uint32_t ttl = u32(pr);
			uint16_t prio = byte(pr), weight = byte(pr), port = (uint16_t)(byte(pr) << 8);

			port |= byte(pr);
			s1 = string(pr, a);
			s2 = string(pr, b);
			before = fedns_observed_count(m->obs);
			st = fedns_observed_add_srv(m->obs, s1, ttl, prio, weight, port, s2, byte(pr));
			check_observed(m->obs, st, before, op);
			if (trace)
				trace_call(op, m->obs, o, v, r, s1, s2, s3, st);
			continue;
		}
		case 30:
		case 31:
		case 32: {
			uint32_t ttl = u32(pr);

			s1 = string(pr, a);
			s2 = string(pr, b);
			r = byte(pr);
			before = fedns_observed_count(m->obs);
			st = op == 30 ? fedns_observed_add_a(m->obs, s1, ttl, s2, (uint32_t)r) :
			     op == 31 ? fedns_observed_add_aaaa(m->obs, s1, ttl, s2, (uint32_t)r) :
					fedns_observed_add_cname(m->obs, s1, ttl, s2, (uint32_t)r);
			check_observed(m->obs, st, before, op);
			if (trace)
				trace_call(op, m->obs, o, v, r, s1, s2, s3, st);
			continue;
		}
		case 33: {
			uint32_t ttl = u32(pr);

			r = byte(pr);
			s1 = string(pr, a);
			s2 = string(pr, b);
			before = fedns_observed_count(m->obs);
			st = fedns_observed_add_other(m->obs, s1, ttl, r, s2, 0);
			check_observed(m->obs, st, before, op);
			if (trace)
				trace_call(op, m->obs, o, v, r, s1, s2, s3, st);
			continue;
		}
		case 34:
			r = byte(pr) % 40;
			s1 = string(pr, a);
			s2 = string(pr, b);
			before = fedns_observed_count(m->obs);
			st = fedns_observed_add_failure(m->obs, s1, r, s2);
			check_observed(m->obs, st, before, op);
			if (trace)
				trace_call(op, m->obs, o, v, r, s1, s2, s3, st);
			continue;
		case 27:
		default: {
			/* Fail one of the next allocations, once. */
			uint8_t k = byte(pr);

			failalloc_arm(fa, FAILALLOC_ONCE, k % 16);
			if (trace)
				fprintf(stderr, "op 27 fail allocation %d from now, once\n", k % 16);
			continue;
		}
		}
		if (trace)
			trace_call(op, obj, o, v, r, s1, s2, s3, st);
		check_status(dep, obj, st, op);
	}
	failalloc_disarm(fa);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct provider pr = {data, size};
	struct failalloc fa;
	struct model *m = calloc(1, sizeof(*m));
	static const char *const strangers[] = {"stranger.example", "bad name", ""};
	size_t i;

	if (!m)
		return 0;
	failalloc_init(&fa);
	ORACLE(failalloc_deployment_new(&fa, &m->dep) == FEDNS_OK, "new deployment");
	ORACLE(fedns_observed_new_with_allocator(failalloc_malloc, failalloc_realloc, failalloc_free,
						 &fa, &m->obs) == FEDNS_OK,
	       "new observed set");
	run(m, &pr, &fa);
	for (i = 0; i < sizeof(strangers) / sizeof(strangers[0]); i++)
		remember(m, strangers[i]);
	oracle_deployment(m->dep, m->names, m->nnames, m->obs);
	/* derive_domain for each domain named, agreeing with derive. */
	for (i = 0; i < m->nnames && i < 8; i++) {
		fedns_recordset *rs = NULL;
		fedns_status st = fedns_deployment_derive_domain(m->dep, m->names[i], &rs);

		ORACLE(st == FEDNS_OK || st == FEDNS_EINVALID || st == FEDNS_ENOTFOUND ||
			       st == FEDNS_EBADNAME,
		       "derive_domain: %s", fedns_status_name(st));
		ORACLE((st == FEDNS_OK) == (rs != NULL), "derive_domain output");
		if (rs)
			oracle_recordset(rs);
		fedns_recordset_free(rs);
	}
	fedns_deployment_free(m->dep);
	fedns_observed_free(m->obs);
	ORACLE(fa.live == 0 && fa.live_bytes == 0, "%ld blocks (%zu bytes) leaked", fa.live,
	       fa.live_bytes);
	ORACLE(!fa.corrupt, "the allocator saw a foreign pointer or a zero-size request");
	free(m);
	return 0;
}
