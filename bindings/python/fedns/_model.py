"""The deployment model (SPEC 1), its diagnostics (SPEC 3), records (SPEC 2),
rendering (SPEC 6), federation decisions (SPEC 4), certificate names (SPEC
6a) and drift (SPEC 8), as thin classes over the C library."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from ctypes import POINTER, byref, c_char, c_int64, c_size_t, cast
from dataclasses import dataclass
from typing import Any, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from . import _args, _certs
from . import _native as n
from ._certs import Certificate
from ._drift import Finding, Observed, Probe, read_findings, read_probes
from ._errors import EINVALID, FednsError, FednsTypeError, FednsValueError
from ._handle import _Handle
from ._policy import Decision, Policy

__all__ = ["Deployment", "SipDomain", "EdgePool", "XmppPartner", "PublicProvider",
           "HostingProvider", "ReverseProxy", "Diagnostic", "Record"]

lib = n.lib

# fedns_option values (fedns.h).
OPT_TTL = 0
OPT_SERVER = 1
OPT_ALLOW_FEDERATED_USERS = 2
OPT_PARTNER_DISCOVERY = 3
OPT_DISCOVERABLE = 4
OPT_PUSH_NOTIFICATIONS = 5
OPT_PUBLIC_IM = 6
OPT_EXTERNAL_ACCESS = 7
OPT_DOMAIN_USERS = 20
OPT_DOMAIN_MOBILITY = 21
OPT_DOMAIN_XMPP = 22
OPT_DOMAIN_HOSTING = 23
OPT_POOL_FEDERATION_ROUTE = 40
OPT_POOL_XMPP_PROXY = 41
OPT_POOL_LOAD_BALANCING = 42
OPT_XMPP_TYPE = 60
OPT_XMPP_TLS = 61
OPT_XMPP_SASL = 62
OPT_XMPP_DIALBACK = 63
OPT_PROVIDER_ENABLED = 80
OPT_PROVIDER_VERIFICATION = 81
OPT_PROXY_LYNCDISCOVER = 100
OPT_PROXY_MEET = 101

_LOCATIONS = {1: "external", 2: "internal"}
_PURPOSE_BITS = 10  # FEDNS_PURPOSE_* are bits 0..9, in SPEC 6's tag order


@dataclass(frozen=True)
class Diagnostic:
    """One finding of validation (SPEC 3).

    Attributes:
        rule: the rule id, "V1" .. "V24".
        severity: "error", "warning" or "info".
        subject: the domain, pool or entry it is about ("deployment" for
            deployment-wide ones).
        message: what is wrong and what to change, in the language asked for.
    """

    rule: str
    severity: str
    subject: str
    message: str


@dataclass(frozen=True)
class Record:
    """One external DNS record (SPEC 2), with the fields of SPEC 6's JSON
    output; a field that does not apply to the type is None.

    Attributes:
        owner: absolute owner name with its trailing dot.
        type: "A", "AAAA", "CNAME" or "SRV".
        ttl: seconds.
        priority, weight, port: SRV only.
        target: SRV and CNAME only, absolute with its trailing dot.
        address: A and AAAA only, canonical text.
        location: "external" (internal DNS is out of scope for v1).
        purposes: purpose tags in SPEC 6's order ("external-access", ...).
        comment: why the record exists, in the language asked for.
    """

    owner: str
    type: str
    ttl: int
    priority: Optional[int]
    weight: Optional[int]
    port: Optional[int]
    target: Optional[str]
    address: Optional[str]
    location: str
    purposes: Tuple[str, ...]
    comment: str


# ---- Handles ----------------------------------------------------------------

def _new_diagnostics_list(ptr: Any, lang: int) -> List[Diagnostic]:
    out = []
    for i in range(lib.fedns_diagnostics_count(ptr)):
        out.append(Diagnostic(
            rule=lib.fedns_diagnostic_rule(ptr, i) or "",
            severity=lib.fedns_severity_name(lib.fedns_diagnostic_severity(ptr, i)) or "",
            subject=lib.fedns_diagnostic_subject(ptr, i) or "",
            message=lib.fedns_diagnostic_message(ptr, i, lang) or ""))
    return out


def _purposes(bits: int) -> Tuple[str, ...]:
    return tuple(lib.fedns_purpose_name(1 << b) or "" for b in range(_PURPOSE_BITS)
                 if bits & (1 << b))


def _record(rs: Any, i: int, lang: int) -> Record:
    rrtype = lib.fedns_record_type(rs, i)
    srv = rrtype == 33  # FEDNS_RR_SRV
    return Record(
        owner=lib.fedns_record_owner(rs, i) or "",
        type=lib.fedns_rrtype_name(rrtype) or str(rrtype),
        ttl=lib.fedns_record_ttl(rs, i),
        priority=lib.fedns_record_priority(rs, i) if srv else None,
        weight=lib.fedns_record_weight(rs, i) if srv else None,
        port=lib.fedns_record_port(rs, i) if srv else None,
        target=lib.fedns_record_target(rs, i),
        address=lib.fedns_record_address(rs, i),
        location=_LOCATIONS.get(lib.fedns_record_location(rs, i), "unknown"),
        purposes=_purposes(lib.fedns_record_purposes(rs, i)),
        comment=lib.fedns_record_comment(rs, i, lang) or "")


# ---- Deployment options as properties ---------------------------------------

def _option(option: int, kind: Union[str, Mapping[str, int]], doc: str) -> property:
    """A property over fedns_deployment_get()/_set(). `kind` is "bool", "int",
    "tristate" (None, False or True; -1 in C) or a word table."""

    def getter(self: "Deployment") -> Any:
        value = c_int64()
        with self._using() as ptr:
            lib.fedns_deployment_get(ptr, option, byref(value))
        v = value.value
        if kind == "bool":
            return bool(v)
        if kind == "tristate":
            return None if v < 0 else bool(v)
        if kind == "int":
            return v
        return _args.name_of(kind, v)  # type: ignore[arg-type]

    def setter(self: "Deployment", value: Any) -> None:
        self._set(option, _convert_option(kind, value, doc.split(":", 1)[0]))

    return property(getter, setter, doc=doc)


def _convert_option(kind: Union[str, Mapping[str, int]], value: Any, what: str) -> int:
    if kind == "bool":
        return _args.boolean(value, what)
    if kind == "tristate":
        return -1 if value is None else _args.boolean(value, what)
    if kind == "int":
        return _args.int64(value, what)
    return _args.word(value, what, kind)  # type: ignore[arg-type]


# Deployment options: keyword, fedns_option, kind.
_DEPLOYMENT_OPTIONS: Sequence[Tuple[str, int, Union[str, Mapping[str, int]]]] = (
    ("ttl", OPT_TTL, "int"),
    ("server", OPT_SERVER, _args.SERVERS),
    ("allow_federated_users", OPT_ALLOW_FEDERATED_USERS, "bool"),
    ("partner_discovery", OPT_PARTNER_DISCOVERY, "bool"),
    ("discoverable", OPT_DISCOVERABLE, "tristate"),
    ("push_notifications", OPT_PUSH_NOTIFICATIONS, "bool"),
    ("public_im", OPT_PUBLIC_IM, "bool"),
    ("external_access", OPT_EXTERNAL_ACCESS, "bool"),
)


def _settings(table: Sequence[Tuple[str, int, Union[str, Mapping[str, int]]]],
              given: Mapping[str, Any], prefix: str) -> List[Tuple[int, int]]:
    """Checks keyword settings against `table` (None = leave the library's
    default) and returns (option, value) pairs, before anything is changed."""
    known = {k: (opt, kind) for k, opt, kind in table}
    out = []
    for key, value in given.items():
        if key not in known:
            raise _args.FednsTypeError("%s got an unknown setting %r; known: %s"
                                       % (prefix, key, ", ".join(known)))
        if value is None and known[key][1] != "tristate":
            continue
        opt, kind = known[key]
        out.append((opt, _convert_option(kind, value, key)))
    return out


class Deployment(_Handle):
    """A Lync Server 2013 / Skype for Business edge deployment (SPEC 1), the
    root object that owns everything below it.

    Every keyword argument is optional and defaults to the library's default
    (SPEC 1, the cmdlets' defaults)::

        d = fedns.Deployment(allow_federated_users=True)
        d.add_sip_domain("contoso.com")
        d.add_edge_pool("edge", access_edge_addresses=["131.107.155.10"])
        print(d.render("zone"))

    A deployment frees its C object on close(), at the end of a ``with``
    block, or when it is collected. Objects it returned (SIP domains, pools,
    ...) keep it alive; after close() every call on it or on them raises
    FednsValueError. Calls are serialized by a per-deployment lock, so sharing
    one between threads is safe (though not concurrent).
    """

    ttl = _option(OPT_TTL, "int", "ttl: the record TTL in seconds (default 3600; "
                  "outside 0..2147483647 validation reports V14)")
    server = _option(OPT_SERVER, _args.SERVERS, "server: lync2013 (default), sfb2015, "
                     "sfb2019 or sfbse")
    allow_federated_users = _option(OPT_ALLOW_FEDERATED_USERS, "bool",
                                    "allow_federated_users: SIP federation on (default False)")
    partner_discovery = _option(OPT_PARTNER_DISCOVERY, "bool",
                                "partner_discovery: accept partners not on the allowed list "
                                "(default False)")
    discoverable = _option(OPT_DISCOVERABLE, "tristate",
                           "discoverable: publish the federation SRV; None (default) follows "
                           "partner_discovery")
    push_notifications = _option(OPT_PUSH_NOTIFICATIONS, "bool",
                                 "push_notifications: mobility push (default False)")
    public_im = _option(OPT_PUBLIC_IM, "bool", "public_im: public IM connectivity "
                        "(default False)")
    external_access = _option(OPT_EXTERNAL_ACCESS, "bool",
                              "external_access: remote user sign-in (default True)")

    def __init__(self, *, ttl: Optional[int] = None, server: Optional[str] = None,
                 allow_federated_users: Optional[bool] = None,
                 partner_discovery: Optional[bool] = None,
                 discoverable: Optional[bool] = None,
                 push_notifications: Optional[bool] = None,
                 public_im: Optional[bool] = None,
                 external_access: Optional[bool] = None) -> None:
        """Creates an empty deployment with SPEC 1's defaults, then applies the
        settings given (None leaves a default; for `discoverable`, None is the
        default: follow `partner_discovery`)."""
        settings = _settings(_DEPLOYMENT_OPTIONS, {
            "ttl": ttl, "server": server, "allow_federated_users": allow_federated_users,
            "partner_discovery": partner_discovery, "push_notifications": push_notifications,
            "public_im": public_im, "external_access": external_access}, "Deployment()")
        if discoverable is not None:
            settings.append((OPT_DISCOVERABLE, _args.boolean(discoverable, "discoverable")))
        ptr = n.DeploymentP()
        lib.fedns_deployment_new(byref(ptr))
        super().__init__(ptr, lib.fedns_deployment_free)
        self._lock = threading.RLock()
        # The compiled policy decide() uses, built on first use; every change
        # to the deployment drops it (_changing).
        self._policy: Optional[Policy] = None
        for option, value in settings:
            self._set(option, value)

    # -- handle plumbing --

    @contextmanager
    def _using(self) -> Iterator[Any]:
        """Holds the lock and yields the C pointer; raises if closed."""
        with self._lock:
            if self._ptr is None:
                raise FednsValueError("the deployment is closed")
            yield self._ptr

    @contextmanager
    def _changing(self) -> Iterator[Any]:
        """As _using(), for a call that changes the deployment: what was
        compiled from it (the policy decide() keeps) is dropped first."""
        with self._using() as ptr:
            self._drop_policy()
            yield ptr

    def _drop_policy(self) -> None:
        if self._policy is not None:
            self._policy.close()
            self._policy = None

    @contextmanager
    def _explained(self, ptr: Any, lang: int) -> Iterator[None]:
        """Adds every diagnostic to a FEDNS_EINVALID error raised inside (the
        library's detail counts the errors and names the first)."""
        try:
            yield
        except FednsError as e:
            if e.status != EINVALID:
                raise
            raise FednsError(e.status, e.detail, name=e.name,
                             diagnostics=self._validate(ptr, lang)) from None

    def close(self) -> None:
        """Frees the deployment and everything it owns; idempotent. Objects it
        returned raise FednsValueError from then on; a Policy it compiled
        stays usable."""
        with self._lock:
            self._drop_policy()
            super().close()

    def __enter__(self) -> "Deployment":
        return self

    def __repr__(self) -> str:
        return "<fedns.Deployment%s>" % (" closed" if self.closed else "")

    def _set(self, option: int, value: int) -> None:
        with self._changing() as ptr:
            lib.fedns_deployment_set(ptr, option, value)

    def _child(self, ptr: Any) -> Any:
        setattr(ptr, n.OWNER_ATTR, self._ptr)
        return ptr

    def set(self, **settings: Any) -> None:
        """Sets deployment options by keyword (ttl, server, allow_federated_users,
        partner_discovery, discoverable, push_notifications, public_im,
        external_access); all are checked before any is set. None leaves an
        option as it is, except discoverable=None: follow partner_discovery."""
        for option, value in _settings(_DEPLOYMENT_OPTIONS, settings, "Deployment.set()"):
            self._set(option, value)

    # -- the model --

    def add_sip_domain(self, name: str, *, users: Optional[bool] = None,
                       mobility: Optional[bool] = None, xmpp: Optional[bool] = None,
                       hosting: Optional[str] = None,
                       edge_pool: Optional[str] = None) -> "SipDomain":
        """Appends a SIP domain (the first is the primary domain). A Unicode
        name is converted to A-labels; a bad or duplicate name is reported by
        validate() (V1, V2), not here. Flags default to users=True,
        mobility=False, xmpp=False; `hosting` is "on_premises" (default) or
        "online" (moved to Microsoft 365, rule R9); `edge_pool` names the pool
        serving it."""
        raw = _args.domain(name, "name")
        settings = _settings(SipDomain._OPTIONS, {"users": users, "mobility": mobility,
                                                  "xmpp": xmpp, "hosting": hosting},
                             "add_sip_domain()")
        pool = _args.text(edge_pool, "edge_pool", optional=True)
        out = n.SipDomainP()
        with self._changing() as ptr:
            lib.fedns_deployment_add_sip_domain(ptr, raw, byref(out))
            domain = SipDomain(self, self._child(out), name)
            for option, value in settings:
                lib.fedns_sip_domain_set(out, option, value)
            if pool is not None:
                lib.fedns_sip_domain_set_edge_pool(out, pool)
        return domain

    def add_edge_pool(self, name: str, *, access_edge_host: Optional[str] = None,
                      access_edge_fqdn: Optional[str] = None,
                      access_edge_addresses: Sequence[str] = (),
                      webconf_edge_fqdn: Optional[str] = None,
                      webconf_edge_addresses: Sequence[str] = (),
                      av_edge_fqdn: Optional[str] = None,
                      av_edge_addresses: Sequence[str] = (),
                      federation_route: Optional[bool] = None,
                      xmpp_proxy: Union[bool, str, None] = None,
                      load_balancing: Optional[str] = None) -> "EdgePool":
        """Appends an edge pool. The access edge is a host label under each SIP
        domain (default "sip") or one FQDN; addresses are the public, post-NAT
        ones. `xmpp_proxy` is True, False or a host label other than "xmpp";
        `load_balancing` is "single" (default), "dns" or "hardware"."""
        raw = _args.text(name, "name")
        if access_edge_host is not None and access_edge_fqdn is not None:
            raise FednsValueError('give either access_edge_host or access_edge_fqdn, not both')
        host = _args.domain(access_edge_host, "access_edge_host", optional=True)
        fqdns = [(role, _args.domain(value, key, optional=True)) for role, key, value in (
            (0, "access_edge_fqdn", access_edge_fqdn),
            (1, "webconf_edge_fqdn", webconf_edge_fqdn),
            (2, "av_edge_fqdn", av_edge_fqdn))]
        addresses = [(role, _args.texts(value, key)) for role, key, value in (
            (0, "access_edge_addresses", access_edge_addresses),
            (1, "webconf_edge_addresses", webconf_edge_addresses),
            (2, "av_edge_addresses", av_edge_addresses))]
        xmpp_host = None
        if isinstance(xmpp_proxy, str):
            xmpp_host = _args.domain(xmpp_proxy, "xmpp_proxy")
            xmpp_proxy = None
        settings = _settings(EdgePool._OPTIONS, {
            "federation_route": federation_route, "xmpp_proxy": xmpp_proxy,
            "load_balancing": load_balancing}, "add_edge_pool()")
        out = n.EdgePoolP()
        with self._changing() as ptr:
            lib.fedns_deployment_add_edge_pool(ptr, raw, byref(out))
            pool = EdgePool(self, self._child(out), name)
            for option, value in settings:
                lib.fedns_edge_pool_set(out, option, value)
            if host is not None:
                lib.fedns_edge_pool_set_access_edge_host(out, host)
            for role, fqdn in fqdns:
                if fqdn is not None:
                    lib.fedns_edge_pool_set_fqdn(out, role, fqdn)
            for role, items in addresses:
                for address in items:
                    lib.fedns_edge_pool_add_address(out, role, address)
            if xmpp_host is not None:
                lib.fedns_edge_pool_set_xmpp_host(out, xmpp_host)
        return pool

    def add_allowed_domain(self, domain: str, proxy_fqdn: Optional[str] = None,
                           comment: Optional[str] = None) -> None:
        """Appends an allowed federation domain, optionally with the FQDN of its
        Access Edge (`proxy_fqdn`) and a comment."""
        raw = _args.domain(domain, "domain")
        proxy = _args.domain(proxy_fqdn, "proxy_fqdn", optional=True)
        note = _args.text(comment, "comment", optional=True)
        with self._changing() as ptr:
            lib.fedns_deployment_add_allowed_domain(ptr, raw, proxy, note)

    def add_blocked_domain(self, domain: str, comment: Optional[str] = None) -> None:
        """Appends a blocked federation domain."""
        raw = _args.domain(domain, "domain")
        note = _args.text(comment, "comment", optional=True)
        with self._changing() as ptr:
            lib.fedns_deployment_add_blocked_domain(ptr, raw, note)

    def add_xmpp_partner(self, domain: str, *, additional_domains: Sequence[str] = (),
                         type: Optional[str] = None, tls: Optional[str] = None,
                         sasl: Optional[str] = None, dialback: Optional[bool] = None,
                         proxy_fqdn: Optional[str] = None) -> "XmppPartner":
        """Appends an XMPP federation partner. `type` is "federated",
        "public_verified" or "public_unverified" (default); `tls` and `sasl`
        are "required" (default), "optional" or "not_supported"; `dialback`
        defaults to True."""
        raw = _args.domain(domain, "domain")
        extra = _args.domains(additional_domains, "additional_domains")
        proxy = _args.domain(proxy_fqdn, "proxy_fqdn", optional=True)
        settings = _settings(XmppPartner._OPTIONS, {"type": type, "tls": tls, "sasl": sasl,
                                                    "dialback": dialback},
                             "add_xmpp_partner()")
        out = n.XmppPartnerP()
        with self._changing() as ptr:
            lib.fedns_deployment_add_xmpp_partner(ptr, raw, byref(out))
            partner = XmppPartner(self, self._child(out), domain)
            for d in extra:
                lib.fedns_xmpp_partner_add_domain(out, d)
            for option, value in settings:
                lib.fedns_xmpp_partner_set(out, option, value)
            if proxy is not None:
                lib.fedns_xmpp_partner_set_proxy_fqdn(out, proxy)
        return partner

    def add_public_provider(self, name: str, proxy_fqdn: str, *,
                            domains: Sequence[str] = (),
                            enabled: Optional[bool] = None) -> "PublicProvider":
        """Appends a public IM provider with the domains it serves; `enabled`
        defaults to True (a listed provider is in use)."""
        raw = _args.text(name, "name")
        proxy = _args.domain(proxy_fqdn, "proxy_fqdn")
        served = _args.domains(domains, "domains")
        settings = _settings(PublicProvider._OPTIONS, {"enabled": enabled},
                             "add_public_provider()")
        out = n.PublicProviderP()
        with self._changing() as ptr:
            lib.fedns_deployment_add_public_provider(ptr, raw, proxy, byref(out))
            provider = PublicProvider(self, self._child(out), name)
            for d in served:
                lib.fedns_public_provider_add_domain(out, d)
            for option, value in settings:
                lib.fedns_public_provider_set(out, option, value)
        return provider

    def add_hosting_provider(self, name: str, proxy_fqdn: str, *,
                             enabled: Optional[bool] = None,
                             verification: Optional[str] = None) -> "HostingProvider":
        """Appends a hosting provider. `verification` is
        "use_source_verification", "always_verifiable" (default) or
        "always_unverifiable"; `enabled` defaults to True."""
        raw = _args.text(name, "name")
        proxy = _args.domain(proxy_fqdn, "proxy_fqdn")
        settings = _settings(HostingProvider._OPTIONS, {"enabled": enabled,
                                                        "verification": verification},
                             "add_hosting_provider()")
        out = n.HostingProviderP()
        with self._changing() as ptr:
            lib.fedns_deployment_add_hosting_provider(ptr, raw, proxy, byref(out))
            provider = HostingProvider(self, self._child(out), name)
            for option, value in settings:
                lib.fedns_hosting_provider_set(out, option, value)
        return provider

    def add_reverse_proxy(self, addresses: Sequence[str] = (), *,
                          lyncdiscover: Optional[bool] = None, meet: Optional[bool] = None,
                          dialin: Optional[str] = None,
                          web_fqdn: Optional[str] = None) -> "ReverseProxy":
        """Gives the deployment its reverse proxy (at most one), which publishes
        lyncdiscover (R7) and the simple URLs (R8): its external addresses,
        `lyncdiscover` and `meet` (both default True), the `dialin` simple URL
        and the external web services FQDN `web_fqdn`."""
        items = _args.texts(addresses, "addresses")
        settings = _settings(ReverseProxy._OPTIONS, {"lyncdiscover": lyncdiscover,
                                                     "meet": meet}, "add_reverse_proxy()")
        fqdns = [(code, _args.domain(value, key, optional=True)) for code, key, value in (
            (0, "dialin", dialin), (1, "web_fqdn", web_fqdn))]
        out = n.ReverseProxyP()
        with self._changing() as ptr:
            lib.fedns_deployment_add_reverse_proxy(ptr, byref(out))
            proxy = ReverseProxy(self, self._child(out), "reverse_proxy")
            for address in items:
                lib.fedns_reverse_proxy_add_address(out, address)
            for option, value in settings:
                lib.fedns_reverse_proxy_set(out, option, value)
            for code, fqdn in fqdns:
                if fqdn is not None:
                    lib.fedns_reverse_proxy_set_fqdn(out, code, fqdn)
        return proxy

    # -- validation, derivation, rendering --

    def validate(self, lang: str = "en") -> List[Diagnostic]:
        """Every diagnostic of the deployment (V1-V24) in SPEC 3's order, the
        messages in `lang` ("en" or "zh-CN")."""
        code = _args.word(lang, "lang", _args.LANGS)
        with self._using() as ptr:
            return self._validate(ptr, code)

    @staticmethod
    def _validate(ptr: Any, lang: int) -> List[Diagnostic]:
        out = n.DiagnosticsP()
        lib.fedns_deployment_validate(ptr, byref(out))
        with _Handle(out, lib.fedns_diagnostics_free):
            return _new_diagnostics_list(out, lang)

    @contextmanager
    def _derived(self, lang: int, domain: Optional[str]) -> Iterator[Any]:
        """Derives the record set (of one SIP domain, if given) and yields it
        while the lock is held; FEDNS_EINVALID carries the diagnostics."""
        raw = _args.domain(domain, "domain", optional=True)
        out = n.RecordSetP()
        with self._using() as ptr:
            with self._explained(ptr, lang):
                if raw is None:
                    lib.fedns_deployment_derive(ptr, byref(out))
                else:
                    lib.fedns_deployment_derive_domain(ptr, raw, byref(out))
            with _Handle(out, lib.fedns_recordset_free):
                yield out

    def records(self, lang: str = "en", domain: Optional[str] = None) -> List[Record]:
        """Derives the external record set (SPEC 2, in its order), comments in
        `lang`. With `domain`, only the records that SIP domain needs.

        Raises FednsError FEDNS_EINVALID, with `.diagnostics`, when the
        deployment has error diagnostics; FEDNS_ENOTFOUND for an unknown
        `domain`."""
        code = _args.word(lang, "lang", _args.LANGS)
        with self._derived(code, domain) as rs:
            return [_record(rs, i, code) for i in range(lib.fedns_recordset_count(rs))]

    def warnings(self, lang: str = "en", domain: Optional[str] = None) -> List[Diagnostic]:
        """The warning and info diagnostics that come with the record set
        (those the CLI's JSON output lists); raises as records() does."""
        code = _args.word(lang, "lang", _args.LANGS)
        with self._derived(code, domain) as rs:
            return _new_diagnostics_list(lib.fedns_recordset_diagnostics(rs), code)

    def render(self, format: str = "zone", lang: str = "en",
               domain: Optional[str] = None) -> str:
        """Renders the record set as `format` (SPEC 6: "zone", "table",
        "sheet", "csv", "json", "markdown", "nsupdate", "powershell" or
        "octodns"), byte for byte what ``fedns records --format`` prints.
        Raises as records() does."""
        fmt = _args.word(format, "format", _args.FORMATS)
        code = _args.word(lang, "lang", _args.LANGS)
        text, size = POINTER(c_char)(), c_size_t()
        with self._derived(code, domain) as rs:
            # One pass into the library's memory, then one copy, decoding
            # straight from it into the str: the text can be 100 MB.
            lib.fedns_render_alloc(rs, fmt, code, byref(text), byref(size))
        try:
            return str(cast(text, POINTER(c_char * size.value)).contents, "utf-8")
        finally:
            lib.fedns_render_free(text)

    # -- federation decisions, certificates, drift --

    def decide(self, domain: str, protocol: str = "sip") -> Decision:
        """Decides whether the deployment's users may federate with remote
        domain `domain` over `protocol` ("sip" or "xmpp"), by SPEC 4's rules
        P1-P7: what ``fedns policy DOC DOMAIN --protocol PROTOCOL`` prints.
        A Unicode name is converted to A-labels first.

        The policy is compiled on the first call and kept until the
        deployment changes; for many decisions without the deployment's
        lock, use policy(). Raises FednsError FEDNS_EBADNAME, saying which
        label is wrong and why, for a domain that is not a valid DNS name
        (P8: no decision), and FEDNS_EINVALID, with `.diagnostics`, when the
        deployment has error diagnostics."""
        raw = _args.domain(domain, "domain")
        code = _args.word(protocol, "protocol", _args.PROTOCOLS)
        with self._using():
            if self._policy is None:
                self._policy = Policy(self)
            return self._policy._decide(raw, code)

    def policy(self) -> Policy:
        """A new compiled Policy of the deployment as it is now, for many
        decisions (its decide() is the fast path). The caller owns it: close
        it, or use it in a ``with`` block. Raises as decide() does."""
        with self._using():
            return Policy(self)

    def certs(self, lang: str = "en") -> List[Certificate]:
        """The Access Edge external certificate each edge pool needs (SPEC
        6a): one per pool serving an on-premises SIP domain with users, in
        pool order; reasons and notes in `lang`. The fields of ``fedns certs
        --format json``. Raises FednsError FEDNS_EINVALID, with
        `.diagnostics`, when the deployment has error diagnostics."""
        code = _args.word(lang, "lang", _args.LANGS)
        out = n.CertsP()
        with self._using() as ptr:
            with self._explained(ptr, code):
                lib.fedns_deployment_certs(ptr, byref(out))
        with _Handle(out, lib.fedns_certs_free):
            return _certs.read(out, code)

    def compare(self, observed: Observed, lang: str = "en") -> List[Finding]:
        """Compares `observed` with the derived record set (SPEC 8, D1-D7):
        the findings of ``fedns diff``, in its order, hints in `lang`; an
        empty list when there is no drift. Raises FednsError FEDNS_EINVALID,
        with `.diagnostics`, when the deployment has error diagnostics."""
        if not isinstance(observed, Observed):
            raise FednsTypeError("observed must be a fedns.Observed, not %s"
                                 % _args.type_name(observed))
        code = _args.word(lang, "lang", _args.LANGS)
        out = n.FindingsP()
        with self._using() as ptr, observed._using() as obs:
            with self._explained(ptr, code):
                lib.fedns_deployment_compare(ptr, obs, byref(out))
        with _Handle(out, lib.fedns_findings_free):
            return read_findings(out, code)

    def probes(self) -> List[Probe]:
        """The look-ups a live check needs (what ``fedns verify`` asks a
        server), in a stable order, each once. Raises as certs() does."""
        out = n.ProbesP()
        with self._using() as ptr:
            with self._explained(ptr, 0):
                lib.fedns_deployment_probes(ptr, byref(out))
        with _Handle(out, lib.fedns_probes_free):
            return read_probes(out)

    # -- documents --

    @classmethod
    def from_dict(cls, document: Any) -> "Deployment":
        """Loads a deployment document (SPEC 7) given as Python objects, as
        json.loads() makes them. Raises DocumentError naming the key path,
        with the messages of the ``fedns`` command."""
        from ._document import load
        return load(cls, document)

    @classmethod
    def from_json(cls, text: Union[str, bytes, bytearray]) -> "Deployment":
        """Loads a deployment document (SPEC 7) from JSON text (str, or UTF-8
        bytes). Raises DocumentError: syntax errors with their line and
        column, other errors with their key path."""
        from ._document import load_json
        return load_json(cls, text)


class _Child:
    """An object a deployment owns (freed with it). It keeps its deployment
    alive, and every call checks that the deployment is still open."""

    _OPTIONS: Sequence[Tuple[str, int, Union[str, Mapping[str, int]]]] = ()
    _SETTER: str = ""

    def __init__(self, owner: Deployment, ptr: Any, name: str) -> None:
        self._owner = owner
        self._ptr = ptr
        self._name = name

    @property
    def deployment(self) -> Deployment:
        """The deployment that owns this object."""
        return self._owner

    @contextmanager
    def _using(self) -> Iterator[Any]:
        with self._owner._using():
            yield self._ptr

    @contextmanager
    def _changing(self) -> Iterator[Any]:
        with self._owner._changing():
            yield self._ptr

    def set(self, **settings: Any) -> None:
        """Sets options by keyword (see the class); all are checked before any
        is set, and None leaves an option as it is."""
        pairs = _settings(self._OPTIONS, settings, type(self).__name__ + ".set()")
        setter = getattr(lib, self._SETTER)
        with self._changing() as ptr:
            for option, value in pairs:
                setter(ptr, option, value)

    def __repr__(self) -> str:
        return "<fedns.%s %r%s>" % (type(self).__name__, self._name,
                                    " (deployment closed)" if self._owner.closed else "")


class SipDomain(_Child):
    """A SIP domain of a deployment. Settings: users, mobility, xmpp (bool),
    hosting ("on_premises" or "online")."""

    _OPTIONS = (("users", OPT_DOMAIN_USERS, "bool"),
                ("mobility", OPT_DOMAIN_MOBILITY, "bool"),
                ("xmpp", OPT_DOMAIN_XMPP, "bool"),
                ("hosting", OPT_DOMAIN_HOSTING, _args.HOSTINGS))
    _SETTER = "fedns_sip_domain_set"

    @property
    def name(self) -> str:
        """The name as it was given."""
        return self._name

    def set_edge_pool(self, pool: Optional[str]) -> None:
        """Names the edge pool that serves the domain; None restores the
        default (the federation-route pool, else the only pool)."""
        raw = _args.text(pool, "pool", optional=True)
        with self._changing() as ptr:
            lib.fedns_sip_domain_set_edge_pool(ptr, raw)


class EdgePool(_Child):
    """An edge pool of a deployment. Settings: federation_route, xmpp_proxy
    (bool), load_balancing ("single", "dns", "hardware"). Roles: "access",
    "webconf", "av"."""

    _OPTIONS = (("federation_route", OPT_POOL_FEDERATION_ROUTE, "bool"),
                ("xmpp_proxy", OPT_POOL_XMPP_PROXY, "bool"),
                ("load_balancing", OPT_POOL_LOAD_BALANCING, _args.LOAD_BALANCINGS))
    _SETTER = "fedns_edge_pool_set"

    @property
    def name(self) -> str:
        """The pool's name."""
        return self._name

    def set_access_edge_host(self, label: str) -> None:
        """The access edge as a host label under each SIP domain (default
        "sip"); replaces an access edge FQDN."""
        raw = _args.domain(label, "label")
        with self._changing() as ptr:
            lib.fedns_edge_pool_set_access_edge_host(ptr, raw)

    def set_fqdn(self, role: str, fqdn: str) -> None:
        """Sets the FQDN of a role: "access" (one name for every SIP domain,
        replacing the host label), "webconf" or "av"."""
        code = _args.word(role, "role", _args.ROLES)
        raw = _args.domain(fqdn, "fqdn")
        with self._changing() as ptr:
            lib.fedns_edge_pool_set_fqdn(ptr, code, raw)

    def add_address(self, role: str, address: str) -> None:
        """Appends an external (public, post-NAT) IPv4 or IPv6 address of a
        role ("access", "webconf" or "av"); validation judges it (V5)."""
        code = _args.word(role, "role", _args.ROLES)
        raw = _args.text(address, "address")
        with self._changing() as ptr:
            lib.fedns_edge_pool_add_address(ptr, code, raw)

    def set_xmpp_host(self, label: str) -> None:
        """The XMPP proxy's host label (default "xmpp"); also makes this the
        XMPP proxy pool."""
        raw = _args.domain(label, "label")
        with self._changing() as ptr:
            lib.fedns_edge_pool_set_xmpp_host(ptr, raw)


class XmppPartner(_Child):
    """An XMPP federation partner. Settings: type, tls, sasl (words), dialback
    (bool)."""

    _OPTIONS = (("type", OPT_XMPP_TYPE, _args.XMPP_TYPES),
                ("tls", OPT_XMPP_TLS, _args.NEGOTIATIONS),
                ("sasl", OPT_XMPP_SASL, _args.NEGOTIATIONS),
                ("dialback", OPT_XMPP_DIALBACK, "bool"))
    _SETTER = "fedns_xmpp_partner_set"

    @property
    def domain(self) -> str:
        """The partner's domain as it was given."""
        return self._name

    def add_domain(self, domain: str) -> None:
        """Appends one of the partner's additional domains."""
        raw = _args.domain(domain, "domain")
        with self._changing() as ptr:
            lib.fedns_xmpp_partner_add_domain(ptr, raw)

    def set_proxy_fqdn(self, fqdn: Optional[str]) -> None:
        """The partner's proxy FQDN; None removes it."""
        raw = _args.domain(fqdn, "fqdn", optional=True)
        with self._changing() as ptr:
            lib.fedns_xmpp_partner_set_proxy_fqdn(ptr, raw)


class PublicProvider(_Child):
    """A public IM provider. Setting: enabled (bool)."""

    _OPTIONS = (("enabled", OPT_PROVIDER_ENABLED, "bool"),)
    _SETTER = "fedns_public_provider_set"

    @property
    def name(self) -> str:
        """The provider's name."""
        return self._name

    def add_domain(self, domain: str) -> None:
        """Appends a domain the provider serves."""
        raw = _args.domain(domain, "domain")
        with self._changing() as ptr:
            lib.fedns_public_provider_add_domain(ptr, raw)


class HostingProvider(_Child):
    """A hosting provider. Settings: enabled (bool), verification (word)."""

    _OPTIONS = (("enabled", OPT_PROVIDER_ENABLED, "bool"),
                ("verification", OPT_PROVIDER_VERIFICATION, _args.VERIFICATIONS))
    _SETTER = "fedns_hosting_provider_set"

    @property
    def name(self) -> str:
        """The provider's name."""
        return self._name


class ReverseProxy(_Child):
    """The deployment's reverse proxy. Settings: lyncdiscover, meet (bool).
    Names: "dialin" (the dial-in simple URL), "web" (the external web
    services FQDN)."""

    _OPTIONS = (("lyncdiscover", OPT_PROXY_LYNCDISCOVER, "bool"),
                ("meet", OPT_PROXY_MEET, "bool"))
    _SETTER = "fedns_reverse_proxy_set"

    def add_address(self, address: str) -> None:
        """Appends an external (public, post-NAT) address; validation judges
        it (V5)."""
        raw = _args.text(address, "address")
        with self._changing() as ptr:
            lib.fedns_reverse_proxy_add_address(ptr, raw)

    def set_fqdn(self, name: str, fqdn: Optional[str]) -> None:
        """Sets the "dialin" or "web" FQDN; None removes it."""
        code = _args.word(name, "name", _args.PROXY_NAMES)
        raw = _args.domain(fqdn, "fqdn", optional=True)
        with self._changing() as ptr:
            lib.fedns_reverse_proxy_set_fqdn(ptr, code, raw)
