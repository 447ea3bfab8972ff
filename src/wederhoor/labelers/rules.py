"""Rule-based stance labeler: accusation / denial / neutral per sentence.

Word lists and patterns live in ``lexicons/<lang>.yaml``; this module holds only the logic,
so a new language is a new YAML file, not new code.

How one sentence is labelled
----------------------------
1. Normalise: lowercase, one kind of single and double quote, single spaces, no dots inside
   numbers (14.000) or after the abbreviations the YAML lists (mr., dr., o.a.), because
   patterns bridge gaps with ``[^.;:]`` and must not stop at those dots.
2. Pre-check: the literal strings every match of a function must start with ("cue heads")
   are read from the patterns themselves by a small, conservative reader of regex syntax
   (``_pattern_heads``; no private ``re`` internals) and joined into one trie regex. One scan
   of the sentence with that trie finds where each function's heads occur. A sentence
   without any head is neutral at once, a function without a head in the sentence does not
   run, and a function that does run is matched only at the offsets where its heads occur
   (``Pattern.match`` at each offset instead of a scan of the whole text). Every match starts
   with a head, so this finds exactly the matches a full scan would; a pattern whose prefix
   the reader cannot vouch for gets no heads and is simply searched everywhere. No second,
   hand-kept word list can drift from the patterns. The text without its attribution tail
   (step 3) is a slice of the sentence, so its head offsets are read off the first scan
   (``_slice_index``) instead of a second one. Macros (word lists in the YAML) are compiled
   with their plain words shaped as a trie (``_macro_regex``): a flat alternation of hundreds
   of participles tried at every position of a gap was the main cost.
3. Attribution: in ``'...', zegt de advocaat.`` the quote's content decides, so the
   attribution tail is cut off before the cues are searched (also for unquoted
   ``..., aldus het parket.`` tails). Words in the tail ("aanklager", "verdachte") would
   otherwise fire cues on their own.
4. Main clause: spans that the YAML marks as subordinate (relative clauses between commas,
   ``ondanks``/``despite``/``although`` clauses) are masked. Labeling functions run on the
   masked text; only when none of them fires do they run again on the unmasked text, so a
   cue in a subordinate clause counts only when the main clause says nothing.
5. Negation: each match of a negatable function is checked for a negator (``niet``,
   ``geen``, ``not``, ``never``...) in a small window in the same clause, and for a scope
   negator earlier in the sentence (``geen bewijs``, ``no evidence``). A negated match does
   not vote for the function's label; it votes for the function's ``negated_tier`` instead
   (``ontkent niet`` = admission -> accusation; ``wordt niet verdacht`` -> neutral;
   ``heeft nooit gelogen`` -> denial). A match negated only by a scope negator ("there is no
   evidence that X lied") votes ``cancelled`` whatever its ``negated_tier``: the charge is
   void, but nobody in the sentence denies it (guideline step 3).
6. Aggregation: every fired function belongs to a tier; the highest tier wins. Sentences
   where nothing fires are neutral.
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

Priority of the tiers (highest first) and why
---------------------------------------------
1. ``subordinated_denial`` -> accusation. "ondanks haar ontkenning", "which it denies",
   "although he denies": a denial the main clause pushes aside presupposes a charge that
   the sentence maintains. It must outrank explicit denial because the denial word is there.
2. ``denial_explicit`` -> denial. Denial verbs (ontkennen, tegenspreken, deny, reject the
   allegations...) are almost always the main verb when present, and the accusation words
   around them are the content being denied ("ontkent fraude te hebben gepleegd").
3. ``admission`` -> accusation. Negated denial ("ontkent niet"), admissions, prosecutors
   appealing, and alleged omissions whose negator belongs to the charge ("zou signalen niet
   hebben doorgegeven", "heeft de lozing nooit gemeld"): without this tier the negator would
   make them vote for a denial. Below explicit denial because "ontkent niet dat ..., maar
   wijst elke schuld af" is a denial by the guideline.
4. ``denial_implicit`` -> denial. Innocence, compliance, "niets te verbergen", pleading not
   guilty, appeals and objections by the accused, negated wrongdoing ("heeft nooit gelogen",
   first-person "niemand is door mij geïntimideerd"), a clean record or an alternative cause
   ("pointed instead to the heat wave"). These answer a charge, so they outrank the charge
   words they often mention.
5. ``no_position`` -> neutral. "wilde niet reageren", "declined to comment", an acquittal or
   a dropped case, a wrong whose author is unknown or unnamed ("onbekenden", "the league has
   not named them"): taking no position, a charge that fell, or nobody to charge (guideline
   step 1) beats the accusation words such sentences usually contain.
6. ``accusation`` -> accusation. Accusation and blame verbs and idioms, suspicion, charges,
   arrests and sanctions of a named party, convictions, fines, hedged hearsay ("zou ...
   hebben" + wrongdoing, "is said to have"), wrongdoing verbs in all their forms (Dutch
   separable verbs with their object in between: "hield het rapport achter"), evidence and
   testimony backing a charge ("the jury heard", "dat deze krant kon inzien"), evaluative
   words aimed at a named party ("nalatig", "reckless").
7. ``cancelled`` -> neutral. Negated accusation cues ("wordt niet verdacht", "was not
   charged", "geen bewijs van fraude"). Below every real cue, so that it only decides when
   no other cue in the sentence stands, but above the two voice tiers: a negated cue is a
   more specific signal than who is speaking.
8. ``denial_weak`` -> denial. The defending party's voice with no other cue: "volgens haar
   advocaat ...", "wijst erop dat ...", "the company's lawyer said ...". In stance reporting
   the defender's own account is the counter-story that answers the charge.
9. ``accusation_weak`` -> accusation. The accusing side's voice or record about a named
   party with no other cue: "volgens het rapport ...", "according to the affidavit ...",
   complaints about a firm. Lowest, because such sources also report plain facts; below the
   defender's voice because a sentence naming both is usually the defence quoting the charge.

Structural frames
-----------------
Word lists written from examples transfer poorly to unseen news: most missed accusations
carry no cue word at all ("Volgens de aanklacht liet de zaakvoerder personeel zwart werken",
"Bank records show the councillor received three payments"). So the two voice tiers also
hold functions that read the *shape* of a sentence rather than its vocabulary:

- who speaks: a source whose role is to make a charge (a charge document, an enforcing body,
  a victim, a former employee, an anonymous insider) -> ``accusation_weak``, with no party
  name needed; the accused side (its lawyer, director or spokesperson, a first-person
  quotation "wij hebben nooit ..."/"we always ...", an alibi, a counter-explanation
  "was caused by") -> ``denial_weak``;
- what kind of statement it is: a finding ("blijkt dat", "stelt vast", "concluded that"),
  evidence ("beelden tonen", "records show") -> ``accusation_weak``; insisting, stressing,
  reassuring ("benadrukt", "stressed", "insisted") -> ``denial_weak``.

Dutch clause structure gives these frames their shape. A main clause has its finite verb in
second place and a reported claim follows as a verb-final "dat"-clause, so a frame is
speaker + reporting verb + "dat" + what the clause says (or, after a fronted phrase, the verb
before the speaker: "daarnaast stelt de advocaat dat ..."). The lexicon names the two sides
(``DEFENDER``: lawyer, management, spokesperson, the accused; ``ACCUSER``: opposition,
inspectorate, union, victims, neighbours, including compounds such as "spelersvakbond") and
what each side's clause carries: a negation, compliance or another cause from the accused side
-> ``denial_implicit``; a fault ("te weinig", "bewust", "zonder vergunning", a wrongdoing
participle, a negated duty) from the accusing side -> ``accusation_weak``. A subject-control
infinitive ("zegt niets verkeerd te hebben gedaan") or a dat-clause whose subject is the
speaker ("zegt dat hij ... nooit heeft ...") makes the speaker talk about his own conduct, so
negated it is his denial. Frames with a plain word as their head put the long predicate lists
in ``requires``, which only runs once the frame is there.

A few more shapes recur in unseen Dutch news with no cue word: insiders speaking only
anonymously, people complaining about a named party, a "terwijl" clause holding the conduct
against a norm, repeated vain calls and mails, an omission followed by its harm
("niet ..., waardoor ..."), a step owed but skipped ("zonder toestemming") -> ``accusation_weak``;
corrective negation ("X, en niet Y"), which is how a rebuttal is built, and a person named by his
own name rather than by a role giving his version ("volgens Stevens ...", "Hendrikx stelt dat
...") -> ``denial_weak``. Names are capitalised words, invisible after lowercasing, so a function
may carry a ``cased`` pattern that is checked against the original sentence.

They are the lowest tiers on purpose: any real cue in the sentence outranks them, and
guards keep plain facts out (figures and trends, advice, accidents, plans). A denial of
something that is no wrong ("ontkent dat er een nieuwe taks komt", "denied that it plans
to ...") and a fine as a rule ("wie zwartrijdt, riskeert een boete") stay neutral through
``unless`` patterns in the lexicons, not through a tier.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

#: Tier name -> label, in priority order (highest first). See the module docstring.
TIERS: tuple[tuple[str, str], ...] = (
    ("subordinated_denial", "accusation"),
    ("denial_explicit", "denial"),
    ("admission", "accusation"),
    ("denial_implicit", "denial"),
    ("no_position", "neutral"),
    ("accusation", "accusation"),
    ("cancelled", "neutral"),
    ("denial_weak", "denial"),
    ("accusation_weak", "accusation"),
)
_TIER_RANK = {name: rank for rank, (name, _) in enumerate(TIERS)}
_TIER_LABEL = dict(TIERS)
NEUTRAL = "neutral"
_NONE: tuple[int, ...] = ()  # "no head of this function here": the function is skipped

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
})
_SPACES = re.compile(r"\s+")
_DIGIT_SEP = re.compile(r"(\d)[.,](?=\d)")
_WORD = re.compile(r"[\w'-]+")
_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_NAME = re.compile(r"(?<=[\w,;:.] )[A-Z][\w'-]+")


def _normalise(text: str) -> str:
    """Lowercase, unify quotes and whitespace, drop digit-group separators (14.000 -> 14000).

    Patterns bridge gaps with ``[^.;:]``, so dots inside numbers and abbreviations must go.
    """
    s = _SPACES.sub(" ", text.translate(_QUOTES)).strip().lower()
    return _DIGIT_SEP.sub(r"\1", s)


def _drop_dot(m: re.Match[str]) -> str:
    return m.group(0).replace(".", "")


@dataclass(frozen=True)
class _Function:
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


@dataclass(frozen=True)
class _Negation:
    """Negation settings of one language."""

    words: frozenset[str]
    breaks: re.Pattern[str]
    scope: re.Pattern[str] | None
    scope_stop: re.Pattern[str]
    before: int
    after: int


@dataclass(frozen=True)
class _Lexicon:
    """Everything compiled for one language."""

    lang: str
    abbreviations: re.Pattern[str] | None
    cues: re.Pattern[str]
    cue_functions: dict[str, frozenset[int]]
    always: frozenset[int]
    quote_tail: re.Pattern[str] | None
    plain_tail: re.Pattern[str] | None
    subordinate: re.Pattern[str] | None
    party_nouns: re.Pattern[str] | None
    negation: _Negation
    functions: tuple[_Function, ...]


def _default_folder() -> Path:
    return Path(__file__).resolve().parent / "lexicons"


#: Smallest ``max_chars`` accepted: windows need room for a cue, its context and the slack
#: used to cut them at whitespace.
MIN_WINDOW_CHARS = 256


class RuleLabeler:
    """Label sentences as accusation / denial / neutral with lexicon-driven rules.

    ``max_chars``: longer sentences are labelled on overlapping windows of at most that many
    characters (step 7 of the module docstring); the default lives in
    conf/labeler/rules.yaml and is kept equal here.
    """

    def __init__(self, lexicons: str | None = None, default_lang: str = "nl",
                 max_chars: int = 4000) -> None:
        if isinstance(max_chars, bool) or not isinstance(max_chars, int) \
                or max_chars < MIN_WINDOW_CHARS:
            raise ValueError(
                f"max_chars must be an integer of at least {MIN_WINDOW_CHARS}, got {max_chars!r}")
        self.max_chars = max_chars
        folder = Path(lexicons) if lexicons is not None else _default_folder()
        if not folder.is_dir():
            raise ValueError(f"lexicon folder not found: {folder}")
        files = sorted(folder.glob("*.yaml"))
        if not files:
            raise ValueError(f"no <lang>.yaml lexicon files in {folder}")
        self._folder = folder
        self._lex: dict[str, _Lexicon] = {}
        for path in files:
            self._lex[path.stem] = _load_lexicon(path)
        from wederhoor.labelers.context import load_continuations

        # read now, so that a malformed context file is reported when the labeler is built
        self._continuations = {lang: load_continuations(folder, lang) for lang in self._lex}
        self.default_lang = default_lang

    # ------------------------------------------------------------------ public API

    @property
    def languages(self) -> list[str]:
        """Languages that have a lexicon file."""
        return sorted(self._lex)

    def function_names(self, lang: str) -> list[str]:
        """Names of the labeling functions of ``lang``, negated variants included."""
        lex = self._get(lang)
        names: list[str] = []
        for fn in lex.functions:
            names.append(fn.name)
            if fn.negated_tier is not None:
                names.append(fn.name + "_negated")
        return names

    def votes(self, text: str, lang: str | None = None) -> dict[str, str]:
        """Fired function -> the label it votes for; abstaining functions are absent."""
        lex = self._get(lang or self.default_lang)
        return {name: _TIER_LABEL[tier]
                for name, tier in _fire_bounded(lex, text, self.max_chars).items()}

    def label_one(self, text: str, lang: str | None = None) -> tuple[str, list[str]]:
        """Label one sentence: (label, names of fired functions, highest priority first)."""
        lex = self._get(lang or self.default_lang)
        fired = _fire_bounded(lex, text, self.max_chars)
        if not fired:
            return NEUTRAL, []
        order = sorted(fired, key=lambda name: (_TIER_RANK[fired[name]], name))
        return _TIER_LABEL[fired[order[0]]], order

    # the batch code passes doc_ids and keeps every document whole within one batch
    keyed_by_document = True

    def label(
        self,
        texts: Sequence[str],
        langs: Sequence[str] | None = None,
        doc_ids: Sequence[str] | None = None,
    ) -> tuple[list[str], list[str]]:
        """Label a batch: labels and evidence strings ("fn1;fn2", "" when nothing fired).

        With ``doc_ids`` (sentences in document order, each document whole), sentences that
        only continue the one before them ("Dat blijkt uit ...") take its stance.
        """
        if langs is not None and len(langs) != len(texts):
            raise ValueError(f"got {len(texts)} texts but {len(langs)} langs")
        labels: list[str] = []
        evidence: list[str] = []
        for i, text in enumerate(texts):
            lab, names = self.label_one(text, langs[i] if langs is not None else None)
            labels.append(lab)
            evidence.append(";".join(names))
        if doc_ids is not None:
            from wederhoor.labelers.context import resolve_context

            resolve_context(self, texts, langs, doc_ids, labels, evidence)
        return labels, evidence

    # ------------------------------------------------------------------ internals

    def _get(self, lang: str) -> _Lexicon:
        try:
            return self._lex[lang]
        except KeyError:
            # the default language first, as in "available: nl, en"
            order = sorted(self._lex, key=lambda code: (code != self.default_lang, code))
            avail = ", ".join(order)
            raise ValueError(
                f"no lexicon for language '{lang}' in {self._folder}; available: {avail}"
            ) from None


# ---------------------------------------------------------------------- matching


def _fire_bounded(lex: _Lexicon, text: str, max_chars: int) -> dict[str, str]:
    """``_fire`` on a sentence of any length: windows of ``max_chars`` beyond that length.

    The windows' fired functions are pooled: a function fired in any window is fired, with
    the highest tier it reached (``fn`` and ``fn_negated`` are separate names already; a
    negated match may vote ``cancelled`` in one window and its ``negated_tier`` in another).
    """
    if len(text) <= max_chars:
        return _fire(lex, text)
    fired: dict[str, str] = {}
    for start, end in _window_spans(text, max_chars):
        for name, tier in _fire(lex, text[start:end]).items():
            old = fired.get(name)
            if old is None or _TIER_RANK[tier] < _TIER_RANK[old]:
                fired[name] = tier
    return fired


def _window_spans(text: str, size: int) -> Iterator[tuple[int, int]]:
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
            gap = _SPACES.search(text, start, start + slack)
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


def _fire(lex: _Lexicon, text: str, gated: bool = True) -> dict[str, str]:
    """Run the functions of one language on one sentence: fired name -> tier.

    ``gated=False`` skips the cue pre-check and searches every function everywhere; it exists
    so that a test can prove the pre-check never changes a result.
    """
    s = _normalise(text)
    if lex.abbreviations is not None and "." in s[:-1]:  # only an inner dot can be one
        s = lex.abbreviations.sub(_drop_dot, s)
    if not s:
        return {}
    at_full = _cue_index(lex, s)
    if gated and not at_full and not lex.always:
        return {}
    core, is_quote, start = _strip_attribution(lex, s)
    at_core = at_full if core == s else _slice_index(at_full, start, start + len(core))
    masked = lex.subordinate.sub(" , ", core) if lex.subordinate is not None else core
    at_masked = at_core if masked == core else _cue_index(lex, masked)
    if gated:
        todo = sorted(lex.always.union(at_full, at_core, at_masked))
    else:
        todo = list(range(len(lex.functions)))
    state = _Context(lex, text, s, is_quote)
    fired: dict[str, str] = {}
    main_fired = False
    for i in todo:
        fn = lex.functions[i]
        if fn.scope == "main":
            target, at = masked, at_masked
        elif fn.scope == "core":
            target, at = core, at_core
        else:
            target, at = s, at_full
        positions = None if not gated or i in lex.always else at.get(i, _NONE)
        if _run(fn, target, positions, state, fired) and fn.scope == "main":
            main_fired = True
    if not main_fired and masked != core:
        for i in todo:
            fn = lex.functions[i]
            if fn.scope == "main":
                positions = None if not gated or i in lex.always else at_core.get(i, _NONE)
                _run(fn, core, positions, state, fired)
    return fired


def _cue_index(lex: _Lexicon, t: str) -> dict[int, list[int]]:
    """Function index -> start offsets of that function's literal heads in ``t``."""
    found: dict[int, list[int]] = {}
    owners = lex.cue_functions
    search = lex.cues.search
    # heads may overlap ("onderzoek" holds "zoek"), so resume one character after each hit;
    # a plain search skips non-matching offsets in C, faster than a lookahead at every offset
    m = search(t)
    while m is not None:
        pos = m.start()
        for i in owners[m.group()]:
            at = found.get(i)
            if at is None:
                found[i] = [pos]
            else:
                at.append(pos)
        m = search(t, pos + 1)
    return found


