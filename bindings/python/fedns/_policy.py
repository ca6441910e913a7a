"""Federation decisions (SPEC 4): a deployment's policy compiled once by the
library, then asked about remote domains."""
from __future__ import annotations

import threading
from ctypes import byref, c_char_p, c_int
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

from . import _args
from . import _native as n
from ._errors import FednsTypeError, FednsValueError
from ._handle import _Handle

if TYPE_CHECKING:  # pragma: no cover
    from ._model import Deployment

__all__ = ["Decision", "Policy"]

lib = n.lib

_VERDICT_NAMES = {v: k for k, v in _args.VERDICTS.items()}
_REASON_NAMES = {v: k for k, v in _args.REASONS.items()}


@dataclass(frozen=True)
class Decision:
    """The answer to "may our users federate with this remote domain?"
    (SPEC 4, rules P1-P7).

    Attributes:
        verdict: "allow", "deny" or "internal" (P7: one of the deployment's
            own SIP domains, so no federation is involved).
        reason: why, as the library names it: "federation-disabled" (P1),
            "blocked" (P2), "allowed" (P3), "public-provider" (P4),
            "discovered" or "not-allowed" (P5), "xmpp-disabled",
            "not-allowed" or the XMPP partner's type "federated",
            "public-verified", "public-unverified" (P6), "internal" (P7).
        route: the proxy FQDN the traffic goes through (lower case, no
            trailing dot), or None: found by DNS SRV when allowed
            (_sipfederationtls._tcp or _xmpp-server._tcp of the domain),
            nothing routed when denied or internal.
    """

    verdict: str
    reason: str
    route: Optional[str]


class Policy(_Handle):
    """A deployment's federation settings compiled into one immutable lookup
    table (``fedns_deployment_policy``): each decide() is one hash look-up in
    C. Later changes to the deployment do not affect it, and it stays usable
    after the deployment is closed::

        with fedns.Policy(d) as policy:          # or d.policy()
            for domain in domains:
                print(domain, policy.decide(domain).verdict)

    Freed by close(), at the end of a ``with`` block, or when collected.
    Threads may share one policy.
    """

    def __init__(self, deployment: "Deployment") -> None:
        """Compiles `deployment`'s policy. Raises FednsError FEDNS_EINVALID,
        with `.diagnostics`, when the deployment has error diagnostics."""
        from ._model import Deployment
        if not isinstance(deployment, Deployment):
            raise FednsTypeError("Policy() takes a fedns.Deployment, not %s"
                                 % _args.type_name(deployment))
        out = n.PolicyP()
        with deployment._using() as ptr:
            with deployment._explained(ptr, 0):
                lib.fedns_deployment_policy(ptr, byref(out))
        super().__init__(out, lib.fedns_policy_free)
        self._lock = threading.Lock()

    def decide(self, domain: str, protocol: str = "sip") -> Decision:
        """Decides on remote domain `domain` over `protocol` ("sip" or
        "xmpp"). The domain is compared case-insensitively, without its
        trailing dot, exactly (a name under an allowed domain is not that
        domain); a Unicode name is converted to A-labels first.

        Raises FednsError FEDNS_EBADNAME, saying which label is wrong and
        why, for a domain that is not a valid DNS name (P8: no decision)."""
        raw = _args.domain(domain, "domain")
        return self._decide(raw, _args.word(protocol, "protocol", _args.PROTOCOLS))

    def _decide(self, raw: Any, protocol: int) -> Decision:
        verdict = c_int()
        reason = c_int()
        route = c_char_p()
        with self._lock:
            if self._ptr is None:
                raise FednsValueError("the policy is closed")
            lib.fedns_policy_decide(self._ptr, raw, protocol, byref(verdict), byref(reason),
                                    byref(route))
            via = route.value  # owned by the policy: copied while it is alive
        return Decision(
            _VERDICT_NAMES.get(verdict.value) or lib.fedns_verdict_name(verdict.value) or "",
            _REASON_NAMES.get(reason.value) or lib.fedns_reason_name(reason.value) or "",
            None if via is None else via.decode("ascii", "replace"))

    def close(self) -> None:
        """Frees the policy; idempotent. decide() raises FednsValueError
        from then on."""
        with self._lock:
            super().close()

    def __enter__(self) -> "Policy":
        return self

    def __repr__(self) -> str:
        return "<fedns.Policy%s>" % (" closed" if self.closed else "")
