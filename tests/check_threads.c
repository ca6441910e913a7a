/* Thread safety (fedns.h: "a record set and a diagnostics list are
 * immutable and may be read from several threads at once"; a policy may be
 * asked from several threads at once). One record set, one diagnostics
 * list and one policy are read and rendered by several threads at the same
 * moment; every thread must get the bytes the main thread got.
 *
 * The test proves little under an ordinary build: .ci/run also builds it
 * with clang -fsanitize=thread (build-tsan), where a data race fails it. */
#define _POSIX_C_SOURCE 200809L

#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fedns/fedns.h"
#include "test.h"

#define OK(call) ck_assert_int_eq((call), FEDNS_OK)
#define THREADS 8
#define ROUNDS 20 /* FEDNS_THREAD_ROUNDS overrides it (the valgrind setup) */
#define FORMATS 32 /* format numbers tried; unknown ones are skipped */

struct shared {
	const fedns_recordset *rs;
	const fedns_diagnostics *diags;
	const fedns_policy *policy;
	char *want[FORMATS][2]; /* by format and fedns_lang; NULL: no such format */
	size_t want_len[FORMATS][2];
	char *want_records;
	pthread_barrier_t go;
};

struct worker {
	struct shared *sh;
	int rounds;
	int index;
	int failures;
	char failure[256];
};

struct buf {
	char *p;
	size_t n, cap;
};

static int append(void *ud, const char *data, size_t len)
{
	struct buf *b = ud;

	if (b->n + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 65536;
		char *p;

		while (cap < b->n + len + 1)
			cap *= 2;
		p = realloc(b->p, cap);
		if (!p)
			return 1;
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, data, len);
	b->n += len;
	b->p[b->n] = '\0';
	return 0;
}

/* Every accessor of every record and diagnostic, as text. */
static char *read_all(const fedns_recordset *rs, const fedns_diagnostics *diags)
{
	struct buf b = {NULL, 0, 0};
	char line[8192];
	size_t i;

	for (i = 0; i < fedns_recordset_count(rs); i++) {
		int n = snprintf(line, sizeof(line), "%s %d %u %d %u %u %u %x %s %s %s %s\n",
				 fedns_record_owner(rs, i), fedns_record_type(rs, i),
				 (unsigned)fedns_record_ttl(rs, i), fedns_record_location(rs, i),
				 (unsigned)fedns_record_priority(rs, i),
				 (unsigned)fedns_record_weight(rs, i),
				 (unsigned)fedns_record_port(rs, i),
				 (unsigned)fedns_record_purposes(rs, i),
				 fedns_record_target(rs, i) ? fedns_record_target(rs, i) : "-",
				 fedns_record_address(rs, i) ? fedns_record_address(rs, i) : "-",
				 fedns_record_comment(rs, i, FEDNS_LANG_EN),
				 fedns_record_comment(rs, i, FEDNS_LANG_ZH_CN));

		if (n < 0 || append(&b, line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1))
			return NULL;
	}
	for (i = 0; i < fedns_diagnostics_count(diags); i++) {
		int n = snprintf(line, sizeof(line), "%s %s %s %s %s\n",
				 fedns_diagnostic_rule(diags, i),
				 fedns_severity_name(fedns_diagnostic_severity(diags, i)),
				 fedns_diagnostic_subject(diags, i),
				 fedns_diagnostic_message(diags, i, FEDNS_LANG_EN),
				 fedns_diagnostic_message(diags, i, FEDNS_LANG_ZH_CN));

		if (n < 0 || append(&b, line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1))
			return NULL;
	}
	return b.p ? b.p : calloc(1, 1);
}

static const char *const remote[] = {
	"contoso.com", "push.lync.com", "partner.example", "blocked.example",
	"jabber.example.org", "stranger.example", "bad name",
};

static void note_failure(struct worker *w, const char *what, int format, int lang)
{
	if (!w->failures++)
		snprintf(w->failure, sizeof(w->failure), "thread %d: %s (format %d, lang %d)",
			 w->index, what, format, lang);
}

static void *work(void *arg)
{
	struct worker *w = arg;
	struct shared *sh = w->sh;
	int round, format, lang;
	size_t i;

	pthread_barrier_wait(&sh->go);
	for (round = 0; round < w->rounds; round++) {
		/* Start at a different format in each thread, so that different
		 * renderers run at the same time. */
		for (i = 0; i < FORMATS; i++) {
			format = (int)((i + (size_t)w->index + (size_t)round) % FORMATS);
			for (lang = FEDNS_LANG_EN; lang <= FEDNS_LANG_ZH_CN; lang++) {
				struct buf b = {NULL, 0, 0};
				size_t need = 0;
				char *into;

				if (!sh->want[format][lang])
					continue;
				if (fedns_render_to(sh->rs, format, lang, append, &b) != FEDNS_OK ||
				    b.n != sh->want_len[format][lang] ||
				    memcmp(b.p, sh->want[format][lang], b.n) != 0)
					note_failure(w, "fedns_render_to gave other bytes", format, lang);
				free(b.p);
				into = malloc(sh->want_len[format][lang] + 1);
				if (!into ||
				    fedns_render(sh->rs, format, lang, into, sh->want_len[format][lang] + 1,
						 &need) != FEDNS_OK ||
				    need != sh->want_len[format][lang] ||
				    memcmp(into, sh->want[format][lang], need) != 0)
					note_failure(w, "fedns_render gave other bytes", format, lang);
				free(into);
			}
		}
		{
			char *got = read_all(sh->rs, sh->diags);

			if (!got || strcmp(got, sh->want_records) != 0)
				note_failure(w, "the accessors gave other values", -1, -1);
			free(got);
		}
		for (i = 0; i < sizeof(remote) / sizeof(remote[0]); i++) {
			int verdict, reason;
			const char *route;
			fedns_status st = fedns_policy_decide(sh->policy, remote[i], FEDNS_PROTOCOL_SIP,
							      &verdict, &reason, &route);

			if (st != (i + 1 == sizeof(remote) / sizeof(remote[0]) ? FEDNS_EBADNAME :
										  FEDNS_OK))
				note_failure(w, "fedns_policy_decide failed", -1, -1);
		}
	}
	return NULL;
}

