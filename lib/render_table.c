/* The seed's four-column table: location/type/port, FQDN, target address or
 * FQDN, comment; columns aligned by display width, so Chinese headings and
 * locations line up too. */
#include <string.h>

#include "render.h"

static const char *const headings[2][4] = {
	{"Location/Type/Port", "FQDN", "IP address/FQDN", "Comment"},
	{"位置/类型/端口", "FQDN", "IP 地址/FQDN", "映射位置/注释"},
};

/* Columns of East Asian wide characters take two cells. */
static int wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
	       (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	       (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	       (cp >= 0xffe0 && cp <= 0xffe6);
}

static size_t width(const char *text, size_t n)
{
	const unsigned char *p = (const unsigned char *)text, *end = p + n;
	size_t w = 0;

	while (p < end) {
		uint32_t cp = *p++;
		int more = cp >= 0xf0 ? 3 : cp >= 0xe0 ? 2 : cp >= 0xc0 ? 1 : 0;

		cp &= more == 3 ? 0x07 : more == 2 ? 0x0f : more == 1 ? 0x1f : 0x7f;
		while (more-- > 0 && p < end)
			cp = (cp << 6) | (*p++ & 0x3f);
		w += wide(cp) ? 2 : 1;
	}
	return w;
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
	return width(buf, m.total < sizeof(buf) ? m.total : sizeof(buf) - 1);
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
		w[c] = width(headings[lang][c], strlen(headings[lang][c]));
	for (i = 0; i < rs->n; i++)
		for (c = 0; c < 3; c++) {
			size_t k = cell_width(rs, &rs->items[i], c, lang);

			if (k > w[c])
				w[c] = k;
		}
	for (c = 0; c < 4; c++) {
		fedns_sink_puts(s, headings[lang][c]);
		if (c < 3)
			fedns_sink_pad(s, w[c] - width(headings[lang][c], strlen(headings[lang][c])) + 2);
	}
	fedns_sink_putc(s, '\n');
	for (c = 0; c < 4; c++) {
		dashes(s, c < 3 ? w[c] : width(headings[lang][c], strlen(headings[lang][c])));
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
