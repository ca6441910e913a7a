/* The derived record set: immutable once built, so readers need no lock. */
#ifndef FEDNS_RECORDSET_H
#define FEDNS_RECORDSET_H

#include <stddef.h>
#include <stdint.h>

#include "address.h"
#include "alloc.h"
#include "arena.h"
#include "diagnostics.h"

#define FEDNS_NO_TEXT FEDNS_ARENA_NONE

/* A set may hold millions: 48 bytes each. */
struct fedns_record {
	size_t owner;     /* offsets into the text arena */
	size_t target;    /* SRV/CNAME; FEDNS_NO_TEXT otherwise */
	size_t address;   /* A/AAAA, canonical text; FEDNS_NO_TEXT otherwise */
	uint32_t ttl, purposes, parts; /* parts: bits of enum fedns_part */
	uint32_t comment; /* index into the interned comments */
	uint16_t type, priority, weight, port;
};

/* Each distinct set of parts has its comment written once per language. */
struct fedns_comment {
	uint32_t parts;
	size_t text[2]; /* by fedns_lang */
	/* Found, when the comment was written, to hold nothing that
	 * fedns_render_line_text() replaces: the text offset so checked (a
	 * text put in its place is checked again), or FEDNS_NO_TEXT; and the
	 * text's length. Rendering then copies it as it is. */
	size_t plain[2];
	size_t len[2];
};

struct fedns_recordset {
	struct fedns_alloc alloc;
	struct fedns_record *items;
	size_t n, cap;
	struct fedns_comment *comments;
	size_t ncomments, commentcap;
	struct fedns_arena text;
	struct fedns_diagnostics diags;
	size_t *domains;          /* text offsets: every SIP domain of the deployment, */
	size_t ndomains;          /* folded, in document order */
};

/* The text at an arena offset. */
#define FEDNS_TEXT(rs, at) FEDNS_AT(&(rs)->text, at)

#endif
