"""The rule labeler's fast paths give the answers of the plain computations they replace.

Each fast path (the Aho-Corasick head index, guards tried only where they can start, the
document-context pass that reads a speaker only when it can matter) is checked against a
plain reference on tricky inputs and on real sentences, so a wrong optimisation fails here.
"""

from __future__ import annotations

import csv
import pickle
import random
import re
from collections.abc import Sequence

import pytest

from wederhoor.labelers import context
from wederhoor.labelers.gate import Gate
from wederhoor.labelers.head_index import HeadIndex
from wederhoor.labelers.matcher import fire
from wederhoor.labelers.regex_parse import pattern_heads, split_alternatives, starts_at_beginning
from wederhoor.labelers.rules import RuleLabeler
from wederhoor.labelers.text import normalise

from .conftest import SEEDS


@pytest.fixture(scope="module")
def rl() -> RuleLabeler:
    return RuleLabeler()


def gold_sentences(every: int = 1) -> list[tuple[str, str, str]]:
    """(doc_id, text, lang) of the seed gold sentences, every ``every``-th one."""
    with (SEEDS / "corpus.csv").open(encoding="utf-8") as f:
        lang_of = {r["doc_id"]: r["lang"] for r in csv.DictReader(f)}
    with (SEEDS / "gold.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [(r["doc_id"], r["text"], lang_of.get(r["doc_id"], "nl")) for r in rows[::every]]


# ---------------------------------------------------------------------- normalising


def test_split_whitespace_is_regex_whitespace() -> None:
    """``normalise`` collapses whitespace with str.split: the same set as the regex ``\\s``."""
    space = re.compile(r"\s")
    odd = [chr(c) for c in range(0x110000)
           if chr(c).isspace() != (space.match(chr(c)) is not None)]
    assert odd == []
    spaces = [chr(c) for c in range(0x3100) if chr(c).isspace()]
    text = "a" + "".join(spaces) + "b " + spaces[-1] + "c\u00a0\n"
    assert normalise(text) == "a b c"


# ---------------------------------------------------------------------- head index


def plain_index(owners: dict[str, Sequence[int]], text: str) -> dict[int, list[int]]:
    """Reference: try every head at every offset."""
    found: dict[int, set[int]] = {}
    for head, ids in owners.items():
        for pos in range(len(text)):
            if text.startswith(head, pos):
                for i in ids:
                    found.setdefault(i, set()).add(pos)
    return {i: sorted(at) for i, at in found.items()}


def test_head_index_finds_every_offset_once_in_order() -> None:
    # prefixes of each other, overlaps, and a long head that starts before a short one
    # ends ("abcdef" at 0 is reported after "cd" at 2): offsets must still come sorted
    owners = {"ab": [1], "abc": [1, 2], "abcdef": [3], "cd": [3], "bc": [4], "c": [5],
              "ef": [1]}
    index = HeadIndex(owners)
    for text in ["abcdef", "xxabcdefabc", "cdabcdef", "", "zzz", "abcabcab", "ccc"]:
        assert index.index(text) == plain_index(owners, text), text
    assert index.index("abcdef")[3] == [0, 2]


def test_head_index_matches_the_plain_scan_on_random_text() -> None:
    rng = random.Random(7)
    letters = "abc "
    for _ in range(200):
        heads = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 4)))
                 for _ in range(rng.randint(1, 8))}
        owners = {h: sorted(rng.sample(range(6), rng.randint(1, 3))) for h in heads}
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 30)))
        index = HeadIndex(owners)
        assert index.index(text) == plain_index(owners, text), (owners, text)
        pairs = sorted((i, p) for p, ids in index.hits(text) for i in ids)
        assert pairs == sorted((i, p) for i, at in plain_index(owners, text).items()
                               for p in at), (owners, text)


