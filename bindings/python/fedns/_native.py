"""The C library: loading it and the prototype of every function.

Nothing here is public. The one table, ``_PROTOTYPES``, gives every function of
``fedns.h`` its argument types, result type and error check, so that a call
with a wrong argument type fails in ctypes instead of in C.

Load order: the ``FEDNS_LIBRARY`` environment variable (a path; when it is set
and cannot be loaded, that is an error, never a silent fallback), then the
exact SONAME ``libfedns.so.1``, then ``ctypes.util.find_library("fedns")``.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
from ctypes import (CFUNCTYPE, POINTER, Structure, c_char, c_char_p, c_int, c_int64,
                    c_size_t, c_uint16, c_uint32, c_void_p)
from typing import Any, Callable, Optional, Sequence, Tuple

from ._errors import EBADNAME, ESPACE, FednsError

SONAME = "libfedns.so.1"


def _load() -> Tuple[ctypes.CDLL, str]:
    """Loads the library in the documented order; returns it and its name."""
    explicit = os.environ.get("FEDNS_LIBRARY")
    if explicit:
        try:
            return ctypes.CDLL(explicit), explicit
        except OSError as e:
            raise ImportError("fedns: cannot load FEDNS_LIBRARY=%s: %s" % (explicit, e)) from e
    tried = []
    try:
        return ctypes.CDLL(SONAME), SONAME
    except OSError as e:
        tried.append("%s (%s)" % (SONAME, e))
    found = ctypes.util.find_library("fedns")
    if found:
        try:
            return ctypes.CDLL(found), found
        except OSError as e:
            tried.append("%s (%s)" % (found, e))
    else:
        tried.append('find_library("fedns") found nothing')
    raise ImportError("fedns: cannot load the fedns C library; install libfedns or set "
                      "FEDNS_LIBRARY to its path. Tried: " + "; ".join(tried))


lib, library_name = _load()


# ---- Opaque handle types -----------------------------------------------------
# Each C handle is a pointer to its own incomplete Structure, so ctypes refuses
# a pool where a deployment is expected.

class Deployment(Structure):
    """struct fedns_deployment (opaque)."""


class SipDomain(Structure):
    """struct fedns_sip_domain (opaque)."""


class EdgePool(Structure):
    """struct fedns_edge_pool (opaque)."""


class XmppPartner(Structure):
    """struct fedns_xmpp_partner (opaque)."""


class PublicProvider(Structure):
    """struct fedns_public_provider (opaque)."""


class HostingProvider(Structure):
    """struct fedns_hosting_provider (opaque)."""


class ReverseProxy(Structure):
    """struct fedns_reverse_proxy (opaque)."""


class Policy(Structure):
    """struct fedns_policy (opaque)."""


class Certs(Structure):
    """struct fedns_certs (opaque)."""


class Observed(Structure):
    """struct fedns_observed (opaque)."""


class Findings(Structure):
    """struct fedns_findings (opaque)."""


class Probes(Structure):
    """struct fedns_probes (opaque)."""


class Diagnostics(Structure):
    """struct fedns_diagnostics (opaque)."""


class RecordSet(Structure):
    """struct fedns_recordset (opaque)."""


DeploymentP = POINTER(Deployment)
SipDomainP = POINTER(SipDomain)
EdgePoolP = POINTER(EdgePool)
XmppPartnerP = POINTER(XmppPartner)
PublicProviderP = POINTER(PublicProvider)
HostingProviderP = POINTER(HostingProvider)
ReverseProxyP = POINTER(ReverseProxy)
PolicyP = POINTER(Policy)
CertsP = POINTER(Certs)
ObservedP = POINTER(Observed)
FindingsP = POINTER(Findings)
ProbesP = POINTER(Probes)
DiagnosticsP = POINTER(Diagnostics)
RecordSetP = POINTER(RecordSet)

# Callback types of fedns.h.
MallocFn = CFUNCTYPE(c_void_p, c_void_p, c_size_t)
ReallocFn = CFUNCTYPE(c_void_p, c_void_p, c_void_p, c_size_t)
FreeFn = CFUNCTYPE(None, c_void_p, c_void_p)
WriteFn = CFUNCTYPE(c_int, c_void_p, POINTER(c_char), c_size_t)

# A child handle (a SIP domain, a pool, ...) carries the deployment that owns
# it in this attribute, so that an error check can ask that deployment why a
# call failed: the library keeps the detail there.
OWNER_ATTR = "_fedns_owner"


# ---- Error checks ----------------------------------------------------------

def _text(value: Optional[bytes]) -> Optional[str]:
    return None if value is None else value.decode("utf-8", "replace")


def _status_name(status: int) -> str:
    # Bound functions below return str already: their error check decodes.
    return lib.fedns_status_name(status) or "FEDNS_UNKNOWN"


def _owner(arg: Any) -> Any:
    """The deployment pointer whose last error explains a failed call on `arg`."""
    if isinstance(arg, DeploymentP):
        return arg
    return getattr(arg, OWNER_ATTR, None)


def _raise(status: int, detail: str) -> None:
    if not detail:
        detail = lib.fedns_strerror(status) or ""
    raise FednsError(status, detail, name=_status_name(status))


def _check_status(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """A fedns_status: raise unless FEDNS_OK, with the detail the owning
    deployment keeps (fedns_deployment_last_error)."""
    if result != 0:
        owner = _owner(args[0]) if args else None
        detail = ""
        if owner:
            detail = lib.fedns_deployment_last_error(owner) or ""
        _raise(result, detail)
    return result


def _check_normalize(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """fedns_name_normalize()/fedns_address_normalize(): the detail is in the
    caller's `why` buffer (argument 3)."""
    if result != 0:
        why = args[3]
        detail = why.value.decode("utf-8", "replace") if why is not None else ""
        _raise(result, detail)
    return result


