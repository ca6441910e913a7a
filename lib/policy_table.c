/* The policy's name table (see policy_table.h). */
#include "policy_table.h"

#include <stdint.h>
#include <string.h>

#define LABEL_MAX 63
#define ONES 0x0101010101010101u
#define HIGH 0x8080808080808080u
#define REP(c) (ONES * (uint64_t)(c))
#define CACHE_LINE 64

/* ---- Checking, folding and hashing a name, 8 bytes at a time -------------- */

/* In each byte of `x` (all below 0x80), the high bit is set where the byte
 * is >= c: adding 0x80 to each byte keeps the subtraction from borrowing
 * across bytes. */
static uint64_t at_least(uint64_t x, unsigned c)
{
	return ((x | HIGH) - REP(c)) & HIGH;
}

static uint64_t equal(uint64_t x, unsigned c)
{
	return ~at_least(x ^ REP(c), 1) & HIGH;
}

static uint64_t between(uint64_t x, unsigned lo, unsigned hi)
{
	return at_least(x, lo) & ~at_least(x, hi + 1);
}

/* Folds the word `w` (eight bytes of a name, zero-padded) in place and
 * returns it; sets `*bad` when a byte is not a letter, digit, hyphen, dot
 * or padding. */
static uint64_t fold_word(uint64_t w, int *bad)
{
	uint64_t upper, ok;

	if (w & HIGH) {
		*bad = 1; /* raw UTF-8 and other non-ASCII */
		return 0;
	}
	upper = between(w, 'A', 'Z');
	ok = upper | between(w, 'a', 'z') | between(w, '0', '9') | equal(w, '-') |
		equal(w, '.') | equal(w, 0);
	if (ok != HIGH)
		*bad = 1;
	return w | upper >> 2; /* 0x80 >> 2 is 0x20, the case bit */
}

static uint64_t mix(uint64_t h)
{
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9u;
	h ^= h >> 32;
	return h;
}

static int good_label(const unsigned char *p, size_t n)
{
	return n > 0 && n <= LABEL_MAX && p[0] != '-' && p[n - 1] != '-';
}

static int all_digits(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	return 1;
}

/* SPEC 5's rules on the labels of a folded name of valid characters. */
static int good_labels(const unsigned char *p, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		if (p[i] != '.')
			continue;
		if (!good_label(p + start, i - start))
			return 0;
		start = i + 1;
	}
	return good_label(p + start, n - start) && !all_digits(p + start, n - start);
}

/* On little-endian gcc and clang, byte j of a loaded word is bits 8j..8j+7,
 * which lets the loop below find dots with a bit scan and load a name's
 * tail without a byte-wise copy; elsewhere the plain code runs. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define WORDS_LE 1
#else
#define WORDS_LE 0
#endif

/* The word of bytes i..i+7 of `in` (n bytes), zero-padded past n. */
static uint64_t load_word(const char *in, size_t i, size_t n)
{
	uint64_t w = 0;

	if (n - i >= 8) {
		memcpy(&w, in + i, 8);
	} else if (WORDS_LE && n >= 8) {
		/* The last 8 bytes, shifted so the ones before `i` fall off. */
		memcpy(&w, in + n - 8, 8);
		w >>= 8 * (8 - (n - i));
	} else {
		memcpy(&w, in + i, n - i);
	}
	return w;
}

/* Checks the labels that end at the dots of word `w` (bytes i..i+7 of the
 * folded name in `out`), advancing `*start` to the next label. */
static int dotted_labels(uint64_t w, size_t i, const unsigned char *out, size_t *start)
{
#if WORDS_LE
	uint64_t dots = equal(w, '.');

	for (; dots; dots &= dots - 1) {
		size_t pos = i + (size_t)__builtin_ctzll(dots) / 8;

		if (!good_label(out + *start, pos - *start))
			return 0;
		*start = pos + 1;
	}
#else
	(void)w;
	(void)i;
	(void)out;
	(void)start;
#endif
	return 1;
}

