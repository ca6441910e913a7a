/* JSON (SPEC 6): {"fedns":1,"records":[...],"diagnostics":[...]}, one
 * record or diagnostic a line. */
#include "render.h"

/* Runs of bytes that need no escape are written whole. */
static void string(struct fedns_sink *s, const char *v)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)v, *run = p;

	fedns_sink_putc(s, '"');
	for (; *p; p++) {
		if (*p != '"' && *p != '\\' && *p >= 0x20)
			continue;
		fedns_sink_put(s, (const char *)run, (size_t)(p - run));
		if (*p == '"' || *p == '\\') {
			fedns_sink_putc(s, '\\');
			fedns_sink_putc(s, (char)*p);
		} else {
			fedns_sink_puts(s, "\\u00");
			fedns_sink_putc(s, hex[*p >> 4]);
			fedns_sink_putc(s, hex[*p & 15]);
		}
		run = p + 1;
	}
	fedns_sink_put(s, (const char *)run, (size_t)(p - run));
	fedns_sink_putc(s, '"');
}

static void key(struct fedns_sink *s, const char *k)
{
	fedns_sink_puts(s, ",\"");
	fedns_sink_puts(s, k);
	fedns_sink_puts(s, "\":");
}

static void number(struct fedns_sink *s, const char *k, uint64_t v)
{
	key(s, k);
	fedns_sink_putu(s, v);
}

static void record(const struct fedns_recordset *rs, const struct fedns_record *r, int lang,
		   struct fedns_sink *s)
{
	uint32_t bit;
	int first = 1;

	fedns_sink_puts(s, "{\"owner\":");
	string(s, FEDNS_TEXT(rs, r->owner));
	key(s, "type");
	string(s, fedns_rrtype_name(r->type));
	number(s, "ttl", r->ttl);
	if (r->type == FEDNS_RR_SRV) {
		number(s, "priority", r->priority);
		number(s, "weight", r->weight);
		number(s, "port", r->port);
	}
	key(s, r->target != FEDNS_NO_TEXT ? "target" : "address");
	string(s, FEDNS_TEXT(rs, r->target != FEDNS_NO_TEXT ? r->target : r->address));
	key(s, "location");
	string(s, "external");
	key(s, "purposes");
	fedns_sink_putc(s, '[');
	for (bit = 1; bit && bit <= r->purposes; bit <<= 1) {
		if (!(r->purposes & bit))
			continue;
		if (!first)
			fedns_sink_putc(s, ',');
		string(s, fedns_purpose_name(bit));
		first = 0;
	}
	fedns_sink_putc(s, ']');
	key(s, "comment");
	string(s, fedns_render_comment(rs, r, lang));
	fedns_sink_putc(s, '}');
}

static void diagnostic(const struct fedns_diagnostics *d, const struct fedns_diagnostic *g,
		       int lang, struct fedns_sink *s)
{
	fedns_sink_puts(s, "{\"rule\":");
	string(s, g->id);
	key(s, "severity");
	string(s, fedns_severity_name(g->severity));
	key(s, "subject");
	string(s, FEDNS_AT(&d->text, g->subject));
	key(s, "message");
	string(s, FEDNS_AT(&d->text, g->message[lang]));
	fedns_sink_putc(s, '}');
}

void fedns_render_json(const struct fedns_recordset *rs, int lang, struct fedns_sink *s)
{
	size_t i;

	fedns_sink_puts(s, "{\"fedns\":1,\"records\":[");
	for (i = 0; i < rs->n; i++) {
		fedns_sink_puts(s, i ? ",\n" : "\n");
		record(rs, &rs->items[i], lang, s);
	}
	fedns_sink_puts(s, rs->n ? "\n],\"diagnostics\":[" : "],\"diagnostics\":[");
	for (i = 0; i < rs->diags.n; i++) {
		fedns_sink_puts(s, i ? ",\n" : "\n");
		diagnostic(&rs->diags, &rs->diags.items[i], lang, s);
	}
	fedns_sink_puts(s, rs->diags.n ? "\n]}\n" : "]}\n");
}
