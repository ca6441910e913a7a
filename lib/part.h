/* The parts of the record rules (SPEC 2): each produces records of one
 * shape, with one comment. A record's comment joins the comments of the
 * parts that produced it, in this (rule) order. */
#ifndef FEDNS_PART_H
#define FEDNS_PART_H

#include <stddef.h>
#include <stdint.h>

enum fedns_part {
	FEDNS_PART_R1 = 0,       /* A/AAAA of the access edge */
	FEDNS_PART_R2,           /* SRV _sip._tls */
	FEDNS_PART_R3,           /* SRV _sipfederationtls._tcp, discovery */
	FEDNS_PART_R4,           /* the same SRV, for push notifications */
	FEDNS_PART_R5_SRV,       /* SRV _xmpp-server._tcp */
	FEDNS_PART_R5_HOST,      /* A/AAAA of the XMPP proxy name */
	FEDNS_PART_R6_WEBCONF,   /* A/AAAA of the web conferencing edge */
	FEDNS_PART_R6_AV,        /* A/AAAA of the A/V edge */
	FEDNS_PART_R7,           /* A/AAAA lyncdiscover at the reverse proxy */
	FEDNS_PART_R8_MEET,      /* A/AAAA meet at the reverse proxy */
	FEDNS_PART_R8_DIALIN,    /* A/AAAA of the dial-in simple URL */
	FEDNS_PART_R8_WEB,       /* A/AAAA of the external web services FQDN */
	FEDNS_PART_R9_SIP,       /* SRV _sip._tls to Microsoft 365 */
	FEDNS_PART_R9_FEDERATION, /* SRV _sipfederationtls._tcp to Microsoft 365 */
	FEDNS_PART_R9_SIP_ALIAS, /* CNAME sip to Microsoft 365 */
	FEDNS_PART_R9_DISCOVER,  /* CNAME lyncdiscover to Microsoft 365 */
	FEDNS_PART_COUNT
};

/* The comment of one part in a fedns_lang; never NULL for valid input. */
const char *fedns_part_comment(int part, int lang);

#endif