def _check_observed(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """A fedns_status of a call on an observed set: the detail is the set's
    own (fedns_observed_last_error)."""
    if result != 0:
        obs = args[0] if args and isinstance(args[0], ObservedP) else None
        _raise(result, (lib.fedns_observed_last_error(obs) or "") if obs else "")
    return result


def _check_decide(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """fedns_policy_decide(): the call keeps no detail. For FEDNS_EBADNAME
    (P8) fedns_name_normalize() says which label is bad and why."""
    if result != 0:
        domain = args[1]
        if result == EBADNAME and isinstance(domain, bytes):
            out = ctypes.create_string_buffer(256)
            why = ctypes.create_string_buffer(320)
            # Raises FEDNS_EBADNAME with the reason; returns if the two
            # checks ever disagree.
            lib.fedns_name_normalize(domain, out, len(out), why, len(why))
            _raise(result, "%r is not a valid domain name" % domain.decode("utf-8", "replace"))
        _raise(result, "")
    return result


def _check_render(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """fedns_render(): FEDNS_ESPACE is the answer to a size query, not an error."""
    if result not in (0, ESPACE):
        _raise(result, "")
    return result


def _check_text(result: Optional[bytes], func: Any, args: Tuple[Any, ...]) -> Optional[str]:
    """A `const char *`: copied and decoded at once (NULL stays None)."""
    return _text(result)


def _check_value(result: Any, func: Any, args: Tuple[Any, ...]) -> Any:
    """A plain value or a void function: nothing can fail."""
    return result


# ---- The prototype table ---------------------------------------------------
# name, result type, argument types, error check. Strings go in as bytes
# (c_char_p); buffers as POINTER(c_char).

_S = c_int  # fedns_status
_BUF = POINTER(c_char)

_PROTOTYPES: Sequence[Tuple[str, Any, Tuple[Any, ...], Callable[..., Any]]] = (
    # Status codes and versions.
    ("fedns_status_name", c_char_p, (c_int,), _check_text),
    ("fedns_strerror", c_char_p, (c_int,), _check_text),
    ("fedns_version_string", c_char_p, (), _check_text),
    ("fedns_version_number", c_int, (), _check_value),
    ("fedns_purpose_name", c_char_p, (c_uint32,), _check_text),
    ("fedns_rrtype_name", c_char_p, (c_int,), _check_text),
    ("fedns_severity_name", c_char_p, (c_int,), _check_text),
    # Names and addresses.
    ("fedns_name_normalize", _S, (c_char_p, _BUF, c_size_t, _BUF, c_size_t), _check_normalize),
    ("fedns_address_normalize", _S, (c_char_p, _BUF, c_size_t, _BUF, c_size_t),
     _check_normalize),
    # The deployment.
    ("fedns_deployment_new", _S, (POINTER(DeploymentP),), _check_status),
    ("fedns_deployment_new_with_allocator", _S,
     (MallocFn, ReallocFn, FreeFn, c_void_p, POINTER(DeploymentP)), _check_status),
    ("fedns_deployment_free", None, (DeploymentP,), _check_value),
    ("fedns_deployment_last_error", c_char_p, (DeploymentP,), _check_text),
    ("fedns_deployment_set", _S, (DeploymentP, c_int, c_int64), _check_status),
    ("fedns_deployment_get", _S, (DeploymentP, c_int, POINTER(c_int64)), _check_status),
    # SIP domains.
    ("fedns_deployment_add_sip_domain", _S, (DeploymentP, c_char_p, POINTER(SipDomainP)),
     _check_status),
    ("fedns_sip_domain_set", _S, (SipDomainP, c_int, c_int64), _check_status),
    ("fedns_sip_domain_set_edge_pool", _S, (SipDomainP, c_char_p), _check_status),
    # Edge pools.
    ("fedns_deployment_add_edge_pool", _S, (DeploymentP, c_char_p, POINTER(EdgePoolP)),
     _check_status),
    ("fedns_edge_pool_set", _S, (EdgePoolP, c_int, c_int64), _check_status),
    ("fedns_edge_pool_set_access_edge_host", _S, (EdgePoolP, c_char_p), _check_status),
    ("fedns_edge_pool_set_fqdn", _S, (EdgePoolP, c_int, c_char_p), _check_status),
    ("fedns_edge_pool_add_address", _S, (EdgePoolP, c_int, c_char_p), _check_status),
    ("fedns_edge_pool_set_xmpp_host", _S, (EdgePoolP, c_char_p), _check_status),
    # Federation.
    ("fedns_deployment_add_allowed_domain", _S, (DeploymentP, c_char_p, c_char_p, c_char_p),
     _check_status),
    ("fedns_deployment_add_blocked_domain", _S, (DeploymentP, c_char_p, c_char_p),
     _check_status),
    # XMPP partners.
    ("fedns_deployment_add_xmpp_partner", _S, (DeploymentP, c_char_p, POINTER(XmppPartnerP)),
     _check_status),
    ("fedns_xmpp_partner_set", _S, (XmppPartnerP, c_int, c_int64), _check_status),
    ("fedns_xmpp_partner_add_domain", _S, (XmppPartnerP, c_char_p), _check_status),
    ("fedns_xmpp_partner_set_proxy_fqdn", _S, (XmppPartnerP, c_char_p), _check_status),
    # Public IM and hosting providers.
    ("fedns_deployment_add_public_provider", _S,
     (DeploymentP, c_char_p, c_char_p, POINTER(PublicProviderP)), _check_status),
    ("fedns_public_provider_set", _S, (PublicProviderP, c_int, c_int64), _check_status),
    ("fedns_public_provider_add_domain", _S, (PublicProviderP, c_char_p), _check_status),
    ("fedns_deployment_add_hosting_provider", _S,
     (DeploymentP, c_char_p, c_char_p, POINTER(HostingProviderP)), _check_status),
    ("fedns_hosting_provider_set", _S, (HostingProviderP, c_int, c_int64), _check_status),
    # The reverse proxy.
    ("fedns_deployment_add_reverse_proxy", _S, (DeploymentP, POINTER(ReverseProxyP)),
     _check_status),
    ("fedns_reverse_proxy_set", _S, (ReverseProxyP, c_int, c_int64), _check_status),
    ("fedns_reverse_proxy_add_address", _S, (ReverseProxyP, c_char_p), _check_status),
    ("fedns_reverse_proxy_set_fqdn", _S, (ReverseProxyP, c_int, c_char_p), _check_status),
    # Validation.
    ("fedns_deployment_validate", _S, (DeploymentP, POINTER(DiagnosticsP)), _check_status),
    ("fedns_diagnostics_free", None, (DiagnosticsP,), _check_value),
    ("fedns_diagnostics_count", c_size_t, (DiagnosticsP,), _check_value),
    ("fedns_diagnostics_count_severity", c_size_t, (DiagnosticsP, c_int), _check_value),
    ("fedns_diagnostic_rule", c_char_p, (DiagnosticsP, c_size_t), _check_text),
    ("fedns_diagnostic_severity", c_int, (DiagnosticsP, c_size_t), _check_value),
    ("fedns_diagnostic_subject", c_char_p, (DiagnosticsP, c_size_t), _check_text),
    ("fedns_diagnostic_message", c_char_p, (DiagnosticsP, c_size_t, c_int), _check_text),
    # Record sets.
    ("fedns_deployment_derive", _S, (DeploymentP, POINTER(RecordSetP)), _check_status),
    ("fedns_deployment_derive_domain", _S, (DeploymentP, c_char_p, POINTER(RecordSetP)),
     _check_status),
    ("fedns_recordset_free", None, (RecordSetP,), _check_value),
    ("fedns_recordset_count", c_size_t, (RecordSetP,), _check_value),
    ("fedns_recordset_diagnostics", DiagnosticsP, (RecordSetP,), _check_value),
    ("fedns_record_owner", c_char_p, (RecordSetP, c_size_t), _check_text),
    ("fedns_record_type", c_int, (RecordSetP, c_size_t), _check_value),
    ("fedns_record_ttl", c_uint32, (RecordSetP, c_size_t), _check_value),
    ("fedns_record_location", c_int, (RecordSetP, c_size_t), _check_value),
    ("fedns_record_priority", c_uint16, (RecordSetP, c_size_t), _check_value),
    ("fedns_record_weight", c_uint16, (RecordSetP, c_size_t), _check_value),
    ("fedns_record_port", c_uint16, (RecordSetP, c_size_t), _check_value),
    ("fedns_record_target", c_char_p, (RecordSetP, c_size_t), _check_text),
    ("fedns_record_address", c_char_p, (RecordSetP, c_size_t), _check_text),
    ("fedns_record_purposes", c_uint32, (RecordSetP, c_size_t), _check_value),
    ("fedns_record_comment", c_char_p, (RecordSetP, c_size_t, c_int), _check_text),
    # Rendering.
    ("fedns_render", _S, (RecordSetP, c_int, c_int, _BUF, c_size_t, POINTER(c_size_t)),
     _check_render),
    ("fedns_render_to", _S, (RecordSetP, c_int, c_int, WriteFn, c_void_p), _check_status),
    ("fedns_render_alloc", _S, (RecordSetP, c_int, c_int, POINTER(_BUF), POINTER(c_size_t)),
     _check_status),
    ("fedns_render_free", None, (_BUF,), _check_value),
    # Federation decisions (SPEC 4).
    ("fedns_deployment_policy", _S, (DeploymentP, POINTER(PolicyP)), _check_status),
    ("fedns_policy_free", None, (PolicyP,), _check_value),
    ("fedns_policy_decide", _S, (PolicyP, c_char_p, c_int, POINTER(c_int), POINTER(c_int),
                                 POINTER(c_char_p)), _check_decide),
    ("fedns_reason_name", c_char_p, (c_int,), _check_text),
    ("fedns_verdict_name", c_char_p, (c_int,), _check_text),
    # Certificate names (SPEC 6a).
    ("fedns_deployment_certs", _S, (DeploymentP, POINTER(CertsP)), _check_status),
    ("fedns_certs_free", None, (CertsP,), _check_value),
    ("fedns_certs_count", c_size_t, (CertsP,), _check_value),
    ("fedns_cert_pool", c_char_p, (CertsP, c_size_t), _check_text),
    ("fedns_cert_subject", c_char_p, (CertsP, c_size_t), _check_text),
    ("fedns_cert_subject_why", c_char_p, (CertsP, c_size_t, c_int), _check_text),
    ("fedns_cert_san_count", c_size_t, (CertsP, c_size_t), _check_value),
    ("fedns_cert_san", c_char_p, (CertsP, c_size_t, c_size_t), _check_text),
    ("fedns_cert_san_reason", c_int, (CertsP, c_size_t, c_size_t), _check_value),
    ("fedns_cert_san_why", c_char_p, (CertsP, c_size_t, c_size_t, c_int), _check_text),
    ("fedns_cert_note_count", c_size_t, (CertsP, c_size_t), _check_value),
    ("fedns_cert_note_kind", c_int, (CertsP, c_size_t, c_size_t), _check_value),
    ("fedns_cert_note_text", c_char_p, (CertsP, c_size_t, c_size_t, c_int), _check_text),
    ("fedns_san_reason_name", c_char_p, (c_int,), _check_text),
    ("fedns_cert_note_name", c_char_p, (c_int,), _check_text),
    # Drift: observed records, the comparison, the probes (SPEC 8).
    ("fedns_observed_new", _S, (POINTER(ObservedP),), _check_status),
    ("fedns_observed_new_with_allocator", _S,
     (MallocFn, ReallocFn, FreeFn, c_void_p, POINTER(ObservedP)), _check_status),
    ("fedns_observed_free", None, (ObservedP,), _check_value),
    ("fedns_observed_last_error", c_char_p, (ObservedP,), _check_text),
    ("fedns_observed_count", c_size_t, (ObservedP,), _check_value),
    ("fedns_observed_set_source", _S, (ObservedP, c_char_p), _check_observed),
    ("fedns_observed_add_srv", _S, (ObservedP, c_char_p, c_uint32, c_uint16, c_uint16,
                                    c_uint16, c_char_p, c_uint32), _check_observed),
    ("fedns_observed_add_a", _S, (ObservedP, c_char_p, c_uint32, c_char_p, c_uint32),
     _check_observed),
    ("fedns_observed_add_aaaa", _S, (ObservedP, c_char_p, c_uint32, c_char_p, c_uint32),
     _check_observed),
    ("fedns_observed_add_cname", _S, (ObservedP, c_char_p, c_uint32, c_char_p, c_uint32),
     _check_observed),
    ("fedns_observed_add_other", _S,
     (ObservedP, c_char_p, c_uint32, c_int, c_char_p, c_uint32), _check_observed),
    ("fedns_observed_add_failure", _S, (ObservedP, c_char_p, c_int, c_char_p),
     _check_observed),
    ("fedns_deployment_compare", _S, (DeploymentP, ObservedP, POINTER(FindingsP)),
     _check_status),
    ("fedns_findings_free", None, (FindingsP,), _check_value),
    ("fedns_findings_count", c_size_t, (FindingsP,), _check_value),
    ("fedns_finding_kind", c_int, (FindingsP, c_size_t), _check_value),
    ("fedns_finding_id", c_char_p, (FindingsP, c_size_t), _check_text),
    ("fedns_finding_owner", c_char_p, (FindingsP, c_size_t), _check_text),
    ("fedns_finding_expected_owner", c_char_p, (FindingsP, c_size_t), _check_text),
    ("fedns_finding_rrtype", c_int, (FindingsP, c_size_t), _check_value),
    ("fedns_finding_type_name", c_char_p, (FindingsP, c_size_t), _check_text),
    ("fedns_finding_expected", c_char_p, (FindingsP, c_size_t), _check_text),
    ("fedns_finding_expected_ttl", c_uint32, (FindingsP, c_size_t), _check_value),
    ("fedns_finding_observed", c_char_p, (FindingsP, c_size_t), _check_text),
    ("fedns_finding_observed_ttl", c_uint32, (FindingsP, c_size_t), _check_value),
    ("fedns_finding_source", c_char_p, (FindingsP, c_size_t), _check_text),
    ("fedns_finding_line", c_uint32, (FindingsP, c_size_t), _check_value),
    ("fedns_finding_hint", c_char_p, (FindingsP, c_size_t, c_int), _check_text),
    ("fedns_finding_kind_name", c_char_p, (c_int,), _check_text),
    ("fedns_deployment_probes", _S, (DeploymentP, POINTER(ProbesP)), _check_status),
    ("fedns_probes_free", None, (ProbesP,), _check_value),
    ("fedns_probes_count", c_size_t, (ProbesP,), _check_value),
    ("fedns_probe_name", c_char_p, (ProbesP, c_size_t), _check_text),
    ("fedns_probe_type", c_int, (ProbesP, c_size_t), _check_value),
)


# Functions of the table that the loaded library does not export (an older
# libfedns.so.1): calling one raises FednsError instead of AttributeError.
missing: Tuple[str, ...] = ()


class _Missing:
    """Stands in for a function the loaded library lacks."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, *args: Any) -> Any:
        raise FednsError(2, "the loaded fedns library (%s) has no %s; a newer libfedns.so.1 "
                            "is needed" % (library_name, self.name), name="FEDNS_EINVAL")


def _bind() -> None:
    global missing
    absent = []
    for name, restype, argtypes, errcheck in _PROTOTYPES:
        try:
            func = getattr(lib, name)
        except AttributeError:
            absent.append(name)
            setattr(lib, name, _Missing(name))
            continue
        func.restype = restype
        func.argtypes = argtypes
        func.errcheck = errcheck
    missing = tuple(absent)


def prototypes() -> Sequence[Tuple[str, Any, Tuple[Any, ...], Callable[..., Any]]]:
    """The prototype table (for tests)."""
    return _PROTOTYPES


_bind()
