"""The deployment document (SPEC 7) onto the Python API.

This follows tools/document.c, the ``fedns`` command's loader, key for key:
the same keys, kinds, required keys and words, the same order of checks (the
version first; an object's own keys, in document order, before what they
contain; then the required keys) and the same messages, so that
``Deployment.from_json(text)`` fails where and as ``fedns records`` does. The
library is called through the public classes of _model; names and addresses
go to it as written (after IDNA conversion of Unicode names) and validation
judges them.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Callable, List, NamedTuple, Optional, Sequence, Union

from . import _args
from ._errors import EINVAL, DocumentError, FednsError, FednsTypeError

# JSON kinds a key accepts, a bit set (the order of _KIND_NAMES).
K_BOOLEAN, K_INTEGER, K_STRING, K_ARRAY, K_OBJECT = 1, 2, 4, 8, 16
_KIND_NAMES = ("a boolean", "an integer", "a string", "an array", "an object")

# tools/document.c's buffers: a key path, and a value shown in a message.
_PATH_CAP = 512
_VALUE_CAP = 128


class _Field(NamedTuple):
    """One key an object may have. `setting` is the keyword of the target's
    set() that the key's value goes to; `load` reads a key that holds more;
    a key with neither is read by the code that creates the object."""

    key: str
    kinds: int
    required: bool = False
    setting: Optional[str] = None
    words: Optional[Mapping[str, int]] = None
    load: Optional[Callable[["_Loader", Any, Any], None]] = None


Step = Union[str, int]


# ---- Messages ------------------------------------------------------------------

def _escape(s: str, cap: int) -> bytes:
    """`s` as UTF-8 with control characters shown as \\xHH; what does not fit
    in `cap` bytes (with the NUL C needs) ends in "..." (document.c's escape)."""
    out = bytearray()
    for c in s.encode("utf-8", "backslashreplace"):
        piece = b"\\x%02x" % c if c < 0x20 or c == 0x7F else bytes((c,))
        if len(out) + len(piece) + 4 > cap:
            while out and (out[-1] & 0xC0) == 0x80:
                out.pop()
            if out and out[-1] >= 0xC0:
                out.pop()
            return bytes(out) + b"..."
        out += piece
    return bytes(out)


def _format_path(steps: Sequence[Step]) -> str:
    """The key path as "a.b[1].c" (document.c's format_path)."""
    out = b""
    for s, step in enumerate(steps):
        if len(out) + 8 >= _PATH_CAP:
            break
        if isinstance(step, str):
            if s > 0:
                out += b"."
            out += _escape(step, _PATH_CAP - len(out))
        else:
            index = b"[%d]" % step
            out = out + index if len(index) < _PATH_CAP - len(out) else out[:_PATH_CAP - 1]
    return out.decode("utf-8", "replace")


def _kind_of(value: Any) -> int:
    if isinstance(value, bool):
        return K_BOOLEAN
    if isinstance(value, int):
        return K_INTEGER
    if isinstance(value, str):
        return K_STRING
    if isinstance(value, (list, tuple)):
        return K_ARRAY
    if isinstance(value, Mapping):
        return K_OBJECT
    return 0


def _describe(value: Any) -> str:
    kind = _kind_of(value)
    if kind:
        return _KIND_NAMES[kind.bit_length() - 1]
    if value is None:
        return "null"
    if isinstance(value, float):
        return "a number with a fraction or exponent"
    return "a Python %s (not JSON)" % type(value).__name__


def _describe_kinds(kinds: int) -> str:
    return " or ".join(name for i, name in enumerate(_KIND_NAMES) if kinds & (1 << i))


# ---- The walk ------------------------------------------------------------------

class _Loader:
    def __init__(self, dep: Any) -> None:
        self.dep = dep
        self.path: List[Step] = []

    def fail(self, key: Optional[Step], message: str, status: int = EINVAL) -> None:
        """Raises the error at the current path, or at its member `key`."""
        steps = self.path + ([key] if key is not None else [])
        raise DocumentError(message, _format_path(steps), status=status)

    def call(self, key: Optional[Step], fn: Callable[..., Any], *args: Any,
             **kwargs: Any) -> Any:
        """Calls the Python API; its error becomes one at member `key`."""
        try:
            return fn(*args, **kwargs)
        except FednsError as e:
            self.fail(key, e.detail or e.name, e.status)

    def name(self, key: str, value: str) -> str:
        """A DNS name of the document, converted (IDNA) with its own path."""
        return self.call(key, _args.domain, value, key).decode("ascii")

    def type_error(self, key: Optional[Step], kinds: int, value: Any) -> None:
        self.fail(key, "expected %s, found %s" % (_describe_kinds(kinds), _describe(value)))

    def check_string(self, key: Optional[Step], value: str) -> None:
        # jansson refuses both when it parses; C would cut a string at a NUL.
        if "\0" in value:
            self.fail(key, "\\u0000 is not allowed (C would cut the string there)")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            self.fail(key, "invalid Unicode (an unpaired surrogate)")

    def check_value(self, f: _Field, key: str, value: Any) -> None:
        kind = _kind_of(value)
        if not kind & f.kinds:
            self.type_error(key, f.kinds, value)
        if kind == K_STRING:
            self.check_string(key, value)
            if f.words is not None and value not in f.words:
                self.fail(key, 'unknown value "%s"; expected one of: %s' % (
                    _escape(value, _VALUE_CAP).decode("utf-8", "replace"),
                    ", ".join(f.words)))
        if kind == K_INTEGER and not _args.INT64_MIN <= value <= _args.INT64_MAX:
            self.fail(key, "integer %d is out of range" % value)

    def check_object(self, obj: Mapping[Any, Any], fields: Sequence[_Field]) -> None:
        """An object's keys, in document order: unknown keys, kinds, words;
        then the required keys."""
        by_key = {f.key: f for f in fields}
        for key, value in obj.items():
            if not isinstance(key, str):
                self.fail(None, "keys are strings, not %s" % _describe(key))
            f = by_key.get(key)
            if f is None:
                self.fail(key, "unknown key; expected one of: "
                          + ", ".join(f.key for f in fields))
            self.check_value(f, key, value)
        for f in fields:
            if f.required and f.key not in obj:
                self.fail(f.key, "required key is missing")

    def apply(self, obj: Mapping[str, Any], fields: Sequence[_Field], target: Any) -> None:
        """Applies a checked object's settings to `target`, in document order."""
        by_key = {f.key: f for f in fields}
        for key, value in obj.items():
            f = by_key[key]
            if f.setting is not None:
                self.call(key, target.set, **{f.setting: value})
            elif f.load is not None:
                self.path.append(key)
                f.load(self, value, target)
                self.path.pop()

    def settings(self, obj: Mapping[str, Any], fields: Sequence[_Field], target: Any) -> None:
        self.check_object(obj, fields)
        self.apply(obj, fields, target)

    def objects(self, items: Sequence[Any], load: Callable[["_Loader", Any, Any], None],
                target: Any) -> None:
        """Hands each element of an array of objects to `load`."""
        for i, item in enumerate(items):
            self.path.append(i)
            if isinstance(item, Mapping):
                load(self, item, target)
            else:
                self.type_error(None, K_OBJECT, item)
            self.path.pop()

    def strings(self, items: Sequence[Any], add: Callable[[str], None]) -> None:
        """Hands each element of an array of strings to `add`."""
        for i, item in enumerate(items):
            self.path.append(i)
            if isinstance(item, str):
                self.check_string(None, item)
                self.call(None, add, item)
            else:
                self.type_error(None, K_STRING, item)
            self.path.pop()


# ---- SIP domains -----------------------------------------------------------------

def _load_domain_edge_pool(ld: _Loader, value: str, domain: Any) -> None:
    ld.call(None, domain.set_edge_pool, value)


_DOMAIN_FIELDS = (
    _Field("name", K_STRING, True),
    _Field("users", K_BOOLEAN, setting="users"),
    _Field("mobility", K_BOOLEAN, setting="mobility"),
    _Field("xmpp", K_BOOLEAN, setting="xmpp"),
    _Field("hosting", K_STRING, setting="hosting", words=_args.HOSTINGS),
    _Field("edge_pool", K_STRING, load=_load_domain_edge_pool),
)


def _load_domain(ld: _Loader, obj: Mapping[str, Any], dep: Any) -> None:
    ld.check_object(obj, _DOMAIN_FIELDS)
    domain = ld.call("name", dep.add_sip_domain, obj["name"])
    ld.apply(obj, _DOMAIN_FIELDS, domain)


def _load_domains(ld: _Loader, items: Sequence[Any], dep: Any) -> None:
    ld.objects(items, _load_domain, dep)


# ---- Edge pools ----------------------------------------------------------------

_ACCESS_EDGE_FIELDS = (
    _Field("host", K_STRING),
    _Field("fqdn", K_STRING),
    _Field("addresses", K_ARRAY),
)

# A webconf or A/V edge is only its name and addresses: both are needed.
_ROLE_EDGE_FIELDS = (
    _Field("fqdn", K_STRING, True),
    _Field("addresses", K_ARRAY, True),
)


def _load_edge(ld: _Loader, obj: Mapping[str, Any], pool: Any, role: str) -> None:
    ld.check_object(obj, _ACCESS_EDGE_FIELDS if role == "access" else _ROLE_EDGE_FIELDS)
    if "host" in obj and "fqdn" in obj:
        ld.fail("fqdn", 'give either "host" or "fqdn", not both')
    if "host" in obj:
        ld.call("host", pool.set_access_edge_host, obj["host"])
    if "fqdn" in obj:
        ld.call("fqdn", pool.set_fqdn, role, obj["fqdn"])
    if "addresses" in obj:
        ld.path.append("addresses")
        ld.strings(obj["addresses"], lambda address: pool.add_address(role, address))
        ld.path.pop()


def _load_access_edge(ld: _Loader, obj: Mapping[str, Any], pool: Any) -> None:
    _load_edge(ld, obj, pool, "access")


def _load_webconf_edge(ld: _Loader, obj: Mapping[str, Any], pool: Any) -> None:
    _load_edge(ld, obj, pool, "webconf")


def _load_av_edge(ld: _Loader, obj: Mapping[str, Any], pool: Any) -> None:
    _load_edge(ld, obj, pool, "av")


_XMPP_PROXY_FIELDS = (_Field("host", K_STRING, True),)


def _load_xmpp_proxy(ld: _Loader, value: Any, pool: Any) -> None:
    """`true`/`false`, or {"host": LABEL} for a label other than "xmpp"."""
    if isinstance(value, bool):
        ld.call(None, pool.set, xmpp_proxy=value)
        return
    ld.check_object(value, _XMPP_PROXY_FIELDS)
    ld.call("host", pool.set_xmpp_host, value["host"])


_POOL_FIELDS = (
    _Field("name", K_STRING, True),
    _Field("federation_route", K_BOOLEAN, setting="federation_route"),
    _Field("xmpp_proxy", K_BOOLEAN | K_OBJECT, load=_load_xmpp_proxy),
    _Field("load_balancing", K_STRING, setting="load_balancing",
           words=_args.LOAD_BALANCINGS),
    _Field("access_edge", K_OBJECT, load=_load_access_edge),
    _Field("webconf_edge", K_OBJECT, load=_load_webconf_edge),
    _Field("av_edge", K_OBJECT, load=_load_av_edge),
)


def _load_pool(ld: _Loader, obj: Mapping[str, Any], dep: Any) -> None:
    ld.check_object(obj, _POOL_FIELDS)
    pool = ld.call("name", dep.add_edge_pool, obj["name"])
    ld.apply(obj, _POOL_FIELDS, pool)


def _load_pools(ld: _Loader, items: Sequence[Any], dep: Any) -> None:
    ld.objects(items, _load_pool, dep)


# ---- Federation ----------------------------------------------------------------

_ALLOWED_FIELDS = (
    _Field("domain", K_STRING, True),
    _Field("proxy_fqdn", K_STRING),
    _Field("comment", K_STRING),
)


def _load_allowed(ld: _Loader, obj: Mapping[str, Any], dep: Any) -> None:
    ld.check_object(obj, _ALLOWED_FIELDS)
    proxy = obj.get("proxy_fqdn")
    if proxy is not None:
        proxy = ld.name("proxy_fqdn", proxy)
    ld.call("domain", dep.add_allowed_domain, obj["domain"], proxy, obj.get("comment"))


def _load_allowed_list(ld: _Loader, items: Sequence[Any], dep: Any) -> None:
    ld.objects(items, _load_allowed, dep)


_BLOCKED_FIELDS = (
    _Field("domain", K_STRING, True),
    _Field("comment", K_STRING),
)


def _load_blocked(ld: _Loader, obj: Mapping[str, Any], dep: Any) -> None:
    ld.check_object(obj, _BLOCKED_FIELDS)
    ld.call("domain", dep.add_blocked_domain, obj["domain"], obj.get("comment"))


def _load_blocked_list(ld: _Loader, items: Sequence[Any], dep: Any) -> None:
    ld.objects(items, _load_blocked, dep)


# `push_notifications` sits here in the document though it is its own cmdlet's
# setting (SPEC 1).
_FEDERATION_FIELDS = (
    _Field("allow_federated_users", K_BOOLEAN, setting="allow_federated_users"),
    _Field("partner_discovery", K_BOOLEAN, setting="partner_discovery"),
    _Field("discoverable", K_BOOLEAN, setting="discoverable"),
    _Field("push_notifications", K_BOOLEAN, setting="push_notifications"),
    _Field("allowed_domains", K_ARRAY, load=_load_allowed_list),
    _Field("blocked_domains", K_ARRAY, load=_load_blocked_list),
)


def _load_federation(ld: _Loader, obj: Mapping[str, Any], dep: Any) -> None:
    ld.settings(obj, _FEDERATION_FIELDS, dep)


# ---- XMPP partners ---------------------------------------------------------------

def _load_partner_domains(ld: _Loader, items: Sequence[Any], partner: Any) -> None:
    ld.strings(items, partner.add_domain)


def _load_partner_proxy(ld: _Loader, value: str, partner: Any) -> None:
    ld.call(None, partner.set_proxy_fqdn, value)


_PARTNER_FIELDS = (
    _Field("domain", K_STRING, True),
    _Field("additional_domains", K_ARRAY, load=_load_partner_domains),
    _Field("type", K_STRING, setting="type", words=_args.XMPP_TYPES),
    _Field("tls", K_STRING, setting="tls", words=_args.NEGOTIATIONS),
    _Field("sasl", K_STRING, setting="sasl", words=_args.NEGOTIATIONS),
    _Field("dialback", K_BOOLEAN, setting="dialback"),
    _Field("proxy_fqdn", K_STRING, load=_load_partner_proxy),
)


def _load_partner(ld: _Loader, obj: Mapping[str, Any], dep: Any) -> None:
    ld.check_object(obj, _PARTNER_FIELDS)
    partner = ld.call("domain", dep.add_xmpp_partner, obj["domain"])
    ld.apply(obj, _PARTNER_FIELDS, partner)


def _load_partners(ld: _Loader, items: Sequence[Any], dep: Any) -> None:
    ld.objects(items, _load_partner, dep)


_XMPP_FIELDS = (_Field("partners", K_ARRAY, load=_load_partners),)


def _load_xmpp(ld: _Loader, obj: Mapping[str, Any], dep: Any) -> None:
    ld.settings(obj, _XMPP_FIELDS, dep)


# ---- Public IM and hosting providers -------------------------------------------

def _load_provider_domains(ld: _Loader, items: Sequence[Any], provider: Any) -> None:
    ld.strings(items, provider.add_domain)


_PUBLIC_PROVIDER_FIELDS = (
    _Field("name", K_STRING, True),
    _Field("proxy_fqdn", K_STRING, True),
    _Field("domains", K_ARRAY, load=_load_provider_domains),
    _Field("enabled", K_BOOLEAN, setting="enabled"),
)


def _load_public_provider(ld: _Loader, obj: Mapping[str, Any], dep: Any) -> None:
    ld.check_object(obj, _PUBLIC_PROVIDER_FIELDS)
    proxy = ld.name("proxy_fqdn", obj["proxy_fqdn"])
    provider = ld.call("name", dep.add_public_provider, obj["name"], proxy)
    ld.apply(obj, _PUBLIC_PROVIDER_FIELDS, provider)


def _load_public_providers(ld: _Loader, items: Sequence[Any], dep: Any) -> None:
    ld.objects(items, _load_public_provider, dep)


_PUBLIC_IM_FIELDS = (
    _Field("enabled", K_BOOLEAN, setting="public_im"),
    _Field("providers", K_ARRAY, load=_load_public_providers),
)


def _load_public_im(ld: _Loader, obj: Mapping[str, Any], dep: Any) -> None:
    ld.settings(obj, _PUBLIC_IM_FIELDS, dep)


_HOSTING_PROVIDER_FIELDS = (
    _Field("name", K_STRING, True),
    _Field("proxy_fqdn", K_STRING, True),
    _Field("enabled", K_BOOLEAN, setting="enabled"),
    _Field("verification", K_STRING, setting="verification", words=_args.VERIFICATIONS),
)


def _load_hosting_provider(ld: _Loader, obj: Mapping[str, Any], dep: Any) -> None:
    ld.check_object(obj, _HOSTING_PROVIDER_FIELDS)
    proxy = ld.name("proxy_fqdn", obj["proxy_fqdn"])
    provider = ld.call("name", dep.add_hosting_provider, obj["name"], proxy)
    ld.apply(obj, _HOSTING_PROVIDER_FIELDS, provider)


def _load_hosting_providers(ld: _Loader, items: Sequence[Any], dep: Any) -> None:
    ld.objects(items, _load_hosting_provider, dep)


_EXTERNAL_ACCESS_FIELDS = (_Field("enabled", K_BOOLEAN, setting="external_access"),)


def _load_external_access(ld: _Loader, obj: Mapping[str, Any], dep: Any) -> None:
    ld.settings(obj, _EXTERNAL_ACCESS_FIELDS, dep)


# ---- The reverse proxy -------------------------------------------------------------

def _load_proxy_addresses(ld: _Loader, items: Sequence[Any], proxy: Any) -> None:
    ld.strings(items, proxy.add_address)


def _load_proxy_dialin(ld: _Loader, value: str, proxy: Any) -> None:
    ld.call(None, proxy.set_fqdn, "dialin", value)


def _load_proxy_web(ld: _Loader, value: str, proxy: Any) -> None:
    ld.call(None, proxy.set_fqdn, "web", value)


_REVERSE_PROXY_FIELDS = (
    _Field("addresses", K_ARRAY, True, load=_load_proxy_addresses),
    _Field("lyncdiscover", K_BOOLEAN, setting="lyncdiscover"),
    _Field("meet", K_BOOLEAN, setting="meet"),
    _Field("dialin", K_STRING, load=_load_proxy_dialin),
    _Field("web_fqdn", K_STRING, load=_load_proxy_web),
)


def _load_reverse_proxy(ld: _Loader, obj: Mapping[str, Any], dep: Any) -> None:
    ld.check_object(obj, _REVERSE_PROXY_FIELDS)
    proxy = ld.call(None, dep.add_reverse_proxy)
    ld.apply(obj, _REVERSE_PROXY_FIELDS, proxy)


# ---- The document ----------------------------------------------------------------

_ROOT_FIELDS = (
    _Field("fedns", K_INTEGER, True),
    _Field("ttl", K_INTEGER, setting="ttl"),
    _Field("server", K_STRING, setting="server", words=_args.SERVERS),
    _Field("sip_domains", K_ARRAY, load=_load_domains),
    _Field("edge_pools", K_ARRAY, load=_load_pools),
    _Field("federation", K_OBJECT, load=_load_federation),
    _Field("xmpp", K_OBJECT, load=_load_xmpp),
    _Field("public_im", K_OBJECT, load=_load_public_im),
    _Field("hosting_providers", K_ARRAY, load=_load_hosting_providers),
    _Field("external_access", K_OBJECT, load=_load_external_access),
    _Field("reverse_proxy", K_OBJECT, load=_load_reverse_proxy),
)


def _load_root(ld: _Loader, doc: Any) -> None:
    if not isinstance(doc, Mapping):
        raise DocumentError("a deployment document is a JSON object, not %s" % _describe(doc))
    # The version comes before any other key: a later version may have keys
    # this one does not know.
    if "fedns" not in doc:
        ld.fail("fedns", 'required key is missing; a deployment document begins with '
                '"fedns": 1')
    version = doc["fedns"]
    if _kind_of(version) != K_INTEGER:
        ld.type_error("fedns", K_INTEGER, version)
    if version != 1:
        ld.fail("fedns", "unsupported document version %d; this fedns reads version 1"
                % version)
    ld.settings(doc, _ROOT_FIELDS, ld.dep)


def load(cls: Any, document: Any) -> Any:
    """Deployment.from_dict(): a new deployment loaded from `document`."""
    dep = cls()
    try:
        _load_root(_Loader(dep), document)
    except BaseException:
        dep.close()
        raise
    return dep


# ---- JSON text ---------------------------------------------------------------------

class _Syntax(Exception):
    """A syntax error that json.loads() does not catch but jansson does."""


def _pairs(pairs: List[Any]) -> dict:
    out = {}
    for key, value in pairs:
        if key in out:
            raise _Syntax('duplicate object key "%s"'
                          % _escape(key, _VALUE_CAP).decode("utf-8", "replace"))
        out[key] = value
    return out


def _constant(name: str) -> Any:
    raise _Syntax("invalid token near '%s'" % name)


def _integer(digits: str) -> int:
    # jansson holds a json_int_t (int64); a longer number is a syntax error.
    if len(digits) > 20 or not _args.INT64_MIN <= int(digits) <= _args.INT64_MAX:
        raise _Syntax("too big integer near '%s'" % digits[:40])
    return int(digits)


def _position(text: str, index: int) -> tuple:
    """1-based line and column (in characters) of `text[index]`."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def load_json(cls: Any, text: Union[str, bytes, bytearray]) -> Any:
    """Deployment.from_json(): parses like jansson (UTF-8 only, no duplicate
    keys, no NaN, integers within int64) and loads the document."""
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as e:
            before = bytes(text[:e.start]).decode("utf-8")
            line, column = _position(before + "?", len(before))
            raise DocumentError("invalid JSON: invalid UTF-8 (%s)" % e.reason,
                                line=line, column=column) from None
    elif not isinstance(text, str):
        raise FednsTypeError("from_json() takes str or bytes, not %s" % _args.type_name(text))
    try:
        doc = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant,
                         parse_int=_integer)
    except json.JSONDecodeError as e:
        raise DocumentError("invalid JSON: " + e.msg, line=e.lineno, column=e.colno) from None
    except _Syntax as e:
        raise DocumentError("invalid JSON: %s" % e) from None
    except RecursionError:
        raise DocumentError("invalid JSON: too many nesting levels") from None
    return load(cls, doc)
