/* Which zone each record goes in, and the orders the per-zone formats write.
 * Every step is O(n log n) or better: a deployment may have a million SIP
 * domains. */
#include "zone_split.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "list.h"
#include "name.h"

#define NONE ((size_t)-1)

/* ---- a set of names: the SIP domains, then the zones found ---- */

struct slot {
	size_t name; /* 0: empty; else (offset into text + 1) << 1 | is a SIP domain */
	size_t zone; /* index into rs->zones, NONE before a record lands there */
};

struct names {
	const struct fedns_alloc *a;
	struct fedns_arena text; /* the names */
	struct slot *slots;
	size_t nslots, used; /* nslots is a power of two, at least twice used */
};

/* FNV-1a over the name from its last byte to its first, so that one pass
 * over a name from the end gives the hash of each of its suffixes. */
#define FNV_BASIS 1469598103934665603u
#define FNV_PRIME 1099511628211u

static uint64_t hash_step(uint64_t h, char c)
{
	return (h ^ (unsigned char)c) * FNV_PRIME;
}

static size_t hash_final(uint64_t h)
{
	return (size_t)(h ^ (h >> 32));
}

static size_t hash(const char *p, size_t n)
{
	uint64_t h = FNV_BASIS;

	while (n--)
		h = hash_step(h, p[n]);
	return hash_final(h);
}

static const char *slot_name(const struct names *t, const struct slot *s)
{
	return FEDNS_AT(&t->text, (s->name >> 1) - 1);
}

/* The slot of name `p` of hash `h`, or the empty slot where it would go. */
static struct slot *probe_hashed(const struct names *t, const char *p, size_t h)
{
	for (h &= t->nslots - 1;; h = (h + 1) & (t->nslots - 1)) {
		struct slot *s = &t->slots[h];

		if (!s->name || strcmp(slot_name(t, s), p) == 0)
			return s;
	}
}

static struct slot *probe(const struct names *t, const char *p)
{
	return probe_hashed(t, p, hash(p, strlen(p)));
}

static fedns_status rehash(struct names *t)
{
	size_t n = t->nslots ? t->nslots * 2 : 64, i;
	struct slot *old = t->slots;
	size_t nold = t->nslots;

	if (n < t->nslots)
		return FEDNS_ENOMEM;
	t->slots = fedns_alloc_array(t->a, NULL, n, sizeof(*t->slots));
	if (!t->slots) {
		t->slots = old;
		return FEDNS_ENOMEM;
	}
	memset(t->slots, 0, n * sizeof(*t->slots));
	t->nslots = n;
	for (i = 0; i < nold; i++)
		if (old[i].name)
			*probe(t, slot_name(t, &old[i])) = old[i];
	fedns_alloc_free(t->a, old);
	return FEDNS_OK;
}

/* The slot of name `p`, added if new; NULL when out of memory. */
static struct slot *add(struct names *t, const char *p, int domain)
{
	size_t n = strlen(p), at;
	struct slot *s;

	if ((t->used + 1) * 2 > t->nslots && rehash(t))
		return NULL;
	s = probe(t, p);
	if (s->name)
		return s;
	at = fedns__arena_add(&t->text, t->a, p, n);
	if (at == FEDNS_ARENA_NONE)
		return NULL;
	s->name = ((at + 1) << 1) | (size_t)(domain != 0);
	s->zone = NONE;
	t->used++;
	return s;
}

static void names_clear(struct names *t)
{
	fedns__arena_free(&t->text, t->a);
	fedns_alloc_free(t->a, t->slots);
}

static fedns_status add_domains(struct names *t, const struct fedns_recordset *rs)
{
	size_t i;

	for (i = 0; i < rs->ndomains; i++)
		if (!add(t, FEDNS_TEXT(rs, rs->domains[i]), 1))
			return FEDNS_ENOMEM;
	return FEDNS_OK;
}

/* ---- the zone of each record ---- */

/* The slot of the zone of folded `name` (no trailing dot). The longest SIP
 * domain wins because a parent zone cannot hold names below a child zone's
 * cut; with no SIP domain at or above it, the parent name. */
