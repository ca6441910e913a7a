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

/* Words are little-endian values whatever the host: byte k of a word is
 * bits 8k..8k+7, so that shifting a word by 8 moves to the next byte. Where
 * the compiler names the byte order, a word is one load or store. */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define NATIVE(w) (w)
#elif defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define NATIVE(w) __builtin_bswap64(w)
#endif

static uint64_t load_le(const unsigned char *p)
{
	uint64_t w = 0;
#ifdef NATIVE
	memcpy(&w, p, 8);
	w = NATIVE(w);
#else
	int k;

	for (k = 0; k < 8; k++)
		w |= (uint64_t)p[k] << (8 * k);
#endif
	return w;
}

static void store_le(unsigned char *p, uint64_t w)
{
#ifdef NATIVE
	w = NATIVE(w);
	memcpy(p, &w, 8);
#else
	int k;

	for (k = 0; k < 8; k++)
		p[k] = (unsigned char)(w >> (8 * k));
#endif
}

/* The word of the last n % 8 bytes of `p` (n bytes), zero-padded: for a
 * name of 8 bytes or more, its last word shifted, so that no byte past the
 * name is read and no short copy is made. */
static uint64_t tail_word(const unsigned char *p, size_t n)
{
	uint64_t w = 0;
	size_t k, i = n - n % 8;

	if (n >= 8)
		return load_le(p + n - 8) >> (8 * (8 - n % 8));
	for (k = i; k < n; k++)
		w |= (uint64_t)p[k] << (8 * (k - i));
	return w;
}

static uint64_t mix(uint64_t h)
{
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9u;
	h ^= h >> 32;
	return h;
}

/* Whether the labels of a folded name are at most LABEL_MAX octets. */
static int short_labels(const unsigned char *p, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		run = p[i] == '.' ? 0 : run + 1;
		if (run > LABEL_MAX)
			return 0;
	}
	return 1;
}

/* Whether the last label of a folded name, not ending in a dot, has a
 * character other than a digit: a TLD's last octet is mostly a letter, so
 * this reads one byte. */
static int named_tld(const unsigned char *p, size_t n)
{
	while (n && p[n - 1] >= '0' && p[n - 1] <= '9')
		n--;
	return n && p[n - 1] != '.';
}

/* What the check of a name's words has seen so far. */
struct pass {
	uint64_t bad;     /* high bits: a bad byte or label boundary */
	uint64_t dots;    /* high bits: the last word's dots... */
	uint64_t hyphens; /* ...and hyphens (other bits are noise) */
};

/* Folds a word: ORs 0x20 into every byte with bit 6 set, which lowers
 * 'A'-'Z' and maps the other bytes of 0x40-0x5f to 0x60-0x7f, bad as well. */
static uint64_t fold_word(uint64_t w)
{
	return w | (w >> 1 & REP(0x20));
}

static uint64_t hash_word(uint64_t h, uint64_t f)
{
	h = (h ^ f) * 0xff51afd7ed558ccdu;
	return h ^ h >> 32;
}

size_t fedns__fold(const char *in, unsigned char *out, uint64_t *hash)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t n = strlen(in), i;
	uint64_t h = 0x9e3779b97f4a7c15u, f;

	if (n && p[n - 1] == '.')
		n--; /* one trailing dot is accepted and dropped */
	if (n == 0 || n > FEDNS_NAME_MAX)
		return 0;
	for (i = 0; i + 8 <= n; i += 8) {
		f = fold_word(load_le(p + i));
		store_le(out + i, f);
		h = hash_word(h, f);
	}
	if (i < n) {
		f = fold_word(tail_word(p, n));
		store_le(out + i, f);
		h = hash_word(h, f);
	}
	*hash = mix(h ^ n);
	return n;
}

/*
 * Checks one folded word. With x = byte | 0x80, the high bit of x - c (no
 * borrow crosses bytes) says whether the byte is >= c; the bytes a name may
 * hold (0 is padding) lie in [0], ['-', '.'], ['0', '9'], ['a', 'z'], so a
 * byte is bad exactly when an odd number of the bounds 1, '-', '/', '0',
 * ':', 'a', '{' are at most it (a byte of 0x80 or more is bad by itself).
 *
 * A label is empty or starts with a hyphen when a dot or hyphen follows a
 * dot (or the start), and ends with a hyphen when a dot follows one: the
 * masks of dots and hyphens shifted by one byte, carried across words, find
 * both. Only high bits are read, so no mask is needed on the way.
 */
