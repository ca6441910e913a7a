/* A fault-injecting allocator for fedns_deployment_new_with_allocator():
 * counts every allocation, tracks live blocks, and fails the N-th allocation
 * once or from then on (SQLite faultsim, curl torture, c-ares SetAllocFail).
 *
 * Usable from Check suites, fuzz targets and other tests; it depends only on
 * the C library and the public header. Not thread-safe: one failalloc per
 * thread, or none shared between threads. */
#ifndef FEDNS_TEST_FAILALLOC_H
#define FEDNS_TEST_FAILALLOC_H

#include <stddef.h>

#include "fedns/fedns.h"

enum failalloc_mode {
	FAILALLOC_OFF = 0,    /* every allocation succeeds */
	FAILALLOC_ONCE = 1,   /* allocation N fails, later ones succeed */
	FAILALLOC_ALWAYS = 2  /* allocation N and every later one fail */
};

struct failalloc {
	enum failalloc_mode mode;
	unsigned long fail_at;  /* 0-based, counted from the last failalloc_arm() */
	unsigned long calls;    /* allocations asked for since failalloc_arm() */
	unsigned long failed;   /* allocations refused since failalloc_arm() */
	unsigned long total;    /* allocations asked for since failalloc_init() */
	long live;              /* blocks allocated and not yet freed */
	size_t live_bytes;
	int corrupt;            /* set when free/realloc got a foreign pointer */
	size_t limit;           /* refuse any single request above this (0: none) */
};

void failalloc_init(struct failalloc *fa);
/* Resets the per-arm counters; allocation `n` (0-based) of the calls that
 * follow fails in `mode`. FAILALLOC_OFF disarms. */
void failalloc_arm(struct failalloc *fa, enum failalloc_mode mode, unsigned long n);
void failalloc_disarm(struct failalloc *fa);

/* The three callbacks; `ud` is the struct failalloc. */
void *failalloc_malloc(void *ud, size_t size);
void *failalloc_realloc(void *ud, void *ptr, size_t size);
void failalloc_free(void *ud, void *ptr);

/* fedns_deployment_new_with_allocator() with these callbacks. */
fedns_status failalloc_deployment_new(struct failalloc *fa, fedns_deployment **out);

#endif
