"""Sentence segmenters: turn a document body into the sentences that get a stance label.

All segmenters return stripped substrings of the input, in order, never empty strings, and are
cheap, picklable objects (they are shipped to worker processes). ``SyntokSegmenter`` is the
default; ``LineSegmenter`` and ``NoSegmenter`` are baselines and fallbacks for pre-split text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from syntok.segmenter import segment as _syntok_segment
from syntok.tokenizer import Tokenizer

from wederhoor.pipeline.syntok_fast import FastStarts

# A line of text: sentences never span line breaks (headlines, paragraphs and list items are
# separated by them in news bodies).
_LINE = re.compile(r"[^\r\n]+")

# A whitespace-delimited chunk ending in a period or an ellipsis, followed by the next chunk:
# every place where a sentence boundary is plausible. Lookahead so the next chunk can itself
# be a candidate ("dr. E. van Lier").
_CANDIDATE = re.compile(r"(?<!\S)(\S*[.…])(?=(\s+)(\S+))")

# Characters that may open a sentence or a chunk before its first word.
_OPENERS = "\"'‘’“”«„([{¿¡"
# Characters that may close a sentence after its final punctuation.
_CLOSERS = "\"'‘’“”»)]}"
_TERMINAL = ".!?…"

_LEADING_WORD = re.compile(r"[^\W_][\w'’-]*")
# Initials: one or more single uppercase letters, each followed by a period ("K.", "P.J.").
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")
# A domain name or URL ending a sentence: "www.grootveen.nl.", "harlowcounty.gov/bridge.".
# At least two characters before the top-level domain, so "o.a." or "U.S." do not qualify.
_DOMAIN = re.compile(
    r"(?:https?://)?(?:[\w-]+\.)*[\w-]{2,}\.[a-z]{2,12}(?:/[^\s]*)?\.", re.IGNORECASE
)

_LIST_KEYS = ("no_end", "can_end", "starters", "name_particles", "agencies")
_ANY_LANG = "*"


@dataclass(frozen=True)
class _Lexicon:
    """The word lists of one language (or of all, for unknown languages)."""

    no_end: frozenset[str]
    can_end: frozenset[str]
    starters: frozenset[str]
    name_particles: frozenset[str]
    agencies: frozenset[str] = frozenset()


def _with_capitalised(words: list[str]) -> frozenset[str]:
    """Entries written in lowercase also match sentence-initially capitalised."""
    out = set()
    for word in words:
        word = str(word)
        out.add(word)
        if word[:1].islower():
            out.add(word[0].upper() + word[1:])
    return frozenset(out)


@lru_cache(maxsize=16)
def _load_lexicons(path: str | None) -> dict[str, _Lexicon]:
    """Read the abbreviation YAML once per path (constructing segmenters must be cheap)."""
    if path is None:
        raw_text = (
            resources.files("wederhoor").joinpath("resources/abbreviations.yaml").read_text("utf-8")
        )
    else:
        raw_text = Path(path).read_text(encoding="utf-8")
    data = yaml.safe_load(raw_text) or {}
    if not isinstance(data, dict) or not data:
        raise ValueError(f"abbreviation file {path or 'packaged'} must map languages to lists")
    lexicons: dict[str, _Lexicon] = {}
    union: dict[str, set[str]] = {key: set() for key in _LIST_KEYS}
    for lang, lists in data.items():
        lists = lists or {}
        unknown = set(lists) - set(_LIST_KEYS)
        if unknown:
            raise ValueError(f"unknown keys for language {lang!r}: {sorted(unknown)}")
        per_lang = {key: _with_capitalised(lists.get(key) or []) for key in _LIST_KEYS}
        for key in _LIST_KEYS:
            union[key] |= per_lang[key]
        lexicons[str(lang)] = _Lexicon(**per_lang)
    # A word that may end a sentence in one language wins over "never ends" in another, so
    # the union does not merge sentences that either language would split.
    can_end = frozenset(union["can_end"])
    lexicons[_ANY_LANG] = _Lexicon(
        no_end=frozenset(union["no_end"] - can_end),
        can_end=can_end,
        starters=frozenset(union["starters"]),
        name_particles=frozenset(union["name_particles"]),
        agencies=frozenset(union["agencies"]),
    )
    return lexicons


def _is_headline(line: str) -> bool:
    """A line without sentence-final punctuation is a headline or subhead: one unit."""
    return line.rstrip(_CLOSERS)[-1:] not in _TERMINAL


class SyntokSegmenter:
    """syntok per line, then rule-based repairs around abbreviations, initials and URLs.

    syntok splits a Dutch or English line well, except after titles and abbreviations it does
    not know (``dhr.``, ``drs.``, ``mevr.``), after abbreviations that do end a sentence
    (``etc.``, ``Inc.``, ``a.m.``), after an initial that ends a name ("Dennis K. Hij"), an
    ellipsis, or a domain name. The repairs decide each such boundary from the word lists in
    ``resources/abbreviations.yaml`` and the shape of the next word.
    """

    name = "syntok"

    def __init__(
        self,
        abbreviations: str | None = None,
        repair: bool = True,
        headline_max_chars: int = 150,
        fast_path: bool = True,
    ) -> None:
        self.abbreviations = abbreviations
        self.repair = repair
        self.headline_max_chars = headline_max_chars
        self.fast_path = fast_path
        self._lexicons = _load_lexicons(None if abbreviations is None else str(abbreviations))
        self._tokenizer = Tokenizer(replace_not_contraction=False)
        self._fast = FastStarts() if fast_path else None

    def __getstate__(self) -> dict:
        # The lexicons are cached per path and rebuilt on unpickling: keeps the pickle small.
        return {
            "abbreviations": self.abbreviations,
            "repair": self.repair,
            "headline_max_chars": self.headline_max_chars,
            "fast_path": self.fast_path,
        }

    def __setstate__(self, state: dict) -> None:
        SyntokSegmenter.__init__(self, **state)

    def __repr__(self) -> str:
        return (
            f"SyntokSegmenter(abbreviations={self.abbreviations!r}, repair={self.repair}, "
            f"headline_max_chars={self.headline_max_chars}, fast_path={self.fast_path})"
        )

    def split(self, text: str, lang: str = "nl") -> list[str]:
        """Split a document body into sentences (never across a line break)."""
        lexicon = self._lexicons.get(lang) or self._lexicons[_ANY_LANG]
        sentences: list[str] = []
        for match in _LINE.finditer(text):
            line = match.group()
            if not line.strip():
                continue
            sentences.extend(self._split_line(line, lexicon))
        return sentences

    def _syntok_starts(self, line: str) -> list[int]:
        """Offsets in ``line`` where syntok starts a sentence (worked out without syntok when
        the line is plain enough, see syntok_fast.py: the same offsets either way)."""
        if self._fast is not None:
            fast = self._fast(line)
            if fast is not None:
                return fast
        starts = []
        for sentence in _syntok_segment(self._tokenizer.tokenize(line)):
            for token in sentence:
                if token.value:
                    starts.append(token.offset)
                    break
        return starts

    def _split_line(self, line: str, lexicon: _Lexicon) -> list[str]:
        stripped = line.strip()
        if self.repair and len(stripped) <= self.headline_max_chars and _is_headline(stripped):
            return [stripped]
        starts = self._syntok_starts(line)
        if not starts:
            return []
        if self.repair:
            starts = self._repair(line, starts, lexicon)
        out = []
        bounds = starts + [len(line)]
        for begin, end in zip(bounds, bounds[1:], strict=False):
            piece = line[begin:end].strip()
            if piece:
                out.append(piece)
        if self.repair and lexicon.agencies and "(" in line:  # tags and credits open with "("
            return _join_wire_furniture(out, lexicon)
        return out

    def _repair(self, line: str, starts: list[int], lexicon: _Lexicon) -> list[int]:
        """Add or remove sentence starts at each period/ellipsis-plus-next-word position."""
        start_set = set(starts)
        changed = False
        for cand in _CANDIDATE.finditer(line):
            next_start = cand.end(2)
            decision = _decide(cand.group(1), cand.group(3), lexicon)
            if decision is None:
                continue
            if decision and next_start not in start_set:
                start_set.add(next_start)
                changed = True
            elif not decision and next_start in start_set:
                start_set.discard(next_start)
                changed = True
        return sorted(start_set) if changed else starts


def _join_wire_furniture(pieces: list[str], lexicon: _Lexicon) -> list[str]:
    """Keep a wire dateline with its lead and a photo credit with its caption.

    "NEW HAVEN, Conn. (AP) — A former ..." and "... on Tuesday. (AP Photo/Ann Lee)" are one
    sentence each on a news page; syntok cuts them at the agency's parenthesis.
    """
    tag, credit = _wire_patterns(lexicon.agencies)
    out: list[str] = []
    for piece in pieces:
        joins = bool(out) and (tag.match(piece) is not None or credit.fullmatch(piece) is not None
                               or _is_dateline(out[-1], tag))
        if joins:
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


@lru_cache(maxsize=16)
def _wire_patterns(agencies: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The agency tag "(AP)" and a photo credit "(AP Photo/...)", "(Foto: ...)"."""
    names = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
    return (re.compile(rf"\((?:{names})\)"),
            re.compile(rf"\((?:(?:{names})\s+)?(?:Photo|Foto|Image|Beeld)\b[^()]*\)$"))


