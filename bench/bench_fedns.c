/* Benchmark of fedns on the hosting workload of workload.h: model build,
 * validation, derivation, rendering to zone text, comparison with an
 * observed set built from the derived one, policy decisions, and the
 * library's peak live bytes counted through the allocator callbacks.
 *
 * usage: bench_fedns [-r REPEAT] [-o ZONEFILE] [-l] [-c] DOMAINS LISTED
 *
 * Each timing is the best of REPEAT runs (default 5) of wall-clock time
 * (CLOCK_MONOTONIC). One line per result on standard output, for bench/run:
 *   time <op> <domains> <listed> <best seconds> <items>
 *   mem <what> <domains> <listed> <bytes>
 * -l: only what the lists cost (model build, validation, policy).
 * -c: under valgrind --tool=callgrind, each operation once, its instructions
 *     dumped on its own ("callgrind <op>" lines name the dumps, in order).
 * Exits 1 when the library fails or derives something unexpected. */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fedns/fedns.h"
#include "workload.h"

#ifdef BENCH_HAVE_CALLGRIND
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(what) ((void)(what))
#endif

#define MAX_QUERIES 1000000L

static long domains, listed;
static int lists_only;

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(const char *what, fedns_deployment *dep)
{
	fprintf(stderr, "bench_fedns: %s%s%s\n", what, dep ? ": " : "",
		dep ? fedns_deployment_last_error(dep) : "");
	exit(1);
}

static void report_time(const char *op, double best, long items)
{
	printf("time %s %ld %ld %.9f %ld\n", op, domains, listed, best, items);
}

static void report_mem(const char *what, size_t bytes)
{
	printf("mem %s %ld %ld %zu\n", what, domains, listed, bytes);
}

/* ---- Counting allocator: the library's live and peak bytes ---------------- */

struct counter {
	size_t live, peak;
};

/* Each block starts with its size; 16 bytes keep malloc's alignment. */
#define HEADER 16

static void *count_malloc(void *ud, size_t size)
{
	struct counter *c = ud;
	unsigned char *p = malloc(size + HEADER);

	if (!p)
		return NULL;
	memcpy(p, &size, sizeof(size));
	c->live += size;
	if (c->live > c->peak)
		c->peak = c->live;
	return p + HEADER;
}

static void *count_realloc(void *ud, void *ptr, size_t size)
{
	struct counter *c = ud;
	unsigned char *p = (unsigned char *)ptr - HEADER;
	size_t old;

	memcpy(&old, p, sizeof(old));
	p = realloc(p, size + HEADER);
	if (!p)
		return NULL;
	memcpy(p, &size, sizeof(size));
	c->live = c->live - old + size;
	if (c->live > c->peak)
		c->peak = c->live;
	return p + HEADER;
}

static void count_free(void *ud, void *ptr)
{
	struct counter *c = ud;
	unsigned char *p = (unsigned char *)ptr - HEADER;
	size_t old;

	memcpy(&old, p, sizeof(old));
	c->live -= old;
	free(p);
}

/* ---- The workload ---------------------------------------------------------- */

static fedns_deployment *build(struct counter *c)
{
	fedns_deployment *dep = NULL;
	fedns_edge_pool *pool;
	fedns_xmpp_partner *partner;
	char name[BENCH_NAME_BUF];
	long i;

	if ((c ? fedns_deployment_new_with_allocator(count_malloc, count_realloc, count_free, c,
						     &dep) :
		 fedns_deployment_new(&dep)) != FEDNS_OK)
		die("fedns_deployment_new", NULL);
	if (fedns_deployment_set(dep, FEDNS_OPT_TTL, BENCH_TTL) ||
	    fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1) ||
	    fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 1) ||
	    fedns_deployment_add_edge_pool(dep, "edge", &pool) ||
	    fedns_edge_pool_set(pool, FEDNS_OPT_POOL_XMPP_PROXY, 1) ||
	    fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, BENCH_ACCESS_ADDRESS) ||
	    fedns_deployment_add_xmpp_partner(dep, BENCH_XMPP_PARTNER, &partner) ||
	    fedns_xmpp_partner_set(partner, FEDNS_OPT_XMPP_TYPE, FEDNS_XMPP_FEDERATED) ||
	    fedns_xmpp_partner_set(partner, FEDNS_OPT_XMPP_DIALBACK, 0))
		die("setting up the deployment", dep);
	for (i = 0; i < domains; i++) {
		fedns_sip_domain *d;

		bench_domain(name, i);
		if (fedns_deployment_add_sip_domain(dep, name, &d) ||
		    fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1))
			die("fedns_deployment_add_sip_domain", dep);
	}
	for (i = 0; i < listed; i++) {
		bench_allowed(name, i);
		if (fedns_deployment_add_allowed_domain(dep, name, NULL, NULL))
			die("fedns_deployment_add_allowed_domain", dep);
		bench_blocked(name, i);
		if (fedns_deployment_add_blocked_domain(dep, name, NULL))
			die("fedns_deployment_add_blocked_domain", dep);
	}
	return dep;
}

