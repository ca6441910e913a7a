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
			size_t need = 0, records = 0, len = 0;
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
			buf = NULL;
			ORACLE(fedns_render_alloc(rs, format, lang, &buf, &len) == FEDNS_OK &&
				       len == need && memcmp(buf, t.p, need) == 0 && buf[need] == '\0',
			       "format %d, lang %d: render_alloc gave other bytes", format, lang);
			fedns_render_free(buf);
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

/* A name the library returns: `absolute` says whether it ends in a dot;
 * underscore labels are allowed in front (service labels). */
static void check_returned_name(const char *what, const char *name, int absolute)
{
	char buf[300], out[300];
	const char *p = name;
	size_t n;

	ORACLE(name != NULL, "%s is NULL", what);
	n = strlen(name);
	ORACLE(n > 0 && n < sizeof(buf), "%s has %zu octets", what, n);
	ORACLE((name[n - 1] == '.') == (absolute != 0), "%s \"%s\": trailing dot", what, name);
	while (*p == '_' && strchr(p, '.'))
		p = strchr(p, '.') + 1;
	memcpy(buf, p, strlen(p) + 1);
	ORACLE(fedns_name_normalize(buf, out, sizeof(out), NULL, 0) == FEDNS_OK,
	       "%s \"%s\" is not a name", what, name);
}

static void check_certs(const fedns_certs *certs, const fedns_deployment *dep)
{
	size_t i, j, k, n = fedns_certs_count(certs);

	(void)dep;
	for (i = 0; i < n; i++) {
		ORACLE(fedns_cert_pool(certs, i) != NULL, "cert %zu has no pool", i);
		check_returned_name("a certificate subject", fedns_cert_subject(certs, i), 0);
		clean_text("a subject reason", fedns_cert_subject_why(certs, i, FEDNS_LANG_EN));
		clean_text("a subject reason (zh-CN)", fedns_cert_subject_why(certs, i, FEDNS_LANG_ZH_CN));
		ORACLE(fedns_cert_san_count(certs, i) >= 1, "cert %zu has no SAN", i);
		ORACLE(strcmp(fedns_cert_san(certs, i, 0), fedns_cert_subject(certs, i)) == 0,
		       "the first SAN is not the subject");
		for (j = 0; j < fedns_cert_san_count(certs, i); j++) {
			const char *san = fedns_cert_san(certs, i, j);

			check_returned_name("a SAN", san, 0);
			ORACLE(!strchr(san, '*'), "a wildcard SAN");
			ORACLE(fedns_san_reason_name(fedns_cert_san_reason(certs, i, j)) != NULL,
			       "SAN reason %d", fedns_cert_san_reason(certs, i, j));
			clean_text("a SAN reason", fedns_cert_san_why(certs, i, j, FEDNS_LANG_EN));
			for (k = 0; k < j; k++)
				ORACLE(strcmp(san, fedns_cert_san(certs, i, k)) != 0, "SAN %s twice", san);
		}
		for (k = 0; k < fedns_cert_note_count(certs, i); k++) {
			ORACLE(fedns_cert_note_name(fedns_cert_note_kind(certs, i, k)) != NULL, "note kind");
			clean_text("a note", fedns_cert_note_text(certs, i, k, FEDNS_LANG_ZH_CN));
		}
		ORACLE(fedns_cert_san(certs, i, fedns_cert_san_count(certs, i)) == NULL, "SAN past the end");
	}
	ORACLE(fedns_cert_subject(certs, n) == NULL, "cert past the end");
}

/* Probes include the usual misspellings of SRV names ("sip._tls.d"), so
 * underscores may be anywhere: lower-case LDH and underscore labels of 1..63
 * octets, absolute, at most 253 octets without the dot. */
static void check_probe_name(const char *name)
{
	size_t n, label = 0, i;

	ORACLE(name != NULL, "a probe without a name");
	n = strlen(name);
	ORACLE(n >= 2 && n <= 254 && name[n - 1] == '.', "probe \"%s\"", name);
	for (i = 0; i < n; i++) {
		char c = name[i];

		if (c == '.') {
			ORACLE(label >= 1 && label <= 63, "probe \"%s\": a label of %zu", name, label);
			label = 0;
			continue;
		}
		ORACLE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_',
		       "probe \"%s\": character 0x%02x", name, (unsigned char)c);
		label++;
	}
}

