/* The findings list: order and public accessors. */
#include "findings.h"

#include <stdlib.h>
#include <string.h>

#include "fedns/fedns.h"

#define NONE FEDNS_ARENA_NONE

struct sort_item {
	const char *owner, *expected, *observed;
	int rank, kind;
	uint32_t line;
	size_t index;
};

static int type_rank(int type)
{
	switch (type) {
	case 0:
		return 0;
	case FEDNS_RR_A:
		return 1;
	case FEDNS_RR_AAAA:
		return 2;
	case FEDNS_RR_CNAME:
		return 3;
	case FEDNS_RR_SRV:
		return 4;
	default:
		return 5 + type;
	}
}

static int text_cmp(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int compare(const void *pa, const void *pb)
{
	const struct sort_item *a = pa, *b = pb;
	int d = strcmp(a->owner, b->owner);

	if (!d)
		d = a->rank - b->rank;
	if (!d)
		d = a->kind - b->kind;
	if (!d)
		d = text_cmp(a->expected, b->expected);
	if (!d)
		d = text_cmp(a->observed, b->observed);
	if (!d)
		d = (a->line > b->line) - (a->line < b->line);
	return d ? d : (a->index > b->index) - (a->index < b->index);
}

static const char *text_at(const struct fedns_findings *f, size_t at)
{
	return at == NONE ? NULL : FEDNS_AT(&f->text, at);
}

fedns_status fedns__findings_sort(struct fedns_findings *f)
{
	struct sort_item *keys;
	struct fedns_finding *sorted;
	size_t i;

	if (f->n < 2)
		return FEDNS_OK;
	keys = fedns_alloc_array(&f->alloc, NULL, f->n, sizeof(*keys));
	sorted = keys ? fedns_alloc_array(&f->alloc, NULL, f->n, sizeof(*sorted)) : NULL;
	for (i = 0; keys && i < f->n; i++) {
		const struct fedns_finding *x = &f->items[i];

		keys[i].owner = FEDNS_AT(&f->text, x->owner);
		keys[i].expected = text_at(f, x->expected);
		keys[i].observed = text_at(f, x->observed);
		keys[i].rank = type_rank(x->type);
		keys[i].kind = x->kind;
		keys[i].line = x->line;
		keys[i].index = i;
	}
	if (!sorted) {
		fedns_alloc_free(&f->alloc, keys);
		return FEDNS_ENOMEM;
	}
	qsort(keys, f->n, sizeof(*keys), compare);
	for (i = 0; i < f->n; i++)
		sorted[i] = f->items[keys[i].index];
	memcpy(f->items, sorted, f->n * sizeof(*sorted));
	fedns_alloc_free(&f->alloc, sorted);
	fedns_alloc_free(&f->alloc, keys);
	return FEDNS_OK;
}

/* ---- Accessors ------------------------------------------------------------ */

static const struct fedns_finding *get(const fedns_findings *f, size_t i)
{
	return f && i < f->n ? &f->items[i] : NULL;
}

FEDNS_API void fedns_findings_free(fedns_findings *findings)
{
	struct fedns_alloc a;

	if (!findings)
		return;
	a = findings->alloc;
	fedns_alloc_free(&a, findings->items);
	fedns__arena_free(&findings->text, &a);
	fedns_alloc_free(&a, findings);
}

FEDNS_API size_t fedns_findings_count(const fedns_findings *findings)
{
	return findings ? findings->n : 0;
}

static const char *const kind_names[] = {
	NULL, "missing", "unexpected", "different", "near-miss", "alias", "online-conflict",
	"lookup-failed",
};

static const char *const kind_ids[] = {NULL, "D1", "D2", "D3", "D4", "D5", "D6", "D7"};

#define KINDS (sizeof(kind_names) / sizeof(kind_names[0]))

FEDNS_API const char *fedns_finding_kind_name(int kind)
{
	return kind > 0 && (size_t)kind < KINDS ? kind_names[kind] : NULL;
}

FEDNS_API int fedns_finding_kind(const fedns_findings *findings, size_t i)
{
	const struct fedns_finding *x = get(findings, i);

	return x ? x->kind : 0;
}

FEDNS_API const char *fedns_finding_id(const fedns_findings *findings, size_t i)
{
	const struct fedns_finding *x = get(findings, i);

	return x ? kind_ids[x->kind] : NULL;
}

FEDNS_API const char *fedns_finding_owner(const fedns_findings *findings, size_t i)
{
	const struct fedns_finding *x = get(findings, i);

	return x ? text_at(findings, x->owner) : NULL;
}

FEDNS_API const char *fedns_finding_expected_owner(const fedns_findings *findings, size_t i)
{
	const struct fedns_finding *x = get(findings, i);

	return x ? text_at(findings, x->expected_owner) : NULL;
}

FEDNS_API int fedns_finding_rrtype(const fedns_findings *findings, size_t i)
{
	const struct fedns_finding *x = get(findings, i);

	return x ? x->type : 0;
}

FEDNS_API const char *fedns_finding_type_name(const fedns_findings *findings, size_t i)
{
	const struct fedns_finding *x = get(findings, i);

	return x ? text_at(findings, x->type_name) : NULL;
}

FEDNS_API const char *fedns_finding_expected(const fedns_findings *findings, size_t i)
{
	const struct fedns_finding *x = get(findings, i);

	return x ? text_at(findings, x->expected) : NULL;
}

FEDNS_API const char *fedns_finding_observed(const fedns_findings *findings, size_t i)
{
	const struct fedns_finding *x = get(findings, i);

	return x ? text_at(findings, x->observed) : NULL;
}

FEDNS_API uint32_t fedns_finding_expected_ttl(const fedns_findings *findings, size_t i)
{
	const struct fedns_finding *x = get(findings, i);

	return x ? x->expected_ttl : FEDNS_TTL_UNKNOWN;
}

FEDNS_API uint32_t fedns_finding_observed_ttl(const fedns_findings *findings, size_t i)
{
	const struct fedns_finding *x = get(findings, i);

	return x ? x->observed_ttl : FEDNS_TTL_UNKNOWN;
}

FEDNS_API const char *fedns_finding_source(const fedns_findings *findings, size_t i)
{
	const struct fedns_finding *x = get(findings, i);

	return x ? text_at(findings, x->source) : NULL;
}

FEDNS_API uint32_t fedns_finding_line(const fedns_findings *findings, size_t i)
{
	const struct fedns_finding *x = get(findings, i);

	return x ? x->line : 0;
}

FEDNS_API const char *fedns_finding_hint(const fedns_findings *findings, size_t i, int lang)
{
	const struct fedns_finding *x = get(findings, i);

	if (!x || (lang != FEDNS_LANG_EN && lang != FEDNS_LANG_ZH_CN))
		return NULL;
	return text_at(findings, x->hint[lang]);
}
