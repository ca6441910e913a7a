#include "builder.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "list.h"
#include "part.h"
#include "render.h"

struct fedns_cand *fedns_builder_cand(struct fedns_builder *b, int part, uint32_t purposes)
{
	struct fedns_cand *c;
	void *p = fedns_grow(&b->rs->alloc, b->cands, &b->candcap, b->ncands, sizeof(*c));

	if (!p)
		return NULL;
	b->cands = p;
	c = &b->cands[b->ncands++];
	/* The names are for the caller to write; the rest starts zeroed. */
	c->owner[0] = c->target[0] = '\0';
	memset(&c->addr, 0, sizeof(*c) - offsetof(struct fedns_cand, addr));
	c->part = part;
	c->purposes = purposes;
	return c;
}

static int type_rank(int type)
{
	switch (type) {
	case FEDNS_RR_A:
		return 0;
	case FEDNS_RR_AAAA:
		return 1;
	case FEDNS_RR_CNAME:
		return 2;
	default:
		return 3;
	}
}

/* SPEC 2's order within a group: owner, type, then data. */
static int compare_cands(const void *pa, const void *pb)
{
	const struct fedns_cand *a = pa, *b = pb;
	int d = strcmp(a->owner, b->owner);

	if (d)
		return d;
	if (a->type != b->type)
		return type_rank(a->type) - type_rank(b->type);
	if (a->type == FEDNS_RR_A || a->type == FEDNS_RR_AAAA)
		return fedns_address_compare(&a->addr, &b->addr);
	if (a->priority != b->priority)
		return a->priority - b->priority;
	if (a->weight != b->weight)
		return a->weight - b->weight;
	if (a->port != b->port)
		return a->port - b->port;
	d = strcmp(a->target, b->target);
	return d ? d : a->part - b->part;
}

/* The hash of a record's key: owner, type and data (the address, or the
 * target and port). Candidates and records hash alike. */
