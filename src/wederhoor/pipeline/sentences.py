"""Turn a batch of documents into one row per sentence (the split half of the engine).

``SplitBatch`` is the function every split runs per batch of documents; the engine
(``pipeline/engine.py``) feeds it batches and writes what it returns.
"""

from __future__ import annotations

from typing import Any, Protocol

from wederhoor.pipeline.workers import die_with_parent

SENTENCE_COLUMNS = ("doc_id", "sent_id", "text", "lang", "date")
BYTES_PER_SENTENCE = 110  # news text: about 110 characters per sentence (seeds/ and bench)


class Segmenter(Protocol):
    name: str

    def split(self, text: str, lang: str = "nl") -> list[str]: ...


class SplitBatch:
    """Split a batch of documents into sentences; picklable, so worker processes can run it.

    Extra document columns (split, domain, ...) are carried along to each sentence. Rows of a
    sentence table come with their own ``sent_id`` (and go through ``NoSegmenter``, see
    ``segmenter_for``): each keeps it; a document's sentences are numbered 1, 2, ...
    """

    def __init__(self, segmenter: Segmenter, extra: list[str]) -> None:
        self.segmenter = segmenter
        self.extra = extra

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        die_with_parent()
        out: dict[str, list[Any]] = {c: [] for c in (*SENTENCE_COLUMNS, *self.extra)}
        carried = [(out[c], batch[c]) for c in ("doc_id", "date", *self.extra)]
        split, texts, langs, ids = self.segmenter.split, out["text"], out["lang"], out["sent_id"]
        given = batch.get("sent_id")
        for i, (text, lang) in enumerate(zip(batch["text"], batch["lang"], strict=True)):
            sentences = split(text, lang)
            n = len(sentences)
            texts.extend(sentences)
            ids.extend(range(1, n + 1) if given is None else [given[i]] * n)
            langs.extend([lang] * n)
            for column, values in carried:  # document columns, repeated per sentence
                column.extend([values[i]] * n)
        return out


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
