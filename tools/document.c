#include "document.h"

#include <assert.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "locate.h"

/* The deepest key path the schema has, xmpp.partners[0].additional_domains[0],
 * plus room for one more step. */
#define MAX_DEPTH 8

/* JSON kinds a key accepts, a bit set. */
enum {
	K_BOOLEAN = 1u << 0,
	K_INTEGER = 1u << 1,
	K_STRING = 1u << 2,
	K_ARRAY = 1u << 3,
	K_OBJECT = 1u << 4
};

struct enum_name {
	const char *name;
	int value;
};

static const struct enum_name servers[] = {
	{"lync2013", FEDNS_SERVER_LYNC2013},
	{"sfb2015", FEDNS_SERVER_SFB2015},
	{"sfb2019", FEDNS_SERVER_SFB2019},
	{"sfbse", FEDNS_SERVER_SFBSE},
	{NULL, 0}
};

static const struct enum_name load_balancings[] = {
	{"single", FEDNS_LB_SINGLE},
	{"dns", FEDNS_LB_DNS},
	{"hardware", FEDNS_LB_HARDWARE},
	{NULL, 0}
};

static const struct enum_name xmpp_types[] = {
	{"federated", FEDNS_XMPP_FEDERATED},
	{"public_verified", FEDNS_XMPP_PUBLIC_VERIFIED},
	{"public_unverified", FEDNS_XMPP_PUBLIC_UNVERIFIED},
	{NULL, 0}
};

static const struct enum_name negotiations[] = {
	{"required", FEDNS_NEGOTIATION_REQUIRED},
	{"optional", FEDNS_NEGOTIATION_OPTIONAL},
	{"not_supported", FEDNS_NEGOTIATION_NOT_SUPPORTED},
	{NULL, 0}
};

static const struct enum_name hostings[] = {
	{"on_premises", FEDNS_HOSTING_ON_PREMISES},
	{"online", FEDNS_HOSTING_ONLINE},
	{NULL, 0}
};

static const struct enum_name verifications[] = {
	{"use_source_verification", FEDNS_VERIFICATION_USE_SOURCE},
	{"always_verifiable", FEDNS_VERIFICATION_ALWAYS_VERIFIABLE},
	{"always_unverifiable", FEDNS_VERIFICATION_ALWAYS_UNVERIFIABLE},
	{NULL, 0}
};

struct loader {
	fedns_deployment *dep;
	struct path_step path[MAX_DEPTH]; /* where the walk is */
	size_t depth;
	/* The first failure, kept until the text is searched for it. */
	struct path_step fail_path[MAX_DEPTH];
	size_t fail_depth;
	enum locate_target fail_target;
	struct doc_error *err;
};

#define NO_OPTION (-1)

/* One key an object may have. A key with an `option` sets it from its
 * boolean, integer or enum value; a key with `load` is handed to it; a key
 * with neither is read by the code that creates the object. */
struct field {
	const char *key;
	unsigned kinds;
	int required;
	int option;
	const struct enum_name *values; /* the accepted strings of an enum */
	int (*load)(struct loader *ld, json_t *value, void *object);
};

/* fedns_*_set() over a void pointer, so one loop serves every object. */
typedef fedns_status (*setter_fn)(void *object, int option, int64_t value);

static fedns_status set_deployment(void *object, int option, int64_t value)
{
	return fedns_deployment_set(object, option, value);
}

static fedns_status set_domain(void *object, int option, int64_t value)
{
	return fedns_sip_domain_set(object, option, value);
}

static fedns_status set_pool(void *object, int option, int64_t value)
{
	return fedns_edge_pool_set(object, option, value);
}

static fedns_status set_partner(void *object, int option, int64_t value)
{
	return fedns_xmpp_partner_set(object, option, value);
}

static fedns_status set_public_provider(void *object, int option, int64_t value)
{
	return fedns_public_provider_set(object, option, value);
}

static fedns_status set_hosting_provider(void *object, int option, int64_t value)
{
	return fedns_hosting_provider_set(object, option, value);
}

static fedns_status set_reverse_proxy(void *object, int option, int64_t value)
{
	return fedns_reverse_proxy_set(object, option, value);
}

/* ---- The key path and failures ---- */

