/* Fuzz target: fedns_address_normalize() (SPEC 5) on arbitrary bytes.
 * Oracles: a known status; an accepted IPv4 literal is already canonical
 * (dotted quad without leading zeros), an accepted IPv6 literal becomes RFC
 * 5952 text of lower-case hex and colons that normalizes to itself; the
 * output fits 46 bytes; a refusal says why, printably; FEDNS_ESPACE exactly
 * when the output does not fit. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t caps[] = {1, 7, 16, 40, 46};
	char *in = malloc(size + 1);
	char out[64], why[256], again[64];
	fedns_status st;
	size_t i, n;

	if (!in)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';
	st = fedns_address_normalize(in, out, sizeof(out), why, sizeof(why));
	ORACLE(st == FEDNS_OK || st == FEDNS_EBADADDR, "status %s", fedns_status_name(st));
	if (st == FEDNS_OK) {
		n = strlen(out);
		ORACLE(n >= 2 && n <= 45, "\"%s\" -> \"%s\": %zu bytes", in, out, n);
		ORACLE(strspn(out, "0123456789abcdef:.") == n, "\"%s\" -> \"%s\": a character", in,
		       out);
		if (!strchr(out, ':'))
			ORACLE(strcmp(in, out) == 0, "IPv4 \"%s\" -> \"%s\" changed", in, out);
		else
			ORACLE(!strstr(out, ":::") &&
				       (!strstr(out, "::") || !strstr(strstr(out, "::") + 1, "::")),
			       "\"%s\": more than one \"::\"", out);
		ORACLE(fedns_address_normalize(out, again, sizeof(again), NULL, 0) == FEDNS_OK &&
			       strcmp(out, again) == 0,
		       "\"%s\" does not normalize to itself", out);
	} else {
		ORACLE(strlen(why) > 10, "why is too short");
		ORACLE(!oracle_has_control(why, strlen(why), ""), "why has a control character");
	}
	for (i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
		char small[64], swhy[64];
		fedns_status st2;

		memset(small, 'x', sizeof(small));
		memset(swhy, 'x', sizeof(swhy));
		st2 = fedns_address_normalize(in, small, caps[i], swhy, caps[i]);
		if (st == FEDNS_OK) {
			int fits = strlen(out) + 1 <= caps[i];

			ORACLE(st2 == (fits ? FEDNS_OK : FEDNS_ESPACE), "cap %zu: %s", caps[i],
			       fedns_status_name(st2));
			if (fits)
				ORACLE(strcmp(small, out) == 0, "cap %zu: other output", caps[i]);
		} else {
			ORACLE(st2 == FEDNS_EBADADDR, "cap %zu: %s", caps[i], fedns_status_name(st2));
			ORACLE(memchr(swhy, '\0', caps[i]) != NULL, "cap %zu: why overflows", caps[i]);
			ORACLE(swhy[caps[i]] == 'x', "cap %zu: why written past its buffer", caps[i]);
		}
		ORACLE(small[caps[i]] == 'x', "cap %zu: out written past its buffer", caps[i]);
	}
	free(in);
	return 0;
}