static struct slot *zone_of(struct names *t, const char *name)
{
	/* The hash of each suffix that starts a label, longest first. */
	size_t start[FEDNS_NAME_BUF / 2 + 1], hashes[FEDNS_NAME_BUF / 2 + 1];
	size_t n = strlen(name), k = 0, i;
	uint64_t h = FNV_BASIS;
	const char *dot, *p;

	for (i = n; i-- > 0;) {
		h = hash_step(h, name[i]);
		if (i == 0 || name[i - 1] == '.') {
			start[k] = i;
			hashes[k++] = hash_final(h);
		}
	}
	while (t->nslots && k--) {
		struct slot *s = probe_hashed(t, name + start[k], hashes[k]);

		if (s->name & 1)
			return s;
	}
	dot = strchr(name, '.');
	p = dot ? dot + 1 : name;
	return add(t, p, 0);
}

static size_t new_zone(const struct fedns_recordset *rs, struct fedns_zones *zs,
		       const char *name)
{
	struct fedns_zone *z;
	void *p = fedns_grow(&rs->alloc, zs->zones, &zs->zonecap, zs->nzones, sizeof(*z));

	if (!p)
		return NONE;
	zs->zones = p;
	z = &zs->zones[zs->nzones];
	z->name = fedns__arena_str(&zs->text, &rs->alloc, name);
	if (z->name == FEDNS_NO_TEXT)
		return NONE;
	z->start = z->count = 0;
	return zs->nzones++;
}

/* Assigns each record its zone (into `of`) and counts each zone's records. */
static fedns_status assign(const struct fedns_recordset *rs, struct fedns_zones *zs,
			   struct names *t, size_t *of)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		char owner[FEDNS_NAME_BUF + 1];
		size_t n = strlen(FEDNS_TEXT(rs, rs->items[i].owner));
		struct slot *s;

		assert(n > 1 && n <= FEDNS_NAME_BUF);
		memcpy(owner, FEDNS_TEXT(rs, rs->items[i].owner), n - 1);
		owner[n - 1] = '\0';
		s = zone_of(t, owner);
		if (!s)
			return FEDNS_ENOMEM;
		if (s->zone == NONE) {
			/* The slot's name is copied first: the text may move. */
			char name[FEDNS_NAME_BUF];

			strcpy(name, slot_name(t, s));
			s->zone = new_zone(rs, zs, name);
			if (s->zone == NONE)
				return FEDNS_ENOMEM;
		}
		of[i] = s->zone;
		zs->zones[s->zone].count++;
	}
	return FEDNS_OK;
}

/* Lists the records zone by zone, each zone's in set order. */
static void group(const struct fedns_recordset *rs, struct fedns_zones *zs, const size_t *of)
{
	size_t z, i, at = 0;

	for (z = 0; z < zs->nzones; z++) {
		zs->zones[z].start = at;
		at += zs->zones[z].count;
		zs->zones[z].count = 0;
	}
	for (i = 0; i < rs->n; i++) {
		struct fedns_zone *zone = &zs->zones[of[i]];

		zs->items[zone->start + zone->count++] = i;
	}
}

/* ---- natural order (octoDNS's loader: natsort's default key) ---- */

static int digit(char c)
{
	return c >= '0' && c <= '9';
}

static int compare_bytes(const char *a, size_t na, const char *b, size_t nb)
{
	int d = memcmp(a, b, na < nb ? na : nb);

	return d ? d : (na > nb) - (na < nb);
}

/* Digit runs by value: leading zeros aside, the longer is larger. */
static int compare_number(const char *a, size_t na, const char *b, size_t nb)
{
	while (na > 1 && *a == '0') {
		a++;
		na--;
	}
	while (nb > 1 && *b == '0') {
		b++;
		nb--;
	}
	return na != nb ? (na > nb) - (na < nb) : memcmp(a, b, na);
}

