"""Checks and conversions of arguments before they reach the library.

C cannot tell a Python type, and it would silently cut a string at an
embedded NUL, so every argument is checked here first. The errors are
FednsTypeError / FednsValueError (FednsError and TypeError / ValueError).
"""
from __future__ import annotations

from typing import Any, List, Mapping, Optional, Sequence

from ._errors import EBADNAME, FednsTypeError, FednsValueError

INT64_MIN = -(1 << 63)
INT64_MAX = (1 << 63) - 1

# Longer than any DNS name can be (253 octets) by far; Python's IDNA codec is
# slow on megabytes of text, so longer non-ASCII names are refused outright.
_IDNA_MAX = 1024

# The words of SPEC 7 and the values fedns.h gives them.
SERVERS = {"lync2013": 0, "sfb2015": 1, "sfb2019": 2, "sfbse": 3}
LOAD_BALANCINGS = {"single": 0, "dns": 1, "hardware": 2}
XMPP_TYPES = {"federated": 0, "public_verified": 1, "public_unverified": 2}
NEGOTIATIONS = {"required": 0, "optional": 1, "not_supported": 2}
VERIFICATIONS = {"use_source_verification": 0, "always_verifiable": 1,
                 "always_unverifiable": 2}
HOSTINGS = {"on_premises": 0, "online": 1}
ROLES = {"access": 0, "webconf": 1, "av": 2}
PROXY_NAMES = {"dialin": 0, "web": 1}
LANGS = {"en": 0, "zh-CN": 1}
# In the order `fedns records --format` lists them.
FORMATS = {"zone": 1, "table": 2, "sheet": 6, "csv": 3, "json": 4, "markdown": 5,
           "nsupdate": 7, "powershell": 8, "octodns": 9}
# fedns_protocol, with the words of `fedns policy --protocol`.
PROTOCOLS = {"sip": 1, "xmpp": 2}
# fedns_rrtype, with their IANA numbers.
RRTYPES = {"A": 1, "CNAME": 5, "AAAA": 28, "SRV": 33}

# Results the library reports as numbers, with the names its *_name()
# functions give them (fedns_verdict_name(), fedns_reason_name(), ...).
VERDICTS = {"allow": 1, "deny": 2, "internal": 3}
REASONS = {"federation-disabled": 1, "blocked": 2, "allowed": 3, "public-provider": 4,
           "discovered": 5, "not-allowed": 6, "xmpp-disabled": 7, "federated": 8,
           "public-verified": 9, "public-unverified": 10, "internal": 11}
SAN_REASONS = {"subject": 1, "webconf-edge": 2, "sip-domain": 3, "xmpp-domain": 4,
               "xmpp-proxy": 5}
CERT_NOTES = {"public-ca": 1, "exportable-key": 2, "client-eku": 3, "no-wildcard": 4}
DRIFT_KINDS = {"missing": 1, "unexpected": 2, "different": 3, "near-miss": 4, "alias": 5,
               "online-conflict": 6, "lookup-failed": 7}

# FEDNS_TTL_UNKNOWN: an observed record's TTL that is not known.
TTL_UNKNOWN = 0xFFFFFFFF


def type_name(value: Any) -> str:
    """"an int", "None": how a message names a wrong argument's type."""
    if value is None:
        return "None"
    name = type(value).__name__
    return ("an " if name[:1] in "aeiou" else "a ") + name


def shown(s: str, limit: int = 80) -> str:
    """A string for a message: quoted, escaped, cut at `limit` characters."""
    if len(s) > limit:
        return repr(s[:limit]) + "... (%d characters)" % len(s)
    return repr(s)


