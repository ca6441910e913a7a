/* Growable arrays of the model: strings, child pointers, federation entries. */
#ifndef FEDNS_LIST_H
#define FEDNS_LIST_H

#include "model.h"

/* Each push leaves the list unchanged and returns FEDNS_ENOMEM on failure. */
fedns_status fedns_strlist_push(const struct fedns_alloc *a, struct fedns_strlist *l,
				const char *s);
void fedns_strlist_clear(const struct fedns_alloc *a, struct fedns_strlist *l);

fedns_status fedns_ptrlist_push(const struct fedns_alloc *a, struct fedns_ptrlist *l, void *item);

/* Takes ownership of the strings in `e` only on success. */
fedns_status fedns_entrylist_push(const struct fedns_alloc *a, struct fedns_entry_list *l,
				  const struct fedns_entry *e);
void fedns_entrylist_clear(const struct fedns_alloc *a, struct fedns_entry_list *l);

/* Makes room for one more element in `items`, an array of `*cap` elements
 * of `size` bytes holding `n`, doubling the capacity when full. Returns the
 * (possibly moved) array, or NULL on failure with `items` and `*cap` intact. */
void *fedns_grow(const struct fedns_alloc *a, void *items, size_t *cap, size_t n, size_t size);

#endif
