"""A compiled lexicon: the regexes and settings of one language, as the matcher reads them.

The lexicon compiler turns ``lexicons/<lang>.yaml`` into a *plan* (plain JSON data: every
pattern string expanded and checked); ``lexicon_from_plan`` compiles a plan into these frozen
objects. Keeping the plan as plain data is what lets it be cached on disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wederhoor.labelers.gate import Gate
from wederhoor.labelers.head_index import HeadIndex

#: Where a function searches: the main clause (masked, whole sentence as fallback), the core
#: (sentence without its attribution tail), or the full sentence.
SCOPES = ("main", "core", "full")


@dataclass(frozen=True)
class LabelingFunction:
    """One labeling function: a set of patterns that votes for its tier's label."""

    name: str
    tier: str
    regex: re.Pattern[str]
    negated_tier: str | None
    requires: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    cased: re.Pattern[str] | None
    scope: str
    quote_only: bool
    party: bool
    #: ``requires`` / ``unless`` as alternatives tried only where they can start (``gate``);
    #: they answer as a search of the pattern would.
    requires_gate: Gate | None = None
    unless_gate: Gate | None = None


@dataclass(frozen=True)
class Negation:
    """Negation settings of one language."""

    words: frozenset[str]
    breaks: re.Pattern[str]
    scope: re.Pattern[str] | None
    scope_stop: re.Pattern[str]
    before: int
    after: int


@dataclass(frozen=True)
class Lexicon:
    """Everything compiled for one language.

    ``cues`` finds where the literal heads of each function's patterns occur (keyed by the
    function's position); ``always`` lists functions without heads.
    """

    lang: str
    abbreviations: re.Pattern[str] | None
    cues: HeadIndex
    always: frozenset[int]
    quote_tail: re.Pattern[str] | None
    plain_tail: re.Pattern[str] | None
    subordinate: re.Pattern[str] | None
    party_nouns: re.Pattern[str] | None
    negation: Negation
    functions: tuple[LabelingFunction, ...]


#: A regex of a plan: [what, pattern], with the name its errors are reported by.
PlanRegex = list[str]


def _compiled(spec: PlanRegex | None) -> re.Pattern[str] | None:
    if spec is None:
        return None
    what, pattern = spec
    try:
        # re.UNICODE is implied for str patterns and is what Pattern.flags reports; saying
        # it keys re's own cache the way unpickling does (re._compile(pattern, flags)), so
        # worker processes forked from this one find their labeler's patterns compiled
        return re.compile(pattern, re.UNICODE)
    except re.error as exc:
        raise ValueError(f"{what}: bad regex ({exc})") from None


def _required(spec: PlanRegex) -> re.Pattern[str]:
    pattern = _compiled(spec)
    assert pattern is not None
    return pattern


def _gate(spec: PlanRegex | None, parts: list[list] | None) -> Gate | None:
    if spec is None or parts is None:
        return None
    what = spec[0]
    return Gate([(_required([what, pattern]), heads, at_start)
                 for pattern, heads, at_start in parts])


def lexicon_from_plan(plan: dict) -> Lexicon:
    """Compile a plan's pattern strings into the lexicon the matcher uses."""
    neg = plan["negation"]
    functions = tuple(
        LabelingFunction(
            name=fn["name"], tier=fn["tier"], regex=_required(fn["regex"]),
            negated_tier=fn["negated_tier"], requires=_compiled(fn["requires"]),
            unless=_compiled(fn["unless"]), cased=_compiled(fn["cased"]), scope=fn["scope"],
            quote_only=fn["quote_only"], party=fn["party"],
            requires_gate=_gate(fn["requires"], fn["requires_parts"]),
            unless_gate=_gate(fn["unless"], fn["unless_parts"]))
        for fn in plan["functions"])
    negation = Negation(words=frozenset(neg["words"]), breaks=_required(neg["breaks"]),
                        scope=_compiled(neg["scope"]), scope_stop=_required(neg["scope_stop"]),
                        before=neg["before"], after=neg["after"])
    return Lexicon(
        lang=plan["lang"],
        abbreviations=_compiled(plan["abbreviations"]),
        cues=HeadIndex(plan["cue_functions"]),
        always=frozenset(plan["always"]),
        quote_tail=_compiled(plan["quote_tail"]),
        plain_tail=_compiled(plan["plain_tail"]),
        subordinate=_compiled(plan["subordinate"]),
        party_nouns=_compiled(plan["party_nouns"]),
        negation=negation,
        functions=functions,
    )