static void check_probes(const fedns_probes *probes)
{
	size_t i, j, n = fedns_probes_count(probes);

	for (i = 0; i < n; i++) {
		int type = fedns_probe_type(probes, i);

		check_probe_name(fedns_probe_name(probes, i));
		ORACLE(type == FEDNS_RR_A || type == FEDNS_RR_AAAA || type == FEDNS_RR_CNAME ||
			       type == FEDNS_RR_SRV,
		       "probe type %d", type);
		for (j = 0; j < i && n < 400; j++)
			ORACLE(type != fedns_probe_type(probes, j) ||
				       strcmp(fedns_probe_name(probes, i), fedns_probe_name(probes, j)),
			       "probe %s twice", fedns_probe_name(probes, i));
	}
	ORACLE(fedns_probe_name(probes, n) == NULL && fedns_probe_type(probes, n) == 0,
	       "probe past the end");
}

static void check_findings(const fedns_findings *f)
{
	size_t i, n = fedns_findings_count(f);

	for (i = 0; i < n; i++) {
		int kind = fedns_finding_kind(f, i);
		const char *id = fedns_finding_id(f, i);
		char want[8];

		ORACLE(fedns_finding_kind_name(kind) != NULL, "finding kind %d", kind);
		snprintf(want, sizeof(want), "D%d", kind);
		ORACLE(id && strcmp(id, want) == 0, "finding kind %d has id %s", kind, id ? id : "NULL");
		ORACLE(fedns_finding_owner(f, i) && fedns_finding_expected_owner(f, i), "owner");
		clean_text("a hint", fedns_finding_hint(f, i, FEDNS_LANG_EN));
		clean_text("a hint (zh-CN)", fedns_finding_hint(f, i, FEDNS_LANG_ZH_CN));
		if (kind == FEDNS_DRIFT_MISSING)
			ORACLE(!fedns_finding_observed(f, i) && fedns_finding_expected(f, i),
			       "D1 with observed data");
		if (fedns_finding_observed(f, i))
			clean_text("observed data", fedns_finding_observed(f, i));
		if (fedns_finding_expected(f, i))
			clean_text("expected data", fedns_finding_expected(f, i));
	}
	ORACLE(fedns_finding_id(f, n) == NULL && fedns_finding_owner(f, n) == NULL,
	       "finding past the end");
}

void oracle_deployment(fedns_deployment *dep, const char *const *names, size_t nnames,
		       const fedns_observed *observed)
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

	{
		fedns_certs *certs = NULL;
		fedns_probes *probes = NULL;
		fedns_findings *findings = NULL;

		st = fedns_deployment_certs(dep, &certs);
		ORACLE(st == (errors ? FEDNS_EINVALID : FEDNS_OK), "certs with %zu errors: %s",
		       errors, fedns_status_name(st));
		if (certs)
			check_certs(certs, dep);
		fedns_certs_free(certs);
		st = fedns_deployment_probes(dep, &probes);
		ORACLE(st == (errors ? FEDNS_EINVALID : FEDNS_OK), "probes with %zu errors: %s",
		       errors, fedns_status_name(st));
		if (probes)
			check_probes(probes);
		fedns_probes_free(probes);
		if (observed) {
			st = fedns_deployment_compare(dep, observed, &findings);
			ORACLE(st == (errors ? FEDNS_EINVALID : FEDNS_OK), "compare with %zu errors: %s",
			       errors, fedns_status_name(st));
			if (findings)
				check_findings(findings);
			fedns_findings_free(findings);
		}
	}
}

void oracle_compare(fedns_deployment *dep, const fedns_observed *observed)
{
	fedns_findings *findings = NULL;
	fedns_status st = fedns_deployment_compare(dep, observed, &findings);

	ORACLE(st == FEDNS_OK, "compare: %s: %s", fedns_status_name(st),
	       fedns_deployment_last_error(dep));
	check_findings(findings);
	fedns_findings_free(findings);
}
