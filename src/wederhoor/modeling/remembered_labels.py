"""The rule labeler for model features, remembering each sentence's label within one process.

The hybrid labels every sentence alone in each language (``RuleEvidence``) and then again, in
its own language, inside its document (``DocumentContext``): a third of its rule work is a
sentence it has labelled before. A sentence's label alone depends only on the compiled lexicon,
``max_chars`` and the text, and every labeler built from the same lexicon bytes shares one
compiled lexicon (``labelers/lexicon_loader.py``), so the label is kept per (lexicon,
``max_chars``) and the second labeler looks it up: the features are exactly the same (a test
compares them with a labeler that remembers nothing). Only the model features use this; the
split/label engine and the benchmark label every sentence afresh. Nothing here is ever
saved: model files keep only the options (``labeler_owner``).
"""

from __future__ import annotations

from typing import Any

from wederhoor.labelers.rules import RuleLabeler

#: Sentences kept per (lexicon, max_chars); the store is emptied when full. A transform labels
#: at most 20,000 rows in this process (``pipeline/workers.PARALLEL_MIN_SENTENCES``; more go to
#: worker processes), so a sentence comes back to the next transformer before that.
REMEMBERED_MAX = 1 << 15
#: (lexicon, max_chars) pairs kept: a sweep over custom lexicons cannot grow them without bound.
STORES_MAX = 8

Known = tuple[str, tuple[str, ...]]
# (id of the lexicon, max_chars) -> (the lexicon, kept alive so its id is not reused; text ->
# label and fired functions)
_STORES: dict[tuple[int, int], tuple[Any, dict[str, Known]]] = {}


def store_for(lexicon: Any, max_chars: int) -> dict[str, Known]:
    """The labels remembered for ``lexicon`` read with ``max_chars`` (a new store at first)."""
    key = (id(lexicon), max_chars)
    entry = _STORES.get(key)
    if entry is None:
        if len(_STORES) >= STORES_MAX:
            _STORES.clear()
        entry = _STORES[key] = (lexicon, {})
    return entry[1]


def forget_labels() -> None:
    """Drop every remembered label of this process."""
    _STORES.clear()


class RememberingLabeler(RuleLabeler):
    """A ``RuleLabeler`` whose ``label_one`` (also inside ``label``) looks a sentence up first."""

    def label_one(self, text: str, lang: str | None = None) -> tuple[str, list[str]]:
        store = store_for(self.lexicon(lang or self.default_lang), self.max_chars)
        known = store.get(text)
        if known is None:
            label, fired = super().label_one(text, lang)
            if len(store) >= REMEMBERED_MAX:
                store.clear()
            known = store[text] = (label, tuple(fired))
        return known[0], list(known[1])
