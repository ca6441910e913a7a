/* fedns_render_alloc() (lib/render_alloc.c): the text of fedns_render() in
 * memory from the record set's allocator, grown while rendering; its
 * arguments, its failures, and fedns_render_free(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "failalloc.h"
#include "fixture.h"
#include "test.h"

#define OK(expr) ck_assert_int_eq((expr), FEDNS_OK)

static const int formats[] = {
	FEDNS_FORMAT_ZONE, FEDNS_FORMAT_TABLE, FEDNS_FORMAT_SHEET,
	FEDNS_FORMAT_CSV, FEDNS_FORMAT_JSON, FEDNS_FORMAT_MARKDOWN,
	FEDNS_FORMAT_NSUPDATE, FEDNS_FORMAT_POWERSHELL, FEDNS_FORMAT_OCTODNS,
};

/* The same bytes as fedns_render(), NUL-terminated, with their length. */
static void expect_same_text(const fedns_recordset *rs, int format, int lang)
{
	char *want = fixture_render(rs, format, lang);
	char *text = NULL;
	size_t len = 0;

	OK(fedns_render_alloc(rs, format, lang, &text, &len));
	ck_assert_ptr_nonnull(text);
	ck_assert_uint_eq(len, strlen(want));
	ck_assert_mem_eq(text, want, len + 1);
	fedns_render_free(text);
	free(want);
}

