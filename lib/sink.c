#include "sink.h"

#include <string.h>

void fedns_sink_buffer(struct fedns_sink *s, char *buf, size_t cap)
{
	s->buf = buf;
	s->cap = cap;
	s->total = 0;
	s->write = NULL;
	s->ud = NULL;
	s->stopped = 0;
	s->used = 0;
}

void fedns_sink_callback(struct fedns_sink *s, fedns_write_fn write, void *ud)
{
	fedns_sink_buffer(s, NULL, 0);
	s->write = write;
	s->ud = ud;
}

static void flush(struct fedns_sink *s)
{
	if (s->used && !s->stopped && s->write(s->ud, s->chunk, s->used) != 0)
		s->stopped = 1;
	s->used = 0;
}

void fedns__sink_put(struct fedns_sink *s, const char *p, size_t n)
{
	if (!s->write) {
		/* Keep one byte for the NUL; count the rest, snprintf-like. */
		if (s->total + 1 < s->cap) {
			size_t room = s->cap - 1 - s->total;

			memcpy(s->buf + s->total, p, n < room ? n : room);
		}
		s->total += n;
		return;
	}
	s->total += n;
	while (n && !s->stopped) {
		size_t room = FEDNS_SINK_CHUNK - s->used, k = n < room ? n : room;

		memcpy(s->chunk + s->used, p, k);
		s->used += k;
		p += k;
		n -= k;
		if (s->used == FEDNS_SINK_CHUNK)
			flush(s);
	}
}

void fedns_sink_putu(struct fedns_sink *s, uint64_t v)
{
	char digits[20];
	size_t n = sizeof(digits);

	do {
		digits[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	fedns_sink_put(s, digits + n, sizeof(digits) - n);
}

void fedns_sink_pad(struct fedns_sink *s, size_t n)
{
	static const char spaces[] = "                                ";

	while (n) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;

		fedns_sink_put(s, spaces, k);
		n -= k;
	}
}

fedns_status fedns_sink_finish(struct fedns_sink *s)
{
	if (s->write) {
		flush(s);
		return s->stopped ? FEDNS_ECALLBACK : FEDNS_OK;
	}
	if (s->cap)
		s->buf[s->total < s->cap ? s->total : s->cap - 1] = '\0';
	return s->total < s->cap ? FEDNS_OK : FEDNS_ESPACE;
}