static size_t run(const char *p, size_t n, int digits)
{
	size_t i = 0;

	while (i < n && digit(p[i]) == digits)
		i++;
	return i;
}

/* Text runs by code point (byte order in UTF-8), digit runs by value, a key
 * that runs out first is smaller. Keys equal that way ("a01", "a1") fall
 * back to byte order, for a total order. */
static int natural_runs(const char *a, size_t na, const char *b, size_t nb)
{
	size_t i = 0, j = 0;

	for (;;) {
		size_t ki = run(a + i, na - i, 0), kj = run(b + j, nb - j, 0);
		int d = compare_bytes(a + i, ki, b + j, kj);

		if (d)
			return d;
		i += ki;
		j += kj;
		if (i == na || j == nb) {
			d = (i < na) - (j < nb);
			return d ? d : compare_bytes(a, na, b, nb);
		}
		ki = run(a + i, na - i, 1);
		kj = run(b + j, nb - j, 1);
		d = compare_number(a + i, ki, b + j, kj);
		if (d)
			return d;
		i += ki;
		j += kj;
	}
}

/* natural_runs(), which most comparisons need not run: past their common
 * prefix, two keys that go on with no digit (or end) compare as bytes do,
 * since the runs up to there are the same and the text runs that differ
 * differ in that byte (or one ends). Otherwise the runs are compared from
 * the start of the run the prefix ends in; the bytes before it are equal,
 * so the byte-order tie-break comes out the same. */
static int natural(const char *a, size_t na, const char *b, size_t nb)
{
	size_t n = na < nb ? na : nb, p = 0, s;
	int d;

	while (p < n && a[p] == b[p])
		p++;
	if ((p == na || !digit(a[p])) && (p == nb || !digit(b[p])))
		return compare_bytes(a + p, na - p, b + p, nb - p);
	s = p;
	if (s) {
		d = digit(a[s - 1]);
		while (s && digit(a[s - 1]) == d)
			s--;
	}
	return natural_runs(a + s, na - s, b + s, nb - s);
}

/* ---- the octoDNS order ---- */

struct sort_key {
	const char *text; /* a zone key, or an owner with its zone */
	size_t len;       /* the bytes that count: the key, or the relative name */
	int rank;         /* record type: A, AAAA, CNAME, SRV */
	size_t index;     /* zone or record: the last tie-break */
};

static int compare_keys(const void *pa, const void *pb)
{
	const struct sort_key *a = pa, *b = pb;
	int d = natural(a->text, a->len, b->text, b->len);

	if (d)
		return d;
	if (a->rank != b->rank)
		return a->rank - b->rank;
	return (a->index > b->index) - (a->index < b->index);
}

/* compare_keys() is a total order, so any sort gives the same result: a
 * zone's few records are sorted by insertion, without qsort()'s setup. */
static void sort_keys(struct sort_key *keys, size_t n)
{
	size_t i, j;

	if (n > 16) {
		qsort(keys, n, sizeof(*keys), compare_keys);
		return;
	}
	for (i = 1; i < n; i++) {
		struct sort_key k = keys[i];

		for (j = i; j > 0 && compare_keys(&keys[j - 1], &k) > 0; j--)
			keys[j] = keys[j - 1];
		keys[j] = k;
	}
}

static int type_rank(int type)
{
	return type == FEDNS_RR_A ? 0 : type == FEDNS_RR_AAAA ? 1 : type == FEDNS_RR_CNAME ? 2 : 3;
}

/* Zones by their keys "name.": octoDNS names zones with the dot, which
 * sorts after '-', so "a-b." comes before "a." though "a" comes before
 * "a-b". `keys` has room for nzones, `text` for the keys. */
static void order_zones(struct fedns_zones *zs, struct sort_key *keys, char *text)
{
	size_t z, at = 0;

	for (z = 0; z < zs->nzones; z++) {
		const char *name = FEDNS_ZONE_NAME(zs, &zs->zones[z]);
		size_t n = strlen(name);

		memcpy(text + at, name, n);
		text[at + n] = '.';
		keys[z].text = text + at;
		keys[z].len = n + 1;
		keys[z].rank = 0;
		keys[z].index = z;
		at += n + 1;
	}
	sort_keys(keys, zs->nzones);
	for (z = 0; z < zs->nzones; z++)
		zs->order[z] = keys[z].index;
}

