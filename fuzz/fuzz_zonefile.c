/* Fuzz target: the CLI's zone-file reader (tools/zonefile.c, zone_load: ldns
 * reads the entries, tools/rr.c turns each into an observed record) on
 * arbitrary bytes, then the observed set compared with a fixed deployment
 * through the oracles of oracle.c. Oracles of the reader: it returns 0 or
 * -1; a failure has a message of one printable line that names the file;
 * the observed set allocates through tests/failalloc.c and leaks nothing.
 * (The deployment itself is checked once, by the model target's seeds.) */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "failalloc.h"
#include "oracle.h"
#include "zonefile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* tools/fedns.c's read_all(), which zonefile.c calls; fedns.c has main(). */
char *read_all(FILE *f, size_t *len)
{
	char *buf = NULL;
	size_t cap = 0, n = 0;

	for (;;) {
		if (n == cap) {
			char *p = realloc(buf, cap ? cap * 2 : 4096);

			if (!p) {
				free(buf);
				return NULL;
			}
			buf = p;
			cap = cap ? cap * 2 : 4096;
		}
		n += fread(buf + n, 1, cap - n, f);
		if (ferror(f)) {
			free(buf);
			return NULL;
		}
		if (feof(f))
			break;
	}
	*len = n;
	return buf;
}

/* The deployment the zone is compared with: one domain, push, XMPP, a
 * second pool, so that every kind of finding can occur. */
static fedns_deployment *deployment(void)
{
	fedns_deployment *dep;
	fedns_sip_domain *d;
	fedns_edge_pool *p;

	ORACLE(fedns_deployment_new(&dep) == FEDNS_OK, "new deployment");
	fedns_deployment_set(dep, FEDNS_OPT_ALLOW_FEDERATED_USERS, 1);
	fedns_deployment_set(dep, FEDNS_OPT_DISCOVERABLE, 1);
	fedns_deployment_add_sip_domain(dep, "contoso.com", &d);
	fedns_sip_domain_set(d, FEDNS_OPT_DOMAIN_XMPP, 1);
	fedns_deployment_add_sip_domain(dep, "fabrikam.com", NULL);
	fedns_deployment_add_edge_pool(dep, "edge", &p);
	fedns_edge_pool_set_xmpp_host(p, "xmpp");
	fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "131.107.155.10");
	fedns_edge_pool_add_address(p, FEDNS_EDGE_ACCESS, "2001:db8::10");
	fedns_edge_pool_set_fqdn(p, FEDNS_EDGE_WEBCONF, "webcon.contoso.com");
	fedns_edge_pool_add_address(p, FEDNS_EDGE_WEBCONF, "131.107.155.20");
	return dep;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	static fedns_deployment *dep;
	struct failalloc fa;
	fedns_observed *obs;
	char err[1024];
	FILE *f;
	int rc;

	if (!dep) {
		int fd;

		/* One scratch file for the whole run; the reader takes a path. */
		snprintf(path, sizeof(path), "/tmp/fedns-fuzz-zone-XXXXXX");
		fd = mkstemp(path);
		ORACLE(fd >= 0, "cannot make a scratch file");
		close(fd);
		dep = deployment();
	}
	f = fopen(path, "wb");
	ORACLE(f != NULL, "cannot write %s", path);
	ORACLE(fwrite(data, 1, size, f) == size && fclose(f) == 0, "cannot write %s", path);

	failalloc_init(&fa);
	ORACLE(fedns_observed_new_with_allocator(failalloc_malloc, failalloc_realloc, failalloc_free,
						 &fa, &obs) == FEDNS_OK,
	       "new observed set");
	err[0] = '\0';
	rc = zone_load(obs, path, "contoso.com", err, sizeof(err));
	ORACLE(rc == 0 || rc == -1, "zone_load returned %d", rc);
	if (rc) {
		ORACLE(err[0] != '\0', "a failure without a message");
		ORACLE(memchr(err, '\0', sizeof(err)) != NULL, "an unterminated message");
		ORACLE(!oracle_has_control(err, strlen(err), ""), "a control character in \"%s\"",
		       err);
		ORACLE(strstr(err, path) != NULL, "the message does not name the file: %s", err);
	} else {
		oracle_compare(dep, obs);
	}
	fedns_observed_free(obs);
	ORACLE(fa.live == 0, "%ld blocks leaked", fa.live);
	return 0;
}
