"""Turn documents into one row per sentence, in batches over Arrow data.

The map runs through datasets so a large corpus is processed batch by batch (and on several
processes with ``workers``) instead of as one Python list.
"""

from __future__ import annotations

import os
import uuid
from typing import TYPE_CHECKING, Any, Protocol

from wederhoor.pipeline.workers import die_with_parent
from wederhoor.progress import progress_for

if TYPE_CHECKING:
    import datasets

SENTENCE_COLUMNS = ("doc_id", "sent_id", "text", "lang", "date")
PARALLEL_MIN_ROWS = 20_000  # below this, starting worker processes costs more than it saves
BYTES_PER_SENTENCE = 110  # news text: about 110 characters per sentence (seeds/ and bench)


class Segmenter(Protocol):
    name: str

    def split(self, text: str, lang: str = "nl") -> list[str]: ...


def resolve_workers(workers: int | None, n_rows: int) -> int | None:
    """Workers for datasets.map: ``0``/None means all cores, but only when the input is big."""
    if n_rows < PARALLEL_MIN_ROWS:
        return None
    wanted = all_cores() if not workers else int(workers)
    return wanted if wanted > 1 else None


def all_cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's total)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def estimated_sentences(docs: datasets.Dataset) -> int:
    """Roughly how many sentences the documents hold, from their text size (no Python pass)."""
    if not len(docs):
        return 0
    return max(len(docs), docs.data.column("text").nbytes // BYTES_PER_SENTENCE)


class _SplitBatch:
    """Picklable batch function (worker processes receive it)."""

    def __init__(self, segmenter: Segmenter, extra: list[str]) -> None:
        self.segmenter = segmenter
        self.extra = extra

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        die_with_parent()
        out: dict[str, list[Any]] = {c: [] for c in (*SENTENCE_COLUMNS, *self.extra)}
        for i, text in enumerate(batch["text"]):
            lang = batch["lang"][i]
            for n, sentence in enumerate(self.segmenter.split(text, lang), start=1):
                out["doc_id"].append(batch["doc_id"][i])
                out["sent_id"].append(n)
                out["text"].append(sentence)
                out["lang"].append(lang)
                out["date"].append(batch["date"][i])
                for col in self.extra:
                    out[col].append(batch[col][i])
        return out


def split_documents(
    docs: datasets.Dataset, segmenter: Segmenter, workers: int | None = None
) -> datasets.Dataset:
    """One row per sentence: doc_id, sent_id (1-based within the document), text, lang, date.

    Extra document columns (split, domain, ...) are carried along to each sentence.
    """
    import pyarrow.compute as pc

    extra = [c for c in docs.column_names if c not in SENTENCE_COLUMNS]
    sents = map_documents(docs, _SplitBatch(segmenter, extra), workers, 1000,
                          f"split ({segmenter.name})")
    if len(docs) and pc.count_distinct(docs.data.column("doc_id")).as_py() < len(docs):
        sents = renumber(sents)
    return sents


def map_documents(docs: datasets.Dataset, batch_fn: Any, workers: int | None, batch_size: int,
                  desc: str, work: int | None = None) -> datasets.Dataset:
    """One batched ``datasets.map`` over rows of documents, replacing their columns.

    ``work`` (sentences, estimated from the text size when not given) decides whether worker
    processes pay off and sizes the progress bar. Outputs are kept in memory (never a stray
    cache file beside a memory-mapped input) under a fresh fingerprint: datasets never caches
    them (the project keeps its own cache), and hashing a labeler's compiled lexicons to
    fingerprint them would cost a noticeable fraction of a second.
    """
    work = estimated_sentences(docs) if work is None else work
    num_proc = resolve_workers(workers, work)
    if num_proc:
        num_proc = min(num_proc, len(docs))
    with progress_for(work):
        return docs.map(
            batch_fn,
            batched=True,
            batch_size=batch_size,
            remove_columns=docs.column_names,
            num_proc=num_proc if num_proc and num_proc > 1 else None,
            load_from_cache_file=False,
            keep_in_memory=True,
            new_fingerprint=uuid.uuid4().hex,
            desc=desc,
        )


def renumber(sents: datasets.Dataset) -> datasets.Dataset:
    """Number sentences across rows that share a doc_id (sentence-level input tables)."""
    counter: dict[str, int] = {}
    ids = []
    for doc in sents["doc_id"]:
        counter[doc] = counter.get(doc, 0) + 1
        ids.append(counter[doc])
    return sents.remove_columns("sent_id").add_column("sent_id", ids)


def rows_are_documents(segmenter: Segmenter) -> bool:
    """Whether input rows are documents (a repeated doc_id is another document) rather than
    the sentences of a document already split (``segmenter=none``)."""
    return segmenter.name != "none"


def segmenter_for(input: str, segmenter: Segmenter) -> Segmenter:
    """``segmenter``, or none at all when the input is already one row per sentence."""
    from wederhoor.io.documents import table_columns

    if "sent_id" in table_columns(input):
        from wederhoor.pipeline.segmenters import NoSegmenter

        return NoSegmenter()
    return segmenter


def sentences_from_input(input: str, lang: str, segmenter: Segmenter, meta: str | None = None,
                         workers: int | None = None) -> datasets.Dataset:
    """Load any supported input and split it; a table that is already split is kept as it is."""
    from wederhoor.io.documents import load_documents

    segmenter = segmenter_for(input, segmenter)
    return split_documents(load_documents(input, lang, meta, rows_are_documents(segmenter)),
                           segmenter, workers)
