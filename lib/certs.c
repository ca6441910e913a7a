/* Certificate names (SPEC 6a): per edge pool serving an on-premises SIP
 * domain with users, the Access Edge external certificate's subject, its
 * subject alternative names in order with the reason for each, and notes.
 * Sources: Lync Server 2013 "Certificate requirements for external user
 * access" and the certificate summaries for XMPP federation and public IM;
 * Skype for Business Server 2015 "Edge Server environmental requirements"
 * for xmpp.<domain> (docs/certs.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "list.h"
#include "model.h"
#include "name.h"
#include "refuse.h"

struct san {
	size_t name;   /* arena offsets */
	size_t why[2]; /* by fedns_lang */
	int reason;    /* fedns_san_reason */
};

struct note {
	int kind;      /* fedns_cert_note */
};

struct cert {
	size_t pool, subject, subject_why[2];
	size_t first_san, nsans;
	size_t first_note, nnotes;
};

struct fedns_certs {
	struct fedns_alloc alloc;
	struct cert *certs;
	size_t ncerts, certcap;
	struct san *sans;
	size_t nsans, sancap;
	struct note *notes;
	size_t nnotes, notecap;
	struct fedns_arena text;
};

#define NO_TEXT FEDNS_ARENA_NONE
#define TEXT_MAX 640

/* ---- Reasons and notes, English and Simplified Chinese -------------------- */

static const char *const san_text[][2] = {
	[FEDNS_SAN_SUBJECT] = {
		"the subject again: TLS checks the subject alternative names, not the subject",
		"再次列出使用者名称：TLS 检查使用者可选名称，而不是使用者名称"},
	[FEDNS_SAN_WEBCONF] = {
		"Web Conferencing Edge external interface of pool %s: the same certificate serves it",
		"池 %s 的 Web 会议边缘外部接口：由同一证书提供服务"},
	[FEDNS_SAN_SIP_DOMAIN] = {
		"Access Edge external FQDN of SIP domain %s, which this pool also serves (federation "
		"and client auto-configuration)",
		"此池同时服务的 SIP 域 %s 的访问边缘外部 FQDN（用于联盟和客户端自动配置）"},
	[FEDNS_SAN_XMPP_DOMAIN] = {
		"SIP domain %s federates over XMPP: the bare domain is its XMPP namespace",
		"SIP 域 %s 通过 XMPP 联盟：根域名即其 XMPP 命名空间"},
	[FEDNS_SAN_XMPP_HOST] = {
		"XMPP proxy FQDN of SIP domain %s, which Skype for Business Server 2015 lists",
		"SIP 域 %s 的 XMPP 代理 FQDN，Skype for Business Server 2015 要求列出"},
};

static const char *const subject_text[2] = {
	"Access Edge external FQDN of %s, the first SIP domain the pool serves; never a wildcard",
	"该池服务的第一个 SIP 域 %s 的访问边缘外部 FQDN；不得使用通配符",
};

static const char *const note_text[][2] = {
	[FEDNS_NOTE_PUBLIC_CA] = {
		"Request the certificate from a public certification authority that supports "
		"subject alternative names.",
		"向支持使用者可选名称的公共证书颁发机构申请此证书。"},
	[FEDNS_NOTE_EXPORTABLE_KEY] = {
		"Make the private key exportable: every member of a DNS or hardware load-balanced "
		"pool carries the same certificate and key (the A/V Authentication service needs "
		"one key across the pool).",
		"将私钥设为可导出：DNS 或硬件负载平衡池的每个成员都使用相同的证书和私钥"
		"（A/V 身份验证服务要求池中使用同一私钥）。"},
	[FEDNS_NOTE_CLIENT_EKU] = {
		"Public IM connectivity is enabled: include the client EKU besides the server EKU "
		"(AOL required it).",
		"已启用公共即时消息连接：除服务器 EKU 外还应包含客户端 EKU（AOL 曾要求）。"},
	[FEDNS_NOTE_NO_WILDCARD] = {
		"The Skype for Business Server 2015 table also lists a wildcard (*.domain) for each "
		"XMPP domain; fedns never emits a wildcard: the explicit names above serve XMPP "
		"federation.",
		"Skype for Business Server 2015 的表格还为每个 XMPP 域列出了通配符（*.域名）；"
		"fedns 从不生成通配符：上面列出的明确名称即可满足 XMPP 联盟。"},
};

