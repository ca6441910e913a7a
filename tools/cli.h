/* What the command files (cmd_*.c) share with fedns.c: exit statuses,
 * checked output, the parsed command line, the document loader and the
 * reporting of library errors. */
#ifndef FEDNS_TOOLS_CLI_H
#define FEDNS_TOOLS_CLI_H

#include <jansson.h>
#include <stdio.h>

#include <fedns/fedns.h>

/* Exit statuses of SPEC 8. */
enum {
	EXIT_CLEAN = 0,
	EXIT_FINDINGS = 1,
	EXIT_USAGE = 2
};

/* Everything meant for standard output goes through one of these, so that a
 * failed write (a full disk, a closed pipe) becomes exit status 2. */
struct out {
	FILE *f;
	int err; /* errno of the first failed write, 0 if none */
};

/* A fedns_write_fn writing to the struct out in `ud`. */
int out_write(void *ud, const char *data, size_t len);
__attribute__((format(printf, 2, 3)))
void out_printf(struct out *o, const char *fmt, ...);
/* Flushes; a failed write turns `status` into EXIT_USAGE. */
int out_finish(struct out *o, int status);

/* Item `i` of `set` as JSON in `lang`, or NULL when out of memory. */
typedef json_t *(*json_item_fn)(const void *set, size_t i, int lang);
/* Prints {"fedns": 1, `key`: [item 0 .. n - 1 of `set`]}, indented, to `o`;
 * -1 (the message on stderr) when out of memory. */
int print_json_list(struct out *o, const char *key, json_item_fn item, const void *set,
		    size_t n, int lang);

/* Options, each accepted by the commands that name it. */
enum {
	OPT_FORMAT,
	OPT_LANG,
	OPT_DOMAIN,
	OPT_STRICT,
	OPT_PROTOCOL,
	OPT_SERVER,
	OPT_TIMEOUT,
	OPT_ORIGIN,
	OPT_COUNT
};

struct args {
	const char *doc;
	const char *opt[OPT_COUNT]; /* the value; "" for a flag given; NULL if absent */
	char **rest;                /* the arguments after DOC, in order */
	int nrest;
};

/* A value of an option that takes one of a few words. */
struct word {
	const char *name;
	int value;
};

__attribute__((format(printf, 1, 2)))
int usage_error(const char *fmt, ...);
/* Looks `given` up in `words`; a usage error names the accepted ones. */
int parse_word(const char *option, const char *given, const struct word *words, int *value);
int parse_lang(const struct args *a, int *lang);
/* Reads all of `f` into a malloc'd buffer; NULL with errno set on failure. */
char *read_all(FILE *f, size_t *len);
/* Reads and loads DOC; NULL (the message on stderr) on failure. */
fedns_deployment *load(const char *path);
/* The diagnostics of at least `severity` on stderr. */
void print_to_stderr(const fedns_diagnostics *diags, int severity, int lang);
/* A failed library call on `dep`: its message on stderr, EXIT_USAGE. */
int library_error(const fedns_deployment *dep, const char *what, fedns_status status);
/* Derivation refused the document: every diagnostic on stderr, EXIT_USAGE. */
int report_invalid(fedns_deployment *dep, int lang);
/* A library call's failure on `dep`: report_invalid() for FEDNS_EINVALID,
 * else library_error(). */
int refused(fedns_deployment *dep, fedns_status status, int lang);

/* The commands of cmd_policy.c, cmd_certs.c and cmd_drift.c. */
int run_policy(const struct args *a);
int run_certs(const struct args *a);
int run_diff(const struct args *a);
int run_verify(const struct args *a);

#endif
