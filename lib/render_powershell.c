/* Windows DNS Server cmdlets (SPEC 6), zone by zone:
 *   Add-DnsServerResourceRecord -ZoneName "Z" -Srv -Name "_sip._tls"
 *     -DomainName "sip.contoso.com" -Priority 0 -Weight 0 -Port 443
 *     -TimeToLive 01:00:00
 *   Add-DnsServerResourceRecordA -ZoneName "Z" -Name "sip"
 *     -IPv4Address "131.107.155.10" -TimeToLive 01:00:00
 * (one line each), and ...AAAA with -IPv6Address, ...CName with
 * -HostNameAlias. There is no SRV-specific cmdlet, so an SRV record's -Name
 * is its whole owner relative to the zone; the apex is "@". A `#` line above
 * each group says why the records are needed. */
#include <string.h>

#include "render.h"
#include "zone_split.h"

/* A double-quoted PowerShell string. Inside one, `$` expands a variable and
 * the backtick escapes; PowerShell also takes the typographic quotes U+201C,
 * U+201D and U+201E for `"`. A backtick before each keeps them literal. DNS
 * names and addresses hold none of them; this is for safety, not need. */
static void string(struct fedns_sink *s, const char *v, size_t n)
{
	const unsigned char *p = (const unsigned char *)v, *end = p + n;

	fedns_sink_putc(s, '"');
	for (; p < end; p++) {
		int smart = p + 2 < end && p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0x9c &&
			    p[2] <= 0x9e;

		if (*p == '"' || *p == '`' || *p == '$' || smart)
			fedns_sink_putc(s, '`');
		if (smart) {
			fedns_sink_put(s, (const char *)p, 3);
			p += 2;
			continue;
		}
		fedns_sink_putc(s, (char)*p);
	}
	fedns_sink_putc(s, '"');
}

/* A name without its trailing dot. */
static void fqdn(struct fedns_sink *s, const char *absolute)
{
	size_t n = strlen(absolute);

	string(s, absolute, n && absolute[n - 1] == '.' ? n - 1 : n);
}

static void two_digits(struct fedns_sink *s, uint32_t v)
{
	fedns_sink_putc(s, (char)('0' + v / 10));
	fedns_sink_putc(s, (char)('0' + v % 10));
}

/* A TimeSpan as [d.]hh:mm:ss, the form -TimeToLive takes. */
static void timespan(struct fedns_sink *s, uint32_t seconds)
{
	if (seconds >= 86400) {
		fedns_sink_putu(s, seconds / 86400);
		fedns_sink_putc(s, '.');
	}
	two_digits(s, seconds % 86400 / 3600);
	fedns_sink_putc(s, ':');
	two_digits(s, seconds % 3600 / 60);
	fedns_sink_putc(s, ':');
	two_digits(s, seconds % 60);
}

static void data(struct fedns_sink *s, const struct fedns_recordset *rs,
		 const struct fedns_record *r)
{
	if (r->type == FEDNS_RR_SRV) {
		fedns_sink_puts(s, " -DomainName ");
		fqdn(s, FEDNS_TEXT(rs, r->target));
		fedns_sink_puts(s, " -Priority ");
		fedns_sink_putu(s, r->priority);
		fedns_sink_puts(s, " -Weight ");
		fedns_sink_putu(s, r->weight);
		fedns_sink_puts(s, " -Port ");
		fedns_sink_putu(s, r->port);
	} else if (r->type == FEDNS_RR_CNAME) {
		fedns_sink_puts(s, " -HostNameAlias ");
		fqdn(s, FEDNS_TEXT(rs, r->target));
	} else {
		fedns_sink_puts(s, r->type == FEDNS_RR_A ? " -IPv4Address " : " -IPv6Address ");
		fqdn(s, FEDNS_TEXT(rs, r->address));
	}
}

static void cmdlet(struct fedns_sink *s, const struct fedns_recordset *rs,
		   const struct fedns_record *r, const char *zone)
{
	const char *owner = FEDNS_TEXT(rs, r->owner);
	size_t rel = fedns_zone_relative_len(owner, zone);

	if (r->type == FEDNS_RR_SRV)
		fedns_sink_puts(s, "Add-DnsServerResourceRecord -ZoneName ");
	else if (r->type == FEDNS_RR_CNAME)
		fedns_sink_puts(s, "Add-DnsServerResourceRecordCName -ZoneName ");
	else
		fedns_sink_puts(s, r->type == FEDNS_RR_A ? "Add-DnsServerResourceRecordA -ZoneName " :
							   "Add-DnsServerResourceRecordAAAA -ZoneName ");
	string(s, zone, strlen(zone));
	fedns_sink_puts(s, r->type == FEDNS_RR_SRV ? " -Srv -Name " : " -Name ");
	if (rel)
		string(s, owner, rel);
	else
		string(s, "@", 1);
	data(s, rs, r);
	fedns_sink_puts(s, " -TimeToLive ");
	timespan(s, r->ttl);
	fedns_sink_putc(s, '\n');
}

void fedns_render_powershell(const struct fedns_recordset *rs, const struct fedns_zones *zs,
			     int lang, struct fedns_sink *s)
{
	const struct fedns_record *prev = NULL;
	size_t z, k;

	for (z = 0; z < zs->nzones; z++) {
		const struct fedns_zone *zone = &zs->zones[z];

		for (k = 0; k < zone->count; k++) {
			const struct fedns_record *r = &rs->items[zs->items[zone->start + k]];

			if (!prev || k == 0 || !fedns_render_same_group(rs, prev, r)) {
				if (prev)
					fedns_sink_putc(s, '\n');
				fedns_sink_puts(s, "# ");
				fedns_render_note(s, rs, r, lang);
				fedns_sink_putc(s, '\n');
			}
			cmdlet(s, rs, r, FEDNS_ZONE_NAME(zs, zone));
			prev = r;
		}
	}
}
