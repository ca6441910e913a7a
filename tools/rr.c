#include "rr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text of one rdata field (ldns allocates it); NULL on failure. */
static char *field(const ldns_rr *rr, size_t i)
{
	const ldns_rdf *rdf = ldns_rr_rdf(rr, i);

	return rdf ? ldns_rdf2str(rdf) : NULL;
}

/* Every rdata field in master-file form, joined by spaces. */
static char *all_fields(const ldns_rr *rr)
{
	size_t i, len = 0, n = ldns_rr_rd_count(rr);
	char *out = malloc(1);

	if (!out)
		return NULL;
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		char *f = field(rr, i), *grown;
		size_t k;

		if (!f) {
			free(out);
			return NULL;
		}
		k = strlen(f);
		grown = realloc(out, len + k + 2);
		if (!grown) {
			free(f);
			free(out);
			return NULL;
		}
		out = grown;
		if (len)
			out[len++] = ' ';
		memcpy(out + len, f, k + 1);
		len += k;
		free(f);
	}
	return out;
}

static uint16_t number(const ldns_rr *rr, size_t i)
{
	const ldns_rdf *rdf = ldns_rr_rdf(rr, i);

	return rdf ? ldns_rdf2native_int16(rdf) : 0;
}

static fedns_status add(fedns_observed *obs, const ldns_rr *rr, const char *owner, uint32_t ttl,
			uint32_t line)
{
	int type = ldns_rr_get_type(rr);
	fedns_status st = FEDNS_ENOMEM;
	char *data = type == LDNS_RR_TYPE_SRV ? field(rr, 3) :
		type == LDNS_RR_TYPE_A || type == LDNS_RR_TYPE_AAAA || type == LDNS_RR_TYPE_CNAME ?
		field(rr, 0) : all_fields(rr);

	if (!data)
		return st;
	switch (type) {
	case LDNS_RR_TYPE_A:
		st = fedns_observed_add_a(obs, owner, ttl, data, line);
		break;
	case LDNS_RR_TYPE_AAAA:
		st = fedns_observed_add_aaaa(obs, owner, ttl, data, line);
		break;
	case LDNS_RR_TYPE_CNAME:
		st = fedns_observed_add_cname(obs, owner, ttl, data, line);
		break;
	case LDNS_RR_TYPE_SRV:
		st = fedns_observed_add_srv(obs, owner, ttl, number(rr, 0), number(rr, 1),
					    number(rr, 2), data, line);
		break;
	default:
		st = fedns_observed_add_other(obs, owner, ttl, type, data, line);
	}
	free(data);
	return st;
}

fedns_status rr_observe(fedns_observed *obs, const ldns_rr *rr, uint32_t line, int ttl_known,
			char *err, size_t errcap)
{
	char *owner = ldns_rdf2str(ldns_rr_owner(rr));
	fedns_status st;

	if (!owner) {
		snprintf(err, errcap, "%s", fedns_strerror(FEDNS_ENOMEM));
		return FEDNS_ENOMEM;
	}
	st = add(obs, rr, owner, ttl_known ? ldns_rr_ttl(rr) : FEDNS_TTL_UNKNOWN, line);
	if (st)
		snprintf(err, errcap, "%s", *fedns_observed_last_error(obs) ?
			 fedns_observed_last_error(obs) : fedns_strerror(st));
	free(owner);
	return st;
}
