#include "locate.h"

#include <jansson.h>
#include <string.h>

/* The walk only steps over JSON's structural characters (whitespace, ':',
 * ',', brackets); jansson decodes every key and measures every value, so no
 * value is parsed here by hand. */

static size_t skip_space(const char *text, size_t len, size_t i)
{
	while (i < len && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
		i++;
	return i;
}

/* Decodes the value at text[i]; returns its length in bytes (0 if none) and,
 * if `out` is not NULL, the value itself for the caller to release. */
static size_t measure(const char *text, size_t len, size_t i, json_t **out)
{
	json_error_t error;
	json_t *value;

	if (i >= len)
		return 0;
	/* With JSON_DISABLE_EOF_CHECK jansson stops after one value and puts
	 * the number of bytes it read in error.position. */
	value = json_loadb(text + i, len - i, JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK, &error);
	if (!value)
		return 0;
	if (out)
		*out = value;
	else
		json_decref(value);
	return error.position > 0 ? (size_t)error.position : 0;
}

/* Steps past the value at text[i] and the ',' after it, if any. Returns the
 * offset of what follows, or `len` when the value cannot be measured. */
static size_t next_item(const char *text, size_t len, size_t i)
{
	size_t n = measure(text, len, i, NULL);

	if (n == 0)
		return len;
	i = skip_space(text, len, i + n);
	if (i < len && text[i] == ',')
		i = skip_space(text, len, i + 1);
	return i;
}

/* Whether the string at text[i] decodes to `key`; `*end` receives the offset
 * just past it. */
static int key_matches(const char *text, size_t len, size_t i, const char *key, size_t *end)
{
	json_t *decoded = NULL;
	size_t n = measure(text, len, i, &decoded);
	int match;

	if (n == 0)
		return -1;
	match = json_is_string(decoded) && strcmp(json_string_value(decoded), key) == 0;
	json_decref(decoded);
	*end = i + n;
	return match;
}

/* In the object at text[at], finds member `key`: `*key_at` and `*value_at`
 * receive the offsets of its key and its value. Returns 0, or -1 if absent. */
static int find_member(const char *text, size_t len, size_t at, const char *key, size_t *key_at,
		       size_t *value_at)
{
	size_t i = skip_space(text, len, at + 1);

	while (i < len && text[i] == '"') {
		size_t end;
		int match = key_matches(text, len, i, key, &end);

		if (match < 0)
			return -1;
		end = skip_space(text, len, end);
		if (end >= len || text[end] != ':')
			return -1;
		end = skip_space(text, len, end + 1);
		if (match) {
			*key_at = i;
			*value_at = end;
			return 0;
		}
		i = next_item(text, len, end);
	}
	return -1;
}

/* In the array at text[at], finds element `index`; `*value_at` receives its
 * offset. Returns 0, or -1 if the array is shorter. */
static int find_element(const char *text, size_t len, size_t at, size_t index, size_t *value_at)
{
	size_t i = skip_space(text, len, at + 1);
	size_t k;

	for (k = 0; i < len && text[i] != ']'; k++) {
		if (k == index) {
			*value_at = i;
			return 0;
		}
		i = next_item(text, len, i);
	}
	return -1;
}

size_t locate_path(const char *text, size_t len, const struct path_step *path, size_t depth,
		   enum locate_target target)
{
	size_t at = skip_space(text, len, 0);
	size_t s;

	for (s = 0; s < depth && at < len; s++) {
		size_t key_at = at, value_at;
		int found;

		if (path[s].key)
			found = text[at] == '{' &&
				find_member(text, len, at, path[s].key, &key_at, &value_at) == 0;
		else
			found = text[at] == '[' &&
				find_element(text, len, at, path[s].index, &value_at) == 0;
		if (!found)
			break;
		at = s + 1 == depth && target == LOCATE_KEY ? key_at : value_at;
	}
	return at < len ? at : len;
}

void locate_line_column(const char *text, size_t len, size_t offset, unsigned long *line,
			unsigned long *column)
{
	size_t i;

	*line = 1;
	*column = 1;
	for (i = 0; i < offset && i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c == '\n') {
			++*line;
			*column = 1;
		} else if ((c & 0xC0) != 0x80) {
			/* UTF-8 continuation bytes belong to the previous character. */
			++*column;
		}
	}
}
