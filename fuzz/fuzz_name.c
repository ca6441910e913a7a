/* Fuzz target: fedns_name_normalize() (SPEC 5) on arbitrary bytes.
 * Oracles: a known status; an accepted name is lower case, of letters,
 * digits, hyphens and dots, within 253 octets and 63 per label, equal to the
 * input but for case and one trailing dot, and normalizes to itself; a
 * refusal says why in a printable, NUL-terminated sentence that fits its
 * buffer; the answer does not depend on the buffer sizes except for
 * FEDNS_ESPACE exactly when the name does not fit. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"

static void check_name(const char *in, const char *out)
{
	size_t n = strlen(out), inlen = strlen(in), i, label = 0;
	char again[256];

	ORACLE(n >= 1 && n <= 253, "\"%s\": normal form of %zu octets", in, n);
	ORACLE(out[n - 1] != '.' && out[0] != '.', "\"%s\" -> \"%s\": a dot at an end", in, out);
	for (i = 0; i < n; i++) {
		char c = out[i];

		if (c == '.') {
			ORACLE(label >= 1 && label <= 63, "\"%s\": a label of %zu octets", out, label);
			ORACLE(out[i - 1] != '-' && out[i + 1] != '-', "\"%s\": hyphen at a label end",
			       out);
			label = 0;
			continue;
		}
		ORACLE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-',
		       "\"%s\" -> \"%s\": character 0x%02x", in, out, (unsigned char)c);
		label++;
	}
	ORACLE(label >= 1 && label <= 63, "\"%s\": last label of %zu octets", out, label);
	ORACLE(out[0] != '-' && out[n - 1] != '-', "\"%s\": hyphen at an end", out);
	/* The input, but for case and one trailing dot. */
	if (inlen && in[inlen - 1] == '.')
		inlen--;
	ORACLE(inlen == n, "\"%s\" -> \"%s\": length changed", in, out);
	for (i = 0; i < n; i++) {
		char c = in[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		ORACLE(c == out[i], "\"%s\" -> \"%s\": not a case fold", in, out);
	}
	ORACLE(fedns_name_normalize(out, again, sizeof(again), NULL, 0) == FEDNS_OK &&
		       strcmp(out, again) == 0,
	       "\"%s\" does not normalize to itself", out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t caps[] = {0, 1, 2, 8, 64, 253, 254, 300};
	char *in = malloc(size + 1);
	char out[300], why[300];
	fedns_status st, st2;
	size_t i;

	if (!in)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';
	memset(why, 'x', sizeof(why));
	st = fedns_name_normalize(in, out, sizeof(out), why, sizeof(why));
	ORACLE(st == FEDNS_OK || st == FEDNS_EBADNAME, "status %s", fedns_status_name(st));
	if (st == FEDNS_OK) {
		check_name(in, out);
	} else {
		ORACLE(memchr(why, '\0', sizeof(why)) != NULL, "why is not terminated");
		ORACLE(strlen(why) > 10, "why is too short: \"%s\"", why);
		ORACLE(!oracle_has_control(why, strlen(why), ""), "why has a control character");
	}
	for (i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
		char small[301], swhy[301];
		size_t cap = caps[i];

		memset(small, 'x', sizeof(small));
		memset(swhy, 'x', sizeof(swhy));
		st2 = fedns_name_normalize(in, cap ? small : NULL, cap, cap ? swhy : NULL, cap);
		if (!cap) {
			ORACLE(st2 == FEDNS_EINVAL, "out NULL: %s", fedns_status_name(st2));
			continue;
		}
		if (st == FEDNS_OK) {
			int fits = strlen(out) + 1 <= cap;

			ORACLE(st2 == (fits ? FEDNS_OK : FEDNS_ESPACE), "cap %zu: %s", cap,
			       fedns_status_name(st2));
			if (fits)
				ORACLE(strcmp(small, out) == 0, "cap %zu: other output", cap);
		} else {
			ORACLE(st2 == FEDNS_EBADNAME, "cap %zu: %s, was EBADNAME", cap,
			       fedns_status_name(st2));
			ORACLE(memchr(swhy, '\0', cap) != NULL, "cap %zu: why overflows", cap);
			ORACLE(strncmp(swhy, why, strlen(swhy)) == 0 || cap < 8,
			       "cap %zu: why is not a prefix", cap);
			ORACLE(swhy[cap] == 'x', "cap %zu: why written past its buffer", cap);
		}
		ORACLE(small[cap] == 'x', "cap %zu: out written past its buffer", cap);
	}
	free(in);
	return 0;
}
