/*
 * fedns: the DNS records a Lync Server 2013 / Skype for Business Server edge
 * deployment needs for SIP federation, XMPP federation, public IM
 * connectivity, mobility push and external access.
 *
 * This is the only public header. It is self-contained and includes nothing
 * but <stddef.h> and <stdint.h>. The library does no I/O of its own: callers
 * pass strings in and receive text through buffers or callbacks.
 *
 * Conventions
 *  - Every function that can fail returns a fedns_status. FEDNS_OK is 0.
 *  - Strings passed in are NUL-terminated UTF-8 and are copied; the caller
 *    keeps ownership of its strings.
 *  - Strings returned as `const char *` are owned by the object they came
 *    from and stay valid until that object is freed.
 *  - Objects created by fedns_deployment_add_*() belong to their deployment
 *    and are freed with it. Record sets and diagnostics are independent of
 *    the deployment that produced them and are freed on their own.
 *  - When a call on a deployment (or on an object it owns) fails,
 *    fedns_deployment_last_error() says why, naming the bad argument.
 *  - A deployment is not thread-safe; a record set and a diagnostics list
 *    are immutable and may be read from several threads at once.
 *
 * SPDX-License-Identifier: MIT
 */
#ifndef FEDNS_FEDNS_H
#define FEDNS_FEDNS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(FEDNS_BUILDING_LIBRARY) && defined(__GNUC__)
#define FEDNS_API __attribute__((visibility("default")))
#else
#define FEDNS_API
#endif

/* Written out rather than stringified so that a grep of the header finds
 * the version; meson.build checks these against the project version. */
#define FEDNS_VERSION_MAJOR 1
#define FEDNS_VERSION_MINOR 0
#define FEDNS_VERSION_PATCH 0
#define FEDNS_VERSION_STRING "1.0.0"
#define FEDNS_VERSION_NUMBER \
	(FEDNS_VERSION_MAJOR * 10000 + FEDNS_VERSION_MINOR * 100 + FEDNS_VERSION_PATCH)

/** @defgroup status Status codes
 * Values are fixed forever; new codes are only ever appended. */
typedef enum fedns_status {
	FEDNS_OK = 0,
	FEDNS_ENOMEM = 1,    /**< an allocation failed; nothing was changed */
	FEDNS_EINVAL = 2,    /**< a NULL or out-of-range argument */
	FEDNS_EBADNAME = 3,  /**< not a valid DNS name (SPEC 5) */
	FEDNS_EBADADDR = 4,  /**< not a valid IPv4 or IPv6 literal */
	FEDNS_ENOTFOUND = 5, /**< no such object (for example a SIP domain) */
	FEDNS_EINVALID = 6,  /**< the deployment has error diagnostics */
	FEDNS_ESPACE = 7,    /**< the caller's buffer was too small */
	FEDNS_ECALLBACK = 8  /**< a caller callback asked to stop */
} fedns_status;

/** The status's name ("FEDNS_ENOMEM"); "FEDNS_UNKNOWN" for other values. */
FEDNS_API const char *fedns_status_name(int status);
/** A one-line English description of the status; never NULL. */
FEDNS_API const char *fedns_strerror(int status);

/** The library's version, "MAJOR.MINOR.PATCH"; compare with
 * FEDNS_VERSION_STRING to catch a header/library mismatch. */
FEDNS_API const char *fedns_version_string(void);
/** The library's version as MAJOR*10000 + MINOR*100 + PATCH. */
FEDNS_API int fedns_version_number(void);

/** @defgroup enums Values */
typedef enum fedns_server {
	FEDNS_SERVER_LYNC2013 = 0,
	FEDNS_SERVER_SFB2015 = 1,
	FEDNS_SERVER_SFB2019 = 2,
	FEDNS_SERVER_SFBSE = 3
} fedns_server;

typedef enum fedns_load_balancing {
	FEDNS_LB_SINGLE = 0,
	FEDNS_LB_DNS = 1,
	FEDNS_LB_HARDWARE = 2
} fedns_load_balancing;

typedef enum fedns_xmpp_type {
	FEDNS_XMPP_FEDERATED = 0,
	FEDNS_XMPP_PUBLIC_VERIFIED = 1,
	FEDNS_XMPP_PUBLIC_UNVERIFIED = 2
} fedns_xmpp_type;

