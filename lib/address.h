/* IPv4 and IPv6 literals (SPEC 5): parsing, RFC 5952 text, public or not (V5). */
#ifndef FEDNS_ADDRESS_H
#define FEDNS_ADDRESS_H

#include <stddef.h>
#include <stdint.h>

/* Longest canonical text ("ffff:...:255.255.255.255") plus its NUL. */
#define FEDNS_ADDRESS_BUF 46

struct fedns_address {
	int family;        /* 4 or 6 */
	uint8_t bytes[16]; /* network order; IPv4 uses the first 4 */
};

/* Parses `in`; on failure returns 0 and writes an English reason to `why`
 * (snprintf-like; may be NULL). Returns 1 on success. */
int fedns_address_parse(const char *in, struct fedns_address *out, char *why, size_t whycap);
/* fedns_address_parse() without its shortcut for plain dotted quads, for
 * the test that the two agree. */
int fedns__address_parse_full(const char *in, struct fedns_address *out, char *why,
			      size_t whycap);
/* The same reason, in Simplified Chinese, for a failed parse of `in`. */
void fedns_address_error_text_zh(const char *in, char *buf, size_t cap);
/* Canonical text (dotted quad, or RFC 5952) into `out` of FEDNS_ADDRESS_BUF
 * bytes; returns its length. */
size_t fedns_address_format(const struct fedns_address *a, char *out);
/* Whether the address is publicly routable in V5's sense (documentation
 * ranges count as public). */
int fedns_address_is_public(const struct fedns_address *a);
/* Orders two addresses numerically: IPv4 before IPv6, then by bytes. */
int fedns_address_compare(const struct fedns_address *a, const struct fedns_address *b);

#endif
