/* Renderers of a record set (SPEC 6), one file per format, sharing these. */
#ifndef FEDNS_RENDER_H
#define FEDNS_RENDER_H

#include <string.h>

#include "recordset.h"
#include "sink.h"

void fedns_render_zone(const struct fedns_recordset *rs, int lang, struct fedns_sink *s);
void fedns_render_table(const struct fedns_recordset *rs, int lang, struct fedns_sink *s);
void fedns_render_csv(const struct fedns_recordset *rs, int lang, struct fedns_sink *s);
void fedns_render_json(const struct fedns_recordset *rs, int lang, struct fedns_sink *s);
void fedns_render_markdown(const struct fedns_recordset *rs, int lang, struct fedns_sink *s);

/* The formats that write one block per zone get the set's zone split. */
struct fedns_zones;
void fedns_render_sheet(const struct fedns_recordset *rs, const struct fedns_zones *zs, int lang,
			struct fedns_sink *s);
void fedns_render_nsupdate(const struct fedns_recordset *rs, const struct fedns_zones *zs,
			   int lang, struct fedns_sink *s);
void fedns_render_powershell(const struct fedns_recordset *rs, const struct fedns_zones *zs,
			     int lang, struct fedns_sink *s);
void fedns_render_octodns(const struct fedns_recordset *rs, const struct fedns_zones *zs,
			  int lang, struct fedns_sink *s);

/* The record's purpose tags in SPEC 6's order, separated by `sep`. */
void fedns_render_purposes(struct fedns_sink *s, uint32_t purposes, const char *sep);
/* A name without its trailing dot. */
void fedns_render_relative(struct fedns_sink *s, const char *absolute);
/* The SRV/CNAME target or the address of record `r`, as the table shows it. */
void fedns_render_data(struct fedns_sink *s, const struct fedns_recordset *rs,
		       const struct fedns_record *r);
/* "External DNS/SRV/5061", the seed's first column, in a language. */
void fedns_render_location(struct fedns_sink *s, const struct fedns_record *r, int lang);
/* The comment of record `r`. */
const char *fedns_render_comment(const struct fedns_recordset *rs, const struct fedns_record *r,
				 int lang);
/* The heading of column `col` (0..3) of the seed's table. */
const char *fedns_render_seed_heading(int col, int lang);
/* Whether `b` continues the comment group of `a`: same owner, purposes and
 * comment, so the A and AAAA records of a name share one comment line. */
static inline int fedns_render_same_group(const struct fedns_recordset *rs,
					  const struct fedns_record *a,
					  const struct fedns_record *b)
{
	return a->comment == b->comment && a->purposes == b->purposes &&
	       strcmp(FEDNS_TEXT(rs, a->owner), FEDNS_TEXT(rs, b->owner)) == 0;
}
/* Library text on one line: control characters and Unicode line breaks
 * become spaces, so a comment can never end early or start a directive. */
void fedns_render_line_text(struct fedns_sink *s, const char *text);
/* The length of the control character or line break `text` starts with
 * (what fedns_render_line_text() replaces), or 0. */
size_t fedns_render_breaker(const char *text);
/* Whether fedns_render_line_text() writes `text` as it is; the record
 * set's comments are checked once, when they are written (builder.c). */
int fedns_render_plain(const char *text);
/* "purposes: comment" of record `r`, on one line. */
void fedns_render_note(struct fedns_sink *s, const struct fedns_recordset *rs,
		       const struct fedns_record *r, int lang);
/* "owner TTL IN TYPE data" and a newline, absolute names (RFC 1035). */
void fedns_render_rr(struct fedns_sink *s, const struct fedns_recordset *rs,
		     const struct fedns_record *r);

/* The names of record types and purposes with their lengths, for a
 * renderer that writes them on every line to look them up once. */
struct fedns_render_name {
	const char *text;
	size_t n;
};

struct fedns_render_names {
	uint64_t types;    /* the types in `type` (by type, all below 64) */
	uint32_t purposes; /* the purpose bits in `purpose` (by bit number) */
	struct fedns_render_name type[64], purpose[32];
};

static inline void fedns_render_names_init(struct fedns_render_names *nm)
{
	nm->types = 0;
	nm->purposes = 0;
}

/* fedns_render_note() and fedns_render_rr() with names from `nm`. */
void fedns_render_note_named(struct fedns_sink *s, const struct fedns_recordset *rs,
			     const struct fedns_record *r, int lang,
			     struct fedns_render_names *nm);
void fedns_render_rr_named(struct fedns_sink *s, const struct fedns_recordset *rs,
			   const struct fedns_record *r, struct fedns_render_names *nm);
/* Terminal columns `n` bytes of UTF-8 take (East Asian wide ones take two). */
size_t fedns_render_width(const char *text, size_t n);

#endif
