"""Document context for the rule labeler: a sentence that only continues the one before it.

Rules read one sentence at a time, but news writes some stance across two: a claim, then
"Dat blijkt uit een intern rapport." (the evidence for it), or a quote of the accused, then a
second quote of the same person ("'...', zegt hij."). Such a continuation has no cue of its
own; it takes the stance of the sentence before it. The patterns that recognise one live in
``lexicons/context/<lang>.yaml`` and match the text as the labeling functions see it
(lowercased, quotes unified); a language without that file gets no context rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from wederhoor.labelers.rules import _normalise  # the text the labeling functions read

CONTINUES = "continues_previous"
_STANCES = ("accusation", "denial")


def load_continuations(folder: Path, lang: str) -> re.Pattern[str] | None:
    """The continuation patterns of ``lang`` as one regex, or None without a context file."""
    path = folder / "context" / f"{lang}.yaml"
    if not path.is_file():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        patterns = data.get("continuation") or []
        if not isinstance(patterns, list):
            raise ValueError("'continuation' must be a list of patterns")
        return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
    except (OSError, yaml.YAMLError, ValueError, re.error) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ValueError(f"malformed context file {path}: {first}") from None


def is_continuation(pattern: re.Pattern[str] | None, text: str) -> bool:
    """Does ``text`` only continue the sentence before it?"""
    if pattern is None:
        return False
    return pattern.search(_normalise(text)) is not None


def resolve_context(labeler: Any, texts: Sequence[str], langs: Sequence[str] | None,
                    doc_ids: Sequence[str], labels: list[str], evidence: list[str]) -> None:
    """Give continuations the stance of the previous sentence, in place.

    Sentences come in document order; only a sentence on which no function fired is changed,
    so every cue outranks context. Chains resolve left to right ("A. Dat zegt X. 'B', zegt
    hij." all take A's stance).
    """
    patterns: dict[str, re.Pattern[str] | None] = labeler._continuations
    for i in range(1, len(texts)):
        if evidence[i] or doc_ids[i] != doc_ids[i - 1] or labels[i - 1] not in _STANCES:
            continue
        lang = langs[i] if langs is not None else labeler.default_lang
        if is_continuation(patterns.get(lang), texts[i]):
            labels[i] = labels[i - 1]
            evidence[i] = f"{lang}_{CONTINUES}"
