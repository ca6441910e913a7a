/* Zone files through ldns_rr_new_frm_fp_l(), which reads one entry (a
 * record or a directive; one line, or several inside parentheses) a call
 * and counts lines, so each record keeps the line it starts on. */
#define _POSIX_C_SOURCE 200809L

#include "zonefile.h"

#include <errno.h>
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rr.h"

struct reader {
	FILE *f;
	const char *path;
	uint32_t ttl;       /* $TTL, or ldns's default until one is seen */
	ldns_rdf *origin;   /* $ORIGIN, or the caller's */
	ldns_rdf *prev;     /* the previous owner, for records that omit it */
	int line;           /* lines read so far */
};

/* Without an origin, ldns would complete a relative name with the root;
 * this reserved name (RFC 2606) stands in, so one can be caught instead. */
#define NO_ORIGIN "fedns-no-origin.invalid."

/* A name in `rr` was relative and there was no origin to complete it. */
static int is_relative(const ldns_rr *rr)
{
	char *text = ldns_rr2str(rr);
	int found = !text || strstr(text, NO_ORIGIN) != NULL;

	free(text);
	return found;
}

/* Reads the next entry; 1 for a record, 0 at the end, -1 on error. */
static int next(struct reader *r, ldns_rr **rr, int *start, char *err, size_t errcap)
{
	for (;;) {
		ldns_status st;

		*rr = NULL;
		*start = r->line + 1;
		if (feof(r->f))
			return 0;
		st = ldns_rr_new_frm_fp_l(rr, r->f, &r->ttl, &r->origin, &r->prev, &r->line);
		if (st == LDNS_STATUS_OK)
			return 1;
		if (st == LDNS_STATUS_SYNTAX_EMPTY || st == LDNS_STATUS_SYNTAX_TTL ||
		    st == LDNS_STATUS_SYNTAX_ORIGIN)
			continue; /* a blank or comment line, $TTL, $ORIGIN */
		if (st == LDNS_STATUS_SYNTAX_INCLUDE) {
			snprintf(err, errcap, "%s:%d: $INCLUDE is not supported: give the included "
				 "file as another ZONEFILE", r->path, *start);
			return -1;
		}
		if (feof(r->f) && st == LDNS_STATUS_SYNTAX_ERR)
			return 0; /* trailing whitespace without a newline */
		snprintf(err, errcap, "%s:%d: %s", r->path, *start, ldns_get_errorstr_by_id(st));
		return -1;
	}
}

static int read_zone(struct reader *r, fedns_observed *obs, char *err, size_t errcap)
{
	ldns_rr *rr;
	int start, got;
	char why[512];

	while ((got = next(r, &rr, &start, err, errcap)) == 1) {
		if (is_relative(rr)) {
			snprintf(err, errcap, "%s:%d: a relative name and no origin: add $ORIGIN "
				 "to the file or give --origin", r->path, start);
			ldns_rr_free(rr);
			return -1;
		}
		if (rr_observe(obs, rr, (uint32_t)start, 1, why, sizeof(why)) != FEDNS_OK) {
			snprintf(err, errcap, "%s:%d: %s", r->path, start, why);
			ldns_rr_free(rr);
			return -1;
		}
		ldns_rr_free(rr);
	}
	return got;
}

int zone_load(fedns_observed *obs, const char *path, const char *origin, char *err,
	      size_t errcap)
{
	struct reader r = {NULL, path, LDNS_DEFAULT_TTL, NULL, NULL, 0};
	int rc;

	if (ldns_str2rdf_dname(&r.origin, origin ? origin : NO_ORIGIN) != LDNS_STATUS_OK) {
		snprintf(err, errcap, "--origin %s: not a domain name", origin);
		return -1;
	}
	if (fedns_observed_set_source(obs, path) != FEDNS_OK) {
		snprintf(err, errcap, "%s", fedns_strerror(FEDNS_ENOMEM));
		ldns_rdf_deep_free(r.origin);
		return -1;
	}
	r.f = fopen(path, "r");
	if (!r.f) {
		snprintf(err, errcap, "%s: %s", path, strerror(errno));
		ldns_rdf_deep_free(r.origin);
		return -1;
	}
	rc = read_zone(&r, obs, err, errcap);
	if (rc == 0 && ferror(r.f)) {
		snprintf(err, errcap, "%s: read error", path);
		rc = -1;
	}
	fclose(r.f);
	ldns_rdf_deep_free(r.origin);
	ldns_rdf_deep_free(r.prev);
	return rc < 0 ? -1 : 0;
}
