/* Replays fuzz inputs without libFuzzer: a main() that feeds every file
 * named on the command line, or every file in a directory named there, to
 * LLVMFuzzerTestOneInput() once. Built with each target under gcc as an
 * ordinary test (suite 'fuzz-replay'), so the committed corpus and every
 * crash ever found run on each build, sanitized or not. (zstd's
 * regression_driver, c-ares's ares-test-fuzz.) */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t size = 0, cap = 0;

	if (!f) {
		perror(path);
		return -1;
	}
	for (;;) {
		size_t got;

		if (size == cap) {
			uint8_t *p = realloc(data, cap ? cap * 2 : 4096);

			if (!p) {
				fclose(f);
				free(data);
				fprintf(stderr, "%s: out of memory\n", path);
				return -1;
			}
			data = p;
			cap = cap ? cap * 2 : 4096;
		}
		got = fread(data + size, 1, cap - size, f);
		size += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		perror(path);
		fclose(f);
		free(data);
		return -1;
	}
	fclose(f);
	/* An exact-size copy, so that ASan sees a read past the input. */
	{
		uint8_t *exact = malloc(size ? size : 1);

		if (!exact) {
			free(data);
			return -1;
		}
		memcpy(exact, data, size);
		free(data);
		LLVMFuzzerTestOneInput(exact, size);
		free(exact);
	}
	return 0;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays a directory's regular files in name order; returns how many, or
 * -1 on error. */
static long replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	long done = 0;

	if (!d) {
		perror(dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		char *path;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		path = malloc(strlen(dir) + strlen(e->d_name) + 2);
		if (!path)
			break;
		sprintf(path, "%s/%s", dir, e->d_name);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		if (n == cap) {
			char **p = realloc(names, (cap ? cap * 2 : 64) * sizeof(*names));

			if (!p) {
				free(path);
				break;
			}
			names = p;
			cap = cap ? cap * 2 : 64;
		}
		names[n++] = path;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), compare_names);
	for (i = 0; i < n; i++) {
		if (replay_file(names[i]) == 0)
			done++;
		else
			done = -1 - (long)n;
		free(names[i]);
	}
	free(names);
	return done < 0 ? -1 : done;
}

int main(int argc, char **argv)
{
	long total = 0;
	int i, failed = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE_OR_DIRECTORY...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		struct stat st;
		long n;

		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			failed = 1;
			continue;
		}
		n = S_ISDIR(st.st_mode) ? replay_dir(argv[i]) : (replay_file(argv[i]) ? -1 : 1);
		if (n < 0)
			failed = 1;
		else
			total += n;
		printf("replay: %ld inputs from %s\n", n < 0 ? 0 : n, argv[i]);
	}
	/* An empty corpus is a mistake in the build, not a pass. */
	if (total == 0)
		failed = 1;
	printf("%ld passed, %d failed\n", total, failed);
	return failed ? 1 : 0;
}
