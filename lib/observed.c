/* The observed record set (see observed.h): construction and adders. */
#include "observed.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "list.h"
#include "message.h"

#define LABEL_MAX 63

/* Names are checked and folded eight bytes at a time: a byte of a word
 * below 0x80 is tested for a range by adding to it, which never carries
 * into the next byte. */
#define BYTES(x) (0x0101010101010101u * (uint64_t)(x))
#define HIGH BYTES(0x80)

/* Eight bytes in memory order, the first the least significant. */
static uint64_t load8(const char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	return w;
}

static void store8(char *p, uint64_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	memcpy(p, &w, 8);
}

/* Folds the eight bytes at `in`, which stand at `at` in the name, to
 * `out`, checking the labels that end there but in the first `seen` bytes
 * (`*start`: where the current one began); 0 when a byte is no name's or
 * a label is empty or too long. */
static int fold8(const char *in, char *out, size_t at, size_t seen, size_t *start)
{
	uint64_t w = load8(in), dots, upper;

	/* Printable ASCII but space: no high bit, none under 0x21, none over 0x7e. */
	if ((w | ~(w + BYTES(0x80 - 0x21)) | (w + BYTES(0x80 - 0x7f))) & HIGH)
		return 0;
	dots = ~((w ^ BYTES('.')) + BYTES(0x7f)) & HIGH & ~(uint64_t)0 << 8 * seen;
	for (; dots; dots &= dots - 1) {
		size_t dot = at + (size_t)__builtin_ctzll(dots) / 8;

		if (dot == *start || dot - *start > LABEL_MAX)
			return 0;
		*start = dot + 1;
	}
	upper = (w + BYTES(0x80 - 'A')) & ~(w + BYTES(0x80 - 'Z' - 1)) & HIGH;
	store8(out, w | upper >> 2);
	return 1;
}

size_t fedns__observed_fold(const char *in, char *out)
{
	size_t n = in ? strlen(in) : 0, i, start = 0;
	char tail[8], folded[8];

	if (n && in[n - 1] == '.')
		n--;
	if (n == 0 || n > FEDNS_NAME_MAX_OBSERVED)
		return 0;
	for (i = 0; i + 8 <= n; i += 8)
		if (!fold8(in + i, out + i, i, 0, &start))
			return 0;
	if (i < n && n >= 8) {
		/* The last eight bytes again, those folded already written alike. */
		if (!fold8(in + n - 8, out + n - 8, n - 8, 8 - (n - i), &start))
			return 0;
	} else if (i < n) {
		/* A short name, padded with letters. */
		memset(tail, 'a', sizeof(tail));
		memcpy(tail, in, n);
		if (!fold8(tail, folded, 0, 0, &start))
			return 0;
		memcpy(out, folded, n);
	}
	if (n == start || n - start > LABEL_MAX)
		return 0;
	out[n] = '.';
	out[n + 1] = '\0';
	return n + 1;
}

/* The types a zone commonly holds besides fedns's four; others are shown
 * in RFC 3597's TYPEnnn form. */
static const struct {
	int type;
	const char *name;
} type_names[] = {
	{2, "NS"}, {6, "SOA"}, {12, "PTR"}, {13, "HINFO"}, {15, "MX"}, {16, "TXT"},
	{29, "LOC"}, {35, "NAPTR"}, {39, "DNAME"}, {43, "DS"}, {44, "SSHFP"},
	{46, "RRSIG"}, {47, "NSEC"}, {48, "DNSKEY"}, {50, "NSEC3"}, {51, "NSEC3PARAM"},
	{52, "TLSA"}, {64, "SVCB"}, {65, "HTTPS"}, {99, "SPF"}, {256, "URI"}, {257, "CAA"},
};

void fedns__rrtype_text(int type, char *out, size_t cap)
{
	const char *known = fedns_rrtype_name(type);
	size_t i;

	for (i = 0; !known && i < sizeof(type_names) / sizeof(type_names[0]); i++)
		if (type_names[i].type == type)
			known = type_names[i].name;
	if (known)
		snprintf(out, cap, "%s", known);
	else
		snprintf(out, cap, "TYPE%d", type);
}

