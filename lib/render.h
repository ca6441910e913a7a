/* Renderers of a record set (SPEC 6), one file per format, sharing these. */
#ifndef FEDNS_RENDER_H
#define FEDNS_RENDER_H

#include "recordset.h"
#include "sink.h"

void fedns_render_zone(const struct fedns_recordset *rs, int lang, struct fedns_sink *s);
void fedns_render_table(const struct fedns_recordset *rs, int lang, struct fedns_sink *s);
void fedns_render_csv(const struct fedns_recordset *rs, int lang, struct fedns_sink *s);
void fedns_render_json(const struct fedns_recordset *rs, int lang, struct fedns_sink *s);

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

#endif
