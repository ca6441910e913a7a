/* Fuzz target: the CLI's deployment document loader (tools/document.c,
 * doc_load) on arbitrary bytes, then the whole deployment through the
 * oracles of oracle.c. Oracles of the loader: it returns 0 or -1; a
 * failure has a message, a 1-based line and column within the text, and a
 * message and key path without control characters (they are printed on one
 * line); nothing leaks (tests/failalloc.c counts the library's blocks). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "failalloc.h"
#include "oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const remote[] = {
		"contoso.com", "fabrikam.com", "push.lync.com", "jabber.example.org",
		"stranger.example", "bad name",
	};
	struct failalloc fa;
	struct doc_error err;
	fedns_deployment *dep;
	unsigned long lines = 1;
	size_t i;
	int rc;

	failalloc_init(&fa);
	ORACLE(failalloc_deployment_new(&fa, &dep) == FEDNS_OK, "new deployment");
	rc = doc_load(dep, (const char *)data, size, &err);
	ORACLE(rc == 0 || rc == -1, "doc_load returned %d", rc);
	if (rc) {
		for (i = 0; i < size; i++)
			lines += data[i] == '\n';
		ORACLE(err.message[0] != '\0', "a failure without a message");
		ORACLE(memchr(err.message, '\0', sizeof(err.message)) &&
			       memchr(err.path, '\0', sizeof(err.path)),
		       "an unterminated message or path");
		ORACLE(!oracle_has_control(err.message, strlen(err.message), "") &&
			       !oracle_has_control(err.path, strlen(err.path), ""),
		       "a control character in \"%s\" at \"%s\"", err.message, err.path);
		ORACLE(err.line >= 1 && err.line <= lines, "line %lu of %lu", err.line, lines);
		ORACLE(err.column >= 1 && err.column <= size + 1, "column %lu of %zu bytes", err.column,
		       size);
	} else {
		oracle_deployment(dep, remote, sizeof(remote) / sizeof(remote[0]), NULL);
	}
	fedns_deployment_free(dep);
	ORACLE(fa.live == 0, "%ld blocks leaked", fa.live);
	return 0;
}
