#include "builder.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "list.h"
#include "part.h"
#include "render.h"

#define FNV_BASIS 1469598103934665603u
#define FNV_PRIME 1099511628211u
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

void fedns_builder_init(struct fedns_builder *b, struct fedns_recordset *rs, uint32_t ttl)
{
	memset(b, 0, sizeof(*b));
	b->rs = rs;
	b->ttl = ttl;
}

static uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n--)
		h = (h ^ *s++) * FNV_PRIME;
	return h;
}

static size_t hash_final(uint64_t h)
{
	return (size_t)(h ^ (h >> 32));
}

/* ---- the names several groups may give ---- */

static const char *shared_name(const struct fedns_builder *b, const struct fedns_shared_name *s)
{
	return FEDNS_AT(&b->shared_text, s->name - 1);
}

/* The slot of absolute `name` (`n` bytes, without its trailing dot) of hash
 * `h`, or the empty slot where it would go. */
static struct fedns_shared_name *find_name(const struct fedns_builder *b, const char *name,
					   size_t n, size_t h)
{
	size_t i;

	for (i = h & (b->namecap - 1);; i = (i + 1) & (b->namecap - 1)) {
		struct fedns_shared_name *s = &b->names[i];

		if (!s->name || (s->hash == h && strncmp(shared_name(b, s), name, n) == 0 &&
				 shared_name(b, s)[n] == '\0'))
			return s;
	}
}

static fedns_status grow_names(struct fedns_builder *b)
{
	size_t cap = b->namecap ? b->namecap * 2 : 16, i;
	struct fedns_shared_name *old = b->names, *t;
	size_t oldcap = b->namecap;

	t = fedns_alloc_array(&b->rs->alloc, NULL, cap, sizeof(*t));
	if (!t)
		return FEDNS_ENOMEM;
	memset(t, 0, cap * sizeof(*t));
	b->names = t;
	b->namecap = cap;
	for (i = 0; i < oldcap; i++)
		if (old[i].name) {
			const char *s = shared_name(b, &old[i]);

			*find_name(b, s, strlen(s), old[i].hash) = old[i];
		}
	fedns_alloc_free(&b->rs->alloc, old);
	return FEDNS_OK;
}

fedns_status fedns_builder_share(struct fedns_builder *b, const char *name)
{
	size_t n = strlen(name), h = hash_final(hash_bytes(FNV_BASIS, name, n)), at;
	struct fedns_shared_name *s;

	if ((b->nnames + 1) * 2 > b->namecap && grow_names(b))
		return FEDNS_ENOMEM;
	s = find_name(b, name, n, h);
	if (s->name)
		return FEDNS_OK;
	at = fedns__arena_add(&b->shared_text, &b->rs->alloc, name, n);
	if (at == FEDNS_ARENA_NONE)
		return FEDNS_ENOMEM;
	s->hash = h;
	s->name = at + 1;
	b->nnames++;
	return FEDNS_OK;
}

/* Whether an A or AAAA record at absolute `owner` may be another group's. */
static int shared_owner(const struct fedns_builder *b, const struct fedns_cand *c)
{
	size_t n;

	if (!b->nnames || (c->type != FEDNS_RR_A && c->type != FEDNS_RR_AAAA))
		return 0;
	n = c->owner_len - 1;
	return find_name(b, c->owner_p, n, hash_final(hash_bytes(FNV_BASIS, c->owner_p, n)))->name !=
	       0;
}

/* ---- candidates ---- */

struct fedns_cand *fedns_builder_cand(struct fedns_builder *b, int part, uint32_t purposes)
{
	static const struct fedns_cand zero = {.address = FEDNS_NO_TEXT};
	struct fedns_cand *c;

	if (b->ncands == b->candcap) {
		void *p = fedns_grow(&b->rs->alloc, b->cands, &b->candcap, b->ncands, sizeof(*c));

		if (!p)
			return NULL;
		b->cands = p;
	}
	c = &b->cands[b->ncands++];
	*c = zero;
	c->part = (uint16_t)part;
	c->purposes = purposes;
	return c;
}

