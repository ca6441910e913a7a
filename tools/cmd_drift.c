/* `fedns diff DOC ZONEFILE...` and `fedns verify DOC --server ADDR[:PORT]`
 * (SPEC 8): the derived record set compared with zone files (read by ldns)
 * or with a live server's answers (ldns resolver), reported finding by
 * finding. Exit 0 no drift, 1 drift (a failed look-up included: nothing
 * could be confirmed there), 2 usage error, an unreadable or invalid
 * document, an unreadable zone file.
 *
 * Text, one finding a line (prefixed "FILE:LINE: " when the record came
 * from a zone file), its hint on the next, then a count:
 *   contoso.zone:7: D3 different sip.contoso.com. A: expected 131.107.155.10, found 131.107.155.11
 *     hint: Change sip.contoso.com. A from 131.107.155.11 to 131.107.155.10.
 *   1 finding
 * The first words (id, kind, owner, type) and the detail stay English;
 * hints and the count follow --lang. */
#define _POSIX_C_SOURCE 200809L

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "resolve.h"
#include "zonefile.h"

#define DEFAULT_TIMEOUT 3

enum {
	DRIFT_TEXT,
	DRIFT_JSON
};

static const struct word formats[] = {
	{"text", DRIFT_TEXT},
	{"json", DRIFT_JSON},
	{NULL, 0}
};

/* ---- Printing -------------------------------------------------------------- */

static void print_detail(struct out *o, const fedns_findings *f, size_t i)
{
	const char *exp = fedns_finding_expected(f, i), *obs = fedns_finding_observed(f, i);

	switch (fedns_finding_kind(f, i)) {
	case FEDNS_DRIFT_MISSING:
		out_printf(o, "expected %s", exp);
		break;
	case FEDNS_DRIFT_DIFFERENT:
		if (strcmp(exp, obs) == 0)
			out_printf(o, "expected TTL %u, found TTL %u",
				   (unsigned)fedns_finding_expected_ttl(f, i),
				   (unsigned)fedns_finding_observed_ttl(f, i));
		else
			out_printf(o, "expected %s, found %s", exp, obs);
		break;
	case FEDNS_DRIFT_NEAR_MISS:
		out_printf(o, "found %s; the name should be %s", obs,
			   fedns_finding_expected_owner(f, i));
		break;
	case FEDNS_DRIFT_ALIAS:
		out_printf(o, "found an alias to %s; expected addresses %s", obs, exp ? exp : "?");
		break;
	case FEDNS_DRIFT_LOOKUP_FAILED:
		out_printf(o, "look-up failed: %s", obs);
		break;
	default: /* unexpected, online conflict */
		out_printf(o, "found %s%s%s", obs, exp ? ", expected " : "", exp ? exp : "");
	}
}

static void print_finding(struct out *o, const fedns_findings *f, size_t i, int lang)
{
	const char *type = fedns_finding_type_name(f, i);

	if (fedns_finding_line(f, i))
		out_printf(o, "%s:%u: ", fedns_finding_source(f, i) ? fedns_finding_source(f, i) : "",
			   (unsigned)fedns_finding_line(f, i));
	out_printf(o, "%s %s %s%s%s: ", fedns_finding_id(f, i),
		   fedns_finding_kind_name(fedns_finding_kind(f, i)), fedns_finding_owner(f, i),
		   type ? " " : "", type ? type : "");
	print_detail(o, f, i);
	out_printf(o, "\n  hint: %s\n", fedns_finding_hint(f, i, lang));
}

static void print_count(struct out *o, size_t n, int lang)
{
	if (lang == FEDNS_LANG_ZH_CN)
		out_printf(o, n ? "%zu 项差异\n" : "无差异\n", n);
	else if (n)
		out_printf(o, "%zu finding%s\n", n, n == 1 ? "" : "s");
	else
		out_printf(o, "no drift\n");
}

static json_t *text_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *ttl_or_null(uint32_t ttl)
{
	return ttl == FEDNS_TTL_UNKNOWN ? json_null() : json_integer(ttl);
}

static json_t *finding_json(const void *set, size_t i, int lang)
{
	const fedns_findings *f = set;

	return json_pack("{s:s, s:s, s:s, s:o, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:s}",
			 "id", fedns_finding_id(f, i),
			 "kind", fedns_finding_kind_name(fedns_finding_kind(f, i)),
			 "owner", fedns_finding_owner(f, i),
			 "type", text_or_null(fedns_finding_type_name(f, i)),
			 "expected_owner", fedns_finding_expected_owner(f, i),
			 "expected", text_or_null(fedns_finding_expected(f, i)),
			 "expected_ttl", ttl_or_null(fedns_finding_expected_ttl(f, i)),
			 "observed", text_or_null(fedns_finding_observed(f, i)),
			 "observed_ttl", ttl_or_null(fedns_finding_observed_ttl(f, i)),
			 "source", text_or_null(fedns_finding_source(f, i)),
			 "line", fedns_finding_line(f, i) ? json_integer(fedns_finding_line(f, i)) :
			 json_null(),
			 "hint", fedns_finding_hint(f, i, lang));
}

