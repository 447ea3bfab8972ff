"""Literal heads of a regex: the strings one of which every match must start with.

The rule labeler's pre-check scans a sentence once for the heads of all labeling functions
and runs a function only where one of its heads occurs. The heads are read from the patterns
themselves by this small, conservative reader of regex syntax (literals, groups, alternation,
character sets, quantifiers, zero-width assertions; no private ``re`` internals), so no
hand-kept word list can drift from the patterns. Anything it does not model ends the literal
prefix there; an unknown construct makes the whole pattern head-less, and its function then
simply always runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


class _Unsupported(Exception):
    """A regex construct the head extractor does not model: the pattern gets no heads."""


_Item = tuple[str, object, int, float]  # (kind, value, min repeat, max repeat)
#: Heads read per pattern. A part that would multiply the heads past this ends them before it:
#: shorter heads are still heads (every match starts with one of them), and only this many
#: are found again in every sentence; one guard of alternations after alternations once gave
#: 93,000 heads, a third of a second to build into an automaton at every start.
MAX_HEADS = 5000
_QUANT = re.compile(r"\{(\d*)(,?)(\d*)\}")


def pattern_heads(pattern: str) -> set[str] | None:
    """Literal strings one of which every match of ``pattern`` starts with (None: unknown).

    A small, conservative reader of regex syntax (literals, groups, alternation, character
    sets, quantifiers, zero-width assertions); anything else ends the literal prefix there,
    and an unknown construct makes the whole pattern head-less, so it simply always runs.
    Derived from the patterns themselves, so the pre-check can never drift from them.
    """
    try:
        alts, end = _parse_alts(pattern, 0, 0)
    except (_Unsupported, IndexError):
        return None
    if end != len(pattern):
        return None
    heads, _ = _alts_heads(alts)
    if not heads or any(len(h) < 2 for h in heads):
        return None
    return heads


def _parse_alts(p: str, i: int, depth: int) -> tuple[list[list[_Item]], int]:
    """Parse ``a|b|...`` up to the closing parenthesis of this depth (or the end)."""
    alts: list[list[_Item]] = [[]]
    while i < len(p):
        c = p[i]
        if c == "|":
            alts.append([])
            i += 1
        elif c == ")":
            if depth == 0:
                raise _Unsupported("unbalanced )")
            return alts, i
        else:
            kind, value, i = _parse_atom(p, i, depth)
            lo, hi, i = _parse_quantifier(p, i)
            alts[-1].append((kind, value, lo, hi))
    if depth:
        raise _Unsupported("unclosed (")
    return alts, i


def _parse_atom(p: str, i: int, depth: int) -> tuple[str, object, int]:
    """One atom at p[i]: ('lit', char) | ('set', chars) | ('group', alts) | ('zero'|'any')."""
    c = p[i]
    if c == "(":
        return _parse_group(p, i, depth)
    if c == "[":
        return _parse_set(p, i)
    if c == "\\":
        x = p[i + 1]
        if x in "bBAZ":
            return "zero", x, i + 2
        if x.isalnum():
            return "any", None, i + 2  # \w \d \s, back-references, \n ...
        return "lit", x, i + 2
    if c in "^$":
        return "zero", c, i + 1
    if c == ".":
        return "any", None, i + 1
    if c in "*+?" or (c == "{" and _QUANT.match(p, i)):
        raise _Unsupported("quantifier without an atom")
    return "lit", c, i + 1


def _parse_group(p: str, i: int, depth: int) -> tuple[str, object, int]:
    """A parenthesised group at p[i]; lookarounds match no text ('zero')."""
    if p.startswith("(?:", i):
        start = i + 3
    elif p.startswith("(?P<", i):
        start = p.index(">", i) + 1
    elif p.startswith(("(?=", "(?!"), i) or p.startswith(("(?<=", "(?<!"), i):
        start = i + (4 if p[i + 2] == "<" else 3)
        _, j = _parse_alts(p, start, depth + 1)
        return "zero", None, j + 1
    elif p.startswith("(?", i):
        raise _Unsupported("inline flag, back-reference or conditional")
    else:
        start = i + 1
    sub, j = _parse_alts(p, start, depth + 1)
    return "group", sub, j + 1


def _parse_set(p: str, i: int) -> tuple[str, object, int]:
    """A character set: its literal members, or 'any' for negated sets, ranges and classes."""
    j = i + 1
    negated = p[j] == "^"
    if negated:
        j += 1
    chars: set[str] = set()
    known = not negated
    first = True
    while first or p[j] != "]":
        first = False
        c = p[j]
        if c == "\\":
            x = p[j + 1]
            if x.isalnum():
                known = False
            chars.add(x)
            j += 2
            continue
        if c == "-" and chars and p[j + 1] != "]":
            known = False  # a range
        chars.add(c)
        j += 1
    if not known or not chars:
        return "any", None, j + 1
    return "set", chars, j + 1


def _parse_quantifier(p: str, i: int) -> tuple[int, float, int]:
    """The quantifier after an atom (lazy and possessive forms too); (1, 1) when none."""
    if i >= len(p):
        return 1, 1, i
    lo: int
    hi: float  # float("inf") when unbounded
    c = p[i]
    if c == "?":
        lo, hi, i = 0, 1, i + 1
    elif c == "*":
        lo, hi, i = 0, float("inf"), i + 1
    elif c == "+":
        lo, hi, i = 1, float("inf"), i + 1
    elif c == "{" and (m := _QUANT.match(p, i)) is not None:
        lo = int(m.group(1) or 0)
        hi = float(m.group(3)) if m.group(3) else (float("inf") if m.group(2) else lo)
        i = m.end()
    else:
        return 1, 1, i
    if i < len(p) and p[i] in "?+":
        i += 1
    return lo, hi, i


def _alts_heads(alts: list[list[_Item]]) -> tuple[set[str], bool]:
    """(literal prefixes, whether every alternative was entirely literal)."""
    heads: set[str] = set()
    complete = True
    for seq in alts:
        sub, done = _seq_heads(seq)
        heads |= sub
        complete = complete and done
    return heads, complete


def _seq_heads(seq: list[_Item]) -> tuple[set[str], bool]:
    """(literal prefixes, whether the whole sequence was literal) of a parsed sequence."""
    heads = {""}
    for kind, value, lo, hi in seq:
        if kind == "zero":
            continue  # zero-width: does not consume text
        if kind == "any":
            return heads, False
        if kind == "lit":
            sub, complete = {str(value)}, True
        elif kind == "set":
            sub, complete = set(value), True  # type: ignore[call-overload]
        else:
            sub, complete = _alts_heads(value)  # type: ignore[arg-type]
        if heads != {""} and len(heads) * (len(sub) + (lo == 0)) > MAX_HEADS:
            return heads, False
        if lo == 0:
            if hi != 1 or not complete:
                return heads, False
            heads = heads | {h + t for h in heads for t in sub}  # optional literal: both ways
        else:
            heads = {h + t for h in heads for t in sub}
            if hi != 1:
                return heads, False
        if not complete or len(heads) > MAX_HEADS:
            return heads, False
    return heads, True


def starts_at_beginning(pattern: str) -> bool:
    """Can ``pattern`` match only at offset 0 (every alternative opens with ``^`` or ``\\A``)?

    False when unsure (syntax the reader does not model).
    """
    try:
        alts, end = _parse_alts(pattern, 0, 0)
    except (_Unsupported, IndexError):
        return False
    return end == len(pattern) and _alts_anchored(alts)


def _alts_anchored(alts: list[list[_Item]]) -> bool:
    return all(_seq_anchored(seq) for seq in alts)


def _seq_anchored(seq: list[_Item]) -> bool:
    """Does the sequence's first item, taken at least once, pin it to offset 0?"""
    if not seq:
        return False
    kind, value, lo, _ = seq[0]
    if lo < 1:
        return False
    if kind == "zero":
        return value in ("^", "A")
    return kind == "group" and _alts_anchored(value)  # type: ignore[arg-type]