static fedns_recordset *derive(fedns_deployment *dep)
{
	fedns_recordset *rs = NULL;

	if (fedns_deployment_derive(dep, &rs))
		die("fedns_deployment_derive", dep);
	if (fedns_recordset_count(rs) != (size_t)domains * BENCH_RECORDS_PER_DOMAIN + 0)
		die("derivation gave an unexpected number of records", NULL);
	return rs;
}

static void render(const fedns_recordset *rs, char *buf, size_t cap)
{
	size_t needed;

	if (fedns_render(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, buf, cap, &needed) ||
	    needed + 1 != cap)
		die("fedns_render", NULL);
}

/* Rendering into a new text, as a binding that returns a string must. */
static char *render_alloc(const fedns_recordset *rs, size_t want)
{
	char *text = NULL;
	size_t len = 0;

	if (fedns_render_alloc(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, &text, &len) || len != want)
		die("fedns_render_alloc", NULL);
	return text;
}

/* The observed side of a comparison: every derived record, as a zone file
 * parser would add it. */
static fedns_observed *observe(const fedns_recordset *rs, struct counter *c)
{
	fedns_observed *obs = NULL;
	size_t i, n = fedns_recordset_count(rs);

	if ((c ? fedns_observed_new_with_allocator(count_malloc, count_realloc, count_free, c,
						   &obs) :
		 fedns_observed_new(&obs)) != FEDNS_OK)
		die("fedns_observed_new", NULL);
	for (i = 0; i < n; i++) {
		const char *owner = fedns_record_owner(rs, i);
		uint32_t ttl = fedns_record_ttl(rs, i), line = (uint32_t)i + 1;
		fedns_status st;

		switch (fedns_record_type(rs, i)) {
		case FEDNS_RR_SRV:
			st = fedns_observed_add_srv(obs, owner, ttl, fedns_record_priority(rs, i),
						    fedns_record_weight(rs, i),
						    fedns_record_port(rs, i),
						    fedns_record_target(rs, i), line);
			break;
		case FEDNS_RR_A:
			st = fedns_observed_add_a(obs, owner, ttl, fedns_record_address(rs, i), line);
			break;
		default:
			st = FEDNS_EINVAL;
			break;
		}
		if (st) {
			fprintf(stderr, "bench_fedns: %s\n", fedns_observed_last_error(obs));
			exit(1);
		}
	}
	return obs;
}

static void compare(fedns_deployment *dep, const fedns_observed *obs)
{
	fedns_findings *f = NULL;

	if (fedns_deployment_compare(dep, obs, &f))
		die("fedns_deployment_compare", dep);
	if (fedns_findings_count(f) != 0)
		die("the comparison found drift in an identical set", NULL);
	fedns_findings_free(f);
}

/* Random listed names, every other one changed so that no list holds it. */
static char (*queries(long n))[BENCH_NAME_BUF]
{
	char (*q)[BENCH_NAME_BUF] = malloc((size_t)n * BENCH_NAME_BUF);
	uint64_t seed = 1;
	long i;

	if (!q)
		die("out of memory", NULL);
	for (i = 0; i < n; i++) {
		long k;

		seed = seed * 6364136223846793005u + 1442695040888963407u;
		k = (long)((seed >> 33) % (uint64_t)(2 * listed));
		if (k % 2)
			bench_allowed(q[i], k / 2);
		else
			bench_blocked(q[i], k / 2);
		if (i % 2)
			q[i][0] = 'X';
	}
	return q;
}

/* ---- Timings ---------------------------------------------------------------- */

#define BEST(best, stmt)                                 \
	do {                                             \
		double t0_ = now(), t_;                  \
		stmt;                                    \
		t_ = now() - t0_;                        \
		if (best < 0 || t_ < best)               \
			best = t_;                       \
	} while (0)

