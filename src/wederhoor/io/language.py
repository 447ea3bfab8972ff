"""Tell Dutch from English per document, for inputs that do not say (``lang=auto``).

A mixed folder must get the right lexicon per document; a full language identifier would be
a new dependency and a model download, while counting frequent function words of the two
languages the project labels is exact enough for news text and costs microseconds. A
headline often has no function word at all, so a tie in words is broken by letter sequences
one language writes and the other hardly does (Dutch ``ij``, English ``th``); only when those
tie too does the document get the fallback language. All lists live in
``resources/language_words.yaml`` (packaged data, so the stage cache's code digest covers it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from wederhoor.errors import UserError

AUTO = "auto"
_WORD = re.compile(r"[a-zà-ÿ]+")
_READ_CHARS = 3000  # the opening of a document decides; enough words, bounded cost


@dataclass(frozen=True)
class Profiles:
    """What the detector counts per language, and the language of a document without cues."""

    words: dict[str, frozenset[str]]
    letters: dict[str, tuple[str, ...]]
    fallback: str


@lru_cache(maxsize=1)
def profiles() -> Profiles:
    """The packaged word and letter lists, read once per process."""
    raw = resources.files("wederhoor").joinpath("resources/language_words.yaml").read_text(
        "utf-8")
    data = yaml.safe_load(raw)
    return Profiles(
        words={str(k): frozenset(str(w) for w in v) for k, v in data["words"].items()},
        letters={str(k): tuple(str(s) for s in v) for k, v in data["letters"].items()},
        fallback=str(data["fallback"]),
    )


def languages() -> tuple[str, ...]:
    """The languages the detector knows, which are the values ``lang=`` may force."""
    return tuple(profiles().words)


def check_lang_option(lang: str) -> None:
    """One line naming the option when ``lang=`` is neither ``auto`` nor a known language,
    before any document is read (a typo would otherwise reach the output or the labeler)."""
    if lang != AUTO and lang not in languages():
        known = ", ".join(languages())
        raise UserError(f"lang={lang!r} is not a language option; use lang=auto (detect each "
                        f"document's language) or one of {known}")


def _sole_best(counts: dict[str, int]) -> str | None:
    """The language with strictly the most hits, or None on a tie (including no hits)."""
    best = max(counts.values(), default=0)
    winners = [lang for lang, n in counts.items() if n == best]
    return winners[0] if best and len(winners) == 1 else None


def _word_hits(words: list[str], p: Profiles) -> dict[str, int]:
    return {lang: sum(w in known for w in words) for lang, known in p.words.items()}


def _letter_hits(words: list[str], p: Profiles) -> dict[str, int]:
    return {lang: sum(seq in w for w in words for seq in seqs)
            for lang, seqs in p.letters.items()}


def guess_language(text: str, default: str | None = None) -> str:
    """The language whose function words occur most in the text's opening; on a tie, the one
    whose letter sequences do; else ``default`` (the packaged fallback, nl, when None)."""
    p = profiles()
    words = _WORD.findall(text[:_READ_CHARS].lower())
    return (_sole_best(_word_hits(words, p)) or _sole_best(_letter_hits(words, p))
            or default or p.fallback)


def fill_languages(given: Sequence[str | None] | None, texts: Sequence[str], lang: str,
                   default: str | None = None) -> list[str]:
    """Each document's language: its own when given, else ``lang``, detected when ``auto``."""
    own = list(given) if given is not None else [None] * len(texts)
    if lang != AUTO:
        return [v or lang for v in own]
    return [v or guess_language(str(t or ""), default) for v, t in zip(own, texts, strict=True)]


def fill_document_languages(given: Sequence[str | None] | None, texts: Sequence[str],
                            doc_ids: Sequence[str], lang: str,
                            default: str | None = None) -> list[str]:
    """Each row's language when rows are sentences of documents (a sentence table).

    A document is one text, as a ``.txt`` document is: a row without its own language gets
    its document's, which is the first one a row of the document names, else ``lang``, else
    (``auto``) the one detected from all the document's sentences together, in row order.
    Detecting row by row would give a short line ("Business", a timestamp) a language of its
    own. The rows of a document must all be here (the reader hands on whole documents).
    """
    own = list(given) if given is not None else [None] * len(texts)
    if all(own):
        return [str(v) for v in own]
    rows: dict[str, list[int]] = {}
    for i, doc in enumerate(doc_ids):
        rows.setdefault(doc, []).append(i)
    documents = list(rows.values())
    named = [next((own[i] for i in members if own[i]), None) for members in documents]
    # each document is one text to fill_languages, joined only where it is to be detected
    whole = ["\n".join(str(texts[i] or "") for i in members) if name is None else ""
             for members, name in zip(documents, named, strict=True)]
    out = list(own)
    for members, found in zip(documents, fill_languages(named, whole, lang, default),
                              strict=True):
        for i in members:
            out[i] = own[i] or found
    return [str(v) for v in out]