def test_head_index_empty_and_pickled() -> None:
    assert HeadIndex({}).index("anything") == {}
    assert list(HeadIndex({}).hits("anything")) == []
    index = pickle.loads(pickle.dumps(HeadIndex({"dat": [0], "de ": [1, 2]})))
    assert index.index("dat de man") == {0: [0], 1: [4], 2: [4]}
    with pytest.raises(ValueError):
        HeadIndex({"": [0]})


# ---------------------------------------------------------------------- guards


def test_split_alternatives_and_anchors() -> None:
    assert split_alternatives(r"(?:a|b)|(?:c(?:d|e))|(?:x)+|[)|]y") == \
        ["a", "b", "c(?:d|e)", "(?:x)+", "[)|]y"]
    assert split_alternatives(r"(?:\(a|b\))") == [r"\(a", r"b\)"]
    # numbered groups and conditionals would change meaning apart: kept whole
    assert split_alternatives(r"(a)\1|b") == [r"(a)\1|b"]
    assert split_alternatives(r"(?P<x>a)(?P=x)|b") == [r"(?P<x>a)(?P=x)|b"]
    assert split_alternatives(r"(a)?(?(1)b|c)|d") == [r"(a)?(?(1)b|c)|d"]
    assert starts_at_beginning(r"^ab") and starts_at_beginning(r"(?:^a|^b)c")
    assert starts_at_beginning(r"\Aab")
    assert not starts_at_beginning(r"(?:^a)|b")
    assert not starts_at_beginning(r"(?:^a)?b")
    assert not starts_at_beginning(r"^?a")
    assert not starts_at_beginning(r"(?m)^a")


def gate_of(pattern: str) -> Gate:
    """A gate built the way the lexicon compiler builds one."""
    parts = []
    for alt in split_alternatives(pattern):
        heads = pattern_heads(alt)
        parts.append((re.compile(alt), None if heads is None else sorted(heads),
                      starts_at_beginning(alt)))
    return Gate(parts)


TRICKY_GUARDS = [
    # a lookahead over the clause before the literal start (the costly kind)
    r"(?:(?![^.;:]*\bfraud\b)\brumou?rs? of (?:a |an )?\w+)|(?:\bconfirm (?:or|nor) deny\b)",
    # anchored alternatives beside headed and head-less ones
    r"(?:^(?:[\w'-]+ ){0,2}(?:former|ex) \w+)|(?:\b\d+ (?:people|drivers)\b)|(?:%)",
    r"(?:^[^:]{2,40}: )|(?:\bvolgens (?:de |het )?\w+)",
    # a lookbehind that looks before the offset tried
    r"(?<!het )\bverwijt(?:en)?\b|(?<=, )\bmaar\b",
    # back-references: kept whole, searched
    r"(\b\w+\b) \1|\bagain\b",
    r"\bnot\b|n't\b",
]
TRICKY_TEXTS = [
    "", "rumours of a takeover", "rumours of fraud and a takeover", "He said: rumours of a "
    "split; fraud later.", "Former staff say so", "the former head said", "12 drivers and 3 "
    "people", "up 5% this year", "De advocaat: geen fraude", "a: b", "volgens het rapport",
    "het verwijt bleef", "hun verwijten, maar goed", "very very good", "he didn't", "not now",
    "confirm nor deny", "cannot confirm or deny", "x" * 50 + " rumor of an exit",
]


@pytest.mark.parametrize("pattern", TRICKY_GUARDS)
def test_gate_answers_as_a_search_on_tricky_text(pattern: str) -> None:
    regex, gate = re.compile(pattern), gate_of(pattern)
    for text in TRICKY_TEXTS:
        s = normalise(text)
        assert gate.found_in(s) == (regex.search(s) is not None), (pattern, s)


