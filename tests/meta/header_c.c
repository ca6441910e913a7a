/* Compiled by tests/meta/header.sh as C99 with -pedantic-errors -Werror: the
 * public header must be self-contained (it comes first, alone) and clean. */
#include <fedns/fedns.h>

/* The packed number agrees with its parts (a negative array size fails). */
typedef char fedns_meta_version_number_check[(FEDNS_VERSION_NUMBER ==
	FEDNS_VERSION_MAJOR * 10000 + FEDNS_VERSION_MINOR * 100 + FEDNS_VERSION_PATCH) ? 1 : -1];

int fedns_meta_use_header(void);

/* Uses the types the header promises, so a missing include inside it shows. */
int fedns_meta_use_header(void)
{
	const char *(*version)(void) = fedns_version_string;
	fedns_status status = FEDNS_OK;
	fedns_deployment *dep = NULL;
	fedns_write_fn write_fn = NULL;
	size_t size = sizeof(fedns_meta_version_number_check);
	uint32_t purposes = FEDNS_PURPOSE_EXTERNAL_ACCESS | FEDNS_PURPOSE_ONLINE;

	(void)version;
	(void)dep;
	(void)write_fn;
	return (int)status + (int)size + (int)purposes;
}
