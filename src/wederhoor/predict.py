"""``python -m wederhoor.predict``: label new text with the model a training run saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from omegaconf import DictConfig

from wederhoor.cli import hydra_app, require


@hydra_app("predict", refused={"model": (
    "predict has no model= option: saved_model=NAME picks one of the run's saved models "
    "(best, the default; main = model.skops; or an also.NAME of the run)")})
def main(cfg: DictConfig) -> None:
    from wederhoor.io.options import flag
    from wederhoor.io.outputs import TABLE_SUFFIXES, check_output

    require(cfg, "input", "output")
    flag(cfg, "probabilities")
    check_output(cfg.output, [cfg.input], Path(cfg.paths.seeds),  # before anything slow loads
                 suffixes=TABLE_SUFFIXES)
    if cfg.documents:
        check_output(cfg.documents, [cfg.input, cfg.output], Path(cfg.paths.seeds),
                     option="documents", suffixes=TABLE_SUFFIXES)
    _predict(cfg)


def unscored_run(run_dir: Path, file: str, asked: bool) -> str:
    """The warning for a run without a readable metrics.json: which model is used, and why."""
    why = "as asked" if asked else ("as the run's main model: with no scores there is no best "
                                    "to pick")
    return (f"{run_dir.name} has no readable metrics.json (its train was stopped before it "
            f"finished, or the file was changed): using {file} {why}; an unfinished run's "
            "models may be unreliable")


def add_predictions(frame: Any, model: Any, X: Any, probabilities: bool, name: str) -> None:
    """``predicted``, and with ``probabilities`` its probability (``confidence``) and one
    ``p_<label>`` column per class: a researcher keeps the labels above a cut and reads the
    rest (``make score``'s coverage table says where to cut on their own labelled news).
    The label is the most probable class, so the two never disagree."""
    import numpy as np

    from wederhoor.errors import info
    from wederhoor.modeling.models import most_probable

    has_proba = hasattr(model, "predict_proba")
    if probabilities and not has_proba:
        info(f"{name} gives no probabilities: only the predicted label is written "
             "(probabilities=false skips this line)")
    wanted = probabilities and has_proba
    classes = [str(c) for c in model.classes_] if wanted else []
    labels, proba = (most_probable(model, X, wanted) if X is not None
                     else ([], np.zeros((0, len(classes))) if wanted else None))
    frame["predicted"] = labels
    if proba is None:
        return
    frame["confidence"] = proba.max(axis=1).round(4) if len(proba) else []
    for k, label in enumerate(classes):
        frame[f"p_{label}"] = proba[:, k].round(4)


def _predict(cfg: DictConfig) -> None:
    from wederhoor.errors import info, warn
    from wederhoor.evaluation.documents import answered_line, document_table
    from wederhoor.evaluation.metrics import label_counts
    from wederhoor.io.model_files import (
        BEST,
        chosen_model,
        describe,
        load_model,
        model_file,
        run_record,
    )
    from wederhoor.io.outputs import write_table
    from wederhoor.modeling.models import model_input
    from wederhoor.pipeline.run_input import run_input

    run_dir, saved, name = chosen_model(cfg.run, cfg.runs_dir, cfg.saved_model)
    model = load_model(run_dir, name)
    frame = run_input(run_dir, cfg.input, cfg.lang, cfg.workers)  # refuses a bad run config
    if run_record(run_dir) is None:
        warn(unscored_run(run_dir, model_file(name), str(cfg.saved_model) != BEST))
    used = describe(name, saved[name])
    add_predictions(frame, model, model_input(model, frame) if len(frame) else None,
                    cfg.probabilities, used)
    write_table(frame, cfg.output)
    counts = ", ".join(f"{k} {v}" for k, v in label_counts(frame["predicted"]).items())
    info(f"{len(frame)} sentences predicted with {used} of run "
         f"{run_dir.name} ({counts}) -> {cfg.output}")
    documents = document_table(frame)
    info(answered_line(documents))
    if cfg.documents:
        write_table(documents, cfg.documents)
        info(f"one row per document -> {cfg.documents}")
    if len(saved) > 1:
        info(f"the run saved {', '.join(saved)}; saved_model=NAME picks one (default: best)")


if __name__ == "__main__":
    main()