def _slice_index(
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


class _Context:
    """Per-sentence facts computed lazily (only some functions need them)."""

    __slots__ = ("lex", "original", "full", "is_quote", "_party")

    def __init__(self, lex: _Lexicon, original: str, full: str, is_quote: bool) -> None:
        self.lex = lex
        self.original = original
        self.full = full
        self.is_quote = is_quote
        self._party: bool | None = None

    @property
    def party(self) -> bool:
        """Does the sentence name an identifiable party (a proper name or a party noun)?"""
        if self._party is None:
            nouns = self.lex.party_nouns
            self._party = bool(_NAME.search(self.original)) or bool(
                nouns is not None and nouns.search(self.full)
            )
        return self._party


def _matches(
    fn: _Function, s: str, positions: Sequence[int] | None
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


def _run(
    fn: _Function, s: str, positions: Sequence[int] | None, ctx: _Context, fired: dict[str, str]
) -> bool:
    """Search one function in ``s`` and record its vote; True when it fired."""
    if fn.quote_only and not ctx.is_quote:
        return False
    found = _matches(fn, s, None) if positions is None else _anchored(fn, s, positions)
    if not found:
        return False
    positive, negated_tier = _polarity(fn, s, ctx, found)
    if positive is None or not _guards_pass(fn, ctx):
        return False
    if positive:
        fired[fn.name] = fn.tier
    elif negated_tier is not None:
        fired[fn.name + "_negated"] = negated_tier
    return True


def _anchored(fn: _Function, s: str, positions: Sequence[int]) -> Sequence[re.Match[str]]:
    """Matches anchored at the heads' offsets; most candidates fail on their first characters."""
    match = fn.regex.match
    if len(positions) == 1:  # the common case: no list to build
        one = match(s, positions[0])
        return () if one is None else (one,)
    return [m for p in positions if (m := match(s, p)) is not None]


def _polarity(fn: _Function, s: str, ctx: _Context, found: Iterable[re.Match[str]]
              ) -> tuple[bool | None, str | None]:
    """(True, _) when a match is not negated, (False, tier) when all are, (None, _) for none."""
    negative = False
    negated_tier = fn.negated_tier
    for m in found:
        how = _is_negated(ctx.lex.negation, s, m.start(), m.end()) if negated_tier else 0
        if how == 0:
            return True, negated_tier
        negative = True
        if how == _SCOPE and negated_tier != "cancelled":
            # "there is no evidence that X lied": the charge is void, nobody denies it
            negated_tier = "cancelled"
    return (False if negative else None), negated_tier


def _guards_pass(fn: _Function, ctx: _Context) -> bool:
    """The function's cased / requires / unless / party conditions on the whole sentence."""
    if fn.cased is not None and not fn.cased.search(ctx.original):
        return False
    if fn.requires is not None and not fn.requires.search(ctx.full):
        return False
    if fn.unless is not None and fn.unless.search(ctx.full):
        return False
    return not (fn.party and not ctx.party)


def _last(matches: Iterable[re.Match[str]]) -> re.Match[str] | None:
    """The last match of an iterator, or None."""
    found = deque(matches, maxlen=1)
    return found[0] if found else None


_LOCAL, _SCOPE = 1, 2


def _is_negated(neg: _Negation, s: str, start: int, end: int) -> int:
    """Is the match s[start:end] negated? 0 no, _LOCAL by a nearby negator, _SCOPE by a
    scope negator earlier in the sentence ("geen bewijs", "no evidence")."""
    pre = s[max(0, start - 120):start]
    cut = _last(neg.breaks.finditer(pre))
    if cut is not None:
        pre = pre[cut.end():]
    words = _WORD.findall(pre)[-neg.before:] if neg.before else []
    inside = _WORD.findall(s[start:end])
    # only the edges of a long gap pattern: a negator deep inside belongs to another clause
    words += inside if len(inside) <= 6 else inside[:4] + inside[-2:]
    if neg.after:
        post = s[end:end + 80]
        b = neg.breaks.search(post)
        if b is not None:
            post = post[:b.start()]
        words += _WORD.findall(post)[: neg.after]
    for w in words:
        if w in neg.words or w.endswith("n't"):
            return _LOCAL
    if neg.scope is not None:
        last = _last(neg.scope.finditer(s, 0, start))
        if last is not None and not neg.scope_stop.search(s, last.end(), start):
            return _SCOPE
    return 0


# ---------------------------------------------------------------------- attribution


def _strip_attribution(lex: _Lexicon, s: str) -> tuple[str, bool, int]:
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


# ---------------------------------------------------------------------- loading

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x
_PLAN_VERSION = "1"
_PLANS_KEPT = 6  # plans kept per language (several lexicon folders may share a language)
_Rx = list[str]  # [what, pattern]: a regex of the plan, with the name its errors are reported by


def _load_lexicon(path: Path) -> _Lexicon:
    """Read and compile one ``<lang>.yaml``; any problem becomes a one-line ValueError.

    Reading the YAML, expanding macros, shaping tries and reading pattern heads give the same
    pattern strings every time for the same file and code, so those strings (the "plan") are
    kept on disk, keyed by the file's bytes and this module's source; only ``re.compile``
    runs at every start. A changed lexicon or module is a new key, never a stale plan.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot read lexicon {path}: {exc.strerror or exc}") from None
    cached = _plan_file(path.stem, raw)
    plan = _read_plan(cached)
    fresh = plan is None
    data = _parse_yaml(path, raw) if plan is None else {}
    try:
        if plan is None:
            plan = _plan(path.stem, data)
        lexicon = _build(plan)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ValueError(f"malformed lexicon {path}: {msg}") from None
    if fresh and cached is not None:
        _write_plan(cached, plan)
    return lexicon


def _parse_yaml(path: Path, raw: bytes) -> dict:
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_YAML_LOADER)  # a safe loader
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ValueError(f"cannot read lexicon {path}: {first}") from None
    if not isinstance(data, dict) or not isinstance(data.get("functions"), dict):
        raise ValueError(f"malformed lexicon {path}: expected a mapping with 'functions'")
    return data


def _compile(lang: str, data: dict) -> _Lexicon:
    """Compile a parsed lexicon (no disk cache involved)."""
    return _build(_plan(lang, data))


_RxMaker = Callable[[object, str], "_Rx | None"]


def _plan(lang: str, data: dict) -> dict:
    """Every pattern string of a lexicon, macros expanded, heads read, validated: JSON data."""
    rx = _rx_maker(_macros(data))
    attr = data.get("attribution") or {}
    functions = [_function_plan(name, spec, rx) for name, spec in data["functions"].items()]
    if not functions:
        raise ValueError("no functions defined")
    heads_of: list[set[str] | None] = []
    for fn in functions:
        try:
            heads_of.append(_pattern_heads(fn["regex"][1]))
        except ValueError:  # not a valid regex at all: _build reports it
            heads_of.append(None)
    cue_functions = _cue_functions(heads_of)
    abbreviations = data.get("abbreviations")
    if abbreviations is not None and not isinstance(abbreviations, list):
        raise ValueError("abbreviations: expected a list")
    return {
        "lang": lang,
        "abbreviations": ["abbreviations", r"\b(?:" + "|".join(re.escape(str(a)) for a in
                                                               abbreviations)
                          + r"|[a-z])\.(?=[ ,a-z])"] if abbreviations else None,
        "cues": ["cue heads", _trie_regex(sorted(cue_functions))],
        "cue_functions": cue_functions,
        "always": [i for i, hs in enumerate(heads_of) if hs is None],
        "quote_tail": rx(attr.get("quote_tail"), "attribution.quote_tail"),
        "plain_tail": rx(attr.get("plain_tail"), "attribution.plain_tail"),
        "subordinate": rx(data.get("subordinate"), "subordinate"),
        "party_nouns": rx(data.get("party_nouns"), "party_nouns"),
        "negation": _negation_plan(data.get("negation") or {}, rx),
        "functions": functions,
    }


def _macros(data: dict) -> dict[str, str]:
    """Macro name -> alternation regex; a macro may use the macros defined before it."""
    macros: dict[str, str] = {}
    for key, words in (data.get("macros") or {}).items():
        if not isinstance(words, list) or not words:
            raise ValueError(f"macro {key} must be a non-empty list")
        macros[key] = _macro_regex([_expand(str(w), macros) for w in words])
    return macros


def _rx_maker(macros: dict[str, str]) -> _RxMaker:
    """A function turning one pattern or a list of them into a named, expanded alternation."""

    def rx(patterns: object, what: str) -> _Rx | None:
        if patterns is None:
            return None
        if isinstance(patterns, str):
            patterns = [patterns]
        if not isinstance(patterns, list) or not patterns:
            raise ValueError(f"{what}: expected a non-empty list of patterns")
        parts = [_expand(str(p), macros) for p in patterns]
        return [what, "|".join(f"(?:{p})" for p in parts)]

    return rx


def _negation_plan(neg_data: dict, rx: _RxMaker) -> dict:
    """Negation words, clause breaks, scope negators and the window around a cue."""
    return {
        "words": sorted({str(w) for w in neg_data.get("words") or []}),
        "breaks": rx(neg_data.get("clause_breaks") or [r"[,;:()]"], "negation.clause_breaks"),
        "scope": rx(neg_data.get("scope"), "negation.scope"),
        "scope_stop": rx(neg_data.get("scope_stop") or [r"[;:]"], "negation.scope_stop"),
        "before": int(neg_data.get("before", 3)),
        "after": int(neg_data.get("after", 0)),
    }


def _function_plan(name: object, spec: object, rx: _RxMaker) -> dict:
    """One labeling function's entry, its tier, scope and patterns checked."""
    if not isinstance(spec, dict):
        raise ValueError(f"function {name}: expected a mapping")
    tier = spec.get("tier")
    if tier not in _TIER_RANK:
        raise ValueError(f"function {name}: unknown tier {tier!r}")
    neg_tier = spec.get("negated_tier")
    if neg_tier is not None and neg_tier not in _TIER_RANK:
        raise ValueError(f"function {name}: unknown negated_tier {neg_tier!r}")
    scope = spec.get("scope", "main")
    if scope not in ("main", "core", "full"):
        raise ValueError(f"function {name}: scope must be main, core or full")
    regex = rx(spec.get("patterns"), f"function {name}.patterns")
    if regex is None:
        raise ValueError(f"function {name}: expected a non-empty list of patterns")
    return {
        "name": str(name),
        "tier": tier,
        "regex": regex,
        "negated_tier": neg_tier,
        "requires": rx(spec.get("requires"), f"function {name}.requires"),
        "unless": rx(spec.get("unless"), f"function {name}.unless"),
        "cased": rx(spec.get("cased"), f"function {name}.cased"),
        "scope": scope,
        "quote_only": bool(spec.get("quote_only", False)),
        "party": bool(spec.get("party", False)),
    }


def _cue_functions(heads_of: list[set[str] | None]) -> dict[str, list[int]]:
    """Head -> the functions to run where it occurs.

    The trie reports the longest head at a position; shorter heads that prefix it match too.
    """
    owners: dict[str, set[int]] = {}
    for i, hs in enumerate(heads_of):
        for h in hs or ():
            owners.setdefault(h, set()).add(i)
    cue_functions: dict[str, list[int]] = {}
    for head in sorted(owners):
        found: set[int] = set()
        for k in range(1, len(head) + 1):
            found |= owners.get(head[:k], set())
        cue_functions[head] = sorted(found)
    return cue_functions


def _build(plan: dict) -> _Lexicon:
    """Compile a plan's pattern strings into the lexicon the matcher uses."""

    def rx(spec: _Rx | None) -> re.Pattern[str] | None:
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

    neg = plan["negation"]
    breaks, scope_stop, cues = rx(neg["breaks"]), rx(neg["scope_stop"]), rx(plan["cues"])
    assert breaks is not None and scope_stop is not None and cues is not None
    functions = []
    for fn in plan["functions"]:
        regex = rx(fn["regex"])
        assert regex is not None
        functions.append(_Function(
            name=fn["name"], tier=fn["tier"], regex=regex, negated_tier=fn["negated_tier"],
            requires=rx(fn["requires"]), unless=rx(fn["unless"]), cased=rx(fn["cased"]),
            scope=fn["scope"], quote_only=fn["quote_only"], party=fn["party"]))
    return _Lexicon(
        lang=plan["lang"],
        abbreviations=rx(plan["abbreviations"]),
        cues=cues,
        cue_functions={h: frozenset(fs) for h, fs in plan["cue_functions"].items()},
        always=frozenset(plan["always"]),
        quote_tail=rx(plan["quote_tail"]),
        plain_tail=rx(plan["plain_tail"]),
        subordinate=rx(plan["subordinate"]),
        party_nouns=rx(plan["party_nouns"]),
        negation=_Negation(words=frozenset(neg["words"]), breaks=breaks, scope=rx(neg["scope"]),
                           scope_stop=scope_stop, before=neg["before"], after=neg["after"]),
        functions=tuple(functions),
    )


_SOURCE_DIGEST: list[str] = []  # this module's source hash, read once per process


def _plan_dir() -> Path | None:
    """Where plans are kept: ``$WEDERHOOR_LEXICON_CACHE`` ("off" disables), else a folder of
    this user's own in the temp dir (never in the package or the data)."""
    import os
    import tempfile

    setting = os.environ.get("WEDERHOOR_LEXICON_CACHE")
    if setting is not None:
        return None if setting.strip().lower() in ("", "off", "0", "false") else Path(setting)
    uid = os.getuid() if hasattr(os, "getuid") else "user"
    return Path(tempfile.gettempdir()) / f"wederhoor-{uid}" / "lexicon-plans"


def _plan_file(lang: str, raw: bytes) -> Path | None:
    import hashlib
    import sys

    folder = _plan_dir()
    if folder is None:
        return None
    if not _SOURCE_DIGEST:
        try:
            _SOURCE_DIGEST.append(hashlib.blake2b(Path(__file__).read_bytes()).hexdigest())
        except OSError:
            return None
    digest = hashlib.blake2b(digest_size=16)
    for part in (_PLAN_VERSION, sys.version, _SOURCE_DIGEST[0], lang):
        digest.update(part.encode("utf-8") + b"\x00")
    digest.update(raw)
    return folder / f"{lang}-{digest.hexdigest()}.json"


def _read_plan(path: Path | None) -> dict | None:
    """A plan written earlier by this user, or None (missing, unreadable, someone else's)."""
    import json
    import os

    if path is None:
        return None
    try:
        if hasattr(os, "getuid") and path.stat().st_uid != os.getuid():
            return None
        plan = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return plan if isinstance(plan, dict) and "functions" in plan else None


def _write_plan(path: Path, plan: dict) -> None:
    """Store a plan atomically; a cache that cannot be written is simply not used."""
    import json
    import os

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(plan), encoding="utf-8")
        tmp.replace(path)
        # keep the newest few plans per language (each edit of a lexicon makes a new one)
        old = sorted(path.parent.glob(path.name.split("-")[0] + "-*.json"),
                     key=lambda p: p.stat().st_mtime, reverse=True)[_PLANS_KEPT:]
        for stale in old:
            stale.unlink(missing_ok=True)
    except OSError:
        return


_LITERAL = re.compile(r"[\w' -]+")


def _macro_regex(entries: Sequence[str]) -> str:
    """One macro's alternation, its plain words shaped as a trie.

    Python's ``re`` tries a flat alternation word by word; word lists of several hundred
    entries (the wrongdoing participles) tried at every gap position were the labeler's main
    cost. A trie fails after a character or two on most text, and matches the same strings.
    """
    plain = sorted({e for e in entries if _LITERAL.fullmatch(e)})
    other = [e for e in entries if not _LITERAL.fullmatch(e)]
    parts = ([_trie_regex(plain)] if plain else []) + other
    return "(?:" + "|".join(parts) + ")"


def _expand(pattern: str, macros: dict[str, str]) -> str:
    """Replace ``{NAME}`` by the alternation of macro NAME (macros may use earlier ones)."""

    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        if key not in macros:
            raise ValueError(f"unknown macro {{{key}}} in pattern {pattern!r}")
        return macros[key]

    return _MACRO.sub(sub, pattern)


# ---------------------------------------------------------------------- cue heads


class _Unsupported(Exception):
    """A regex construct the head extractor does not model: the pattern gets no heads."""


_Item = tuple[str, object, int, float]  # (kind, value, min repeat, max repeat)
_QUANT = re.compile(r"\{(\d*)(,?)(\d*)\}")


def _pattern_heads(pattern: str) -> set[str] | None:
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
            return "zero", None, i + 2
        if x.isalnum():
            return "any", None, i + 2  # \w \d \s, back-references, \n ...
        return "lit", x, i + 2
    if c in "^$":
        return "zero", None, i + 1
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
        if lo == 0:
            if hi != 1 or not complete:
                return heads, False
            heads = heads | {h + t for h in heads for t in sub}  # optional literal: both ways
        else:
            heads = {h + t for h in heads for t in sub}
            if hi != 1:
                return heads, False
        if not complete or len(heads) > 5000:
            return heads, False
    return heads, True


def _trie_regex(words: Sequence[str]) -> str:
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
