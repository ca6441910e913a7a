/* The deployment document (SPEC 7): JSON text in, calls on the C API out. */
#ifndef FEDNS_TOOLS_DOCUMENT_H
#define FEDNS_TOOLS_DOCUMENT_H

#include <stddef.h>

#include <fedns/fedns.h>

/* Why a document could not be loaded, and where. */
struct doc_error {
	unsigned long line;   /* 1-based */
	unsigned long column; /* 1-based, in characters */
	char path[512];       /* "federation.allowed_domains[1].domain"; "" for none */
	char message[1024];
};

/* Loads the document in `text` (`len` bytes) into `dep`, a new deployment.
 * Names and addresses are passed on as written: validation judges them.
 * Returns 0, or -1 with `*err` filled in; `dep` is then partly loaded. */
int doc_load(fedns_deployment *dep, const char *text, size_t len, struct doc_error *err);

#endif
