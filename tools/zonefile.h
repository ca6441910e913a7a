/* Zone files, read by ldns (not by hand) into an observed record set. */
#ifndef FEDNS_TOOLS_ZONEFILE_H
#define FEDNS_TOOLS_ZONEFILE_H

#include <stddef.h>

#include <fedns/fedns.h>

/* Adds every record of the zone file at `path` to `obs`, each with its
 * line and the file as its source. `origin` (may be NULL) is the origin
 * before any $ORIGIN. Returns 0, or -1 with "PATH:LINE: reason" in `err`. */
int zone_load(fedns_observed *obs, const char *path, const char *origin, char *err,
	      size_t errcap);

#endif