/* ---- The object ------------------------------------------------------------ */

__attribute__((format(printf, 3, 4)))
static fedns_status fail(fedns_observed *obs, fedns_status st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(obs->error, sizeof(obs->error), fmt, ap);
	va_end(ap);
	return st;
}

FEDNS_API fedns_status fedns_observed_new_with_allocator(fedns_malloc_fn malloc_fn,
							 fedns_realloc_fn realloc_fn,
							 fedns_free_fn free_fn, void *ud,
							 fedns_observed **out)
{
	struct fedns_alloc alloc;
	fedns_observed *obs;

	if (!out || fedns_alloc_init(&alloc, malloc_fn, realloc_fn, free_fn, ud))
		return FEDNS_EINVAL;
	*out = NULL;
	obs = fedns_alloc_malloc(&alloc, sizeof(*obs));
	if (!obs)
		return FEDNS_ENOMEM;
	memset(obs, 0, sizeof(*obs));
	obs->alloc = alloc;
	obs->source = FEDNS_ARENA_NONE;
	*out = obs;
	return FEDNS_OK;
}

FEDNS_API fedns_status fedns_observed_new(fedns_observed **out)
{
	return fedns_observed_new_with_allocator(NULL, NULL, NULL, NULL, out);
}

FEDNS_API void fedns_observed_free(fedns_observed *obs)
{
	struct fedns_alloc a;

	if (!obs)
		return;
	a = obs->alloc;
	fedns_alloc_free(&a, obs->items);
	fedns_alloc_free(&a, obs->failures);
	fedns__arena_free(&obs->text, &a);
	fedns_alloc_free(&a, obs);
}

FEDNS_API const char *fedns_observed_last_error(const fedns_observed *obs)
{
	return obs ? obs->error : "";
}

FEDNS_API size_t fedns_observed_count(const fedns_observed *obs)
{
	return obs ? obs->n : 0;
}

FEDNS_API fedns_status fedns_observed_set_source(fedns_observed *obs, const char *source)
{
	size_t at;

	if (!obs)
		return FEDNS_EINVAL;
	obs->error[0] = '\0';
	if (!source) {
		obs->source = FEDNS_ARENA_NONE;
		return FEDNS_OK;
	}
	at = fedns__arena_str(&obs->text, &obs->alloc, source);
	if (at == FEDNS_ARENA_NONE)
		return fail(obs, FEDNS_ENOMEM, "out of memory");
	obs->source = at;
	return FEDNS_OK;
}

/* ---- Adding records ---------------------------------------------------------- */

/* A record being added: its texts are still in buffers or the caller's. */
struct pending {
	const char *owner, *target, *data; /* data: fedns_observed_add_other's */
	size_t owner_len, target_len;
	struct fedns_address addr;
	uint32_t ttl, line;
	uint16_t type, priority, weight, port;
};

/* Copies `s`, with control characters shown as '?': data reaches terminals. */
static size_t add_printable(fedns_observed *obs, const char *s)
{
	size_t at = fedns__arena_str(&obs->text, &obs->alloc, s), i;

	for (i = 0; at != FEDNS_ARENA_NONE && s[i]; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < ' ' || c == 0x7f)
			obs->text.text[at + i] = '?';
	}
	return at;
}

/* Appends the record; on failure the set is as it was. */
static fedns_status append(fedns_observed *obs, const struct pending *p)
{
	size_t len = obs->text.len;
	struct fedns_obs_record *r;
	void *items = fedns_grow(&obs->alloc, obs->items, &obs->cap, obs->n, sizeof(*r));

	if (!items)
		return fail(obs, FEDNS_ENOMEM, "out of memory");
	obs->items = items;
	r = &obs->items[obs->n];
	r->owner = fedns__arena_add(&obs->text, &obs->alloc, p->owner, p->owner_len);
	r->target = p->target ? fedns__arena_add(&obs->text, &obs->alloc, p->target, p->target_len) :
		FEDNS_ARENA_NONE;
	r->data = p->data ? add_printable(obs, p->data) : FEDNS_ARENA_NONE;
	if (r->owner == FEDNS_ARENA_NONE || (p->target && r->target == FEDNS_ARENA_NONE) ||
	    (p->data && r->data == FEDNS_ARENA_NONE)) {
		obs->text.len = len;
		return fail(obs, FEDNS_ENOMEM, "out of memory");
	}
	r->owner_len = p->owner_len;
	r->source = obs->source;
	r->addr = p->addr;
	r->ttl = p->ttl;
	r->line = p->line;
	r->type = p->type;
	r->priority = p->priority;
	r->weight = p->weight;
	r->port = p->port;
	r->seq = obs->n++;
	return FEDNS_OK;
}