typedef enum fedns_negotiation {
	FEDNS_NEGOTIATION_REQUIRED = 0,
	FEDNS_NEGOTIATION_OPTIONAL = 1,
	FEDNS_NEGOTIATION_NOT_SUPPORTED = 2
} fedns_negotiation;

typedef enum fedns_verification {
	FEDNS_VERIFICATION_USE_SOURCE = 0,
	FEDNS_VERIFICATION_ALWAYS_VERIFIABLE = 1,
	FEDNS_VERIFICATION_ALWAYS_UNVERIFIABLE = 2
} fedns_verification;

/** Where a SIP domain's users are homed (SPEC 1 `hosting`). */
typedef enum fedns_hosting {
	FEDNS_HOSTING_ON_PREMISES = 0,
	FEDNS_HOSTING_ONLINE = 1 /**< moved to Microsoft 365: rule R9 */
} fedns_hosting;

/** The names a reverse proxy publishes once per deployment (rule R8). */
typedef enum fedns_proxy_name {
	FEDNS_PROXY_DIALIN = 0, /**< the dial-in conferencing simple URL */
	FEDNS_PROXY_WEB = 1     /**< the external web services FQDN */
} fedns_proxy_name;

/** The three external interfaces of an edge pool. */
typedef enum fedns_edge_role {
	FEDNS_EDGE_ACCESS = 0,
	FEDNS_EDGE_WEBCONF = 1,
	FEDNS_EDGE_AV = 2
} fedns_edge_role;

/** Settings, each set on the object its prefix names. Booleans are 0 or 1;
 * FEDNS_OPT_DISCOVERABLE also takes -1, "follow partner discovery". */
typedef enum fedns_option {
	FEDNS_OPT_TTL = 0,                   /**< deployment; 3600 */
	FEDNS_OPT_SERVER = 1,                /**< deployment; fedns_server */
	FEDNS_OPT_ALLOW_FEDERATED_USERS = 2, /**< deployment; 0 */
	FEDNS_OPT_PARTNER_DISCOVERY = 3,     /**< deployment; 0 */
	FEDNS_OPT_DISCOVERABLE = 4,          /**< deployment; -1 */
	FEDNS_OPT_PUSH_NOTIFICATIONS = 5,    /**< deployment; 0 */
	FEDNS_OPT_PUBLIC_IM = 6,             /**< deployment; 0 */
	FEDNS_OPT_EXTERNAL_ACCESS = 7,       /**< deployment; 1 */
	FEDNS_OPT_DOMAIN_USERS = 20,         /**< SIP domain; 1 */
	FEDNS_OPT_DOMAIN_MOBILITY = 21,      /**< SIP domain; 0 */
	FEDNS_OPT_DOMAIN_XMPP = 22,          /**< SIP domain; 0 */
	FEDNS_OPT_DOMAIN_HOSTING = 23,       /**< SIP domain; fedns_hosting */
	FEDNS_OPT_POOL_FEDERATION_ROUTE = 40, /**< edge pool; 0 */
	FEDNS_OPT_POOL_XMPP_PROXY = 41,      /**< edge pool; 0 */
	FEDNS_OPT_POOL_LOAD_BALANCING = 42,  /**< edge pool; fedns_load_balancing */
	FEDNS_OPT_XMPP_TYPE = 60,            /**< XMPP partner; public_unverified */
	FEDNS_OPT_XMPP_TLS = 61,             /**< XMPP partner; required */
	FEDNS_OPT_XMPP_SASL = 62,            /**< XMPP partner; required */
	FEDNS_OPT_XMPP_DIALBACK = 63,        /**< XMPP partner; 1 */
	FEDNS_OPT_PROVIDER_ENABLED = 80,     /**< public or hosting provider; 1 */
	FEDNS_OPT_PROVIDER_VERIFICATION = 81, /**< hosting provider; always_verifiable */
	FEDNS_OPT_PROXY_LYNCDISCOVER = 100,  /**< reverse proxy; 1 */
	FEDNS_OPT_PROXY_MEET = 101           /**< reverse proxy; 1 */
} fedns_option;

typedef enum fedns_lang {
	FEDNS_LANG_EN = 0,
	FEDNS_LANG_ZH_CN = 1
} fedns_lang;

/** DNS record types, with their IANA numbers. */
typedef enum fedns_rrtype {
	FEDNS_RR_A = 1,
	FEDNS_RR_CNAME = 5,
	FEDNS_RR_AAAA = 28,
	FEDNS_RR_SRV = 33
} fedns_rrtype;

