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


#: A short phrase in quotation marks inside a sentence: "a 'campaign' against her", "the
#: home 'ignored' warnings", „grove nalatigheid”. The writer holds a word or a few at a
#: distance; it is no quotation of its own. Opened after a space or bracket, closed before
#: one or before punctuation.
_SCARE_QUOTE = re.compile(
    "(?<=[\\s(])[\u2018'\u201c\"\u201e\u00ab]"
    "([^\u2018\u2019'\u201c\u201d\"\u201e\u00ab\u00bb\\n]{2,40}?)"
    "[\u2019'\u201d\"\u00bb](?=[\\s,.;:!?)]|$)")
#: at most this many words make a scare quote; a longer one is a quotation
_SCARE_WORDS = 4


def without_scare_quotes(text: str) -> str:
    """``text`` with the quotation marks of its short scare quotes removed (the words stay),
    so that a cue the writer put in quotation marks can be read."""
    return _SCARE_QUOTE.sub(lambda m: m.group(1) if len(m.group(1).split()) <= _SCARE_WORDS
                            else m.group(0), text)


def _drop_dot(m: re.Match[str]) -> str:
    return m.group(0).replace(".", "")


def matching_text(text: str, abbreviations: Regex | None) -> str:
    """``normalise`` plus the dots of a language's abbreviations removed (``abbreviations``
    matches an abbreviation with its dot; see the lexicon compiler)."""
    s = normalise(text)
    if abbreviations is not None and "." in s[:-1]:  # only an inner dot can be one
        s = abbreviations.sub(_drop_dot, s)
    return s
