"""Every labeler's figures on one set of labelled sentences, with a confidence interval.

A researcher who labels a few hundred sentences of their own news wants to know, before
trusting a run on the rest, how each of its models and the rules do on that kind of text. A
few hundred sentences from a few dozen articles give a wide interval, and a point figure alone
would invite reading a one-point difference as real, so every macro-F1 comes with the
document-level bootstrap interval the run reports use (``stats.bootstrap_ci``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from wederhoor import LABELS
from wederhoor.evaluation.metrics import evaluate
from wederhoor.evaluation.stats import bootstrap_ci


def scorecard(doc_ids: Sequence[str], reference: Sequence[str],
              columns: Mapping[str, Sequence[str]], masks: Mapping[str, Any],
              n_boot: int = 1000, seed: int = 0) -> list[dict[str, Any]]:
    """One row per (group, labeler): sentences, macro-F1 with its 95% interval (documents
    drawn with replacement), accuracy and F1 per class, on the group's rows."""
    docs = np.asarray(doc_ids, dtype=object)
    gold = np.asarray(reference, dtype=object)
    rows: list[dict[str, Any]] = []
    for group, mask in masks.items():
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            continue
        for name, labels in columns.items():
            predicted = np.asarray(labels, dtype=object)[mask]
            figures = evaluate(gold[mask].tolist(), predicted.tolist())
            _, low, high = bootstrap_ci(docs[mask], gold[mask], predicted, LABELS,
                                        n_boot=n_boot, seed=seed)
            rows.append({"group": group, "labeler": name, "sentences": int(mask.sum()),
                         "documents": len(set(docs[mask].tolist())),
                         "macro_f1": figures["macro_f1"], "ci_low": low, "ci_high": high,
                         "accuracy": figures["accuracy"],
                         **{f"f1_{lab}": figures["per_class"][lab]["f1"] for lab in LABELS}})
    return rows


def format_scorecard(rows: Sequence[Mapping[str, Any]]) -> str:
    """A terminal table, one block per group, the best macro-F1 of each block starred."""
    width = max([len("labeler"), *(len(str(r["labeler"])) for r in rows)])
    head = (f"  {'labeler':<{width}} {'macro-F1':>8} {'95% interval':>13} {'acc':>6} "
            + " ".join(f"{lab[:6]:>6}" for lab in LABELS))
    lines: list[str] = []
    for group in dict.fromkeys(r["group"] for r in rows):
        block = [r for r in rows if r["group"] == group]
        best = max(r["macro_f1"] for r in block)
        lines.append(f"{group}: {block[0]['sentences']} sentences, "
                     f"{block[0]['documents']} documents")
        lines.append(head)
        for r in block:
            star = "*" if r["macro_f1"] == best else " "
            lines.append(f"  {r['labeler']:<{width}} {r['macro_f1']:>7.3f}{star} "
                         f"{r['ci_low']:>6.3f}-{r['ci_high']:<6.3f} {r['accuracy']:>6.3f} "
                         + " ".join(f"{r[f'f1_{lab}']:>6.3f}" for lab in LABELS))
    return "\n".join(lines)
