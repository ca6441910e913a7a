/* Refusing a deployment with error diagnostics (see refuse.h). */
#include "refuse.h"

#include "diagnostics.h"
#include "validate.h"

static void name_first_error(fedns_deployment *dep, const struct fedns_diagnostics *d,
			     size_t errors)
{
	size_t i = 0;

	while (d->items[i].severity != FEDNS_SEVERITY_ERROR)
		i++;
	fedns_fail(dep, FEDNS_EINVALID, "the deployment has %zu error%s; first: %s %s: %s", errors,
		   errors == 1 ? "" : "s", d->items[i].id, d->text + d->items[i].subject,
		   d->text + d->items[i].message[FEDNS_LANG_EN]);
}

fedns_status fedns__refuse_invalid(fedns_deployment *dep)
{
	struct fedns_diagnostics d;
	size_t errors;

	fedns_diagnostics_init(&d, &dep->alloc);
	if (fedns_validate(dep, &d) != FEDNS_OK) {
		fedns_diagnostics_clear(&d);
		return fedns_fail(dep, FEDNS_ENOMEM, "out of memory");
	}
	errors = fedns_diagnostics_count_severity(&d, FEDNS_SEVERITY_ERROR);
	if (errors)
		name_first_error(dep, &d, errors);
	fedns_diagnostics_clear(&d);
	return errors ? FEDNS_EINVALID : FEDNS_OK;
}
