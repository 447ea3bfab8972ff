"""``python -m wederhoor.score``: the rules and a run's models on sentences you labelled.

The run's own test figures are on the project's corpus; a researcher's news differs from it
(other outlets, other years, other kinds of stories). Labelling a few hundred of one's own
sentences and scoring every labeler on them says which to trust there, and by how much.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from omegaconf import DictConfig

from wederhoor.cli import hydra_app, require


@hydra_app("score", refused={"model": (
    "score has no model= option: it scores every model the run saved, next to the rules")})
def main(cfg: DictConfig) -> None:
    from wederhoor.evaluation.groups import compile_groups
    from wederhoor.io.options import shares, whole_number
    from wederhoor.io.outputs import TABLE_SUFFIXES, check_output

    require(cfg, "input", "gold")
    whole_number(cfg, "n_boot", 1, "n_boot=1000")
    shares(cfg, "coverage", "'coverage=[0.25,0.5]'")
    compile_groups(cfg.groups, "groups")  # a bad pattern is refused before anything slow runs
    if cfg.output:
        check_output(cfg.output, [cfg.input, cfg.gold], Path(cfg.paths.seeds),
                     suffixes=TABLE_SUFFIXES)
    if cfg.plot:
        check_output(cfg.plot, [cfg.input, cfg.gold, cfg.output], Path(cfg.paths.seeds),
                     kinds=".png", option="plot", suffixes=[".png"])
    if cfg.coverage_plot:
        check_output(cfg.coverage_plot, [cfg.input, cfg.gold, cfg.output, cfg.plot],
                     Path(cfg.paths.seeds), kinds=".png", option="coverage_plot",
                     suffixes=[".png"])
    _score(cfg)


def _score(cfg: DictConfig) -> None:
    from hydra.utils import instantiate

    from wederhoor.errors import UserError, info, warn
    from wederhoor.evaluation.answered import answered_rows, format_answered
    from wederhoor.evaluation.groups import distinct_masks, group_masks
    from wederhoor.evaluation.scorecard import format_scorecard, plot_scorecard, scorecard
    from wederhoor.io.gold import attach_gold
    from wederhoor.io.model_files import describe, load_model, resolve_run, run_record, saved_models
    from wederhoor.io.outputs import write_table
    from wederhoor.pipeline.run_input import run_input

    run_dir = resolve_run(cfg.run, cfg.runs_dir)
    saved = saved_models(run_dir)  # refuses a run whose train failed
    if run_record(run_dir) is None:
        warn(f"{run_dir.name} has no readable metrics.json (its train did not finish): its "
             "models are scored all the same")
    labeler = instantiate(cfg.labeler)
    frame = run_input(run_dir, cfg.input, cfg.lang, cfg.workers)
    frame = attach_gold(frame, cfg.gold, cfg.input)
    # every sentence is labelled, each document whole and in order as in a run (the rules'
    # context and the hybrid's read the sentences around each one), and only the sentences
    # with a gold label are scored
    columns: dict[str, list[str]] = {}
    columns["rules"], _ = labeler.label(frame["text"].tolist(), frame["lang"].tolist(),
                                        frame["doc_id"].tolist())
    confidence: dict[str, Any] = {}  # each model's probability for its label, where it has one
    for name in saved:
        info(f"predicting with {name} ...")
        try:
            columns[name], sure = _predict(load_model(run_dir, name), frame)
        except UserError as exc:  # an e5 model without the extra: score the others
            warn(f"{name} is left out: {exc}")
            continue
        if sure is not None:
            confidence[name] = sure
    scored = (frame["gold"] != "").to_numpy()
    frame = frame[scored].reset_index(drop=True)
    columns = {name: [lab for lab, keep in zip(labels, scored, strict=True) if keep]
               for name, labels in columns.items()}
    confidence = {name: sure[scored] for name, sure in confidence.items()}
    masks = distinct_masks({"all": [True] * len(frame)}
                           | group_masks(frame["doc_id"], frame["lang"], cfg.groups, "groups"))
    rows = scorecard(frame["doc_id"], frame["gold"], columns, masks, n_boot=cfg.n_boot,
                     seed=cfg.seed)
    print("models: " + "; ".join(describe(name, entry) for name, entry in saved.items()))
    print(f"{run_dir.name} on {cfg.input} (macro-F1, * = best; 95% interval from "
          f"{cfg.n_boot} draws of whole documents):")
    print(format_scorecard(rows))
    if cfg.plot:
        plot_scorecard(rows, Path(cfg.plot), f"{run_dir.name} on {Path(cfg.input).name}")
        info(f"macro-F1 with intervals, per group and labeler -> {cfg.plot}")
    print(format_answered(answered_rows(frame["doc_id"], frame["gold"], columns, masks)))
    _confidence(cfg, frame["gold"], columns, confidence, masks, rows, run_dir.name)
    if cfg.output:
        for name, labels in columns.items():
            frame[name] = labels
        for name, sure in confidence.items():
            frame[f"{name}_confidence"] = sure.round(4)
        write_table(frame[["doc_id", "sent_id", "lang", "text", "gold", *columns,
                           *(f"{name}_confidence" for name in confidence)]], cfg.output)
        info(f"one row per scored sentence -> {cfg.output}")


def _predict(model: Any, frame: Any) -> tuple[list[str], Any]:
    """A model's labels for ``frame`` and, when it gives probabilities, the probability of
    the label it gives each sentence (the most probable class, as ``predict`` writes it)."""
    from wederhoor.modeling.models import model_input, most_probable

    labels, proba = most_probable(model, model_input(model, frame))
    return labels, None if proba is None else proba.max(axis=1)


def _confidence(cfg: DictConfig, gold: Any, columns: dict[str, list[str]],
                confidence: dict[str, Any], masks: dict[str, Any],
                rows: list[dict[str, Any]], run_name: str) -> None:
    """The coverage table (and plot): each model on the share of sentences it is surest of."""
    from wederhoor.errors import info, warn
    from wederhoor.evaluation.confidence import (
        confidence_rows,
        format_confidence,
        plot_confidence,
    )

    if not (cfg.coverage or cfg.coverage_plot):
        return
    if not confidence:
        (warn if cfg.coverage_plot else info)(
            "no model of the run gives probabilities (tfidf_svm does not): no coverage "
            "table" + (f", and {cfg.coverage_plot} is not drawn" if cfg.coverage_plot else ""))
        return
    if cfg.coverage:
        print(format_confidence(confidence_rows(gold, columns, confidence, masks,
                                                list(cfg.coverage))))
    if cfg.coverage_plot:
        curve = confidence_rows(gold, columns, confidence, masks,
                                [k / 20 for k in range(1, 21)])
        rules = {r["group"]: r["macro_f1"] for r in rows if r["labeler"] == "rules"}
        plot_confidence(curve, Path(cfg.coverage_plot),
                        f"{run_name} on {Path(cfg.input).name}", rules)
        info(f"macro-F1 of the surest share of sentences, per model -> {cfg.coverage_plot}")


if __name__ == "__main__":
    main()
