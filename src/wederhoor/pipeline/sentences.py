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

    Extra document columns (split, domain, ...) are carried along to each sentence.
    """

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
