/* octoDNS YAML. An octoDNS YamlProvider reads one file per zone, a mapping
 * of record names (relative, '' at the apex) to records; one document here
 * holds every zone as a mapping of zone names ("contoso.com.") to what that
 * zone's file would hold.
 *
 * Every mapping's keys come in octoDNS's order, the natural sort its loader
 * enforces (natsort: digit runs compare as numbers), so each zone's part can
 * be saved as is: zone_split.c sorts zones and names. A name with several
 * types holds a list of records. A record has `value` for one value and `values` for several, as octoDNS
 * dumps them. An SRV record whose service label is longer than RFC 6335's 15
 * characters (`_sipfederationtls`: 16) carries `octodns: {lenient: true}`,
 * since octoDNS refuses it otherwise. Comments are `#` lines above each
 * record; scalars are plain only where YAML 1.1 and 1.2 both read a string. */
#include <string.h>

#include "name.h"
#include "render.h"
#include "zone_split.h"

static const char *const header[2] = {
	"# octoDNS records, one top-level key per zone: its value is that zone's YamlProvider "
	"file (ZONE.yaml).\n",
	"# octoDNS 记录，每个区域一个顶级键：其值即该区域的 YamlProvider 文件（ZONE.yaml）。\n",
};

#define SERVICE_MAX 15 /* RFC 6335 5.1, without the underscore */

/* ---- YAML ---- */

static int lower_equal(const char *a, const char *word)
{
	for (; *a && *word; a++, word++)
		if ((*a >= 'A' && *a <= 'Z' ? *a + 32 : *a) != *word)
			return 0;
	return !*a && !*word;
}

/* Plain when it starts with a letter or underscore, holds only letters,
 * digits, `.`, `-` and `_`, and is no YAML 1.1 boolean or null: then no YAML
 * reads it as anything but a string. Otherwise single-quoted. */
