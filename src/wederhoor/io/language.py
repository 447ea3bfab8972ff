"""Tell Dutch from English per document, for inputs that do not say (``lang=auto``).

A mixed folder must get the right lexicon per document; a full language identifier would be
a new dependency and a model download, while counting frequent function words of the two
languages the project labels is exact enough for news text and costs microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import yaml

AUTO = "auto"
_WORD = re.compile(r"[a-zà-ÿ]+")
_READ_CHARS = 3000  # the opening of a document decides; enough words, bounded cost


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    raw = resources.files("wederhoor").joinpath("resources/language_words.yaml").read_text(
        "utf-8")
    data = yaml.safe_load(raw)
    return {str(lang): frozenset(str(w) for w in words) for lang, words in data.items()}


def guess_language(text: str, default: str = "nl") -> str:
    """The language whose function words occur most in the text; ``default`` on a tie."""
    counts = dict.fromkeys(_word_lists(), 0)
    for word in _WORD.findall(text[:_READ_CHARS].lower()):
        for lang, words in _word_lists().items():
            if word in words:
                counts[lang] += 1
    best = max(counts.values(), default=0)
    winners = [lang for lang, n in counts.items() if n == best]
    return winners[0] if best and len(winners) == 1 else default


def fill_languages(given: Sequence[str | None] | None, texts: Sequence[str], lang: str,
                   default: str = "nl") -> list[str]:
    """Each document's language: its own when given, else ``lang``, detected when ``auto``."""
    own = list(given) if given is not None else [None] * len(texts)
    if lang != AUTO:
        return [v or lang for v in own]
    return [v or guess_language(str(t or ""), default) for v, t in zip(own, texts, strict=True)]
