"""``python -m wederhoor.learning_curve``: would more documents of one kind help the models?

Trains each configured model on gold of the training documents with a growing share of the
documents matching ``subsample`` (the real-news-style ones by default), scores every draw
per group of test documents, and writes the curves into the run folder (learning_curve.csv,
learning_curve_summary.csv, learning_curve.png). See ``evaluation/learning_curve.py``.
"""

from __future__ import annotations

from pathlib import Path

from omegaconf import DictConfig

from wederhoor.cli import hydra_app


def check_options(cfg: DictConfig) -> None:
    """Every option that needs neither the corpus nor a fit, before any work."""
    from wederhoor.errors import UserError
    from wederhoor.evaluation.learning_curve import check_fractions, compile_subsample
    from wederhoor.io.language import check_lang_option
    from wederhoor.io.options import check_split_options, whole_number
    from wederhoor.train_options import check_patterns

    check_fractions(cfg.fractions)
    whole_number(cfg, "repeats", minimum=1, example="repeats=3")
    compile_subsample(cfg.subsample)
    check_lang_option(cfg.lang)
    check_patterns(cfg)
    if not cfg.models:
        raise UserError("models is empty: keep at least one of the models listed in "
                        "conf/learning_curve.yaml (~models.NAME drops one)")
    check_split_options(cfg, ("train_split", "test_split"), "a learning curve")


def before_run(argv: list[str], cfg: DictConfig | None) -> None:
    """Bad options are refused before Hydra makes the run folder."""
    if cfg is not None:
        check_options(cfg)


@hydra_app("learning_curve", before=before_run)
def main(cfg: DictConfig) -> None:
    from hydra.core.hydra_config import HydraConfig

    from wederhoor.io.new_run import discard_failed_run, kept_names

    hydra_cfg = HydraConfig.get()
    run_dir = Path(hydra_cfg.runtime.output_dir)
    kept = kept_names(run_dir, f"{hydra_cfg.job.name}.log")
    try:
        draw_curves(cfg, run_dir)
    except (Exception, KeyboardInterrupt):
        discard_failed_run(run_dir, kept)  # no half-finished curve folder is left behind
        raise


def draw_curves(cfg: DictConfig, run_dir: Path) -> None:
    """Build every config group once, split and label the corpus, fit the draws, write."""
    import numpy as np
    import pandas as pd

    from wederhoor.errors import UserError
    from wederhoor.evaluation.groups import group_masks, scores_by_group
    from wederhoor.evaluation.learning_curve import (
        check_fractions,
        compile_subsample,
        curve_points,
        draws,
        format_curves,
        plot_curves,
        summarise,
    )
    from wederhoor.experiment import Timer, build_corpus
    from wederhoor.io.outputs import write_csv
    from wederhoor.modeling.fitting import row_weights
    from wederhoor.modeling.models import check_model, model_input
    from wederhoor.progress import bar
    from wederhoor.train_options import build_node

    check_options(cfg)
    segmenter = build_node(cfg.segmenter, "segmenter", "conf/segmenter/")
    labeler = build_node(cfg.labeler, "labeler", "conf/labeler/")
    models = {str(name): build_node(node, f"models.{name}", "conf/model/")
              for name, node in cfg.models.items()}
    for name, model in models.items():
        check_model(model, f"models.{name}")

    corpus = build_corpus(cfg, segmenter, labeler, Timer())
    if not corpus.has_gold:
        raise UserError("a learning curve trains and scores on gold labels: set data.gold=PATH")
    work = corpus.frame[corpus.frame["gold"] != ""].reset_index(drop=True)
    split = work["split"].to_numpy(dtype=object)
    train_rows = np.flatnonzero(split == cfg.train_split)
    test_rows = np.flatnonzero(split == cfg.test_split)
    if not len(train_rows) or not len(test_rows):
        empty = cfg.train_split if not len(train_rows) else cfg.test_split
        raise UserError(f"no gold sentence in the {empty} documents; check train_split and "
                        "test_split against the split column of data.meta")
    y = work["gold"].to_numpy(dtype=object)
    weights = row_weights(cfg.get("train_weights") or {}, work["doc_id"])
    tested = work.iloc[test_rows]
    masks = {"all": np.ones(len(test_rows), dtype=bool),
             **group_masks(tested["doc_id"].to_numpy(dtype=object),
                           tested["lang"].to_numpy(dtype=object), cfg.data.get("groups"))}
    rules = {r["group"]: r["rules"] for r in
             scores_by_group(y[test_rows], {"rules": tested["silver"].to_numpy(dtype=object)},
                             masks)}
    inputs = {name: model_input(model, work) for name, model in models.items()}
    plan = draws(check_fractions(cfg.fractions), int(cfg.repeats))
    with bar(len(plan) * len(models), "learning curve", unit="fits", show=True) as progress:
        points = curve_points(models, inputs, y, weights, work["doc_id"].tolist(), train_rows,
                              test_rows, masks, compile_subsample(cfg.subsample), plan,
                              int(cfg.seed), progress)
    table = pd.DataFrame(points)
    summary = summarise(table, rules)
    write_csv(table, run_dir / "learning_curve.csv")
    write_csv(summary, run_dir / "learning_curve_summary.csv")
    drawn_from = (f"the {cfg.train_split} documents matching {cfg.subsample!r} (the others "
                  "always kept)" if cfg.subsample else f"all {cfg.train_split} documents")
    plot_curves(summary, run_dir / "learning_curve.png",
                f"macro-F1 on the {cfg.test_split} documents, by the training sentences drawn "
                f"from {drawn_from}")
    print(format_curves(summary))
    print(f"\nwritten: {run_dir}/learning_curve.csv, learning_curve_summary.csv, "
          "learning_curve.png")


if __name__ == "__main__":
    main()