size_t fedns__fold_hash(const char *in, unsigned char *out, uint64_t *hash)
{
	size_t n = strlen(in), i, start = 0;
	uint64_t h = 0x9e3779b97f4a7c15u;
	int bad = 0;

	if (n && in[n - 1] == '.')
		n--; /* one trailing dot is accepted and dropped */
	if (n == 0 || n > FEDNS_NAME_MAX)
		return 0;
	for (i = 0; i < n; i += 8) {
		uint64_t w = fold_word(load_word(in, i, n), &bad);

		memcpy(out + i, &w, 8);
		if (!dotted_labels(w, i, out, &start))
			return 0;
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	/* Zeros up to the inline key's end, as in a slot: keys then compare as
	 * six whole words (same_key). */
	for (; i < FEDNS_INLINE_KEY; i += 8)
		memset(out + i, 0, 8);
	if (bad)
		return 0;
	if (WORDS_LE ? !good_label(out + start, n - start) || all_digits(out + start, n - start) :
	    !good_labels(out, n))
		return 0;
	*hash = mix(h ^ n);
	return n;
}

/* ---- The table ------------------------------------------------------------ */

/* The home slot: the hash's high half scaled to the slot count (a multiply
 * and a shift where a modulus would divide). */
static size_t home(const struct fedns_policy_table *t, uint64_t h)
{
	return (size_t)(((h >> 32) * (uint64_t)t->nslots) >> 32);
}

static uint8_t ctrl_of(uint64_t h)
{
	return (uint8_t)(0x80u | (h & 0x7fu));
}

static int same_key(const struct fedns_policy_table *t, const struct fedns_nameslot *s,
		    const unsigned char *key, size_t n)
{
	uint64_t a, b, diff = 0;
	size_t i;

	/* Both are zero-padded to FEDNS_INLINE_KEY bytes: compare whole words,
	 * without a branch per byte or a call. */
	for (i = 0; i < FEDNS_INLINE_KEY; i += 8) {
		memcpy(&a, s->key + i, 8);
		memcpy(&b, key + i, 8);
		diff |= a ^ b;
	}
	if (s->info.len != n || diff)
		return 0;
	return n <= FEDNS_INLINE_KEY ||
	       memcmp(FEDNS_AT(&t->text, s->spill), key + FEDNS_INLINE_KEY,
		      n - FEDNS_INLINE_KEY) == 0;
}

/* The slot holding the key, or the empty slot where it would go. */
static size_t probe(const struct fedns_policy_table *t, const unsigned char *key, size_t n,
		    uint64_t h)
{
	uint8_t want = ctrl_of(h);
	size_t i = home(t, h);

#ifdef __GNUC__
	/* The home slot's line is the likely hit: fetch it while the control
	 * bytes are read, instead of after. */
	__builtin_prefetch(&t->slots[i]);
#endif
	for (;; i = i + 1 == t->nslots ? 0 : i + 1) {
		uint8_t c = t->ctrl[i];

		if (!c || (c == want && same_key(t, &t->slots[i], key, n)))
			return i;
	}
}

fedns_status fedns__table_init(struct fedns_policy_table *t, const struct fedns_alloc *a,
			       size_t names)
{
	size_t n, bytes;

	memset(t, 0, sizeof(*t));
	t->alloc = *a;
	if (names > UINT32_MAX / 2)
		return FEDNS_ENOMEM;
	n = names + names / 4 + 16; /* a load of at most 4/5 */
	if (n > (SIZE_MAX - CACHE_LINE) / sizeof(*t->slots))
		return FEDNS_ENOMEM;
	bytes = n * sizeof(*t->slots) + CACHE_LINE - 1;
	t->ctrl = fedns_alloc_array(a, NULL, n, 1);
	t->raw = t->ctrl ? fedns_alloc_malloc(a, bytes) : NULL;
	if (!t->raw) {
		fedns__table_free(t);
		return FEDNS_ENOMEM;
	}
	memset(t->ctrl, 0, n);
	/* Carve the cache-line aligned part: every slot is then one line. */
	t->slots = (struct fedns_nameslot *)(void *)((char *)t->raw +
		(CACHE_LINE - (uintptr_t)t->raw % CACHE_LINE) % CACHE_LINE);
	t->nslots = n;
	return FEDNS_OK;
}

void fedns__table_free(struct fedns_policy_table *t)
{
	fedns_alloc_free(&t->alloc, t->ctrl);
	fedns_alloc_free(&t->alloc, t->raw);
	fedns__arena_free(&t->text, &t->alloc);
	t->ctrl = NULL;
	t->raw = NULL;
	t->slots = NULL;
	t->nslots = 0;
}

uint32_t fedns__table_text(struct fedns_policy_table *t, const char *s, size_t n)
{
	size_t at;

	if (n >= UINT32_MAX - 2 || t->text.len >= UINT32_MAX - 2 - n)
		return UINT32_MAX;
	at = fedns__arena_add(&t->text, &t->alloc, s, n);
	return at == FEDNS_ARENA_NONE ? UINT32_MAX : (uint32_t)at + 1;
}

struct fedns_nameinfo *fedns__table_upsert(struct fedns_policy_table *t, const char *name)
{
	unsigned char key[FEDNS_FOLD_BUF];
	struct fedns_nameslot *s;
	uint64_t h;
	size_t n = fedns__fold_hash(name, key, &h), i;

	if (!n)
		return NULL;
	i = probe(t, key, n, h);
	s = &t->slots[i];
	if (t->ctrl[i])
		return &s->info;
	memset(s, 0, sizeof(*s));
	memcpy(s->key, key, n < FEDNS_INLINE_KEY ? n : FEDNS_INLINE_KEY);
	if (n > FEDNS_INLINE_KEY) {
		uint32_t at = fedns__table_text(t, (const char *)key + FEDNS_INLINE_KEY,
						n - FEDNS_INLINE_KEY);

		if (at == UINT32_MAX)
			return NULL;
		s->spill = at - 1;
	}
	s->info.len = (uint8_t)n;
	t->ctrl[i] = ctrl_of(h);
	return &s->info;
}

const struct fedns_nameinfo *fedns__table_find(const struct fedns_policy_table *t,
					       const unsigned char *folded, size_t n,
					       uint64_t hash)
{
	size_t i = probe(t, folded, n, hash);

	return t->ctrl[i] ? &t->slots[i].info : NULL;
}
