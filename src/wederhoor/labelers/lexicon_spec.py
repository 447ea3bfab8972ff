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
from wederhoor.labelers.lazy_regex import LazyRegex, Regex

#: Where a function searches: the main clause (masked, whole sentence as fallback), the core
#: (sentence without its attribution tail), or the full sentence.
SCOPES = ("main", "core", "full")


@dataclass(frozen=True)
class LabelingFunction:
    """One labeling function: a set of patterns that votes for its tier's label."""

    name: str
    tier: str
    regex: Regex
    negated_tier: str | None
    requires: Regex | None
    unless: Regex | None
    cased: Regex | None
    scope: str
    quote_only: bool
    party: bool
    #: the sentence's document context decides first: where this function (or its negated
    #: variant) is all that fired, the context rules may give the sentence a side, and only
    #: where they give none does the function's vote stand (``rules.RuleLabeler.label``)
    context_first: bool = False
    #: ``requires`` / ``unless`` as alternatives tried only where they can start (``gate``);
    #: they answer as a search of the pattern would.
    requires_gate: Gate | None = None
    unless_gate: Gate | None = None


@dataclass(frozen=True)
class Negation:
    """Negation settings of one language."""

    words: frozenset[str]
    breaks: Regex
    scope: Regex | None
    scope_stop: Regex
    before: int
    after: int


@dataclass(frozen=True)
class Lexicon:
    """Everything compiled for one language.

    ``cues`` finds where the literal heads of each function's patterns occur (keyed by the
    function's position); ``always`` lists functions without heads.
    """

    lang: str
    abbreviations: Regex | None
    cues: HeadIndex
    always: frozenset[int]
    quote_tail: Regex | None
    plain_tail: Regex | None
    subordinate: Regex | None
    party_nouns: Regex | None
    negation: Negation
    functions: tuple[LabelingFunction, ...]


#: A regex of a plan: [what, pattern], with the name its errors are reported by.
PlanRegex = list[str]


class _Compiler:
    """Pattern strings to regexes: compiled now (``check``: a fresh plan, whose patterns
    must be shown to compile) or on first use (a cached plan, checked when it was built)."""

    def __init__(self, check: bool) -> None:
        self.check = check

    def optional(self, spec: PlanRegex | None) -> Regex | None:
        if spec is None:
            return None
        what, pattern = spec
        if not self.check:
            return LazyRegex(pattern, re.UNICODE)
        try:
            # re.UNICODE is implied for str patterns and is what Pattern.flags reports
            return re.compile(pattern, re.UNICODE)
        except re.error as exc:
            raise ValueError(f"{what}: bad regex ({exc})") from None

    def required(self, spec: PlanRegex) -> Regex:
        pattern = self.optional(spec)
        assert pattern is not None
        return pattern

    def gate(self, spec: PlanRegex | None, parts: list[list] | None) -> Gate | None:
        if spec is None or parts is None:
            return None
        what = spec[0]
        return Gate([(self.required([what, pattern]), heads, at_start)
                     for pattern, heads, at_start in parts])


def lexicon_from_plan(plan: dict, check: bool = True) -> Lexicon:
    """A plan's pattern strings as the lexicon the matcher uses.

    ``check``: compile every pattern now, so a bad one is an error here (a fresh plan);
    without it each pattern compiles on its first use (a plan read from the cache, which was
    checked when it was built): a start-up saving of about a second.
    """
    rx = _Compiler(check)
    neg = plan["negation"]
    functions = tuple(
        LabelingFunction(
            name=fn["name"], tier=fn["tier"], regex=rx.required(fn["regex"]),
            negated_tier=fn["negated_tier"], requires=rx.optional(fn["requires"]),
            unless=rx.optional(fn["unless"]), cased=rx.optional(fn["cased"]), scope=fn["scope"],
            quote_only=fn["quote_only"], party=fn["party"],
            context_first=fn["context_first"],
            requires_gate=rx.gate(fn["requires"], fn["requires_parts"]),
            unless_gate=rx.gate(fn["unless"], fn["unless_parts"]))
        for fn in plan["functions"])
    negation = Negation(words=frozenset(neg["words"]), breaks=rx.required(neg["breaks"]),
                        scope=rx.optional(neg["scope"]), scope_stop=rx.required(neg["scope_stop"]),
                        before=neg["before"], after=neg["after"])
    return Lexicon(
        lang=plan["lang"],
        abbreviations=rx.optional(plan["abbreviations"]),
        cues=HeadIndex(plan["cue_functions"]),
        always=frozenset(plan["always"]),
        quote_tail=rx.optional(plan["quote_tail"]),
        plain_tail=rx.optional(plan["plain_tail"]),
        subordinate=rx.optional(plan["subordinate"]),
        party_nouns=rx.optional(plan["party_nouns"]),
        negation=negation,
        functions=functions,
    )
