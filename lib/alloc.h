/* The allocator a deployment and everything made from it use. */
#ifndef FEDNS_ALLOC_H
#define FEDNS_ALLOC_H

#include <stddef.h>

#include "fedns/fedns.h"

struct fedns_alloc {
	fedns_malloc_fn malloc_fn;
	fedns_realloc_fn realloc_fn;
	fedns_free_fn free_fn;
	void *ud;
};

void fedns_alloc_default(struct fedns_alloc *a);
/* The caller's callbacks, or the C library's when all three are NULL.
 * Returns 0, or -1 when only some are given. */
int fedns_alloc_init(struct fedns_alloc *a, fedns_malloc_fn malloc_fn,
		     fedns_realloc_fn realloc_fn, fedns_free_fn free_fn, void *ud);
/* Never asks for zero bytes; returns NULL on failure. */
void *fedns_alloc_malloc(const struct fedns_alloc *a, size_t size);
/* Grows an array of `n` elements of `size` bytes; NULL on overflow or failure. */
void *fedns_alloc_array(const struct fedns_alloc *a, void *ptr, size_t n, size_t size);
void fedns_alloc_free(const struct fedns_alloc *a, void *ptr);
/* A copy of `s`, or NULL (for NULL `s`, or on failure: check `s`). */
char *fedns_alloc_strdup(const struct fedns_alloc *a, const char *s);

#endif