static void check_word(struct pass *s, uint64_t f)
{
	uint64_t x = f | HIGH;
	uint64_t ge_hyphen = x - REP('-'), ge_dot = ge_hyphen - ONES, ge_slash = ge_dot - ONES;
	uint64_t dots = ge_dot ^ ge_slash, hyphens = ge_hyphen ^ ge_dot;

	s->bad |= f | ((x - ONES) ^ ge_hyphen ^ ge_slash ^ (ge_slash - ONES) ^ (x - REP(':')) ^
		       (x - REP('a')) ^ (x - REP('{')));
	s->bad |= (ge_hyphen ^ ge_slash) & (dots << 8 | s->dots >> 56);
	s->bad |= dots & (hyphens << 8 | s->hyphens >> 56);
	s->dots = dots;
	s->hyphens = hyphens;
}

int fedns__folded_valid(const unsigned char *folded, size_t n)
{
	struct pass s = {0, HIGH, 0}; /* a dot before the name */
	size_t i;

	for (i = 0; i < n; i += 8)
		check_word(&s, load_le(folded + i));
	/* The rest, on the bytes: the last label's end, label lengths and a
	 * numeric TLD. */
	return !(s.bad & HIGH) && folded[n - 1] != '-' && folded[n - 1] != '.' &&
	       named_tld(folded, n) && (n <= LABEL_MAX || short_labels(folded, n));
}

size_t fedns__fold_hash(const char *in, unsigned char *out, uint64_t *hash)
{
	size_t n = fedns__fold(in, out, hash);

	return n && fedns__folded_valid(out, n) ? n : 0;
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

/* The high bit of each byte of `w` that is zero. */
static uint64_t zero_bytes(uint64_t w)
{
	return ~(((w & ~HIGH) + ~HIGH) | w) & HIGH;
}

/* The index of the lowest byte whose high bit `m` (not 0) has. */
static size_t first_byte(uint64_t m)
{
#ifdef __GNUC__
	return (size_t)__builtin_ctzll(m) / 8;
#else
	size_t k = 0;

	for (; !(m & 0x80); m >>= 8)
		k++;
	return k;
#endif
}

/* Slot `i` of the probe sequence, which wraps at the end. */
static size_t wrap(const struct fedns_policy_table *t, size_t i)
{
	return i >= t->nslots ? i - t->nslots : i;
}

/* Whether slot `s` holds the folded key of n bytes. Both keys are
 * zero-padded to whole words, so they compare a word at a time. */
static int same_key(const struct fedns_policy_table *t, const struct fedns_nameslot *s,
		    const unsigned char *key, size_t n)
{
	size_t i;

	if (s->info.len != n)
		return 0;
	for (i = 0; i < n && i < FEDNS_INLINE_KEY; i += 8)
		if (load_le(s->key + i) != load_le(key + i))
			return 0;
	return n <= FEDNS_INLINE_KEY ||
	       memcmp(FEDNS_AT(&t->text, s->spill), key + FEDNS_INLINE_KEY,
		      n - FEDNS_INLINE_KEY) == 0;
}

/* The slot holding the key, or the empty slot where it would go. The
 * control bytes are read a group at a time: the slots whose byte matches
 * before the group's first empty one are the only candidates, and that
 * empty one ends the probe. */
static size_t probe(const struct fedns_policy_table *t, const unsigned char *key, size_t n,
		    uint64_t h)
{
	uint64_t want = REP(ctrl_of(h));
	size_t i = home(t, h);

	for (;; i = wrap(t, i + FEDNS_CTRL_GROUP)) {
		uint64_t c = load_le(t->ctrl + i), empty = zero_bytes(c);
		uint64_t match = zero_bytes(c ^ want);

		if (empty)
			match &= (empty & (~empty + 1)) - 1;
		for (; match; match &= match - 1) {
			size_t k = wrap(t, i + first_byte(match));

			if (same_key(t, &t->slots[k], key, n))
				return k;
		}
		if (empty)
			return wrap(t, i + first_byte(empty));
	}
}

void fedns__table_prefetch(const struct fedns_policy_table *t, uint64_t hash)
{
#ifdef __GNUC__
	size_t i = home(t, hash);

	__builtin_prefetch(&t->slots[i]);
	__builtin_prefetch(&t->ctrl[i]);
#else
	(void)t;
	(void)hash;
#endif
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
	t->ctrl = fedns_alloc_array(a, NULL, n + FEDNS_CTRL_GROUP, 1);
	t->raw = t->ctrl ? fedns_alloc_malloc(a, bytes) : NULL;
	if (!t->raw) {
		fedns__table_free(t);
		return FEDNS_ENOMEM;
	}
	memset(t->ctrl, 0, n + FEDNS_CTRL_GROUP);
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
	if (i < FEDNS_CTRL_GROUP)
		t->ctrl[t->nslots + i] = ctrl_of(h);
	return &s->info;
}

const struct fedns_nameinfo *fedns__table_find(const struct fedns_policy_table *t,
					       const unsigned char *folded, size_t n,
					       uint64_t hash)
{
	size_t i = probe(t, folded, n, hash);

	return t->ctrl[i] ? &t->slots[i].info : NULL;
}
