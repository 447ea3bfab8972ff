"""Label the sentences of a batch of documents (the label half of the engine).

Contract with labelers: every call to ``labeler.label`` receives whole documents, each
document's sentences together and in sentence order, because labelers may use a sentence's
neighbours (document context). The engine keeps it:

- a batch of documents is split and its sentences labelled in the same call
  (``SplitLabelBatch``), so a document is never cut;
- a sentence table reaches the engine in batches of whole documents, each in sent_id order
  (``io/sentence_rows.py``);
- should a batch still hold a document's rows apart, they are brought together before the
  labeler sees them (``label_batch``), and the labels go back to the rows' own positions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from wederhoor.errors import UserError
from wederhoor.pipeline.sentences import Segmenter, SplitBatch

LABEL_COLUMNS = ("label", "evidence")


class Labeler(Protocol):
    def label(
        self, texts: Sequence[str], langs: Sequence[str] | None = None
    ) -> tuple[list[str], list[str]]: ...


def document_runs(doc_ids: Sequence[str]) -> list[int] | None:
    """A stable order that puts each document's rows together, or None when they already are.

    Documents keep the order of their first row and rows keep their order within a document.
    """
    seen: set[str] = set()
    last: str | None = None
    for doc in doc_ids:
        if doc != last:
            if doc in seen:
                break  # a document comes back after another one: regroup
            seen.add(doc)
            last = doc
    else:
        return None
    first: dict[str, int] = {}
    for doc in doc_ids:
        first.setdefault(doc, len(first))
    return sorted(range(len(doc_ids)), key=lambda i: first[doc_ids[i]])


def label_batch(labeler: Any, texts: Sequence[str], langs: Sequence[str],
                doc_ids: Sequence[str]) -> tuple[list[str], list[str]]:
    """One labeler call on one batch of whole documents; labels in the rows' own order."""
    if not getattr(labeler, "keyed_by_document", False):
        return labeler.label(texts, langs)
    order = document_runs(doc_ids)
    if order is None:
        return labeler.label(texts, langs, doc_ids=doc_ids)
    labels, evidence = labeler.label([texts[i] for i in order], [langs[i] for i in order],
                                     doc_ids=[doc_ids[i] for i in order])
    out_labels: list[str] = [""] * len(order)
    out_evidence: list[str] = [""] * len(order)
    for pos, i in enumerate(order):
        out_labels[i] = labels[pos]
        out_evidence[i] = evidence[pos]
    return out_labels, out_evidence


class SplitLabelBatch:
    """Split a batch of documents and label its sentences; picklable for worker processes."""

    def __init__(self, segmenter: Segmenter, extra: list[str], labeler: Labeler) -> None:
        self.split = SplitBatch(segmenter, extra)
        self.labeler = labeler

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        sents = self.split(batch)
        if sents["text"]:
            labels, evidence = label_batch(self.labeler, sents["text"], sents["lang"],
                                           sents["doc_id"])
        else:
            labels, evidence = [], []
        sents["label"] = labels
        sents["evidence"] = evidence
        return sents


def check_languages(labeler: Any, langs: Any, input: str, meta: str | None = None) -> None:
    """One clear line when the input has a language the labeler has no rules for.

    ``lang=`` is checked on its own and detection gives only known languages, so such a
    value comes from a lang column; ``lang=`` cannot override it (it fills in documents
    without a language), so the line says which file to correct.
    """
    from wederhoor.io.documents import lang_column_source

    known = getattr(labeler, "languages", None)
    if known is None:
        return
    unknown = sorted(set(langs) - set(known))
    if unknown:
        values = ", ".join(repr(v) for v in unknown)
        raise UserError(f"the labeler has no rules for language(s) {values} in the lang "
                        f"column of {lang_column_source(input, meta, unknown)} (available: "
                        f"{', '.join(known)}); correct those values there (lang= only fills "
                        "in documents that have no language)")
