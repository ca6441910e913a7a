/* The seed's four-column table as a GitHub-flavoured Markdown table, under
 * the table format's headings: names and data in code spans (so that an
 * underscore never turns into emphasis), the comment as escaped text. */
#include <string.h>

#include "render.h"

/* Library text in a table cell, on one line. A `|` would end the cell; the
 * other ASCII punctuation Markdown acts on (emphasis, links, HTML, entities,
 * code, strikethrough) is escaped too, with the backslash CommonMark allows
 * before any ASCII punctuation, so the text reads exactly as written. */
static void text(struct fedns_sink *s, const char *v)
{
	static const char active[] = "\\`*_[]<>|&~";
	const char *p = v, *run = v;

	while (*p) {
		size_t k = fedns_render_breaker(p);

		if (!k && !strchr(active, *p)) {
			p++;
			continue;
		}
		fedns_sink_put(s, run, (size_t)(p - run));
		if (k) {
			fedns_sink_putc(s, ' ');
			p += k;
		} else {
			fedns_sink_putc(s, '\\');
			fedns_sink_putc(s, *p++);
		}
		run = p;
	}
	fedns_sink_put(s, run, (size_t)(p - run));
}

/* A name or address in a code span; neither holds a backtick or a `|`. */
static void code(struct fedns_sink *s, const struct fedns_recordset *rs,
		 const struct fedns_record *r, int owner)
{
	fedns_sink_putc(s, '`');
	if (owner)
		fedns_render_relative(s, FEDNS_TEXT(rs, r->owner));
	else
		fedns_render_data(s, rs, r);
	fedns_sink_putc(s, '`');
}

static void row(struct fedns_sink *s, const struct fedns_recordset *rs,
		const struct fedns_record *r, int lang)
{
	fedns_sink_puts(s, "| ");
	fedns_render_location(s, r, lang);
	fedns_sink_puts(s, " | ");
	code(s, rs, r, 1);
	fedns_sink_puts(s, " | ");
	code(s, rs, r, 0);
	fedns_sink_puts(s, " | ");
	text(s, fedns_render_comment(rs, r, lang));
	fedns_sink_puts(s, " |\n");
}

void fedns_render_markdown(const struct fedns_recordset *rs, int lang, struct fedns_sink *s)
{
	size_t i;
	int c;

	for (c = 0; c < 4; c++) {
		fedns_sink_puts(s, "| ");
		text(s, fedns_render_seed_heading(c, lang));
		fedns_sink_putc(s, ' ');
	}
	fedns_sink_puts(s, "|\n| --- | --- | --- | --- |\n");
	for (i = 0; i < rs->n; i++)
		row(s, rs, &rs->items[i], lang);
}
