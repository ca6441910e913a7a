/* Hostile input: names and strings with spaces, ';', '$', quotes,
 * backslashes, parentheses, newlines and other control characters; labels of
 * 64 octets, names of 254; comments with newlines; extreme TTLs; a million
 * SIP domains. Each must give a clear error (an E diagnostic, a refused
 * derivation, a message without control characters) or correct output, and
 * no rendered line may read, to a zone-file parser, as a directive or a
 * second record (tests/zoneline.c reads every zone line back).
 *
 * The scale tests take their sizes from FEDNS_HOSTILE_DOMAINS and
 * FEDNS_HOSTILE_API_DOMAINS when set (the valgrind setup lowers them; the
 * output says how many were used). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fedns/fedns.h"
#include "test.h"
#include "zoneline.h"

#define OK(call) ck_assert_int_eq((call), FEDNS_OK)
/* Check records every passing ck_assert in its result file: loops that run
 * a million times report only failures. */
#define REQUIRE_OK(call)                                                          \
	do {                                                                      \
		fedns_status st_ = (call);                                        \
		if (st_ != FEDNS_OK)                                              \
			ck_abort_msg("%s:%d: %s: %s", __FILE__, __LINE__, #call,  \
				     fedns_status_name(st_));                     \
	} while (0)
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Helpers -------------------------------------------------------------- */

struct buf {
	char *p;
	size_t n, cap;
};

static int append(void *ud, const char *data, size_t len)
{
	struct buf *b = ud;

	if (b->n + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 65536;

		while (cap < b->n + len + 1)
			cap *= 2;
		b->p = realloc(b->p, cap);
		ck_assert_ptr_nonnull(b->p);
		b->cap = cap;
	}
	memcpy(b->p + b->n, data, len);
	b->n += len;
	b->p[b->n] = '\0';
	return 0;
}

/* The first control character of `s` (not counting `allowed`), or NULL. */
static const char *control_char(const char *s, size_t n, const char *allowed)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 || c == 0x7f) && !(c && strchr(allowed, c)))
			return s + i;
	}
	return NULL;
}

static void assert_clean(const char *what, const char *s)
{
	ck_assert_msg(s != NULL, "%s is NULL", what);
	ck_assert_msg(control_char(s, strlen(s), "") == NULL,
		      "%s holds a control character: \"%s\"", what, s);
}

/* Every diagnostic names a rule and says what is wrong, without a control
 * character; returns the number of errors. */
static size_t check_diagnostics(const fedns_diagnostics *g)
{
	size_t i, errors = 0;

	for (i = 0; i < fedns_diagnostics_count(g); i++) {
		const char *rule = fedns_diagnostic_rule(g, i);

		ck_assert_ptr_nonnull(rule);
		ck_assert_msg(rule[0] >= 'A' && rule[0] <= 'Z' && rule[1] >= '0' && rule[1] <= '9',
			      "diagnostic %zu has rule id \"%s\"", i, rule);
		assert_clean("a diagnostic subject", fedns_diagnostic_subject(g, i));
		assert_clean("a diagnostic message", fedns_diagnostic_message(g, i, FEDNS_LANG_EN));
		assert_clean("a diagnostic message (zh-CN)",
			     fedns_diagnostic_message(g, i, FEDNS_LANG_ZH_CN));
		ck_assert_uint_gt(strlen(fedns_diagnostic_message(g, i, FEDNS_LANG_EN)), 10);
		errors += fedns_diagnostic_severity(g, i) == FEDNS_SEVERITY_ERROR;
	}
	return errors;
}

/* Renders every format in both languages: the zone reads back record by
 * record, no format carries a control character other than newline and tab
 * (JSON and CSV escape or quote; text formats have none), and when `raw`
 * has a newline, no output has a line that starts with what follows it
 * (the line it tries to inject). Returns the zone's records. */
