/* Validation (SPEC 3): every V rule over a deployment. */
#ifndef FEDNS_VALIDATE_H
#define FEDNS_VALIDATE_H

#include "diagnostics.h"
#include "model.h"

/* Appends the diagnostics of every rule to `out` and sorts them.
 * Returns FEDNS_OK or FEDNS_ENOMEM (then `out` is left for the caller to
 * clear). */
fedns_status fedns_validate(const fedns_deployment *dep, struct fedns_diagnostics *out);

#endif
