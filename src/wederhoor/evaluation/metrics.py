"""Evaluation figures for one set of predictions, per fold and pooled.

Macro-F1 is the primary figure. A fold that lacks a class still evaluates: the class is left out
of that fold's macro average (and the note says so) instead of counting as F1 = 0.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from wederhoor import LABELS

SUMMARY_KEYS = ("macro_f1", "accuracy", "kappa")


def per_class_scores(y_true: list[str], y_pred: list[str], labels: Sequence[str] = LABELS
                     ) -> tuple[dict[str, dict[str, Any]], float]:
    """Precision, recall, F1 and support per class, and macro-F1 over the classes present
    (in the reference or the predictions)."""
    from sklearn.metrics import precision_recall_fscore_support

    present = [lab for lab in labels if lab in set(y_true) | set(y_pred)]
    p, r, f, s = precision_recall_fscore_support(
        y_true, y_pred, labels=list(labels), zero_division=0
    )
    per_class = {
        lab: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]),
              "support": int(s[i])}
        for i, lab in enumerate(labels)
    }
    macro = float(np.mean([per_class[lab]["f1"] for lab in present])) if present else 0.0
    return per_class, macro


def evaluate_macro_f1(y_true: Iterable[str], y_pred: Iterable[str],
                      labels: Sequence[str] = LABELS) -> float:
    """``evaluate(...)["macro_f1"]`` alone, without the figures it does not need (a report
    per group of sentences asks for dozens)."""
    return per_class_scores(list(y_true), list(y_pred), labels)[1]


def evaluate(y_true: Iterable[str], y_pred: Iterable[str],
             labels: Sequence[str] = LABELS) -> dict[str, Any]:
    """Macro-F1, accuracy, Cohen's kappa, per-class P/R/F1/support and the confusion matrix."""
    from sklearn.metrics import accuracy_score, cohen_kappa_score, confusion_matrix

    y_true = list(y_true)
    y_pred = list(y_pred)
    absent = [lab for lab in labels if lab not in set(y_true)]
    per_class, macro = per_class_scores(y_true, y_pred, labels)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # undefined kappa is reported in notes instead
        kappa = float(cohen_kappa_score(y_true, y_pred)) if y_true else float("nan")
    notes = []
    if absent:
        notes.append(f"no gold/reference '{', '.join(absent)}' sentences here; "
                     "macro-F1 averages over the classes present")
    if math.isnan(kappa):
        notes.append("kappa undefined (one class only)")
    return {
        "macro_f1": macro,
        "accuracy": float(accuracy_score(y_true, y_pred)) if y_true else 0.0,
        "kappa": kappa,
        "per_class": per_class,
        "confusion_matrix": {
            "labels": list(labels),
            "matrix": confusion_matrix(y_true, y_pred, labels=list(labels)).tolist()
            if y_true else [[0] * len(labels) for _ in labels],
        },
        "n": len(y_true),
        "notes": notes,
    }


def summarise_folds(folds: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Mean and standard deviation of the headline figures across folds."""
    out: dict[str, dict[str, float]] = {}
    for key in (*SUMMARY_KEYS, *(f"f1_{lab}" for lab in LABELS)):
        if key.startswith("f1_"):
            values = [f["per_class"][key[3:]]["f1"] for f in folds]
        else:
            values = [f[key] for f in folds]
        values = [v for v in values if not math.isnan(v)]
        out[key] = {
            "mean": float(np.mean(values)) if values else float("nan"),
            "std": float(np.std(values)) if values else float("nan"),
            "n": len(values),
        }
    return out


def label_counts(labels: Sequence[str]) -> dict[str, int]:
    """How many sentences carry each label (empty = unlabelled)."""
    counts = {lab: 0 for lab in LABELS}
    for lab in labels:
        key = lab or "unlabelled"
        counts[key] = counts.get(key, 0) + 1
    return counts
