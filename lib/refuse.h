/* Refusing a deployment with error diagnostics, the way derivation does:
 * the policy, comparison and certificate calls only work on a deployment
 * that validation accepts. */
#ifndef FEDNS_REFUSE_H
#define FEDNS_REFUSE_H

#include "diagnostics.h"
#include "model.h"

/* Validates `dep`. Returns FEDNS_OK when it has no error diagnostic;
 * FEDNS_EINVALID when it has some (the deployment's last error counts them
 * and names the first); FEDNS_ENOMEM. */
fedns_status fedns__refuse_invalid(fedns_deployment *dep);
/* The same for a list already made: FEDNS_EINVALID, naming the first
 * error, when `d` has one; FEDNS_OK otherwise. */
fedns_status fedns__refuse_errors(fedns_deployment *dep, const struct fedns_diagnostics *d);

#endif
