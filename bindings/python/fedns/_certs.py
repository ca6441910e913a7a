"""Certificate names (SPEC 6a): the Access Edge external certificate each
edge pool needs, read from the library's list."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, List, Tuple

from . import _args
from . import _native as n

__all__ = ["Certificate", "SanEntry", "Note"]

lib = n.lib

_SAN_REASON_NAMES = {v: k for k, v in _args.SAN_REASONS.items()}
_NOTE_NAMES = {v: k for k, v in _args.CERT_NOTES.items()}


@dataclass(frozen=True)
class SanEntry:
    """One subject alternative name.

    Attributes:
        name: the name (lower case, no trailing dot).
        reason: why it is there first: "subject", "webconf-edge",
            "sip-domain", "xmpp-domain" or "xmpp-proxy".
        why: the reason as a sentence naming the domain or pool, in the
            language asked for.
    """

    name: str
    reason: str
    why: str


@dataclass(frozen=True)
class Note:
    """Something else the certificate needs.

    Attributes:
        kind: "public-ca", "exportable-key", "client-eku" or "no-wildcard".
        text: what to do, in the language asked for.
    """

    kind: str
    text: str


@dataclass(frozen=True)
class Certificate:
    """The Access Edge external certificate of one edge pool (SPEC 6a), the
    fields of ``fedns certs --format json``.

    Attributes:
        pool: the edge pool's name.
        subject: the subject (common name): the Access Edge FQDN of the first
            on-premises SIP domain with users the pool serves; never a
            wildcard.
        subject_why: why the subject is that name (JSON "why").
        sans: the subject alternative names in SPEC 6a's order, each once
            (JSON "san").
        notes: what else the certificate needs (JSON "notes").
    """

    pool: str
    subject: str
    subject_why: str
    sans: Tuple[SanEntry, ...]
    notes: Tuple[Note, ...]


def _name(names: Any, fn: Any, value: int) -> str:
    return names.get(value) or fn(value) or str(value)


def read(certs: Any, lang: int) -> List[Certificate]:
    """Every certificate of a fedns_certs list."""
    out = []
    for i in range(lib.fedns_certs_count(certs)):
        sans = tuple(SanEntry(
            name=lib.fedns_cert_san(certs, i, j) or "",
            reason=_name(_SAN_REASON_NAMES, lib.fedns_san_reason_name,
                         lib.fedns_cert_san_reason(certs, i, j)),
            why=lib.fedns_cert_san_why(certs, i, j, lang) or "")
            for j in range(lib.fedns_cert_san_count(certs, i)))
        notes = tuple(Note(
            kind=_name(_NOTE_NAMES, lib.fedns_cert_note_name,
                       lib.fedns_cert_note_kind(certs, i, k)),
            text=lib.fedns_cert_note_text(certs, i, k, lang) or "")
            for k in range(lib.fedns_cert_note_count(certs, i)))
        out.append(Certificate(
            pool=lib.fedns_cert_pool(certs, i) or "",
            subject=lib.fedns_cert_subject(certs, i) or "",
            subject_why=lib.fedns_cert_subject_why(certs, i, lang) or "",
            sans=sans, notes=notes))
    return out
