"""Every labeler's figures on one set of labelled sentences, with a confidence interval.

A researcher who labels a few hundred sentences of their own news wants to know, before
trusting a run on the rest, how each of its models and the rules do on that kind of text. A
few hundred sentences from a few dozen articles give a wide interval, and a point figure alone
would invite reading a one-point difference as real, so every macro-F1 comes with the
document-level bootstrap interval the run reports use (``stats.bootstrap_ci``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
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


def plot_scorecard(rows: Sequence[Mapping[str, Any]], path: Path, title: str) -> Path:
    """Each group a panel row, each labeler a point with its 95% interval: whether two
    labelers differ on one's own news is a question of overlapping intervals, which a table
    of eight labelers by several groups hides."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from wederhoor.evaluation.plots import save_png

    groups = list(dict.fromkeys(r["group"] for r in rows))
    labelers = list(dict.fromkeys(r["labeler"] for r in rows))
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.28 * len(rows) + 0.2 * len(groups)), dpi=120,
                           layout="constrained")
    y, ticks, names = 0.0, [], []
    colours = plt.get_cmap("tab10")
    for group in groups:
        for r in (r for r in rows if r["group"] == group):
            k = labelers.index(r["labeler"])
            ax.errorbar(r["macro_f1"], y, xerr=[[r["macro_f1"] - r["ci_low"]],
                                                [r["ci_high"] - r["macro_f1"]]],
                        fmt="o", color=colours(k % 10), capsize=3, markersize=5)
            ticks.append(y)
            names.append(f"{group}: {r['labeler']}")
            y += 1
        y += 0.8  # a gap between groups
    ax.set_yticks(ticks, names, fontsize=7)
    ax.set_ylim(y - 0.3, -0.7)  # first group on top
    low = min(r["ci_low"] for r in rows)
    ax.set_xlim(max(0.0, low - 0.05), 1)
    ax.set_xlabel("macro-F1 with its 95% interval (whole documents drawn with replacement)")
    ax.set_title(title, fontsize=9)
    ax.grid(axis="x", alpha=0.3)
    return save_png(fig, path)
