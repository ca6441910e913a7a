/* fedns: the command-line tool (SPEC 8). The library derives and renders;
 * this file reads the document, parses the command line and writes. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <jansson.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fedns/fedns.h>

#include "cli.h"
#include "document.h"

static const char usage_text[] =
	"Usage: fedns COMMAND DOC [OPTIONS]\n"
	"       fedns --version | --help\n"
	"\n"
	"Commands:\n"
	"  records DOC [--format zone|table|sheet|csv|json|markdown|nsupdate|powershell|octodns]\n"
	"          [--lang en|zh-CN] [--domain D]\n"
	"      The external DNS records the deployment needs (default format: table).\n"
	"  check DOC [--strict] [--format text|json] [--lang en|zh-CN]\n"
	"      Every diagnostic of the deployment; exit 1 if there is an error\n"
	"      (with --strict, also if there is a warning).\n"
	"  policy DOC DOMAIN [--protocol sip|xmpp]\n"
	"      Whether users may federate with DOMAIN, why, and the route; exit 1 if\n"
	"      denied (an own SIP domain, \"internal\", exits 0).\n"
	"  certs DOC [--format text|json] [--lang en|zh-CN]\n"
	"      The Access Edge external certificate each edge pool needs.\n"
	"  diff DOC ZONEFILE... [--origin NAME] [--format text|json] [--lang en|zh-CN]\n"
	"      Compares the records with zone files; exit 1 on drift.\n"
	"  verify DOC --server ADDR[:PORT] [--timeout SECONDS] [--format text|json]\n"
	"          [--lang en|zh-CN]\n"
	"      Compares the records with what a DNS server answers; exit 1 on drift.\n"
	"\n"
	"DOC is a deployment document (JSON); '-' reads standard input.\n"
	"Exit status: 0 success, 1 findings, 2 usage error or unreadable or invalid document.\n";

/* ---- Output ---- */

int out_write(void *ud, const char *data, size_t len)
{
	struct out *o = ud;

	if (o->err)
		return 1;
	errno = 0;
	if (len > 0 && fwrite(data, 1, len, o->f) != len) {
		o->err = errno ? errno : EIO;
		return 1;
	}
	return 0;
}

void out_printf(struct out *o, const char *fmt, ...)
{
	va_list ap;

	if (o->err)
		return;
	errno = 0;
	va_start(ap, fmt);
	if (vfprintf(o->f, fmt, ap) < 0)
		o->err = errno ? errno : EIO;
	va_end(ap);
}

/* Flushes and turns a failed write into exit status 2. A closed pipe (the
 * reader, say `head`, has what it wanted) is not worth a message. */
int out_finish(struct out *o, int status)
{
	errno = 0;
	if (!o->err && fflush(o->f) != 0)
		o->err = errno ? errno : EIO;
	if (!o->err)
		return status;
	if (o->err != EPIPE)
		fprintf(stderr, "fedns: cannot write output: %s\n", strerror(o->err));
	return EXIT_USAGE;
}

/* ---- The command line ---- */

static const struct {
	const char *name;
	int takes_value;
} option_defs[OPT_COUNT] = {
	{"--format", 1},
	{"--lang", 1},
	{"--domain", 1},
	{"--strict", 0},
	{"--protocol", 1},
	{"--server", 1},
	{"--timeout", 1},
	{"--origin", 1},
};

struct command {
	const char *name;
	unsigned options; /* 1 << OPT_* for each it accepts */
	int (*run)(const struct args *a);
	int min_rest, max_rest; /* arguments after DOC; max -1: any number */
	const char *rest;       /* what they are, for the usage error */
};

int usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("fedns: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'fedns --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

static int print_usage(void)
{
	struct out o = {stdout, 0};

	out_printf(&o, "%s", usage_text);
	return out_finish(&o, EXIT_CLEAN);
}

int parse_word(const char *option, const char *given, const struct word *words, int *value)
{
	char accepted[128] = "";
	const struct word *w;

	for (w = words; w->name; w++) {
		if (strcmp(w->name, given) == 0) {
			*value = w->value;
			return 0;
		}
		snprintf(accepted + strlen(accepted), sizeof accepted - strlen(accepted), "%s%s",
			 w == words ? "" : ", ", w->name);
	}
	return usage_error("%s %s: expected one of: %s", option, given, accepted);
}

static const struct word langs[] = {
	{"en", FEDNS_LANG_EN},
	{"zh-CN", FEDNS_LANG_ZH_CN},
	{NULL, 0}
};

int parse_lang(const struct args *a, int *lang)
{
	*lang = FEDNS_LANG_EN;
	return a->opt[OPT_LANG] ? parse_word("--lang", a->opt[OPT_LANG], langs, lang) : 0;
}

static int parse_option(const struct command *cmd, const char *arg, const char *next,
			struct args *a, int *used_next)
{
	const char *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
	int k;

	for (k = 0; k < OPT_COUNT; k++)
		if ((cmd->options & (1u << k)) && strlen(option_defs[k].name) == len &&
		    strncmp(option_defs[k].name, arg, len) == 0)
			break;
	if (k == OPT_COUNT)
		return usage_error("%s: unknown option '%.*s'", cmd->name, (int)len, arg);
	if (!option_defs[k].takes_value) {
		if (eq)
			return usage_error("%s: option '%s' takes no value", cmd->name,
					   option_defs[k].name);
		a->opt[k] = "";
		return 0;
	}
	if (!eq && !next)
		return usage_error("%s: option '%s' needs a value", cmd->name, option_defs[k].name);
	a->opt[k] = eq ? eq + 1 : next;
	*used_next = !eq;
	return 0;
}

/* Parses a command's arguments: DOC, the arguments after it and the
 * options, in any order. Returns 0, EXIT_USAGE, or -1 when --help was
 * asked for. The arguments after DOC are gathered at the front of `argv`
 * (each moves only to a slot already read). */
static int parse_args(const struct command *cmd, int argc, char **argv, struct args *a)
{
	int i, options_done = 0;

	memset(a, 0, sizeof *a);
	a->rest = argv;
	for (i = 0; i < argc; i++) {
		char *arg = argv[i];
		int used_next = 0;

		if (options_done || arg[0] != '-' || strcmp(arg, "-") == 0) {
			if (a->doc && a->nrest == cmd->max_rest)
				return usage_error("%s: unexpected argument '%s'", cmd->name, arg);
			if (a->doc)
				a->rest[a->nrest++] = arg;
			else
				a->doc = arg;
		} else if (strcmp(arg, "--") == 0) {
			options_done = 1;
		} else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			return -1;
		} else if (parse_option(cmd, arg, i + 1 < argc ? argv[i + 1] : NULL, a,
					&used_next)) {
			return EXIT_USAGE;
		}
		i += used_next;
	}
	if (!a->doc)
		return usage_error("%s: missing DOC (a deployment document, or '-' for standard input)",
				   cmd->name);
	if (a->nrest < cmd->min_rest)
		return usage_error("%s: missing %s", cmd->name, cmd->rest);
	return 0;
}

/* ---- The document ---- */

/* Reads all of `f`; NULL with errno set on failure. */
char *read_all(FILE *f, size_t *len)
{
	char *buf = NULL;
	size_t cap = 0, n = 0;

	for (;;) {
		if (n == cap) {
			size_t grown = cap ? cap * 2 : 65536;
			char *p = grown > cap ? realloc(buf, grown) : NULL;

			if (!p) {
				free(buf);
				errno = ENOMEM;
				return NULL;
			}
			buf = p;
			cap = grown;
		}
		errno = 0;
		n += fread(buf + n, 1, cap - n, f);
		if (ferror(f)) {
			int e = errno ? errno : EIO;

			free(buf);
			errno = e;
			return NULL;
		}
		if (feof(f))
			break;
	}
	*len = n;
	return buf;
}

