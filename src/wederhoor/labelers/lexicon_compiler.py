"""Lexicon YAML to plan: every pattern string of a language, macros expanded and checked.

A plan is plain JSON data (so it can be cached on disk, see ``plan_cache``): the labeling
functions with their tier, scope and pattern strings, the negation settings, the attribution
and subordinate-clause patterns, and the head tables of the pre-check (the literal heads of
the functions' patterns and of their ``requires`` / ``unless`` guards, read by
``regex_parse.pattern_heads``; ``head_index`` finds them in a sentence). ``lexicon_spec``
compiles a plan into regexes.

Schema of ``lexicons/<lang>.yaml``: ``functions`` (name -> tier, patterns, and optionally
negated_tier, scope, requires, unless, cased, quote_only, party, context_first), ``macros``
(NAME -> list; ``{NAME}`` in a pattern expands to the alternation of the list, and a macro may
use the macros defined before it), ``negation``, ``attribution``, ``subordinate``, ``party_nouns``,
``abbreviations``. A pattern field holds one pattern or a list of them; a list means any of
them (the entries are joined as alternatives, in order).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from wederhoor.labelers import lexicon_spec, regex_parse, regex_trie, tiers
from wederhoor.labelers.lexicon_spec import SCOPES, PlanRegex
from wederhoor.labelers.regex_trie import word_list_regex

#: ``{NAME}``: a macro reference inside a pattern.
MACRO_REF = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")

RegexMaker = Callable[[object, str], "PlanRegex | None"]


def plan_sources() -> list[Path]:
    """The source files whose code decides what a plan holds (the plan cache's key)."""
    modules = (lexicon_spec, regex_parse, regex_trie, tiers)
    return [Path(str(m.__file__)) for m in modules] + [Path(__file__)]


def expand_macros(pattern: str, macros: dict[str, str]) -> str:
    """Replace ``{NAME}`` by the alternation of macro NAME."""

    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        if key not in macros:
            raise ValueError(f"unknown macro {{{key}}} in pattern {pattern!r}")
        return macros[key]

    return MACRO_REF.sub(sub, pattern)


def plan_lexicon(lang: str, data: dict) -> dict:
    """Every pattern string of a parsed lexicon, macros expanded, heads read, validated."""
    rx = _regex_maker(macro_table(data))
    attr = data.get("attribution") or {}
    functions = [_function_plan(name, spec, rx) for name, spec in data["functions"].items()]
    if not functions:
        raise ValueError("no functions defined")
    heads_of = [_heads(fn["regex"]) for fn in functions]
    cue_functions = _cue_functions(heads_of)
    abbreviations = data.get("abbreviations")
    if abbreviations is not None and not isinstance(abbreviations, list):
        raise ValueError("abbreviations: expected a list")
    return {
        "lang": lang,
        "abbreviations": ["abbreviations", r"\b(?:" + "|".join(re.escape(str(a)) for a in
                                                               abbreviations)
                          + r"|[a-z])\.(?=[ ,a-z])"] if abbreviations else None,
        "cue_functions": cue_functions,
        "always": [i for i, hs in enumerate(heads_of) if hs is None],
        "quote_tail": rx(attr.get("quote_tail"), "attribution.quote_tail"),
        "plain_tail": rx(attr.get("plain_tail"), "attribution.plain_tail"),
        "subordinate": rx(data.get("subordinate"), "subordinate"),
        "party_nouns": rx(data.get("party_nouns"), "party_nouns"),
        "negation": _negation_plan(data.get("negation") or {}, rx),
        "functions": functions,
    }


def macro_table(data: dict) -> dict[str, str]:
    """Macro name -> alternation regex of a parsed lexicon's ``macros`` section; a macro may
    use the macros defined before it."""
    macros: dict[str, str] = {}
    for key, words in (data.get("macros") or {}).items():
        if not isinstance(words, list) or not words:
            raise ValueError(f"macro {key} must be a non-empty list")
        macros[key] = word_list_regex([expand_macros(str(w), macros) for w in words])
    return macros


def _regex_maker(macros: dict[str, str]) -> RegexMaker:
    """A function turning one pattern or a list of them into a named, expanded alternation."""

    def rx(patterns: object, what: str) -> PlanRegex | None:
        if patterns is None:
            return None
        if isinstance(patterns, str):
            patterns = [patterns]
        if not isinstance(patterns, list) or not patterns:
            raise ValueError(f"{what}: expected a non-empty list of patterns")
        parts = [expand_macros(str(p), macros) for p in patterns]
        return [what, "|".join(f"(?:{p})" for p in parts)]

    return rx


def _negation_plan(neg_data: dict, rx: RegexMaker) -> dict:
    """Negation words, clause breaks, scope negators and the window around a cue."""
    return {
        "words": sorted({str(w) for w in neg_data.get("words") or []}),
        "breaks": rx(neg_data.get("clause_breaks") or [r"[,;:()]"], "negation.clause_breaks"),
        "scope": rx(neg_data.get("scope"), "negation.scope"),
        "scope_stop": rx(neg_data.get("scope_stop") or [r"[;:]"], "negation.scope_stop"),
        "before": int(neg_data.get("before", 3)),
        "after": int(neg_data.get("after", 0)),
    }


def _function_plan(name: object, spec: object, rx: RegexMaker) -> dict:
    """One labeling function's entry, its tier, scope and patterns checked."""
    if not isinstance(spec, dict):
        raise ValueError(f"function {name}: expected a mapping")
    tier = spec.get("tier")
    if not tiers.is_tier(tier):
        raise ValueError(f"function {name}: unknown tier {tier!r}")
    neg_tier = spec.get("negated_tier")
    if neg_tier is not None and not tiers.is_tier(neg_tier):
        raise ValueError(f"function {name}: unknown negated_tier {neg_tier!r}")
    scope = spec.get("scope", "main")
    if scope not in SCOPES:
        raise ValueError(f"function {name}: scope must be main, core or full")
    regex = rx(spec.get("patterns"), f"function {name}.patterns")
    if regex is None:
        raise ValueError(f"function {name}: expected a non-empty list of patterns")
    requires = rx(spec.get("requires"), f"function {name}.requires")
    unless = rx(spec.get("unless"), f"function {name}.unless")
    return {
        "name": str(name),
        "tier": tier,
        "regex": regex,
        "negated_tier": neg_tier,
        "requires": requires,
        "requires_parts": _gate_parts(requires),
        "unless": unless,
        "unless_parts": _gate_parts(unless),
        "cased": rx(spec.get("cased"), f"function {name}.cased"),
        "scope": scope,
        "quote_only": bool(spec.get("quote_only", False)),
        "party": bool(spec.get("party", False)),
        "context_first": bool(spec.get("context_first", False)),
    }


def _heads(regex: PlanRegex | None) -> set[str] | None:
    """The literal heads of a plan regex (None: none known, the pattern is searched)."""
    if regex is None:
        return None
    try:
        return regex_parse.pattern_heads(regex[1])
    except ValueError:  # not a valid regex at all: lexicon_spec reports it
        return None


def _gate_parts(regex: PlanRegex | None) -> list[list] | None:
    """A guard's alternatives for ``gate.Gate``: [pattern, sorted heads or None, opens with
    ^], or None without a guard."""
    if regex is None:
        return None
    what, pattern = regex
    parts: list[list] = []
    for alt in regex_parse.split_alternatives(pattern):
        heads = _heads([what, alt])
        parts.append([alt, None if heads is None else sorted(heads),
                      regex_parse.starts_at_beginning(alt)])
    return parts


def _cue_functions(heads_of: list[set[str] | None]) -> dict[str, list[int]]:
    """Head -> the functions whose patterns start with it (``head_index`` finds them all)."""
    owners: dict[str, set[int]] = {}
    for i, hs in enumerate(heads_of):
        for h in hs or ():
            owners.setdefault(h, set()).add(i)
    return {h: sorted(ids) for h, ids in sorted(owners.items())}
