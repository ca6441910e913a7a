#include "oracle.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zoneline.h"

void oracle_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("oracle failed: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

int oracle_has_control(const char *s, size_t n, const char *allowed)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 || c == 0x7f) && !(c && strchr(allowed, c)))
			return 1;
	}
	return 0;
}

static void clean_text(const char *what, const char *s)
{
	ORACLE(s != NULL, "%s is NULL", what);
	ORACLE(!oracle_has_control(s, strlen(s), ""), "%s has a control character: \"%s\"", what,
	       s);
}

size_t oracle_diagnostics(const fedns_diagnostics *g)
{
	size_t i, n = fedns_diagnostics_count(g), errors = 0, warnings = 0, infos = 0;

	for (i = 0; i < n; i++) {
		const char *rule = fedns_diagnostic_rule(g, i);
		int severity = fedns_diagnostic_severity(g, i);
		size_t k;

		ORACLE(rule && rule[0] >= 'A' && rule[0] <= 'Z' && rule[1], "diagnostic %zu has no rule id",
		       i);
		for (k = 1; rule[k]; k++)
			ORACLE(rule[k] >= '0' && rule[k] <= '9', "rule id \"%s\"", rule);
		ORACLE(fedns_severity_name(severity) != NULL, "%s: severity %d", rule, severity);
		clean_text("a subject", fedns_diagnostic_subject(g, i));
		clean_text("a message", fedns_diagnostic_message(g, i, FEDNS_LANG_EN));
		clean_text("a message (zh-CN)", fedns_diagnostic_message(g, i, FEDNS_LANG_ZH_CN));
		ORACLE(strlen(fedns_diagnostic_message(g, i, FEDNS_LANG_EN)) > 0, "%s: empty message",
		       rule);
		errors += severity == FEDNS_SEVERITY_ERROR;
		warnings += severity == FEDNS_SEVERITY_WARNING;
		infos += severity == FEDNS_SEVERITY_INFO;
	}
	ORACLE(fedns_diagnostic_rule(g, n) == NULL, "diagnostic past the end");
	ORACLE(fedns_diagnostics_count_severity(g, FEDNS_SEVERITY_ERROR) == errors &&
		       fedns_diagnostics_count_severity(g, FEDNS_SEVERITY_WARNING) == warnings &&
		       fedns_diagnostics_count_severity(g, FEDNS_SEVERITY_INFO) == infos,
	       "severity counts disagree");
	return errors;
}

struct text {
	char *p;
	size_t n, cap;
};

static int collect(void *ud, const char *data, size_t len)
{
	struct text *t = ud;

	if (t->n + len + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 4096;
		char *p;

		while (cap < t->n + len + 1)
			cap *= 2;
		p = realloc(t->p, cap);
		ORACLE(p != NULL, "out of memory");
		t->p = p;
		t->cap = cap;
	}
	memcpy(t->p + t->n, data, len);
	t->n += len;
	t->p[t->n] = '\0';
	return 0;
}

static void check_records(const fedns_recordset *rs)
{
	size_t i, n = fedns_recordset_count(rs);

	for (i = 0; i < n; i++) {
		const char *owner = fedns_record_owner(rs, i);
		int type = fedns_record_type(rs, i);

		ORACLE(owner && strlen(owner) > 1 && owner[strlen(owner) - 1] == '.', "owner %zu", i);
		ORACLE(fedns_rrtype_name(type) != NULL, "record %zu has type %d", i, type);
		ORACLE((fedns_record_address(rs, i) != NULL) ==
			       (type == FEDNS_RR_A || type == FEDNS_RR_AAAA),
		       "record %zu: address and type disagree", i);
		ORACLE((fedns_record_target(rs, i) != NULL) ==
			       (type == FEDNS_RR_SRV || type == FEDNS_RR_CNAME),
		       "record %zu: target and type disagree", i);
		ORACLE(fedns_record_purposes(rs, i) != 0, "record %zu has no purpose", i);
		clean_text("a record comment", fedns_record_comment(rs, i, FEDNS_LANG_EN));
		clean_text("a record comment (zh-CN)", fedns_record_comment(rs, i, FEDNS_LANG_ZH_CN));
	}
	ORACLE(fedns_record_owner(rs, n) == NULL, "record past the end");
}

