"""Apply a labeler to sentences in batches, adding ``label`` and ``evidence``.

Contract with labelers: every call to ``labeler.label`` receives whole documents, each
document's sentences together and in sentence order, because labelers may use a sentence's
neighbours (document context). Three paths keep it:

- the fused pass (``split_label_documents``, also what streaming runs per batch) splits a
  batch of documents and labels the sentences of that batch in the same call;
- the label-only pass (``label_sentences``, for an already split table) maps over documents
  regrouped from the sentence table, so a batch ends on a document boundary;
- inside one batch, rows of a document that lie apart (a sentence table whose rows are
  interleaved) are brought together before the labeler sees them (``label_batch``), and the
  labels go back to the rows' own positions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from wederhoor.errors import UserError
from wederhoor.pipeline.sentences import (
    SENTENCE_COLUMNS,
    Segmenter,
    _SplitBatch,
    map_documents,
    split_documents,
)
from wederhoor.pipeline.workers import die_with_parent

if TYPE_CHECKING:
    import datasets
    import numpy as np

LABEL_COLUMNS = ("label", "evidence")
BATCH_SENTENCES = 5000  # sentences per labeler call in the label-only pass (about 0.4 s)
SPLIT_BATCH_DOCS = 1000  # documents per batch of the fused pass (~15,000 news sentences)


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


class _LabelDocuments:
    """Picklable batch function over documents regrouped from a sentence table.

    Each row is one document with its sentences' texts and languages as lists; the labels
    come back as lists of the same lengths.
    """

    def __init__(self, labeler: Labeler) -> None:
        self.labeler = labeler

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        die_with_parent()
        texts = [t for doc in batch["texts"] for t in doc]
        langs = [lang for doc in batch["langs"] for lang in doc]
        doc_ids = [d for d, doc in zip(batch["doc_id"], batch["texts"], strict=True)
                   for _ in doc]
        labels, evidence = label_batch(self.labeler, texts, langs, doc_ids)
        out_l, out_e, start = [], [], 0
        for doc in batch["texts"]:
            out_l.append(labels[start:start + len(doc)])
            out_e.append(evidence[start:start + len(doc)])
            start += len(doc)
        return {"labels": out_l, "evidences": out_e}


class SplitLabelBatch:
    """Picklable batch function of the fused pass: split a batch of documents, label it.

    The same function serves the in-memory pass (datasets.map) and streaming (one Parquet
    shard per batch), so both give the same sentences and labels.
    """

    def __init__(self, segmenter: Segmenter, extra: list[str], labeler: Labeler) -> None:
        self.split = _SplitBatch(segmenter, extra)
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


def check_languages(labeler: Any, langs: Any) -> None:
    """One clear line when the input has a language the labeler has no rules for."""
    known = getattr(labeler, "languages", None)
    if known is None:
        return
    unknown = sorted(set(langs) - set(known))
    if unknown:
        raise UserError(f"the labeler has no rules for language(s) {', '.join(unknown)} "
                        f"(available: {', '.join(known)}); set lang= or fix the input's "
                        "lang column")


def _sentence_order(sents: datasets.Dataset) -> tuple[np.ndarray, np.ndarray] | None:
    """(order, document codes in that order) putting each document's sentences together in
    sentence order; None when the table already is (the splitter's output always is).

    A document keeps the position of its first row; within a document rows go by ``sent_id``
    when the table has one, else by position.
    """
    import numpy as np
    import pyarrow.compute as pc

    doc = sents.data.column("doc_id")
    codes = pc.index_in(doc, value_set=pc.unique(doc)).to_numpy(zero_copy_only=False)
    step = np.diff(codes)
    grouped = bool((step >= 0).all())
    ordered = True
    sent = None
    if "sent_id" in sents.column_names:
        sent = sents.data.column("sent_id").to_numpy()
        if grouped:
            ordered = bool((np.diff(sent)[step == 0] >= 0).all())
    if grouped and ordered:
        return None
    keys = (np.arange(len(codes)), codes) if sent is None else \
        (np.arange(len(codes)), sent, codes)
    order = np.lexsort(keys)
    return order, codes[order]


def label_sentences(
    sents: datasets.Dataset, labeler: Labeler, workers: int | None = None
) -> datasets.Dataset:
    """Add the labeler's ``label`` and ``evidence`` (which rules fired) to every sentence.

    The labeler sees whole documents (see the module docstring). A table whose documents'
    rows lie apart is labelled as if its rows were grouped by document (in first-appearance
    order, sentences by ``sent_id``); the output keeps the input's row order.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    for col in LABEL_COLUMNS:
        if col in sents.column_names:
            sents = sents.remove_columns(col)
    if not len(sents):
        return sents.add_column("label", []).add_column("evidence", [])
    check_languages(labeler, sents.unique("lang"))
    import datasets

    if sents._indices is not None:  # a selection: work on the rows it shows, in its order
        sents = sents.flatten_indices(keep_in_memory=True)

    regroup = _sentence_order(sents)
    table = sents.data.table.select(["doc_id", "text", "lang"])
    if regroup is not None:
        order, codes = regroup
        table = table.take(pa.array(order))
        starts = np.flatnonzero(np.diff(codes)) + 1
    else:
        doc = table.column("doc_id")
        starts = np.flatnonzero(pc.not_equal(doc.slice(1), doc.slice(0, len(doc) - 1))
                                .to_numpy(zero_copy_only=False)) + 1
    starts = np.concatenate([[0], starts]).astype(np.int64)
    offsets = pa.array(np.append(starts, len(table)), pa.int64())
    docs = datasets.Dataset(pa.table({
        "doc_id": table.column("doc_id").take(pa.array(starts)).combine_chunks(),
        "texts": pa.LargeListArray.from_arrays(offsets, table.column("text").combine_chunks()),
        "langs": pa.LargeListArray.from_arrays(offsets, table.column("lang").combine_chunks()),
    }))
    per_doc = max(1, round(BATCH_SENTENCES * len(docs) / len(sents)))
    out = map_documents(docs, _LabelDocuments(labeler), workers, per_doc, "label",
                        work=len(sents))
    labels = pc.list_flatten(out.data.column("labels"))
    evidence = pc.list_flatten(out.data.column("evidences"))
    if regroup is not None:
        inverse = pa.array(np.argsort(regroup[0], kind="stable"))
        labels, evidence = labels.take(inverse), evidence.take(inverse)
    return sents.add_column("label", labels.combine_chunks()) \
        .add_column("evidence", evidence.combine_chunks())


def split_label_documents(docs: datasets.Dataset, segmenter: Segmenter, labeler: Labeler,
                          workers: int | None = None) -> datasets.Dataset:
    """Split documents and label their sentences in one pass (one datasets.map).

    One worker start and one Arrow round trip instead of two. Each batch holds whole
    documents, so the labeler sees every document complete. An input whose doc_id repeats
    (a sentence table, one row per sentence) cannot be labelled a batch at a time: its
    documents are split first and then labelled over the whole table.
    """
    import pyarrow.compute as pc

    if len(docs):
        check_languages(labeler, docs.unique("lang"))
    if len(docs) and pc.count_distinct(docs.data.column("doc_id")).as_py() < len(docs):
        return label_sentences(split_documents(docs, segmenter, workers), labeler, workers)
    extra = [c for c in docs.column_names if c not in SENTENCE_COLUMNS]
    return map_documents(docs, SplitLabelBatch(segmenter, extra, labeler), workers,
                         SPLIT_BATCH_DOCS, f"split+label ({segmenter.name})")
