"""Document context for the rule labeler: sentences whose stance lies in the sentences around them.

Rules read one sentence at a time, but news writes some stance across several:

- a *continuation* carries no cue of its own because it only goes on with the sentence before
  it: a claim, then "Dat blijkt uit een intern rapport." (the evidence for it), or a quote of
  the accused, then a second quote of the same person ("'...', zegt hij."). It takes the stance
  of the sentence before it;
- a *quote over several sentences*: the opening sentence has no attribution and the closing
  one starts in mid-quote ("Wij bouwen hier al drie generaties correct", laat hij weten.).
  The quote's content decides (guideline), so its parts are labelled together, as one
  sentence; a part with no cue of its own takes that joint stance;
- the *same speaker*: a party that denied earlier in the document ("Tarrow denied ...") goes
  on to tell its side with a plain reporting verb and no cue ("Tarrow said the site was a
  cross-docking facility"); an accuser likewise. A sentence with no cue whose speaker, named
  by capitalised words, spoke for only one side earlier in the document takes that side;
- *reported speech that follows a side*: news tells a side in runs of attributed sentences. A
  sentence with no cue that is reported speech (a reporting verb or a quotation mark) and comes
  straight after an accusation or a denial goes on with it ("He said the invoices were
  approved by the board." after "Corran denied any wrongdoing."), in prose only: a headline
  (no full stop at its end) stands alone on its page. On the real-news-style dev
  rounds such a sentence took the stance before it about half the time and was neutral about a
  quarter of the time; two or more sentences later the three labels split evenly, so only
  the next sentence is read, in a chain. Procedure takes no side (``announcement``: what will
  happen, an inquiry still going on, a body following the matter), nor does what happened
  since a charge (``follow_up``) or a market analyst's view of it (``commentator``).
- a *quotation about them*: a sentence with no cue and no side from the rules above that
  opens with a quotation telling about others (hij, ze, iedereen; he, they, everybody) and
  never about the speaker (ik, wij; I, we) is a witness's account of the accused
  ("'Iedereen op de vloer wist het', zegt hij."); the accused answering speaks in the first
  person. It comes last, so a side carried from the sentence before wins. English quotes mix
  the persons more, and it gains less there (``context/en.yaml`` says how much).
- a *quoted side*: in a document that reports a conflict (at least ``_CONFLICT_MIN`` sentences
  whose own cues give a stance), a sentence of prose with a quotation that is still without a
  side is a party speaking: in the first person right after a sentence with a side, the
  accused answering (a denial; after a charge only where the file's ``first_person_answers``
  is true, as in Dutch); otherwise the charge, unless it follows a denial, a commentator
  speaks, or it announces what will happen where ``quoted_announcement`` is true. On the
  real-news-style dev rounds (session 13) it gained 0.6 points of macro-F1 in English and
  0.8 in Dutch; in plain news, where a quotation is as often a bystander's, it stays away.
- *page furniture*: a "Lees ook" / "Read more" line is the headline of another story. With
  no cue of its own it stays neutral, and none of the rules here reads it (session 15: on the
  dev rounds the context rules gave such lines a side 39 times, right 7 times).
- *interview answers*: in a question-and-answer interview whose cued answers deny more than
  they charge, an answer with no cue is the interviewee's denial (``labelers/interviews.py``).
- a *pronoun voice after a charge*: "Volgens haar gebruikte T. zijn positie om ...", "He told
  the court investigators had traced ..." right after an accusation. The voice functions read
  such a speaker as the defence, but a pronoun points back at who was just speaking, and
  after a charge that is the accuser. When the deciding function is only a voice (tier
  ``defence_voice`` or ``denial_weak``), the pronoun voice is in ``pronoun_voice`` and a
  function that fired on the sentence votes for the charge, the sentence is an accusation.
  On the real-news-style dev rounds (session 15): Dutch 12 such sentences were accusations,
  2 denials, 1 neutral; English 5 and 1.

Only a sentence on which no labeling function fired is changed, so every cue outranks
context; the pronoun voice is the one exception, and it changes only which of the cues
that fired decides. The patterns live in ``lexicons/context/<lang>.yaml`` (``{NAME}`` stands
for the words of macro NAME, in their order) and match the text as the labeling functions see it
(lowercased, quotes unified), except the speaker patterns, which are matched case-blind on
the original text so that names keep their capitals; a language without that file gets no
context rules.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import yaml

from wederhoor.labelers.byte_keyed import ByteKeyed
from wederhoor.labelers.interviews import interview_answers
from wederhoor.labelers.lexicon_compiler import expand_macros
from wederhoor.labelers.lexicon_lint import duplicate_keys
from wederhoor.labelers.text import normalise  # the text the labeling functions read
from wederhoor.labelers.tiers import TIER_LABEL, by_priority

CONTINUES = "continues_previous"
QUOTE = "quote_continues"
SPEAKER = "same_speaker"
SPEECH = "speech_continues"
ABOUT_THEM = "quote_about_them"
QUOTED = "quoted_side"
PRONOUN = "pronoun_voice"
FURNITURE = "furniture"
INTERVIEW = "interview_answer"
#: the tags of the context rules: evidence that starts with one was given by context, not by a
#: labeling function of the sentence
_CONTEXT_TAGS = frozenset({CONTINUES, QUOTE, SPEAKER, SPEECH, ABOUT_THEM, QUOTED, PRONOUN,
                           FURNITURE, INTERVIEW})
#: tiers that say who speaks rather than what is said (``tiers.py``)
_VOICE_TIERS = frozenset({"defence_voice", "denial_weak"})
_STANCES = ("accusation", "denial")
#: a document with at least this many sentences whose own cues give a stance reports a
#: conflict, and its quotations are the parties' (``quoted_side``); with fewer (plain news,
#: one charge in passing) a quotation is as often a bystander's. Chosen on the dev documents:
#: with 2 or 3 the fiction documents kept their score, with 0 they lost 0.8-1.2 points.
_CONFLICT_MIN = 3
#: at most this many sentences make one quote; a longer run is more likely a stray mark
_MAX_QUOTE_PARTS = 4
#: a quotation mark that is not an apostrophe (not between two letters), after normalise
_OPENERS = frozenset("\"'\u2018\u2019\u201a\u201b`\u00b4\u201c\u201d\u201e\u00ab\u00bb,")
_MARK = re.compile(r"(?<!\w)['\"]|['\"](?!\w)|,,")
_WORD = re.compile(r"[\w'\u2019-]+")
#: a sentence of prose ends in . ! ? or a closing quotation mark; a headline, caption or
#: furniture line does not, and stands alone: it goes on with no side before it
_PROSE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)]*\s*$|[\"'\u201d\u2019\u00bb]\s*$")


@dataclass(frozen=True)
class ContextRules:
    """The context patterns of one language (see the module docstring)."""

    continuation: re.Pattern[str] | None
    speaker: tuple[re.Pattern[str], ...]
    not_names: frozenset[str]
    #: reporting words that make a sentence reported speech (quotation marks do too)
    speech: re.Pattern[str] | None = None
    #: what was said is an announcement (what will happen), which takes no side
    announcement: re.Pattern[str] | None = None
    #: what was said tells what happened since ("had since retrained its staff"): after a
    #: charge it goes on with no side (after a denial it is the defence's remedy and does)
    follow_up: re.Pattern[str] | None = None
    #: words of a quotation about others (he, they, everyone) and about the speaker (I, we)
    third_person: re.Pattern[str] | None = None
    first_person: re.Pattern[str] | None = None
    #: a speaker named by a pronoun ("volgens haar", "he told the court")
    pronoun_voice: re.Pattern[str] | None = None
    #: page furniture that stands alone ("Lees ook: ...", "Read more: ..."): a headline of
    #: another story, which goes on with nothing and takes no side from its page
    furniture: re.Pattern[str] | None = None
    #: a quotation in the first person right after a charge is the accused answering it
    #: (``quoted_side``); where it is as often the accuser's, the charge goes on
    first_person_answers: bool = True
    #: a quotation that announces what will happen carries no charge (``quoted_side``): in
    #: Dutch it was mostly neutral, in English ("he would fight it") it is not
    quoted_announcement: bool = False
    #: a speaker whose role is to comment (an analyst, a professor): what they say carries no
    #: charge from the context (``speech_side``, ``quoted_side``)
    commentator: re.Pattern[str] | None = None
    #: an interview's questions, and the words that address its interviewee ("you"):
    #: ``labelers/interviews.py``
    question: re.Pattern[str] | None = None
    addressed: re.Pattern[str] | None = None


class ContextLabeler(Protocol):
    """What context resolution needs of a labeler (``rules.RuleLabeler``)."""

    default_lang: str
    context_rules: dict[str, ContextRules | None]

    def label_one(self, text: str, lang: str | None = None) -> tuple[str, list[str]]: ...

    def fired(self, text: str, lang: str | None = None) -> dict[str, str]: ...


def _listed(data: dict, key: str) -> list[str]:
    items = data.get(key) or []
    if not isinstance(items, list):
        raise ValueError(f"'{key}' must be a list")
    return [str(x) for x in items]


def _macros(data: dict) -> dict[str, str]:
    """Macro name -> alternation of its words, in their order (``{NAME}`` in a pattern)."""
    found = data.get("macros") or {}
    if not isinstance(found, dict):
        raise ValueError("'macros' must be a mapping of name to word list")
    return {str(k): "(?:" + "|".join(_listed(found, k)) + ")" for k in found}


def _flag(data: dict, key: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ValueError(f"'{key}' must be true or false, got {value!r}")
    return value


def _joined(data: dict, key: str, macros: dict[str, str]) -> re.Pattern[str] | None:
    patterns = [expand_macros(p, macros) for p in _listed(data, key)]
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


#: the rules of each context file, by language and the file's bytes: every labeler built in a
#: process (the models build several per fit) reads the file, but parses it once
_PARSED: ByteKeyed[ContextRules] = ByteKeyed()


def load_continuations(folder: Path, lang: str) -> ContextRules | None:
    """The context rules of ``lang``, or None without a context file."""
    path = folder / "context" / f"{lang}.yaml"
    if not path.is_file():
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValueError(f"cannot read context file {path}: {exc.strerror or exc}") from None
    return _PARSED.get(lang, raw, lambda: _parse(path, raw))


def _parse(path: Path, raw: bytes) -> ContextRules:
    """The context rules written in ``raw``, the bytes of ``path``."""
    try:
        text = raw.decode("utf-8")
        data = yaml.safe_load(text) or {}
        if not isinstance(data, dict):
            raise ValueError("expected a mapping")
        # YAML keeps the last of two keys of one name: the first list would be lost silently
        twice = duplicate_keys(text)
        if twice:
            raise ValueError(twice[0])
        macros = _macros(data)
        speaker = tuple(re.compile(expand_macros(p, macros), re.IGNORECASE)
                        for p in _listed(data, "speaker"))
        if any("who" not in p.groupindex for p in speaker):
            raise ValueError("every 'speaker' pattern must capture the speaker as (?P<who>...)")
        if ("third_person" in data) != ("first_person" in data):
            raise ValueError("'third_person' and 'first_person' go together (a quotation about "
                             "them is told by the two lists); give both or neither")
        if ("question" in data) != ("addressed" in data):
            raise ValueError("'question' and 'addressed' go together (an interview is told by "
                             "questions that address someone); give both or neither")
        return ContextRules(
            continuation=_joined(data, "continuation", macros),
            speaker=speaker,
            not_names=frozenset(_listed(data, "not_names")),
            speech=_joined(data, "speech", macros),
            announcement=_joined(data, "announcement", macros),
            follow_up=_joined(data, "follow_up", macros),
            third_person=_joined(data, "third_person", macros),
            first_person=_joined(data, "first_person", macros),
            pronoun_voice=_joined(data, "pronoun_voice", macros),
            first_person_answers=_flag(data, "first_person_answers", default=True),
            furniture=_joined(data, "furniture", macros),
            quoted_announcement=_flag(data, "quoted_announcement", default=False),
            commentator=_joined(data, "commentator", macros),
            question=_joined(data, "question", macros),
            addressed=_joined(data, "addressed", macros),
        )
    except (UnicodeDecodeError, yaml.YAMLError, ValueError, re.error) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ValueError(f"malformed context file {path}: {first}") from None


def is_continuation(rules: ContextRules | None, text: str) -> bool:
    """Does ``text`` only continue the sentence before it?"""
    if rules is None or rules.continuation is None:
        return False
    return rules.continuation.search(normalise(text)) is not None


def _reported(rules: ContextRules, seen: str) -> bool:
    """Is ``seen`` (normalised, stripped) attributed to a speaker: a reporting word of the
    language or a quotation?"""
    if rules.speech is None:
        return False
    if rules.speech.search(seen) is not None:
        return True
    # a quotation opens or closes the sentence (not a phrase in scare quotes inside it)
    return (seen[:1] in "'\"," or seen.rstrip(".!?")[-1:] in "'\"") \
        and _MARK.search(seen) is not None


def speech_side(rules: ContextRules | None, before: str, side: str, text: str) -> str | None:
    """The side reported speech ``text`` takes after ``before``, a sentence of ``side``.

    It goes on with ``side`` unless it is a headline (no full stop, question or exclamation
    mark or closing quotation mark at its end: "No, the dam is not about to burst, water board
    says" on a page of headlines answers nothing before it), is not reported speech, announces
    what will happen (procedure, which takes no side), tells after a charge what happened
    since (``follow_up``), is a commentator's view after a charge (``commentator``) or names
    a speaker other than the one ``before`` names,
    which includes a party ``before`` only talks about ("Clear Water accused Harbour Logistics
    of dumping waste." then "Harbour Logistics said the colour came from a farm upstream."):
    someone else answers, as often for the other side (on the dev documents, taking the other
    side for such a party was right once in five). None: no side from ``before``.
    """
    if rules is None or _PROSE_END.search(text) is None:
        return None
    seen = normalise(text).strip()
    if not _reported(rules, seen):
        return None
    if rules.announcement is not None and rules.announcement.search(seen):
        return None
    if side == "accusation" and rules.follow_up is not None and rules.follow_up.search(seen):
        return None
    if side == "accusation" and _commentator(rules, seen):
        return None
    now = speaker_names(rules, text)
    if not now:
        return side
    then = speaker_names(rules, before)
    if now & then:
        return side
    if then or now & _names_in(rules, before):
        return None
    return side


def _commentator(rules: ContextRules, seen: str) -> bool:
    """Is ``seen`` (normalised) said by someone whose role is to comment?"""
    return rules.commentator is not None and rules.commentator.search(seen) is not None


def quote_about_them(rules: ContextRules | None, text: str) -> bool:
    """Does ``text`` open with a quotation that tells about others (he, they, everyone) and
    never about the speaker (I, we)? The accused answering speaks in the first person; a
    witness telling what the accused did speaks of him."""
    if rules is None or rules.third_person is None or rules.first_person is None \
            or text.lstrip()[:1] not in _OPENERS:  # most sentences: no normalising needed
        return False
    seen = normalise(text).strip()
    opened = _MARK.match(seen)
    if opened is None:
        return False
    closing = _MARK.search(seen, opened.end())
    quoted = seen[opened.end():closing.start() if closing else len(seen)]
    return rules.third_person.search(quoted) is not None \
        and rules.first_person.search(quoted) is None


def quoted_side(rules: ContextRules | None, text: str, before: str | None) -> str | None:
    """The side of a sentence of prose that quotes someone and still has none: news quotes
    the parties, rarely a bystander. A quotation in the first person (I, we) right after a
    sentence with a side is the accused answering it: a denial (after a charge only where
    ``first_person_answers``: in English it was as often the accuser's); after a denial, one
    that is not in the first person is left alone (either side goes on); otherwise the
    quotation carries the charge, unless a commentator speaks or it announces what will
    happen where the file's ``quoted_announcement`` says so (in Dutch). On the
    real-news-style dev rounds (session 13) such sentences were accusations about 45% of the
    time and neutral about a third of the time."""
    if rules is None or rules.first_person is None or _PROSE_END.search(text) is None:
        return None
    seen = normalise(text)  # once, for the quotation marks and the first person
    if _MARK.search(seen) is None:
        return None
    first_person = rules.first_person.search(seen) is not None
    if first_person and (before == "denial" or (before == "accusation"
                                                and rules.first_person_answers)):
        return "denial"
    if before == "denial":
        return None
    if rules.quoted_announcement and rules.announcement is not None \
            and rules.announcement.search(seen) is not None:
        return None
    if _commentator(rules, seen):
        return None
    return "accusation"


def voice_over_charge(fired: dict[str, str]) -> bool:
    """Do the functions that ``fired`` on a sentence (name -> tier) leave it to a voice over a
    charge: its deciding function is only a voice, and a function votes for the charge?"""
    if not fired or fired[by_priority(fired)[0]] not in _VOICE_TIERS:
        return False
    return any(TIER_LABEL[tier] == "accusation" for tier in fired.values())


def _names_in(rules: ContextRules, text: str) -> frozenset[str]:
    """Every capitalised word of ``text`` that can name a party (not the first word)."""
    words = _WORD.findall(text)[1:]
    return frozenset(w.removesuffix("'s").removesuffix("\u2019s") for w in words
                     if w[0].isupper()) - rules.not_names


def resolve_context(labeler: ContextLabeler, texts: Sequence[str], langs: Sequence[str] | None,
                    doc_ids: Sequence[str], labels: list[str], evidence: list[str]) -> None:
    """Give sentences without a cue the stance their context gives them, in place.

    Sentences come in document order; only a sentence on which no function fired is changed.
    Page furniture with no cue ("Lees ook: ...") is marked first and left as it is.
    Continuations first (chains resolve left to right: "A. Dat zegt X. 'B', zegt hij." all
    take A's stance), then quotes over several sentences, then speakers, then reported speech
    after a side, then a quotation about them or a quoted side (what is still without
    a side), then the answers of an interview, and last a pronoun voice after a charge.
    """
    rules = labeler.context_rules
    # documents that report a conflict: enough sentences with a stance of their own cues
    stances: Counter[str] = Counter(doc_ids[i] for i in range(len(texts))
                                    if evidence[i] and labels[i] in _STANCES)

    def lang_of(i: int) -> str:
        return langs[i] if langs is not None else labeler.default_lang

    _mark_furniture(rules, texts, evidence, lang_of)
    _carry(texts, doc_ids, labels, evidence, lang_of,
           lambda i, lang: (labels[i - 1], CONTINUES)
           if is_continuation(rules.get(lang), texts[i]) else None)
    spans = _quote_spans(texts, doc_ids)
    for start, end in spans:
        lang = lang_of(start)
        joint = " ".join(t.strip() for t in texts[start:end + 1])
        label, fired = labeler.label_one(joint, lang)
        if label in _STANCES and fired:
            _fill(range(start, end + 1), label, f"{lang}_{QUOTE}", labels, evidence)
        elif start > 0 and doc_ids[start - 1] == doc_ids[start] \
                and labels[start - 1] in _STANCES and is_continuation(rules.get(lang), joint):
            _fill(range(start, end + 1), labels[start - 1], f"{lang}_{CONTINUES}", labels,
                  evidence)
    documents = document_spans(doc_ids)
    for span in documents:
        lang = lang_of(span.start)
        resolve_speakers(rules.get(lang), lang, texts, span, labels, evidence)
    for start, end in spans:  # a quote's speaker, found in its last part, speaks for all
        told = [k for k in range(start, end + 1) if evidence[k].endswith(SPEAKER)]
        if told:
            _fill(range(start, end + 1), labels[told[0]], evidence[told[0]], labels, evidence)
    _carry(texts, doc_ids, labels, evidence, lang_of,
           lambda i, lang: _tagged(speech_side(rules.get(lang), texts[i - 1], labels[i - 1],
                                               texts[i])))
    _quotations(rules, texts, doc_ids, labels, evidence, lang_of, stances)
    for span in documents:
        lang = lang_of(span.start)
        found = rules.get(lang)
        if found is not None and found.question is not None and found.addressed is not None:
            interview_answers(found.question, found.addressed, texts, span, labels, evidence,
                              f"{lang}_{INTERVIEW}", _own_cue)
    _pronoun_voices(labeler, texts, doc_ids, labels, evidence, lang_of)


def _own_cue(evidence: str) -> bool:
    """Did a labeling function of the sentence give ``evidence`` (not a context rule)?"""
    return bool(evidence) and evidence.split(";")[0].partition("_")[2] not in _CONTEXT_TAGS


def _mark_furniture(rules: dict[str, ContextRules | None], texts: Sequence[str],
                    evidence: list[str], lang_of: Callable[[int], str]) -> None:
    """Give a furniture line on which nothing fired the evidence ``<lang>_furniture``: it
    stays neutral, and no context rule reads it as going on with a side."""
    for i, text in enumerate(texts):
        if evidence[i]:
            continue
        lang = lang_of(i)
        found = rules.get(lang)
        if found is not None and found.furniture is not None \
                and found.furniture.search(normalise(text)) is not None:
            evidence[i] = f"{lang}_{FURNITURE}"


def _pronoun_voices(labeler: ContextLabeler, texts: Sequence[str], doc_ids: Sequence[str],
                    labels: list[str], evidence: list[str],
                    lang_of: Callable[[int], str]) -> None:
    """Left to right, a denial right after an accusation whose speaker is a pronoun
    (``pronoun_voice``) and whose charge only a voice outranks (``voice_over_charge``) becomes
    an accusation; its evidence keeps the functions that fired, after the rule's name. The
    pattern is read first: the functions are run again only for the few sentences it finds."""
    for i in range(1, len(texts)):
        if labels[i] != "denial" or labels[i - 1] != "accusation" \
                or doc_ids[i] != doc_ids[i - 1] or not evidence[i]:
            continue
        lang = lang_of(i)
        rules = labeler.context_rules.get(lang)
        if rules is None or rules.pronoun_voice is None \
                or rules.pronoun_voice.search(normalise(texts[i])) is None:
            continue
        if voice_over_charge(labeler.fired(texts[i], lang)):
            labels[i] = "accusation"
            evidence[i] = f"{lang}_{PRONOUN};{evidence[i]}"


def _quotations(rules: dict[str, ContextRules | None], texts: Sequence[str],
                doc_ids: Sequence[str], labels: list[str], evidence: list[str],
                lang_of: Callable[[int], str], stances: Counter[str]) -> None:
    """The last rules, for what is still without a side: a quotation about them, then a
    quoted side in a document that reports a conflict."""
    for i, text in enumerate(texts):
        if evidence[i]:
            continue
        lang = lang_of(i)
        if quote_about_them(rules.get(lang), text):
            labels[i], evidence[i] = "accusation", f"{lang}_{ABOUT_THEM}"
            continue
        if stances[doc_ids[i]] < _CONFLICT_MIN:
            continue
        before = labels[i - 1] if i > 0 and doc_ids[i - 1] == doc_ids[i] else None
        side = quoted_side(rules.get(lang), text, before)
        if side is not None:
            labels[i], evidence[i] = side, f"{lang}_{QUOTED}"


def _tagged(side: str | None) -> tuple[str, str] | None:
    """A side found for reported speech, with the context rule that found it."""
    return None if side is None else (side, SPEECH)


def _carry(texts: Sequence[str], doc_ids: Sequence[str], labels: list[str], evidence: list[str],
           lang_of: Callable[[int], str],
           side_of: Callable[[int, str], tuple[str, str] | None]) -> None:
    """Left to right, a sentence without a cue right after a stance sentence of its document
    takes the side ``side_of`` gives it, with the rule that gave it (None: it stays); the
    next sentence sees that side, so chains resolve in one pass."""
    for i in range(1, len(texts)):
        if evidence[i] or doc_ids[i] != doc_ids[i - 1] or labels[i - 1] not in _STANCES:
            continue
        lang = lang_of(i)
        found = side_of(i, lang)
        if found is not None:
            labels[i], why = found
            evidence[i] = f"{lang}_{why}"


def _fill(span: range, label: str, why: str, labels: list[str], evidence: list[str]) -> None:
    """Give the sentences of ``span`` on which nothing fired ``label``, with ``why``."""
    for k in span:
        if not evidence[k]:
            labels[k] = label
            evidence[k] = why


# ---------------------------------------------------------------------- quotes


def _marks(text: str) -> list[re.Match[str]]:
    return list(_MARK.finditer(normalise(text)))


def _opens_quote(text: str) -> bool:
    """Starts with a quotation mark that the sentence does not close."""
    if text.lstrip()[:1] not in _OPENERS:  # most sentences: no normalising needed
        return False
    marks = _marks(text)
    return len(marks) == 1 and marks[0].start() == 0


def _quote_spans(texts: Sequence[str], doc_ids: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) sentence of each quote that runs over several sentences.

    The first sentence opens a quotation mark it does not close, the middle ones hold no
    mark, the last one closes it (one mark, not at its start).
    """
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(texts):
        if not _opens_quote(texts[i]):
            i += 1
            continue
        end = None
        for j in range(i + 1, min(len(texts), i + _MAX_QUOTE_PARTS)):
            if doc_ids[j] != doc_ids[i]:
                break
            marks = _marks(texts[j])
            if not marks:
                continue
            if len(marks) == 1 and marks[0].start() > 0:
                end = j
            break
        if end is None:
            i += 1
            continue
        spans.append((i, end))
        i = end + 1
    return spans


# ---------------------------------------------------------------------- speakers


def document_spans(doc_ids: Sequence[str]) -> list[range]:
    """The rows of each run of one doc_id, in order."""
    spans: list[range] = []
    start = 0
    for i in range(1, len(doc_ids) + 1):
        if i == len(doc_ids) or doc_ids[i] != doc_ids[start]:
            spans.append(range(start, i))
            start = i
    return spans


def speaker_names(rules: ContextRules, text: str) -> frozenset[str]:
    """The capitalised words that name the sentence's speaker (empty: none found).

    The first pattern (in file order) that finds a name decides.
    """
    for pattern in rules.speaker:
        m = pattern.search(text)
        if m is None:
            continue
        parts = [g for k, g in m.groupdict().items() if k.startswith("who") and g]
        names = frozenset(w.removesuffix("'s").removesuffix("\u2019s")
                          for p in parts for w in _WORD.findall(p) if w[0].isupper())
        names -= rules.not_names
        if names:
            return names
    return frozenset()


def resolve_speakers(rules: ContextRules | None, lang: str, texts: Sequence[str],
                      span: range, labels: list[str], evidence: list[str]) -> None:
    """Sentences without a cue whose speaker spoke for one side earlier take that side.

    A speaker named by a pronoun is left alone: on the dev documents "she said ..." after a
    stance was as often a plain fact as a further claim.

    Reading a speaker costs a few regex searches, so it is done only when it can matter: the
    speakers of the stance sentences are read when a later sentence without a cue names a
    speaker, and a sentence without a cue is read only when a stance sentence came before it
    (a side's name is a substring of the text that names it, so once every earlier speaker is
    known, a sentence that contains none of their names can take no side).
    """
    if rules is None or not rules.speaker:
        return
    sides: dict[str, set[str]] = {"accusation": set(), "denial": set()}
    known: set[str] = set()  # the names in sides
    pending: list[int] = []  # stance sentences whose speaker is not read yet
    for i in span:
        if evidence[i]:
            if labels[i] in sides:  # a neutral cue neither names a side nor takes one
                pending.append(i)
            continue
        if not pending and not any(name in texts[i] for name in known):
            continue
        names = speaker_names(rules, texts[i])
        if not names:
            continue
        for k in pending:
            found = speaker_names(rules, texts[k])
            sides[labels[k]] |= found
            known |= found
        pending.clear()
        side = _side_of(names, sides)
        if side is not None:
            labels[i] = side
            evidence[i] = f"{lang}_{SPEAKER}"


def _side_of(names: frozenset[str], sides: dict[str, set[str]]) -> str | None:
    acc, den = bool(names & sides["accusation"]), bool(names & sides["denial"])
    if acc == den:
        return None
    return "accusation" if acc else "denial"