/* Each zone's records by relative name, then type, then set order. */
static void order_records(const struct fedns_recordset *rs, struct fedns_zones *zs,
			  struct sort_key *keys)
{
	size_t z, k;

	for (z = 0; z < zs->nzones; z++) {
		const struct fedns_zone *zone = &zs->zones[z];
		const char *name = FEDNS_ZONE_NAME(zs, zone);

		for (k = 0; k < zone->count; k++) {
			size_t i = zs->items[zone->start + k];
			const char *owner = FEDNS_TEXT(rs, rs->items[i].owner);

			keys[k].text = owner;
			keys[k].len = fedns_zone_relative_len(owner, name);
			keys[k].rank = type_rank(rs->items[i].type);
			keys[k].index = i;
		}
		sort_keys(keys, zone->count);
		for (k = 0; k < zone->count; k++)
			zs->sorted[zone->start + k] = keys[k].index;
	}
}

static fedns_status order(const struct fedns_recordset *rs, struct fedns_zones *zs)
{
	const struct fedns_alloc *a = &rs->alloc;
	size_t z, most = zs->nzones, textlen = 0;
	struct sort_key *keys;
	char *text;
	fedns_status st = FEDNS_ENOMEM;

	for (z = 0; z < zs->nzones; z++) {
		textlen += strlen(FEDNS_ZONE_NAME(zs, &zs->zones[z])) + 1;
		if (zs->zones[z].count > most)
			most = zs->zones[z].count;
	}
	zs->order = fedns_alloc_array(a, NULL, zs->nzones, sizeof(*zs->order));
	zs->sorted = fedns_alloc_array(a, NULL, rs->n, sizeof(*zs->sorted));
	keys = fedns_alloc_array(a, NULL, most, sizeof(*keys));
	text = fedns_alloc_array(a, NULL, textlen, 1);
	if (zs->order && zs->sorted && keys && text) {
		order_zones(zs, keys, text);
		order_records(rs, zs, keys);
		st = FEDNS_OK;
	}
	fedns_alloc_free(a, keys);
	fedns_alloc_free(a, text);
	return st;
}

/* ---- entry points ---- */

fedns_status fedns_zone_split(const struct fedns_recordset *rs, struct fedns_zones *zs)
{
	struct names t;
	size_t *of;
	fedns_status st;

	memset(zs, 0, sizeof(*zs));
	if (!rs->n)
		return FEDNS_OK;
	memset(&t, 0, sizeof(t));
	t.a = &rs->alloc;
	of = fedns_alloc_array(&rs->alloc, NULL, rs->n, sizeof(*of));
	zs->items = fedns_alloc_array(&rs->alloc, NULL, rs->n, sizeof(*zs->items));
	st = of && zs->items ? add_domains(&t, rs) : FEDNS_ENOMEM;
	if (!st)
		st = assign(rs, zs, &t, of);
	if (!st) {
		group(rs, zs, of);
		st = order(rs, zs);
	}
	fedns_alloc_free(&rs->alloc, of);
	names_clear(&t);
	return st;
}

void fedns_zones_clear(const struct fedns_recordset *rs, struct fedns_zones *zs)
{
	const struct fedns_alloc *a = &rs->alloc;

	fedns__arena_free(&zs->text, a);
	fedns_alloc_free(a, zs->zones);
	fedns_alloc_free(a, zs->items);
	fedns_alloc_free(a, zs->order);
	fedns_alloc_free(a, zs->sorted);
}

size_t fedns_zone_relative_len(const char *owner, const char *zone)
{
	size_t n = strlen(owner), k = strlen(zone);

	if (n && owner[n - 1] == '.')
		n--;
	assert(n >= k);
	return n > k ? n - k - 1 : 0;
}
