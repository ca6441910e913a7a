/* The record set's storage and its public accessors. */
#include "recordset.h"

#include <string.h>

#include "fedns/fedns.h"

FEDNS_API void fedns_recordset_free(fedns_recordset *rs)
{
	struct fedns_alloc a;

	if (!rs)
		return;
	a = rs->alloc;
	fedns_diagnostics_clear(&rs->diags);
	fedns_alloc_free(&a, rs->items);
	fedns_alloc_free(&a, rs->comments);
	fedns__arena_free(&rs->text, &a);
	fedns_alloc_free(&a, rs->domains);
	fedns_alloc_free(&a, rs);
}

FEDNS_API size_t fedns_recordset_count(const fedns_recordset *rs)
{
	return rs ? rs->n : 0;
}

FEDNS_API const fedns_diagnostics *fedns_recordset_diagnostics(const fedns_recordset *rs)
{
	return rs ? &rs->diags : NULL;
}

static const struct fedns_record *get(const fedns_recordset *rs, size_t i)
{
	return rs && i < rs->n ? &rs->items[i] : NULL;
}

static const char *text(const fedns_recordset *rs, size_t at)
{
	return at == FEDNS_NO_TEXT ? NULL : FEDNS_TEXT(rs, at);
}

FEDNS_API const char *fedns_record_owner(const fedns_recordset *rs, size_t i)
{
	const struct fedns_record *r = get(rs, i);

	return r ? FEDNS_TEXT(rs, r->owner) : NULL;
}

FEDNS_API int fedns_record_type(const fedns_recordset *rs, size_t i)
{
	const struct fedns_record *r = get(rs, i);

	return r ? r->type : 0;
}

FEDNS_API uint32_t fedns_record_ttl(const fedns_recordset *rs, size_t i)
{
	const struct fedns_record *r = get(rs, i);

	return r ? r->ttl : 0;
}

FEDNS_API int fedns_record_location(const fedns_recordset *rs, size_t i)
{
	/* Internal DNS is out of scope for v1 (SPEC 2): every record is external. */
	return get(rs, i) ? FEDNS_LOCATION_EXTERNAL : 0;
}

FEDNS_API uint16_t fedns_record_priority(const fedns_recordset *rs, size_t i)
{
	const struct fedns_record *r = get(rs, i);

	return r ? r->priority : 0;
}

FEDNS_API uint16_t fedns_record_weight(const fedns_recordset *rs, size_t i)
{
	const struct fedns_record *r = get(rs, i);

	return r ? r->weight : 0;
}

FEDNS_API uint16_t fedns_record_port(const fedns_recordset *rs, size_t i)
{
	const struct fedns_record *r = get(rs, i);

	return r ? r->port : 0;
}

FEDNS_API const char *fedns_record_target(const fedns_recordset *rs, size_t i)
{
	const struct fedns_record *r = get(rs, i);

	return r ? text(rs, r->target) : NULL;
}

FEDNS_API const char *fedns_record_address(const fedns_recordset *rs, size_t i)
{
	const struct fedns_record *r = get(rs, i);

	return r ? text(rs, r->address) : NULL;
}

FEDNS_API uint32_t fedns_record_purposes(const fedns_recordset *rs, size_t i)
{
	const struct fedns_record *r = get(rs, i);

	return r ? r->purposes : 0;
}

FEDNS_API const char *fedns_record_comment(const fedns_recordset *rs, size_t i, int lang)
{
	const struct fedns_record *r = get(rs, i);

	if (!r || (lang != FEDNS_LANG_EN && lang != FEDNS_LANG_ZH_CN))
		return NULL;
	return FEDNS_TEXT(rs, rs->comments[r->comment].text[lang]);
}
