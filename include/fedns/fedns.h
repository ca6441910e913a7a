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
	FEDNS_FORMAT_JSON = 4,
	FEDNS_FORMAT_MARKDOWN = 5,  /**< the seed's table as a Markdown table */
	FEDNS_FORMAT_SHEET = 6,     /**< per zone, a column per web-form field */
	FEDNS_FORMAT_NSUPDATE = 7,  /**< nsupdate input, one block per zone */
	FEDNS_FORMAT_POWERSHELL = 8, /**< Windows DNS Server cmdlets */
	FEDNS_FORMAT_OCTODNS = 9    /**< octoDNS YAML, a mapping of zones */
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
 * `domain` needs (its own rules: R1-R5, R7 and R8's meet, or R9 when it is
 * online; no pool-level record). FEDNS_ENOTFOUND if it is not a SIP domain
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
 * NUL. `buf` may be NULL when `cap` is 0, to learn the size. The formats
 * that write one block per zone (sheet, nsupdate, powershell, octodns)
 * split the set into zones first, with working memory from the
 * deployment's allocator, freed before returning; the others allocate
 * nothing.
 * @return FEDNS_OK when it fit; FEDNS_ESPACE when truncated; FEDNS_EINVAL for
 *         a bad format or language; FEDNS_ENOMEM (per-zone formats) when
 *         the working memory could not be had: `buf` then holds "" and
 *         `*needed` is 0.
 */
FEDNS_API fedns_status fedns_render(const fedns_recordset *rs, int format, int lang, char *buf,
				    size_t cap, size_t *needed);
/** Renders the record set through `write`, in pieces of at most 64 KiB;
 * allocates and fails as fedns_render() does, calling `write` not at all
 * on FEDNS_ENOMEM. */
FEDNS_API fedns_status fedns_render_to(const fedns_recordset *rs, int format, int lang,
				       fedns_write_fn write, void *ud);
/**
 * Renders the record set in one pass into memory from its allocator (the
 * deployment's): `*text` receives the text, NUL-terminated, and `*len` (if
 * not NULL) its length without the NUL.
 * @param[out] text receives the text (NULL on failure); the caller owns it
 *        and frees it with fedns_render_free(). It may outlive `rs`.
 * @return FEDNS_OK; FEDNS_ENOMEM (nothing is kept); FEDNS_EINVAL for a NULL
 *         `rs` or `text`, or a bad format or language.
 */
FEDNS_API fedns_status fedns_render_alloc(const fedns_recordset *rs, int format, int lang,
					  char **text, size_t *len);
/** Frees a text of fedns_render_alloc(); NULL is ignored. */
FEDNS_API void fedns_render_free(char *text);

/** @defgroup policy Federation decisions (SPEC 4) */
typedef struct fedns_policy fedns_policy;

/** The protocol a remote domain federates over. */
typedef enum fedns_protocol {
	FEDNS_PROTOCOL_SIP = 1,
	FEDNS_PROTOCOL_XMPP = 2
} fedns_protocol;

typedef enum fedns_verdict {
	FEDNS_VERDICT_ALLOW = 1,
	FEDNS_VERDICT_DENY = 2,
	FEDNS_VERDICT_INTERNAL = 3 /**< one of our own SIP domains: not federation (P7) */
} fedns_verdict;

/** Why a decision was made; fedns_reason_name() gives the tag in quotes. */
typedef enum fedns_reason {
	FEDNS_REASON_FEDERATION_DISABLED = 1,     /**< P1 deny "federation-disabled" */
	FEDNS_REASON_BLOCKED = 2,                 /**< P2 deny "blocked" */
	FEDNS_REASON_ALLOWED = 3,                 /**< P3 allow "allowed" */
	FEDNS_REASON_PUBLIC_PROVIDER = 4,         /**< P4 allow "public-provider" */
	FEDNS_REASON_DISCOVERED = 5,              /**< P5 allow "discovered" */
	FEDNS_REASON_NOT_ALLOWED = 6,             /**< P5, P6 deny "not-allowed" */
	FEDNS_REASON_XMPP_DISABLED = 7,           /**< P6 deny "xmpp-disabled" */
	FEDNS_REASON_XMPP_FEDERATED = 8,          /**< P6 allow "federated" */
	FEDNS_REASON_XMPP_PUBLIC_VERIFIED = 9,    /**< P6 allow "public-verified" */
	FEDNS_REASON_XMPP_PUBLIC_UNVERIFIED = 10, /**< P6 allow "public-unverified" */
	FEDNS_REASON_INTERNAL = 11                /**< P7 "internal" */
} fedns_reason;