static void enter_key(struct loader *ld, const char *key)
{
	assert(ld->depth < MAX_DEPTH);
	ld->path[ld->depth].key = key;
	ld->path[ld->depth].index = 0;
	ld->depth++;
}

static void enter_index(struct loader *ld, size_t index)
{
	assert(ld->depth < MAX_DEPTH);
	ld->path[ld->depth].key = NULL;
	ld->path[ld->depth].index = index;
	ld->depth++;
}

static void leave(struct loader *ld)
{
	assert(ld->depth > 0);
	ld->depth--;
}

/* Records the failure at the current path, or at its member `key` when `key`
 * is not NULL, and returns -1. */
__attribute__((format(printf, 4, 5)))
static int fail(struct loader *ld, const char *key, enum locate_target target, const char *fmt, ...)
{
	va_list ap;

	memcpy(ld->fail_path, ld->path, ld->depth * sizeof ld->path[0]);
	ld->fail_depth = ld->depth;
	if (key) {
		assert(ld->fail_depth < MAX_DEPTH);
		ld->fail_path[ld->fail_depth].key = key;
		ld->fail_path[ld->fail_depth].index = 0;
		ld->fail_depth++;
	}
	ld->fail_target = target;
	va_start(ap, fmt);
	vsnprintf(ld->err->message, sizeof ld->err->message, fmt, ap);
	va_end(ap);
	return -1;
}

/* Reports a failed library call at member `key` (NULL: the current path). */
static int call(struct loader *ld, const char *key, fedns_status status)
{
	const char *why;

	if (status == FEDNS_OK)
		return 0;
	why = fedns_deployment_last_error(ld->dep);
	return fail(ld, key, LOCATE_VALUE, "%s", *why ? why : fedns_strerror(status));
}

/* Copies `s` into `out` with control characters escaped, so that a key or
 * value from the document cannot break the error line; a string that does
 * not fit ends in "...". Returns the length written. */
static size_t escape(char *out, size_t cap, const char *s)
{
	size_t len = 0;

	assert(cap >= 8);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		char piece[5] = {(char)c, 0};

		if (c < 0x20 || c == 0x7f)
			snprintf(piece, sizeof piece, "\\x%02x", c);
		if (len + strlen(piece) + 4 > cap) {
			/* Cut before a UTF-8 sequence the cut may have split. */
			while (len > 0 && ((unsigned char)out[len - 1] & 0xC0) == 0x80)
				len--;
			if (len > 0 && (unsigned char)out[len - 1] >= 0xC0)
				len--;
			memcpy(out + len, "...", 4);
			return len + 3;
		}
		memcpy(out + len, piece, strlen(piece) + 1);
		len += strlen(piece);
	}
	out[len] = '\0';
	return len;
}

/* Writes the path as "a.b[1].c". */
static void format_path(const struct path_step *path, size_t depth, char *out, size_t cap)
{
	size_t len = 0, s;

	out[0] = '\0';
	for (s = 0; s < depth && len + 8 < cap; s++) {
		if (path[s].key) {
			if (s > 0)
				out[len++] = '.';
			len += escape(out + len, cap - len, path[s].key);
		} else {
			int n = snprintf(out + len, cap - len, "[%zu]", path[s].index);

			len = n > 0 && (size_t)n < cap - len ? len + (size_t)n : cap - 1;
		}
	}
}

/* ---- Kinds, enums and the generic object walk ---- */

static unsigned kind_of(const json_t *value)
{
	switch (json_typeof(value)) {
	case JSON_OBJECT:
		return K_OBJECT;
	case JSON_ARRAY:
		return K_ARRAY;
	case JSON_STRING:
		return K_STRING;
	case JSON_INTEGER:
		return K_INTEGER;
	case JSON_TRUE:
	case JSON_FALSE:
		return K_BOOLEAN;
	case JSON_REAL:
	case JSON_NULL:
		break;
	}
	return 0;
}

static const char *describe(const json_t *value)
{
	switch (json_typeof(value)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
		return "an integer";
	case JSON_REAL:
		return "a number with a fraction or exponent";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	case JSON_NULL:
		break;
	}
	return "null";
}

