"""Macro-F1 of every model per group of scored sentences (each language, named document groups).

One pooled score hides where a model fails: the project's test documents mix fiction,
real-news-style articles and stand-alone headlines in two languages, and a model can win on
one kind and lose on another. The groups are the languages plus the doc_id patterns in the
data config (``data.groups``: name -> regular expression matched at the start of a doc_id).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from wederhoor.errors import UserError


def compile_groups(groups: Any, option: str = "data.groups") -> dict[str, re.Pattern[str]]:
    """``data.groups`` (or the ``option`` that gave ``groups``) as compiled patterns, or one
    line naming the entry that is not a regular expression (checked before any work: the
    groups are scored after the fit)."""
    if not groups:
        return {}
    if not isinstance(groups, Mapping):
        raise UserError(f"{option}={groups!r} is not a mapping of group names to doc_id "
                        f"patterns; write e.g. \"+{option}.news='^nl-rn-'\"")
    compiled = {}
    for name, pattern in groups.items():
        try:
            compiled[str(name)] = re.compile(str(pattern))
        except re.error as exc:
            raise UserError(f"{option}.{name}: {pattern!r} is not a regular expression "
                            f"({exc}); write a pattern matched at the start of a doc_id, "
                            "e.g. '^nl-rn-'") from None
    return compiled


def group_masks(doc_ids: Any, langs: Any, groups: Mapping[str, str] | None,
                option: str = "data.groups") -> dict[str, Any]:
    """Boolean rows of each group: ``lang <code>`` for every language, then each named pattern."""
    doc_ids = np.asarray(doc_ids, dtype=object)
    langs = np.asarray(langs, dtype=object)
    masks = {f"lang {code}": langs == code for code in sorted(set(langs.tolist()))}
    for name, compiled in compile_groups(groups, option).items():
        masks[name] = np.array([compiled.match(str(d)) is not None for d in doc_ids],
                               dtype=bool)
    return masks


def distinct_masks(masks: Mapping[str, Any]) -> dict[str, Any]:
    """``masks`` without a group whose rows are those of a group before it (a corpus in one
    language: ``lang en`` is ``all`` again)."""
    kept: dict[str, Any] = {}
    for name, mask in masks.items():
        rows = np.asarray(mask, dtype=bool)
        if not any(np.array_equal(rows, seen) for seen in kept.values()):
            kept[name] = rows
    return kept


def compile_rounds(pattern: str | None, option: str = "rounds") -> re.Pattern[str] | None:
    """The rounds ``option`` as a compiled pattern (None: no rounds), or one line saying it is
    not a regular expression (checked before any work, as ``compile_groups`` is)."""
    from wederhoor.io.options import pattern_option

    return pattern_option(pattern, option, "write the part of a doc_id to cut to give its "
                          f"round, e.g. '-\\d+$', or {option}=null for no table by round")


def round_masks(doc_ids: Any, pattern: str | None, option: str = "rounds") -> dict[str, Any]:
    """Boolean rows of each round: the documents written together, whose doc_ids are the same
    once ``pattern`` is cut out (``-\\d+$`` turns ``nl-rn-h-07`` into ``nl-rn-h``). A round
    by a new writer, scored alone, says whether rules transfer; the pooled score hides it."""
    cut = compile_rounds(pattern, option)
    if cut is None:
        return {}
    names = np.asarray([cut.sub("", str(d), count=1) for d in doc_ids], dtype=object)
    return {name: names == name for name in sorted(set(names.tolist()))}


def scores_by_group(reference: Any, predictions: Mapping[str, Any],
                    masks: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One row per non-empty group: its size and each model's macro-F1 on its rows."""
    from wederhoor.evaluation.metrics import evaluate_macro_f1

    reference = np.asarray(reference, dtype=object)
    rows = []
    for group, mask in masks.items():
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            continue
        row: dict[str, Any] = {"group": group, "sentences": int(mask.sum())}
        for model, predicted in predictions.items():
            row[model] = evaluate_macro_f1(reference[mask],
                                           np.asarray(predicted, dtype=object)[mask])
        rows.append(row)
    return rows


def format_by_group(rows: list[dict[str, Any]], models: list[str]) -> str:
    """A terminal table: groups down, models across, the best score of each row starred."""
    width = max([len("group"), *(len(r["group"]) for r in rows)])
    cols = [max(len(m), 6) for m in models]
    lines = [f"{'group':<{width}} {'sents':>6} "
             + " ".join(f"{m:>{c}}" for m, c in zip(models, cols, strict=True))]
    for row in rows:
        best = max(row[m] for m in models)
        cells = [f"{row[m]:.3f}{'*' if row[m] == best else ' '}" for m in models]
        lines.append(f"{row['group']:<{width}} {row['sentences']:>6} "
                     + " ".join(f"{cell:>{c + 1}}" for cell, c in zip(cells, cols, strict=True)))
    return "\n".join(lines)


def plot_by_group(rows: list[dict[str, Any]], models: list[str], path: Path,
                  title: str) -> Path:
    """One row per group, one marker per model: differences of a few points stay visible."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from wederhoor.evaluation.plots import save_png

    y = np.arange(len(rows))
    scores = [r[m] for r in rows for m in models]
    low = max(0.0, np.floor(min(scores) * 20) / 20 - 0.05)  # a 0.05 step below the lowest
    # constrained layout keeps the legend under the axis label, inside the picture, however
    # many rows and models there are (placed by hand it drifted off the page on long lists)
    fig, ax = plt.subplots(figsize=(8, 1.4 + 0.3 * len(rows)), dpi=120, layout="constrained")
    markers = "osD^vP*X"
    for k, model in enumerate(models):
        ax.plot([r[model] for r in rows], y, markers[k % len(markers)], label=model,
                markersize=7, alpha=0.85)
    ax.set_yticks(y, [f"{r['group']} ({r['sentences']})" for r in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)  # first group on top, no empty rows at either end
    ax.set_xlim(low, 1)
    ax.set_xlabel(f"macro-F1 (the scale starts at {low:.2f})")
    ax.set_title(title, fontsize=9)
    ax.grid(alpha=0.3)
    fig.legend(loc="outside lower center", ncol=min(len(models), 5), frameon=False,
               fontsize=8)
    return save_png(fig, path)