/* `in` for a message: escaped (message.c), cut after 120 bytes, so an
 * error never carries a control character from the caller's bytes. */
static const char *show(const char *in, char *buf, size_t cap)
{
	struct fedns_msg m = {buf, cap, 0};
	size_t i;

	for (i = 0; in[i] && i < 120; i++)
		fedns_msg_escaped(&m, (unsigned char)in[i]);
	if (in[i])
		fedns_msg_str(&m, "...");
	fedns_msg_finish(&m);
	return buf;
}

/* Checks and folds the owner (and target) into the buffers of `p`. */
static fedns_status prepare(fedns_observed *obs, const char *what, const char *owner,
			    const char *target, char *owner_buf, char *target_buf,
			    struct pending *p)
{
	char shown[512];

	if (!owner)
		return fail(obs, FEDNS_EINVAL, "%s: owner is NULL", what);
	p->owner_len = fedns__observed_fold(owner, owner_buf);
	if (!p->owner_len)
		return fail(obs, FEDNS_EBADNAME, "%s: owner \"%s\" is not a DNS name", what,
			    show(owner, shown, sizeof(shown)));
	p->owner = owner_buf;
	if (!target)
		return FEDNS_OK;
	p->target_len = fedns__observed_fold(target, target_buf);
	if (!p->target_len)
		return fail(obs, FEDNS_EBADNAME, "%s: target \"%s\" is not a DNS name", what,
			    show(target, shown, sizeof(shown)));
	p->target = target_buf;
	return FEDNS_OK;
}

/* Adds record `p` (type and data set) at `owner`, pointing at `target`:
 * what fedns_observed_add_srv() and fedns_observed_add_cname() share. */
static fedns_status add_pointer(fedns_observed *obs, const char *what, const char *owner,
				const char *target, struct pending *p)
{
	char o[FEDNS_ABS_BUF], t[FEDNS_ABS_BUF];
	fedns_status st;

	if (!obs)
		return FEDNS_EINVAL;
	obs->error[0] = '\0';
	if (!target)
		return fail(obs, FEDNS_EINVAL, "%s: target is NULL", what);
	st = prepare(obs, what, owner, target, o, t, p);
	return st ? st : append(obs, p);
}

FEDNS_API fedns_status fedns_observed_add_srv(fedns_observed *obs, const char *owner,
					      uint32_t ttl, uint16_t priority, uint16_t weight,
					      uint16_t port, const char *target, uint32_t line)
{
	struct pending p = {0};

	p.ttl = ttl;
	p.line = line;
	p.type = FEDNS_RR_SRV;
	p.priority = priority;
	p.weight = weight;
	p.port = port;
	return add_pointer(obs, "fedns_observed_add_srv", owner, target, &p);
}

FEDNS_API fedns_status fedns_observed_add_cname(fedns_observed *obs, const char *owner,
						uint32_t ttl, const char *target, uint32_t line)
{
	struct pending p = {0};

	p.ttl = ttl;
	p.line = line;
	p.type = FEDNS_RR_CNAME;
	return add_pointer(obs, "fedns_observed_add_cname", owner, target, &p);
}

