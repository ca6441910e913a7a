/* The diagnostics list: building, SPEC 3's order, public accessors. */
#include "diagnostics.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "list.h"
#include "model.h"
#include "validate.h"

void fedns_diagnostics_init(struct fedns_diagnostics *d, const struct fedns_alloc *alloc)
{
	memset(d, 0, sizeof(*d));
	d->alloc = *alloc;
}

void fedns_diagnostics_clear(struct fedns_diagnostics *d)
{
	fedns_alloc_free(&d->alloc, d->items);
	fedns__arena_free(&d->text, &d->alloc);
	d->items = NULL;
	d->n = d->cap = 0;
}

/* Each message has an English and a Chinese format taking the same
 * arguments; the compiler checks the English one at every call (see the
 * attribute on fedns_diagnostics_add), and the tests print both. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static size_t add_vformat(struct fedns_diagnostics *d, const char *fmt, va_list ap)
{
	return fedns__arena_vprintf(&d->text, &d->alloc, fmt, ap);
}
#pragma GCC diagnostic pop

/* Appends an item whose texts are already in the arena at `at`
 * (subject, English, Chinese); on failure drops the arena back to `len`. */
static fedns_status push(struct fedns_diagnostics *d, const struct fedns_diagnostic *proto,
			 const size_t at[3], size_t len)
{
	struct fedns_diagnostic *item;
	void *p = NULL;

	if (at[0] != FEDNS_ARENA_NONE && at[1] != FEDNS_ARENA_NONE && at[2] != FEDNS_ARENA_NONE)
		p = fedns_grow(&d->alloc, d->items, &d->cap, d->n, sizeof(*d->items));
	if (!p) {
		d->text.len = len;
		return FEDNS_ENOMEM;
	}
	d->items = p;
	item = &d->items[d->n];
	*item = *proto;
	item->seq = d->n;
	item->subject = at[0];
	item->message[FEDNS_LANG_EN] = at[1];
	item->message[FEDNS_LANG_ZH_CN] = at[2];
	snprintf(item->id, sizeof(item->id), "V%d", proto->rule);
	d->n++;
	return FEDNS_OK;
}

fedns_status fedns_diagnostics_add(struct fedns_diagnostics *d, int rule, int severity,
				   int section, size_t index, const char *subject,
				   const char *en, const char *zh, ...)
{
	struct fedns_diagnostic proto = {0};
	size_t len = d->text.len, at[3];
	va_list ap;

	proto.rule = rule;
	proto.severity = severity;
	proto.section = section;
	proto.index = index;
	at[0] = fedns__arena_str(&d->text, &d->alloc, subject);
	va_start(ap, zh);
	at[1] = at[0] == FEDNS_ARENA_NONE ? FEDNS_ARENA_NONE : add_vformat(d, en, ap);
	va_end(ap);
	va_start(ap, zh);
	at[2] = at[1] == FEDNS_ARENA_NONE ? FEDNS_ARENA_NONE : add_vformat(d, zh, ap);
	va_end(ap);
	return push(d, &proto, at, len);
}

static int compare(const void *pa, const void *pb)
{
	const struct fedns_diagnostic *a = pa, *b = pb;

	if (a->section != b->section)
		return a->section < b->section ? -1 : 1;
	if (a->index != b->index)
		return a->index < b->index ? -1 : 1;
	if (a->rule != b->rule)
		return a->rule < b->rule ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void fedns_diagnostics_sort(struct fedns_diagnostics *d)
{
	if (d->n > 1)
		qsort(d->items, d->n, sizeof(*d->items), compare);
}

FEDNS_API fedns_status fedns_deployment_validate(fedns_deployment *dep, fedns_diagnostics **out)
{
	struct fedns_diagnostics *d;

	if (!dep)
		return FEDNS_EINVAL;
	fedns_clear_error(dep);
	if (!out)
		return fedns_fail(dep, FEDNS_EINVAL, "fedns_deployment_validate: out is NULL");
	*out = NULL;
	d = fedns_alloc_malloc(&dep->alloc, sizeof(*d));
	if (!d)
		return fedns_fail(dep, FEDNS_ENOMEM, "out of memory");
	fedns_diagnostics_init(d, &dep->alloc);
	if (fedns_validate(dep, d)) {
		fedns_diagnostics_free(d);
		return fedns_fail(dep, FEDNS_ENOMEM, "out of memory");
	}
	*out = d;
	return FEDNS_OK;
}

FEDNS_API void fedns_diagnostics_free(fedns_diagnostics *diags)
{
	struct fedns_alloc a;

	if (!diags)
		return;
	a = diags->alloc;
	fedns_diagnostics_clear(diags);
	fedns_alloc_free(&a, diags);
}

FEDNS_API size_t fedns_diagnostics_count(const fedns_diagnostics *diags)
{
	return diags ? diags->n : 0;
}

FEDNS_API size_t fedns_diagnostics_count_severity(const fedns_diagnostics *diags, int severity)
{
	size_t i, n = 0;

	for (i = 0; diags && i < diags->n; i++)
		n += diags->items[i].severity == severity;
	return n;
}

static const struct fedns_diagnostic *item(const fedns_diagnostics *diags, size_t i)
{
	return diags && i < diags->n ? &diags->items[i] : NULL;
}

FEDNS_API const char *fedns_diagnostic_rule(const fedns_diagnostics *diags, size_t i)
{
	const struct fedns_diagnostic *d = item(diags, i);

	return d ? d->id : NULL;
}

FEDNS_API int fedns_diagnostic_severity(const fedns_diagnostics *diags, size_t i)
{
	const struct fedns_diagnostic *d = item(diags, i);

	return d ? d->severity : 0;
}

FEDNS_API const char *fedns_diagnostic_subject(const fedns_diagnostics *diags, size_t i)
{
	const struct fedns_diagnostic *d = item(diags, i);

	return d ? FEDNS_AT(&diags->text, d->subject) : NULL;
}

FEDNS_API const char *fedns_diagnostic_message(const fedns_diagnostics *diags, size_t i,
					       int lang)
{
	const struct fedns_diagnostic *d = item(diags, i);

	if (!d || (lang != FEDNS_LANG_EN && lang != FEDNS_LANG_ZH_CN))
		return NULL;
	return FEDNS_AT(&diags->text, d->message[lang]);
}