/* ---- Storage ------------------------------------------------------------ */

static size_t add_text(struct fedns_certs *c, const char *s)
{
	return fedns__arena_str(&c->text, &c->alloc, s);
}

/* `text` with its one "%s" (if any) replaced by `arg`, into `buf`. The
 * texts are tables, not literals, so printf's format checks cannot see
 * them; a plain substitution needs none. */
static const char *fill_in(char *buf, size_t cap, const char *text, const char *arg)
{
	const char *at = strstr(text, "%s");

	if (!at)
		return text;
	snprintf(buf, cap, "%.*s%s%s", (int)(at - text), text, arg, at + 2);
	return buf;
}

/* Writes a reason in both languages; `arg` fills the text's %s. */
static fedns_status add_why(struct fedns_certs *c, const char *const text[2], const char *arg,
			    size_t why[2])
{
	char buf[TEXT_MAX];
	int lang;

	for (lang = 0; lang < 2; lang++) {
		why[lang] = add_text(c, fill_in(buf, sizeof(buf), text[lang], arg));
		if (why[lang] == NO_TEXT)
			return FEDNS_ENOMEM;
	}
	return FEDNS_OK;
}

/* ---- Building ----------------------------------------------------------- */

/* The pool serving domain `d` (SPEC 1), or NULL. */
static const struct fedns_edge_pool *pool_of(const fedns_deployment *dep,
					     const struct fedns_sip_domain *d)
{
	size_t i = fedns_pool_of(dep, d);

	return i == FEDNS_NO_POOL ? NULL : FEDNS_POOL(dep, i);
}

static int wants_certificate(const struct fedns_sip_domain *d)
{
	return d->users && d->hosting == FEDNS_HOSTING_ON_PREMISES;
}

/* `label`.`domain` folded into `out`; 0 on failure (validation rules it out). */
static int join(const char *label, const char *domain, char *out)
{
	char buf[2 * FEDNS_NAME_BUF];
	size_t nl = strlen(label), nd = strlen(domain);

	if (nl + 1 + nd >= sizeof(buf))
		return 0;
	memcpy(buf, label, nl);
	buf[nl] = '.';
	memcpy(buf + nl + 1, domain, nd + 1);
	return fedns_name_fold(buf, out, NULL) == FEDNS_NAME_OK;
}

/* S of domain `d` (folded) on pool `p`. */
static int access_fqdn(const struct fedns_edge_pool *p, const char *d, char *out)
{
	const char *fqdn = p->edges[FEDNS_EDGE_ACCESS].fqdn;

	if (fqdn)
		return fedns_name_fold(fqdn, out, NULL) == FEDNS_NAME_OK;
	return join(fedns_pool_access_host(p), d, out);
}

/* A SAN and where it stands, for finding repeats by sorting. */
struct ranked {
	const char *name;
	size_t at;
};

static int by_name_place(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	int d = strcmp(a->name, b->name);

	return d ? d : (a->at > b->at) - (a->at < b->at);
}

/* Lists each name of the last certificate once, with the reason that put
 * it there first. Sorting, not a scan per name: a pool may serve 10^5
 * domains. */