/**
 * Compiles the deployment's federation settings into an immutable policy
 * that answers fedns_policy_decide(). Later changes to `dep` do not affect
 * it; it allocates through `dep`'s allocator and may outlive `dep`.
 * @param[out] out receives the policy; free it with fedns_policy_free().
 * @return FEDNS_OK; FEDNS_EINVALID when validation finds errors (as
 *         fedns_deployment_derive()); FEDNS_ENOMEM; FEDNS_EINVAL.
 */
FEDNS_API fedns_status fedns_deployment_policy(fedns_deployment *dep, fedns_policy **out);
/** Frees a policy; NULL is allowed. */
FEDNS_API void fedns_policy_free(fedns_policy *policy);

/**
 * Decides whether users may federate with remote domain `domain` over
 * `protocol` (a fedns_protocol), by rules P1-P7 of SPEC 4. The domain is
 * compared case-insensitively without its trailing dot, exactly (no suffix
 * matching). The call neither allocates nor writes to the policy, so any
 * number of threads may decide on one policy at once.
 * @param[out] verdict a fedns_verdict; may be NULL.
 * @param[out] reason a fedns_reason; may be NULL.
 * @param[out] route the proxy FQDN to route through (folded, no trailing
 *        dot; owned by the policy), or NULL for DNS SRV lookup (and for
 *        denials and internal domains); may be NULL.
 * @return FEDNS_OK; FEDNS_EBADNAME when `domain` is not a valid name (P8:
 *         no decision; fedns_name_normalize() says why); FEDNS_EINVAL for a
 *         NULL policy or domain or an unknown protocol. On error the outputs
 *         are 0 and NULL.
 */
FEDNS_API fedns_status fedns_policy_decide(const fedns_policy *policy, const char *domain,
					   int protocol, int *verdict, int *reason,
					   const char **route);
/** The reason's tag ("not-allowed"); NULL for other values. */
FEDNS_API const char *fedns_reason_name(int reason);
/** "allow", "deny" or "internal"; NULL for other values. */
FEDNS_API const char *fedns_verdict_name(int verdict);

/** @defgroup certs Certificate names (SPEC 6a) */
typedef struct fedns_certs fedns_certs;

/** Why a name is a subject alternative name; fedns_san_reason_name()
 * gives the tag in quotes. */
typedef enum fedns_san_reason {
	FEDNS_SAN_SUBJECT = 1,     /**< "subject": the subject again (TLS checks SANs only) */
	FEDNS_SAN_WEBCONF = 2,     /**< "webconf-edge": the pool's web conferencing edge */
	FEDNS_SAN_SIP_DOMAIN = 3,  /**< "sip-domain": S of another SIP domain of the pool */
	FEDNS_SAN_XMPP_DOMAIN = 4, /**< "xmpp-domain": a SIP domain with XMPP, bare */
	FEDNS_SAN_XMPP_HOST = 5    /**< "xmpp-proxy": its XMPP proxy FQDN (sfb2015) */
} fedns_san_reason;

/** What else the certificate needs; fedns_cert_note_name() gives the tag. */
typedef enum fedns_cert_note {
	FEDNS_NOTE_PUBLIC_CA = 1,      /**< "public-ca": from a public CA, with SAN support */
	FEDNS_NOTE_EXPORTABLE_KEY = 2, /**< "exportable-key": the private key exportable */
	FEDNS_NOTE_CLIENT_EKU = 3,     /**< "client-eku": public IM is enabled */
	FEDNS_NOTE_NO_WILDCARD = 4     /**< "no-wildcard": sfb2015 lists *.d; fedns does not */
} fedns_cert_note;

