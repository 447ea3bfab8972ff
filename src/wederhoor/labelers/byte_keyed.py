"""Objects built from a file's bytes, kept per process by those bytes.

A labeler reads its lexicon and context files each time it is built, and models build several
per fit; parsing them again each time was most of that cost. What a file's bytes parse to is
immutable here, so every labeler built from the same bytes can share it, the way ``re``
shares compiled patterns; an edited file has other bytes, so it is always read anew.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class ByteKeyed(Generic[T]):
    """Built objects by (name, digest of the bytes they were built from), at most ``most``
    of them (a sweep over custom lexicon folders cannot grow it without bound)."""

    def __init__(self, most: int = 16) -> None:
        self.most = most
        self._built: dict[tuple[str, str], T] = {}

    def get(self, name: str, raw: bytes, build: Callable[[], T]) -> T:
        """The object built from ``raw`` under ``name``, building it on first use."""
        key = (name, hashlib.blake2b(raw, digest_size=16).hexdigest())
        known = self._built.get(key)
        if known is None:
            known = build()
            if len(self._built) >= self.most:
                self._built.clear()
            self._built[key] = known
        return known

    def clear(self) -> None:
        """Forget everything built (the next ``get`` builds again)."""
        self._built.clear()