/* {"fedns": 1, "findings": [{"id", "kind", "owner", "type", "expected_owner",
 * "expected", "expected_ttl", "observed", "observed_ttl", "source", "line",
 * "hint"}]}, absent values null. */
static int print_json(struct out *o, const fedns_findings *f, int lang)
{
	return print_json_list(o, "findings", finding_json, f, fedns_findings_count(f), lang);
}

static int report(const fedns_findings *f, int format, int lang)
{
	struct out o = {stdout, 0};
	size_t i, n = fedns_findings_count(f);

	if (format == DRIFT_JSON) {
		if (print_json(&o, f, lang) != 0)
			return EXIT_USAGE;
	} else {
		for (i = 0; i < n; i++)
			print_finding(&o, f, i, lang);
		print_count(&o, n, lang);
	}
	return out_finish(&o, n ? EXIT_FINDINGS : EXIT_CLEAN);
}

/* ---- The commands ------------------------------------------------------------ */

struct drift {
	int format, lang;
	fedns_deployment *dep;
	fedns_observed *obs;
};

static int start(const struct args *a, struct drift *d)
{
	memset(d, 0, sizeof(*d));
	d->format = DRIFT_TEXT;
	if (a->opt[OPT_FORMAT] && parse_word("--format", a->opt[OPT_FORMAT], formats, &d->format))
		return EXIT_USAGE;
	if (parse_lang(a, &d->lang))
		return EXIT_USAGE;
	if (fedns_observed_new(&d->obs) != FEDNS_OK) {
		fprintf(stderr, "fedns: %s\n", fedns_strerror(FEDNS_ENOMEM));
		return EXIT_USAGE;
	}
	return 0;
}

/* Compares and reports; frees everything. */
static int finish(struct drift *d)
{
	fedns_findings *f = NULL;
	fedns_status st = fedns_deployment_compare(d->dep, d->obs, &f);
	int rc = st ? refused(d->dep, st, d->lang) : report(f, d->format, d->lang);

	fedns_findings_free(f);
	fedns_observed_free(d->obs);
	fedns_deployment_free(d->dep);
	return rc;
}

static void stop(struct drift *d)
{
	fedns_observed_free(d->obs);
	fedns_deployment_free(d->dep);
}

/* Refuses an invalid document before any file is read or query sent. */
static int check_document(struct drift *d)
{
	fedns_recordset *rs = NULL;
	fedns_status st = fedns_deployment_derive(d->dep, &rs);

	fedns_recordset_free(rs);
	return st ? refused(d->dep, st, d->lang) : 0;
}

int run_diff(const struct args *a)
{
	struct drift d;
	char err[1024];
	int i, rc = start(a, &d);

	if (rc)
		return rc;
	d.dep = load(a->doc);
	if (!d.dep || (rc = check_document(&d)) != 0) {
		stop(&d);
		return EXIT_USAGE;
	}
	for (i = 0; i < a->nrest; i++) {
		if (zone_load(d.obs, a->rest[i], a->opt[OPT_ORIGIN], err, sizeof(err)) != 0) {
			fprintf(stderr, "fedns: %s\n", err);
			stop(&d);
			return EXIT_USAGE;
		}
	}
	return finish(&d);
}

static int parse_timeout(const char *text, int *seconds)
{
	char *end;
	long v;

	*seconds = DEFAULT_TIMEOUT;
	if (!text)
		return 0;
	v = strtol(text, &end, 10);
	if (!*text || *end || v < 1 || v > 60)
		return usage_error("--timeout %s: expected whole seconds, 1 to 60", text);
	*seconds = (int)v;
	return 0;
}

int run_verify(const struct args *a)
{
	struct drift d;
	struct server server;
	fedns_probes *probes = NULL;
	char err[1024];
	int timeout, rc;
	fedns_status st;

	if (!a->opt[OPT_SERVER])
		return usage_error("verify: missing --server ADDR[:PORT] (the DNS server to ask)");
	if (server_parse(a->opt[OPT_SERVER], &server, err, sizeof(err)) != 0)
		return usage_error("%s", err);
	if (parse_timeout(a->opt[OPT_TIMEOUT], &timeout) || (rc = start(a, &d)) != 0)
		return EXIT_USAGE;
	d.dep = load(a->doc);
	if (!d.dep) {
		stop(&d);
		return EXIT_USAGE;
	}
	st = fedns_deployment_probes(d.dep, &probes);
	if (st) {
		rc = refused(d.dep, st, d.lang);
		stop(&d);
		return rc;
	}
	rc = resolve_probes(&server, timeout, probes, d.obs, err, sizeof(err));
	fedns_probes_free(probes);
	if (rc != 0) {
		fprintf(stderr, "fedns: verify: %s\n", err);
		stop(&d);
		return EXIT_USAGE;
	}
	return finish(&d);
}