typedef enum fedns_location {
	FEDNS_LOCATION_EXTERNAL = 1,
	FEDNS_LOCATION_INTERNAL = 2
} fedns_location;

/** Purpose tags of a record, a bit set; the bit order is SPEC 6's tag order. */
#define FEDNS_PURPOSE_EXTERNAL_ACCESS 0x001u
#define FEDNS_PURPOSE_PUBLIC_IM 0x002u
#define FEDNS_PURPOSE_FEDERATION_DISCOVERY 0x004u
#define FEDNS_PURPOSE_MOBILITY_PUSH 0x008u
#define FEDNS_PURPOSE_XMPP 0x010u
#define FEDNS_PURPOSE_WEBCONF 0x020u
#define FEDNS_PURPOSE_AV 0x040u
#define FEDNS_PURPOSE_AUTODISCOVER 0x080u
#define FEDNS_PURPOSE_SIMPLE_URL 0x100u
#define FEDNS_PURPOSE_ONLINE 0x200u

typedef enum fedns_severity {
	FEDNS_SEVERITY_ERROR = 1,
	FEDNS_SEVERITY_WARNING = 2,
	FEDNS_SEVERITY_INFO = 3
} fedns_severity;

typedef enum fedns_format {
	FEDNS_FORMAT_ZONE = 1,
	FEDNS_FORMAT_TABLE = 2,
	FEDNS_FORMAT_CSV = 3,
	FEDNS_FORMAT_JSON = 4
} fedns_format;

/** The tag of one purpose bit ("federation-discovery"); NULL if `bit` is not
 * exactly one known bit. */
FEDNS_API const char *fedns_purpose_name(uint32_t bit);
/** "A", "AAAA", "CNAME" or "SRV"; NULL for other values. */
FEDNS_API const char *fedns_rrtype_name(int rrtype);

/** @defgroup names Names and addresses (SPEC 5) */

/**
 * Checks a DNS name and writes its normal form (lower case, no trailing dot)
 * to `out`, which must hold `outcap` bytes (254 always suffice).
 * On FEDNS_EBADNAME, `why` (if not NULL) receives a NUL-terminated English
 * sentence naming the bad label and the reason, truncated to `whycap`.
 * @return FEDNS_OK, FEDNS_EBADNAME, FEDNS_ESPACE (`out` too small) or
 *         FEDNS_EINVAL (`name` or `out` NULL).
 */
FEDNS_API fedns_status fedns_name_normalize(const char *name, char *out, size_t outcap,
					   char *why, size_t whycap);

/**
 * Checks an IPv4 (dotted quad, no leading zeros) or IPv6 (RFC 4291) literal
 * and writes its canonical form (RFC 5952 for IPv6) to `out`; 46 bytes always
 * suffice. Errors as fedns_name_normalize(), with FEDNS_EBADADDR.
 */
FEDNS_API fedns_status fedns_address_normalize(const char *address, char *out, size_t outcap,
					      char *why, size_t whycap);

/** @defgroup model Deployment model (SPEC 1) */
typedef struct fedns_deployment fedns_deployment;
typedef struct fedns_sip_domain fedns_sip_domain;
typedef struct fedns_edge_pool fedns_edge_pool;
typedef struct fedns_xmpp_partner fedns_xmpp_partner;
typedef struct fedns_public_provider fedns_public_provider;
typedef struct fedns_hosting_provider fedns_hosting_provider;
typedef struct fedns_reverse_proxy fedns_reverse_proxy;

/** Allocator callbacks; `ud` is passed back unchanged. The library never
 * asks for zero bytes. */
typedef void *(*fedns_malloc_fn)(void *ud, size_t size);
typedef void *(*fedns_realloc_fn)(void *ud, void *ptr, size_t size);
typedef void (*fedns_free_fn)(void *ud, void *ptr);

/**
 * Creates an empty deployment with the defaults of SPEC 1.
 * @param[out] out receives the deployment; free it with fedns_deployment_free().
 * @return FEDNS_OK, FEDNS_ENOMEM or FEDNS_EINVAL (`out` NULL).
 */
FEDNS_API fedns_status fedns_deployment_new(fedns_deployment **out);

/**
 * As fedns_deployment_new(), allocating through the given callbacks; the
 * deployment, and every record set and diagnostics list made from it, use
 * them. All three must be given, or all three NULL for the C library's.
 */
