"""Gold labels keyed by document and sentence text, so they survive a change of segmenter."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wederhoor import LABELS
from wederhoor.errors import UserError
from wederhoor.io.documents import (
    check_parquet,
    check_utf8,
    extension,
    json_record,
    separator_hint,
)

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The key form of a sentence: whitespace folded, ends trimmed."""
    return _SPACE.sub(" ", text).strip()


@dataclass
class Gold:
    """Gold labels of a corpus: (doc_id, normalised text) -> label."""

    path: Path
    labels: dict[tuple[str, str], str] = field(default_factory=dict)

    def get(self, doc_id: str, text: str) -> str:
        return self.labels.get((str(doc_id), normalise(text)), "")

    def lookup(self, doc_ids: Iterable[str], texts: Iterable[str]) -> list[str]:
        return [self.get(d, t) for d, t in zip(doc_ids, texts, strict=True)]

    def unmatched(self, doc_ids: Iterable[str], texts: Iterable[str]) -> list[tuple[str, str]]:
        """Gold sentences the current segmentation no longer produces (doc_id, text)."""
        seen = {(str(d), normalise(t)) for d, t in zip(doc_ids, texts, strict=True)}
        docs = {d for d, _ in seen}
        return [k for k in self.labels if k[0] in docs and k not in seen]


def read_table(path: Path, kind: str, option: str, fix: str) -> Any:
    """A table of sentences (and labels) as strings, every column kept (CSV; JSON lines or
    Parquet by extension, as the sentence tables the stages write), or one line naming the
    file, the option that named it (``option``) and ``fix``."""
    import pandas as pd

    if path.is_dir():
        raise UserError(f"{option}={path} is a folder, not a {kind}; {fix}")
    if not path.is_file():
        raise UserError(f"{kind} not found: {path}; {fix}")
    if path.stat().st_size == 0:
        raise UserError(f"{kind} {path} is empty; {fix}")
    suffix = extension(path)
    if suffix == ".parquet":  # the checks and messages of the stages' own readers
        check_parquet(path)
        return pd.read_parquet(path).fillna("").astype(str)
    check_utf8(path)
    if suffix == ".jsonl":
        with path.open(encoding="utf-8") as handle:
            records = [json_record(line, path, number, '{"doc_id": ..., "text": ..., "label": ...}')
                       for number, line in enumerate(handle, 1) if line.strip()]
        return pd.DataFrame.from_records(records).fillna("").astype(str)
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as exc:  # noqa: BLE001
        raise UserError(f"could not read {kind} {path}: "
                        f"{separator_hint(path) or ' '.join(str(exc).split())}") from None


def require_columns(table: Any, path: Path, kind: str, needed: set[str]) -> None:
    """One line naming the columns ``needed`` that ``table`` (read from ``path``) lacks."""
    missing = needed - set(table.columns)
    if missing:
        hint = separator_hint(path)
        raise UserError(f"{kind} {path} lacks column(s) {', '.join(sorted(missing))}"
                        + (f"; {hint}" if hint else ""))


def load_gold(path: str | Path, option: str = "data.gold", nullable: bool = True,
              blank_ok: bool = False) -> Gold:
    """Read a gold table (doc_id, text, label; other columns ignored), checking every label.

    ``option`` is the command-line option that named the file, for the error messages;
    ``nullable``: that option may be null (no such file at all); ``blank_ok``: a row with an
    empty label is a sentence not labelled yet, left out (a researcher labelling part of a
    table), instead of an error."""
    gold_path = Path(path)
    table = read_table(gold_path, "gold file", option,
                               f"point {option}= at a CSV with doc_id,text,label"
                               + (f" or set {option}=null" if nullable else ""))
    require_columns(table, gold_path, "gold file", {"doc_id", "text", "label"})
    if blank_ok:
        table = table[table["label"].str.strip() != ""]
    bad = sorted(set(table["label"]) - set(LABELS))
    if bad:
        raise UserError(f"gold file {gold_path} has unknown label(s) {', '.join(bad)}; "
                        f"allowed: {', '.join(LABELS)}")
    gold = Gold(gold_path)
    for doc_id, text, label in zip(table["doc_id"], table["text"], table["label"], strict=True):
        gold.labels[(doc_id, normalise(text))] = label
    return gold


def load_prediction_columns(path: str | Path) -> dict[str, dict[tuple[str, str], str]]:
    """A run's ``predictions.csv`` as label columns keyed like gold: ``silver`` (the rules)
    and every ``predicted*`` column (name -> (doc_id, normalised text) -> label)."""
    pred_path = Path(path)
    table = read_table(pred_path, "predictions file", "predictions", "point "
                               "predictions= at the predictions.csv of a run folder "
                               "(experiments/runs/...), or set predictions=null")
    if not {"doc_id", "text"} <= set(table.columns):
        raise UserError(f"{pred_path} lacks doc_id and text columns; is it a run's "
                        "predictions.csv?")
    keys = [(d, normalise(t)) for d, t in zip(table["doc_id"], table["text"], strict=True)]
    names = [c for c in table.columns if c == "silver" or c.startswith("predicted")]
    if not names:
        raise UserError(f"{pred_path} has no 'silver' or 'predicted*' column to score (found: "
                        f"{', '.join(table.columns)}); point predictions= at a run's "
                        "predictions.csv, or set predictions=null")
    return {name: dict(zip(keys, table[name], strict=True)) for name in names}


def attach_gold(frame: Any, gold_path: str | Path, input_path: str | Path) -> Any:
    """``frame`` (the input's sentences as the run's segmenter splits them) with a ``gold``
    column, "" where the gold file gives no label; or one line saying that the file labels
    none of its sentences. ``score`` and ``estimate`` read a researcher's labels this way."""
    from wederhoor.errors import info

    gold = load_gold(gold_path, option="gold", nullable=False, blank_ok=True)
    frame["gold"] = gold.lookup(frame["doc_id"], frame["text"])
    missed = gold.unmatched(frame["doc_id"], frame["text"])
    labelled = int((frame["gold"] != "").sum())
    if not labelled:
        raise UserError(f"{gold_path} labels none of the {len(frame)} sentences of "
                        f"{input_path}: its doc_id and text must match the input's (a "
                        "labelled sentence table scores itself: leave gold= out)")
    info(f"{labelled} of {len(frame)} sentences have a gold label in {gold_path}")
    if missed:
        info(f"{len(missed)} labelled sentence(s) of {gold_path} are not sentences of the "
             f"input as the run's segmenter splits it (first: {missed[0][1][:60]!r}); "
             "they are left out")
    return frame