static char *read_document(const char *path, const char *shown, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *text;
	int e;

	if (!f) {
		fprintf(stderr, "fedns: %s: %s\n", shown, strerror(errno));
		return NULL;
	}
	text = read_all(f, len);
	e = errno;
	if (f != stdin)
		fclose(f);
	if (!text)
		fprintf(stderr, "fedns: %s: %s\n", shown, strerror(e));
	return text;
}

/* Reads and loads DOC; on failure the message is on stderr and NULL is
 * returned. */
fedns_deployment *load(const char *path)
{
	const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
	fedns_deployment *dep = NULL;
	struct doc_error err;
	size_t len = 0;
	char *text = read_document(path, shown, &len);

	if (!text)
		return NULL;
	if (fedns_deployment_new(&dep) != FEDNS_OK) {
		fprintf(stderr, "fedns: %s\n", fedns_strerror(FEDNS_ENOMEM));
	} else if (doc_load(dep, text, len, &err) != 0) {
		fprintf(stderr, "%s:%lu:%lu: %s%s%s\n", shown, err.line, err.column, err.path,
			err.path[0] ? ": " : "", err.message);
		fedns_deployment_free(dep);
		dep = NULL;
	}
	free(text);
	return dep;
}

/* ---- Diagnostics ---- */

/* "warning V12 deployment: message" */
static void print_diagnostic(struct out *o, const fedns_diagnostics *diags, size_t i, int lang)
{
	out_printf(o, "%s %s %s: %s\n", fedns_severity_name(fedns_diagnostic_severity(diags, i)),
		   fedns_diagnostic_rule(diags, i), fedns_diagnostic_subject(diags, i),
		   fedns_diagnostic_message(diags, i, lang));
}

/* Prints the diagnostics of at least `severity` (a lower number is more
 * severe) on stderr, whose failures nobody could be told of. */
void print_to_stderr(const fedns_diagnostics *diags, int severity, int lang)
{
	struct out err = {stderr, 0};
	size_t i;

	for (i = 0; i < fedns_diagnostics_count(diags); i++)
		if (fedns_diagnostic_severity(diags, i) <= severity)
			print_diagnostic(&err, diags, i, lang);
}

/* A failed library call on `dep`: its message on stderr, exit status 2. */
int library_error(const fedns_deployment *dep, const char *what, fedns_status status)
{
	const char *why = dep ? fedns_deployment_last_error(dep) : "";

	fprintf(stderr, "fedns: %s%s%s\n", what ? what : "", what ? ": " : "",
		*why ? why : fedns_strerror(status));
	return EXIT_USAGE;
}

/* Derivation refused the document: every diagnostic on stderr. */
int report_invalid(fedns_deployment *dep, int lang)
{
	fedns_diagnostics *diags = NULL;
	fedns_status status = fedns_deployment_validate(dep, &diags);

	if (status != FEDNS_OK)
		return library_error(dep, NULL, status);
	if (fedns_diagnostics_count_severity(diags, FEDNS_SEVERITY_ERROR) == 0)
		library_error(dep, NULL, FEDNS_EINVALID); /* should not happen: say something */
	print_to_stderr(diags, FEDNS_SEVERITY_INFO, lang);
	fedns_diagnostics_free(diags);
	return EXIT_USAGE;
}

int refused(fedns_deployment *dep, fedns_status status, int lang)
{
	return status == FEDNS_EINVALID ? report_invalid(dep, lang) :
		library_error(dep, NULL, status);
}

/* ---- records ---- */

static const struct word record_formats[] = {
	{"zone", FEDNS_FORMAT_ZONE},
	{"table", FEDNS_FORMAT_TABLE},
	{"sheet", FEDNS_FORMAT_SHEET},
	{"csv", FEDNS_FORMAT_CSV},
	{"json", FEDNS_FORMAT_JSON},
	{"markdown", FEDNS_FORMAT_MARKDOWN},
	{"nsupdate", FEDNS_FORMAT_NSUPDATE},
	{"powershell", FEDNS_FORMAT_POWERSHELL},
	{"octodns", FEDNS_FORMAT_OCTODNS},
	{NULL, 0}
};