FEDNS_API fedns_status fedns_deployment_new_with_allocator(fedns_malloc_fn malloc_fn,
							   fedns_realloc_fn realloc_fn,
							   fedns_free_fn free_fn, void *ud,
							   fedns_deployment **out);

/** Frees a deployment and everything it owns; NULL is allowed. */
FEDNS_API void fedns_deployment_free(fedns_deployment *dep);

/** Why the last failing call on `dep` or an object it owns failed; "" if
 * none failed yet. Owned by `dep`, valid until its next call. */
FEDNS_API const char *fedns_deployment_last_error(const fedns_deployment *dep);

/**
 * Sets a deployment option (FEDNS_OPT_TTL .. FEDNS_OPT_EXTERNAL_ACCESS).
 * A TTL outside 0..2147483647 is kept and reported by validation (V14).
 * @return FEDNS_OK or FEDNS_EINVAL (unknown option, or a value the option
 *         cannot hold); on error nothing changes.
 */
FEDNS_API fedns_status fedns_deployment_set(fedns_deployment *dep, int option, int64_t value);
/** Reads a deployment option into `*value`. */
FEDNS_API fedns_status fedns_deployment_get(const fedns_deployment *dep, int option,
					    int64_t *value);

/**
 * Appends a SIP domain. The name is kept as given (validation reports a bad
 * or duplicate name, V1 and V2). The first domain is the primary domain.
 * @param[out] out receives the domain (owned by `dep`); may be NULL.
 * @return FEDNS_OK, FEDNS_ENOMEM or FEDNS_EINVAL.
 */
FEDNS_API fedns_status fedns_deployment_add_sip_domain(fedns_deployment *dep, const char *name,
						       fedns_sip_domain **out);
/** Sets FEDNS_OPT_DOMAIN_USERS, _MOBILITY, _XMPP or _HOSTING. */
FEDNS_API fedns_status fedns_sip_domain_set(fedns_sip_domain *domain, int option, int64_t value);
/** Names the edge pool serving the domain; NULL restores the default. */
FEDNS_API fedns_status fedns_sip_domain_set_edge_pool(fedns_sip_domain *domain,
						      const char *pool_name);

/** Appends an edge pool named `name`; out may be NULL. */
FEDNS_API fedns_status fedns_deployment_add_edge_pool(fedns_deployment *dep, const char *name,
						      fedns_edge_pool **out);
/** Sets FEDNS_OPT_POOL_FEDERATION_ROUTE, _XMPP_PROXY or _LOAD_BALANCING. */
FEDNS_API fedns_status fedns_edge_pool_set(fedns_edge_pool *pool, int option, int64_t value);
/** The access edge as a host label under each SIP domain (default "sip");
 * replaces an access edge FQDN. */
FEDNS_API fedns_status fedns_edge_pool_set_access_edge_host(fedns_edge_pool *pool,
							    const char *label);
/** Sets the FQDN of one role: for FEDNS_EDGE_ACCESS, one name for every SIP
 * domain (replacing the host label); for WEBCONF and AV, that edge's name. */
FEDNS_API fedns_status fedns_edge_pool_set_fqdn(fedns_edge_pool *pool, int role,
						const char *fqdn);
/** Appends an external (public, post-NAT) address of one role. */
FEDNS_API fedns_status fedns_edge_pool_add_address(fedns_edge_pool *pool, int role,
						   const char *address);
/** The XMPP proxy's host label (default "xmpp"); also sets XMPP_PROXY. */
FEDNS_API fedns_status fedns_edge_pool_set_xmpp_host(fedns_edge_pool *pool, const char *label);

/** Appends an allowed federation domain; `proxy_fqdn` and `comment` may be NULL. */
FEDNS_API fedns_status fedns_deployment_add_allowed_domain(fedns_deployment *dep,
							   const char *domain,
							   const char *proxy_fqdn,
							   const char *comment);
/** Appends a blocked federation domain; `comment` may be NULL. */
FEDNS_API fedns_status fedns_deployment_add_blocked_domain(fedns_deployment *dep,
							   const char *domain,
							   const char *comment);

/** Appends an XMPP federation partner; out may be NULL. */
FEDNS_API fedns_status fedns_deployment_add_xmpp_partner(fedns_deployment *dep,
							 const char *domain,
							 fedns_xmpp_partner **out);