/* "a boolean or an object" for a kind set. */
static void describe_kinds(unsigned kinds, char *out, size_t cap)
{
	static const char *const names[] = {
		"a boolean", "an integer", "a string", "an array", "an object"
	};
	size_t i, len = 0;

	out[0] = '\0';
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (kinds & (1u << i)) {
			int n = snprintf(out + len, cap - len, "%s%s", len ? " or " : "", names[i]);

			if (n < 0 || (size_t)n >= cap - len)
				return;
			len += (size_t)n;
		}
	}
}

static int type_error(struct loader *ld, const char *key, unsigned kinds, const json_t *value)
{
	char expected[96];

	describe_kinds(kinds, expected, sizeof expected);
	return fail(ld, key, LOCATE_VALUE, "expected %s, found %s", expected, describe(value));
}

/* Appends `name` to the comma-separated list in `out`: the accepted keys
 * or values a message names. */
static void list_add(char *out, size_t cap, const char *name)
{
	size_t len = strlen(out);

	snprintf(out + len, cap - len, "%s%s", len ? ", " : "", name);
}

static void list_keys(const struct field *fields, char *out, size_t cap)
{
	out[0] = '\0';
	for (; fields->key; fields++)
		list_add(out, cap, fields->key);
}

static void list_values(const struct enum_name *values, char *out, size_t cap)
{
	out[0] = '\0';
	for (; values->name; values++)
		list_add(out, cap, values->name);
}

static const struct enum_name *find_value(const struct enum_name *values, const char *s)
{
	for (; values->name; values++)
		if (strcmp(values->name, s) == 0)
			return values;
	return NULL;
}

static int enum_error(struct loader *ld, const char *key, const struct enum_name *values,
		      const char *s)
{
	char shown[128], accepted[256];

	escape(shown, sizeof shown, s);
	list_values(values, accepted, sizeof accepted);
	return fail(ld, key, LOCATE_VALUE, "unknown value \"%s\"; expected one of: %s", shown,
		    accepted);
}

static const struct field *find_field(const struct field *fields, const char *key)
{
	for (; fields->key; fields++)
		if (strcmp(fields->key, key) == 0)
			return fields;
	return NULL;
}

static int check_value(struct loader *ld, const struct field *f, const char *key,
		       const json_t *value)
{
	if (!(kind_of(value) & f->kinds))
		return type_error(ld, key, f->kinds, value);
	if (f->values && json_is_string(value) && !find_value(f->values, json_string_value(value)))
		return enum_error(ld, key, f->values, json_string_value(value));
	return 0;
}

/* Checks an object's keys, in document order, against `fields`: unknown
 * keys, wrong kinds and enum values; then the required keys. */
static int check_object(struct loader *ld, json_t *object, const struct field *fields)
{
	const char *key;
	json_t *value;
	const struct field *f;

	json_object_foreach(object, key, value) {
		f = find_field(fields, key);
		if (!f) {
			char accepted[512];

			list_keys(fields, accepted, sizeof accepted);
			return fail(ld, key, LOCATE_KEY, "unknown key; expected one of: %s",
				    accepted);
		}
		if (check_value(ld, f, key, value))
			return -1;
	}
	for (f = fields; f->key; f++)
		if (f->required && !json_object_get(object, f->key))
			return fail(ld, f->key, LOCATE_VALUE, "required key is missing");
	return 0;
}

/* The number an option takes from a checked value. */
static int64_t option_value(const struct field *f, const json_t *value)
{
	if (json_is_boolean(value))
		return json_is_true(value);
	if (json_is_string(value))
		return find_value(f->values, json_string_value(value))->value;
	return json_integer_value(value);
}

/* Applies a checked object's settings to `object`, in document order. */
static int apply_fields(struct loader *ld, json_t *json, const struct field *fields,
			setter_fn set, void *object)
{
	const char *key;
	json_t *value;

	json_object_foreach(json, key, value) {
		const struct field *f = find_field(fields, key);
		int rc = 0;

		assert(f); /* check_object() saw every key */
		if (f->option != NO_OPTION) {
			rc = call(ld, key, set(object, f->option, option_value(f, value)));
		} else if (f->load) {
			enter_key(ld, key);
			rc = f->load(ld, value, object);
			leave(ld);
		}
		if (rc)
			return rc;
	}
	return 0;
}

