"""Run a compiled lexicon on one sentence: which labeling functions fire, with which tier.

How one sentence is labelled
----------------------------
1. Normalise (``text.matching_text``): lowercase, one kind of single and double quote, single
   spaces, no dots inside numbers (14.000) or after the abbreviations the YAML lists (mr.,
   dr., o.a.), because patterns bridge gaps with ``[^.;:]`` and must not stop at those dots.
2. Pre-check: the literal strings every match of a function must start with ("cue heads",
   read from the patterns by ``regex_parse.pattern_heads``) go into one Aho-Corasick
   automaton (``head_index``). One pass over the sentence finds where each function's heads
   occur. A sentence
   without any head is neutral at once, a function without a head in the sentence does not
   run, and a function that does run is matched only at the offsets where its heads occur
   (``Pattern.match`` at each offset instead of a scan of the whole text). Every match starts
   with a head, so this finds exactly the matches a full scan would; a pattern whose prefix
   the reader cannot vouch for gets no heads and is simply searched everywhere. The text
   without its attribution tail (step 3) is a slice of the sentence, so its head offsets are
   read off the first scan (``slice_index``) instead of a second one. A function's
   ``requires`` / ``unless`` guards are likewise tried only where their alternatives can
   start (``gate``).
3. Attribution: in ``'...', zegt de advocaat.`` the quote's content decides, so the
   attribution tail is cut off before the cues are searched (also for unquoted
   ``..., aldus het parket.`` tails). Words in the tail ("aanklager", "verdachte") would
   otherwise fire cues on their own.
4. Main clause: spans that the YAML marks as subordinate (relative clauses between commas,
   ``ondanks``/``despite``/``although`` clauses) are masked. Labeling functions run on the
   masked text; only when none of them fires do they run again on the unmasked text, so a
   cue in a subordinate clause counts only when the main clause says nothing.
5. Negation (``negation.is_negated``): each match of a negatable function is checked for a
   negator (``niet``, ``geen``, ``not``, ``never``...) in a small window in the same clause,
   and for a scope negator earlier in the sentence (``geen bewijs``, ``no evidence``). A
   negated match does not vote for the function's label; it votes for the function's
   ``negated_tier`` instead (``ontkent niet`` = admission -> accusation; ``wordt niet
   verdacht`` -> neutral; ``heeft nooit gelogen`` -> denial). A match negated only by a scope
   negator ("there is no evidence that X lied") votes ``cancelled`` whatever its
   ``negated_tier``: the charge is void, but nobody in the sentence denies it (guideline
   step 3).
6. Aggregation: every fired function belongs to a tier; the highest tier wins (``tiers``).
   Sentences where nothing fires are neutral.
7. Length cap: some steps look back over the whole sentence for every candidate match (a
   scope negator earlier in the sentence, unbounded ``[^.;:]*`` gaps), so time grows with the
   square of a sentence's length; a run-on "sentence" of a megabyte (a table or a page with
   no full stops) would take minutes. A sentence longer than ``max_chars`` characters
   (conf/labeler/rules.yaml) is therefore read in windows of at most ``max_chars``
   characters, cut at whitespace, each overlapping the next by at least an eighth of
   ``max_chars`` (so every stretch of text that short, a whole cue with its negation context,
   lies inside one window). Each window is labelled as a sentence of its own and the windows'
   fired functions are pooled by the same aggregation: evidence is their union (a function
   that fired in several windows keeps its highest tier) and the highest tier wins. Time is
   then linear in the length; sentences up to ``max_chars`` are labelled exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from wederhoor.labelers.gate import Gate
from wederhoor.labelers.lazy_regex import Regex
from wederhoor.labelers.lexicon_spec import LabelingFunction, Lexicon
from wederhoor.labelers.negation import NOT_NEGATED, SCOPE, is_negated
from wederhoor.labelers.text import WHITESPACE, matching_text
from wederhoor.labelers.tiers import CANCELLED, pool

_NAME = re.compile(r"(?<=[\w,;:.] )[A-Z][\w'-]+")


def fire_bounded(lex: Lexicon, text: str, max_chars: int) -> dict[str, str]:
    """``fire`` on a sentence of any length: windows of ``max_chars`` beyond that length.

    The windows' fired functions are pooled: a function fired in any window is fired, with
    the highest tier it reached (``fn`` and ``fn_negated`` are separate names already; a
    negated match may vote ``cancelled`` in one window and its ``negated_tier`` in another).
    """
    if len(text) <= max_chars:
        return fire(lex, text)
    return pool(fire(lex, text[start:end]) for start, end in window_spans(text, max_chars))


def window_spans(text: str, size: int) -> Iterator[tuple[int, int]]:
    """(start, end) of overlapping windows of ``text``, each at most ``size`` characters.

    Nominal windows start every ``size - size // 4`` characters; a start moves forward to the
    next word and an end back to the last whitespace, each by at most ``size // 16`` (text
    without whitespace there is cut where it is). Consecutive windows therefore overlap by
    at least ``size // 8`` characters, so any stretch of text that long lies wholly inside
    one window. The first window starts at 0 and the last ends at ``len(text)``.
    """
    n = len(text)
    if n <= size:
        yield 0, n
        return
    step, slack = size - size // 4, size // 16
    nominal = 0
    while True:
        start = nominal
        if start > 0 and not text[start - 1].isspace():
            gap = WHITESPACE.search(text, start, start + slack)
            if gap is not None:
                start = gap.end()
        end = nominal + size
        if end >= n:
            yield start, n
            return
        if not text[end].isspace():
            for j in range(end - 1, end - slack - 1, -1):
                if text[j].isspace():
                    end = j
                    break
        yield start, end
        nominal += step


def fire(lex: Lexicon, text: str, gated: bool = True) -> dict[str, str]:
    """Run the functions of one language on one sentence: fired name -> tier.

    ``gated=False`` skips the cue pre-check and searches every function everywhere; it exists
    so that a test can prove the pre-check never changes a result.
    """
    s = matching_text(text, lex.abbreviations)
    if not s:
        return {}
    at_full = lex.cues.index(s)
    always = lex.always
    if gated and not at_full and not always:
        return {}
    core, is_quote, start = strip_attribution(lex, s)
    at_core = at_full if core == s else slice_index(at_full, start, start + len(core))
    masked = lex.subordinate.sub(" , ", core) if lex.subordinate is not None else core
    at_masked = at_core if masked == core else lex.cues.index(masked)
    todo = _todo(lex, gated, at_full, at_core, at_masked)
    state = SentenceFacts(lex, text, s, is_quote, gated)
    fired: dict[str, str] = {}
    main_fired = False
    functions = lex.functions
    for i in todo:
        fn = functions[i]
        scope = fn.scope
        if scope == "main":
            target, at = masked, at_masked
        elif scope == "core":
            target, at = core, at_core
        else:
            target, at = s, at_full
        if not gated or i in always:
            positions = None
        else:
            positions = at.get(i)
            if positions is None:  # no head of the function in this text: it cannot match
                continue
        if _run(fn, target, positions, state, fired) and scope == "main":
            main_fired = True
    if not main_fired and masked != core:
        _main_on_core(lex, todo, core, at_core, state, fired)
    return fired


def _main_on_core(lex: Lexicon, todo: Iterable[int], core: str, at_core: dict[int, list[int]],
                  state: SentenceFacts, fired: dict[str, str]) -> None:
    """Run the main-clause functions again on the unmasked text (nothing fired on the main
    clause, so a cue in a subordinate clause counts)."""
    for i in todo:
        fn = lex.functions[i]
        if fn.scope != "main":
            continue
        if not state.gated or i in lex.always:
            _run(fn, core, None, state, fired)
        elif (positions := at_core.get(i)) is not None:
            _run(fn, core, positions, state, fired)


def _todo(lex: Lexicon, gated: bool, at_full: dict[int, list[int]],
          at_core: dict[int, list[int]], at_masked: dict[int, list[int]]) -> Iterable[int]:
    """The functions to run, in order: those with a head in one of the texts."""
    if not gated:
        return range(len(lex.functions))
    if lex.always or at_masked is not at_full:
        return sorted(lex.always.union(at_full, at_core, at_masked))
    return sorted(at_full)  # the common case: one text, one index


def cue_index(lex: Lexicon, t: str) -> dict[int, list[int]]:
    """Function index -> start offsets of that function's literal heads in ``t``."""
    return lex.cues.index(t)