/** Sets FEDNS_OPT_XMPP_TYPE, _TLS, _SASL or _DIALBACK. */
FEDNS_API fedns_status fedns_xmpp_partner_set(fedns_xmpp_partner *partner, int option,
					      int64_t value);
/** Appends one of the partner's additional domains. */
FEDNS_API fedns_status fedns_xmpp_partner_add_domain(fedns_xmpp_partner *partner,
						     const char *domain);
/** The partner's proxy FQDN; NULL removes it. */
FEDNS_API fedns_status fedns_xmpp_partner_set_proxy_fqdn(fedns_xmpp_partner *partner,
							 const char *fqdn);

/** Appends a public IM provider; out may be NULL. */
FEDNS_API fedns_status fedns_deployment_add_public_provider(fedns_deployment *dep,
							    const char *name,
							    const char *proxy_fqdn,
							    fedns_public_provider **out);
/** Sets FEDNS_OPT_PROVIDER_ENABLED. */
FEDNS_API fedns_status fedns_public_provider_set(fedns_public_provider *provider, int option,
						 int64_t value);
/** Appends a domain the provider serves. */
FEDNS_API fedns_status fedns_public_provider_add_domain(fedns_public_provider *provider,
							const char *domain);

/** Appends a hosting provider; out may be NULL. */
FEDNS_API fedns_status fedns_deployment_add_hosting_provider(fedns_deployment *dep,
							     const char *name,
							     const char *proxy_fqdn,
							     fedns_hosting_provider **out);
/** Sets FEDNS_OPT_PROVIDER_ENABLED or FEDNS_OPT_PROVIDER_VERIFICATION. */
FEDNS_API fedns_status fedns_hosting_provider_set(fedns_hosting_provider *provider, int option,
						  int64_t value);

/**
 * Gives the deployment its reverse proxy (SPEC 1; at most one), which
 * publishes lyncdiscover and the simple URLs (rules R7, R8).
 * @param[out] out receives the reverse proxy (owned by `dep`); may be NULL.
 * @return FEDNS_OK, FEDNS_ENOMEM, or FEDNS_EINVAL when `dep` is NULL or
 *         already has a reverse proxy.
 */
FEDNS_API fedns_status fedns_deployment_add_reverse_proxy(fedns_deployment *dep,
							  fedns_reverse_proxy **out);
/** Sets FEDNS_OPT_PROXY_LYNCDISCOVER or FEDNS_OPT_PROXY_MEET. */
FEDNS_API fedns_status fedns_reverse_proxy_set(fedns_reverse_proxy *proxy, int option,
					       int64_t value);
/** Appends an external (public, post-NAT) address of the reverse proxy. */
FEDNS_API fedns_status fedns_reverse_proxy_add_address(fedns_reverse_proxy *proxy,
						       const char *address);
/** Sets one of the fedns_proxy_name FQDNs; NULL removes it. */
FEDNS_API fedns_status fedns_reverse_proxy_set_fqdn(fedns_reverse_proxy *proxy, int name,
						    const char *fqdn);

/** @defgroup validation Validation (SPEC 3) */
typedef struct fedns_diagnostics fedns_diagnostics;

/**
 * Checks the deployment against every V rule. Diagnostics come in SPEC 3's
 * order: deployment-level first, then by their subject's position in the
 * document, then by rule id.
 * @param[out] out receives the list; free it with fedns_diagnostics_free().
 * @return FEDNS_OK (even when there are error diagnostics), FEDNS_ENOMEM or
 *         FEDNS_EINVAL.
 */
FEDNS_API fedns_status fedns_deployment_validate(fedns_deployment *dep, fedns_diagnostics **out);
FEDNS_API void fedns_diagnostics_free(fedns_diagnostics *diags);
FEDNS_API size_t fedns_diagnostics_count(const fedns_diagnostics *diags);
/** How many diagnostics have the given fedns_severity. */
FEDNS_API size_t fedns_diagnostics_count_severity(const fedns_diagnostics *diags, int severity);
/** The rule id ("V3") of diagnostic `i`; NULL if `i` is out of range. */
FEDNS_API const char *fedns_diagnostic_rule(const fedns_diagnostics *diags, size_t i);
/** The fedns_severity of diagnostic `i`; 0 if `i` is out of range. */
FEDNS_API int fedns_diagnostic_severity(const fedns_diagnostics *diags, size_t i);
/** The domain, pool or entry the diagnostic is about ("deployment" for
 * deployment-wide ones). */
