/* What every fuzz target checks besides "no crash": helpers that abort with
 * a message when an oracle fails, so that libFuzzer and the replay driver
 * both stop on it. */
#ifndef FEDNS_FUZZ_ORACLE_H
#define FEDNS_FUZZ_ORACLE_H

#include <stddef.h>
#include <stdint.h>

#include "fedns/fedns.h"

/* Aborts with a printf-style message. */
__attribute__((noreturn, format(printf, 1, 2)))
void oracle_fail(const char *fmt, ...);

#define ORACLE(cond, ...)                    \
	do {                                 \
		if (!(cond))                 \
			oracle_fail(__VA_ARGS__); \
	} while (0)

/* Whether `s` (`n` bytes) holds a byte below 0x20 or 0x7f other than those
 * in `allowed`, or a NUL. */
int oracle_has_control(const char *s, size_t n, const char *allowed);

/* Checks every diagnostic of `g`: a rule id ("V12"), a known severity, a
 * subject and a message in both languages without control characters.
 * Returns the number of errors. */
size_t oracle_diagnostics(const fedns_diagnostics *g);

/* Checks every record's accessors and renders `rs` in every format and
 * language twice (into a buffer of the exact size and through a callback):
 * the two must be the same bytes, and the zone must read back record by
 * record (tests/zoneline.c). */
void oracle_recordset(const fedns_recordset *rs);

/* Checks the deployment as a whole: validation, derivation, the policy,
 * the certificates, the probes and (when `observed` is not NULL) the
 * comparison agree on whether it has errors, and every output passes its
 * oracles. `names` are remote domains to ask the policy about. */
void oracle_deployment(fedns_deployment *dep, const char *const *names, size_t nnames,
		       const fedns_observed *observed);

/* Compares `observed` with a deployment that validates without errors and
 * checks the findings (ids matching kinds, printable hints and data). */
void oracle_compare(fedns_deployment *dep, const fedns_observed *observed);

#endif
