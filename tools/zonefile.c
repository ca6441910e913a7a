/* Zone files through ldns_rr_new_frm_fp_l(), which reads one entry (a
 * record or a directive; one line, or several inside parentheses) a call.
 * Each record keeps the line it starts on: ldns skips the blank and comment
 * lines in front of an entry within the same call, so the line is found
 * from where the call began reading. */
#define _POSIX_C_SOURCE 200809L

#include "zonefile.h"

#include <errno.h>
#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rr.h"

struct reader {
	FILE *f;            /* reads `text` */
	const char *text;
	size_t len;
	size_t seen;        /* bytes of `text` counted into `lines` */
	int lines;          /* newlines in text[0 .. seen) */
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

/* The line of the first byte at or after `at` that is neither blank nor in
 * a comment: where the entry ldns reads next begins. */
static int entry_line(struct reader *r, size_t at)
{
	const char *t = r->text;

	for (;;) {
		while (at < r->len && (t[at] == ' ' || t[at] == '\t' || t[at] == '\r'))
			at++;
		if (at < r->len && t[at] == ';')
			while (at < r->len && t[at] != '\n')
				at++;
		if (at >= r->len || t[at] != '\n')
			break;
		at++;
	}
	for (; r->seen < at; r->seen++)
		r->lines += t[r->seen] == '\n';
	return r->lines + 1;
}

/* Reads the next entry; 1 for a record, 0 at the end, -1 on error. */
static int next(struct reader *r, ldns_rr **rr, int *start, char *err, size_t errcap)
{
	for (;;) {
		ldns_status st;

		long at = ftell(r->f);

		*rr = NULL;
		if (at < 0 || feof(r->f))
			return 0;
		*start = entry_line(r, (size_t)at);
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
	struct reader r = {NULL, NULL, 0, 0, 0, path, LDNS_DEFAULT_TTL, NULL, NULL, 0};
	char *text;
	FILE *f;
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
	f = fopen(path, "r");
	text = f ? read_all(f, &r.len) : NULL;
	if (f)
		fclose(f);
	r.text = text;
	if (text && r.len == 0) {
		/* An empty file holds no record (and fmemopen wants a size). */
		free(text);
		ldns_rdf_deep_free(r.origin);
		return 0;
	}
	r.f = text ? fmemopen(text, r.len, "r") : NULL;
	if (!r.f) {
		snprintf(err, errcap, "%s: %s", path, strerror(errno));
		free(text);
		ldns_rdf_deep_free(r.origin);
		return -1;
	}
	rc = read_zone(&r, obs, err, errcap);
	fclose(r.f);
	free(text);
	ldns_rdf_deep_free(r.origin);
	ldns_rdf_deep_free(r.prev);
	return rc < 0 ? -1 : 0;
}
