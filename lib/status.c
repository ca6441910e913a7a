/* Names and descriptions of the public enumerations, and the version. */
#include "fedns/fedns.h"

#include <stddef.h>

static const char *const status_names[] = {
	"FEDNS_OK", "FEDNS_ENOMEM", "FEDNS_EINVAL", "FEDNS_EBADNAME", "FEDNS_EBADADDR",
	"FEDNS_ENOTFOUND", "FEDNS_EINVALID", "FEDNS_ESPACE", "FEDNS_ECALLBACK",
};

static const char *const status_texts[] = {
	"success",
	"out of memory",
	"invalid argument",
	"not a valid DNS name",
	"not a valid IPv4 or IPv6 address",
	"not found",
	"the deployment has validation errors",
	"buffer too small",
	"stopped by the caller's callback",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

FEDNS_API const char *fedns_status_name(int status)
{
	if (status < 0 || (size_t)status >= COUNT(status_names))
		return "FEDNS_UNKNOWN";
	return status_names[status];
}

FEDNS_API const char *fedns_strerror(int status)
{
	if (status < 0 || (size_t)status >= COUNT(status_texts))
		return "unknown status";
	return status_texts[status];
}

FEDNS_API const char *fedns_version_string(void)
{
	return FEDNS_VERSION_STRING;
}

FEDNS_API int fedns_version_number(void)
{
	return FEDNS_VERSION_NUMBER;
}

/* In bit order, which is SPEC 6's tag order. */
static const char *const purpose_names[] = {
	"external-access", "public-im", "federation-discovery", "mobility-push", "xmpp",
	"webconf", "av", "autodiscover", "simple-url", "online",
};

FEDNS_API const char *fedns_purpose_name(uint32_t bit)
{
	size_t i;

	for (i = 0; i < COUNT(purpose_names); i++)
		if (bit == (uint32_t)1 << i)
			return purpose_names[i];
	return NULL;
}

FEDNS_API const char *fedns_rrtype_name(int rrtype)
{
	switch (rrtype) {
	case FEDNS_RR_A:
		return "A";
	case FEDNS_RR_AAAA:
		return "AAAA";
	case FEDNS_RR_CNAME:
		return "CNAME";
	case FEDNS_RR_SRV:
		return "SRV";
	default:
		return NULL;
	}
}

FEDNS_API const char *fedns_severity_name(int severity)
{
	switch (severity) {
	case FEDNS_SEVERITY_ERROR:
		return "error";
	case FEDNS_SEVERITY_WARNING:
		return "warning";
	case FEDNS_SEVERITY_INFO:
		return "info";
	default:
		return NULL;
	}
}