static int render(const fedns_recordset *rs, int format, int lang)
{
	struct out o = {stdout, 0};
	fedns_status status = fedns_render_to(rs, format, lang, out_write, &o);

	if (status != FEDNS_OK && status != FEDNS_ECALLBACK) {
		fprintf(stderr, "fedns: cannot render: %s\n", fedns_strerror(status));
		return EXIT_USAGE;
	}
	return out_finish(&o, EXIT_CLEAN);
}

static int run_records(const struct args *a)
{
	int format = FEDNS_FORMAT_TABLE, lang, rc;
	const char *domain = a->opt[OPT_DOMAIN];
	fedns_deployment *dep;
	fedns_recordset *rs = NULL;
	fedns_status status;

	if (a->opt[OPT_FORMAT] && parse_word("--format", a->opt[OPT_FORMAT], record_formats, &format))
		return EXIT_USAGE;
	if (parse_lang(a, &lang) || !(dep = load(a->doc)))
		return EXIT_USAGE;
	status = domain ? fedns_deployment_derive_domain(dep, domain, &rs) :
		fedns_deployment_derive(dep, &rs);
	if (status == FEDNS_EINVALID) {
		rc = report_invalid(dep, lang);
	} else if (status != FEDNS_OK) {
		rc = library_error(dep, domain ? "--domain" : NULL, status);
	} else {
		/* Warnings only: info is for `fedns check`. */
		print_to_stderr(fedns_recordset_diagnostics(rs), FEDNS_SEVERITY_WARNING, lang);
		rc = render(rs, format, lang);
	}
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
	return rc;
}

/* ---- check ---- */

enum {
	CHECK_TEXT,
	CHECK_JSON
};

static const struct word check_formats[] = {
	{"text", CHECK_TEXT},
	{"json", CHECK_JSON},
	{NULL, 0}
};

static void print_counts(struct out *o, const fedns_diagnostics *diags, int lang)
{
	size_t e = fedns_diagnostics_count_severity(diags, FEDNS_SEVERITY_ERROR);
	size_t w = fedns_diagnostics_count_severity(diags, FEDNS_SEVERITY_WARNING);
	size_t i = fedns_diagnostics_count_severity(diags, FEDNS_SEVERITY_INFO);

	if (lang == FEDNS_LANG_ZH_CN)
		out_printf(o, "%zu 个错误，%zu 个警告，%zu 条提示\n", e, w, i);
	else
		out_printf(o, "%zu error%s, %zu warning%s, %zu info\n", e, e == 1 ? "" : "s", w,
			   w == 1 ? "" : "s", i);
}

static void print_text(struct out *o, const fedns_diagnostics *diags, int lang)
{
	size_t i;

	for (i = 0; i < fedns_diagnostics_count(diags); i++)
		print_diagnostic(o, diags, i, lang);
	print_counts(o, diags, lang);
}

int print_json_list(struct out *o, const char *key, json_item_fn item, const void *set,
		    size_t n, int lang)
{
	json_t *list = json_array();
	json_t *root = json_pack("{s:i, s:o}", "fedns", 1, key, list);
	char *text = NULL;
	size_t i;
	int ok = root != NULL;

	for (i = 0; ok && i < n; i++)
		ok = json_array_append_new(list, item(set, i, lang)) == 0;
	if (ok)
		text = json_dumps(root, JSON_INDENT(2));
	json_decref(root);
	if (!text) {
		fprintf(stderr, "fedns: %s\n", fedns_strerror(FEDNS_ENOMEM));
		return -1;
	}
	out_printf(o, "%s\n", text);
	free(text);
	return 0;
}

static json_t *diagnostic_json(const void *set, size_t i, int lang)
{
	const fedns_diagnostics *diags = set;

	return json_pack("{s:s, s:s, s:s, s:s}",
			 "rule", fedns_diagnostic_rule(diags, i),
			 "severity", fedns_severity_name(fedns_diagnostic_severity(diags, i)),
			 "subject", fedns_diagnostic_subject(diags, i),
			 "message", fedns_diagnostic_message(diags, i, lang));
}

