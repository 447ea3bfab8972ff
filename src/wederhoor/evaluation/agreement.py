"""How far two annotations of the same sentences agree, next to how far the labelers do.

A labeler's macro-F1 says little until it stands next to the ceiling: how well a second
person, reading the same guideline, reproduces the reference labels. This module pairs label
columns over the sentences both annotations hold and scores each pair the way the experiments
score a model (``metrics.evaluate``: macro-F1, Cohen's kappa, per-class F1), per group of
documents.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from wederhoor import LABELS
from wederhoor.evaluation.metrics import evaluate
from wederhoor.io.gold import Gold

Key = tuple[str, str]  # (doc_id, normalised sentence text), as gold files are keyed


def shared_sentences(reference: Gold, other: Gold) -> list[Key]:
    """The sentences labelled in both, in the reference file's order (document order)."""
    return [key for key in reference.labels if key in other.labels]


def documents_of(reference: Gold, keys: Sequence[Key]) -> list[Key]:
    """Every reference sentence of the documents ``keys`` touch, in order: a labeler reads
    whole documents, since its context rules look at the sentences around each one."""
    docs = {doc for doc, _ in keys}
    return [key for key in reference.labels if key[0] in docs]


def agreement_rows(columns: Mapping[str, Sequence[str]], pairs: Sequence[tuple[str, str]],
                   groups: Mapping[str, Sequence[bool]]) -> list[dict[str, Any]]:
    """One row per (pair, group): the second column scored against the first.

    ``columns`` maps a name to its labels of the shared sentences (all in the same order);
    ``groups`` maps a group name to a mask over those sentences. An empty group is skipped.
    """
    rows: list[dict[str, Any]] = []
    for group, mask in groups.items():
        picked = [i for i, keep in enumerate(mask) if keep]
        if not picked:
            continue
        for ref, other in pairs:
            scores = evaluate([columns[ref][i] for i in picked],
                              [columns[other][i] for i in picked])
            row: dict[str, Any] = {"group": group, "reference": ref, "scored": other,
                                   "sentences": len(picked),
                                   "macro_f1": round(scores["macro_f1"], 3),
                                   "kappa": round(scores["kappa"], 3)}
            for label in LABELS:
                row[f"f1_{label}"] = round(scores["per_class"][label]["f1"], 3)
            rows.append(row)
    return rows


def disagreements(keys: Sequence[Key], columns: Mapping[str, Sequence[str]],
                  first: str = "reference", second: str = "second") -> Any:
    """The sentences ``first`` and ``second`` label differently, with every column's label:
    the list an annotation team adjudicates."""
    import pandas as pd

    differ = [i for i, (a, b) in enumerate(zip(columns[first], columns[second], strict=True))
              if a != b]
    return pd.DataFrame({"doc_id": [keys[i][0] for i in differ],
                         "text": [keys[i][1] for i in differ],
                         **{name: [labels[i] for i in differ]
                            for name, labels in columns.items()}})


def macro_by_group(rows: Sequence[Mapping[str, Any]], reference: str = "reference"
                   ) -> tuple[list[dict[str, Any]], list[str]]:
    """``agreement_rows`` scored against ``reference`` as one row per group with each scored
    column's macro-F1 (the shape ``groups.format_by_group`` and ``plot_by_group`` take)."""
    out: dict[str, dict[str, Any]] = {}
    scored: dict[str, None] = {}
    for row in rows:
        if row["reference"] != reference:
            continue
        group = out.setdefault(row["group"], {"group": row["group"],
                                              "sentences": row["sentences"]})
        group[row["scored"]] = row["macro_f1"]
        scored[row["scored"]] = None
    return list(out.values()), list(scored)


def majority_vote(reference: Sequence[str], second: Sequence[str], third: Sequence[str]
                  ) -> list[str]:
    """The label two of three annotators give; the reference where the third annotator gave
    none ("") or all three differ. A third reader of the disagreements breaks each tie, so
    this is the reference after adjudication."""
    return [b if c == b != a else a for a, b, c in zip(reference, second, third, strict=True)]


def adjudication_counts(reference: Sequence[str], second: Sequence[str], third: Sequence[str]
                        ) -> dict[str, int]:
    """Of the sentences the two annotators label differently and the third labelled: how
    often the third sides with the reference, with the second annotator, or with neither."""
    counts = {"disagreements": 0, "adjudicated": 0, "reference": 0, "second": 0, "neither": 0}
    for a, b, c in zip(reference, second, third, strict=True):
        if a == b:
            continue
        counts["disagreements"] += 1
        if not c:
            continue
        counts["adjudicated"] += 1
        counts["reference" if c == a else "second" if c == b else "neither"] += 1
    return counts
