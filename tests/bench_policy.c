/* Benchmark (`meson test --benchmark`, not part of the test suites): policy
 * decisions with a million allowed and blocked domains, asked in random
 * order, half of them listed; prints decisions per second of CPU time.
 * SPEC's target: more than 5 million a second.
 *
 * usage: bench_policy [NAMES [ROUNDS]] */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fedns/fedns.h"

#define NAME_LEN 40

static double cpu_seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static fedns_deployment *deployment(long names, char (*listed)[NAME_LEN])
{
	fedns_deployment *dep;
	fedns_edge_pool *pool;
	long i;

	if (fedns_deployment_new(&dep) != FEDNS_OK ||
	    fedns_deployment_add_sip_domain(dep, "contoso.com", NULL) != FEDNS_OK ||
	    fedns_deployment_add_edge_pool(dep, "edge", &pool) != FEDNS_OK ||
	    fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "131.107.155.10") != FEDNS_OK ||
	    fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1) != FEDNS_OK)
		return NULL;
	for (i = 0; i < names; i++) {
		fedns_status st;

		snprintf(listed[i], NAME_LEN, "partner%ld.example.com", i);
		st = i % 2 ? fedns_deployment_add_allowed_domain(dep, listed[i], NULL, NULL) :
			fedns_deployment_add_blocked_domain(dep, listed[i], NULL);
		if (st != FEDNS_OK)
			return NULL;
	}
	return dep;
}

int main(int argc, char **argv)
{
	long names = argc > 1 ? atol(argv[1]) : 1000000, rounds = argc > 2 ? atol(argv[2]) : 3;
	char (*listed)[NAME_LEN] = malloc((size_t)names * NAME_LEN);
	char (*queries)[NAME_LEN] = malloc((size_t)names * NAME_LEN);
	unsigned long seed = 1, allowed = 0;
	fedns_deployment *dep;
	fedns_policy *policy;
	double start, built, spent;
	long i, r;

	if (!listed || !queries || names < 1 || rounds < 1 || !(dep = deployment(names, listed)))
		return 2;
	start = cpu_seconds();
	if (fedns_deployment_policy(dep, &policy) != FEDNS_OK)
		return 2;
	built = cpu_seconds() - start;
	fedns_deployment_free(dep);
	/* Random order; every other query a name no list holds. */
	for (i = 0; i < names; i++) {
		seed = seed * 6364136223846793005u + 1442695040888963407u;
		memcpy(queries[i], listed[(seed >> 33) % (unsigned long)names], NAME_LEN);
		if (i % 2)
			queries[i][0] = 'P';
		else
			queries[i][1] = 'X';
	}
	start = cpu_seconds();
	for (r = 0; r < rounds; r++)
		for (i = 0; i < names; i++) {
			int verdict;

			fedns_policy_decide(policy, queries[i], FEDNS_PROTOCOL_SIP, &verdict, NULL, NULL);
			allowed += verdict == FEDNS_VERDICT_ALLOW;
		}
	spent = cpu_seconds() - start;
	printf("%ld names: policy built in %.2f s; %.1f million decisions a second "
	       "(%lu allowed)\n", names, built, (double)names * (double)rounds / spent / 1e6,
	       allowed);
	fedns_policy_free(policy);
	free(listed);
	free(queries);
	return 0;
}