static fedns_deployment *deployment(void)
{
	fedns_deployment *dep;
	fedns_edge_pool *pool;
	fedns_xmpp_partner *x;
	char name[64];
	int i;

	OK(fedns_deployment_new(&dep));
	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PUSH_NOTIFICATIONS, 1));
	OK(fedns_deployment_add_edge_pool(dep, "edge", &pool));
	OK(fedns_edge_pool_set(pool, FEDNS_OPT_POOL_LOAD_BALANCING, FEDNS_LB_DNS));
	OK(fedns_edge_pool_set(pool, FEDNS_OPT_POOL_XMPP_PROXY, 1));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "131.107.155.10"));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "131.107.155.11"));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_ACCESS, "2001:db8::10"));
	OK(fedns_edge_pool_set_fqdn(pool, FEDNS_EDGE_WEBCONF, "webcon.contoso.com"));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_WEBCONF, "131.107.155.20"));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_WEBCONF, "131.107.155.21"));
	OK(fedns_edge_pool_add_address(pool, FEDNS_EDGE_WEBCONF, "2001:db8::20"));
	OK(fedns_deployment_add_allowed_domain(dep, "push.lync.com", NULL, NULL));
	OK(fedns_deployment_add_allowed_domain(dep, "partner.example", "sip.partner.example",
					       NULL));
	OK(fedns_deployment_add_blocked_domain(dep, "blocked.example", NULL));
	OK(fedns_deployment_add_hosting_provider(dep, "LyncOnline", "sipfed.online.lync.com",
						 NULL));
	OK(fedns_deployment_add_xmpp_partner(dep, "jabber.example.org", &x));
	for (i = 0; i < 100; i++) {
		fedns_sip_domain *d;

		snprintf(name, sizeof(name), i ? "d%d.contoso.com" : "contoso.com", i);
		OK(fedns_deployment_add_sip_domain(dep, name, &d));
		OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_MOBILITY, i % 2));
		OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, i % 3 == 0));
	}
	return dep;
}

START_TEST(test_concurrent_rendering_gives_the_same_bytes)
{
	fedns_deployment *dep = deployment();
	fedns_recordset *rs;
	fedns_diagnostics *diags;
	fedns_policy *policy;
	struct shared sh;
	struct worker w[THREADS];
	pthread_t t[THREADS];
	int format, lang, i, formats = 0;
	const char *env = getenv("FEDNS_THREAD_ROUNDS");
	int rounds = env ? atoi(env) : ROUNDS;

	memset(&sh, 0, sizeof(sh));
	ck_assert_int_ge(rounds, 1);
	OK(fedns_deployment_derive(dep, &rs));
	OK(fedns_deployment_validate(dep, &diags));
	OK(fedns_deployment_policy(dep, &policy));
	/* The readers need nothing of the deployment. */
	fedns_deployment_free(dep);
	sh.rs = rs;
	sh.diags = diags;
	sh.policy = policy;
	ck_assert_uint_gt(fedns_recordset_count(rs), 300);
	for (format = 0; format < FORMATS; format++)
		for (lang = FEDNS_LANG_EN; lang <= FEDNS_LANG_ZH_CN; lang++) {
			struct buf b = {NULL, 0, 0};
			fedns_status st = fedns_render_to(rs, format, lang, append, &b);

			if (st == FEDNS_EINVAL)
				continue;
			OK(st);
			ck_assert_ptr_nonnull(b.p);
			sh.want[format][lang] = b.p;
			sh.want_len[format][lang] = b.n;
			formats += lang == FEDNS_LANG_EN;
		}
	ck_assert_int_ge(formats, 4);
	sh.want_records = read_all(rs, diags);
	ck_assert_ptr_nonnull(sh.want_records);

	ck_assert_int_eq(pthread_barrier_init(&sh.go, NULL, THREADS), 0);
	for (i = 0; i < THREADS; i++) {
		w[i].sh = &sh;
		w[i].index = i;
		w[i].rounds = rounds;
		w[i].failures = 0;
		w[i].failure[0] = '\0';
		ck_assert_int_eq(pthread_create(&t[i], NULL, work, &w[i]), 0);
	}
	for (i = 0; i < THREADS; i++)
		ck_assert_int_eq(pthread_join(t[i], NULL), 0);
	pthread_barrier_destroy(&sh.go);
	for (i = 0; i < THREADS; i++)
		ck_assert_msg(w[i].failures == 0, "%s (%d failures)", w[i].failure, w[i].failures);

	printf("threads: %d threads x %d rounds x %d formats x 2 languages over %zu records: "
	       "identical output\n", THREADS, rounds, formats, fedns_recordset_count(rs));
	fflush(stdout);
	for (format = 0; format < FORMATS; format++)
		for (lang = 0; lang < 2; lang++)
			free(sh.want[format][lang]);
	free(sh.want_records);
	fedns_policy_free(policy);
	fedns_diagnostics_free(diags);
	fedns_recordset_free(rs);
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("threads");
	TCase *tc = tcase_create("concurrent readers");

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, test_concurrent_rendering_gives_the_same_bytes);
	suite_add_tcase(s, tc);
	return s;
}
