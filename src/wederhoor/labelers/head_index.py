"""Where literal heads occur in a text: one Aho-Corasick pass for thousands of heads.

The rule labeler's pre-check needs, for one sentence, every offset where a literal head of a
labeling function starts, and whose head it is (and, for a ``requires`` or ``unless`` guard,
where its heads start). A trie-shaped regex
found them one at a time (a new ``search`` from one character after each hit, several per
sentence); an Aho-Corasick automaton (pyahocorasick) reports every occurrence of every head,
overlapping ones included, in one pass in C.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import ahocorasick


class HeadIndex:
    """Literal heads, each owned by some ids; ``index`` says where each id's heads start.

    Built from ``owners`` (head -> ids). An id owns an offset when any of its heads starts
    there; ``index`` reports each such (id, offset) once, offsets in increasing order, just
    as a scan that reports the longest head at each offset together with the owners of all
    its prefixes would.
    """

    __slots__ = ("owners", "_automaton")

    def __init__(self, owners: Mapping[str, Iterable[int]]) -> None:
        #: head -> the ids that own it (as given).
        self.owners: dict[str, tuple[int, ...]] = {
            h: tuple(sorted(set(ids))) for h, ids in owners.items()}
        if any(not h for h in self.owners):
            raise ValueError("a head must not be empty")
        self._automaton = _automaton(self.owners)

    def index(self, text: str) -> dict[int, list[int]]:
        """Id -> the offsets in ``text`` where one of its heads starts, in increasing order."""
        found: dict[int, list[int]] = {}
        if self._automaton is None:
            return found
        get = found.get
        prev = -1
        ordered = True
        # hits come by where their head ends: a long head that starts before a short one can
        # come after it; an id comes at most once per offset (see _automaton)
        for end, (last, ids) in self._automaton.iter(text):
            pos = end - last
            if pos < prev:
                ordered = False
            prev = pos
            for i in ids:
                at = get(i)
                if at is None:
                    found[i] = [pos]
                else:
                    at.append(pos)
        if not ordered:
            for at in found.values():
                at.sort()
        return found

    def hits(self, text: str) -> Iterator[tuple[int, tuple[int, ...]]]:
        """(offset, ids) for every head that occurs in ``text``, in no particular order;
        an (id, offset) pair comes once."""
        if self._automaton is None:
            return
        for end, (last, ids) in self._automaton.iter(text):
            yield end - last, ids

    def __eq__(self, other: object) -> bool:
        # equal heads and owners build equal automata (a lexicon from a cached plan equals
        # a fresh build's)
        if not isinstance(other, HeadIndex):
            return NotImplemented
        return self.owners == other.owners

    def __hash__(self) -> int:
        return hash(frozenset(self.owners.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        # rebuilt from the heads in the receiving process (worker processes are spawned)
        return HeadIndex, (self.owners,)


def _automaton(owners: dict[str, tuple[int, ...]]) -> Any:
    """The automaton of the heads; each head's value is (its length - 1, new ids).

    The heads that start at one offset are prefixes of each other; a head carries only the
    ids that none of its shorter heads already carries, so an id is reported at most once
    per offset. In sorted order every head that is a prefix of another comes before it, and
    so does everything between them: a stack of the heads that are prefixes of the current
    one, each with the ids it and its own prefixes carry, finds them without trying every
    prefix of every head (tens of thousands of heads in a lexicon's guards).
    """
    automaton = ahocorasick.Automaton()
    added = 0
    stack: list[tuple[str, frozenset[int]]] = []
    for head in sorted(owners):
        while stack and not head.startswith(stack[-1][0]):
            stack.pop()
        shorter = stack[-1][1] if stack else frozenset()
        ids = owners[head]
        new = tuple(i for i in ids if i not in shorter)
        if new:
            automaton.add_word(head, (len(head) - 1, new))
            added += 1
        stack.append((head, shorter.union(ids)))
    if not added:
        return None
    automaton.make_automaton()
    return automaton
