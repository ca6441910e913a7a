/* The hosting workload the benchmarks share: N SIP domains, each with
 * external access, partner discovery and XMPP (five records: the _sip._tls,
 * _sipfederationtls._tcp and _xmpp-server._tcp SRV records, the access
 * edge's and the XMPP proxy's A records), served by one edge pool with the
 * XMPP proxy; one XMPP partner (without one, validation warns about every
 * domain, V20); M allowed and M blocked federation domains. Validation
 * finds nothing to report.
 *
 * The names and the record texts are generated here so that fedns and its
 * peers (bench_ldns.c, peer_dnspython.py) see exactly the same zone. */
#ifndef BENCH_WORKLOAD_H
#define BENCH_WORKLOAD_H

#include <stdio.h>

#define BENCH_TTL 3600
#define BENCH_ACCESS_ADDRESS "131.107.155.10"
#define BENCH_XMPP_PARTNER "jabber.example.org"
#define BENCH_NAME_BUF 64
#define BENCH_RR_BUF 192
#define BENCH_RECORDS_PER_DOMAIN 5

/* The i-th SIP domain, the i-th allowed and the i-th blocked domain. */
static inline void bench_domain(char *out, long i)
{
	snprintf(out, BENCH_NAME_BUF, "tenant%ld.hosting.example", i);
}

static inline void bench_allowed(char *out, long i)
{
	snprintf(out, BENCH_NAME_BUF, "partner%ld.example.com", i);
}

static inline void bench_blocked(char *out, long i)
{
	snprintf(out, BENCH_NAME_BUF, "blocked%ld.example.org", i);
}

/* The master-file line of record `k` (0..4) of domain `i`, as fedns derives
 * it and in its order (owner, TTL, class, type, data; absolute names). */
static inline void bench_rr(char *out, long i, int k)
{
	char d[BENCH_NAME_BUF];

	bench_domain(d, i);
	switch (k) {
	case 0:
		snprintf(out, BENCH_RR_BUF, "_sip._tls.%s. %d IN SRV 0 0 443 sip.%s.", d,
			 BENCH_TTL, d);
		break;
	case 1:
		snprintf(out, BENCH_RR_BUF, "_sipfederationtls._tcp.%s. %d IN SRV 0 0 5061 sip.%s.",
			 d, BENCH_TTL, d);
		break;
	case 2:
		snprintf(out, BENCH_RR_BUF, "_xmpp-server._tcp.%s. %d IN SRV 0 0 5269 xmpp.%s.", d,
			 BENCH_TTL, d);
		break;
	case 3:
		snprintf(out, BENCH_RR_BUF, "sip.%s. %d IN A %s", d, BENCH_TTL,
			 BENCH_ACCESS_ADDRESS);
		break;
	default:
		snprintf(out, BENCH_RR_BUF, "xmpp.%s. %d IN A %s", d, BENCH_TTL,
			 BENCH_ACCESS_ADDRESS);
		break;
	}
}

#endif
