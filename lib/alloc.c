#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *libc_malloc(void *ud, size_t size)
{
	(void)ud;
	return malloc(size);
}

static void *libc_realloc(void *ud, void *ptr, size_t size)
{
	(void)ud;
	return realloc(ptr, size);
}

static void libc_free(void *ud, void *ptr)
{
	(void)ud;
	free(ptr);
}

void fedns_alloc_default(struct fedns_alloc *a)
{
	a->malloc_fn = libc_malloc;
	a->realloc_fn = libc_realloc;
	a->free_fn = libc_free;
	a->ud = NULL;
}

int fedns_alloc_init(struct fedns_alloc *a, fedns_malloc_fn malloc_fn,
		     fedns_realloc_fn realloc_fn, fedns_free_fn free_fn, void *ud)
{
	int given = (malloc_fn != NULL) + (realloc_fn != NULL) + (free_fn != NULL);

	fedns_alloc_default(a);
	if (given == 0)
		return 0;
	if (given != 3)
		return -1;
	a->malloc_fn = malloc_fn;
	a->realloc_fn = realloc_fn;
	a->free_fn = free_fn;
	a->ud = ud;
	return 0;
}

void *fedns_alloc_malloc(const struct fedns_alloc *a, size_t size)
{
	return a->malloc_fn(a->ud, size ? size : 1);
}

void *fedns_alloc_array(const struct fedns_alloc *a, void *ptr, size_t n, size_t size)
{
	if (n == 0)
		n = 1;
	if (size && n > SIZE_MAX / size)
		return NULL;
	if (!ptr)
		return a->malloc_fn(a->ud, n * size);
	return a->realloc_fn(a->ud, ptr, n * size);
}

void fedns_alloc_free(const struct fedns_alloc *a, void *ptr)
{
	if (ptr)
		a->free_fn(a->ud, ptr);
}

char *fedns_alloc_strdup(const struct fedns_alloc *a, const char *s)
{
	size_t n;
	char *copy;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	copy = fedns_alloc_malloc(a, n);
	if (copy)
		memcpy(copy, s, n);
	return copy;
}