def text(value: Any, what: str, *, optional: bool = False) -> Optional[bytes]:
    """A str argument as UTF-8 bytes for a `const char *`; None only if
    `optional`. Refuses a NUL character and unpaired surrogates."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise FednsTypeError("%s must be a str%s, not %s"
                             % (what, " or None" if optional else "", type_name(value)))
    if "\0" in value:
        raise FednsValueError("%s contains a NUL character at index %d; C would cut the "
                              "string there" % (what, value.index("\0")))
    try:
        return value.encode("utf-8")
    except UnicodeEncodeError as e:
        raise FednsValueError("%s is not valid Unicode (%s)" % (what, e.reason)) from None


def domain(value: Any, what: str, *, optional: bool = False) -> Optional[bytes]:
    """A DNS name: as text(), with a Unicode name converted to A-labels by
    Python's IDNA codec (the core takes only ASCII). An ASCII name goes to the
    core as given, so that validation judges it (V1)."""
    raw = text(value, what, optional=optional)
    if raw is None or raw.isascii():
        return raw
    if len(value) > _IDNA_MAX:
        raise FednsValueError("%s is %d characters long, too long for a DNS name"
                              % (what, len(value)), EBADNAME)
    try:
        return value.encode("idna")
    except UnicodeError as e:
        reason = str(e.__cause__ or e)
        if reason.startswith("encoding with 'idna' codec failed"):
            reason = reason.split("(", 1)[-1].rstrip(")")
        raise FednsValueError("%s %s cannot be converted to A-labels: %s"
                              % (what, shown(value), reason), EBADNAME) from None


def domains(values: Any, what: str) -> List[bytes]:
    """A list or tuple of DNS names (a lone str is refused, not iterated)."""
    if not isinstance(values, (list, tuple)):
        raise FednsTypeError("%s must be a list or tuple of str, not %s"
                             % (what, type_name(values)))
    return [domain(v, "%s[%d]" % (what, i)) for i, v in enumerate(values)]  # type: ignore[misc]


def texts(values: Any, what: str) -> List[bytes]:
    """A list or tuple of str."""
    if not isinstance(values, (list, tuple)):
        raise FednsTypeError("%s must be a list or tuple of str, not %s"
                             % (what, type_name(values)))
    return [text(v, "%s[%d]" % (what, i)) for i, v in enumerate(values)]  # type: ignore[misc]


def boolean(value: Any, what: str) -> int:
    """A bool (not 0/1, not a str) as the library's 0 or 1."""
    if not isinstance(value, bool):
        raise FednsTypeError("%s must be a bool, not %s" % (what, type_name(value)))
    return int(value)


def int64(value: Any, what: str) -> int:
    """An int (not a bool) that fits int64_t."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise FednsTypeError("%s must be an int, not %s" % (what, type_name(value)))
    if not INT64_MIN <= value <= INT64_MAX:
        raise FednsValueError("%s %d is out of range (%d..%d)"
                              % (what, value, INT64_MIN, INT64_MAX))
    return value


def uint(value: Any, what: str, maximum: int) -> int:
    """An int (not a bool) in 0..maximum, for an unsigned C parameter (ctypes
    would silently wrap a value out of range)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise FednsTypeError("%s must be an int, not %s" % (what, type_name(value)))
    if not 0 <= value <= maximum:
        raise FednsValueError("%s %d is out of range (0..%d)" % (what, value, maximum))
    return value


def word(value: Any, what: str, words: Mapping[str, int]) -> int:
    """One of a few words ("dns", "zh-CN") as the library's number."""
    if not isinstance(value, str):
        raise FednsTypeError("%s must be a str, one of: %s; not %s"
                             % (what, ", ".join(words), type_name(value)))
    if value not in words:
        raise FednsValueError("%s %s is not one of: %s"
                              % (what, shown(value), ", ".join(words)))
    return words[value]


def name_of(words: Mapping[str, int], number: int) -> Optional[str]:
    """The word of a number (the reverse of word())."""
    for k, v in words.items():
        if v == number:
            return k
    return None


def sequence(value: Any, what: str) -> Sequence[Any]:
    """A list or tuple argument."""
    if not isinstance(value, (list, tuple)):
        raise FednsTypeError("%s must be a list or tuple, not %s" % (what, type_name(value)))
    return value
