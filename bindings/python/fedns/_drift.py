"""Drift (SPEC 8): records observed in a zone file or a DNS server, compared
with the derived set by the library."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from ctypes import byref
from dataclasses import dataclass
from typing import Any, Iterator, List, Optional, Union

from . import _args
from . import _native as n
from ._errors import FednsValueError
from ._handle import _Handle

__all__ = ["Observed", "Finding", "Probe", "TTL_UNKNOWN"]

lib = n.lib

#: A TTL that is not known (FEDNS_TTL_UNKNOWN); never compared.
TTL_UNKNOWN = _args.TTL_UNKNOWN

_UINT16_MAX = 0xFFFF
_UINT32_MAX = 0xFFFFFFFF
_KIND_NAMES = {v: k for k, v in _args.DRIFT_KINDS.items()}


@dataclass(frozen=True)
class Finding:
    """One difference between the derived record set and what was observed,
    the fields of ``fedns diff --format json`` (absent values None).

    Attributes:
        id: the kind's stable id, "D1" .. "D7".
        kind: "missing", "unexpected", "different", "near-miss", "alias",
            "online-conflict" or "lookup-failed".
        owner: the owner name it is about (absolute, lower case).
        type: the type's master-file name ("SRV", "TXT", "TYPE65280"); None
            when a whole name's look-up failed.
        rrtype: the IANA type number (0 with type None).
        expected_owner: the name the record should have (the managed name
            for a near miss, else the owner).
        expected: the derived data as master-file text, or None.
        expected_ttl: the derived TTL, or None.
        observed: the observed data (for "lookup-failed", why), or None.
        observed_ttl: the observed TTL, or None when unknown.
        source: the observed record's source (Observed.set_source), or None.
        line: the observed record's line, or None.
        hint: what to do about it, in the language asked for.
    """

    id: str
    kind: str
    owner: str
    type: Optional[str]
    rrtype: int
    expected_owner: str
    expected: Optional[str]
    expected_ttl: Optional[int]
    observed: Optional[str]
    observed_ttl: Optional[int]
    source: Optional[str]
    line: Optional[int]
    hint: str


@dataclass(frozen=True)
class Probe:
    """One look-up a live check needs (``fedns_deployment_probes``).

    Attributes:
        name: the name to look up, absolute with its trailing dot.
        type: the type to ask for: "A", "AAAA", "CNAME" or "SRV".
    """

    name: str
    type: str


def _ttl(value: Any) -> int:
    if value is None:
        return TTL_UNKNOWN
    return _args.uint(value, "ttl", _UINT32_MAX)


def _or_none(ttl: int) -> Optional[int]:
    return None if ttl == TTL_UNKNOWN else ttl


class Observed(_Handle):
    """The records a zone file or a DNS server holds, to compare with a
    deployment's derived set (``Deployment.compare()``)::

        seen = fedns.Observed(source="contoso.zone")
        seen.add_srv("_sipfederationtls._tcp.contoso.com.", 0, 0, 5061,
                     "sip.contoso.com.", ttl=3600, line=7)
        seen.add_a("sip.contoso.com.", "131.107.155.10", ttl=3600, line=8)
        for f in d.compare(seen):
            print(f.id, f.kind, f.owner, f.type, f.hint)

    Names may carry a trailing dot and any printable ASCII but space
    (underscores, misspellings: what the comparison looks for); Unicode names
    are converted to A-labels. `ttl` is seconds or None (unknown, never
    compared: a caching resolver's answer); `line` is the record's line in
    its source, 0 if none. A name or address the library refuses raises
    FednsError (FEDNS_EBADNAME, FEDNS_EBADADDR) and adds nothing.

    Freed by close(), at the end of a ``with`` block, or when collected.
    """

    def __init__(self, source: Optional[str] = None) -> None:
        """An empty set; `source` names where the records come from."""
        raw = _args.text(source, "source", optional=True)
        out = n.ObservedP()
        lib.fedns_observed_new(byref(out))
        super().__init__(out, lib.fedns_observed_free)
        self._lock = threading.RLock()
        self._source: Optional[str] = None
        if raw is not None:
            self._set_source(source, raw)

    @contextmanager
    def _using(self) -> Iterator[Any]:
        with self._lock:
            if self._ptr is None:
                raise FednsValueError("the observed record set is closed")
            yield self._ptr

    def close(self) -> None:
        """Frees the set; idempotent."""
        with self._lock:
            super().close()

    def __enter__(self) -> "Observed":
        return self

    def __len__(self) -> int:
        """How many records have been added (repeats included)."""
        with self._using() as ptr:
            return int(lib.fedns_observed_count(ptr))

    def __repr__(self) -> str:
        if self.closed:
            return "<fedns.Observed closed>"
        return "<fedns.Observed %d records%s>" % (
            len(self), "" if self._source is None else " from %r" % self._source)

    # -- where records come from --

    @property
    def source(self) -> Optional[str]:
        """Where the records added from now on come from (findings report it
        with the line); None for no source. Assigning calls set_source()."""
        return self._source

    @source.setter
    def source(self, value: Optional[str]) -> None:
        self.set_source(value)

    def set_source(self, source: Optional[str]) -> None:
        """Names where the records added from now on come from (a zone
        file's name); None: no source."""
        self._set_source(source, _args.text(source, "source", optional=True))

    def _set_source(self, source: Optional[str], raw: Optional[bytes]) -> None:
        with self._using() as ptr:
            lib.fedns_observed_set_source(ptr, raw)
            self._source = source

    # -- the adders --

    def add_srv(self, owner: str, priority: int, weight: int, port: int, target: str, *,
                ttl: Optional[int] = None, line: int = 0) -> None:
        """An SRV record: `owner` TTL IN SRV `priority` `weight` `port` `target`."""
        args = (_args.domain(owner, "owner"), _ttl(ttl),
                _args.uint(priority, "priority", _UINT16_MAX),
                _args.uint(weight, "weight", _UINT16_MAX),
                _args.uint(port, "port", _UINT16_MAX),
                _args.domain(target, "target"), _args.uint(line, "line", _UINT32_MAX))
        with self._using() as ptr:
            lib.fedns_observed_add_srv(ptr, *args)

    def add_a(self, owner: str, address: str, *, ttl: Optional[int] = None,
              line: int = 0) -> None:
        """An A record; `address` an IPv4 literal."""
        self._add_address(lib.fedns_observed_add_a, owner, address, ttl, line)

    def add_aaaa(self, owner: str, address: str, *, ttl: Optional[int] = None,
                 line: int = 0) -> None:
        """An AAAA record; `address` an IPv6 literal."""
        self._add_address(lib.fedns_observed_add_aaaa, owner, address, ttl, line)

    def _add_address(self, fn: Any, owner: str, address: str, ttl: Optional[int],
                     line: int) -> None:
        args = (_args.domain(owner, "owner"), _ttl(ttl), _args.text(address, "address"),
                _args.uint(line, "line", _UINT32_MAX))
        with self._using() as ptr:
            fn(ptr, *args)

    def add_cname(self, owner: str, target: str, *, ttl: Optional[int] = None,
                  line: int = 0) -> None:
        """A CNAME record."""
        args = (_args.domain(owner, "owner"), _ttl(ttl), _args.domain(target, "target"),
                _args.uint(line, "line", _UINT32_MAX))
        with self._using() as ptr:
            lib.fedns_observed_add_cname(ptr, *args)

    def add_other(self, owner: str, rrtype: int, data: str, *, ttl: Optional[int] = None,
                  line: int = 0) -> None:
        """A record of another type: `rrtype` its IANA number (not A, AAAA,
        CNAME or SRV, which have their own adders), `data` its master-file
        text. DNSSEC records are accepted and ignored by the comparison."""
        args = (_args.domain(owner, "owner"), _ttl(ttl),
                _args.uint(rrtype, "rrtype", _UINT16_MAX), _args.text(data, "data"),
                _args.uint(line, "line", _UINT32_MAX))
        with self._using() as ptr:
            lib.fedns_observed_add_other(ptr, *args)

    def add_failure(self, owner: str, why: str, *, rrtype: Union[int, str] = 0) -> None:
        """Records that looking up `owner` failed (a timeout, SERVFAIL: the
        text in `why`), for `rrtype` ("A", "AAAA", "CNAME", "SRV" or an IANA
        number) or, with 0, every type. The comparison reports it
        ("lookup-failed") and reports nothing there as missing."""
        if isinstance(rrtype, str):
            code = _args.word(rrtype, "rrtype", _args.RRTYPES)
        else:
            code = _args.uint(rrtype, "rrtype", _UINT16_MAX)
        args = (_args.domain(owner, "owner"), code, _args.text(why, "why"))
        with self._using() as ptr:
            lib.fedns_observed_add_failure(ptr, *args)


def read_findings(findings: Any, lang: int) -> List[Finding]:
    """Every finding of a fedns_findings list."""
    out = []
    for i in range(lib.fedns_findings_count(findings)):
        kind = lib.fedns_finding_kind(findings, i)
        line = lib.fedns_finding_line(findings, i)
        out.append(Finding(
            id=lib.fedns_finding_id(findings, i) or "",
            kind=_KIND_NAMES.get(kind) or lib.fedns_finding_kind_name(kind) or str(kind),
            owner=lib.fedns_finding_owner(findings, i) or "",
            type=lib.fedns_finding_type_name(findings, i),
            rrtype=lib.fedns_finding_rrtype(findings, i),
            expected_owner=lib.fedns_finding_expected_owner(findings, i) or "",
            expected=lib.fedns_finding_expected(findings, i),
            expected_ttl=_or_none(lib.fedns_finding_expected_ttl(findings, i)),
            observed=lib.fedns_finding_observed(findings, i),
            observed_ttl=_or_none(lib.fedns_finding_observed_ttl(findings, i)),
            source=lib.fedns_finding_source(findings, i),
            line=line or None,
            hint=lib.fedns_finding_hint(findings, i, lang) or ""))
    return out


def read_probes(probes: Any) -> List[Probe]:
    """Every look-up of a fedns_probes list."""
    out = []
    for i in range(lib.fedns_probes_count(probes)):
        rrtype = lib.fedns_probe_type(probes, i)
        out.append(Probe(name=lib.fedns_probe_name(probes, i) or "",
                         type=lib.fedns_rrtype_name(rrtype) or str(rrtype)))
    return out