static size_t check_renders(const fedns_recordset *rs, const char *raw)
{
	int format, lang, formats = 0;
	size_t records = 0;

	for (format = 0; format < 64; format++)
		for (lang = FEDNS_LANG_EN; lang <= FEDNS_LANG_ZH_CN; lang++) {
			struct buf b = {NULL, 0, 0};
			fedns_status st = fedns_render_to(rs, format, lang, append, &b);
			const char *bad;
			char why[512];

			if (st == FEDNS_EINVAL)
				continue;
			OK(st);
			formats++;
			if (!b.p)
				append(&b, "", 0);
			/* CSV ends its lines with CRLF (RFC 4180). */
			bad = control_char(b.p, b.n, format == FEDNS_FORMAT_CSV ? "\r\n\t" : "\n\t");
			ck_assert_msg(bad == NULL, "format %d holds control character 0x%02x at %zu",
				      format, bad ? (unsigned char)*bad : 0, (size_t)(bad - b.p));
			if (raw && strchr(raw, '\n') && strchr(raw, '\n')[1])
				ck_assert_msg(strstr(b.p, strchr(raw, '\n')) == NULL,
					      "format %d writes the line \"%s\" injects", format,
					      strchr(raw, '\n') + 1);
			if (format == FEDNS_FORMAT_ZONE) {
				ck_assert_msg(zoneline_check_text(b.p, b.n, &records, why, sizeof(why)) == 0,
					      "zone: %s", why);
				ck_assert_uint_eq(records, fedns_recordset_count(rs));
			}
			free(b.p);
		}
	ck_assert_int_ge(formats, 8);
	return records;
}

/* ---- Hostile strings in every position -------------------------------------- */

static const char *const hostile[] = {
	"contoso .com",
	" contoso.com",
	"contoso.com;",
	"; comment.com",
	"$ORIGIN.com",
	"$INCLUDE /etc/passwd",
	"con\"toso.com",
	"con'toso.com",
	"con\\toso.com",
	"con\\046toso.com",
	"(contoso.com",
	"contoso.com)",
	"@",
	"*.contoso.com",
	"contoso.com\n",
	"contoso.com\nevil.example. 3600 IN A 192.0.2.66",
	"contoso.com\n$INCLUDE /etc/shadow",
	"contoso.com\r\n$TTL 1",
	"contoso.com\t3600 IN A 192.0.2.66",
	"contoso.com. 3600 IN A 192.0.2.66",
	"\x1b[31mred.com",
	"del\x7f.com",
	"b\xc3\xbc\x63her.de",
	"\xff\xfe.com",
	"..",
	"",
	"-lead.com",
	"trail-.com",
	"a..b.com",
	"_sip._tls.contoso.com",
	"192.0.2.1",
	"123",
	"131.107.155.10\n$ORIGIN evil.",
	"2001:db8::1 ; x",
};

enum position {
	AT_SIP_DOMAIN,
	AT_DOMAIN_POOL,
	AT_POOL_NAME,
	AT_ACCESS_HOST,
	AT_ACCESS_FQDN,
	AT_WEBCONF_FQDN,
	AT_AV_FQDN,
	AT_XMPP_HOST,
	AT_ACCESS_ADDRESS,
	AT_WEBCONF_ADDRESS,
	AT_ALLOWED,
	AT_ALLOWED_PROXY,
	AT_ALLOWED_COMMENT,
	AT_BLOCKED,
	AT_BLOCKED_COMMENT,
	AT_PARTNER,
	AT_PARTNER_DOMAIN,
	AT_PARTNER_PROXY,
	AT_PUBLIC_NAME,
	AT_PUBLIC_PROXY,
	AT_PUBLIC_DOMAIN,
	AT_HOSTING_NAME,
	AT_HOSTING_PROXY,
	AT_PROXY_ADDRESS,
	AT_PROXY_DIALIN,
	AT_PROXY_WEB,
	AT_COUNT
};

/* What each position takes: a DNS name, a host label or an address, where
 * a value that fedns_name_normalize() or fedns_address_normalize() refuses
 * must be an error diagnostic; or free text (names of pools and providers,
 * comments), which must merely never reach the output raw. */
enum kind { NAME, LABEL, ADDRESS, TEXT };

