/* The peer of bench_fedns.c: the same zone (workload.h) built with ldns
 * (ldns_rr_new_frm_str() for every record) and printed with
 * ldns_rr_list_print() into a memory stream, and two copies of it compared
 * (ldns_rr_list_sort() both, then ldns_rr_list_compare()).
 *
 * usage: bench_ldns [-r REPEAT] DOMAINS
 *
 * The record texts are generated before the clock starts, which favours
 * ldns: fedns's timings start from the deployment model. Output lines as
 * bench_fedns's: time <op> <domains> 0 <best seconds> <items>. */
#define _POSIX_C_SOURCE 200809L

#include <ldns/ldns.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "workload.h"

static long domains;

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(const char *what)
{
	fprintf(stderr, "bench_ldns: %s\n", what);
	exit(1);
}

static ldns_rr_list *build(char (*lines)[BENCH_RR_BUF], size_t n)
{
	ldns_rr_list *list = ldns_rr_list_new();
	size_t i;

	if (!list)
		die("out of memory");
	for (i = 0; i < n; i++) {
		ldns_rr *rr = NULL;

		if (ldns_rr_new_frm_str(&rr, lines[i], BENCH_TTL, NULL, NULL) != LDNS_STATUS_OK ||
		    !ldns_rr_list_push_rr(list, rr))
			die("ldns_rr_new_frm_str failed");
	}
	return list;
}

/* Prints into a memory stream; returns the text's length. */
static size_t print(const ldns_rr_list *list)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		die("open_memstream failed");
	ldns_rr_list_print(f, list);
	if (fclose(f))
		die("printing failed");
	free(text);
	return len;
}

#define BEST(best, stmt)                   \
	do {                               \
		double t0_ = now(), t_;    \
		stmt;                      \
		t_ = now() - t0_;          \
		if (best < 0 || t_ < best) \
			best = t_;         \
	} while (0)

int main(int argc, char **argv)
{
	double b_build = -1, b_print = -1, b_both = -1, b_compare = -1;
	char (*lines)[BENCH_RR_BUF];
	ldns_rr_list *list = NULL;
	size_t n, len = 0, i;
	int repeat = 5, r, a = 1;

	if (argc > 2 && strcmp(argv[1], "-r") == 0) {
		repeat = atoi(argv[2]);
		a = 3;
	}
	if (argc - a != 1 || repeat < 1 || (domains = atol(argv[a])) < 1) {
		fputs("usage: bench_ldns [-r REPEAT] DOMAINS\n", stderr);
		return 2;
	}
	n = (size_t)domains * BENCH_RECORDS_PER_DOMAIN;
	lines = malloc(n * BENCH_RR_BUF);
	if (!lines)
		die("out of memory");
	for (i = 0; i < n; i++)
		bench_rr(lines[i], (long)(i / BENCH_RECORDS_PER_DOMAIN),
			 (int)(i % BENCH_RECORDS_PER_DOMAIN));

	/* Built and printed once a round: "build+print" is the best round's sum. */
	for (r = 0; r < repeat; r++) {
		double t0, t1, t2;

		if (list)
			ldns_rr_list_deep_free(list);
		t0 = now();
		list = build(lines, n);
		t1 = now();
		len = print(list);
		t2 = now();
		if (b_build < 0 || t1 - t0 < b_build)
			b_build = t1 - t0;
		if (b_print < 0 || t2 - t1 < b_print)
			b_print = t2 - t1;
		if (b_both < 0 || t2 - t0 < b_both)
			b_both = t2 - t0;
	}
	for (r = 0; r < repeat; r++) {
		ldns_rr_list *a1 = ldns_rr_list_clone(list), *a2 = ldns_rr_list_clone(list);
		int d = 1;

		if (!a1 || !a2)
			die("out of memory");
		BEST(b_compare, (ldns_rr_list_sort(a1), ldns_rr_list_sort(a2),
				 d = ldns_rr_list_compare(a1, a2)));
		if (d != 0)
			die("ldns found two copies different");
		ldns_rr_list_deep_free(a1);
		ldns_rr_list_deep_free(a2);
	}
	ldns_rr_list_deep_free(list);
	free(lines);

	printf("time ldns-build %ld 0 %.9f %zu\n", domains, b_build, n);
	printf("time ldns-print %ld 0 %.9f %zu\n", domains, b_print, len);
	printf("time ldns-build+print %ld 0 %.9f %zu\n", domains, b_both, len);
	printf("time ldns-compare %ld 0 %.9f %zu\n", domains, b_compare, n);
	return 0;
}
