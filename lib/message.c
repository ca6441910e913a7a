#include "message.h"

#include <string.h>

void fedns_msg_bytes(struct fedns_msg *m, const char *p, size_t n)
{
	size_t room;

	if (m->len + 1 >= m->cap)
		return;
	room = m->cap - 1 - m->len;
	if (n > room)
		n = room;
	memcpy(m->buf + m->len, p, n);
	m->len += n;
}

void fedns_msg_str(struct fedns_msg *m, const char *s)
{
	fedns_msg_bytes(m, s, strlen(s));
}

void fedns_msg_size(struct fedns_msg *m, size_t v)
{
	char digits[24];
	size_t i = sizeof digits;

	do {
		digits[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	fedns_msg_bytes(m, digits + i, sizeof digits - i);
}

void fedns_msg_hex(struct fedns_msg *m, const char *prefix, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char two[2];

	two[0] = hex[c >> 4];
	two[1] = hex[c & 15];
	fedns_msg_str(m, prefix);
	fedns_msg_bytes(m, two, 2);
}

void fedns_msg_escaped(struct fedns_msg *m, unsigned char c)
{
	static const char special[] = "\"\\\n\r\t", shown[] = "\"\\nrt";
	const char *hit = c ? strchr(special, c) : NULL;
	char one = (char)c;

	if (hit) {
		fedns_msg_str(m, "\\");
		fedns_msg_bytes(m, &shown[hit - special], 1);
	} else if (c < 0x20 || c >= 0x7f) {
		fedns_msg_hex(m, "\\x", c);
	} else {
		fedns_msg_bytes(m, &one, 1);
	}
}

void fedns_msg_finish(struct fedns_msg *m)
{
	size_t end = m->len, lead = end, need;
	unsigned char c;

	if (m->cap == 0)
		return;
	while (lead > 0 && ((unsigned char)m->buf[lead - 1] & 0xc0) == 0x80)
		lead--;
	if (lead > 0 && (unsigned char)m->buf[lead - 1] >= 0xc0) {
		c = (unsigned char)m->buf[lead - 1];
		need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
		if (end - (lead - 1) < need)
			end = lead - 1;
	}
	m->buf[end] = '\0';
}