/* Checks `json` against `fields` and applies it to `object`. */
static int load_settings(struct loader *ld, json_t *json, const struct field *fields,
			 setter_fn set, void *object)
{
	if (check_object(ld, json, fields))
		return -1;
	return apply_fields(ld, json, fields, set, object);
}

static const char *string_of(json_t *object, const char *key)
{
	return json_string_value(json_object_get(object, key));
}

/* Hands each element of an array of objects to `load`. */
static int load_objects(struct loader *ld, json_t *list,
			int (*load)(struct loader *ld, json_t *value, void *object), void *object)
{
	size_t i;
	json_t *item;

	json_array_foreach(list, i, item) {
		int rc;

		enter_index(ld, i);
		rc = json_is_object(item) ? load(ld, item, object) :
			type_error(ld, NULL, K_OBJECT, item);
		leave(ld);
		if (rc)
			return rc;
	}
	return 0;
}

/* Hands each element of an array of strings to `add`. */
static int load_strings(struct loader *ld, json_t *list,
			fedns_status (*add)(void *target, const char *s), void *target)
{
	size_t i;
	json_t *item;

	json_array_foreach(list, i, item) {
		int rc;

		enter_index(ld, i);
		rc = json_is_string(item) ? call(ld, NULL, add(target, json_string_value(item))) :
			type_error(ld, NULL, K_STRING, item);
		leave(ld);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- SIP domains ---- */

static int load_domain_edge_pool(struct loader *ld, json_t *value, void *domain)
{
	return call(ld, NULL, fedns_sip_domain_set_edge_pool(domain, json_string_value(value)));
}

static const struct field domain_fields[] = {
	{"name", K_STRING, 1, NO_OPTION, NULL, NULL},
	{"users", K_BOOLEAN, 0, FEDNS_OPT_DOMAIN_USERS, NULL, NULL},
	{"mobility", K_BOOLEAN, 0, FEDNS_OPT_DOMAIN_MOBILITY, NULL, NULL},
	{"xmpp", K_BOOLEAN, 0, FEDNS_OPT_DOMAIN_XMPP, NULL, NULL},
	{"hosting", K_STRING, 0, FEDNS_OPT_DOMAIN_HOSTING, hostings, NULL},
	{"edge_pool", K_STRING, 0, NO_OPTION, NULL, load_domain_edge_pool},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

static int load_domain(struct loader *ld, json_t *json, void *dep)
{
	fedns_sip_domain *domain = NULL;

	if (check_object(ld, json, domain_fields))
		return -1;
	if (call(ld, "name", fedns_deployment_add_sip_domain(dep, string_of(json, "name"), &domain)))
		return -1;
	return apply_fields(ld, json, domain_fields, set_domain, domain);
}

static int load_domains(struct loader *ld, json_t *list, void *dep)
{
	return load_objects(ld, list, load_domain, dep);
}

/* ---- Edge pools ---- */

struct role_target {
	fedns_edge_pool *pool;
	int role;
};

static fedns_status add_edge_address(void *target, const char *address)
{
	const struct role_target *t = target;

	return fedns_edge_pool_add_address(t->pool, t->role, address);
}

static const struct field access_edge_fields[] = {
	{"host", K_STRING, 0, NO_OPTION, NULL, NULL},
	{"fqdn", K_STRING, 0, NO_OPTION, NULL, NULL},
	{"addresses", K_ARRAY, 0, NO_OPTION, NULL, NULL},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

/* A webconf or A/V edge is only its name and addresses: both are needed. */
static const struct field role_edge_fields[] = {
	{"fqdn", K_STRING, 1, NO_OPTION, NULL, NULL},
	{"addresses", K_ARRAY, 1, NO_OPTION, NULL, NULL},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

static int load_edge(struct loader *ld, json_t *json, fedns_edge_pool *pool, int role)
{
	struct role_target target = {pool, role};
	json_t *host = json_object_get(json, "host");
	json_t *fqdn = json_object_get(json, "fqdn");
	json_t *addresses = json_object_get(json, "addresses");
	int rc = 0;

	if (check_object(ld, json, role == FEDNS_EDGE_ACCESS ? access_edge_fields :
			 role_edge_fields))
		return -1;
	if (host && fqdn)
		return fail(ld, "fqdn", LOCATE_KEY, "give either \"host\" or \"fqdn\", not both");
	if (host && call(ld, "host", fedns_edge_pool_set_access_edge_host(pool,
									  json_string_value(host))))
		return -1;
	if (fqdn && call(ld, "fqdn", fedns_edge_pool_set_fqdn(pool, role, json_string_value(fqdn))))
		return -1;
	if (addresses) {
		enter_key(ld, "addresses");
		rc = load_strings(ld, addresses, add_edge_address, &target);
		leave(ld);
	}
	return rc;
}

static int load_access_edge(struct loader *ld, json_t *json, void *pool)
{
	return load_edge(ld, json, pool, FEDNS_EDGE_ACCESS);
}

static int load_webconf_edge(struct loader *ld, json_t *json, void *pool)
{
	return load_edge(ld, json, pool, FEDNS_EDGE_WEBCONF);
}

static int load_av_edge(struct loader *ld, json_t *json, void *pool)
{
	return load_edge(ld, json, pool, FEDNS_EDGE_AV);
}

static const struct field xmpp_proxy_fields[] = {
	{"host", K_STRING, 1, NO_OPTION, NULL, NULL},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

/* `true`/`false`, or {"host": LABEL} for a label other than "xmpp". */
static int load_xmpp_proxy(struct loader *ld, json_t *value, void *pool)
{
	if (json_is_boolean(value))
		return call(ld, NULL, fedns_edge_pool_set(pool, FEDNS_OPT_POOL_XMPP_PROXY,
							  json_is_true(value)));
	if (check_object(ld, value, xmpp_proxy_fields))
		return -1;
	return call(ld, "host", fedns_edge_pool_set_xmpp_host(pool, string_of(value, "host")));
}

static const struct field pool_fields[] = {
	{"name", K_STRING, 1, NO_OPTION, NULL, NULL},
	{"federation_route", K_BOOLEAN, 0, FEDNS_OPT_POOL_FEDERATION_ROUTE, NULL, NULL},
	{"xmpp_proxy", K_BOOLEAN | K_OBJECT, 0, NO_OPTION, NULL, load_xmpp_proxy},
	{"load_balancing", K_STRING, 0, FEDNS_OPT_POOL_LOAD_BALANCING, load_balancings, NULL},
	{"access_edge", K_OBJECT, 0, NO_OPTION, NULL, load_access_edge},
	{"webconf_edge", K_OBJECT, 0, NO_OPTION, NULL, load_webconf_edge},
	{"av_edge", K_OBJECT, 0, NO_OPTION, NULL, load_av_edge},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

static int load_pool(struct loader *ld, json_t *json, void *dep)
{
	fedns_edge_pool *pool = NULL;

	if (check_object(ld, json, pool_fields))
		return -1;
	if (call(ld, "name", fedns_deployment_add_edge_pool(dep, string_of(json, "name"), &pool)))
		return -1;
	return apply_fields(ld, json, pool_fields, set_pool, pool);
}

static int load_pools(struct loader *ld, json_t *list, void *dep)
{
	return load_objects(ld, list, load_pool, dep);
}

/* ---- Federation ---- */

static const struct field allowed_fields[] = {
	{"domain", K_STRING, 1, NO_OPTION, NULL, NULL},
	{"proxy_fqdn", K_STRING, 0, NO_OPTION, NULL, NULL},
	{"comment", K_STRING, 0, NO_OPTION, NULL, NULL},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

static int load_allowed(struct loader *ld, json_t *json, void *dep)
{
	if (check_object(ld, json, allowed_fields))
		return -1;
	return call(ld, "domain", fedns_deployment_add_allowed_domain(dep,
		    string_of(json, "domain"), string_of(json, "proxy_fqdn"),
		    string_of(json, "comment")));
}

static int load_allowed_list(struct loader *ld, json_t *list, void *dep)
{
	return load_objects(ld, list, load_allowed, dep);
}

static const struct field blocked_fields[] = {
	{"domain", K_STRING, 1, NO_OPTION, NULL, NULL},
	{"comment", K_STRING, 0, NO_OPTION, NULL, NULL},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

static int load_blocked(struct loader *ld, json_t *json, void *dep)
{
	if (check_object(ld, json, blocked_fields))
		return -1;
	return call(ld, "domain", fedns_deployment_add_blocked_domain(dep,
		    string_of(json, "domain"), string_of(json, "comment")));
}

static int load_blocked_list(struct loader *ld, json_t *list, void *dep)
{
	return load_objects(ld, list, load_blocked, dep);
}

/* `push_notifications` sits here in the document though it is its own
 * cmdlet's setting (SPEC 1). */
static const struct field federation_fields[] = {
	{"allow_federated_users", K_BOOLEAN, 0, FEDNS_OPT_ALLOW_FEDERATED_USERS, NULL, NULL},
	{"partner_discovery", K_BOOLEAN, 0, FEDNS_OPT_PARTNER_DISCOVERY, NULL, NULL},
	{"discoverable", K_BOOLEAN, 0, FEDNS_OPT_DISCOVERABLE, NULL, NULL},
	{"push_notifications", K_BOOLEAN, 0, FEDNS_OPT_PUSH_NOTIFICATIONS, NULL, NULL},
	{"allowed_domains", K_ARRAY, 0, NO_OPTION, NULL, load_allowed_list},
	{"blocked_domains", K_ARRAY, 0, NO_OPTION, NULL, load_blocked_list},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

static int load_federation(struct loader *ld, json_t *json, void *dep)
{
	return load_settings(ld, json, federation_fields, set_deployment, dep);
}

/* ---- XMPP partners ---- */

static fedns_status add_partner_domain(void *partner, const char *domain)
{
	return fedns_xmpp_partner_add_domain(partner, domain);
}

static int load_partner_domains(struct loader *ld, json_t *list, void *partner)
{
	return load_strings(ld, list, add_partner_domain, partner);
}

static int load_partner_proxy(struct loader *ld, json_t *value, void *partner)
{
	return call(ld, NULL, fedns_xmpp_partner_set_proxy_fqdn(partner, json_string_value(value)));
}

static const struct field partner_fields[] = {
	{"domain", K_STRING, 1, NO_OPTION, NULL, NULL},
	{"additional_domains", K_ARRAY, 0, NO_OPTION, NULL, load_partner_domains},
	{"type", K_STRING, 0, FEDNS_OPT_XMPP_TYPE, xmpp_types, NULL},
	{"tls", K_STRING, 0, FEDNS_OPT_XMPP_TLS, negotiations, NULL},
	{"sasl", K_STRING, 0, FEDNS_OPT_XMPP_SASL, negotiations, NULL},
	{"dialback", K_BOOLEAN, 0, FEDNS_OPT_XMPP_DIALBACK, NULL, NULL},
	{"proxy_fqdn", K_STRING, 0, NO_OPTION, NULL, load_partner_proxy},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

static int load_partner(struct loader *ld, json_t *json, void *dep)
{
	fedns_xmpp_partner *partner = NULL;

	if (check_object(ld, json, partner_fields))
		return -1;
	if (call(ld, "domain", fedns_deployment_add_xmpp_partner(dep, string_of(json, "domain"),
								 &partner)))
		return -1;
	return apply_fields(ld, json, partner_fields, set_partner, partner);
}

static int load_partners(struct loader *ld, json_t *list, void *dep)
{
	return load_objects(ld, list, load_partner, dep);
}

static const struct field xmpp_fields[] = {
	{"partners", K_ARRAY, 0, NO_OPTION, NULL, load_partners},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

static int load_xmpp(struct loader *ld, json_t *json, void *dep)
{
	return load_settings(ld, json, xmpp_fields, set_deployment, dep);
}

/* ---- Public IM and hosting providers ---- */

static fedns_status add_provider_domain(void *provider, const char *domain)
{
	return fedns_public_provider_add_domain(provider, domain);
}

static int load_provider_domains(struct loader *ld, json_t *list, void *provider)
{
	return load_strings(ld, list, add_provider_domain, provider);
}

static const struct field public_provider_fields[] = {
	{"name", K_STRING, 1, NO_OPTION, NULL, NULL},
	{"proxy_fqdn", K_STRING, 1, NO_OPTION, NULL, NULL},
	{"domains", K_ARRAY, 0, NO_OPTION, NULL, load_provider_domains},
	{"enabled", K_BOOLEAN, 0, FEDNS_OPT_PROVIDER_ENABLED, NULL, NULL},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

static int load_public_provider(struct loader *ld, json_t *json, void *dep)
{
	fedns_public_provider *provider = NULL;

	if (check_object(ld, json, public_provider_fields))
		return -1;
	if (call(ld, "name", fedns_deployment_add_public_provider(dep, string_of(json, "name"),
								  string_of(json, "proxy_fqdn"),
								  &provider)))
		return -1;
	return apply_fields(ld, json, public_provider_fields, set_public_provider, provider);
}

static int load_public_providers(struct loader *ld, json_t *list, void *dep)
{
	return load_objects(ld, list, load_public_provider, dep);
}

static const struct field public_im_fields[] = {
	{"enabled", K_BOOLEAN, 0, FEDNS_OPT_PUBLIC_IM, NULL, NULL},
	{"providers", K_ARRAY, 0, NO_OPTION, NULL, load_public_providers},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

static int load_public_im(struct loader *ld, json_t *json, void *dep)
{
	return load_settings(ld, json, public_im_fields, set_deployment, dep);
}

static const struct field hosting_provider_fields[] = {
	{"name", K_STRING, 1, NO_OPTION, NULL, NULL},
	{"proxy_fqdn", K_STRING, 1, NO_OPTION, NULL, NULL},
	{"enabled", K_BOOLEAN, 0, FEDNS_OPT_PROVIDER_ENABLED, NULL, NULL},
	{"verification", K_STRING, 0, FEDNS_OPT_PROVIDER_VERIFICATION, verifications, NULL},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

static int load_hosting_provider(struct loader *ld, json_t *json, void *dep)
{
	fedns_hosting_provider *provider = NULL;

	if (check_object(ld, json, hosting_provider_fields))
		return -1;
	if (call(ld, "name", fedns_deployment_add_hosting_provider(dep, string_of(json, "name"),
								   string_of(json, "proxy_fqdn"),
								   &provider)))
		return -1;
	return apply_fields(ld, json, hosting_provider_fields, set_hosting_provider, provider);
}

static int load_hosting_providers(struct loader *ld, json_t *list, void *dep)
{
	return load_objects(ld, list, load_hosting_provider, dep);
}

static const struct field external_access_fields[] = {
	{"enabled", K_BOOLEAN, 0, FEDNS_OPT_EXTERNAL_ACCESS, NULL, NULL},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

static int load_external_access(struct loader *ld, json_t *json, void *dep)
{
	return load_settings(ld, json, external_access_fields, set_deployment, dep);
}

/* ---- The reverse proxy ---- */

static fedns_status add_proxy_address(void *proxy, const char *address)
{
	return fedns_reverse_proxy_add_address(proxy, address);
}

static int load_proxy_addresses(struct loader *ld, json_t *list, void *proxy)
{
	return load_strings(ld, list, add_proxy_address, proxy);
}

static int load_proxy_dialin(struct loader *ld, json_t *value, void *proxy)
{
	return call(ld, NULL, fedns_reverse_proxy_set_fqdn(proxy, FEDNS_PROXY_DIALIN,
							   json_string_value(value)));
}

static int load_proxy_web(struct loader *ld, json_t *value, void *proxy)
{
	return call(ld, NULL, fedns_reverse_proxy_set_fqdn(proxy, FEDNS_PROXY_WEB,
							   json_string_value(value)));
}

static const struct field reverse_proxy_fields[] = {
	{"addresses", K_ARRAY, 1, NO_OPTION, NULL, load_proxy_addresses},
	{"lyncdiscover", K_BOOLEAN, 0, FEDNS_OPT_PROXY_LYNCDISCOVER, NULL, NULL},
	{"meet", K_BOOLEAN, 0, FEDNS_OPT_PROXY_MEET, NULL, NULL},
	{"dialin", K_STRING, 0, NO_OPTION, NULL, load_proxy_dialin},
	{"web_fqdn", K_STRING, 0, NO_OPTION, NULL, load_proxy_web},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

static int load_reverse_proxy(struct loader *ld, json_t *json, void *dep)
{
	fedns_reverse_proxy *proxy = NULL;

	if (check_object(ld, json, reverse_proxy_fields))
		return -1;
	if (call(ld, NULL, fedns_deployment_add_reverse_proxy(dep, &proxy)))
		return -1;
	return apply_fields(ld, json, reverse_proxy_fields, set_reverse_proxy, proxy);
}

/* ---- The document ---- */

static const struct field root_fields[] = {
	{"fedns", K_INTEGER, 1, NO_OPTION, NULL, NULL},
	{"ttl", K_INTEGER, 0, FEDNS_OPT_TTL, NULL, NULL},
	{"server", K_STRING, 0, FEDNS_OPT_SERVER, servers, NULL},
	{"sip_domains", K_ARRAY, 0, NO_OPTION, NULL, load_domains},
	{"edge_pools", K_ARRAY, 0, NO_OPTION, NULL, load_pools},
	{"federation", K_OBJECT, 0, NO_OPTION, NULL, load_federation},
	{"xmpp", K_OBJECT, 0, NO_OPTION, NULL, load_xmpp},
	{"public_im", K_OBJECT, 0, NO_OPTION, NULL, load_public_im},
	{"hosting_providers", K_ARRAY, 0, NO_OPTION, NULL, load_hosting_providers},
	{"external_access", K_OBJECT, 0, NO_OPTION, NULL, load_external_access},
	{"reverse_proxy", K_OBJECT, 0, NO_OPTION, NULL, load_reverse_proxy},
	{NULL, 0, 0, NO_OPTION, NULL, NULL}
};

/* The version is checked before any other key: a later version may have
 * keys this one does not know. */
static int check_version(struct loader *ld, json_t *root)
{
	json_t *version = json_object_get(root, "fedns");

	if (!version)
		return fail(ld, "fedns", LOCATE_VALUE,
			    "required key is missing; a deployment document begins with "
			    "\"fedns\": 1");
	if (!json_is_integer(version))
		return type_error(ld, "fedns", K_INTEGER, version);
	if (json_integer_value(version) != 1)
		return fail(ld, "fedns", LOCATE_VALUE,
			    "unsupported document version %" JSON_INTEGER_FORMAT
			    "; this fedns reads version 1", json_integer_value(version));
	return 0;
}

static int load_root(struct loader *ld, json_t *root)
{
	if (!json_is_object(root))
		return fail(ld, NULL, LOCATE_VALUE,
			    "a deployment document is a JSON object, not %s", describe(root));
	if (check_version(ld, root))
		return -1;
	return load_settings(ld, root, root_fields, set_deployment, ld->dep);
}

/* jansson quotes the offending input in its messages; a control character
 * there must not reach the terminal, so it is written as \xNN. */
static void escape_controls(const char *in, char *out, size_t cap)
{
	size_t n = 0;

	for (; *in && n + 5 < cap; in++) {
		unsigned char c = (unsigned char)*in;

		if (c < 0x20 || c == 0x7f)
			n += (size_t)snprintf(out + n, cap - n, "\\x%02x", c);
		else
			out[n++] = (char)c;
	}
	out[n] = '\0';
}

int doc_load(fedns_deployment *dep, const char *text, size_t len, struct doc_error *err)
{
	struct loader ld;
	json_error_t jerr;
	json_t *root;
	size_t at;

	memset(&ld, 0, sizeof ld);
	memset(err, 0, sizeof *err);
	ld.dep = dep;
	ld.err = err;
	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		/* jansson's position is the last character it read: the end of
		 * the offending token. It says column 0 at the start of a line. */
		err->line = jerr.line > 0 ? (unsigned long)jerr.line : 1;
		err->column = jerr.column > 0 ? (unsigned long)jerr.column : 1;
		snprintf(err->message, sizeof err->message, "invalid JSON: ");
		escape_controls(jerr.text, err->message + strlen(err->message),
				sizeof err->message - strlen(err->message));
		return -1;
	}
	if (load_root(&ld, root) == 0) {
		json_decref(root);
		return 0;
	}
	at = locate_path(text, len, ld.fail_path, ld.fail_depth, ld.fail_target);
	locate_line_column(text, len, at, &err->line, &err->column);
	format_path(ld.fail_path, ld.fail_depth, err->path, sizeof err->path);
	json_decref(root);
	return -1;
}
