"""``make estimate``'s shares on the terminal and in a figure.

The table shows, per group, the model's count, the labelled documents' share alone and the
corrected share a study can report; the figure draws the same per group, where a table of
five shares by many groups is hard to read (``evaluation.prediction_powered`` computes them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from wederhoor.evaluation.prediction_powered import SHARES


def _pct(value: float) -> str:
    return "-" if np.isnan(value) else f"{value:.1%}"


def _span(low: float, high: float, exact: bool = False) -> str:
    if np.isnan(low):
        return "(no interval)"
    if low == high:  # every labelled document alike: the draws cannot vary
        return "(too few documents)"
    return f"({low:.1%}-{high:.1%})" + (" exact" if exact else "")


def format_shares(rows: Sequence[Mapping[str, Any]]) -> str:
    """A terminal table, one block per group: the model's count, the labelled documents'
    share, and the corrected share a study can report."""
    if not rows:
        return ""
    width = max(len(s) for s in SHARES)
    lines = []
    for group in dict.fromkeys(r["group"] for r in rows):
        block = [r for r in rows if r["group"] == group]
        lines.append(f"{group}: {block[0]['labelled']} documents labelled by you, "
                     f"{block[0]['unlabelled']} not")
        lines.append(f"  {'share':<{width}} {'model':>7}   {'your labels alone':<28}"
                     f"{'corrected (report this)':<28}{'lambda':>6}")
        for r in block:
            exact = bool(r.get("exact"))
            alone = (f"{_pct(r['labelled_share'])} "
                     f"{_span(r['labelled_low'], r['labelled_high'], exact)}")
            fixed = (f"{_pct(r['corrected'])} "
                     f"{_span(r['corrected_low'], r['corrected_high'], exact)}")
            lam = "-" if np.isnan(r["lambda"]) else f"{r['lambda']:.2f}"
            lines.append(f"  {r['share']:<{width}} {_pct(r['model']):>7}   {alone:<28}"
                         f"{fixed:<28}{lam:>6}")
    return "\n".join(line.rstrip() for line in lines)


def format_differences(rows: Sequence[Mapping[str, Any]]) -> str:
    """A terminal table of ``difference_rows``: a difference whose interval leaves out 0 is
    marked, since that is the one a study may call a difference between the groups."""
    if not rows:
        return ""
    lines = ["Differences between groups, corrected share of the first minus the second "
             "(* = the 95% interval leaves out 0):"]
    width = max(len(s) for s in SHARES)
    for first, second in dict.fromkeys((r["first"], r["second"]) for r in rows):
        lines.append(f"{first} - {second}:")
        for r in (r for r in rows if (r["first"], r["second"]) == (first, second)):
            if np.isnan(r["low"]):
                span, star = "(no interval: too few documents)", ""
            else:
                span = f"({100 * r['low']:+.1f} to {100 * r['high']:+.1f})"
                star = " *" if r["low"] > 0 or r["high"] < 0 else ""
            lines.append(f"  {r['share']:<{width}} {100 * r['difference']:+6.1f} points "
                         f"{span}{star}")
    return "\n".join(lines)


#: Short names of the shares, as the plan's columns.
_SHORT = {"accusation sentences": "accusation", "denial sentences": "denial",
          "neutral sentences": "neutral", "accusing documents": "accusing docs",
          "answered of accusing": "answered"}


def _needed(need: float, labelled: int, total: int) -> str:
    """One cell of the plan: the count, ``enough`` when the labelled ones do, ``>N`` when
    the input's N documents would not do either, a ``*`` count to draw from more news."""
    if np.isnan(need):
        return "-"
    if need <= labelled:
        return "enough"
    if need == total + 1:
        return f">{total}"
    return f"{int(need)}*" if need > total else str(int(need))


def format_plan(rows: Sequence[Mapping[str, Any]], width: float | None) -> str:
    """How many documents to label, per group and share, for corrected intervals about
    ``width`` wide (``plan_documents`` of the rows, from ``documents_for_width``): a study
    labels a first sample, then knows how far to go on."""
    planned = [r for r in rows if "plan_documents" in r]
    if not planned or not width:
        return ""
    first = {r["group"]: r for r in reversed(planned)}  # each group's first row
    groups = list(dict.fromkeys(r["group"] for r in planned))
    heads = {g: f"{g} ({first[g]['labelled']} of "
                f"{first[g]['labelled'] + first[g]['unlabelled']})" for g in groups}
    left = max(len(h) for h in heads.values())
    lines = [f"Documents to label in all, drawn at random as the first ones, for each corrected "
             f"interval to be about {100 * width:g} points wide (plan_width={width:g}; from "
             "the documents labelled so far, so rough after a small first sample):",
             f"  {'group (labelled of all)':<{left}} "
             + " ".join(f"{_SHORT[s]:>13}" for s in SHARES)]
    for group in groups:
        cells = []
        for share in SHARES:
            r = next((r for r in planned if r["group"] == group and r["share"] == share), None)
            cells.append("-" if r is None else _needed(
                r["plan_documents"], r["labelled"], r["labelled"] + r["unlabelled"]))
        lines.append(f"  {heads[group]:<{left}} " + " ".join(f"{c:>13}" for c in cells))
    lines.append("  (enough = the labelled ones do; >N = even all N here would not; * = more "
                 "than the input holds: draw them from a larger collection of the same news)")
    return "\n".join(lines)


def plot_shares(rows: Sequence[Mapping[str, Any]], path: Path, title: str) -> Path:
    """One panel per share, one line per group: the corrected share and its interval, the
    labelled documents' interval alone beneath it, and the model's count as a cross (a table
    of five shares by many groups is hard to read)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from wederhoor.evaluation.plots import save_png

    groups = list(dict.fromkeys(r["group"] for r in rows))
    fig, axes = plt.subplots(1, len(SHARES), figsize=(3.2 * len(SHARES), 0.5 * len(groups)
                                                      + 1.6), dpi=110, sharey=True)
    for ax, share in zip(axes, SHARES, strict=True):
        for y, group in enumerate(groups):
            r = next((r for r in rows if r["group"] == group and r["share"] == share), None)
            if r is None:
                continue
            if not np.isnan(r["labelled_low"]):
                ax.plot([r["labelled_low"], r["labelled_high"]], [y + 0.2, y + 0.2],
                        color="0.7", lw=2)
            if not np.isnan(r["corrected_low"]):
                ax.plot([r["corrected_low"], r["corrected_high"]], [y, y], color="C0", lw=2)
            ax.plot([r["corrected"]], [y], "o", color="C0")
            ax.plot([r["model"]], [y], "x", color="C3")
        ax.set_title(share, fontsize=9)
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.grid(axis="x", alpha=0.3)
    axes[0].set_yticks(range(len(groups)), groups)
    axes[0].invert_yaxis()
    fig.suptitle(f"{title}\ncorrected share (blue, 95% interval), your labels alone (grey), "
                 "the model's count (red x)", fontsize=9)
    fig.tight_layout()
    return save_png(fig, path)