def _is_dateline(piece: str, tag: re.Pattern[str]) -> bool:
    """An all-capitals place name with the agency's tag and nothing else: "PHOENIX (AP)"."""
    found = tag.search(piece)
    if found is None or piece[found.end():].strip(" —–-"):
        return False
    place = piece[:found.start()]
    return any(ch.isupper() for ch in place) and not any(ch.islower() for ch in
                                                         place.split(",")[0])


def _may_decide(core: str, lexicon: _Lexicon) -> bool:
    """Whether ``_decide`` can have an opinion on ``core``: an ellipsis, a listed word, or a
    shape that initials or a domain name need (two characters, or a dot before the last).
    Most chunks ending in a period are ordinary words: this spares them the rest."""
    return (len(core) == 2 or "." in core[:-1] or core.endswith(("...", "…"))
            or core in lexicon.no_end or core in lexicon.can_end)


def _decide(chunk: str, following: str, lexicon: _Lexicon) -> bool | None:
    """Is there a sentence boundary between ``chunk`` and ``following``?

    True: split, False: join, None: no opinion (syntok's decision stands).
    """
    core = chunk.lstrip(_OPENERS)
    if not core or not _may_decide(core, lexicon):
        return None
    word_part = following.lstrip(_OPENERS)
    opens_quote = len(word_part) < len(following)
    match = _LEADING_WORD.match(word_part)
    word = match.group() if match else ""
    capitalised = word[:1].isupper()

    if core.endswith(("...", "…")):
        # "dan... niets" continues; "niet uit… Een onderzoek" starts a new sentence.
        return capitalised
    if core in lexicon.no_end:
        return False
    if core in lexicon.can_end:
        if not capitalised:
            return False
        return word in lexicon.starters or opens_quote
    if _INITIALS.fullmatch(core) and core.isupper():
        if not capitalised:
            return False
        return word in lexicon.starters and word not in lexicon.name_particles
    if capitalised and _DOMAIN.fullmatch(core):
        return True
    return None


class LineSegmenter:
    """One sentence per non-empty line: for text that is already split."""

    name = "lines"

    def split(self, text: str, lang: str = "nl") -> list[str]:
        """Return the stripped non-empty lines."""
        return [s for s in (m.group().strip() for m in _LINE.finditer(text)) if s]

    def __repr__(self) -> str:
        return "LineSegmenter()"


class NoSegmenter:
    """The whole text is one unit: for labelling whole documents or short snippets."""

    name = "none"

    def split(self, text: str, lang: str = "nl") -> list[str]:
        """Return the stripped text as the only sentence, or nothing for blank text."""
        stripped = text.strip()
        return [stripped] if stripped else []

    def __repr__(self) -> str:
        return "NoSegmenter()"