/* {"fedns": 1, "diagnostics": [{"rule", "severity", "subject", "message"}]},
 * the shape of the diagnostics in `records --format json`. */
static int print_json(struct out *o, const fedns_diagnostics *diags, int lang)
{
	return print_json_list(o, "diagnostics", diagnostic_json, diags,
			       fedns_diagnostics_count(diags), lang);
}

static int run_check(const struct args *a)
{
	int format = CHECK_TEXT, lang, rc;
	fedns_deployment *dep;
	fedns_diagnostics *diags = NULL;
	fedns_status status;
	struct out o = {stdout, 0};

	if (a->opt[OPT_FORMAT] && parse_word("--format", a->opt[OPT_FORMAT], check_formats, &format))
		return EXIT_USAGE;
	if (parse_lang(a, &lang) || !(dep = load(a->doc)))
		return EXIT_USAGE;
	status = fedns_deployment_validate(dep, &diags);
	if (status != FEDNS_OK) {
		rc = library_error(dep, NULL, status);
	} else {
		int findings = fedns_diagnostics_count_severity(diags, FEDNS_SEVERITY_ERROR) > 0 ||
			(a->opt[OPT_STRICT] &&
			 fedns_diagnostics_count_severity(diags, FEDNS_SEVERITY_WARNING) > 0);

		if (format == CHECK_JSON && print_json(&o, diags, lang) != 0) {
			rc = EXIT_USAGE;
		} else {
			if (format == CHECK_TEXT)
				print_text(&o, diags, lang);
			rc = out_finish(&o, findings ? EXIT_FINDINGS : EXIT_CLEAN);
		}
	}
	fedns_diagnostics_free(diags);
	fedns_deployment_free(dep);
	return rc;
}

/* ---- main ---- */

static const struct command commands[] = {
	{"records", 1u << OPT_FORMAT | 1u << OPT_LANG | 1u << OPT_DOMAIN, run_records, 0, 0, NULL},
	{"check", 1u << OPT_STRICT | 1u << OPT_FORMAT | 1u << OPT_LANG, run_check, 0, 0, NULL},
	{"policy", 1u << OPT_PROTOCOL, run_policy, 1, 1, "DOMAIN (the remote domain to decide on)"},
	{"certs", 1u << OPT_FORMAT | 1u << OPT_LANG, run_certs, 0, 0, NULL},
	{"diff", 1u << OPT_FORMAT | 1u << OPT_LANG | 1u << OPT_ORIGIN, run_diff, 1, -1,
	 "ZONEFILE (one or more zone files to compare with)"},
	{"verify", 1u << OPT_FORMAT | 1u << OPT_LANG | 1u << OPT_SERVER | 1u << OPT_TIMEOUT,
	 run_verify, 0, 0, NULL},
	{NULL, 0, NULL, 0, 0, NULL}
};

static int run_command(const char *name, int argc, char **argv)
{
	const struct command *cmd;
	struct args a;
	int rc;

	for (cmd = commands; cmd->name; cmd++)
		if (strcmp(cmd->name, name) == 0)
			break;
	if (!cmd->name)
		return usage_error("unknown command '%s' (commands: records, check, policy, certs, "
				   "diff, verify)", name);
	rc = parse_args(cmd, argc, argv, &a);
	if (rc < 0)
		return print_usage();
	return rc ? rc : cmd->run(&a);
}

static int print_version(void)
{
	struct out o = {stdout, 0};

	out_printf(&o, "fedns %s\n", fedns_version_string());
	return out_finish(&o, EXIT_CLEAN);
}

int main(int argc, char **argv)
{
	/* A closed pipe becomes a failed write (exit 2), not a killed process. */
	signal(SIGPIPE, SIG_IGN);
	if (argc < 2)
		return usage_error("missing command");
	if (strcmp(argv[1], "--version") == 0)
		return argc == 2 ? print_version() : usage_error("--version takes no arguments");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return print_usage();
	if (argv[1][0] == '-')
		return usage_error("unknown option '%s'", argv[1]);
	return run_command(argv[1], argc - 2, argv + 2);
}