START_TEST(test_every_format_and_language_as_fedns_render)
{
	fedns_deployment *dep;
	fedns_recordset *rs = fixture_full(&dep);
	size_t f;

	for (f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
		expect_same_text(rs, formats[f], FEDNS_LANG_EN);
		expect_same_text(rs, formats[f], FEDNS_LANG_ZH_CN);
	}
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_a_long_text_grows_the_block)
{
	fedns_deployment *dep;
	/* Several times the first block, and many callback chunks. */
	fedns_recordset *rs = fixture_tenants(&dep, 3000);
	char *text = NULL;
	size_t len = 0;

	expect_same_text(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN);
	expect_same_text(rs, FEDNS_FORMAT_JSON, FEDNS_LANG_ZH_CN);
	OK(fedns_render_alloc(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, &text, &len));
	ck_assert_uint_gt(len, 4 * 65536);
	fedns_render_free(text);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_an_empty_text_is_an_empty_string)
{
	fedns_deployment *dep = fixture_contoso(NULL, NULL);
	fedns_sip_domain *d;
	fedns_recordset *rs;
	char *text = NULL;
	size_t len = 99;

	/* A domain without users needs no record: the zone text is empty. */
	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", &d));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_USERS, 0));
	OK(fedns_deployment_derive_domain(dep, "fabrikam.com", &rs));
	OK(fedns_render_alloc(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, &text, &len));
	ck_assert_ptr_nonnull(text);
	ck_assert_str_eq(text, "");
	ck_assert_uint_eq(len, 0);
	fedns_render_free(text);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_the_length_is_optional)
{
	fedns_deployment *dep;
	fedns_recordset *rs = fixture_small(&dep);
	char *want = fixture_render(rs, FEDNS_FORMAT_CSV, FEDNS_LANG_EN);
	char *text = NULL;

	OK(fedns_render_alloc(rs, FEDNS_FORMAT_CSV, FEDNS_LANG_EN, &text, NULL));
	ck_assert_str_eq(text, want);
	fedns_render_free(text);
	free(want);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_bad_arguments)
{
	fedns_deployment *dep;
	fedns_recordset *rs = fixture_small(&dep);
	char *text = (char *)&dep; /* must be overwritten */
	size_t len = 7;

	ck_assert_int_eq(fedns_render_alloc(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, NULL, &len),
			 FEDNS_EINVAL);
	ck_assert_int_eq(fedns_render_alloc(NULL, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, &text, &len),
			 FEDNS_EINVAL);
	ck_assert_ptr_null(text);
	text = (char *)&dep;
	ck_assert_int_eq(fedns_render_alloc(rs, 0, FEDNS_LANG_EN, &text, &len), FEDNS_EINVAL);
	ck_assert_ptr_null(text);
	text = (char *)&dep;
	ck_assert_int_eq(fedns_render_alloc(rs, FEDNS_FORMAT_OCTODNS + 1, FEDNS_LANG_EN, &text,
					    &len),
			 FEDNS_EINVAL);
	ck_assert_ptr_null(text);
	text = (char *)&dep;
	ck_assert_int_eq(fedns_render_alloc(rs, FEDNS_FORMAT_ZONE, 2, &text, &len), FEDNS_EINVAL);
	ck_assert_ptr_null(text);
	ck_assert_uint_eq(len, 7);
	fedns_render_free(NULL);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

/* A record set of `domains` tenants through the failing allocator. */
static fedns_recordset *tenants(struct failalloc *fa, fedns_deployment **dep, int domains)
{
	fedns_recordset *rs;
	fedns_edge_pool *p;
	char name[64];
	int i;

	failalloc_init(fa);
	OK(failalloc_deployment_new(fa, dep));
	OK(fedns_deployment_add_edge_pool(*dep, "edge", &p));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.10"));
	for (i = 0; i < domains; i++) {
		snprintf(name, sizeof(name), "tenant%d.example", i);
		OK(fedns_deployment_add_sip_domain(*dep, name, NULL));
	}
	OK(fedns_deployment_derive(*dep, &rs));
	return rs;
}

START_TEST(test_the_text_uses_the_allocator_and_outlives_the_set)
{
	struct failalloc fa;
	fedns_deployment *dep;
	fedns_recordset *rs = tenants(&fa, &dep, 2000);
	char *want = fixture_render(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN);
	char *text = NULL;
	long live = fa.live;
	size_t len;

	failalloc_arm(&fa, FAILALLOC_OFF, 0);
	OK(fedns_render_alloc(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, &text, &len));
	ck_assert_uint_gt(fa.calls, 1); /* grown, not sized first */
	ck_assert_int_eq(fa.live, live + 1);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
	ck_assert_int_eq(fa.live, 1);
	ck_assert_str_eq(text, want);
	fedns_render_free(text);
	ck_assert_int_eq(fa.live, 0);
	ck_assert_int_eq(fa.corrupt, 0);
	free(want);
}
END_TEST

/* Failing the first allocation, a growth in the middle, or the block of an
 * empty text: FEDNS_ENOMEM, no text, nothing left behind. */
static void expect_enomem(fedns_recordset *rs, struct failalloc *fa, int format,
			  unsigned long n)
{
	char *text = (char *)fa;
	size_t len = 7;
	long live = fa->live;

	failalloc_arm(fa, FAILALLOC_ONCE, n);
	ck_assert_int_eq(fedns_render_alloc(rs, format, FEDNS_LANG_EN, &text, &len), FEDNS_ENOMEM);
	ck_assert_uint_eq(fa->failed, 1);
	failalloc_disarm(fa);
	ck_assert_ptr_null(text);
	ck_assert_uint_eq(len, 7);
	ck_assert_int_eq(fa->live, live);
}

START_TEST(test_allocation_failure_keeps_nothing)
{
	struct failalloc fa;
	fedns_deployment *dep;
	fedns_recordset *rs = tenants(&fa, &dep, 2000);
	char *text = NULL;
	unsigned long allocs, n;

	failalloc_arm(&fa, FAILALLOC_OFF, 0);
	OK(fedns_render_alloc(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, &text, NULL));
	allocs = fa.calls;
	fedns_render_free(text);
	ck_assert_uint_ge(allocs, 3);
	for (n = 0; n < allocs; n++)
		expect_enomem(rs, &fa, FEDNS_FORMAT_ZONE, n);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
	ck_assert_int_eq(fa.live, 0);
}
END_TEST

START_TEST(test_allocation_failure_of_an_empty_text)
{
	struct failalloc fa;
	fedns_deployment *dep;
	fedns_sip_domain *d;
	fedns_recordset *rs;
	fedns_edge_pool *p;

	failalloc_init(&fa);
	OK(failalloc_deployment_new(&fa, &dep));
	OK(fedns_deployment_add_edge_pool(dep, "edge", &p));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.10"));
	OK(fedns_deployment_add_sip_domain(dep, "contoso.com", NULL));
	OK(fedns_deployment_add_sip_domain(dep, "fabrikam.com", &d));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_USERS, 0));
	OK(fedns_deployment_derive_domain(dep, "fabrikam.com", &rs));
	expect_enomem(rs, &fa, FEDNS_FORMAT_NSUPDATE, 0);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
	ck_assert_int_eq(fa.live, 0);
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("render_alloc");
	TCase *tc = tcase_create("render_alloc");

	tcase_add_test(tc, test_every_format_and_language_as_fedns_render);
	tcase_add_test(tc, test_a_long_text_grows_the_block);
	tcase_add_test(tc, test_an_empty_text_is_an_empty_string);
	tcase_add_test(tc, test_the_length_is_optional);
	tcase_add_test(tc, test_bad_arguments);
	tcase_add_test(tc, test_the_text_uses_the_allocator_and_outlives_the_set);
	tcase_add_test(tc, test_allocation_failure_keeps_nothing);
	tcase_add_test(tc, test_allocation_failure_of_an_empty_text);
	suite_add_tcase(s, tc);
	return s;
}