fedns_status fedns_builder_name(struct fedns_builder *b, const char *label, const char *domain,
				size_t nd, size_t *at)
{
	size_t nl = label ? strlen(label) + 1 : 0;
	char *name;

	if (nl + nd > FEDNS_NAME_MAX)
		return FEDNS_EINVALID;
	/* Room for the longest name, its length, dot and NUL: no overflow
	 * check needed. */
	if (b->group_cap - b->group_len < FEDNS_NAME_BUF + 2) {
		size_t cap = b->group_cap ? b->group_cap * 2 : 1024;
		char *p = fedns_alloc_array(&b->rs->alloc, b->group_text, cap, 1);

		if (!p)
			return FEDNS_ENOMEM;
		b->group_text = p;
		b->group_cap = cap;
	}
	b->group_text[b->group_len] = (char)(nl + nd + 1);
	*at = ++b->group_len;
	name = b->group_text + b->group_len;
	if (label) {
		memcpy(name, label, nl - 1);
		name[nl - 1] = '.';
	}
	memcpy(name + nl, domain, nd);
	name[nl + nd] = '.';
	name[nl + nd + 1] = '\0';
	b->group_len += nl + nd + 2;
	return FEDNS_OK;
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

static int is_address(int type)
{
	return type == FEDNS_RR_A || type == FEDNS_RR_AAAA;
}

/* Owner, type and data: what makes two candidates the same record. */
static int compare_keys(const struct fedns_cand *a, const struct fedns_cand *b)
{
	int d;

	if (a->owner_key != b->owner_key)
		return a->owner_key < b->owner_key ? -1 : 1;
	d = a->owner == b->owner ? 0 : strcmp(a->owner_p, b->owner_p);
	if (d)
		return d;
	if (a->type != b->type)
		return type_rank(a->type) - type_rank(b->type);
	if (is_address(a->type))
		return fedns_address_compare(&a->addr, &b->addr);
	if (a->priority != b->priority)
		return a->priority - b->priority;
	if (a->weight != b->weight)
		return a->weight - b->weight;
	if (a->port != b->port)
		return a->port - b->port;
	return a->target == b->target ? 0 : strcmp(a->target_p, b->target_p);
}

/* SPEC 2's order within a group: owner, type, then data. */
static int compare_cands(const void *pa, const void *pb)
{
	const struct fedns_cand *a = pa, *b = pb;
	int d = compare_keys(a, b);

	return d ? d : a->part - b->part;
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

/* ---- records ---- */

/* The hash of a record's key. */
static size_t hash_cand(const struct fedns_cand *c)
{
	uint64_t h = hash_bytes(FNV_BASIS, c->owner_p, c->owner_len);

	h = (h ^ c->type) * FNV_PRIME;
	return hash_final(hash_bytes(h, c->addr.bytes, sizeof(c->addr.bytes)));
}

/* Whether shared record `s` has the key of `c`. */
static int same_address_record(const struct fedns_recordset *rs,
			       const struct fedns_shared_record *s, const struct fedns_cand *c)
{
	const struct fedns_record *r = &rs->items[s->record - 1];

	return r->type == c->type && fedns_address_compare(&s->addr, &c->addr) == 0 &&
	       strcmp(FEDNS_TEXT(rs, r->owner), c->owner_p) == 0;
}

static fedns_status grow_slots(struct fedns_builder *b)
{
	size_t n = b->nslots ? b->nslots * 2 : 64, i, h;
	struct fedns_shared_record *t = fedns_alloc_array(&b->rs->alloc, NULL, n, sizeof(*t));

	if (!t)
		return FEDNS_ENOMEM;
	memset(t, 0, n * sizeof(*t));
	for (i = 0; i < b->nslots; i++) {
		if (!b->slots[i].record)
			continue;
		for (h = b->slots[i].hash & (n - 1); t[h].record; h = (h + 1) & (n - 1))
			;
		t[h] = b->slots[i];
	}
	fedns_alloc_free(&b->rs->alloc, b->slots);
	b->slots = t;
	b->nslots = n;
	return FEDNS_OK;
}

/* The slot of the shared record with the key of `c` (hash `h`), or the
 * empty slot where it would go. */
static struct fedns_shared_record *find_record(const struct fedns_builder *b,
					       const struct fedns_cand *c, size_t h)
{
	size_t i;

	for (i = h & (b->nslots - 1);; i = (i + 1) & (b->nslots - 1)) {
		struct fedns_shared_record *s = &b->slots[i];

		if (!s->record || (s->hash == h && same_address_record(b->rs, s, c)))
			return s;
	}
}

/* The set's text of the group's name at `group` (`n` bytes), added once:
 * a SRV target is often the owner of an A record. */
static size_t add_text(struct fedns_builder *b, size_t group, size_t n)
{
	struct fedns_recordset *rs = b->rs;
	size_t i, at;

	for (i = 0; i < b->nadded; i++)
		if (b->added[i].group == group)
			return b->added[i].text;
	at = fedns__arena_add(&rs->text, &rs->alloc, b->group_text + group, n);
	if (at != FEDNS_NO_TEXT && b->nadded < COUNT(b->added)) {
		b->added[b->nadded].group = group;
		b->added[b->nadded++].text = at;
	}
	return at;
}

/* Appends the record of `c`; its index to `*index`. */
static fedns_status append_record(struct fedns_builder *b, const struct fedns_cand *c,
				  size_t *index)
{
	struct fedns_recordset *rs = b->rs;
	struct fedns_record *r;
	void *p = fedns_grow(&rs->alloc, rs->items, &rs->cap, rs->n, sizeof(*r));

	if (!p)
		return FEDNS_ENOMEM;
	rs->items = p;
	r = &rs->items[rs->n];
	r->owner = add_text(b, c->owner, c->owner_len);
	r->target = r->address = FEDNS_NO_TEXT;
	if (is_address(c->type))
		r->address = c->address;
	else
		r->target = add_text(b, c->target, c->target_len);
	if (r->owner == FEDNS_NO_TEXT || (r->target == FEDNS_NO_TEXT && r->address == FEDNS_NO_TEXT))
		return FEDNS_ENOMEM;
	r->ttl = b->ttl;
	r->type = c->type;
	r->priority = c->priority;
	r->weight = c->weight;
	r->port = c->port;
	r->purposes = c->purposes;
	r->parts = (uint32_t)1 << c->part;
	r->comment = 0;
	*index = rs->n++;
	return FEDNS_OK;
}

static void merge(struct fedns_record *r, const struct fedns_cand *c)
{
	r->purposes |= c->purposes;
	r->parts |= (uint32_t)1 << c->part;
}

/* Adds an A or AAAA candidate at a shared name: merged into the record
 * with its key wherever it is, else appended and remembered. */
static fedns_status add_shared(struct fedns_builder *b, const struct fedns_cand *c,
			       size_t *index)
{
	size_t h = hash_cand(c);
	struct fedns_shared_record *s;

	if ((b->nshared + 1) * 2 > b->nslots && grow_slots(b))
		return FEDNS_ENOMEM;
	s = find_record(b, c, h);
	if (s->record) {
		*index = s->record - 1;
		merge(&b->rs->items[*index], c);
		return FEDNS_OK;
	}
	if (append_record(b, c, index))
		return FEDNS_ENOMEM;
	s->hash = h;
	s->record = *index + 1;
	s->addr = c->addr;
	b->nshared++;
	return FEDNS_OK;
}

static size_t group_len(const struct fedns_builder *b, size_t at)
{
	return (unsigned char)b->group_text[at - 1];
}

/* Bytes compare as strcmp() compares them, and a name shorter than 8 bytes
 * ends in NULs, which sort first as its end does: names with different keys
 * compare as their keys do. */
static uint64_t prefix_key(const char *s, size_t n)
{
	uint64_t k = 0;
	size_t i;

	for (i = 0; i < 8; i++)
		k = k << 8 | (i < n ? (unsigned char)s[i] : 0);
	return k;
}

fedns_status fedns_builder_reserve(struct fedns_builder *b, size_t records, size_t text)
{
	struct fedns_recordset *rs = b->rs;
	void *p;

	if (records > SIZE_MAX - rs->n || !fedns__arena_reserve(&rs->text, &rs->alloc, text))
		return FEDNS_ENOMEM;
	if (rs->n + records <= rs->cap)
		return FEDNS_OK;
	p = fedns_alloc_array(&rs->alloc, rs->items, rs->n + records, sizeof(*rs->items));
	if (!p)
		return FEDNS_ENOMEM;
	rs->items = p;
	rs->cap = rs->n + records;
	return FEDNS_OK;
}

/* Adds the pending candidates in order; equal candidates of the group are
 * neighbours once sorted, so each merges into the record before it. */
fedns_status fedns_builder_flush(struct fedns_builder *b)
{
	size_t i, last = 0;
	fedns_status st = FEDNS_OK;

	for (i = 0; i < b->ncands; i++) {
		struct fedns_cand *c = &b->cands[i];

		c->owner_p = b->group_text + c->owner;
		c->owner_len = group_len(b, c->owner);
		c->owner_key = prefix_key(c->owner_p, c->owner_len);
		c->target_p = is_address(c->type) ? "" : b->group_text + c->target;
		c->target_len = is_address(c->type) ? 0 : group_len(b, c->target);
	}
	sort_cands(b->cands, b->ncands);
	b->nadded = 0;
	for (i = 0; !st && i < b->ncands; i++) {
		const struct fedns_cand *c = &b->cands[i];

		if (i && compare_keys(&b->cands[i - 1], c) == 0)
			merge(&b->rs->items[last], c);
		else if (shared_owner(b, c))
			st = add_shared(b, c, &last);
		else
			st = append_record(b, c, &last);
	}
	b->ncands = 0;
	b->group_len = 0;
	return st;
}

/* ---- comments ---- */

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
			r->comment = (uint32_t)j;
			continue;
		}
		for (j = 0; j < rs->ncomments && rs->comments[j].parts != r->parts; j++)
			;
		r->comment = (uint32_t)j;
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
	const struct fedns_alloc *a = &b->rs->alloc;

	fedns_alloc_free(a, b->cands);
	fedns_alloc_free(a, b->group_text);
	fedns__arena_free(&b->shared_text, a);
	fedns_alloc_free(a, b->names);
	fedns_alloc_free(a, b->slots);
}
