"""Evaluate a sentence segmenter against the gold segmentation set.

Run ``python -m wederhoor.segeval lang=nl`` (or ``lang=en``, ``segmenter=lines``,
``segmenter.repair=false``). The metric is exact-sentence F1: a predicted sentence is correct
only if its character span (after stripping) equals the span of a gold sentence, so one wrong
boundary costs both a missed and a spurious sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from omegaconf import DictConfig

from wederhoor.cli import hydra_app
from wederhoor.errors import UserError
from wederhoor.io.documents import check_utf8, json_record

Span = tuple[int, int]

# The repository root (src/wederhoor/segeval.py -> parents[2]); used to find the gold set when
# the command runs from another directory.


class Segmenter(Protocol):
    """What the evaluation needs from a segmenter."""

    def split(self, text: str, lang: str = "nl") -> list[str]: ...


@dataclass
class GoldDocument:
    """One document of the gold set with its gold sentence spans."""

    doc_id: str
    lang: str
    text: str
    spans: list[Span]


@dataclass
class SegmentationScore:
    """Counts and exact-sentence precision, recall and F1."""

    true_positives: int
    predicted: int
    gold: int
    precision: float
    recall: float
    f1: float


@dataclass
class SegmentationReport:
    """A score plus the errors, in document order, for a researcher to read."""

    score: SegmentationScore
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (doc id, kind, text)


def locate(text: str, sentences: Iterable[str]) -> list[Span | None]:
    """Spans of ``sentences`` in ``text``, searched in order; None for a non-substring.

    Each sentence is stripped first, so surrounding whitespace never changes the span.
    """
    spans: list[Span | None] = []
    cursor = 0
    for sentence in sentences:
        sentence = sentence.strip()
        index = text.find(sentence, cursor) if sentence else -1
        if index < 0:
            spans.append(None)
            continue
        spans.append((index, index + len(sentence)))
        cursor = index + len(sentence)
    return spans


def exact_sentence_f1(
    gold: Sequence[Sequence[Span]], predicted: Sequence[Sequence[Span | None]]
) -> SegmentationScore:
    """Exact-span precision, recall and F1, pooled over documents (micro average)."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted must have one span list per document")
    tp = n_pred = n_gold = 0
    for gold_spans, pred_spans in zip(gold, predicted, strict=True):
        gold_set = set(gold_spans)
        n_gold += len(gold_set)
        n_pred += len(pred_spans)
        tp += len(gold_set & {span for span in pred_spans if span is not None})
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SegmentationScore(tp, n_pred, n_gold, precision, recall, f1)


RECORD = '{"id": ..., "lang": ..., "text": ..., "sentences": [...]}'


def _record(line: str, path: Path, number: int) -> dict[str, Any]:
    """One gold line, its keys and their types checked (one line naming the file if not)."""
    record = json_record(line, path, number, RECORD)
    missing = [key for key in ("id", "lang", "text", "sentences") if key not in record]
    if missing:
        raise UserError(f"{path} line {number} lacks {', '.join(missing)}; each line needs "
                        f"{RECORD}")
    sentences = record["sentences"]
    if not isinstance(record["text"], str) or not isinstance(sentences, list) or not all(
            isinstance(s, str) for s in sentences):
        raise UserError(f"{path} line {number}: 'text' must be a string and 'sentences' a "
                        "list of strings")
    return record


def _spans(where: str, text: str, sentences: list[str]) -> list[Span]:
    """The gold sentences' spans: stripped, non-empty substrings, in order, covering all
    non-whitespace text."""
    spans: list[Span] = []
    for sentence, span in zip(sentences, locate(text, sentences), strict=True):
        if not sentence or sentence != sentence.strip():
            raise UserError(f"{where}: empty or unstripped sentence {sentence!r}")
        if span is None:
            raise UserError(f"{where}: not a substring in order: {sentence!r}")
        spans.append(span)
    cursor = 0
    for sentence, span in zip(sentences, spans, strict=True):
        if text[cursor : span[0]].strip():
            raise UserError(f"{where}: text not in any sentence before {sentence!r}")
        cursor = span[1]
    if text[cursor:].strip():
        raise UserError(f"{where}: text after the last sentence is not covered")
    return spans