static const struct {
	const char *name;
	enum kind kind;
} positions[AT_COUNT] = {
	[AT_SIP_DOMAIN] = {"SIP domain", NAME},
	[AT_DOMAIN_POOL] = {"SIP domain's edge pool", TEXT},
	[AT_POOL_NAME] = {"edge pool name", TEXT},
	[AT_ACCESS_HOST] = {"access edge host label", LABEL},
	[AT_ACCESS_FQDN] = {"access edge FQDN", NAME},
	[AT_WEBCONF_FQDN] = {"webconf edge FQDN", NAME},
	[AT_AV_FQDN] = {"A/V edge FQDN", NAME},
	[AT_XMPP_HOST] = {"XMPP proxy host label", LABEL},
	[AT_ACCESS_ADDRESS] = {"access edge address", ADDRESS},
	[AT_WEBCONF_ADDRESS] = {"webconf edge address", ADDRESS},
	[AT_ALLOWED] = {"allowed domain", NAME},
	[AT_ALLOWED_PROXY] = {"allowed domain proxy FQDN", NAME},
	[AT_ALLOWED_COMMENT] = {"allowed domain comment", TEXT},
	[AT_BLOCKED] = {"blocked domain", NAME},
	[AT_BLOCKED_COMMENT] = {"blocked domain comment", TEXT},
	[AT_PARTNER] = {"XMPP partner", NAME},
	[AT_PARTNER_DOMAIN] = {"XMPP partner additional domain", NAME},
	[AT_PARTNER_PROXY] = {"XMPP partner proxy FQDN", NAME},
	[AT_PUBLIC_NAME] = {"public provider name", TEXT},
	[AT_PUBLIC_PROXY] = {"public provider proxy FQDN", NAME},
	[AT_PUBLIC_DOMAIN] = {"public provider domain", NAME},
	[AT_HOSTING_NAME] = {"hosting provider name", TEXT},
	[AT_HOSTING_PROXY] = {"hosting provider proxy FQDN", NAME},
	[AT_PROXY_ADDRESS] = {"reverse proxy address", ADDRESS},
	[AT_PROXY_DIALIN] = {"reverse proxy dial-in FQDN", NAME},
	[AT_PROXY_WEB] = {"reverse proxy web FQDN", NAME},
};

/* Whether `value` is refused where `kind` is expected. */
static int must_refuse(enum kind kind, const char *value)
{
	char out[256];

	switch (kind) {
	case NAME:
		return fedns_name_normalize(value, out, sizeof(out), NULL, 0) != FEDNS_OK;
	case LABEL:
		/* One label; all digits is a fine host label (RFC 1123), unlike a
		 * last label, which is all fedns_name_normalize() can check. */
		if (value[0] && strspn(value, "0123456789") == strlen(value) && strlen(value) < 64)
			return 0;
		return strchr(value, '.') != NULL ||
		       fedns_name_normalize(value, out, sizeof(out), NULL, 0) != FEDNS_OK;
	case ADDRESS:
		return fedns_address_normalize(value, out, sizeof(out), NULL, 0) != FEDNS_OK;
	case TEXT:
	default:
		return 0;
	}
}

/* A clean deployment that uses every position, with `value` at `at`. */
static fedns_deployment *with_value(enum position at, const char *value)
{
	fedns_deployment *dep;
	fedns_sip_domain *d;
	fedns_edge_pool *p;
	fedns_xmpp_partner *x;
	fedns_public_provider *pub;
	fedns_reverse_proxy *rp;
#define V(pos, normal) (at == (pos) ? value : (normal))

	OK(fedns_deployment_new(&dep));
	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PUBLIC_IM, 1));
	OK(fedns_deployment_add_sip_domain(dep, V(AT_SIP_DOMAIN, "contoso.com"), &d));
	OK(fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1));
	OK(fedns_sip_domain_set_edge_pool(d, V(AT_DOMAIN_POOL, "edge")));
	OK(fedns_deployment_add_edge_pool(dep, V(AT_POOL_NAME, "edge"), &p));
	if (at == AT_POOL_NAME)
		OK(fedns_sip_domain_set_edge_pool(d, value));
	if (at == AT_ACCESS_FQDN)
		OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_ACCESS, value));
	else
		OK(fedns_edge_pool_set_access_edge_host(p, V(AT_ACCESS_HOST, "sip")));
	OK(fedns_edge_pool_set_xmpp_host(p, V(AT_XMPP_HOST, "xmpp")));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, V(AT_ACCESS_ADDRESS, "131.107.155.10")));
	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_WEBCONF, V(AT_WEBCONF_FQDN, "webcon.contoso.com")));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_WEBCONF,
				       V(AT_WEBCONF_ADDRESS, "131.107.155.20")));
	OK(fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_AV, V(AT_AV_FQDN, "av.contoso.com")));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_AV, "131.107.155.30"));
	OK(fedns_deployment_add_allowed_domain(dep, V(AT_ALLOWED, "fabrikam.com"),
					       V(AT_ALLOWED_PROXY, "sip.fabrikam.com"),
					       V(AT_ALLOWED_COMMENT, "partner")));
	OK(fedns_deployment_add_blocked_domain(dep, V(AT_BLOCKED, "blocked.example"),
					       V(AT_BLOCKED_COMMENT, "spam")));
	OK(fedns_deployment_add_xmpp_partner(dep, V(AT_PARTNER, "jabber.example.org"), &x));
	OK(fedns_xmpp_partner_add_domain(x, V(AT_PARTNER_DOMAIN, "chat.example.org")));
	OK(fedns_xmpp_partner_set_proxy_fqdn(x, V(AT_PARTNER_PROXY, "xmpp.example.org")));
	OK(fedns_deployment_add_public_provider(dep, V(AT_PUBLIC_NAME, "Skype"),
						V(AT_PUBLIC_PROXY, "federation.messenger.msn.com"),
						&pub));
	OK(fedns_public_provider_add_domain(pub, V(AT_PUBLIC_DOMAIN, "msn.com")));
	OK(fedns_deployment_add_hosting_provider(dep, V(AT_HOSTING_NAME, "LyncOnline"),
						 V(AT_HOSTING_PROXY, "sipfed.online.lync.com"), NULL));
	OK(fedns_deployment_add_reverse_proxy(dep, &rp));
	OK(fedns_reverse_proxy_add_address(rp, V(AT_PROXY_ADDRESS, "131.107.155.40")));
	OK(fedns_reverse_proxy_set_fqdn(rp, FEDNS_PROXY_DIALIN,
					V(AT_PROXY_DIALIN, "dialin.contoso.com")));
	OK(fedns_reverse_proxy_set_fqdn(rp, FEDNS_PROXY_WEB, V(AT_PROXY_WEB, "web.contoso.com")));
