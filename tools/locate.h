/* Finding where a key path sits in a JSON text, for error messages.
 *
 * jansson reports line and column only for syntax errors. For an error about
 * a well-formed document (an unknown key, a wrong type), the loader knows the
 * key path; this module walks the text along that path to find its position.
 * It runs only on the error path. */
#ifndef FEDNS_TOOLS_LOCATE_H
#define FEDNS_TOOLS_LOCATE_H

#include <stddef.h>

/* One step of a key path: an object member, or an array element when `key`
 * is NULL. */
struct path_step {
	const char *key;
	size_t index;
};

/* What of the last step to point at. */
enum locate_target {
	LOCATE_VALUE = 0, /* the value's first character */
	LOCATE_KEY = 1    /* the member's key (its opening quote) */
};

/* Returns the byte offset in `text` of the last step of `path` (all of `text`
 * must be well-formed JSON). When a step is missing, as for a required key
 * the document lacks, the offset is that of the object or array that should
 * have held it. An empty path gives the document's first value. */
size_t locate_path(const char *text, size_t len, const struct path_step *path, size_t depth,
		   enum locate_target target);

/* Converts a byte offset to a 1-based line and a 1-based column counted in
 * characters (UTF-8 sequences), as jansson counts them. */
void locate_line_column(const char *text, size_t len, size_t offset, unsigned long *line,
			unsigned long *column);

#endif