/**
 * Lists the Access Edge external certificate each edge pool needs: one per
 * pool serving an on-premises SIP domain with users, in pool order, with
 * its subject, subject alternative names (in SPEC 6a's order, each once,
 * with the reason that put it there first) and notes.
 * @param[out] out receives the list; free it with fedns_certs_free(). It
 *        allocates through `dep`'s allocator and may outlive `dep`.
 * @return FEDNS_OK; FEDNS_EINVALID when validation finds errors (as
 *         fedns_deployment_derive()); FEDNS_ENOMEM; FEDNS_EINVAL.
 */
FEDNS_API fedns_status fedns_deployment_certs(fedns_deployment *dep, fedns_certs **out);
/** Frees a certificate list; NULL is allowed. */
FEDNS_API void fedns_certs_free(fedns_certs *certs);
/** How many certificates the list holds. */
FEDNS_API size_t fedns_certs_count(const fedns_certs *certs);

/* Accessors of certificate `i` (SAN `j`, note `k`); strings are owned by the
 * list; out of range gives NULL or 0; `lang` is a fedns_lang. */
/** The name of the edge pool the certificate belongs to. */
FEDNS_API const char *fedns_cert_pool(const fedns_certs *certs, size_t i);
/** The subject (common name): S of the pool's first SIP domain. */
FEDNS_API const char *fedns_cert_subject(const fedns_certs *certs, size_t i);
/** Why the subject is that name. */
FEDNS_API const char *fedns_cert_subject_why(const fedns_certs *certs, size_t i, int lang);
FEDNS_API size_t fedns_cert_san_count(const fedns_certs *certs, size_t i);
/** A subject alternative name (folded, no trailing dot). */
FEDNS_API const char *fedns_cert_san(const fedns_certs *certs, size_t i, size_t j);
/** A fedns_san_reason. */
FEDNS_API int fedns_cert_san_reason(const fedns_certs *certs, size_t i, size_t j);
/** The reason as a sentence naming the domain or pool it concerns. */
FEDNS_API const char *fedns_cert_san_why(const fedns_certs *certs, size_t i, size_t j,
					 int lang);
FEDNS_API size_t fedns_cert_note_count(const fedns_certs *certs, size_t i);
/** A fedns_cert_note. */
FEDNS_API int fedns_cert_note_kind(const fedns_certs *certs, size_t i, size_t k);
FEDNS_API const char *fedns_cert_note_text(const fedns_certs *certs, size_t i, size_t k,
					   int lang);
/** "subject", "webconf-edge", ...; NULL for other values. */
FEDNS_API const char *fedns_san_reason_name(int reason);
/** "public-ca", "exportable-key", ...; NULL for other values. */
FEDNS_API const char *fedns_cert_note_name(int note);

/** @defgroup drift Drift: comparing the derived set with real DNS (SPEC 8) */
typedef struct fedns_observed fedns_observed;
typedef struct fedns_findings fedns_findings;
typedef struct fedns_probes fedns_probes;

/** A TTL that is not known (a record seen through a caching resolver);
 * never compared. */
#define FEDNS_TTL_UNKNOWN 0xffffffffu

/**
 * Creates an empty observed record set, for the caller to fill with what a
 * zone file or a DNS server says and then compare with
 * fedns_deployment_compare(). Not thread-safe while it is being filled.
 * @param[out] out receives the set; free it with fedns_observed_free().
 * @return FEDNS_OK, FEDNS_ENOMEM or FEDNS_EINVAL (`out` NULL).
 */
FEDNS_API fedns_status fedns_observed_new(fedns_observed **out);
/** As fedns_observed_new(), allocating through the given callbacks (all
 * three, or all three NULL for the C library's). */
FEDNS_API fedns_status fedns_observed_new_with_allocator(fedns_malloc_fn malloc_fn,
							 fedns_realloc_fn realloc_fn,
							 fedns_free_fn free_fn, void *ud,
							 fedns_observed **out);
/** Frees an observed set; NULL is allowed. */
FEDNS_API void fedns_observed_free(fedns_observed *obs);
/** Why the last failing call on `obs` failed; "" if it did not. Owned by
 * `obs`, valid until its next call. */
FEDNS_API const char *fedns_observed_last_error(const fedns_observed *obs);
/** How many records have been added. */
FEDNS_API size_t fedns_observed_count(const fedns_observed *obs);
/**
 * Names where the records added from now on come from (a zone file's name);
 * findings report it with the record's line. NULL: no source.
 * @return FEDNS_OK, FEDNS_ENOMEM or FEDNS_EINVAL.
 */
