"""The owner of one C object: freed on close(), at the end of a ``with``
block, or when the Python object is collected."""
from __future__ import annotations

import weakref
from typing import Any, Callable

from ._errors import FednsTypeError


class _Handle:
    """Owns one C handle, freed by `free` on close(), at the end of a `with`
    block, or (weakref.finalize) when the object is collected."""

    def __init__(self, ptr: Any, free: Callable[[Any], None]) -> None:
        self._ptr: Any = ptr
        self._finalizer = weakref.finalize(self, free, ptr)

    def close(self) -> None:
        """Frees the C object; calling it again does nothing."""
        self._ptr = None
        self._finalizer()

    @property
    def closed(self) -> bool:
        """True once close() has run."""
        return self._ptr is None

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __reduce__(self) -> Any:
        # A copy would share the C object, and closing one would leave the
        # other pointing at freed memory: copy.copy(), deepcopy() and pickle
        # all come through here.
        raise FednsTypeError("a %s cannot be copied or pickled; build or load another"
                             % type(self).__name__)