void oracle_recordset(const fedns_recordset *rs)
{
	int format, lang, formats = 0;

	check_records(rs);
	oracle_diagnostics(fedns_recordset_diagnostics(rs));
	ORACLE(fedns_diagnostics_count_severity(fedns_recordset_diagnostics(rs),
						FEDNS_SEVERITY_ERROR) == 0,
	       "a derived set carries an error");
	for (format = 0; format < 32; format++)
		for (lang = FEDNS_LANG_EN; lang <= FEDNS_LANG_ZH_CN; lang++) {
			struct text t = {NULL, 0, 0};
			size_t need = 0, records = 0;
			char *buf, why[512];
			fedns_status st = fedns_render_to(rs, format, lang, collect, &t);

			if (st == FEDNS_EINVAL)
				continue;
			ORACLE(st == FEDNS_OK, "format %d: render_to %s", format, fedns_status_name(st));
			formats++;
			collect(&t, "", 0);
			/* snprintf-like: a size of 0 never holds the output, not
			 * even an empty one (its NUL). */
			ORACLE(fedns_render(rs, format, lang, NULL, 0, &need) == FEDNS_ESPACE,
			       "format %d: sizing", format);
			ORACLE(need == t.n, "format %d: %zu bytes needed, %zu written", format, need, t.n);
			buf = malloc(need + 1);
			ORACLE(buf != NULL, "out of memory");
			ORACLE(fedns_render(rs, format, lang, buf, need + 1, NULL) == FEDNS_OK,
			       "format %d: render", format);
			ORACLE(memcmp(buf, t.p, need) == 0 && buf[need] == '\0',
			       "format %d, lang %d: rendering twice gave different bytes", format, lang);
			free(buf);
			ORACLE(!oracle_has_control(t.p, t.n, format == FEDNS_FORMAT_CSV ? "\r\n\t" : "\n\t"),
			       "format %d holds a control character", format);
			if (format == FEDNS_FORMAT_ZONE) {
				ORACLE(zoneline_check_text(t.p, t.n, &records, why, sizeof(why)) == 0,
				       "zone: %s", why);
				ORACLE(records == fedns_recordset_count(rs), "zone: %zu of %zu records",
				       records, fedns_recordset_count(rs));
			}
			free(t.p);
		}
	ORACLE(formats >= 4, "only %d formats", formats);
}

static void check_policy(const fedns_policy *policy, const char *const *names, size_t n)
{
	size_t i;
	int protocol;

	for (i = 0; i < n; i++)
		for (protocol = 0; protocol <= 3; protocol++) {
			int verdict = -1, reason = -1;
			const char *route = "unset";
			char folded[256];
			fedns_status st = fedns_policy_decide(policy, names[i], protocol, &verdict,
							      &reason, &route);
			int valid = fedns_name_normalize(names[i], folded, sizeof(folded), NULL, 0) ==
				    FEDNS_OK;

			if (protocol != FEDNS_PROTOCOL_SIP && protocol != FEDNS_PROTOCOL_XMPP) {
				ORACLE(st == FEDNS_EINVAL, "protocol %d: %s", protocol,
				       fedns_status_name(st));
				continue;
			}
			if (!valid) {
				/* P8: an error, never a decision. */
				ORACLE(st == FEDNS_EBADNAME && verdict == 0 && reason == 0 && !route,
				       "decide(\"%s\"): %s", names[i], fedns_status_name(st));
				continue;
			}
			ORACLE(st == FEDNS_OK, "decide(\"%s\"): %s", names[i], fedns_status_name(st));
			ORACLE(fedns_verdict_name(verdict) && fedns_reason_name(reason),
			       "decide(\"%s\"): verdict %d reason %d", names[i], verdict, reason);
			if (route) {
				char again[256];

				ORACLE(verdict == FEDNS_VERDICT_ALLOW, "a route without allow");
				ORACLE(fedns_name_normalize(route, again, sizeof(again), NULL, 0) ==
						       FEDNS_OK &&
					       strcmp(route, again) == 0,
				       "route \"%s\" is not a normal name", route);
			}
		}
}

void oracle_deployment(fedns_deployment *dep, const char *const *names, size_t nnames)
{
	fedns_diagnostics *g = NULL;
	fedns_recordset *rs = NULL, *again = NULL;
	fedns_policy *policy = NULL;
	fedns_status st;
	size_t errors;

	st = fedns_deployment_validate(dep, &g);
	ORACLE(st == FEDNS_OK, "validate: %s", fedns_status_name(st));
	errors = oracle_diagnostics(g);

	st = fedns_deployment_derive(dep, &rs);
	clean_text("the last error", fedns_deployment_last_error(dep));
	if (errors) {
		ORACLE(st == FEDNS_EINVALID && !rs, "derive with %zu errors: %s", errors,
		       fedns_status_name(st));
		ORACLE(strlen(fedns_deployment_last_error(dep)) > 0, "EINVALID without a message");
	} else {
		ORACLE(st == FEDNS_OK, "derive without errors: %s: %s", fedns_status_name(st),
		       fedns_deployment_last_error(dep));
		ORACLE(fedns_diagnostics_count(fedns_recordset_diagnostics(rs)) ==
			       fedns_diagnostics_count(g),
		       "the set's diagnostics differ from validation's");
		oracle_recordset(rs);
		/* Deterministic: a second derivation renders the same bytes. */
		ORACLE(fedns_deployment_derive(dep, &again) == FEDNS_OK, "derive again");
		{
			struct text a = {NULL, 0, 0}, b = {NULL, 0, 0};

			fedns_render_to(rs, FEDNS_FORMAT_JSON, FEDNS_LANG_ZH_CN, collect, &a);
			fedns_render_to(again, FEDNS_FORMAT_JSON, FEDNS_LANG_ZH_CN, collect, &b);
			ORACLE(a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0),
			       "two derivations render differently");
			free(a.p);
			free(b.p);
		}
	}
	fedns_diagnostics_free(g);
	fedns_recordset_free(rs);
	fedns_recordset_free(again);

	st = fedns_deployment_policy(dep, &policy);
	ORACLE(st == (errors ? FEDNS_EINVALID : FEDNS_OK), "policy with %zu errors: %s", errors,
	       fedns_status_name(st));
	if (policy)
		check_policy(policy, names, nnames);
	fedns_policy_free(policy);
}
