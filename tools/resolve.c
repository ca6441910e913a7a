/* Live look-ups with an ldns resolver of our own: no resolv.conf, no search
 * list, one server, UDP with TCP when an answer is truncated. */
#define _POSIX_C_SOURCE 200809L

#include "resolve.h"

#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rr.h"

/* After this many names without any answer from the server, the rest are
 * not tried: each would only wait out the timeout again. */
#define SILENT_LIMIT 3

static int parse_port(const char *text, uint16_t *port)
{
	char *end;
	long v = strtol(text, &end, 10);

	if (!*text || *end || v < 1 || v > 65535)
		return -1;
	*port = (uint16_t)v;
	return 0;
}

/* Splits TEXT into an address and a port (53 unless given). */
static int split(const char *text, char *addr, size_t cap, uint16_t *port)
{
	const char *colon = strrchr(text, ':'), *end = text + strlen(text);

	*port = 53;
	if (text[0] == '[') {
		const char *close = strchr(text, ']');

		if (!close || (close[1] && (close[1] != ':' || parse_port(close + 2, port))))
			return -1;
		text++;
		end = close;
	} else if (colon && strchr(text, ':') == colon) {
		if (parse_port(colon + 1, port)) /* one colon: IPv4 and a port */
			return -1;
		end = colon;
	}
	if ((size_t)(end - text) >= cap || end == text)
		return -1;
	memcpy(addr, text, (size_t)(end - text));
	addr[end - text] = '\0';
	return 0;
}

int server_parse(const char *text, struct server *s, char *err, size_t errcap)
{
	char canon[64];

	if (split(text, s->address, sizeof(s->address), &s->port) != 0 ||
	    fedns_address_normalize(s->address, canon, sizeof(canon), NULL, 0) != FEDNS_OK) {
		snprintf(err, errcap, "--server %s: expected ADDR, ADDR:PORT or [IPv6]:PORT with "
			 "an IPv4 or IPv6 address", text);
		return -1;
	}
	s->family = strchr(canon, ':') ? 6 : 4;
	snprintf(s->address, sizeof(s->address), "%s", canon);
	return 0;
}

static ldns_resolver *make_resolver(const struct server *s, int timeout)
{
	ldns_resolver *res = ldns_resolver_new();
	ldns_rdf *ns;
	struct timeval tv;

	if (!res)
		return NULL;
	ns = ldns_rdf_new_frm_str(s->family == 6 ? LDNS_RDF_TYPE_AAAA : LDNS_RDF_TYPE_A,
				  s->address);
	if (!ns || ldns_resolver_push_nameserver(res, ns) != LDNS_STATUS_OK) {
		ldns_rdf_deep_free(ns);
		ldns_resolver_deep_free(res);
		return NULL;
	}
	ldns_rdf_deep_free(ns);
	tv.tv_sec = timeout;
	tv.tv_usec = 0;
	ldns_resolver_set_port(res, s->port);
	ldns_resolver_set_timeout(res, tv);
	ldns_resolver_set_retry(res, 1);
	ldns_resolver_set_retrans(res, 1);
	/* Recursion desired: a resolver answers too (without exact TTLs). */
	ldns_resolver_set_recursive(res, true);
	ldns_resolver_set_fallback(res, true);
	ldns_resolver_set_defnames(res, false);
	ldns_resolver_set_dnsrch(res, false);
	return res;
}

struct walk {
	ldns_resolver *res;
	fedns_observed *obs;
	int timeout;      /* seconds */
	int silent;       /* names in a row the server did not answer */
	int answered;     /* the server answered at least once */
};

/* Why a look-up failed, or NULL when the answer can be read. */
static const char *failed(ldns_status st, const ldns_pkt *pkt, int timeout, char *buf,
			  size_t cap)
{
	ldns_pkt_rcode rcode;
	char *name;

	if (st == LDNS_STATUS_NETWORK_ERR) {
		/* ldns says no more than that nothing came back in time. */
		snprintf(buf, cap, "timeout: no answer within %d s", timeout);
		return buf;
	}
	if (st != LDNS_STATUS_OK || !pkt) {
		snprintf(buf, cap, "no answer: %s", ldns_get_errorstr_by_id(st));
		return buf;
	}
	rcode = ldns_pkt_get_rcode(pkt);
	if (rcode == LDNS_RCODE_NOERROR || rcode == LDNS_RCODE_NXDOMAIN)
		return NULL;
	name = ldns_pkt_rcode2str(rcode);
	snprintf(buf, cap, "%s", name ? name : "error");
	free(name);
	return buf;
}

