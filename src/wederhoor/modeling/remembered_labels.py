"""The rule labeler for model features, remembering labels within one process.

The hybrid labels every sentence alone in each language (``RuleEvidence``) and then again, in
its own language, inside its document (``DocumentContext``): a third of its rule work is a
sentence it has labelled before. Stacking fits its rule base on inner folds and again on all
rows (``modeling/stacking.py``), so every training sentence and document comes back four or
five times. A sentence's label alone depends only on the compiled lexicon, ``max_chars`` and
the text, and a document's labels only on those, the context rules and its sentences and
their languages. Every labeler built from the same files shares one compiled lexicon and one
set of context rules (``labelers/lexicon_loader.py``, ``labelers/byte_keyed.py``), so labels
are kept per (lexicon, ``max_chars``) and documents per (lexicons, context rules,
``max_chars``), and a later transformer looks them up: the features are exactly the same
(tests compare them with a labeler that remembers nothing). Labels computed in worker
processes are remembered by the parent (``labeler_owner``). Only the model features use this;
the split/label engine and the benchmark label every sentence afresh. Nothing here is ever
saved: model files keep only the options (``labeler_owner``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wederhoor.labelers.rules import RuleLabeler

#: Sentences kept per (lexicon, max_chars); the store is emptied when full. It holds a
#: training set of the seed corpus's size (about 45,000 sentences), so stacking's inner folds
#: find every sentence again; a million-sentence input cycles through it (at most a few tens
#: of MB), labelled as if nothing were kept.
REMEMBERED_MAX = 1 << 17
#: Documents kept per (lexicons, context rules, max_chars); emptied when full, like the above.
DOCUMENTS_MAX = 1 << 14
#: (lexicon, max_chars) pairs kept: a sweep over custom lexicons cannot grow them without bound.
STORES_MAX = 8

Known = tuple[str, tuple[str, ...]]
#: one sentence alone, once per language asked for: (label, fired functions) each
Each = list[tuple[str, list[str]]]
#: a document's sentences and their languages -> its labels and evidence with document context
DocumentKey = tuple[tuple[str, ...], tuple[str, ...]]
Labelled = tuple[tuple[str, ...], tuple[str, ...]]
# (id of the lexicon, max_chars) -> (the lexicon, kept alive so its id is not reused; text ->
# label and fired functions)
_STORES: dict[tuple[int, int], tuple[Any, dict[str, Known]]] = {}


def _store(stores: dict[Any, tuple[Any, dict[Any, Any]]], key: Any,
           alive: Any) -> dict[Any, Any]:
    """The store under ``key`` in ``stores`` (a new one at first), kept with ``alive``, the
    objects whose ids the key holds, so that those ids are not reused; at most ``STORES_MAX``
    stores (a sweep over custom lexicons cannot grow them without bound)."""
    entry = stores.get(key)
    if entry is None:
        if len(stores) >= STORES_MAX:
            stores.clear()
        entry = stores[key] = (alive, {})
    return entry[1]


def _keep(store: dict[Any, Any], key: Any, value: Any, most: int) -> None:
    """``store[key] = value``, the store emptied first when it holds ``most``."""
    if len(store) >= most:
        store.clear()
    store[key] = value


def store_for(lexicon: Any, max_chars: int) -> dict[str, Known]:
    """The labels remembered for ``lexicon`` read with ``max_chars`` (a new store at first)."""
    return _store(_STORES, (id(lexicon), max_chars), lexicon)


def forget_labels() -> None:
    """Drop every remembered label and document of this process."""
    _STORES.clear()
    _DOCUMENT_STORES.clear()


def remembered_each(labeler: RuleLabeler, texts: Sequence[str],
                    languages: Sequence[str]) -> list[Each | None]:
    """Each text alone in every language, as ``label_each`` gives it, where this process
    knows it in all of them; None where it does not."""
    stores = [store_for(labeler.lexicon(lang), labeler.max_chars) for lang in languages]
    out: list[Each | None] = []
    for text in texts:
        known = [store.get(text) for store in stores]
        out.append(None if any(k is None for k in known)
                   else [(k[0], list(k[1])) for k in known if k is not None])
    return out


def remember_each(labeler: RuleLabeler, texts: Sequence[str], languages: Sequence[str],
                  rows: Sequence[Each]) -> None:
    """Keep what ``label_each`` gave for ``texts`` (labelled elsewhere, in a worker)."""
    for k, lang in enumerate(languages):
        store = store_for(labeler.lexicon(lang), labeler.max_chars)
        for text, row in zip(texts, rows, strict=True):
            _keep(store, text, (row[k][0], tuple(row[k][1])), REMEMBERED_MAX)


# (ids of the lexicons and context rules, max_chars) -> (those objects, kept alive so that their
# ids are not reused; document -> its labels and evidence)
_DOCUMENT_STORES: dict[tuple[Any, ...], tuple[Any, dict[DocumentKey, Labelled]]] = {}


def documents_for(labeler: RuleLabeler) -> dict[DocumentKey, Labelled]:
    """The documents remembered for the lexicons, context rules and ``max_chars`` of
    ``labeler`` (a new store at first)."""
    parts = tuple((lang, labeler.lexicon(lang), labeler.context_rules.get(lang))
                  for lang in labeler.languages)
    key = (tuple((lang, id(lex), id(rules)) for lang, lex, rules in parts), labeler.max_chars)
    return _store(_DOCUMENT_STORES, key, parts)


def remember_document(store: dict[DocumentKey, Labelled], key: DocumentKey,
                      labelled: Labelled) -> None:
    """Keep one document's labels and evidence in ``store`` (emptied when full)."""
    _keep(store, key, labelled, DOCUMENTS_MAX)


class RememberingLabeler(RuleLabeler):
    """A ``RuleLabeler`` whose ``label_one`` (also inside ``label``) looks a sentence up first."""

    def label_one(self, text: str, lang: str | None = None) -> tuple[str, list[str]]:
        store = store_for(self.lexicon(lang or self.default_lang), self.max_chars)
        known = store.get(text)
        if known is None:
            label, fired = super().label_one(text, lang)
            known = (label, tuple(fired))
            _keep(store, text, known, REMEMBERED_MAX)
        return known[0], list(known[1])
