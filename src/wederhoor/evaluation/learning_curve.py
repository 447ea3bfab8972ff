"""Learning curves: would more training documents of one kind make the models better?

The project's gap is real news, and there are two remedies: better rules, or more
real-news-style documents to train on. A learning curve weighs the second. Each model is
trained on the training documents with a growing share of those of one kind (a doc_id
pattern; the other documents are always kept), scored per group of test documents, and
repeated with other draws of documents. A curve still rising at the full share says that
more such documents would still help; a flat one says they would not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from wederhoor.errors import UserError


def check_fractions(fractions: Any) -> list[float]:
    """The ``fractions`` option as sorted shares in (0, 1], or one line saying what to write."""
    def share(value: Any) -> float | None:
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
        return number if not isinstance(value, bool) and 0 < number <= 1 else None

    listed = isinstance(fractions, Iterable) and not isinstance(fractions, (str, bytes))
    values = [share(f) for f in fractions] if listed else []
    if not values or None in values:
        raise UserError(f"fractions={fractions!r}: give shares of the documents above 0 and at "
                        "most 1, e.g. 'fractions=[0.25,0.5,1.0]'")
    return sorted({v for v in values if v is not None})


def compile_subsample(pattern: str | None) -> re.Pattern[str] | None:
    """The ``subsample`` option (a regular expression searched in doc_ids; None: every
    training document is drawn from) compiled, or one line saying it is not one."""
    from wederhoor.io.options import pattern_option

    return pattern_option(pattern, "subsample", "write a pattern searched in doc_ids, e.g. "
                          "'-rnh?-', or subsample=null to draw from every training document")


def draws(fractions: Sequence[float], repeats: int) -> list[tuple[float, int]]:
    """(share, repeat) of every training set: ``repeats`` draws of each share below 1, and
    one of the whole (every draw of it is the same set)."""
    return [(f, r) for f in fractions for r in range(1 if f >= 1 else repeats)]


def drawn_rows(doc_ids: Sequence[str], train_rows: np.ndarray, subsample: re.Pattern[str] | None,
               fraction: float, seed: int) -> np.ndarray:
    """The training rows of one draw: every row of a training document ``subsample`` does not
    match, and the rows of a seeded ``fraction`` of the documents it matches (at least one),
    whole documents only (a document's sentences are not independent)."""
    docs = np.asarray(doc_ids, dtype=object)[train_rows]
    names = list(dict.fromkeys(docs.tolist()))  # first-seen order: the draw is reproducible
    drawn = [d for d in names if subsample is None or subsample.search(str(d))]
    if not drawn:
        raise UserError(f"subsample={subsample.pattern if subsample else None!r} matches no "
                        "training document; check the pattern against the doc_ids of the "
                        "training split")
    k = max(1, round(fraction * len(drawn)))
    rng = np.random.default_rng(seed)
    kept = set(np.asarray(drawn, dtype=object)[rng.permutation(len(drawn))[:k]].tolist())
    kept |= set(names) - set(drawn)
    return train_rows[np.fromiter((d in kept for d in docs), dtype=bool, count=len(docs))]


def curve_points(models: Mapping[str, Any], inputs: Mapping[str, Any], y: np.ndarray,
                 weights: np.ndarray | None, doc_ids: Sequence[str], train_rows: np.ndarray,
                 test_rows: np.ndarray, masks: Mapping[str, Any],
                 subsample: re.Pattern[str] | None, plan: Sequence[tuple[float, int]],
                 seed: int, progress: Any) -> list[dict[str, Any]]:
    """One row per draw, model and group: every model fitted on the draw's training rows
    (``inputs``: each model's input, ``models.model_input``) and scored on ``test_rows``
    per group (``masks`` over the test rows). A fit scikit-learn refuses is one line naming
    the model (``models.NAME``)."""
    from wederhoor.evaluation.groups import scores_by_group
    from wederhoor.modeling.fitting import fit_clone
    from wederhoor.modeling.models import fit_error, take

    names = np.asarray(doc_ids, dtype=object)
    points: list[dict[str, Any]] = []
    for fraction, repeat in plan:
        rows = drawn_rows(doc_ids, train_rows, subsample, fraction, seed + repeat)
        drawn = sum(1 for d in names[rows] if subsample is None or subsample.search(str(d)))
        for name, model in models.items():
            try:
                fitted, _ = fit_clone(model, take(inputs[name], rows), y[rows],
                                      None if weights is None else weights[rows])
            except Exception as exc:  # noqa: BLE001 - fit_error keeps all but sklearn's own
                error = fit_error(model, f"models.{name}", exc)
                if error is exc:
                    raise
                raise error from None
            predicted = fitted.predict(take(inputs[name], test_rows))
            for row in scores_by_group(y[test_rows], {"macro_f1": predicted}, masks):
                points.append({"model": name, "fraction": fraction, "repeat": repeat,
                               "drawn_sentences": drawn, "train_sentences": len(rows), **row})
            progress.update(1)
    return points


def summarise(points: Any, rules: Mapping[str, float]) -> Any:
    """Mean, standard deviation and number of draws of each (model, group, share), with the
    rule labeler's score of the group (``rules``: group -> macro-F1) beside it."""
    grouped = points.groupby(["model", "group", "fraction"], sort=False)
    summary = grouped.agg(macro_f1=("macro_f1", "mean"), sd=("macro_f1", "std"),
                          draws=("macro_f1", "size"),
                          drawn_sentences=("drawn_sentences", "mean"),
                          train_sentences=("train_sentences", "mean")).reset_index()
    summary["sd"] = summary["sd"].fillna(0.0)
    summary["rules"] = summary["group"].map(lambda g: rules.get(g, float("nan")))
    # models and groups in the order the draws gave them (all, languages, data.groups),
    # shares rising
    first_seen = {col: {v: i for i, v in enumerate(dict.fromkeys(points[col]))}
                  for col in ("model", "group")}
    return summary.sort_values(["model", "group", "fraction"], key=lambda col: (
        col.map(first_seen[col.name]) if col.name in first_seen else col))


def format_curves(summary: Any) -> str:
    """A terminal table per model: groups down, shares across (mean macro-F1), rules last."""
    fractions = sorted(summary["fraction"].unique())
    groups = list(dict.fromkeys(summary["group"]))
    rules = dict(zip(summary["group"], summary["rules"], strict=True))
    width = max(len("group"), *(len(g) for g in groups))
    head = f"{'group':<{width}} " + " ".join(f"{f:>7.0%}" for f in fractions) + "    rules"
    blocks = []
    for model, part in summary.groupby("model", sort=False):
        lines = [f"{model} (mean macro-F1 over the draws; share of the drawn documents)", head]
        for group in groups:
            cells = part[part["group"] == group].set_index("fraction")["macro_f1"]
            lines.append(f"{group:<{width}} "
                         + " ".join(f"{cells.get(f, float('nan')):>7.3f}" for f in fractions)
                         + f"  {rules.get(group, float('nan')):>7.3f}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def plot_curves(summary: Any, path: Path, title: str) -> Path:
    """One panel per group: macro-F1 against the drawn documents' sentences, a line and a
    band of one standard deviation per model, the rule labeler as a dashed line."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from wederhoor.evaluation.plots import save_png

    groups = list(dict.fromkeys(summary["group"]))
    cols = min(4, len(groups))
    rows = -(-len(groups) // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(3.4 * cols, 2.8 * rows + 0.6), dpi=110,
                             squeeze=False, sharex=True)
    for ax, group in zip(axes.flat, groups, strict=False):
        part = summary[summary["group"] == group]
        for model, line in part.groupby("model", sort=False):
            x, y, sd = line["drawn_sentences"], line["macro_f1"], line["sd"]
            ax.plot(x, y, "o-", label=str(model), markersize=4)
            ax.fill_between(x, y - sd, y + sd, alpha=0.2)
        rules = part["rules"].iloc[0]
        if rules == rules:  # not NaN
            ax.axhline(rules, color="grey", linestyle="--", linewidth=1, label="rules")
        ax.set_title(group, fontsize=9)
        ax.grid(alpha=0.3)
        ax.tick_params(labelsize=8)
    for ax in list(axes.flat)[len(groups):]:
        ax.axis("off")
    for ax in axes[-1]:
        ax.set_xlabel("training sentences drawn", fontsize=8)
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=len(labels), frameon=False, fontsize=8)
    fig.suptitle(title, fontsize=10)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    return save_png(fig, path)