/* Model build and validation: the whole deployment. */
static fedns_deployment *time_model(int repeat)
{
	fedns_deployment *dep = NULL;
	fedns_diagnostics *diags = NULL;
	double b_build = -1, b_validate = -1;
	int r;

	for (r = 0; r < repeat; r++) {
		fedns_deployment_free(dep);
		BEST(b_build, dep = build(NULL));
	}
	for (r = 0; r < repeat; r++) {
		fedns_diagnostics_free(diags);
		BEST(b_validate, fedns_deployment_validate(dep, &diags));
		if (!diags || fedns_diagnostics_count(diags))
			die("the workload has diagnostics", dep);
	}
	fedns_diagnostics_free(diags);
	report_time("build", b_build, domains + 2 * listed);
	report_time("validate", b_validate, domains + 2 * listed);
	return dep;
}

/* Derivation, rendering, comparison. */
static void time_zone(fedns_deployment *dep, int repeat, const char *zonefile)
{
	fedns_recordset *rs = NULL;
	fedns_observed *obs = NULL;
	double b_derive = -1, b_render = -1, b_both = -1, b_alloc = -1, b_observe = -1;
	char *fresh;
	double b_compare = -1;
	size_t needed = 0;
	char *text;
	int r;

	for (r = 0; r < repeat; r++) {
		fedns_recordset_free(rs);
		BEST(b_derive, rs = derive(dep));
	}
	fedns_render(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, NULL, 0, &needed);
	text = malloc(needed + 1);
	if (!text)
		die("out of memory", NULL);
	for (r = 0; r < repeat; r++)
		BEST(b_render, render(rs, text, needed + 1));
	if (zonefile) {
		FILE *f = fopen(zonefile, "w");

		if (!f || fwrite(text, 1, needed, f) != needed || fclose(f))
			die("cannot write the zone file", NULL);
	}
	/* What a caller does to print a zone: derive, then render. */
	for (r = 0; r < repeat; r++) {
		fedns_recordset_free(rs);
		BEST(b_both, (rs = derive(dep), render(rs, text, needed + 1)));
	}
	/* The same into fresh memory, which a caller that keeps the text (or
	 * a binding that makes a string of it) needs. */
	for (r = 0; r < repeat; r++) {
		fedns_recordset_free(rs);
		BEST(b_alloc, (rs = derive(dep), fresh = render_alloc(rs, needed)));
		/* The text is the result: freed outside the time, as the
		 * binding's string is (python_render.py). */
		fedns_render_free(fresh);
	}
	for (r = 0; r < repeat; r++) {
		fedns_observed_free(obs);
		BEST(b_observe, obs = observe(rs, NULL));
	}
	for (r = 0; r < repeat; r++)
		BEST(b_compare, compare(dep, obs));
	fedns_observed_free(obs);
	fedns_recordset_free(rs);
	free(text);
	report_time("derive", b_derive, domains * BENCH_RECORDS_PER_DOMAIN);
	report_time("render", b_render, (long)needed);
	report_time("derive+render", b_both, (long)needed);
	report_time("derive+render-alloc", b_alloc, (long)needed);
	report_time("observe", b_observe, domains * BENCH_RECORDS_PER_DOMAIN);
	report_time("compare", b_compare, domains * BENCH_RECORDS_PER_DOMAIN);
}

/* Compiling the policy, then deciding on listed and unlisted names. */
static void time_policy(fedns_deployment *dep, int repeat)
{
	fedns_policy *policy = NULL;
	double b_policy = -1, b_decide = -1;
	long nq = 2 * listed < MAX_QUERIES ? 2 * listed : MAX_QUERIES, i;
	char (*q)[BENCH_NAME_BUF];
	unsigned long allowed = 0;
	int r;

	for (r = 0; r < repeat; r++) {
		fedns_policy_free(policy);
		BEST(b_policy, if (fedns_deployment_policy(dep, &policy)) die("policy", dep));
	}
	q = queries(nq);
	for (r = 0; r < repeat; r++) {
		allowed = 0;
		BEST(b_decide, for (i = 0; i < nq; i++) {
			int verdict = 0;

			fedns_policy_decide(policy, q[i], FEDNS_PROTOCOL_SIP, &verdict, NULL, NULL);
			allowed += verdict == FEDNS_VERDICT_ALLOW;
		});
	}
	/* Partner discovery is on: every name but a blocked one is allowed. */
	if (allowed < (unsigned long)nq / 2)
		die("policy decisions went wrong", NULL);
	report_time("policy-compile", b_policy, 2 * listed);
	report_time("policy-decide", b_decide, nq);
	fedns_policy_free(policy);
	free(q);
}

static void timings(int repeat, const char *zonefile)
{
	fedns_deployment *dep = time_model(repeat);

	if (!lists_only)
		time_zone(dep, repeat, zonefile);
	fflush(stdout);
	if (listed)
		time_policy(dep, repeat);
	fedns_deployment_free(dep);
}

