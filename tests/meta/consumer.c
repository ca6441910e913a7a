/* A program outside the project, built by tests/meta/consumer.sh against the
 * installed header and library with nothing but pkg-config's flags. It prints
 * the library's version and fails if it differs from the header's. */
#include <fedns/fedns.h>

#include <stdio.h>
#include <string.h>

int main(void)
{
	const char *version = fedns_version_string();

	if (version == NULL) {
		fprintf(stderr, "fedns_version_string() returned NULL\n");
		return 1;
	}
	printf("%s\n", version);
	if (strcmp(version, FEDNS_VERSION_STRING) != 0) {
		fprintf(stderr, "library %s, header %s\n", version, FEDNS_VERSION_STRING);
		return 1;
	}
	if (fedns_version_number() != FEDNS_VERSION_NUMBER) {
		fprintf(stderr, "library %d, header %d\n", fedns_version_number(),
			FEDNS_VERSION_NUMBER);
		return 1;
	}
	return 0;
}