FEDNS_API const char *fedns_diagnostic_subject(const fedns_diagnostics *diags, size_t i);
/** What is wrong and what to change, in the given language. */
FEDNS_API const char *fedns_diagnostic_message(const fedns_diagnostics *diags, size_t i,
					       int lang);
/** "error", "warning" or "info"; NULL for other values. */
FEDNS_API const char *fedns_severity_name(int severity);

/** @defgroup records Record sets (SPEC 2) */
typedef struct fedns_recordset fedns_recordset;

/**
 * Validates the deployment and derives its external record set in SPEC 2's
 * order. The set also carries the warning and info diagnostics.
 * @return FEDNS_OK; FEDNS_EINVALID when validation found errors (nothing is
 *         derived; fedns_deployment_last_error() names the first one, and
 *         fedns_deployment_validate() lists them all); FEDNS_ENOMEM; FEDNS_EINVAL.
 */
FEDNS_API fedns_status fedns_deployment_derive(fedns_deployment *dep, fedns_recordset **out);
/** As fedns_deployment_derive(), keeping only the records SIP domain
 * `domain` needs (R1-R5 for it). FEDNS_ENOTFOUND if it is not a SIP domain
 * of the deployment. */
FEDNS_API fedns_status fedns_deployment_derive_domain(fedns_deployment *dep, const char *domain,
						      fedns_recordset **out);
FEDNS_API void fedns_recordset_free(fedns_recordset *rs);
FEDNS_API size_t fedns_recordset_count(const fedns_recordset *rs);
/** The warning and info diagnostics of the derivation; owned by `rs`. */
FEDNS_API const fedns_diagnostics *fedns_recordset_diagnostics(const fedns_recordset *rs);

/* Accessors of record `i`; out of range gives NULL or 0. */
/** Absolute owner name with its trailing dot. */
FEDNS_API const char *fedns_record_owner(const fedns_recordset *rs, size_t i);
/** A fedns_rrtype. */
FEDNS_API int fedns_record_type(const fedns_recordset *rs, size_t i);
FEDNS_API uint32_t fedns_record_ttl(const fedns_recordset *rs, size_t i);
/** A fedns_location. */
FEDNS_API int fedns_record_location(const fedns_recordset *rs, size_t i);
/** SRV fields; 0 for other types. */
FEDNS_API uint16_t fedns_record_priority(const fedns_recordset *rs, size_t i);
FEDNS_API uint16_t fedns_record_weight(const fedns_recordset *rs, size_t i);
FEDNS_API uint16_t fedns_record_port(const fedns_recordset *rs, size_t i);
/** SRV or CNAME target, absolute with trailing dot; NULL for A/AAAA. */
FEDNS_API const char *fedns_record_target(const fedns_recordset *rs, size_t i);
/** A/AAAA address in canonical text; NULL for SRV/CNAME. */
FEDNS_API const char *fedns_record_address(const fedns_recordset *rs, size_t i);
/** FEDNS_PURPOSE_* bits. */
FEDNS_API uint32_t fedns_record_purposes(const fedns_recordset *rs, size_t i);
/** Why the record exists, in the given fedns_lang. */
FEDNS_API const char *fedns_record_comment(const fedns_recordset *rs, size_t i, int lang);

/** @defgroup render Rendering (SPEC 6) */

/** Receives rendered text in pieces; return 0 to go on, anything else to
 * stop (the render then returns FEDNS_ECALLBACK). */
typedef int (*fedns_write_fn)(void *ud, const char *data, size_t len);

/**
 * Renders the record set into `buf` like snprintf: at most `cap - 1` bytes
 * and a NUL. `*needed` (if not NULL) receives the full length without the
 * NUL. `buf` may be NULL when `cap` is 0, to learn the size.
 * @return FEDNS_OK when it fit; FEDNS_ESPACE when truncated; FEDNS_EINVAL for
 *         a bad format or language.
 */
FEDNS_API fedns_status fedns_render(const fedns_recordset *rs, int format, int lang, char *buf,
				    size_t cap, size_t *needed);
/** Renders the record set through `write`, in pieces of at most 64 KiB. */
FEDNS_API fedns_status fedns_render_to(const fedns_recordset *rs, int format, int lang,
				       fedns_write_fn write, void *ud);

#ifdef __cplusplus
}
#endif

#endif
