"""The exceptions of the fedns binding.

Every error the binding raises is a :class:`FednsError`. Errors found in
Python before a call reaches the library (a wrong type, a string with a NUL
character, a closed deployment) are also :class:`TypeError` or
:class:`ValueError`, so code that expects the usual Python exceptions keeps
working.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional, Sequence, Tuple

if TYPE_CHECKING:  # pragma: no cover
    from ._model import Diagnostic

__all__ = ["FednsError", "FednsTypeError", "FednsValueError", "DocumentError"]

# The status codes of fedns.h; the library's own names are used in messages.
OK = 0
ENOMEM = 1
EINVAL = 2
EBADNAME = 3
EBADADDR = 4
ENOTFOUND = 5
EINVALID = 6
ESPACE = 7
ECALLBACK = 8

_NAMES = {
    OK: "FEDNS_OK", ENOMEM: "FEDNS_ENOMEM", EINVAL: "FEDNS_EINVAL",
    EBADNAME: "FEDNS_EBADNAME", EBADADDR: "FEDNS_EBADADDR",
    ENOTFOUND: "FEDNS_ENOTFOUND", EINVALID: "FEDNS_EINVALID",
    ESPACE: "FEDNS_ESPACE", ECALLBACK: "FEDNS_ECALLBACK",
}


class FednsError(Exception):
    """A failed fedns call.

    Attributes:
        status: the library's ``fedns_status`` code (``FEDNS_EINVAL`` = 2 for
            errors found in Python before the call).
        name: the status's name, for example ``"FEDNS_EINVALID"``.
        detail: the library's detail message (``fedns_deployment_last_error``),
            or the binding's own; may be empty.
        diagnostics: for ``FEDNS_EINVALID`` (derivation refused the
            deployment), every diagnostic of the deployment; else empty.
    """

    def __init__(self, status: int, detail: str = "", *, name: Optional[str] = None,
                 diagnostics: Sequence["Diagnostic"] = ()) -> None:
        self.status: int = int(status)
        self.name: str = name or _NAMES.get(self.status, "FEDNS_UNKNOWN")
        self.detail: str = detail
        self.diagnostics: Tuple["Diagnostic", ...] = tuple(diagnostics)
        super().__init__(self._text())

    def _text(self) -> str:
        return self.detail or self.name

    def __str__(self) -> str:
        return self._text()

    def __repr__(self) -> str:
        return "%s(%s, %r)" % (type(self).__name__, self.name, self.detail)

    def __reduce__(self) -> Tuple[Any, ...]:
        # Subclasses take other arguments: rebuild from the attributes, so
        # that an error survives pickling (multiprocessing, for one).
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


def _rebuild(cls: type, args: Tuple[Any, ...], state: Dict[str, Any]) -> FednsError:
    error = Exception.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class FednsTypeError(FednsError, TypeError):
    """An argument of the wrong Python type (caught before the library)."""

    def __init__(self, detail: str) -> None:
        super().__init__(EINVAL, detail)


class FednsValueError(FednsError, ValueError):
    """An argument the library cannot take (a NUL character, an integer out of
    range, an unknown word, a closed deployment), caught before the library."""

    def __init__(self, detail: str, status: int = EINVAL) -> None:
        super().__init__(status, detail)


class DocumentError(FednsError, ValueError):
    """A deployment document (SPEC 7) that cannot be loaded.

    ``str(error)`` has the form ``KEY.PATH: message`` as the ``fedns`` command
    prints it (without the file name), or ``LINE:COLUMN: invalid JSON: ...``
    for a syntax error.

    Attributes:
        path: the key path (``"federation.allowed_domains[1].domain"``); ""
            when the error has none (syntax errors, a non-object document).
        message: the message after the path.
        line, column: 1-based position (columns count characters) where known,
            else None: only JSON syntax errors have them.
    """

    def __init__(self, message: str, path: str = "", *, status: int = EINVAL,
                 line: Optional[int] = None, column: Optional[int] = None) -> None:
        self.path: str = path
        self.message: str = message
        self.line: Optional[int] = line
        self.column: Optional[int] = column
        where = ""
        if line is not None and column is not None:
            where = "%d:%d: " % (line, column)
        super().__init__(status, where + (path + ": " if path else "") + message)
