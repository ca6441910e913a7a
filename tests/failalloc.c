#include "failalloc.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Each block carries a header in front of what the library sees, so that
 * free and realloc can check the pointer came from here and keep the live
 * byte count. The header keeps the caller's block maximally aligned. */
#define MAGIC_LIVE 0x66656e73u /* "fens" */
#define MAGIC_FREED 0xdeadf1eeu

struct header {
	union {
		struct {
			size_t size;
			uint32_t magic;
		} h;
		max_align_t align;
	} u;
};

void failalloc_init(struct failalloc *fa)
{
	memset(fa, 0, sizeof(*fa));
}

void failalloc_arm(struct failalloc *fa, enum failalloc_mode mode, unsigned long n)
{
	fa->mode = mode;
	fa->fail_at = n;
	fa->calls = 0;
	fa->failed = 0;
}

void failalloc_disarm(struct failalloc *fa)
{
	failalloc_arm(fa, FAILALLOC_OFF, 0);
}

/* Counts one allocation and says whether it must fail. */
static int refuse(struct failalloc *fa, size_t size)
{
	unsigned long n = fa->calls++;
	int fail = 0;

	fa->total++;
	if (fa->mode == FAILALLOC_ONCE)
		fail = n == fa->fail_at;
	else if (fa->mode == FAILALLOC_ALWAYS)
		fail = n >= fa->fail_at;
	if (fa->limit && size > fa->limit)
		fail = 1;
	if (fail)
		fa->failed++;
	return fail;
}

static struct header *header_of(struct failalloc *fa, void *ptr)
{
	struct header *h = (struct header *)ptr - 1;

	if (h->u.h.magic != MAGIC_LIVE) {
		fa->corrupt = 1;
		return NULL;
	}
	return h;
}

void *failalloc_malloc(void *ud, size_t size)
{
	struct failalloc *fa = ud;
	struct header *h;

	if (size == 0)
		fa->corrupt = 1; /* the header promises the library never asks for 0 */
	if (refuse(fa, size) || size > SIZE_MAX - sizeof(*h))
		return NULL;
	h = malloc(sizeof(*h) + size);
	if (!h)
		return NULL;
	h->u.h.size = size;
	h->u.h.magic = MAGIC_LIVE;
	fa->live++;
	fa->live_bytes += size;
	/* Fresh memory is never zero, so that a missing initialisation shows. */
	memset(h + 1, 0xa5, size);
	return h + 1;
}

void *failalloc_realloc(void *ud, void *ptr, size_t size)
{
	struct failalloc *fa = ud;
	struct header *h, *moved;
	size_t old;

	if (!ptr)
		return failalloc_malloc(ud, size);
	if (size == 0)
		fa->corrupt = 1;
	h = header_of(fa, ptr);
	if (!h || refuse(fa, size) || size > SIZE_MAX - sizeof(*h))
		return NULL;
	old = h->u.h.size;
	/* Always move, so that a pointer kept across a realloc is caught by
	 * ASan or valgrind instead of working by luck. */
	moved = malloc(sizeof(*moved) + size);
	if (!moved)
		return NULL;
	memcpy(moved + 1, h + 1, old < size ? old : size);
	if (size > old)
		memset((char *)(moved + 1) + old, 0xa5, size - old);
	moved->u.h.size = size;
	moved->u.h.magic = MAGIC_LIVE;
	h->u.h.magic = MAGIC_FREED;
	free(h);
	fa->live_bytes = fa->live_bytes - old + size;
	return moved + 1;
}

void failalloc_free(void *ud, void *ptr)
{
	struct failalloc *fa = ud;
	struct header *h;

	if (!ptr)
		return;
	h = header_of(fa, ptr);
	if (!h)
		return;
	fa->live--;
	fa->live_bytes -= h->u.h.size;
	h->u.h.magic = MAGIC_FREED;
	free(h);
}

fedns_status failalloc_deployment_new(struct failalloc *fa, fedns_deployment **out)
{
	return fedns_deployment_new_with_allocator(failalloc_malloc, failalloc_realloc,
						   failalloc_free, fa, out);
}
