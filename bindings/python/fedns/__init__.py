"""fedns: the DNS records a Lync Server 2013 / Skype for Business Server edge
deployment needs, from the fedns C library (libfedns.so.1) through ctypes.

Three lines to a record set::

    import fedns
    d = fedns.Deployment.from_json(open("docs/examples/contoso.json").read())
    print(d.render("table"))

The library is found through the ``FEDNS_LIBRARY`` environment variable (a
path), else its SONAME ``libfedns.so.1``, else ``ctypes.util.find_library``.
"""
from __future__ import annotations

from ctypes import create_string_buffer

from . import _args
from ._certs import Certificate, Note, SanEntry
from ._drift import TTL_UNKNOWN, Finding, Observed, Probe
from ._errors import DocumentError, FednsError, FednsTypeError, FednsValueError
from ._model import (Deployment, Diagnostic, EdgePool, HostingProvider, PublicProvider, Record,
                     ReverseProxy, SipDomain, XmppPartner)
from ._policy import Decision, Policy
from ._native import lib as _lib
from ._native import library_name

__version__ = "1.0.0"

__all__ = [
    "Deployment", "SipDomain", "EdgePool", "XmppPartner", "PublicProvider",
    "HostingProvider", "ReverseProxy", "Diagnostic", "Record", "Policy", "Decision",
    "Certificate", "SanEntry", "Note", "Observed", "Finding", "Probe", "TTL_UNKNOWN",
    "FednsError", "FednsTypeError", "FednsValueError", "DocumentError", "library_version",
    "library_name", "normalize_name", "normalize_address", "FORMATS", "LANGS", "PROTOCOLS",
]

#: The formats render() takes.
FORMATS = tuple(_args.FORMATS)
#: The languages of comments, messages and headings.
LANGS = tuple(_args.LANGS)
#: The protocols decide() takes.
PROTOCOLS = tuple(_args.PROTOCOLS)


def library_version() -> str:
    """The loaded C library's version, "MAJOR.MINOR.PATCH"."""
    return _lib.fedns_version_string()


def normalize_name(name: str) -> str:
    """A DNS name's normal form (SPEC 5: lower case, no trailing dot), Unicode
    names as A-labels. Raises FednsError FEDNS_EBADNAME with the library's
    reason (which label, and why)."""
    raw = _args.domain(name, "name")
    out = create_string_buffer(256)
    why = create_string_buffer(256)
    _lib.fedns_name_normalize(raw, out, len(out), why, len(why))
    return out.value.decode("ascii")


def normalize_address(address: str) -> str:
    """An IPv4 or IPv6 literal in canonical form (RFC 5952 for IPv6). Raises
    FednsError FEDNS_EBADADDR with the library's reason."""
    raw = _args.text(address, "address")
    out = create_string_buffer(64)
    why = create_string_buffer(256)
    _lib.fedns_address_normalize(raw, out, len(out), why, len(why))
    return out.value.decode("ascii")