#undef V
	return dep;
}

/* The base deployment is clean: every error below is the hostile value's. */
START_TEST(test_base_deployment_derives)
{
	fedns_deployment *dep = with_value(AT_COUNT, NULL);
	fedns_diagnostics *g;
	fedns_recordset *rs;

	OK(fedns_deployment_validate(dep, &g));
	ck_assert_uint_eq(check_diagnostics(g), 0);
	fedns_diagnostics_free(g);
	OK(fedns_deployment_derive(dep, &rs));
	ck_assert_uint_gt(check_renders(rs, NULL), 10);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
}
END_TEST

START_TEST(test_hostile_value_in_every_position)
{
	int at;

	for (at = 0; at < AT_COUNT; at++) {
		const char *value = hostile[_i];
		fedns_deployment *dep = with_value((enum position)at, value);
		fedns_diagnostics *g;
		fedns_recordset *rs = NULL;
		fedns_status st;
		size_t errors;

		OK(fedns_deployment_validate(dep, &g));
		errors = check_diagnostics(g);
		fedns_diagnostics_free(g);
		st = fedns_deployment_derive(dep, &rs);
		assert_clean("fedns_deployment_last_error()", fedns_deployment_last_error(dep));
		if (must_refuse(positions[at].kind, value))
			ck_assert_msg(errors > 0 && st == FEDNS_EINVALID,
				      "hostile %s \"%s\": %zu errors, derive %s", positions[at].name,
				      value, errors, fedns_status_name(st));
		/* Validation is the only judge: without errors, derivation works. */
		if (errors == 0)
			ck_assert_msg(st == FEDNS_OK, "hostile %s \"%s\": no error, but derive %s: %s",
				      positions[at].name, value, fedns_status_name(st),
				      fedns_deployment_last_error(dep));
		if (st == FEDNS_OK) {
			check_renders(rs, value);
			fedns_recordset_free(rs);
		} else {
			ck_assert_int_eq(st, FEDNS_EINVALID);
			ck_assert_ptr_null(rs);
			ck_assert_uint_gt(errors, 0);
		}
		fedns_deployment_free(dep);
	}
}
END_TEST

/* fedns_name_normalize() and fedns_address_normalize() on the same strings:
 * a refusal with a printable reason, truncated safely. */
START_TEST(test_normalize_hostile)
{
	const char *value = hostile[_i];
	char out[256], why[256], tiny[8];
	fedns_status st = fedns_name_normalize(value, out, sizeof(out), why, sizeof(why));

	if (st == FEDNS_OK) {
		/* Only plain names get through. */
		ck_assert_msg(strspn(out, "abcdefghijklmnopqrstuvwxyz0123456789-.") == strlen(out),
			      "\"%s\" normalized to \"%s\"", value, out);
	} else {
		ck_assert_int_eq(st, FEDNS_EBADNAME);
		assert_clean("why", why);
		ck_assert_uint_gt(strlen(why), 10);
		ck_assert_int_eq(fedns_name_normalize(value, out, sizeof(out), tiny, sizeof(tiny)),
				 FEDNS_EBADNAME);
		ck_assert_uint_lt(strlen(tiny), sizeof(tiny));
	}
	st = fedns_address_normalize(value, out, sizeof(out), why, sizeof(why));
	if (st == FEDNS_OK) {
		ck_assert_msg(strspn(out, "0123456789abcdef.:") == strlen(out), "\"%s\" -> \"%s\"",
			      value, out);
	} else {
		ck_assert_int_eq(st, FEDNS_EBADADDR);
		assert_clean("why", why);
	}
}
END_TEST

