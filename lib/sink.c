#include "sink.h"

#include <string.h>

void fedns_sink_buffer(struct fedns_sink *s, char *buf, size_t cap)
{
	s->buf = buf;
	s->cap = cap;
	/* Without a buffer there is no room: every byte is only counted. */
	s->at = cap ? buf : s->chunk;
	s->end = cap ? buf + cap : s->chunk;
	s->total = 0;
	s->write = NULL;
	s->ud = NULL;
	s->stopped = 0;
}

void fedns_sink_callback(struct fedns_sink *s, fedns_write_fn write, void *ud)
{
	fedns_sink_buffer(s, NULL, 0);
	s->end = s->chunk + FEDNS_SINK_CHUNK;
	s->write = write;
	s->ud = ud;
}

static void flush(struct fedns_sink *s)
{
	size_t n = (size_t)(s->at - s->chunk);

	s->at = s->chunk;
	if (n && !s->stopped && s->write(s->ud, s->chunk, n) != 0) {
		s->stopped = 1;
		/* No room any more: the rest is only counted. */
		s->end = s->chunk;
	}
}

void fedns__sink_put(struct fedns_sink *s, const char *p, size_t n)
{
	s->total += n;
	if (!s->write) {
		/* Keep one byte for the NUL; count the rest, snprintf-like. */
		size_t room = (size_t)(s->end - s->at), k = n < room ? n : room ? room - 1 : 0;

		memcpy(s->at, p, k);
		s->at += k;
		return;
	}
	while (n && !s->stopped) {
		size_t room = (size_t)(s->end - s->at), k = n < room ? n : room;

		memcpy(s->at, p, k);
		s->at += k;
		p += k;
		n -= k;
		if (s->at == s->end)
			flush(s);
	}
}

const char fedns__sink_pairs[] = "00010203040506070809"
				 "10111213141516171819"
				 "20212223242526272829"
				 "30313233343536373839"
				 "40414243444546474849"
				 "50515253545556575859"
				 "60616263646566676869"
				 "70717273747576777879"
				 "80818283848586878889"
				 "90919293949596979899";

char *fedns__sink_digits(char *p, uint64_t v)
{
	uint32_t low = (uint32_t)(v % 10000);

	p = fedns_sink_digits(p, v / 10000);
	memcpy(p, fedns__sink_pairs + 2 * (low / 100), 2);
	memcpy(p + 2, fedns__sink_pairs + 2 * (low % 100), 2);
	return p + 4;
}

void fedns_sink_putu(struct fedns_sink *s, uint64_t v)
{
	char digits[20], *at = fedns_sink_room(s, sizeof(digits));

	if (at)
		fedns_sink_wrote(s, (size_t)(fedns_sink_digits(at, v) - at));
	else
		fedns_sink_put(s, digits, (size_t)(fedns_sink_digits(digits, v) - digits));
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
		*s->at = '\0';
	return s->total < s->cap ? FEDNS_OK : FEDNS_ESPACE;
}
