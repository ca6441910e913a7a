/* Building a message into a caller's buffer, snprintf-like: what fits is
 * kept, the buffer is always NUL-terminated, and a cut never leaves half a
 * UTF-8 sequence (the Chinese messages must stay valid UTF-8). Input quoted
 * in a message goes through fedns_msg_escaped(), so no message carries raw
 * control bytes or broken UTF-8. */
#ifndef FEDNS_MESSAGE_H
#define FEDNS_MESSAGE_H

#include <stddef.h>

struct fedns_msg {
	char *buf;
	size_t cap, len;
};

void fedns_msg_bytes(struct fedns_msg *m, const char *p, size_t n);
void fedns_msg_str(struct fedns_msg *m, const char *s);
void fedns_msg_size(struct fedns_msg *m, size_t v);
/* `prefix` and the byte as two lower-case hex digits. */
void fedns_msg_hex(struct fedns_msg *m, const char *prefix, unsigned char c);
/* One input byte as C-like escaped ASCII: \", \\, \n, \r, \t, \xNN. */
void fedns_msg_escaped(struct fedns_msg *m, unsigned char c);
/* NUL-terminates, dropping a UTF-8 sequence the cut left incomplete. */
void fedns_msg_finish(struct fedns_msg *m);

#endif