FEDNS_API fedns_status fedns_observed_set_source(fedns_observed *obs, const char *source);

/*
 * The adders. Names may carry a trailing dot and any printable ASCII but
 * space (zone files hold underscores, and misspellings are what the
 * comparison looks for); they are folded to lower case. `ttl` may be
 * FEDNS_TTL_UNKNOWN; `line` is the record's line in its source, 0 if none.
 * Each returns FEDNS_OK; FEDNS_EBADNAME for an owner or target that is not
 * a name; FEDNS_EBADADDR for an address that is not of the record's family;
 * FEDNS_EINVAL for a NULL argument; FEDNS_ENOMEM. On error the set is
 * unchanged and fedns_observed_last_error() says why.
 */
FEDNS_API fedns_status fedns_observed_add_srv(fedns_observed *obs, const char *owner,
					      uint32_t ttl, uint16_t priority, uint16_t weight,
					      uint16_t port, const char *target, uint32_t line);
/** An A record; `address` an IPv4 literal. */
FEDNS_API fedns_status fedns_observed_add_a(fedns_observed *obs, const char *owner, uint32_t ttl,
					    const char *address, uint32_t line);
/** An AAAA record; `address` an IPv6 literal. */
FEDNS_API fedns_status fedns_observed_add_aaaa(fedns_observed *obs, const char *owner,
					       uint32_t ttl, const char *address, uint32_t line);
FEDNS_API fedns_status fedns_observed_add_cname(fedns_observed *obs, const char *owner,
						uint32_t ttl, const char *target, uint32_t line);
/** A record of any other type (`rrtype` its IANA number, not A, AAAA, CNAME
 * or SRV, which have their own adders), with its data as master-file text.
 * DNSSEC records (RRSIG, NSEC, NSEC3, NSEC3PARAM, DNSKEY) are accepted and
 * ignored by the comparison. */
FEDNS_API fedns_status fedns_observed_add_other(fedns_observed *obs, const char *owner,
						uint32_t ttl, int rrtype, const char *data,
						uint32_t line);
/**
 * Records that looking up `owner` failed (a timeout, SERVFAIL, REFUSED: the
 * text in `why`), for type `rrtype` or, with 0, for every type. The
 * comparison reports it (D7) and reports no record there as missing.
 */
FEDNS_API fedns_status fedns_observed_add_failure(fedns_observed *obs, const char *owner,
						  int rrtype, const char *why);

/** What a finding is; fedns_finding_kind_name() gives the tag in quotes.
 * The ids ("D1") are stable, like the rule ids. */
typedef enum fedns_drift_kind {
	FEDNS_DRIFT_MISSING = 1,      /**< D1 "missing": a derived record is absent */
	FEDNS_DRIFT_UNEXPECTED = 2,   /**< D2 "unexpected": a record at a managed name that
					     the model does not derive */
	FEDNS_DRIFT_DIFFERENT = 3,    /**< D3 "different": same owner and type, other data
					     or TTL */
	FEDNS_DRIFT_NEAR_MISS = 4,    /**< D4 "near-miss": a misspelt managed name
					     (_sipfederationtls.tcp), a name with the domain
					     twice, an SRV name under a host */
	FEDNS_DRIFT_ALIAS = 5,        /**< D5 "alias": a CNAME where A/AAAA records are
					     required (an SRV target: RFC 2782) */
	FEDNS_DRIFT_ONLINE = 6,       /**< D6 "online-conflict": a pointer to Microsoft 365
					     (*.online.lync.com) for an on-premises domain */
	FEDNS_DRIFT_LOOKUP_FAILED = 7 /**< D7 "lookup-failed": a name (and type) that could
					     not be looked up; never reported as missing */
} fedns_drift_kind;

