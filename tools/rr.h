/* Turning an ldns resource record into a record of an observed set, for
 * zone files (zonefile.c) and server answers (resolve.c) alike. */
#ifndef FEDNS_TOOLS_RR_H
#define FEDNS_TOOLS_RR_H

#include <ldns/ldns.h>
#include <stddef.h>

#include <fedns/fedns.h>

/* Adds `rr` to `obs` with its line (0: none); its TTL, or FEDNS_TTL_UNKNOWN
 * when `ttl_known` is 0. Returns the fedns_status of the adder, with a
 * message in `err` on failure. */
fedns_status rr_observe(fedns_observed *obs, const ldns_rr *rr, uint32_t line, int ttl_known,
			char *err, size_t errcap);

#endif