static int plain(const char *v, size_t n)
{
	static const char *const words[] = {"y", "n", "yes", "no", "on", "off", "true", "false",
					    "null"};
	char buf[8];
	size_t i;

	if (!n || !((v[0] >= 'a' && v[0] <= 'z') || (v[0] >= 'A' && v[0] <= 'Z') || v[0] == '_'))
		return 0;
	for (i = 0; i < n; i++)
		if (!v[i] ||
		    !strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-", v[i]))
			return 0;
	if (n >= sizeof(buf))
		return 1;
	memcpy(buf, v, n);
	buf[n] = '\0';
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (lower_equal(buf, words[i]))
			return 0;
	return 1;
}

static void scalar(struct fedns_sink *s, const char *v, size_t n)
{
	size_t i;

	if (plain(v, n)) {
		fedns_sink_put(s, v, n);
		return;
	}
	fedns_sink_putc(s, '\'');
	for (i = 0; i < n; i++) {
		if (v[i] == '\'')
			fedns_sink_putc(s, '\'');
		fedns_sink_putc(s, v[i]);
	}
	fedns_sink_putc(s, '\'');
}

/* Where the next line of a block starts: at `indent`, or, for the first
 * line of a list item, at `indent` - 2 with "- " before it. */
struct cursor {
	struct fedns_sink *s;
	size_t indent;
	int dash;
};

static void start(struct cursor *c)
{
	if (c->dash) {
		fedns_sink_pad(c->s, c->indent - 2);
		fedns_sink_puts(c->s, "- ");
		c->dash = 0;
		return;
	}
	fedns_sink_pad(c->s, c->indent);
}

static void key(struct cursor *c, const char *k)
{
	start(c);
	fedns_sink_puts(c->s, k);
	fedns_sink_putc(c->s, ':');
}

static void number(struct cursor *c, const char *k, uint32_t v)
{
	key(c, k);
	fedns_sink_putc(c->s, ' ');
	fedns_sink_putu(c->s, v);
	fedns_sink_putc(c->s, '\n');
}

static void comment(struct fedns_sink *s, size_t indent, const struct fedns_recordset *rs,
		    const struct fedns_record *r, int lang)
{
	fedns_sink_pad(s, indent);
	fedns_sink_puts(s, "# ");
	fedns_render_note(s, rs, r, lang);
	fedns_sink_putc(s, '\n');
}

/* ---- records ---- */

/* Records items[from .. to) of a zone in octoDNS order (the split's
 * `sorted`): one name, or one name's records of one type. */
struct span {
	const struct fedns_recordset *rs;
	const size_t *items;
	size_t from, to;
	struct fedns_sink *s;
	int lang;
};

static const struct fedns_record *at(const struct span *p, size_t k)
{
	return &p->rs->items[p->items[k]];
}

/* The end of the run from `k` whose records share the owner (and the type,
 * when `by_type`). */
static size_t run_end(const struct span *p, size_t k, int by_type)
{
	const struct fedns_record *first = at(p, k);
	size_t e = k + 1;

	while (e < p->to && strcmp(FEDNS_TEXT(p->rs, at(p, e)->owner),
				   FEDNS_TEXT(p->rs, first->owner)) == 0 &&
	       (!by_type || at(p, e)->type == first->type))
		e++;
	return e;
}

static int lenient(const char *owner, int type)
{
	return type == FEDNS_RR_SRV && owner[0] == '_' && strcspn(owner + 1, ".") > SERVICE_MAX;
}

static void text_value(struct fedns_sink *s, const struct fedns_recordset *rs,
		       const struct fedns_record *r)
{
	const char *v = FEDNS_TEXT(rs, r->target != FEDNS_NO_TEXT ? r->target : r->address);

	scalar(s, v, strlen(v));
	fedns_sink_putc(s, '\n');
}

static void srv_value(struct cursor *c, const struct fedns_recordset *rs,
		      const struct fedns_record *r)
{
	number(c, "port", r->port);
	number(c, "priority", r->priority);
	key(c, "target");
	fedns_sink_putc(c->s, ' ');
	text_value(c->s, rs, r);
	number(c, "weight", r->weight);
}

/* `value: X`, `value:` and an SRV mapping, or `values:` and a list. */
static void values(struct cursor *c, const struct span *p)
{
	size_t n = p->to - p->from, k;
	int type = at(p, p->from)->type;
	struct cursor v = {p->s, c->indent + (n > 1 ? 4 : 2), 0};

	key(c, n > 1 ? "values" : "value");
	if (n == 1 && type != FEDNS_RR_SRV) {
		fedns_sink_putc(p->s, ' ');
		text_value(p->s, p->rs, at(p, p->from));
		return;
	}
	fedns_sink_putc(p->s, '\n');
	for (k = p->from; k < p->to; k++) {
		v.dash = n > 1;
		if (type == FEDNS_RR_SRV) {
			srv_value(&v, p->rs, at(p, k));
		} else {
			start(&v);
			text_value(p->s, p->rs, at(p, k));
		}
	}
}

/* One octoDNS record (one type at one name), its keys at `indent`, the
 * first after "- " when `dash`. */
static void record(const struct span *p, size_t indent, int dash)
{
	const struct fedns_record *r = at(p, p->from);
	struct cursor c = {p->s, indent, dash};

	if (lenient(FEDNS_TEXT(p->rs, r->owner), r->type)) {
		struct cursor in = {p->s, indent + 2, 0};

		key(&c, "octodns");
		fedns_sink_putc(p->s, '\n');
		key(&in, "lenient");
		fedns_sink_puts(p->s, " true\n");
	}
	number(&c, "ttl", r->ttl);
	key(&c, "type");
	fedns_sink_putc(p->s, ' ');
	fedns_sink_puts(p->s, fedns_rrtype_name(r->type));
	fedns_sink_putc(p->s, '\n');
	values(&c, p);
}

/* The comment lines above a record: one for each change of reason among
 * its values, none for the reason the name's previous record (`*prev`)
 * ended with, so that the A and AAAA records of a name share one line. */
static void comments(const struct span *p, size_t indent, const struct fedns_record **prev)
{
	size_t k;

	for (k = p->from; k < p->to; k++) {
		if (!*prev || !fedns_render_same_group(p->rs, *prev, at(p, k)))
			comment(p->s, indent, p->rs, at(p, k), p->lang);
		*prev = at(p, k);
	}
}

/* A name's key and its record, or its list of records when it has several
 * types. The first record's comment goes above the key. */
static void name(const struct span *p, const char *zone)
{
	const char *owner = FEDNS_TEXT(p->rs, at(p, p->from)->owner);
	const struct fedns_record *prev = NULL;
	struct span t = *p;
	int list;

	t.to = run_end(p, p->from, 1);
	list = t.to < p->to;
	comments(&t, 2, &prev);
	fedns_sink_pad(p->s, 2);
	scalar(p->s, owner, fedns_zone_relative_len(owner, zone));
	fedns_sink_puts(p->s, ":\n");
	for (;;) {
		record(&t, list ? 6 : 4, list);
		if (t.to == p->to)
			return;
		t.from = t.to;
		t.to = run_end(p, t.from, 1);
		comments(&t, 4, &prev);
	}
}

static void zone(const struct fedns_recordset *rs, const struct fedns_zones *zs,
		 const struct fedns_zone *z, int lang, struct fedns_sink *s)
{
	const char *zname = FEDNS_ZONE_NAME(zs, z);
	struct span p = {rs, zs->sorted + z->start, 0, z->count, s, lang};
	struct span one = p;
	char key[FEDNS_NAME_BUF + 1];
	size_t n = strlen(zname);

	/* octoDNS names zones with the trailing dot. */
	memcpy(key, zname, n);
	key[n] = '.';
	scalar(s, key, n + 1);
	fedns_sink_puts(s, ":\n");
	while (one.from < p.to) {
		one.to = run_end(&p, one.from, 0);
		name(&one, zname);
		one.from = one.to;
	}
}

void fedns_render_octodns(const struct fedns_recordset *rs, const struct fedns_zones *zs,
			  int lang, struct fedns_sink *s)
{
	size_t z;

	fedns_sink_puts(s, "---\n");
	fedns_sink_puts(s, header[lang]);
	if (!zs->nzones)
		fedns_sink_puts(s, "{}\n");
	for (z = 0; z < zs->nzones; z++)
		zone(rs, zs, &zs->zones[zs->order[z]], lang, s);
}