/**
 * Compares `observed` with the deployment's derived record set. Records at
 * names fedns does not manage are ignored, except near misses of managed
 * names (D4) and pointers to Microsoft 365 at sip.<domain> and
 * lyncdiscover.<domain> of on-premises domains (D6). Managed names: every
 * owner of the derived set, and _sip._tls, _sipfederationtls._tcp and
 * _xmpp-server._tcp of every on-premises SIP domain with users. Exact
 * repeats of an observed record count once.
 * @param[out] out receives the findings, in a stable order: owner name,
 *        type (A, AAAA, CNAME, SRV, others; a whole name first), kind,
 *        expected data, observed data, line. Free them with
 *        fedns_findings_free(); they allocate through `dep`'s allocator.
 * @return FEDNS_OK (with or without findings); FEDNS_EINVALID when
 *         validation finds errors (as fedns_deployment_derive());
 *         FEDNS_ENOMEM; FEDNS_EINVAL.
 */
FEDNS_API fedns_status fedns_deployment_compare(fedns_deployment *dep,
						const fedns_observed *observed,
						fedns_findings **out);
FEDNS_API void fedns_findings_free(fedns_findings *findings);
FEDNS_API size_t fedns_findings_count(const fedns_findings *findings);

/* Accessors of finding `i`; strings are owned by the list; out of range
 * gives NULL, 0 or FEDNS_TTL_UNKNOWN. */
/** A fedns_drift_kind. */
FEDNS_API int fedns_finding_kind(const fedns_findings *findings, size_t i);
/** The kind's stable id, "D1" .. "D7". */
FEDNS_API const char *fedns_finding_id(const fedns_findings *findings, size_t i);
/** The owner name the finding is about (absolute, folded). */
FEDNS_API const char *fedns_finding_owner(const fedns_findings *findings, size_t i);
/** The name the record should have: the managed name for D4, else the owner. */
FEDNS_API const char *fedns_finding_expected_owner(const fedns_findings *findings, size_t i);
/** The IANA type; 0 when a whole name's look-up failed. */
FEDNS_API int fedns_finding_rrtype(const fedns_findings *findings, size_t i);
/** The type's master-file name ("SRV", "TXT", "TYPE65280"); NULL for 0. */
FEDNS_API const char *fedns_finding_type_name(const fedns_findings *findings, size_t i);
/** The derived data (master-file text; for D5 and D6 at a host, its
 * addresses joined with ", "); NULL when nothing is derived there. */
FEDNS_API const char *fedns_finding_expected(const fedns_findings *findings, size_t i);
FEDNS_API uint32_t fedns_finding_expected_ttl(const fedns_findings *findings, size_t i);
/** The observed data; for D7, why the look-up failed; NULL for D1. */
FEDNS_API const char *fedns_finding_observed(const fedns_findings *findings, size_t i);
FEDNS_API uint32_t fedns_finding_observed_ttl(const fedns_findings *findings, size_t i);
/** The observed record's source (fedns_observed_set_source()), or NULL. */
FEDNS_API const char *fedns_finding_source(const fedns_findings *findings, size_t i);
/** The observed record's line, or 0. */
FEDNS_API uint32_t fedns_finding_line(const fedns_findings *findings, size_t i);
/** What to do about it, in the given fedns_lang. */
FEDNS_API const char *fedns_finding_hint(const fedns_findings *findings, size_t i, int lang);
/** "missing", "unexpected", ...; NULL for other values. */
FEDNS_API const char *fedns_finding_kind_name(int kind);

/**
 * The look-ups a live check needs: every name fedns manages with the types
 * to ask for (A and AAAA for hosts, SRV, CNAME), sip.<domain> and
 * lyncdiscover.<domain> (CNAME) of on-premises domains, and the usual
 * misspellings of the SRV names (SRV), in a stable order, each once.
 * @param[out] out receives the list; free it with fedns_probes_free().
 * @return as fedns_deployment_derive().
 */
FEDNS_API fedns_status fedns_deployment_probes(fedns_deployment *dep, fedns_probes **out);
FEDNS_API void fedns_probes_free(fedns_probes *probes);
FEDNS_API size_t fedns_probes_count(const fedns_probes *probes);
/** The name to look up, absolute; NULL out of range. */
FEDNS_API const char *fedns_probe_name(const fedns_probes *probes, size_t i);
/** The fedns_rrtype to ask for; 0 out of range. */
FEDNS_API int fedns_probe_type(const fedns_probes *probes, size_t i);

#ifdef __cplusplus
}
#endif

#endif
