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
	char *buf;       /* buffer mode: the caller's buffer, `cap` bytes */
	size_t cap;
	size_t total;    /* bytes produced so far */
	fedns_write_fn write; /* callback mode */
	void *ud;
	int stopped;     /* the callback asked to stop */
	size_t used;     /* bytes pending in `chunk` */
	char chunk[FEDNS_SINK_CHUNK];
};

void fedns_sink_buffer(struct fedns_sink *s, char *buf, size_t cap);
void fedns_sink_callback(struct fedns_sink *s, fedns_write_fn write, void *ud);
/* fedns_sink_put() when the bytes may not fit: truncating, or flushing. */
void fedns__sink_put(struct fedns_sink *s, const char *p, size_t n);
void fedns_sink_putu(struct fedns_sink *s, uint64_t v);

/* Rendering is a stream of short pieces, so the common case, a piece that
 * fits where it goes, is inline; the rest is fedns__sink_put(). */
static inline void fedns_sink_put(struct fedns_sink *s, const char *p, size_t n)
{
	if (!s->write) {
		if (n < s->cap - s->total && s->total < s->cap) {
			memcpy(s->buf + s->total, p, n);
			s->total += n;
			return;
		}
	} else if (n < FEDNS_SINK_CHUNK - s->used && !s->stopped) {
		memcpy(s->chunk + s->used, p, n);
		s->used += n;
		s->total += n;
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
