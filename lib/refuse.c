/* Refusing a deployment with error diagnostics (see refuse.h). */
#include "refuse.h"

#include "diagnostics.h"
#include "validate.h"

fedns_status fedns__refuse_errors(fedns_deployment *dep, const struct fedns_diagnostics *d)
{
	size_t errors = fedns_diagnostics_count_severity(d, FEDNS_SEVERITY_ERROR), i = 0;

	if (!errors)
		return FEDNS_OK;
	while (d->items[i].severity != FEDNS_SEVERITY_ERROR)
		i++;
	return fedns_fail(dep, FEDNS_EINVALID, "the deployment has %zu error%s; first: %s %s: %s",
			  errors, errors == 1 ? "" : "s", d->items[i].id,
			  FEDNS_AT(&d->text, d->items[i].subject),
			  FEDNS_AT(&d->text, d->items[i].message[FEDNS_LANG_EN]));
}

fedns_status fedns__refuse_invalid(fedns_deployment *dep)
{
	struct fedns_diagnostics d;
	fedns_status st;

	fedns_diagnostics_init(&d, &dep->alloc);
	if (fedns_validate(dep, &d) != FEDNS_OK) {
		fedns_diagnostics_clear(&d);
		return fedns_fail(dep, FEDNS_ENOMEM, "out of memory");
	}
	st = fedns__refuse_errors(dep, &d);
	fedns_diagnostics_clear(&d);
	return st;
}
