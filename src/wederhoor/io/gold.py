"""Gold labels keyed by document and sentence text, so they survive a change of segmenter."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wederhoor import LABELS
from wederhoor.errors import UserError
from wederhoor.io.documents import check_utf8, extension, separator_hint

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


def _read_labels_table(path: Path, kind: str, option: str, fix: str) -> Any:
    """A table of sentences and labels as strings (CSV; JSON lines or Parquet by extension,
    as the sentence tables the stages write), or one line naming the file, the option that
    named it (``option``) and ``fix``."""
    import pandas as pd

    if path.is_dir():
        raise UserError(f"{option}={path} is a folder, not a {kind}; {fix}")
    if not path.is_file():
        raise UserError(f"{kind} not found: {path}; {fix}")
    suffix = extension(path)
    if suffix != ".parquet":
        check_utf8(path)
    try:
        if suffix == ".jsonl":
            table = pd.read_json(path, lines=True, dtype=False)
        elif suffix == ".parquet":
            table = pd.read_parquet(path)
        else:
            return pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as exc:  # noqa: BLE001
        detail = " ".join(str(exc).split())[:200]
        if suffix == ".jsonl":
            why = f"not JSON lines, one object a line ({detail})"
        elif suffix == ".parquet":
            why = f"not a Parquet file ({detail})"
        else:
            why = separator_hint(path) or detail
        raise UserError(f"could not read {kind} {path}: {why}") from None
    return table.fillna("").astype(str)


def _require_columns(table: Any, path: Path, kind: str, needed: set[str]) -> None:
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
    table = _read_labels_table(gold_path, "gold file", option,
                               f"point {option}= at a CSV with doc_id,text,label"
                               + (f" or set {option}=null" if nullable else ""))
    _require_columns(table, gold_path, "gold file", {"doc_id", "text", "label"})
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
    table = _read_labels_table(pred_path, "predictions file", "predictions", "point "
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
