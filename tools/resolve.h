/* Asking a live DNS server (ldns resolver) what it holds at each name a
 * deployment needs, into an observed record set. */
#ifndef FEDNS_TOOLS_RESOLVE_H
#define FEDNS_TOOLS_RESOLVE_H

#include <stddef.h>
#include <stdint.h>

#include <fedns/fedns.h>

struct server {
	char address[64]; /* an IPv4 or IPv6 literal */
	int family;       /* 4 or 6 */
	uint16_t port;
};

/* Parses ADDR, ADDR:PORT, [IPv6] or [IPv6]:PORT (an IPv6 literal without
 * brackets takes no port). Returns 0, or -1 with a message in `err`. */
int server_parse(const char *text, struct server *s, char *err, size_t errcap);

/* Looks up every probe at the server and adds what it answers at the
 * probed name (a CNAME included) to `obs`; a look-up that gets no answer
 * or an error code becomes a failure of that name. Returns 0, or -1 with a
 * message in `err` when nothing could be asked at all. */
int resolve_probes(const struct server *s, int timeout, const fedns_probes *probes,
		   fedns_observed *obs, char *err, size_t errcap);

#endif
