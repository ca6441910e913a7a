/* A text arena: NUL-terminated strings appended to one growing buffer and
 * named by offset, so that an object's strings are one allocation that
 * moves as it grows without invalidating anything the object keeps. */
#ifndef FEDNS_ARENA_H
#define FEDNS_ARENA_H

#include <stdarg.h>
#include <stddef.h>

#include "alloc.h"

#define FEDNS_ARENA_NONE ((size_t)-1)

struct fedns_arena {
	char *text;
	size_t len, cap;
};

/* Makes room for `n` more bytes; returns 1, or 0 on failure (the arena is
 * then unchanged). */
int fedns__arena_reserve(struct fedns_arena *a, const struct fedns_alloc *alloc, size_t n);
/* Appends `n` bytes of `s` and a NUL; returns the offset, or
 * FEDNS_ARENA_NONE on failure (the arena is then unchanged). */
size_t fedns__arena_add(struct fedns_arena *a, const struct fedns_alloc *alloc, const char *s,
			size_t n);
/* The same for a NUL-terminated string. */
size_t fedns__arena_str(struct fedns_arena *a, const struct fedns_alloc *alloc, const char *s);
/* Appends formatted text. */
size_t fedns__arena_vprintf(struct fedns_arena *a, const struct fedns_alloc *alloc,
			    const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));
void fedns__arena_free(struct fedns_arena *a, const struct fedns_alloc *alloc);

/* The string at an offset. */
#define FEDNS_AT(a, at) ((a)->text + (at))

#endif