static fedns_status add_address(fedns_observed *obs, const char *what, int family,
				const char *owner, uint32_t ttl, const char *address,
				uint32_t line)
{
	char o[FEDNS_ABS_BUF], why[160];
	struct pending p = {0};
	fedns_status st;

	if (!obs)
		return FEDNS_EINVAL;
	obs->error[0] = '\0';
	if (!address)
		return fail(obs, FEDNS_EINVAL, "%s: address is NULL", what);
	st = prepare(obs, what, owner, NULL, o, NULL, &p);
	if (st)
		return st;
	if (!fedns_address_parse(address, &p.addr, why, sizeof(why)))
		return fail(obs, FEDNS_EBADADDR, "%s: %s", what, why);
	if (p.addr.family != family)
		return fail(obs, FEDNS_EBADADDR, "%s: \"%.60s\" is an IPv%d address", what, address,
			    p.addr.family);
	p.ttl = ttl;
	p.line = line;
	p.type = family == 4 ? FEDNS_RR_A : FEDNS_RR_AAAA;
	return append(obs, &p);
}

FEDNS_API fedns_status fedns_observed_add_a(fedns_observed *obs, const char *owner, uint32_t ttl,
					    const char *address, uint32_t line)
{
	return add_address(obs, "fedns_observed_add_a", 4, owner, ttl, address, line);
}

FEDNS_API fedns_status fedns_observed_add_aaaa(fedns_observed *obs, const char *owner,
					       uint32_t ttl, const char *address, uint32_t line)
{
	return add_address(obs, "fedns_observed_add_aaaa", 6, owner, ttl, address, line);
}

FEDNS_API fedns_status fedns_observed_add_other(fedns_observed *obs, const char *owner,
						uint32_t ttl, int rrtype, const char *data,
						uint32_t line)
{
	char o[FEDNS_ABS_BUF];
	struct pending p = {0};
	fedns_status st;

	if (!obs)
		return FEDNS_EINVAL;
	obs->error[0] = '\0';
	if (rrtype <= 0 || rrtype > 65535 || fedns_rrtype_name(rrtype))
		return fail(obs, FEDNS_EINVAL, "fedns_observed_add_other: type %d is %s", rrtype,
			    fedns_rrtype_name(rrtype) ? "added with its own function" :
			    "not a DNS type");
	if (!data)
		return fail(obs, FEDNS_EINVAL, "fedns_observed_add_other: data is NULL");
	st = prepare(obs, "fedns_observed_add_other", owner, NULL, o, NULL, &p);
	if (st)
		return st;
	p.data = data;
	p.ttl = ttl;
	p.line = line;
	p.type = (uint16_t)rrtype;
	return append(obs, &p);
}

FEDNS_API fedns_status fedns_observed_add_failure(fedns_observed *obs, const char *owner,
						  int rrtype, const char *why)
{
	char o[FEDNS_ABS_BUF], shown[512];
	struct fedns_obs_failure *f;
	size_t len, at;
	void *items;

	if (!obs)
		return FEDNS_EINVAL;
	obs->error[0] = '\0';
	if (!owner || !why || rrtype < 0 || rrtype > 65535)
		return fail(obs, FEDNS_EINVAL, "fedns_observed_add_failure: %s",
			    !owner ? "owner is NULL" : !why ? "why is NULL" : "bad type");
	len = fedns__observed_fold(owner, o);
	if (!len)
		return fail(obs, FEDNS_EBADNAME,
			    "fedns_observed_add_failure: owner \"%s\" is not a DNS name",
			    show(owner, shown, sizeof(shown)));
	items = fedns_grow(&obs->alloc, obs->failures, &obs->failcap, obs->nfailures, sizeof(*f));
	if (!items)
		return fail(obs, FEDNS_ENOMEM, "out of memory");
	obs->failures = items;
	f = &obs->failures[obs->nfailures];
	at = obs->text.len;
	f->owner = fedns__arena_add(&obs->text, &obs->alloc, o, len);
	f->why = add_printable(obs, why);
	if (f->owner == FEDNS_ARENA_NONE || f->why == FEDNS_ARENA_NONE) {
		obs->text.len = at;
		return fail(obs, FEDNS_ENOMEM, "out of memory");
	}
	f->type = rrtype;
	f->seq = obs->nfailures++;
	return FEDNS_OK;
}