/* Each operation once, its instructions in a callgrind dump of its own. */
static void instructions(void)
{
	fedns_deployment *dep;
	fedns_diagnostics *diags = NULL;
	fedns_recordset *rs;
	fedns_observed *obs;
	size_t needed = 0;
	char *text;

#define DUMP(what, stmt)                  \
	do {                              \
		CALLGRIND_ZERO_STATS;     \
		stmt;                     \
		CALLGRIND_DUMP_STATS_AT(what); \
		printf("callgrind %s %ld %ld\n", what, domains, listed); \
	} while (0)

	DUMP("build", dep = build(NULL));
	DUMP("validate", fedns_deployment_validate(dep, &diags));
	fedns_diagnostics_free(diags);
	if (lists_only)
		goto policy;
	DUMP("derive", rs = derive(dep));
	fedns_render(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, NULL, 0, &needed);
	text = malloc(needed + 1);
	if (!text)
		die("out of memory", NULL);
	DUMP("render", render(rs, text, needed + 1));
	DUMP("observe", obs = observe(rs, NULL));
	DUMP("compare", compare(dep, obs));
	fedns_observed_free(obs);
	fedns_recordset_free(rs);
	free(text);
policy:
	if (listed) {
		fedns_policy *policy = NULL;
		long nq = 2 * listed < MAX_QUERIES ? 2 * listed : MAX_QUERIES, i;
		char (*q)[BENCH_NAME_BUF] = queries(nq);

		DUMP("policy-compile", if (fedns_deployment_policy(dep, &policy)) die("policy", dep));
		DUMP("policy-decide", for (i = 0; i < nq; i++) fedns_policy_decide(
			policy, q[i], FEDNS_PROTOCOL_SIP, NULL, NULL, NULL));
		fedns_policy_free(policy);
		free(q);
	}
	fedns_deployment_free(dep);
#undef DUMP
}

/* ---- Peak memory ---------------------------------------------------------- */

static void memory(void)
{
	struct counter c = {0, 0};
	fedns_deployment *dep;
	fedns_recordset *rs;
	fedns_observed *obs;
	fedns_policy *policy;
	size_t model, base, needed = 0;
	char *text;

	dep = build(&c);
	model = c.live;
	report_mem("model", model);

	if (!lists_only) {
		/* Derivation and rendering: what they hold above the model at
		 * their peak (the rendered text is the caller's buffer). */
		c.peak = base = c.live;
		rs = derive(dep);
		fedns_render(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, NULL, 0, &needed);
		text = malloc(needed + 1);
		if (!text)
			die("out of memory", NULL);
		render(rs, text, needed + 1);
		report_mem("recordset", c.live - base);
		report_mem("derive+render-peak", c.peak - base);
		report_mem("text", needed);
		free(text);

		c.peak = base = c.live;
		obs = observe(rs, &c);
		report_mem("observed", c.live - base);
		fedns_recordset_free(rs);
		c.peak = base = c.live;
		compare(dep, obs);
		report_mem("compare-peak", c.peak - base);
		fedns_observed_free(obs);
	}
	if (listed) {
		c.peak = base = c.live;
		if (fedns_deployment_policy(dep, &policy))
			die("fedns_deployment_policy", dep);
		report_mem("policy", c.live - base);
		report_mem("policy-peak", c.peak - base);
		fedns_policy_free(policy);
	}
	fedns_deployment_free(dep);
	if (c.live != 0)
		die("the library leaked", NULL);
}

static void usage(void)
{
	fputs("usage: bench_fedns [-r REPEAT] [-o ZONEFILE] [-l] [-c] DOMAINS LISTED\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *zonefile = NULL;
	int repeat = 5, a = 1, callgrind = 0;

	for (; a < argc && argv[a][0] == '-'; a++) {
		if (strcmp(argv[a], "-l") == 0)
			lists_only = 1;
		else if (strcmp(argv[a], "-c") == 0)
			callgrind = 1;
		else if (a + 1 < argc && strcmp(argv[a], "-r") == 0)
			repeat = atoi(argv[++a]);
		else if (a + 1 < argc && strcmp(argv[a], "-o") == 0)
			zonefile = argv[++a];
		else
			usage();
	}
	if (argc - a != 2 || repeat < 1)
		usage();
	domains = atol(argv[a]);
	listed = atol(argv[a + 1]);
	if (domains < 1 || listed < 0)
		usage();
	if (callgrind) {
		instructions();
		return 0;
	}
	timings(repeat, zonefile);
	memory();
	return 0;
}