@pytest.mark.slow  # every seed sentence, 3-4 s: make test-slow and CI run it
def test_shipped_guards_answer_as_a_search(rl: RuleLabeler) -> None:
    """Every requires / unless of the shipped lexicons, on a sample of the seed sentences."""
    sample = gold_sentences(every=100)
    for lang in rl.languages:
        lex = rl.lexicon(lang)
        texts = [normalise(t) for _, t, text_lang in sample if text_lang == lang]
        assert texts
        for fn in lex.functions:
            for pattern, gate in ((fn.requires, fn.requires_gate), (fn.unless, fn.unless_gate)):
                if pattern is None:
                    continue
                assert gate is not None, fn.name
                for s in texts:
                    assert gate.found_in(s) == (pattern.search(s) is not None), (fn.name, s)


@pytest.mark.slow  # every seed sentence, 3-4 s: make test-slow and CI run it
def test_gated_labels_equal_plain_labels_on_seed_sentences(rl: RuleLabeler) -> None:
    """Pre-check, head index and gates together never change what fires (a sample)."""
    for _, text, lang in gold_sentences(every=60):
        lex = rl.lexicon(lang)
        assert fire(lex, text) == fire(lex, text, gated=False), text


@pytest.mark.slow
def test_gated_labels_equal_plain_labels_on_all_seed_sentences(rl: RuleLabeler) -> None:
    for _, text, lang in gold_sentences():
        lex = rl.lexicon(lang)
        assert fire(lex, text) == fire(lex, text, gated=False), text


# ---------------------------------------------------------------------- document context


def plain_speakers(rules: context.ContextRules | None, lang: str, texts: Sequence[str],
                   span: range, labels: list[str], evidence: list[str]) -> None:
    """Reference: the same-speaker rule reading every sentence's speaker in turn."""
    if rules is None or not rules.speaker:
        return
    sides: dict[str, set[str]] = {"accusation": set(), "denial": set()}
    for i in span:
        if evidence[i] and labels[i] not in sides:
            continue
        names = context.speaker_names(rules, texts[i])
        if not names:
            continue
        if evidence[i]:
            sides[labels[i]] |= names
            continue
        acc, den = bool(names & sides["accusation"]), bool(names & sides["denial"])
        if acc != den:
            labels[i] = "accusation" if acc else "denial"
            evidence[i] = f"{lang}_{context.SPEAKER}"


def test_lazy_speakers_equal_the_plain_rule(rl: RuleLabeler) -> None:
    """Shuffled documents of seed sentences and invented ones that name the same people."""
    rng = random.Random(3)
    own = {
        "en": ["Tarrow denied any wrongdoing.", "Tarrow said the site was a depot.",
               "Critics accused Tarrow of lying.", "Kemp said the figures were wrong.",
               "Kemp told reporters the plant was safe.", "Tarrowby said nothing.",
               "The council met on Monday.", '"We did nothing wrong," Kemp said.'],
        "nl": ["Hendrikx ontkent elke fout.", "Hendrikx zegt dat de vergunning klopte.",
               "De vakbond beschuldigt Hendrikx van fraude.", "Peeters zegt dat het klopt.",
               "Volgens Peeters was alles in orde.", "De raad vergaderde maandag."],
    }
    sentences = gold_sentences(every=7)
    assigned = 0
    for lang in rl.languages:
        rules = rl.context_rules[lang]
        seeds = [t for _, t, text_lang in sentences if text_lang == lang]
        for k in range(120):
            pool = own.get(lang, []) + (seeds if k % 2 else [])
            texts = [rng.choice(pool) for _ in range(rng.randint(1, 12))]
            labels, evidence = [], []
            for t in texts:
                label, fired = rl.label_one(t, lang)
                labels.append(label)
                evidence.append(";".join(fired))
            want_labels, want_evidence = list(labels), list(evidence)
            plain_speakers(rules, lang, texts, range(len(texts)), want_labels, want_evidence)
            context.resolve_speakers(rules, lang, texts, range(len(texts)), labels, evidence)
            assert (labels, evidence) == (want_labels, want_evidence), texts
            assigned += sum(e.endswith(context.SPEAKER) for e in want_evidence)
    assert assigned >= 20  # the rule did take sides in these documents
