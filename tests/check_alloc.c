/* The allocation helpers' guards (lib/alloc.c, lib/arena.c, lib/list.c):
 * sizes that would overflow are refused before the allocator is asked,
 * zero-byte requests become one byte (the header promises the allocator
 * never sees 0), and a refusal leaves the array or arena as it was. The
 * library's callers never reach these sizes, so only a white-box test can.
 * Suite 'oom', with tests/failalloc.c counting what reaches the allocator. */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "failalloc.h"
#include "list.h"
#include "test.h"

static struct failalloc fa;
static struct fedns_alloc a;

static void setup(void)
{
	failalloc_init(&fa);
	ck_assert_int_eq(fedns_alloc_init(&a, failalloc_malloc, failalloc_realloc, failalloc_free,
					  &fa),
			 0);
}

static void teardown(void)
{
	ck_assert_int_eq(fa.live, 0);
	ck_assert_int_eq(fa.corrupt, 0);
}

START_TEST(test_zero_bytes_become_one)
{
	void *p = fedns_alloc_malloc(&a, 0);

	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(fa.live_bytes, 1);
	fedns_alloc_free(&a, p);
	p = fedns_alloc_array(&a, NULL, 0, 16);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(fa.live_bytes, 16);
	fedns_alloc_free(&a, p);
	fedns_alloc_free(&a, NULL);
	ck_assert_ptr_null(fedns_alloc_strdup(&a, NULL));
}
END_TEST

START_TEST(test_array_sizes_that_overflow_are_refused)
{
	void *p = fedns_alloc_array(&a, NULL, 4, 8);

	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_null(fedns_alloc_array(&a, NULL, SIZE_MAX / 8 + 1, 8));
	ck_assert_ptr_null(fedns_alloc_array(&a, p, SIZE_MAX / 2 + 1, 2));
	ck_assert_uint_eq(fa.total, 1); /* neither reached the allocator */
	fedns_alloc_free(&a, p);
}
END_TEST

START_TEST(test_grow_refuses_a_capacity_that_overflows)
{
	size_t cap = SIZE_MAX / 2 + 1;
	char *items = fedns_alloc_array(&a, NULL, 1, 1);
	void *grown;

	ck_assert_ptr_nonnull(items);
	/* Full at a capacity whose double wraps: refused, capacity kept. */
	grown = fedns_grow(&a, items, &cap, cap, 1);
	ck_assert_ptr_null(grown);
	ck_assert_uint_eq(cap, SIZE_MAX / 2 + 1);
	ck_assert_uint_eq(fa.total, 1);
	/* Room left: the same array back, nothing allocated. */
	cap = 8;
	ck_assert_ptr_eq(fedns_grow(&a, items, &cap, 3, 1), items);
	ck_assert_uint_eq(fa.total, 1);
	fedns_alloc_free(&a, items);
}
END_TEST

START_TEST(test_arena_refuses_sizes_that_overflow)
{
	struct fedns_arena arena = {NULL, 0, 0};
	size_t at = fedns__arena_str(&arena, &a, "contoso.com");

	ck_assert_uint_eq(at, 0);
	ck_assert_uint_eq(fedns__arena_add(&arena, &a, "x", SIZE_MAX), FEDNS_ARENA_NONE);
	ck_assert_uint_eq(fedns__arena_add(&arena, &a, "x", SIZE_MAX - 5), FEDNS_ARENA_NONE);
	ck_assert_uint_eq(fedns__arena_add(&arena, &a, "x", SIZE_MAX / 2 + 2), FEDNS_ARENA_NONE);
	/* Unchanged: the next string follows the first. */
	ck_assert_uint_eq(fedns__arena_str(&arena, &a, "sip"), 12);
	ck_assert_str_eq(FEDNS_AT(&arena, 0), "contoso.com");
	ck_assert_str_eq(FEDNS_AT(&arena, 12), "sip");
	fedns__arena_free(&arena, &a);
	ck_assert_ptr_null(arena.text);
}
END_TEST

START_TEST(test_arena_keeps_its_text_when_allocation_fails)
{
	struct fedns_arena arena = {NULL, 0, 0};
	char big[2048];

	memset(big, 'a', sizeof(big));
	ck_assert_uint_eq(fedns__arena_str(&arena, &a, "first"), 0);
	failalloc_arm(&fa, FAILALLOC_ALWAYS, 0);
	ck_assert_uint_eq(fedns__arena_add(&arena, &a, big, sizeof(big)), FEDNS_ARENA_NONE);
	failalloc_disarm(&fa);
	ck_assert_str_eq(FEDNS_AT(&arena, 0), "first");
	ck_assert_uint_eq(arena.len, 6);
	ck_assert_uint_eq(fedns__arena_add(&arena, &a, big, sizeof(big)), 6);
	fedns__arena_free(&arena, &a);
}
END_TEST

START_TEST(test_partial_allocators_are_refused)
{
	struct fedns_alloc b;

	ck_assert_int_eq(fedns_alloc_init(&b, failalloc_malloc, NULL, NULL, &fa), -1);
	ck_assert_int_eq(fedns_alloc_init(&b, NULL, failalloc_realloc, failalloc_free, &fa), -1);
	ck_assert_int_eq(fedns_alloc_init(&b, NULL, NULL, NULL, &fa), 0);
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("alloc");
	TCase *tc = tcase_create("guards");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_zero_bytes_become_one);
	tcase_add_test(tc, test_array_sizes_that_overflow_are_refused);
	tcase_add_test(tc, test_grow_refuses_a_capacity_that_overflows);
	tcase_add_test(tc, test_arena_refuses_sizes_that_overflow);
	tcase_add_test(tc, test_arena_keeps_its_text_when_allocation_fails);
	tcase_add_test(tc, test_partial_allocators_are_refused);
	suite_add_tcase(s, tc);
	return s;
}
