// Compiled by tests/meta/header.sh as C++11 with -pedantic-errors -Werror and
// linked with the built libfedns: the header must be valid C++ and declare
// every function extern "C" (a C++-mangled name would not link).
#include <fedns/fedns.h>

#include <cstdio>
#include <cstring>

int main()
{
	const char *version = fedns_version_string();

	if (version == NULL || std::strcmp(version, FEDNS_VERSION_STRING) != 0) {
		std::fprintf(stderr, "library %s, header %s\n", version ? version : "(null)",
			     FEDNS_VERSION_STRING);
		return 1;
	}
	if (fedns_version_number() != FEDNS_VERSION_NUMBER) {
		std::fprintf(stderr, "library %d, header %d\n", fedns_version_number(),
			     FEDNS_VERSION_NUMBER);
		return 1;
	}
	const char *ok = fedns_status_name(FEDNS_OK);
	std::printf("%s %s\n", version, ok ? ok : "(null)");
	return 0;
}