/* The observed set's adders take names from zone files and live answers:
 * a refusal's message quotes the bad value escaped, on one line. */
START_TEST(test_observed_refusals_are_printable)
{
	const char *value = hostile[_i];
	fedns_observed *obs;
	fedns_status st[8];
	size_t i;

	OK(fedns_observed_new(&obs));
	st[0] = fedns_observed_add_a(obs, value, 60, "192.0.2.1", 1);
	assert_clean("observed last error (A owner)", fedns_observed_last_error(obs));
	st[1] = fedns_observed_add_a(obs, "sip.contoso.com", 60, value, 1);
	assert_clean("observed last error (A address)", fedns_observed_last_error(obs));
	st[2] = fedns_observed_add_aaaa(obs, "sip.contoso.com", 60, value, 1);
	assert_clean("observed last error (AAAA address)", fedns_observed_last_error(obs));
	st[3] = fedns_observed_add_cname(obs, "sip.contoso.com", 60, value, 1);
	assert_clean("observed last error (CNAME target)", fedns_observed_last_error(obs));
	st[4] = fedns_observed_add_srv(obs, "_sip._tls.contoso.com", 60, 0, 0, 443, value, 1);
	assert_clean("observed last error (SRV target)", fedns_observed_last_error(obs));
	st[5] = fedns_observed_add_other(obs, value, 60, 16, "\"x\"", 1);
	assert_clean("observed last error (other owner)", fedns_observed_last_error(obs));
	st[6] = fedns_observed_add_failure(obs, value, 0, "timeout");
	assert_clean("observed last error (failure owner)", fedns_observed_last_error(obs));
	st[7] = fedns_observed_set_source(obs, value);
	assert_clean("observed last error (source)", fedns_observed_last_error(obs));
	for (i = 0; i < 8; i++)
		ck_assert_msg(st[i] == FEDNS_OK || st[i] == FEDNS_EBADNAME || st[i] == FEDNS_EBADADDR,
			      "call %zu on \"%s\": %s", i, value, fedns_status_name(st[i]));
	fedns_observed_free(obs);
}
END_TEST

/* ---- Lengths ---------------------------------------------------------------- */

static char *repeat(char c, size_t n, const char *tail)
{
	char *s = malloc(n + strlen(tail) + 1);

	ck_assert_ptr_nonnull(s);
	memset(s, c, n);
	strcpy(s + n, tail);
	return s;
}

/* A name of exactly `len` octets: labels of up to 63 'a's, each with its
 * dot, then "com". */
static char *name_of_length(size_t len)
{
	char *s = malloc(len + 1);
	size_t at = 0, rest;

	ck_assert_ptr_nonnull(s);
	ck_assert_uint_ge(len, 6);
	for (rest = len - 3; rest; ) {
		size_t chunk = rest > 64 ? 64 : rest; /* a label and its dot */

		if (rest - chunk == 1)
			chunk--;
		memset(s + at, 'a', chunk - 1);
		s[at + chunk - 1] = '.';
		at += chunk;
		rest -= chunk;
	}
	memcpy(s + at, "com", 4);
	ck_assert_uint_eq(strlen(s), len);
	return s;
}

START_TEST(test_label_of_63_octets_is_fine_64_is_refused)
{
	char *ok = repeat('a', 63, ".com"), *bad = repeat('a', 64, ".com");
	char out[256], why[256];

	OK(fedns_name_normalize(ok, out, sizeof(out), why, sizeof(why)));
	ck_assert_int_eq(fedns_name_normalize(bad, out, sizeof(out), why, sizeof(why)),
			 FEDNS_EBADNAME);
	ck_assert_msg(strstr(why, "63") != NULL, "why: %s", why);
	ck_assert_msg(strstr(why, "label 1") != NULL || strstr(why, "first") != NULL, "why: %s",
		      why);
	free(ok);
	free(bad);
}
END_TEST

START_TEST(test_names_of_253_254_octets)
{
	char *n253 = name_of_length(253), *n254 = name_of_length(254);
	char *dotted = malloc(256);
	char out[256], why[256];

	ck_assert_ptr_nonnull(dotted);
	OK(fedns_name_normalize(n253, out, sizeof(out), why, sizeof(why)));
	ck_assert_str_eq(out, n253);
	snprintf(dotted, 256, "%s.", n253);
	OK(fedns_name_normalize(dotted, out, sizeof(out), why, sizeof(why)));
	ck_assert_int_eq(fedns_name_normalize(n253, out, 253, why, sizeof(why)), FEDNS_ESPACE);
	ck_assert_int_eq(fedns_name_normalize(n254, out, sizeof(out), why, sizeof(why)),
			 FEDNS_EBADNAME);
	ck_assert_msg(strstr(why, "253") != NULL, "why: %s", why);
	free(n253);
	free(n254);
	free(dotted);
}
END_TEST

