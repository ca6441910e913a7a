#include "list.h"

void *fedns_grow(const struct fedns_alloc *a, void *items, size_t *cap, size_t n, size_t size)
{
	size_t want;
	void *p;

	if (items && n < *cap)
		return items;
	want = *cap ? *cap * 2 : 8;
	if (want < *cap)
		return NULL;
	p = fedns_alloc_array(a, items, want, size);
	if (p)
		*cap = want;
	return p;
}

fedns_status fedns_strlist_push(const struct fedns_alloc *a, struct fedns_strlist *l,
				const char *s)
{
	char *copy;
	void *p;

	p = fedns_grow(a, l->items, &l->cap, l->n, sizeof(*l->items));
	if (!p)
		return FEDNS_ENOMEM;
	l->items = p;
	copy = fedns_alloc_strdup(a, s);
	if (!copy)
		return FEDNS_ENOMEM;
	l->items[l->n++] = copy;
	return FEDNS_OK;
}

void fedns_strlist_clear(const struct fedns_alloc *a, struct fedns_strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		fedns_alloc_free(a, l->items[i]);
	fedns_alloc_free(a, l->items);
	l->items = NULL;
	l->n = l->cap = 0;
}

fedns_status fedns_ptrlist_push(const struct fedns_alloc *a, struct fedns_ptrlist *l, void *item)
{
	void *p;

	p = fedns_grow(a, l->items, &l->cap, l->n, sizeof(*l->items));
	if (!p)
		return FEDNS_ENOMEM;
	l->items = p;
	l->items[l->n++] = item;
	return FEDNS_OK;
}

fedns_status fedns_entrylist_push(const struct fedns_alloc *a, struct fedns_entry_list *l,
				  const struct fedns_entry *e)
{
	void *p;

	p = fedns_grow(a, l->items, &l->cap, l->n, sizeof(*l->items));
	if (!p)
		return FEDNS_ENOMEM;
	l->items = p;
	l->items[l->n++] = *e;
	return FEDNS_OK;
}

void fedns_entrylist_clear(const struct fedns_alloc *a, struct fedns_entry_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		fedns_alloc_free(a, l->items[i].domain);
		fedns_alloc_free(a, l->items[i].proxy_fqdn);
		fedns_alloc_free(a, l->items[i].comment);
	}
	fedns_alloc_free(a, l->items);
	l->items = NULL;
	l->n = l->cap = 0;
}
