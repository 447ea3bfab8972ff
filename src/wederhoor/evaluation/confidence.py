"""How well each model does on the sentences it is surest of.

On published news every model scores well below its figure on the corpus (README, "On real
published news"), but not evenly: the probability a model gives its label says how far to
trust that label. A researcher who labels a sample of their own news sees here what the most
confident quarter, half or three quarters of the sentences score and at which probability
that share starts, so they can keep the labels above a cut and read the rest themselves
(``make predict`` writes each sentence's probabilities).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from wederhoor.evaluation.metrics import evaluate_macro_f1


def confidence_rows(reference: Sequence[str], columns: Mapping[str, Sequence[str]],
                    confidence: Mapping[str, Sequence[float]], masks: Mapping[str, Any],
                    shares: Sequence[float]) -> list[dict[str, Any]]:
    """One row per (group, model in ``confidence``, share): macro-F1 and accuracy of the
    model's labels on the ``share`` of the group's sentences it gives the highest
    probability, and ``cut``, the lowest probability among them. Share 1 (every sentence)
    is always included, as the figure to compare with."""
    gold = np.asarray(reference, dtype=object)
    steps = sorted({*(float(s) for s in shares), 1.0})
    rows: list[dict[str, Any]] = []
    for group, mask in masks.items():
        mask = np.asarray(mask, dtype=bool)
        size = int(mask.sum())
        if not size:
            continue
        truth = gold[mask]
        for name, sure in confidence.items():
            predicted = np.asarray(columns[name], dtype=object)[mask]
            probability = np.asarray(sure, dtype=float)[mask]
            order = np.argsort(-probability, kind="stable")  # ties keep the input order
            for share in steps:
                kept = order[:max(1, math.ceil(round(share * size, 9)))]
                rows.append({"group": group, "labeler": name, "share": share,
                             "sentences": len(kept),
                             "macro_f1": evaluate_macro_f1(truth[kept], predicted[kept]),
                             "accuracy": float(np.mean(truth[kept] == predicted[kept])),
                             "cut": float(probability[kept].min())})
    return rows


def format_confidence(rows: Sequence[Mapping[str, Any]]) -> str:
    """A terminal table, one block per group: a row per model, a column per share, each cell
    macro-F1, accuracy and the probability the share starts at."""
    if not rows:
        return ""
    width = max([len("labeler"), *(len(str(r["labeler"])) for r in rows)])
    steps = list(dict.fromkeys(r["share"] for r in rows))
    lines = ["The sentences each model is surest of (macro-F1, accuracy, >= the lowest "
             "probability kept):"]
    for group in dict.fromkeys(r["group"] for r in rows):
        block = [r for r in rows if r["group"] == group]
        lines.append(f"{group}: {max(r['sentences'] for r in block)} sentences")
        lines.append(f"  {'labeler':<{width}}  "
                     + "   ".join(f"{f'surest {share:.0%}' if share < 1 else 'every sentence':<18}"
                                for share in steps))
        for name in dict.fromkeys(r["labeler"] for r in block):
            cells = {r["share"]: r for r in block if r["labeler"] == name}
            lines.append(f"  {name:<{width}}  " + "   ".join(
                f"{c['macro_f1']:.3f} {c['accuracy']:.3f} >={c['cut']:.2f}"
                for c in (cells[share] for share in steps)))
    return "\n".join(line.rstrip() for line in lines)


def plot_confidence(rows: Sequence[Mapping[str, Any]], path: Path, title: str,
                    rules: Mapping[str, float] | None = None) -> Path:
    """Macro-F1 against the share of sentences kept, surest first, a panel per group and a
    line per model; ``rules`` (group -> macro-F1) draws the rules' figure on every sentence
    as a dashed line, since the rules give no probability to rank by."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from wederhoor.evaluation.plots import save_png

    groups = list(dict.fromkeys(r["group"] for r in rows))
    models = list(dict.fromkeys(r["labeler"] for r in rows))
    ncols = min(3, len(groups))
    nrows = math.ceil(len(groups) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 3.4 * nrows), dpi=120,
                             sharey=True, squeeze=False, layout="constrained")
    panels = axes.ravel()
    colours = plt.get_cmap("tab10")
    for ax, group in zip(panels, groups, strict=False):
        for k, name in enumerate(models):
            line = sorted((r["share"], r["macro_f1"]) for r in rows
                          if r["group"] == group and r["labeler"] == name)
            ax.plot(*zip(*line, strict=True), color=colours(k % 10), label=name, lw=1.5)
        if rules and group in rules:
            ax.axhline(rules[group], color="grey", ls="--", lw=1, label="rules (all)")
        ax.set_title(group, fontsize=9)
        ax.set_xlim(0, 1)
        ax.set_xlabel("share of sentences kept, surest first", fontsize=8)
        ax.grid(alpha=0.3)
    for ax in panels[len(groups):]:
        ax.set_visible(False)
    for row in axes:
        row[0].set_ylabel("macro-F1 on the sentences kept", fontsize=8)
    panels[len(groups) - 1].legend(fontsize=7, loc="lower left")
    fig.suptitle(title, fontsize=9)
    return save_png(fig, path)
