/* Where rendered text goes: a caller buffer (snprintf-like: counts what does
 * not fit) or a caller callback (fed in chunks). */
#ifndef FEDNS_SINK_H
#define FEDNS_SINK_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fedns/fedns.h"

#define FEDNS_SINK_CHUNK 16384

struct fedns_sink {
	/* Bytes go to `at`; those before `end` are room. In buffer mode the
	 * caller's buffer ends at `end` (the last byte is kept for the NUL);
	 * in callback mode `chunk` is, and is flushed when full. */
	char *at, *end;
	char *buf;       /* buffer mode: the caller's buffer, `cap` bytes */
	size_t cap;
	size_t total;    /* bytes produced so far */
	fedns_write_fn write; /* callback mode */
	void *ud;
	int stopped;     /* the callback asked to stop */
	char chunk[FEDNS_SINK_CHUNK];
};

void fedns_sink_buffer(struct fedns_sink *s, char *buf, size_t cap);
void fedns_sink_callback(struct fedns_sink *s, fedns_write_fn write, void *ud);
/* fedns_sink_put() when the bytes may not fit: truncating, or flushing. */
void fedns__sink_put(struct fedns_sink *s, const char *p, size_t n);
void fedns_sink_putu(struct fedns_sink *s, uint64_t v);

/* "00" to "99", for writing two digits a step. */
extern const char fedns__sink_pairs[];
/* fedns_sink_digits() of a number of five digits or more. */
char *fedns__sink_digits(char *p, uint64_t v);

/* Writes `v`, below 100, at `p`; returns the end. */
static inline char *fedns__sink_two(char *p, uint32_t v)
{
	if (v < 10) {
		*p = (char)('0' + v);
		return p + 1;
	}
	memcpy(p, fedns__sink_pairs + 2 * v, 2);
	return p + 2;
}

/* Writes the decimal digits of `v` (at most 20) at `p`; returns their end.
 * Inline for the short numbers that most are (TTLs, ports, SRV priorities
 * and weights), where a call and a loop would cost more than the digits. */
static inline char *fedns_sink_digits(char *p, uint64_t v)
{
	uint32_t x = (uint32_t)v;

	if (v >= 10000)
		return fedns__sink_digits(p, v);
	if (x < 100)
		return fedns__sink_two(p, x);
	p = fedns__sink_two(p, x / 100);
	memcpy(p, fedns__sink_pairs + 2 * (x % 100), 2);
	return p + 2;
}

/* Where the next `n` bytes go when they surely fit, to be written there in
 * place and then counted with fedns_sink_wrote(); NULL otherwise (the bytes
 * then go through fedns_sink_put()). So a renderer writes a line of many
 * short pieces with one check. */
static inline char *fedns_sink_room(const struct fedns_sink *s, size_t n)
{
	return n < (size_t)(s->end - s->at) ? s->at : NULL;
}

/* Counts the `n` bytes written at fedns_sink_room(), at most what it was
 * asked for. */
static inline void fedns_sink_wrote(struct fedns_sink *s, size_t n)
{
	s->at += n;
	s->total += n;
}

/* Rendering is a stream of short pieces, so the common case, a piece that
 * fits where it goes, is inline; the rest is fedns__sink_put(). */
static inline void fedns_sink_put(struct fedns_sink *s, const char *p, size_t n)
{
	char *at = fedns_sink_room(s, n);

	if (at) {
		memcpy(at, p, n);
		fedns_sink_wrote(s, n);
		return;
	}
	fedns__sink_put(s, p, n);
}

static inline void fedns_sink_puts(struct fedns_sink *s, const char *p)
{
	fedns_sink_put(s, p, strlen(p));
}

static inline void fedns_sink_putc(struct fedns_sink *s, char c)
{
	fedns_sink_put(s, &c, 1);
}
/* Writes `n` spaces. */
void fedns_sink_pad(struct fedns_sink *s, size_t n);
/* Ends the output: NUL-terminates the buffer or flushes the chunk.
 * Returns FEDNS_OK, FEDNS_ESPACE or FEDNS_ECALLBACK. */
fedns_status fedns_sink_finish(struct fedns_sink *s);

#endif
