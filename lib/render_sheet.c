/* A manual-entry sheet for the DNS forms of hosting providers' web UIs: one
 * section per zone (a form manages one zone), one row per record, a column
 * per form field. SRV rows fill Service, Protocol, Name, Priority, Weight,
 * Port, Target and TTL; A, AAAA and CNAME rows fill Name, Target/Address and
 * TTL. Names are relative to the zone ("@" at its apex), targets are written
 * without the trailing dot, as such forms expect. Columns are aligned by
 * display width, as in the table format. */
#include <assert.h>
#include <string.h>

#include "name.h"
#include "render.h"
#include "zone_split.h"

enum column { TYPE, SERVICE, PROTOCOL, NAME, PRIORITY, WEIGHT, PORT, TARGET, TTL, NCOLUMNS };

static const char *const headings[2][NCOLUMNS] = {
	{"Type", "Service", "Protocol", "Name", "Priority", "Weight", "Port", "Target/Address",
	 "TTL"},
	{"类型", "服务", "协议", "名称", "优先级", "权重", "端口", "目标/地址", "TTL"},
};

static const char *const zone_title[2] = {"Zone: ", "区域："};

/* One cell's text; names fit in FEDNS_NAME_BUF, numbers in 11 bytes. */
struct cell {
	char text[FEDNS_NAME_BUF + 1];
};

static void cell_copy(struct cell *c, const char *p, size_t n)
{
	assert(n < sizeof(c->text));
	memcpy(c->text, p, n);
	c->text[n] = '\0';
}

static void cell_number(struct cell *c, uint32_t v)
{
	struct fedns_sink m;

	fedns_sink_buffer(&m, c->text, sizeof(c->text));
	fedns_sink_putu(&m, v);
	fedns_sink_finish(&m);
}

/* `name` relative to the zone, "@" at its apex. */
static void cell_name(struct cell *c, const char *name, const char *zone)
{
	size_t rel = fedns_zone_relative_len(name, zone);

	if (rel)
		cell_copy(c, name, rel);
	else
		cell_copy(c, "@", 1);
}

/* "_sip._tls.contoso.com." into Service, Protocol and Name. */
static void split_srv(struct cell *cells, const char *owner, const char *zone)
{
	const char *proto = strchr(owner, '.'), *rest;

	assert(proto);
	rest = strchr(++proto, '.');
	assert(rest);
	rest++;
	cell_copy(&cells[SERVICE], owner, (size_t)(proto - owner - 1));
	cell_copy(&cells[PROTOCOL], proto, (size_t)(rest - proto - 1));
	cell_name(&cells[NAME], rest, zone);
}

static void row_cells(const struct fedns_recordset *rs, const struct fedns_record *r,
		      const char *zone, struct cell *cells)
{
	const char *owner = FEDNS_TEXT(rs, r->owner);
	const char *data = FEDNS_TEXT(rs, r->target != FEDNS_NO_TEXT ? r->target : r->address);
	size_t n = strlen(data);
	int c;

	for (c = 0; c < NCOLUMNS; c++)
		cell_copy(&cells[c], "", 0);
	cell_copy(&cells[TYPE], fedns_rrtype_name(r->type), strlen(fedns_rrtype_name(r->type)));
	if (r->type == FEDNS_RR_SRV) {
		/* Derivation builds SRV owners as _service._proto.domain. */
		split_srv(cells, owner, zone);
		cell_number(&cells[PRIORITY], r->priority);
		cell_number(&cells[WEIGHT], r->weight);
		cell_number(&cells[PORT], r->port);
	} else {
		cell_name(&cells[NAME], owner, zone);
	}
	cell_copy(&cells[TARGET], data, n && data[n - 1] == '.' ? n - 1 : n);
	cell_number(&cells[TTL], r->ttl);
}

static size_t width_of(const char *text)
{
	return fedns_render_width(text, strlen(text));
}

static void line(struct fedns_sink *s, const char *const *texts, const size_t *w)
{
	int c;

	for (c = 0; c < NCOLUMNS; c++) {
		fedns_sink_puts(s, texts[c]);
		if (c + 1 < NCOLUMNS)
			fedns_sink_pad(s, w[c] - width_of(texts[c]) + 2);
	}
	fedns_sink_putc(s, '\n');
}

static void rule(struct fedns_sink *s, const size_t *w)
{
	int c;
	size_t k;

	for (c = 0; c < NCOLUMNS; c++) {
		for (k = 0; k < w[c]; k++)
			fedns_sink_putc(s, '-');
		fedns_sink_puts(s, c + 1 < NCOLUMNS ? "  " : "\n");
	}
}

static void section(const struct fedns_recordset *rs, const struct fedns_zones *zs,
		    const struct fedns_zone *zone, int lang, struct fedns_sink *s)
{
	const char *name = FEDNS_ZONE_NAME(zs, zone);
	struct cell cells[NCOLUMNS];
	const char *texts[NCOLUMNS];
	size_t w[NCOLUMNS], k;
	int c;

	for (c = 0; c < NCOLUMNS; c++)
		w[c] = width_of(headings[lang][c]);
	for (k = 0; k < zone->count; k++) {
		row_cells(rs, &rs->items[zs->items[zone->start + k]], name, cells);
		for (c = 0; c < NCOLUMNS; c++)
			if (width_of(cells[c].text) > w[c])
				w[c] = width_of(cells[c].text);
	}
	fedns_sink_puts(s, zone_title[lang]);
	fedns_sink_puts(s, name);
	fedns_sink_puts(s, "\n\n");
	line(s, headings[lang], w);
	rule(s, w);
	for (k = 0; k < zone->count; k++) {
		row_cells(rs, &rs->items[zs->items[zone->start + k]], name, cells);
		for (c = 0; c < NCOLUMNS; c++)
			texts[c] = cells[c].text;
		line(s, texts, w);
	}
}

void fedns_render_sheet(const struct fedns_recordset *rs, const struct fedns_zones *zs, int lang,
			struct fedns_sink *s)
{
	size_t z;

	for (z = 0; z < zs->nzones; z++) {
		if (z)
			fedns_sink_putc(s, '\n');
		section(rs, zs, &zs->zones[z], lang, s);
	}
}
