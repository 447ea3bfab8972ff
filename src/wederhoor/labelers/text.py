"""The text the labeling functions read: a sentence normalised the way the patterns expect.

Patterns are written against lowercased text with one kind of single and one kind of double
quote and single spaces. They bridge gaps with ``[^.;:]``, so dots that end no clause (inside
numbers such as 14.000, after abbreviations such as mr. or o.a.) are dropped too.
"""

from __future__ import annotations

import re

from wederhoor.labelers.lazy_regex import Regex

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
})
#: A run of whitespace.
WHITESPACE = re.compile(r"\s+")
_DIGIT_SEP = re.compile(r"(\d)[.,](?=\d)")


def normalise(text: str) -> str:
    """Lowercase, unify quotes and whitespace, drop digit-group separators (14.000 -> 14000)."""
    # str.split() and the regex \s agree on what whitespace is (every code point is checked
    # in tests/test_fast_paths.py); split and join is the cheaper of the two
    s = " ".join(text.translate(_QUOTES).split()).lower()
    return _DIGIT_SEP.sub(r"\1", s)


def _drop_dot(m: re.Match[str]) -> str:
    return m.group(0).replace(".", "")


def matching_text(text: str, abbreviations: Regex | None) -> str:
    """``normalise`` plus the dots of a language's abbreviations removed (``abbreviations``
    matches an abbreviation with its dot; see the lexicon compiler)."""
    s = normalise(text)
    if abbreviations is not None and "." in s[:-1]:  # only an inner dot can be one
        s = abbreviations.sub(_drop_dot, s)
    return s