def slice_index(
    found: dict[int, list[int]], start: int, end: int
) -> dict[int, list[int]]:
    """The cue index of ``s[start:end]`` read off the index of ``s`` instead of a new scan.

    A literal head inside the slice is also a head of the whole text at the same place, and
    the whole text reports a head at least as long there, whose owners include the owners of
    all its prefixes; so this is a superset of a fresh scan. An extra offset only costs one
    anchored match that fails, so results are unchanged.
    """
    out: dict[int, list[int]] = {}
    for i, at in found.items():
        inside = [p - start for p in at if start <= p < end]
        if inside:
            out[i] = inside
    return out


def strip_attribution(lex: Lexicon, s: str) -> tuple[str, bool, int]:
    """Cut a quote's attribution tail.

    Returns (core text, sentence is a quotation, offset of the core in ``s``).
    """
    if lex.quote_tail is not None:
        m = lex.quote_tail.match(s)
        if m is not None:
            return m.group("q"), True, m.start("q")
    is_quote = s[:1] in "'\"" and s.rstrip(" .")[-1:] in "'\""
    if lex.plain_tail is not None:
        m = lex.plain_tail.search(s)
        if m is not None and m.start() > 0:
            return s[: m.start()], is_quote, 0
    return s, is_quote, 0


class SentenceFacts:
    """Per-sentence facts computed lazily (only some functions need them)."""

    __slots__ = ("lex", "original", "full", "is_quote", "gated", "_party")

    def __init__(self, lex: Lexicon, original: str, full: str, is_quote: bool,
                 gated: bool = True) -> None:
        self.lex = lex
        self.original = original
        self.full = full
        self.is_quote = is_quote
        self.gated = gated
        self._party: bool | None = None

    def finds(self, pattern: Regex, gate: Gate | None) -> bool:
        """Does a guard pattern occur in the full sentence? (``gate``: the same question,
        asked only where the pattern's alternatives can start.)"""
        if gate is None or not self.gated:
            return pattern.search(self.full) is not None
        return gate.found_in(self.full)

    @property
    def party(self) -> bool:
        """Does the sentence name an identifiable party (a proper name or a party noun)?"""
        if self._party is None:
            nouns = self.lex.party_nouns
            self._party = bool(_NAME.search(self.original)) or bool(
                nouns is not None and nouns.search(self.full)
            )
        return self._party


