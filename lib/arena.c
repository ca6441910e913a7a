/* The text arena (see arena.h). */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

int fedns__arena_reserve(struct fedns_arena *a, const struct fedns_alloc *alloc, size_t n)
{
	size_t cap = a->cap ? a->cap : 1024;
	char *t;

	if (n > SIZE_MAX - a->len)
		return 0;
	if (a->len + n <= a->cap)
		return 1;
	while (cap < a->len + n) {
		if (cap > SIZE_MAX / 2)
			return 0;
		cap *= 2;
	}
	t = fedns_alloc_array(alloc, a->text, cap, 1);
	if (!t)
		return 0;
	a->text = t;
	a->cap = cap;
	return 1;
}

size_t fedns__arena_add(struct fedns_arena *a, const struct fedns_alloc *alloc, const char *s,
			size_t n)
{
	size_t at = a->len;

	if (n == SIZE_MAX || !fedns__arena_reserve(a, alloc, n + 1))
		return FEDNS_ARENA_NONE;
	memcpy(a->text + at, s, n);
	a->text[at + n] = '\0';
	a->len += n + 1;
	return at;
}

size_t fedns__arena_str(struct fedns_arena *a, const struct fedns_alloc *alloc, const char *s)
{
	return fedns__arena_add(a, alloc, s, strlen(s));
}

size_t fedns__arena_vprintf(struct fedns_arena *a, const struct fedns_alloc *alloc,
			    const char *fmt, va_list ap)
{
	va_list again;
	size_t at = a->len;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0 || !fedns__arena_reserve(a, alloc, (size_t)n + 1))
		return FEDNS_ARENA_NONE;
	vsnprintf(a->text + at, (size_t)n + 1, fmt, ap);
	a->len += (size_t)n + 1;
	return at;
}

void fedns__arena_free(struct fedns_arena *a, const struct fedns_alloc *alloc)
{
	fedns_alloc_free(alloc, a->text);
	a->text = NULL;
	a->len = a->cap = 0;
}