static fedns_status drop_repeated_sans(struct fedns_certs *c)
{
	struct cert *k = &c->certs[c->ncerts - 1];
	struct san *sans = c->sans + k->first_san;
	struct ranked *r;
	unsigned char *repeat;
	size_t i, kept = 0, n = k->nsans;

	if (n < 2)
		return FEDNS_OK;
	r = fedns_alloc_array(&c->alloc, NULL, n, sizeof(*r));
	repeat = r ? fedns_alloc_malloc(&c->alloc, n) : NULL;
	if (!repeat) {
		fedns_alloc_free(&c->alloc, r);
		return FEDNS_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		r[i].name = FEDNS_AT(&c->text, sans[i].name);
		r[i].at = i;
	}
	qsort(r, n, sizeof(*r), by_name_place);
	memset(repeat, 0, n);
	for (i = 1; i < n; i++)
		repeat[r[i].at] = strcmp(r[i].name, r[i - 1].name) == 0;
	for (i = 0; i < n; i++)
		if (!repeat[i])
			sans[kept++] = sans[i];
	k->nsans = kept;
	c->nsans = k->first_san + kept;
	fedns_alloc_free(&c->alloc, repeat);
	fedns_alloc_free(&c->alloc, r);
	return FEDNS_OK;
}

/* Appends SAN `name` to the last certificate; drop_repeated_sans() removes
 * the repeats once the certificate is complete. */
static fedns_status add_san(struct fedns_certs *c, const char *name, int reason, const char *arg)
{
	struct cert *k = &c->certs[c->ncerts - 1];
	struct san *s;
	void *p;

	p = fedns_grow(&c->alloc, c->sans, &c->sancap, c->nsans, sizeof(*c->sans));
	if (!p)
		return FEDNS_ENOMEM;
	c->sans = p;
	s = &c->sans[c->nsans];
	s->reason = reason;
	s->name = add_text(c, name);
	if (s->name == NO_TEXT || add_why(c, san_text[reason], arg, s->why))
		return FEDNS_ENOMEM;
	c->nsans++;
	k->nsans++;
	return FEDNS_OK;
}

static fedns_status add_note(struct fedns_certs *c, int kind)
{
	void *p = fedns_grow(&c->alloc, c->notes, &c->notecap, c->nnotes, sizeof(*c->notes));

	if (!p)
		return FEDNS_ENOMEM;
	c->notes = p;
	c->notes[c->nnotes++].kind = kind;
	c->certs[c->ncerts - 1].nnotes++;
	return FEDNS_OK;
}

/* Opens the certificate of pool `p`, whose first domain is `d`. */
static fedns_status open_cert(struct fedns_certs *c, const struct fedns_edge_pool *p,
			      const char *d, const char *subject)
{
	struct cert *k;
	void *q = fedns_grow(&c->alloc, c->certs, &c->certcap, c->ncerts, sizeof(*c->certs));

	if (!q)
		return FEDNS_ENOMEM;
	c->certs = q;
	k = &c->certs[c->ncerts];
	memset(k, 0, sizeof(*k));
	k->first_san = c->nsans;
	k->first_note = c->nnotes;
	k->pool = add_text(c, p->name);
	k->subject = add_text(c, subject);
	if (k->pool == NO_TEXT || k->subject == NO_TEXT ||
	    add_why(c, subject_text, d, k->subject_why))
		return FEDNS_ENOMEM;
	c->ncerts++;
	return add_san(c, subject, FEDNS_SAN_SUBJECT, d);
}

/* The SIP domains of pool `p`, in document order: the first opens the
 * certificate (its S is the subject), the others add their S. */
static fedns_status add_domains(struct fedns_certs *c, const fedns_deployment *dep,
				const struct fedns_edge_pool *p)
{
	size_t before = c->ncerts;
	char d[FEDNS_NAME_BUF], s[FEDNS_NAME_BUF], w[FEDNS_NAME_BUF];
	size_t i;
	fedns_status st = FEDNS_OK;

	for (i = 0; !st && i < dep->domains.n; i++) {
		const struct fedns_sip_domain *dom = FEDNS_DOMAIN(dep, i);

		if (!wants_certificate(dom) || pool_of(dep, dom) != p)
			continue;
		if (fedns_name_fold(dom->name, d, NULL) != FEDNS_NAME_OK || !access_fqdn(p, d, s))
			return FEDNS_EINVALID;
		if (c->ncerts > before) {
			st = add_san(c, s, FEDNS_SAN_SIP_DOMAIN, d);
			continue;
		}
		st = open_cert(c, p, d, s);
		if (!st && p->edges[FEDNS_EDGE_WEBCONF].fqdn &&
		    fedns_name_fold(p->edges[FEDNS_EDGE_WEBCONF].fqdn, w, NULL) == FEDNS_NAME_OK)
			st = add_san(c, w, FEDNS_SAN_WEBCONF, p->name);
	}
	return st;
}

