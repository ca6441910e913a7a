/* Rendering into memory the library allocates: one pass, where
 * fedns_render() needs a sizing pass first. A binding makes its string
 * straight from this text. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "recordset.h"

/* The text follows the allocator that frees it, so that it may outlive its
 * record set. */
struct block {
	struct fedns_alloc alloc;
	char text[];
};

/* The first block holds most small record sets whole. */
#define FIRST_SIZE 65536

struct growing {
	const struct fedns_alloc *alloc;
	struct block *b;
	size_t size; /* bytes of b: the header, the text's room and its NUL */
	size_t len;  /* bytes of text so far */
	int failed;
};

/* Makes room for `more` bytes of text and the NUL. Doubling keeps the
 * copies of a long text few (and glibc grows a large block by remapping
 * it, without copying). */
static int reserve(struct growing *g, size_t more)
{
	size_t want = sizeof(struct block) + g->len + more + 1;
	size_t size = g->size ? (g->size <= SIZE_MAX / 2 ? g->size * 2 : SIZE_MAX) : FIRST_SIZE;
	struct block *b;

	if (size < want)
		size = want;
	b = fedns_alloc_array(g->alloc, g->b, size, 1);
	if (!b) {
		g->failed = 1;
		return -1;
	}
	g->b = b;
	g->size = size;
	return 0;
}

static int append(void *ud, const char *data, size_t len)
{
	struct growing *g = ud;

	if (sizeof(struct block) + g->len + len + 1 > g->size && reserve(g, len))
		return 1;
	memcpy(g->b->text + g->len, data, len);
	g->len += len;
	return 0;
}

FEDNS_API fedns_status fedns_render_alloc(const fedns_recordset *rs, int format, int lang,
					  char **text, size_t *len)
{
	struct growing g = {NULL, NULL, 0, 0, 0};
	fedns_status st;

	if (!text)
		return FEDNS_EINVAL;
	*text = NULL;
	if (!rs)
		return FEDNS_EINVAL;
	g.alloc = &rs->alloc;
	st = fedns_render_to(rs, format, lang, append, &g);
	/* An empty text still gets a block: the caller frees what it got. */
	if (st == FEDNS_OK && !g.b)
		reserve(&g, 0);
	if (st != FEDNS_OK || g.failed) {
		fedns_alloc_free(g.alloc, g.b);
		return g.failed ? FEDNS_ENOMEM : st;
	}
	g.b->alloc = rs->alloc;
	g.b->text[g.len] = '\0';
	*text = g.b->text;
	if (len)
		*len = g.len;
	return FEDNS_OK;
}

FEDNS_API void fedns_render_free(char *text)
{
	struct block *b;
	struct fedns_alloc a;

	if (!text)
		return;
	b = (struct block *)(void *)(text - offsetof(struct block, text));
	a = b->alloc;
	fedns_alloc_free(&a, b);
}