/* The longest owner fedns builds from d with federation off is
 * "_sip._tls.d" (10 more octets): d of 243 octets derives, 244 is V1. */
START_TEST(test_owner_names_stay_within_253_octets)
{
	size_t len;

	for (len = 240; len <= 253; len++) {
		char *name = name_of_length(len);
		fedns_deployment *dep;
		fedns_edge_pool *p;
		fedns_diagnostics *g;
		fedns_recordset *rs = NULL;
		fedns_status st;

		OK(fedns_deployment_new(&dep));
		OK(fedns_deployment_add_sip_domain(dep, name, NULL));
		OK(fedns_deployment_add_edge_pool(dep, "edge", &p));
		OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.10"));
		st = fedns_deployment_derive(dep, &rs);
		if (len <= 243) {
			ck_assert_msg(st == FEDNS_OK, "%zu octets: %s", len,
				      fedns_deployment_last_error(dep));
			ck_assert_uint_eq(check_renders(rs, NULL), 2);
			fedns_recordset_free(rs);
		} else {
			ck_assert_msg(st == FEDNS_EINVALID, "%zu octets: derive %s", len,
				      fedns_status_name(st));
			OK(fedns_deployment_validate(dep, &g));
			ck_assert_uint_gt(check_diagnostics(g), 0);
			ck_assert_str_eq(fedns_diagnostic_rule(g, 0), "V1");
			ck_assert_msg(strstr(fedns_diagnostic_message(g, 0, FEDNS_LANG_EN), "253"),
				      "%s", fedns_diagnostic_message(g, 0, FEDNS_LANG_EN));
			fedns_diagnostics_free(g);
		}
		/* With federation discovery on, "_sipfederationtls._tcp.d" is the
		 * longest (23 more octets). */
		OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
		OK(fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 1));
		st = fedns_deployment_derive(dep, &rs);
		ck_assert_int_eq(st, len <= 230 ? FEDNS_OK : FEDNS_EINVALID);
		fedns_recordset_free(rs);
		fedns_deployment_free(dep);
		free(name);
	}
}
END_TEST

/* A host label of 64 octets, and a long one that makes S too long. */
START_TEST(test_long_host_labels)
{
	char *label64 = repeat('h', 64, ""), *label63 = repeat('h', 63, "");
	char *domain = name_of_length(190);
	fedns_deployment *dep;
	fedns_edge_pool *p;
	fedns_recordset *rs = NULL;

	OK(fedns_deployment_new(&dep));
	OK(fedns_deployment_add_sip_domain(dep, "contoso.com", NULL));
	OK(fedns_deployment_add_edge_pool(dep, "edge", &p));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.10"));
	OK(fedns_edge_pool_set_access_edge_host(p, label64));
	ck_assert_int_eq(fedns_deployment_derive(dep, &rs), FEDNS_EINVALID);
	OK(fedns_edge_pool_set_access_edge_host(p, label63));
	OK(fedns_deployment_derive(dep, &rs));
	check_renders(rs, NULL);
	fedns_recordset_free(rs);
	/* 63 + 1 + 190 = 254 octets: S itself is too long. */
	OK(fedns_deployment_add_sip_domain(dep, domain, NULL));
	ck_assert_int_eq(fedns_deployment_derive(dep, &rs), FEDNS_EINVALID);
	ck_assert_ptr_null(rs);
	fedns_deployment_free(dep);
	free(label64);
	free(label63);
	free(domain);
}
END_TEST

/* ---- TTLs -------------------------------------------------------------------- */