/* On the XMPP pool's certificate: each XMPP domain, and with SfB 2015 its
 * XMPP proxy FQDN. Returns whether it added any, through `*added`. */
static fedns_status add_xmpp(struct fedns_certs *c, const fedns_deployment *dep,
			     const struct fedns_edge_pool *p, int *added)
{
	char d[FEDNS_NAME_BUF], x[FEDNS_NAME_BUF];
	size_t i;
	fedns_status st = FEDNS_OK;

	for (i = 0; !st && i < dep->domains.n; i++) {
		const struct fedns_sip_domain *dom = FEDNS_DOMAIN(dep, i);

		if (!dom->xmpp || !wants_certificate(dom))
			continue;
		if (fedns_name_fold(dom->name, d, NULL) != FEDNS_NAME_OK)
			return FEDNS_EINVALID;
		*added = 1;
		st = add_san(c, d, FEDNS_SAN_XMPP_DOMAIN, d);
		if (!st && dep->server == FEDNS_SERVER_SFB2015) {
			if (!join(fedns_pool_xmpp_host(p), d, x))
				return FEDNS_EINVALID;
			st = add_san(c, x, FEDNS_SAN_XMPP_HOST, d);
		}
	}
	return st;
}

static fedns_status add_pool(struct fedns_certs *c, const fedns_deployment *dep,
			     const struct fedns_edge_pool *p)
{
	size_t before = c->ncerts;
	int xmpp = 0;
	fedns_status st = add_domains(c, dep, p);

	if (st || c->ncerts == before)
		return st;
	if (p->xmpp_proxy)
		st = add_xmpp(c, dep, p, &xmpp);
	if (!st)
		st = drop_repeated_sans(c);
	if (!st)
		st = add_note(c, FEDNS_NOTE_PUBLIC_CA);
	if (!st)
		st = add_note(c, FEDNS_NOTE_EXPORTABLE_KEY);
	if (!st && dep->public_im)
		st = add_note(c, FEDNS_NOTE_CLIENT_EKU);
	if (!st && xmpp && dep->server == FEDNS_SERVER_SFB2015)
		st = add_note(c, FEDNS_NOTE_NO_WILDCARD);
	return st;
}

FEDNS_API void fedns_certs_free(fedns_certs *certs)
{
	struct fedns_alloc a;

	if (!certs)
		return;
	a = certs->alloc;
	fedns_alloc_free(&a, certs->certs);
	fedns_alloc_free(&a, certs->sans);
	fedns_alloc_free(&a, certs->notes);
	fedns__arena_free(&certs->text, &a);
	fedns_alloc_free(&a, certs);
}

FEDNS_API fedns_status fedns_deployment_certs(fedns_deployment *dep, fedns_certs **out)
{
	struct fedns_certs *c;
	fedns_status st;
	size_t i;

	if (!dep)
		return FEDNS_EINVAL;
	fedns_clear_error(dep);
	if (!out)
		return fedns_fail(dep, FEDNS_EINVAL, "fedns_deployment_certs: out is NULL");
	*out = NULL;
	st = fedns__refuse_invalid(dep);
	if (st)
		return st;
	c = fedns_alloc_malloc(&dep->alloc, sizeof(*c));
	if (!c)
		return fedns_fail(dep, FEDNS_ENOMEM, "out of memory");
	memset(c, 0, sizeof(*c));
	c->alloc = dep->alloc;
	for (i = 0; !st && i < dep->pools.n; i++)
		st = add_pool(c, dep, FEDNS_POOL(dep, i));
	if (st) {
		fedns_certs_free(c);
		return fedns_fail(dep, st, st == FEDNS_ENOMEM ? "out of memory" :
				  "internal error: validation accepted a name certificates cannot use");
	}
	*out = c;
	return FEDNS_OK;
}

