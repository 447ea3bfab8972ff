"""Word lists as trie-shaped regex alternations.

Python's ``re`` tries a flat alternation word by word at every position. Word lists of several
hundred entries (the wrongdoing participles) tried at every position of a gap were the rule
labeler's main cost; a trie fails after a character or two on most text and matches the same
strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_LITERAL = re.compile(r"[\w' -]+")


def trie_regex(words: Sequence[str]) -> str:
    """One regex alternation shaped as a trie: fails after one character on most text."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            body = "(?:" + body + ")?"
        return body

    return emit(trie)


def word_list_regex(entries: Sequence[str]) -> str:
    """One macro's alternation: its plain words (letters, spaces, hyphens, apostrophes) as a
    trie, then its other entries (small regexes) in their order.

    A trie prefers the longest word where a flat list prefers the first listed one; both match
    the same strings.
    """
    plain = sorted({e for e in entries if _LITERAL.fullmatch(e)})
    other = [e for e in entries if not _LITERAL.fullmatch(e)]
    parts = ([trie_regex(plain)] if plain else []) + other
    return "(?:" + "|".join(parts) + ")"