def load_gold(path: str | Path, lang: str | None = None) -> list[GoldDocument]:
    """Read a gold JSONL file and check it: any flaw is one line naming the file and line.

    Every record is ``{"id", "lang", "text", "sentences"}``; the sentences must be stripped,
    non-empty substrings of the text, in order, and together cover all non-whitespace text.
    """
    path = Path(path)
    check_utf8(path)
    docs = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record = _record(line, path, number)
            where = f"{path}:{number} ({record['id']})"
            if lang is not None and record["lang"] != lang:
                raise UserError(f"{where}: lang {record['lang']!r}, expected {lang!r}")
            spans = _spans(where, record["text"], record["sentences"])
            docs.append(GoldDocument(record["id"], record["lang"], record["text"], spans))
    return docs


def evaluate(segmenter: Segmenter, docs: Sequence[GoldDocument]) -> SegmentationReport:
    """Segment every gold document and score the result, collecting the errors."""
    gold_spans, pred_spans, errors = [], [], []
    for doc in docs:
        predicted = segmenter.split(doc.text, lang=doc.lang)
        spans = locate(doc.text, predicted)
        gold_spans.append(doc.spans)
        pred_spans.append(spans)
        gold_set = set(doc.spans)
        pred_set = {span for span in spans if span is not None}
        # Missed and spurious sentences interleaved by position, so a wrong boundary shows
        # the gold sentences next to what the segmenter made of them.
        doc_errors = [(s, "missed", doc.text[s[0] : s[1]]) for s in gold_set - pred_set]
        doc_errors += [(s, "spurious", doc.text[s[0] : s[1]]) for s in pred_set - gold_set]
        doc_errors.sort(key=lambda item: (item[0], item[1]))
        errors += [(doc.doc_id, kind, text) for _, kind, text in doc_errors]
        errors += [
            (doc.doc_id, "not a substring", sentence)
            for sentence, span in zip(predicted, spans, strict=True)
            if span is None
        ]
    return SegmentationReport(exact_sentence_f1(gold_spans, pred_spans), errors)


def gold_path(directory: str | Path, lang: str) -> Path:
    """The gold file for ``lang`` in ``directory``; one clear line when there is none."""
    path = Path(directory) / f"{lang}.jsonl"
    if not path.is_file():
        raise UserError(f"no gold segmentation file for lang={lang!r}: {path}; pass "
                        "gold=FOLDER holding <lang>.jsonl")
    return path


def format_report(report: SegmentationReport, title: str, max_errors: int = 10) -> str:
    """A short plain-text summary: the numbers, then the first errors."""
    s = report.score
    lines = [
        title,
        f"precision {s.precision:.4f}  recall {s.recall:.4f}  F1 {s.f1:.4f}",
        f"correct {s.true_positives}  predicted {s.predicted}  gold {s.gold}  "
        f"missed {s.gold - s.true_positives}  spurious {s.predicted - s.true_positives}",
    ]
    if report.errors and max_errors > 0:
        lines.append(f"first {min(max_errors, len(report.errors))} of {len(report.errors)} errors:")
        for doc_id, kind, text in report.errors[:max_errors]:
            lines.append(f"  [{doc_id}] {kind:8s} {text!r}")
    return "\n".join(lines)


@hydra_app("segeval")
def main(cfg: DictConfig) -> Any:
    """Hydra entry point: instantiate the segmenter, score it, print the report."""
    from hydra.utils import instantiate

    from wederhoor.io.options import whole_number

    max_errors = whole_number(cfg, "max_errors", example="max_errors=10")
    segmenter = instantiate(cfg.segmenter)
    docs = load_gold(gold_path(cfg.gold, cfg.lang), lang=cfg.lang)
    report = evaluate(segmenter, docs)
    title = f"segmenter={segmenter!r} lang={cfg.lang} documents={len(docs)}"
    print(format_report(report, title, max_errors))
    return report.score.f1


if __name__ == "__main__":
    main()
