/* An oracle for the `zone` rendering (SPEC 6): reads a rendered zone
 * fragment back line by line, the way a master-file parser would, and says
 * whether every line is a blank line, a comment, or exactly one record of
 * the shape fedns writes, with names and addresses that re-normalize to
 * themselves. Nothing may read as a directive ($ORIGIN, $INCLUDE, ...), a
 * continuation, a parenthesised multi-line record or a second record.
 * Shared by the hostile-input suite and the fuzz targets; uses only the
 * public header. */
#ifndef FEDNS_TEST_ZONELINE_H
#define FEDNS_TEST_ZONELINE_H

#include <stddef.h>

/* Checks one line (`len` bytes, without its newline). Returns 0, with
 * `*is_record` set for a record line, or -1 with the fault in `why`. */
int zoneline_check_line(const char *line, size_t len, int *is_record, char *why, size_t whycap);

/* Checks the whole text (`len` bytes; a NUL inside is an error). Returns 0
 * and the number of record lines in `*records`, or -1 with a sentence
 * naming the line and the fault in `why`. */
int zoneline_check_text(const char *text, size_t len, size_t *records, char *why,
			size_t whycap);

#endif
