/* DNS names (SPEC 5): checking, case folding, messages naming the bad label. */
#ifndef FEDNS_NAME_H
#define FEDNS_NAME_H

#include <stddef.h>

/* The longest name without its trailing dot, and a buffer that holds one. */
#define FEDNS_NAME_MAX 253
#define FEDNS_NAME_BUF (FEDNS_NAME_MAX + 1)
/* The longest label. */
#define FEDNS_LABEL_MAX 63

enum fedns_name_fault {
	FEDNS_NAME_OK = 0,
	FEDNS_NAME_EMPTY,           /* "" or "." */
	FEDNS_NAME_TOO_LONG,        /* over 253 octets */
	FEDNS_NAME_LABEL_EMPTY,     /* "a..b", ".a" */
	FEDNS_NAME_LABEL_TOO_LONG,  /* over 63 octets */
	FEDNS_NAME_LABEL_CHAR,      /* a character outside letters, digits, hyphen */
	FEDNS_NAME_LABEL_UTF8,      /* raw non-ASCII: convert to an A-label first */
	FEDNS_NAME_LABEL_HYPHEN,    /* leading or trailing hyphen */
	FEDNS_NAME_NUMERIC_TLD      /* last label all digits */
};

struct fedns_name_error {
	enum fedns_name_fault fault;
	size_t label;      /* 1-based index of the bad label, 0 if none */
	char text[64];     /* the bad label (cut at 63 octets), printable */
	char bad;          /* the bad character for LABEL_CHAR */
};

/* Checks `in` and writes its folded form (no trailing dot) to `out`, which
 * holds FEDNS_NAME_BUF bytes. Returns FEDNS_NAME_OK or the fault, with
 * details in `*err` (may be NULL). `out` is always NUL-terminated. */
enum fedns_name_fault fedns_name_fold(const char *in, char *out, struct fedns_name_error *err);

/* The length of `in` when it is a valid name already in folded form (lower
 * case, no trailing dot), which fedns_name_fold() would copy unchanged;
 * else 0, also for NULL. Lets a caller use such a name where it is instead
 * of folding a copy. */
size_t fedns_name_folded_len(const char *in);

/* An English sentence for `err` about name `in`, into `buf` (snprintf-like). */
void fedns_name_error_text(const struct fedns_name_error *err, const char *in, char *buf,
			   size_t cap);
/* The same in Simplified Chinese. */
void fedns_name_error_text_zh(const struct fedns_name_error *err, const char *in, char *buf,
			      size_t cap);

/* Checks `in` as one host label to put in front of a domain (an access
 * edge or XMPP host label) and writes it folded to `out` (FEDNS_NAME_BUF
 * bytes). All digits are fine there: SPEC 5 restricts only the last label of
 * a name. Returns 1 when it is one valid label, else 0. */
int fedns_label_fold(const char *in, char *out);

/* How many labels a folded name has. */
size_t fedns_name_labels(const char *folded);
/* Whether folded `name` is `domain` or a name under it. */
int fedns_name_within(const char *name, const char *domain);

#endif