/* Adds the records of the answer that sit at `qname`; a CNAME chain's
 * further links belong to other names. */
static int take_answer(struct walk *w, const ldns_pkt *pkt, const ldns_rdf *qname, char *err,
		       size_t errcap)
{
	const ldns_rr_list *answer = ldns_pkt_answer(pkt);
	size_t i;

	for (i = 0; answer && i < ldns_rr_list_rr_count(answer); i++) {
		const ldns_rr *rr = ldns_rr_list_rr(answer, i);

		if (ldns_dname_compare(ldns_rr_owner(rr), qname) == 0 &&
		    rr_observe(w->obs, rr, 0, ldns_pkt_aa(pkt), err, errcap) != FEDNS_OK)
			return -1;
	}
	return 0;
}

/* Looks up probe `i`; returns whether it failed (the reason in `why`). */
static int look_up(struct walk *w, const char *name, int type, char *why, size_t cap,
		   char *err, size_t errcap, int *fatal)
{
	ldns_rdf *qname = ldns_dname_new_frm_str(name);
	ldns_pkt *pkt = NULL;
	ldns_status st;
	const char *reason;

	*fatal = 0;
	if (!qname) {
		snprintf(why, cap, "not a name ldns accepts");
		return 1;
	}
	/* ldns marks a server that failed once unreachable for good; each
	 * name deserves its own try. */
	ldns_resolver_set_nameserver_rtt(w->res, 0, LDNS_RESOLV_RTT_MIN);
	st = ldns_resolver_send(&pkt, w->res, qname, (ldns_rr_type)type, LDNS_RR_CLASS_IN, LDNS_RD);
	reason = failed(st, pkt, w->timeout, why, cap);
	if (pkt)
		w->answered = 1;
	w->silent = pkt ? 0 : w->silent + 1;
	if (!reason && take_answer(w, pkt, qname, err, errcap) != 0)
		*fatal = 1;
	ldns_pkt_free(pkt);
	ldns_rdf_deep_free(qname);
	return reason != NULL;
}

/* The probes of one name are consecutive; once one fails, the rest of the
 * name's probes are not asked: the failure is the name's (type 0) when
 * none of them got an answer, else that type's. */
int resolve_probes(const struct server *s, int timeout, const fedns_probes *probes,
		   fedns_observed *obs, char *err, size_t errcap)
{
	struct walk w = {make_resolver(s, timeout), obs, timeout, 0, 0};
	size_t i = 0, n = fedns_probes_count(probes);
	int rc = 0;

	if (!w.res) {
		snprintf(err, errcap, "cannot set up a resolver for %s", s->address);
		return -1;
	}
	while (i < n && rc == 0) {
		const char *name = fedns_probe_name(probes, i);
		size_t first = i;
		char why[160];
		int fatal = 0, bad = 0;

		for (; i < n && strcmp(fedns_probe_name(probes, i), name) == 0; i++) {
			if (bad)
				continue;
			if (w.silent >= SILENT_LIMIT && !w.answered) {
				snprintf(why, sizeof(why), "not asked: the server answered none of the "
					 "first %d names", SILENT_LIMIT);
				bad = 1;
			} else {
				bad = look_up(&w, name, fedns_probe_type(probes, i), why, sizeof(why),
					      err, errcap, &fatal);
			}
			if (fatal) {
				rc = -1;
				break;
			}
			if (bad && fedns_observed_add_failure(obs, name, i == first ? 0 :
							      fedns_probe_type(probes, i), why)) {
				snprintf(err, errcap, "%s", fedns_observed_last_error(obs));
				rc = -1;
			}
		}
	}
	ldns_resolver_deep_free(w.res);
	return rc;
}