START_TEST(test_ttl_extremes)
{
	static const struct {
		int64_t ttl;
		int ok;
	} cases[] = {
		{0, 1}, {2147483647, 1}, {2147483648LL, 0}, {-1, 0}, {INT64_MIN, 0},
		{INT64_MAX, 0}, {4294967296LL + 3600, 0},
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		fedns_deployment *dep = with_value(AT_COUNT, NULL);
		fedns_recordset *rs = NULL;

		OK(fedns_deployment_set(dep, FEDNS_OPT_TTL, cases[i].ttl));
		ck_assert_int_eq(fedns_deployment_derive(dep, &rs),
				 cases[i].ok ? FEDNS_OK : FEDNS_EINVALID);
		if (rs) {
			ck_assert_uint_eq(fedns_record_ttl(rs, 0), (uint32_t)cases[i].ttl);
			check_renders(rs, NULL);
		} else {
			fedns_diagnostics *g;

			OK(fedns_deployment_validate(dep, &g));
			ck_assert_uint_eq(check_diagnostics(g), 1);
			ck_assert_str_eq(fedns_diagnostic_rule(g, 0), "V14");
			fedns_diagnostics_free(g);
		}
		fedns_recordset_free(rs);
		fedns_deployment_free(dep);
	}
}
END_TEST

/* ---- A million SIP domains ------------------------------------------------------ */

/* Reads the zone as it streams out, line by line, without keeping it. */
struct zone_stream {
	char line[1024];
	size_t used;
	size_t lines, records, bytes;
	int bad;
	char why[512];
};

static int stream_lines(void *ud, const char *data, size_t len)
{
	struct zone_stream *z = ud;
	size_t i;

	z->bytes += len;
	for (i = 0; i < len && !z->bad; i++) {
		int is_record;

		if (data[i] != '\n') {
			if (z->used == sizeof(z->line)) {
				z->bad = 1;
				snprintf(z->why, sizeof(z->why), "line %zu is too long", z->lines + 1);
				break;
			}
			z->line[z->used++] = data[i];
			continue;
		}
		z->lines++;
		if (zoneline_check_line(z->line, z->used, &is_record, z->why, sizeof(z->why)))
			z->bad = 1;
		z->records += (size_t)is_record;
		z->used = 0;
	}
	return z->bad;
}

START_TEST(test_a_million_domains)
{
	const char *env = getenv("FEDNS_HOSTILE_DOMAINS");
	size_t n = env ? strtoul(env, NULL, 10) : 1000000, i;
	fedns_deployment *dep;
	fedns_edge_pool *p;
	fedns_recordset *rs = NULL;
	fedns_diagnostics *g = NULL;
	struct zone_stream z;
	char name[64];

	ck_assert_uint_ge(n, 1000);
	OK(fedns_deployment_new(&dep));
	OK(fedns_deployment_add_edge_pool(dep, "edge", &p));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.10"));
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "d%zu.example", i);
		REQUIRE_OK(fedns_deployment_add_sip_domain(dep, name, NULL));
	}
	/* A duplicate at the very end is found (V2), naming it. */
	OK(fedns_deployment_add_sip_domain(dep, "D17.example.", NULL));
	OK(fedns_deployment_validate(dep, &g));
	ck_assert_uint_eq(fedns_diagnostics_count(g), 1);
	ck_assert_str_eq(fedns_diagnostic_rule(g, 0), "V2");
	ck_assert_str_eq(fedns_diagnostic_subject(g, 0), "d17.example");
	fedns_diagnostics_free(g);
	ck_assert_int_eq(fedns_deployment_derive(dep, &rs), FEDNS_EINVALID);
	ck_assert_msg(strstr(fedns_deployment_last_error(dep), "V2"), "%s",
		      fedns_deployment_last_error(dep));
	fedns_deployment_free(dep);

	/* Without the duplicate: R1 and R2 for each domain, in order. */
	OK(fedns_deployment_new(&dep));
	OK(fedns_deployment_add_edge_pool(dep, "edge", &p));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.10"));
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "d%zu.example", i);
		REQUIRE_OK(fedns_deployment_add_sip_domain(dep, name, NULL));
	}
	OK(fedns_deployment_derive(dep, &rs));
	ck_assert_uint_eq(fedns_recordset_count(rs), 2 * n);
	ck_assert_str_eq(fedns_record_owner(rs, 0), "_sip._tls.d0.example.");
	ck_assert_str_eq(fedns_record_owner(rs, 1), "sip.d0.example.");
	snprintf(name, sizeof(name), "sip.d%zu.example.", n - 1);
	ck_assert_str_eq(fedns_record_owner(rs, 2 * n - 1), name);
	memset(&z, 0, sizeof(z));
	OK(fedns_render_to(rs, FEDNS_FORMAT_ZONE, FEDNS_LANG_EN, stream_lines, &z));
	ck_assert_msg(!z.bad, "%s", z.why);
	ck_assert_uint_eq(z.used, 0);
	ck_assert_uint_eq(z.records, 2 * n);
	fedns_recordset_free(rs);
	fedns_deployment_free(dep);
	printf("hostile: %zu SIP domains: %zu records, %zu zone lines (%zu bytes) read back\n", n,
	       2 * n, z.lines, z.bytes);
	fflush(stdout);
}
END_TEST

