/* Deployments and record dumps shared by the derivation and rendering suites. */
#ifndef FEDNS_TEST_FIXTURE_H
#define FEDNS_TEST_FIXTURE_H

#include "fedns/fedns.h"

/* One SIP domain "contoso.com" with users, one pool "edge" with access edge
 * address 131.107.155.10: the smallest valid deployment. The domain and the
 * pool are stored through `domain` and `pool` when they are not NULL. */
fedns_deployment *fixture_contoso(fedns_sip_domain **domain, fedns_edge_pool **pool);

/* fixture_contoso() with discovery and push (R3 and R4 merged), XMPP and
 * public IM, derived: one record of each SRV kind, two host names. */
fedns_recordset *fixture_full(fedns_deployment **dep);
/* fixture_contoso() derived: _sip._tls and sip. */
fedns_recordset *fixture_small(fedns_deployment **dep);

/* fixture_contoso() plus `n` SIP domains tenant0.example ..., derived:
 * enough text to cross several callback chunks. */
fedns_recordset *fixture_tenants(fedns_deployment **dep, int n);

/* Derives `dep` (which must succeed) and returns one line per record:
 * "owner TYPE data purposes", purposes joined with ",". Caller frees. */
char *fixture_records(fedns_deployment *dep);
/* Renders a record set in a format and language; caller frees. */
char *fixture_render(const fedns_recordset *rs, int format, int lang);

#endif
