/* `fedns certs DOC [--format text|json] [--lang en|zh-CN]` (SPEC 6a and 8):
 * the Access Edge external certificate each edge pool needs.
 *
 * Text, one block per certificate, blocks separated by an empty line:
 *   pool: NAME
 *   subject: FQDN (why)
 *   san: FQDN (why)          one line per subject alternative name, in order
 *   note: TEXT               one line per note
 * The keys stay English so that scripts can match them; the reasons and
 * notes follow --lang. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

enum {
	CERTS_TEXT,
	CERTS_JSON
};

static const struct word formats[] = {
	{"text", CERTS_TEXT},
	{"json", CERTS_JSON},
	{NULL, 0}
};

static void print_cert(struct out *o, const fedns_certs *c, size_t i, int lang)
{
	size_t j;

	out_printf(o, "%spool: %s\nsubject: %s (%s)\n", i ? "\n" : "", fedns_cert_pool(c, i),
		   fedns_cert_subject(c, i), fedns_cert_subject_why(c, i, lang));
	for (j = 0; j < fedns_cert_san_count(c, i); j++)
		out_printf(o, "san: %s (%s)\n", fedns_cert_san(c, i, j),
			   fedns_cert_san_why(c, i, j, lang));
	for (j = 0; j < fedns_cert_note_count(c, i); j++)
		out_printf(o, "note: %s\n", fedns_cert_note_text(c, i, j, lang));
}

static int print_text(const fedns_certs *c, int lang)
{
	struct out o = {stdout, 0};
	size_t i;

	if (!fedns_certs_count(c))
		out_printf(&o, "%s\n", lang == FEDNS_LANG_ZH_CN ?
			   "没有边缘池服务于包含用户的本地 SIP 域：无需访问边缘证书。" :
			   "No edge pool serves an on-premises SIP domain with users: no Access "
			   "Edge certificate is needed.");
	for (i = 0; i < fedns_certs_count(c); i++)
		print_cert(&o, c, i, lang);
	return out_finish(&o, EXIT_CLEAN);
}

static json_t *cert_json(const void *set, size_t i, int lang)
{
	const fedns_certs *c = set;
	json_t *sans = json_array(), *notes = json_array();
	json_t *cert = json_pack("{s:s, s:s, s:s, s:o, s:o}", "pool", fedns_cert_pool(c, i),
				 "subject", fedns_cert_subject(c, i), "why",
				 fedns_cert_subject_why(c, i, lang), "san", sans, "notes", notes);
	size_t j;
	int ok = cert != NULL;

	for (j = 0; ok && j < fedns_cert_san_count(c, i); j++)
		ok = json_array_append_new(sans, json_pack(
			"{s:s, s:s, s:s}", "name", fedns_cert_san(c, i, j), "reason",
			fedns_san_reason_name(fedns_cert_san_reason(c, i, j)), "why",
			fedns_cert_san_why(c, i, j, lang))) == 0;
	for (j = 0; ok && j < fedns_cert_note_count(c, i); j++)
		ok = json_array_append_new(notes, json_pack(
			"{s:s, s:s}", "note", fedns_cert_note_name(fedns_cert_note_kind(c, i, j)),
			"text", fedns_cert_note_text(c, i, j, lang))) == 0;
	if (!ok) {
		json_decref(cert);
		return NULL;
	}
	return cert;
}

/* {"fedns": 1, "certificates": [{"pool", "subject", "why", "san": [{"name",
 * "reason", "why"}], "notes": [{"note", "text"}]}]} */
static int print_json(const fedns_certs *c, int lang)
{
	struct out o = {stdout, 0};

	if (print_json_list(&o, "certificates", cert_json, c, fedns_certs_count(c), lang))
		return EXIT_USAGE;
	return out_finish(&o, EXIT_CLEAN);
}

int run_certs(const struct args *a)
{
	int format = CERTS_TEXT, lang, rc;
	fedns_deployment *dep;
	fedns_certs *c = NULL;
	fedns_status st;

	if (a->opt[OPT_FORMAT] && parse_word("--format", a->opt[OPT_FORMAT], formats, &format))
		return EXIT_USAGE;
	if (parse_lang(a, &lang) || !(dep = load(a->doc)))
		return EXIT_USAGE;
	st = fedns_deployment_certs(dep, &c);
	if (st)
		rc = refused(dep, st, lang);
	else
		rc = format == CERTS_JSON ? print_json(c, lang) : print_text(c, lang);
	fedns_certs_free(c);
	fedns_deployment_free(dep);
	return rc;
}