def matches(
    fn: LabelingFunction, s: str, positions: Sequence[int] | None
) -> Iterator[re.Match[str]]:
    """Every match of ``fn`` that starts at a distinct offset, in order.

    With ``positions`` (offsets where a literal head of the function occurs) the regex is
    anchored at those offsets only; every match starts with a head, so this finds exactly
    the matches a scan of the whole text would.
    """
    if positions is None:
        start = 0
        while (m := fn.regex.search(s, start)) is not None:
            yield m
            start = m.start() + 1
        return
    for pos in positions:
        m = fn.regex.match(s, pos)
        if m is not None:
            yield m


def _run(fn: LabelingFunction, s: str, positions: Sequence[int] | None, facts: SentenceFacts,
         fired: dict[str, str]) -> bool:
    """Search one function in ``s`` and record its vote; True when it fired."""
    if fn.quote_only and not facts.is_quote:
        return False
    found: Iterator[re.Match[str]] | Sequence[re.Match[str]]
    if positions is None:
        found = matches(fn, s, None)
    elif len(positions) == 1:  # the common case: no list to build
        one = fn.regex.match(s, positions[0])
        if one is None:  # most candidates fail on their first characters
            return False
        found = (one,)
    else:
        found = _anchored(fn, s, positions)
        if not found:
            return False
    positive, negated_tier = _polarity(fn, s, facts, found)
    if positive is None or not _guards_pass(fn, facts):
        return False
    if positive:
        fired[fn.name] = fn.tier
    elif negated_tier is not None:
        fired[fn.name + "_negated"] = negated_tier
    return True


def _anchored(fn: LabelingFunction, s: str, positions: Sequence[int]
              ) -> Sequence[re.Match[str]]:
    """Matches anchored at the heads' offsets."""
    match = fn.regex.match
    return [m for p in positions if (m := match(s, p)) is not None]


def _polarity(fn: LabelingFunction, s: str, facts: SentenceFacts,
              found: Iterator[re.Match[str]] | Sequence[re.Match[str]]
              ) -> tuple[bool | None, str | None]:
    """(True, _) when a match is not negated, (False, tier) when all are, (None, _) for none."""
    negative = False
    negated_tier = fn.negated_tier
    for m in found:
        how = is_negated(facts.lex.negation, s, m.start(), m.end()) if negated_tier \
            else NOT_NEGATED
        if how == NOT_NEGATED:
            return True, negated_tier
        negative = True
        if how == SCOPE and negated_tier != CANCELLED:
            # "there is no evidence that X lied": the charge is void, nobody denies it
            negated_tier = CANCELLED
    return (False if negative else None), negated_tier


def _guards_pass(fn: LabelingFunction, facts: SentenceFacts) -> bool:
    """The function's cased / requires / unless / party conditions on the whole sentence."""
    if fn.cased is not None and not fn.cased.search(facts.original):
        return False
    if fn.requires is not None and not facts.finds(fn.requires, fn.requires_gate):
        return False
    if fn.unless is not None and facts.finds(fn.unless, fn.unless_gate):
        return False
    return not (fn.party and not facts.party)