/* ---- Accessors ---------------------------------------------------------- */

static const struct cert *cert_at(const fedns_certs *c, size_t i)
{
	return c && i < c->ncerts ? &c->certs[i] : NULL;
}

static const struct san *san_at(const fedns_certs *c, size_t i, size_t j)
{
	const struct cert *k = cert_at(c, i);

	return k && j < k->nsans ? &c->sans[k->first_san + j] : NULL;
}

static int good_lang(int lang)
{
	return lang == FEDNS_LANG_EN || lang == FEDNS_LANG_ZH_CN;
}

FEDNS_API size_t fedns_certs_count(const fedns_certs *certs)
{
	return certs ? certs->ncerts : 0;
}

FEDNS_API const char *fedns_cert_pool(const fedns_certs *certs, size_t i)
{
	const struct cert *k = cert_at(certs, i);

	return k ? FEDNS_AT(&certs->text, k->pool) : NULL;
}

FEDNS_API const char *fedns_cert_subject(const fedns_certs *certs, size_t i)
{
	const struct cert *k = cert_at(certs, i);

	return k ? FEDNS_AT(&certs->text, k->subject) : NULL;
}

FEDNS_API const char *fedns_cert_subject_why(const fedns_certs *certs, size_t i, int lang)
{
	const struct cert *k = cert_at(certs, i);

	return k && good_lang(lang) ? FEDNS_AT(&certs->text, k->subject_why[lang]) : NULL;
}

FEDNS_API size_t fedns_cert_san_count(const fedns_certs *certs, size_t i)
{
	const struct cert *k = cert_at(certs, i);

	return k ? k->nsans : 0;
}

FEDNS_API const char *fedns_cert_san(const fedns_certs *certs, size_t i, size_t j)
{
	const struct san *s = san_at(certs, i, j);

	return s ? FEDNS_AT(&certs->text, s->name) : NULL;
}

FEDNS_API int fedns_cert_san_reason(const fedns_certs *certs, size_t i, size_t j)
{
	const struct san *s = san_at(certs, i, j);

	return s ? s->reason : 0;
}

FEDNS_API const char *fedns_cert_san_why(const fedns_certs *certs, size_t i, size_t j, int lang)
{
	const struct san *s = san_at(certs, i, j);

	return s && good_lang(lang) ? FEDNS_AT(&certs->text, s->why[lang]) : NULL;
}

FEDNS_API size_t fedns_cert_note_count(const fedns_certs *certs, size_t i)
{
	const struct cert *k = cert_at(certs, i);

	return k ? k->nnotes : 0;
}

FEDNS_API int fedns_cert_note_kind(const fedns_certs *certs, size_t i, size_t k)
{
	const struct cert *c = cert_at(certs, i);

	return c && k < c->nnotes ? certs->notes[c->first_note + k].kind : 0;
}

FEDNS_API const char *fedns_cert_note_text(const fedns_certs *certs, size_t i, size_t k,
					   int lang)
{
	int kind = fedns_cert_note_kind(certs, i, k);

	return kind && good_lang(lang) ? note_text[kind][lang] : NULL;
}

FEDNS_API const char *fedns_san_reason_name(int reason)
{
	static const char *const names[] = {
		NULL, "subject", "webconf-edge", "sip-domain", "xmpp-domain", "xmpp-proxy",
	};

	return reason > 0 && (size_t)reason < sizeof(names) / sizeof(names[0]) ? names[reason] :
		NULL;
}

FEDNS_API const char *fedns_cert_note_name(int kind)
{
	static const char *const names[] = {
		NULL, "public-ca", "exportable-key", "client-eku", "no-wildcard",
	};

	return kind > 0 && (size_t)kind < sizeof(names) / sizeof(names[0]) ? names[kind] : NULL;
}
