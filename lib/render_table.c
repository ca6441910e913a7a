/* The seed's four-column table: location/type/port, FQDN, target address or
 * FQDN, comment; columns aligned by display width, so Chinese headings and
 * locations line up too. */
#include <string.h>

#include "render.h"

static size_t heading_width(int col, int lang)
{
	const char *h = fedns_render_seed_heading(col, lang);

	return fedns_render_width(h, strlen(h));
}

/* The first three cells of a row, rendered into a measuring sink. */
static size_t cell_width(const struct fedns_recordset *rs, const struct fedns_record *r,
			 int col, int lang)
{
	struct fedns_sink m;
	char buf[2 * FEDNS_ADDRESS_BUF + 256 + 64];

	fedns_sink_buffer(&m, buf, sizeof(buf));
	if (col == 0)
		fedns_render_location(&m, r, lang);
	else if (col == 1)
		fedns_render_relative(&m, FEDNS_TEXT(rs, r->owner));
	else
		fedns_render_data(&m, rs, r);
	return fedns_render_width(buf, m.total < sizeof(buf) ? m.total : sizeof(buf) - 1);
}

static void cell(struct fedns_sink *s, const struct fedns_recordset *rs,
		 const struct fedns_record *r, int col, int lang)
{
	if (col == 0)
		fedns_render_location(s, r, lang);
	else if (col == 1)
		fedns_render_relative(s, FEDNS_TEXT(rs, r->owner));
	else
		fedns_render_data(s, rs, r);
}

static void dashes(struct fedns_sink *s, size_t n)
{
	while (n--)
		fedns_sink_putc(s, '-');
}

void fedns_render_table(const struct fedns_recordset *rs, int lang, struct fedns_sink *s)
{
	size_t w[3], i;
	int c;

	for (c = 0; c < 3; c++)
		w[c] = heading_width(c, lang);
	for (i = 0; i < rs->n; i++)
		for (c = 0; c < 3; c++) {
			size_t k = cell_width(rs, &rs->items[i], c, lang);

			if (k > w[c])
				w[c] = k;
		}
	for (c = 0; c < 4; c++) {
		fedns_sink_puts(s, fedns_render_seed_heading(c, lang));
		if (c < 3)
			fedns_sink_pad(s, w[c] - heading_width(c, lang) + 2);
	}
	fedns_sink_putc(s, '\n');
	for (c = 0; c < 4; c++) {
		dashes(s, c < 3 ? w[c] : heading_width(c, lang));
		fedns_sink_puts(s, c < 3 ? "  " : "\n");
	}
	for (i = 0; i < rs->n; i++) {
		const struct fedns_record *r = &rs->items[i];

		for (c = 0; c < 3; c++) {
			cell(s, rs, r, c, lang);
			fedns_sink_pad(s, w[c] - cell_width(rs, r, c, lang) + 2);
		}
		fedns_sink_puts(s, fedns_render_comment(rs, r, lang));
		fedns_sink_putc(s, '\n');
	}
}