_BACKREF = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``, with ``(?:a|b)`` wrappers opened, as
    source strings; ``[pattern]`` when it has one alternative or a back-reference (numbered
    groups and conditionals would change meaning apart).

    Some alternative matches at an offset exactly when the whole pattern does, so a search
    for the whole pattern finds something exactly when a search for one of these does.
    """
    if _BACKREF.search(pattern):
        return [pattern]
    out: list[str] = []
    for alt in _top_level_split(pattern):
        inner = _unwrapped(alt)
        parts = [alt] if inner is None else split_alternatives(inner)
        out.extend(parts)
    return out


def _bare_chars(text: str) -> Iterator[tuple[int, str, int]]:
    """(offset, character, group depth before it) of every character of a regex that is
    neither escaped nor inside a character set."""
    depth = i = 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _parse_set(text, i)[2]
            continue
        yield i, c, depth
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        i += 1


def _unwrapped(alt: str) -> str | None:
    """The body of ``alt`` when it is one ``(?:...)`` group with no quantifier, else None."""
    if not alt.startswith("(?:"):
        return None
    try:
        for i, c, depth in _bare_chars(alt):
            if c == ")" and depth == 1:
                return alt[3:i] if i == len(alt) - 1 else None
    except IndexError:
        return None
    return None


@dataclass(frozen=True)
class Alternation:
    """A non-capturing group ``(?:a|b|...)`` of a pattern: where it is and its alternatives."""

    start: int
    end: int
    alternatives: tuple[str, ...]
    after_word: bool  # preceded by a letter or digit: a suffix list such as ``ontken(?:t|de)``


def alternations(pattern: str) -> list[Alternation]:
    """Every ``(?:...)`` group of ``pattern`` with two or more top-level alternatives, read
    from the source text (for the lexicon linter; malformed patterns give what was read)."""
    found: list[Alternation] = []
    opened: list[tuple[int, int]] = []  # (start of the group, start of its body or -1)
    try:
        for i, c, _ in _bare_chars(pattern):
            if c == "(":
                opened.append((i, i + 3 if pattern.startswith("(?:", i) else -1))
            elif c == ")" and opened:
                start, body = opened.pop()
                alts = _top_level_split(pattern[body:i]) if body >= 0 else []
                if len(alts) > 1:
                    found.append(Alternation(start, i + 1, tuple(alts),
                                             _after_word(pattern, start)))
    except IndexError:
        pass
    return found


def _after_word(pattern: str, start: int) -> bool:
    """Does the group at ``start`` continue a word (``ontken(?:t|de)``, ``(?:a|b)(?:s|ed)``)?"""
    prev = pattern[start - 1:start]
    if prev == ")":  # after another group: look at that group's last character
        prev = pattern[start - 2:start - 1]
    escaped = pattern[start - 2:start - 1] == "\\" and prev != ")"
    return prev.isalnum() and not escaped


def _top_level_split(body: str) -> list[str]:
    """``body`` cut at the ``|`` that are not inside a group or a character set."""
    parts: list[str] = []
    cut = 0
    for i, c, depth in _bare_chars(body):
        if c == "|" and depth == 0:
            parts.append(body[cut:i])
            cut = i + 1
    parts.append(body[cut:])
    return parts
