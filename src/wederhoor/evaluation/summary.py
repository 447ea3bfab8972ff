"""The short results table a run prints at the end."""

from __future__ import annotations

from typing import Any

from wederhoor import LABELS


def _row(name: str, m: dict[str, Any], spread: dict[str, Any] | None = None,
         width: int = 28) -> str:
    f1 = f"{m['macro_f1']:.3f}"
    if spread and spread["macro_f1"].get("n", 2) > 1:
        f1 += f" ±{spread['macro_f1']['std']:.3f}"
    per = " ".join(f"{m['per_class'][lab]['f1']:>6.3f}" for lab in LABELS)
    kappa = m["kappa"]
    kappa_s = f"{kappa:6.3f}" if kappa == kappa else "   n/a"
    return f"{name:<{width}} {f1:>13} {m['accuracy']:>6.3f} {kappa_s} {per}"


def format_results(record: dict[str, Any], run_dir: str) -> str:
    """Macro-F1 (with fold spread), accuracy, kappa and per-class F1 per trained model."""
    counts = record["counts"]
    also = record.get("also") or {}
    # the columns stay aligned under a long model name (stacking_tfidf_logreg on gold)
    width = max([28, *(len(f"{name} on {extra['train_labels']}") for name, extra in also.items())])
    head = (f"{'':<{width}} {'macro-F1':>13} {'acc':>6} {'kappa':>6} "
            + " ".join(f"{lab[:6]:>6}" for lab in LABELS))
    lines = [
        f"{record['model']} | {counts['documents']} documents, {counts['sentences']} sentences, "
        f"{counts['evaluated_sentences']} scored against {record['eval_against'].upper()} "
        f"in {record['n_folds']} fold(s)",
        head,
        _row(f"trained on {record['train_labels']}", record["metrics"], record["fold_summary"],
             width),
    ]
    ref = record.get("reference")
    if ref:
        lines.append(_row(f"trained on {ref['train_labels']}", ref["metrics"],
                          ref["fold_summary"], width))
    for name, extra in also.items():
        lines.append(_row(f"{name} on {extra['train_labels']}", extra["metrics"],
                          extra["fold_summary"], width))
    if record.get("labeler_vs_gold"):
        lines.append(_row("rule labeler itself", record["labeler_vs_gold"], width=width))
    groups = record.get("by_group") or []
    if len(groups) > 1:
        from wederhoor.evaluation.groups import format_by_group

        models = [k for k in groups[0] if k not in ("group", "sentences")]
        lines.append("macro-F1 by group (* = best; by_group.csv, by_group.png):")
        lines.append(format_by_group(groups, models))
    for note in record.get("notes", []):
        lines.append(f"note: {note}")
    saved = record.get("saved_models") or {}
    if len(saved) > 1:
        from wederhoor.io.model_files import best_model

        lines.append(f"saved models: {', '.join(saved)}; predict uses {best_model(saved)} "
                     "(the best) unless told saved_model=NAME")
    lines.append(f"run folder: {run_dir}")
    return "\n".join(lines)