/* The other entry points over many SIP domains: none may take time that
 * grows with the square of the deployment (a linear scan per name). The
 * size, 100000 domains, comes from FEDNS_HOSTILE_API_DOMAINS when set (the
 * valgrind setup lowers it); the tcase's timeout is the judge. */
START_TEST(test_every_entry_point_scales)
{
	const char *env = getenv("FEDNS_HOSTILE_API_DOMAINS");
	size_t n = env ? strtoul(env, NULL, 10) : 100000, i;
	fedns_deployment *dep;
	fedns_edge_pool *p;
	fedns_diagnostics *g = NULL;
	fedns_policy *policy = NULL;
	fedns_certs *certs = NULL;
	fedns_probes *probes = NULL;
	fedns_observed *obs = NULL;
	fedns_findings *findings = NULL;
	char name[64];
	int verdict;

	ck_assert_uint_ge(n, 100);
	OK(fedns_deployment_new(&dep));
	OK(fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1));
	OK(fedns_deployment_set(dep, FEDNS_OPT_PARTNER_DISCOVERY, 1));
	OK(fedns_deployment_add_edge_pool(dep, "edge", &p));
	OK(fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.10"));
	OK(fedns_observed_new(&obs));
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "d%zu.example", i);
		REQUIRE_OK(fedns_deployment_add_sip_domain(dep, name, NULL));
		snprintf(name, sizeof(name), "sip.d%zu.example", i);
		REQUIRE_OK(fedns_observed_add_a(obs, name, 3600, "131.107.155.10", (uint32_t)i + 1));
	}
	OK(fedns_deployment_validate(dep, &g));
	ck_assert_uint_eq(fedns_diagnostics_count_severity(g, FEDNS_SEVERITY_ERROR), 0);
	fedns_diagnostics_free(g);

	OK(fedns_deployment_policy(dep, &policy));
	snprintf(name, sizeof(name), "D%zu.example.", n - 1);
	OK(fedns_policy_decide(policy, name, FEDNS_PROTOCOL_SIP, &verdict, NULL, NULL));
	ck_assert_int_eq(verdict, FEDNS_VERDICT_INTERNAL);
	fedns_policy_free(policy);

	OK(fedns_deployment_certs(dep, &certs));
	ck_assert_uint_eq(fedns_certs_count(certs), 1);
	ck_assert_uint_ge(fedns_cert_san_count(certs, 0), n);
	fedns_certs_free(certs);

	OK(fedns_deployment_probes(dep, &probes));
	ck_assert_uint_ge(fedns_probes_count(probes), 3 * n);
	fedns_probes_free(probes);

	/* Every A record is there; the SRV records are missing (D1). */
	OK(fedns_deployment_compare(dep, obs, &findings));
	ck_assert_uint_ge(fedns_findings_count(findings), 2 * n);
	fedns_findings_free(findings);

	fedns_observed_free(obs);
	fedns_deployment_free(dep);
	printf("hostile: %zu SIP domains through validate, policy, certs, probes and compare\n", n);
	fflush(stdout);
}
END_TEST

Suite *fedns_test_suite(void)
{
	Suite *s = suite_create("hostile");
	TCase *tc = tcase_create("hostile input");
	TCase *big = tcase_create("scale");
	TCase *api = tcase_create("scale of every entry point");

	tcase_add_test(tc, test_base_deployment_derives);
	tcase_add_loop_test(tc, test_hostile_value_in_every_position, 0, (int)COUNT(hostile));
	tcase_add_loop_test(tc, test_normalize_hostile, 0, (int)COUNT(hostile));
	tcase_add_loop_test(tc, test_observed_refusals_are_printable, 0, (int)COUNT(hostile));
	tcase_add_test(tc, test_label_of_63_octets_is_fine_64_is_refused);
	tcase_add_test(tc, test_names_of_253_254_octets);
	tcase_add_test(tc, test_owner_names_stay_within_253_octets);
	tcase_add_test(tc, test_long_host_labels);
	tcase_add_test(tc, test_ttl_extremes);
	suite_add_tcase(s, tc);
	tcase_set_timeout(big, 300);
	tcase_add_test(big, test_a_million_domains);
	suite_add_tcase(s, big);
	/* A second or two each when every entry point is O(n log n). */
	tcase_set_timeout(api, 60);
	tcase_add_test(api, test_every_entry_point_scales);
	suite_add_tcase(s, api);
	return s;
}