static size_t hash_key(const char *owner, int type, const struct fedns_address *addr,
		       const char *target, uint16_t port)
{
	const unsigned char *p;
	uint64_t h = 1469598103934665603u;

	for (p = (const unsigned char *)owner; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	h = (h ^ (unsigned)type) * 1099511628211u;
	if (type == FEDNS_RR_A || type == FEDNS_RR_AAAA) {
		size_t i;

		for (i = 0; i < 16; i++)
			h = (h ^ addr->bytes[i]) * 1099511628211u;
	} else {
		for (p = (const unsigned char *)target; *p; p++)
			h = (h ^ *p) * 1099511628211u;
		h = (h ^ port) * 1099511628211u;
	}
	return (size_t)(h ^ (h >> 32));
}

static size_t hash_cand(const struct fedns_cand *c)
{
	return hash_key(c->owner, c->type, &c->addr, c->target, c->port);
}

static int same_record(const struct fedns_recordset *rs, const struct fedns_record *r,
		       const struct fedns_cand *c)
{
	if (r->type != c->type || strcmp(FEDNS_TEXT(rs, r->owner), c->owner))
		return 0;
	if (c->type == FEDNS_RR_A || c->type == FEDNS_RR_AAAA)
		return fedns_address_compare(&r->addr, &c->addr) == 0;
	return r->priority == c->priority && r->weight == c->weight && r->port == c->port &&
	       strcmp(FEDNS_TEXT(rs, r->target), c->target) == 0;
}

static fedns_status rehash(struct fedns_builder *b)
{
	size_t n = b->nslots ? b->nslots * 2 : 1024, i;
	size_t *slots = fedns_alloc_array(&b->rs->alloc, NULL, n, sizeof(*slots));

	if (!slots)
		return FEDNS_ENOMEM;
	memset(slots, 0, n * sizeof(*slots));
	for (i = 0; i < b->rs->n; i++) {
		size_t h;

		for (h = b->hashes[i] & (n - 1); slots[h]; h = (h + 1) & (n - 1))
			;
		slots[h] = i + 1;
	}
	fedns_alloc_free(&b->rs->alloc, b->slots);
	b->slots = slots;
	b->nslots = n;
	return FEDNS_OK;
}

fedns_status fedns_builder_init(struct fedns_builder *b, struct fedns_recordset *rs,
				uint32_t ttl)
{
	memset(b, 0, sizeof(*b));
	b->rs = rs;
	b->ttl = ttl;
	return rehash(b);
}

static fedns_status append_record(struct fedns_builder *b, const struct fedns_cand *c,
				  size_t slot, size_t hash)
{
	struct fedns_recordset *rs = b->rs;
	struct fedns_record *r;
	void *p = fedns_grow(&rs->alloc, b->hashes, &b->hashcap, rs->n, sizeof(*b->hashes));

	if (!p)
		return FEDNS_ENOMEM;
	b->hashes = p;
	b->hashes[rs->n] = hash;
	p = fedns_grow(&rs->alloc, rs->items, &rs->cap, rs->n, sizeof(*r));
	if (!p)
		return FEDNS_ENOMEM;
	rs->items = p;
	r = &rs->items[rs->n];
	memset(r, 0, sizeof(*r));
	/* Records of one owner come together; they share its text. */
	if (rs->n && strcmp(FEDNS_TEXT(rs, rs->items[rs->n - 1].owner), c->owner) == 0)
		r->owner = rs->items[rs->n - 1].owner;
	else
		r->owner = fedns__arena_add(&rs->text, &rs->alloc, c->owner, strlen(c->owner));
	r->target = r->address = FEDNS_NO_TEXT;
	if (c->type == FEDNS_RR_A || c->type == FEDNS_RR_AAAA) {
		char text[FEDNS_ADDRESS_BUF];
		size_t n = fedns_address_format(&c->addr, text);

		r->address = fedns__arena_add(&rs->text, &rs->alloc, text, n);
	} else {
		r->target = fedns__arena_add(&rs->text, &rs->alloc, c->target, strlen(c->target));
	}
	if (r->owner == FEDNS_NO_TEXT || (r->target == FEDNS_NO_TEXT && r->address == FEDNS_NO_TEXT))
		return FEDNS_ENOMEM;
	r->addr = c->addr;
	r->ttl = b->ttl;
	r->type = c->type;
	r->priority = c->priority;
	r->weight = c->weight;
	r->port = c->port;
	r->purposes = c->purposes;
	r->parts = (uint32_t)1 << c->part;
	b->slots[slot] = ++rs->n;
	return FEDNS_OK;
}

/* A group holds a handful of candidates (a SIP domain's five): insertion
 * sort beats qsort()'s setup there. Candidates that compare equal are the
 * same record, so any sorted order gives the same set. */
static void sort_cands(struct fedns_cand *c, size_t n)
{
	struct fedns_cand t;
	size_t i, j;

	if (n > 16) {
		qsort(c, n, sizeof(*c), compare_cands);
		return;
	}
	for (i = 1; i < n; i++) {
		if (compare_cands(&c[i - 1], &c[i]) <= 0)
			continue;
		t = c[i];
		for (j = i; j > 0 && compare_cands(&c[j - 1], &t) > 0; j--)
			c[j] = c[j - 1];
		c[j] = t;
	}
}

/* Adds the pending candidates in order; a record already in the set keeps
 * its place and gains the candidate's purposes and comment. */
fedns_status fedns_builder_flush(struct fedns_builder *b)
{
	size_t i;

	sort_cands(b->cands, b->ncands);
	for (i = 0; i < b->ncands; i++) {
		const struct fedns_cand *c = &b->cands[i];
		size_t hash = hash_cand(c), h;

		if ((b->rs->n + 1) * 2 > b->nslots && rehash(b))
			return FEDNS_ENOMEM;
		for (h = hash & (b->nslots - 1); b->slots[h]; h = (h + 1) & (b->nslots - 1)) {
			struct fedns_record *r = &b->rs->items[b->slots[h] - 1];

			if (same_record(b->rs, r, c)) {
				r->purposes |= c->purposes;
				r->parts |= (uint32_t)1 << c->part;
				break;
			}
		}
		if (!b->slots[h] && append_record(b, c, h, hash))
			return FEDNS_ENOMEM;
	}
	b->ncands = 0;
	return FEDNS_OK;
}

/* Writes the comment of a set of parts, joined in rule order with "; ". */
static size_t write_comment(struct fedns_recordset *rs, uint32_t parts, int lang)
{
	size_t at = FEDNS_NO_TEXT, len = rs->text.len;
	int part;

	for (part = 0; part < FEDNS_PART_COUNT; part++) {
		const char *text = fedns_part_comment(part, lang);
		size_t n;

		if (!(parts & ((uint32_t)1 << part)))
			continue;
		if (at != FEDNS_NO_TEXT) {
			/* Extend the previous piece in place: drop its NUL. */
			rs->text.len--;
			if (fedns__arena_add(&rs->text, &rs->alloc, "; ", 2) == FEDNS_NO_TEXT)
				goto fail;
			rs->text.len--;
		}
		n = fedns__arena_add(&rs->text, &rs->alloc, text, strlen(text));
		if (n == FEDNS_NO_TEXT)
			goto fail;
		if (at == FEDNS_NO_TEXT)
			at = n;
	}
	return at;
fail:
	rs->text.len = len;
	return FEDNS_NO_TEXT;
}

static fedns_status intern_comments(struct fedns_recordset *rs)
{
	size_t i, j = 0;
	int lang;

	for (i = 0; i < rs->n; i++) {
		struct fedns_record *r = &rs->items[i];
		struct fedns_comment *c;
		void *p;

		if (j < rs->ncomments && rs->comments[j].parts == r->parts) {
			r->comment = j;
			continue;
		}
		for (j = 0; j < rs->ncomments && rs->comments[j].parts != r->parts; j++)
			;
		r->comment = j;
		if (j < rs->ncomments)
			continue;
		p = fedns_grow(&rs->alloc, rs->comments, &rs->commentcap, j, sizeof(*c));
		if (!p)
			return FEDNS_ENOMEM;
		rs->comments = p;
		c = &rs->comments[j];
		c->parts = r->parts;
		c->text[FEDNS_LANG_EN] = write_comment(rs, r->parts, FEDNS_LANG_EN);
		c->text[FEDNS_LANG_ZH_CN] = write_comment(rs, r->parts, FEDNS_LANG_ZH_CN);
		if (c->text[FEDNS_LANG_EN] == FEDNS_NO_TEXT || c->text[FEDNS_LANG_ZH_CN] == FEDNS_NO_TEXT)
			return FEDNS_ENOMEM;
		for (lang = 0; lang < 2; lang++) {
			const char *text = FEDNS_TEXT(rs, c->text[lang]);

			c->len[lang] = strlen(text);
			c->plain[lang] = fedns_render_plain(text) ? c->text[lang] : FEDNS_NO_TEXT;
		}
		rs->ncomments++;
	}
	return FEDNS_OK;
}

fedns_status fedns_builder_finish(struct fedns_builder *b)
{
	return intern_comments(b->rs);
}

void fedns_builder_clear(struct fedns_builder *b)
{
	fedns_alloc_free(&b->rs->alloc, b->cands);
	fedns_alloc_free(&b->rs->alloc, b->slots);
	fedns_alloc_free(&b->rs->alloc, b->hashes);
}
