"""A guard pattern (a function's ``requires`` / ``unless``) asked one thing: does it occur?

A guard is searched in the whole sentence, and some are long alternations of entries that
open with a lookahead over the rest of the clause (``(?![^.;:]*\\bfraud\\b)rumours of ...``):
a plain search runs that lookahead at every offset. Since only the yes/no answer counts, the
guard is split into its alternatives (``regex_parse.split_alternatives``), and each is tried
only where it can start: at the offsets of its literal heads (``head_index``), at offset 0 when
it opens with ``^``, and everywhere (a plain search) only when neither is known. The answer
is the one a search of the whole pattern gives.
"""

from __future__ import annotations

from wederhoor.labelers.head_index import HeadIndex
from wederhoor.labelers.lazy_regex import Regex


class Gate:
    """A guard as its alternatives; ``found_in`` answers as ``pattern.search`` would.

    ``anchored``: alternatives that open with ``^``; ``headed``: alternatives with literal
    heads, tried where ``heads`` (keyed by their position in ``headed``) finds them;
    ``searched``: the rest, searched everywhere.
    """

    __slots__ = ("anchored", "headed", "heads", "searched")

    def __init__(self, parts: list[tuple[Regex, list[str] | None, bool]]) -> None:
        self.anchored = tuple(regex for regex, _, at_start in parts if at_start)
        headed = [(regex, heads) for regex, heads, at_start in parts
                  if not at_start and heads is not None]
        self.headed = tuple(regex for regex, _ in headed)
        owners: dict[str, list[int]] = {}
        for k, (_, heads) in enumerate(headed):
            for h in heads or ():
                owners.setdefault(h, []).append(k)
        self.heads = HeadIndex(owners)
        self.searched = tuple(regex for regex, heads, at_start in parts
                              if not at_start and heads is None)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Gate):
            return NotImplemented
        return (self.anchored, self.headed, self.heads, self.searched) == \
            (other.anchored, other.headed, other.heads, other.searched)

    def __hash__(self) -> int:
        return hash((self.anchored, self.headed, self.searched))

    def found_in(self, s: str) -> bool:
        """Does the guard occur anywhere in ``s``?"""
        for regex in self.anchored:
            if regex.match(s) is not None:
                return True
        if self.headed:
            headed = self.headed
            for p, ids in self.heads.hits(s):
                for k in ids:
                    if headed[k].match(s, p) is not None:
                        return True
        return any(regex.search(s) is not None for regex in self.searched)
