"""The leaderboard as a terminal table, a Markdown file and a plot.

Rendering is kept apart from ranking (`leaderboard.py`) so the numbers can be tested without
drawing, and the compare command stays a thin entry point.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

SHOWN = (
    "n_seeds", "macro_f1", "macro_f1_std", "ci_low", "ci_high", "f1_accusation", "f1_denial",
    "f1_neutral", "accuracy", "kappa", "train_s", "predict_s", "eval_against", "p_vs_best",
    "n_runs",
)
SHORT = {
    "macro_f1": "macroF1", "macro_f1_std": "±sd", "ci_low": "ci_lo", "ci_high": "ci_hi",
    "f1_accusation": "F1_acc", "f1_denial": "F1_den", "f1_neutral": "F1_neu", "accuracy": "acc",
    "eval_against": "eval", "p_vs_best": "p_best", "n_seeds": "seeds", "n_runs": "runs",
}
LEGEND = (
    "macroF1 is the mean over seeds (±sd across seeds); ci_lo-ci_hi is the 95% interval from "
    "resampling documents of the lowest-seed run; both score only sentences with an "
    "out-of-fold prediction.",
    "p_best < 0.05 means the difference from the best row (scored on the same gold or silver "
    "reference) is unlikely to be noise; larger p means the two could be tied.",
)


def cell_text(value: object, column: str) -> str:
    """A cell as shown: blanks for missing values, p-values and seconds in their own precision."""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if column == "p_vs_best":
            return "<0.001" if value < 0.001 else f"{value:.3f}"
        if column.endswith("_s"):
            return f"{value:.1f}"
        return f"{value:.3f}"
    return str(value)


def table_cells(frame: pd.DataFrame) -> tuple[list[str], list[list[str]]]:
    """Header and string cells of the shown columns, config columns first."""
    config = list(frame.attrs.get("config_columns", []))
    columns = config + [c for c in SHOWN if c in frame.columns]
    header = [SHORT.get(c, c) for c in columns]
    rows = [[cell_text(frame.at[i, c], c) for c in columns] for i in frame.index]
    if "eval_against" in frame.columns:
        at = columns.index("eval_against")
        for i, row in zip(frame.index, rows, strict=True):
            if frame.at[i, "eval_against"] == "silver":
                row[at] = "SILVER!"
    return header, rows


def render_text(frame: pd.DataFrame) -> str:
    """Space-aligned table for the terminal."""
    header, rows = table_cells(frame)
    widths = [max(len(r[j]) for r in [header, *rows]) for j in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip()
             for r in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def row_notes(frame: pd.DataFrame) -> list[tuple[int, str]]:
    """(row number counted from 1, notes) of every row that has notes."""
    return [(i + 1, str(frame.at[i, "notes"])) for i in frame.index if frame.at[i, "notes"]]


def render_markdown(frame: pd.DataFrame, problems: list[tuple[Path, str]]) -> str:
    """The leaderboard.md file: table, row notes, runs left out, legend."""
    header, rows = table_cells(frame)
    esc = [[cell.replace("|", "\\|") for cell in r] for r in [header, *rows]]
    lines = ["# Leaderboard", "", "| " + " | ".join(esc[0]) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in esc[1:]]
    notes = row_notes(frame)
    if notes:
        lines += ["", "## Notes", ""] + [f"- row {n}: {text}" for n, text in notes]
    if problems:
        lines += ["", "## Runs left out or incomplete", ""]
        lines += [f"- `{folder}`: {reason}" for folder, reason in problems]
    lines += ["", *LEGEND, ""]
    return "\n".join(lines)


def row_labels(frame: pd.DataFrame) -> list[str]:
    """Readable y-axis labels: `key=value` of the config columns, silver marked."""
    config = list(frame.attrs.get("config_columns", []))
    short = [c.rsplit(".", 1)[-1] for c in config]
    names = short if len(set(short)) == len(short) else config  # shorten only if unambiguous
    labels = []
    for i in frame.index:
        parts = [str(frame.at[i, c]) if c == "name" else f"{name}={frame.at[i, c]!s}"
                 for c, name in zip(config, names, strict=True)]
        label = ", ".join(parts)
        if frame.at[i, "eval_against"] == "silver":
            label += " [silver]"
        labels.append(label)
    return labels


LABEL_WIDTH = 40  # characters per line of a row label: a third of the figure's width
LABEL_LINES = 4  # a longer label ends in "..." (the table and leaderboard.md hold it whole)


def wrapped(labels: list[str]) -> list[str]:
    """Row labels on a few short lines: one long line (a sweep's overrides) would leave the
    plots no width, and matplotlib would give up on the layout with a warning."""
    import textwrap

    return [textwrap.fill(label, LABEL_WIDTH, max_lines=LABEL_LINES, placeholder=" ...")
            for label in labels]


def plot(frame: pd.DataFrame, path: Path) -> None:
    """Macro-F1 with 95% CI (left) and per-class F1 (right), best configuration on top."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    from wederhoor import LABELS

    n = len(frame)
    y = np.arange(n)
    labels = wrapped(row_labels(frame))
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(12, 1.5 + max(0.7, 0.22 * lines) * n), sharey=True,
        gridspec_kw={"width_ratios": [1, 1.3]}
    )
    f1 = frame["macro_f1"].to_numpy(float)
    low = frame["ci_low"].to_numpy(float)
    high = frame["ci_high"].to_numpy(float)
    # Drawn as segments, not xerr: a multi-seed mean may sit outside its lowest-seed interval.
    left.hlines(y, low, high, color="tab:blue")
    left.plot(low, y, "|", high, y, "|", color="tab:blue", markersize=10)
    left.plot(f1, y, "o", color="tab:blue")
    left.set_yticks(y, labels)
    left.invert_yaxis()
    left.set_xlabel("macro-F1 (95% CI, documents resampled)")
    left.grid(axis="x", alpha=0.3)
    height = 0.8 / len(LABELS)
    for k, label in enumerate(LABELS):
        values = frame[f"f1_{label}"].to_numpy(float)
        right.barh(y + (k - (len(LABELS) - 1) / 2) * height, np.nan_to_num(values), height,
                   label=label)
    right.set_xlim(0, 1)
    right.set_xlabel("F1 per class")
    right.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(LABELS), frameon=False)
    right.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
