"""``python -m wederhoor.predict``: label new text with the model a training run saved."""

from __future__ import annotations

from pathlib import Path

from omegaconf import DictConfig

from wederhoor.cli import hydra_app, require


@hydra_app("predict", refused={"model": (
    "predict has no model= option: saved_model=NAME picks one of the run's saved models "
    "(best, the default; main = model.skops; or an also.NAME of the run)")})
def main(cfg: DictConfig) -> None:
    from wederhoor.io.outputs import check_output

    require(cfg, "run", "input", "output")
    check_output(cfg.output, [cfg.input], Path(cfg.paths.seeds))  # before anything slow loads
    _predict(cfg)


def _predict(cfg: DictConfig) -> None:
    from wederhoor.errors import info, warn
    from wederhoor.evaluation.metrics import label_counts
    from wederhoor.io.model_files import choose_model, describe, load_model, saved_models
    from wederhoor.io.outputs import write_table
    from wederhoor.io.run_folder import (
        build_segmenter,
        load_run_config,
        run_language,
        trained_languages,
    )
    from wederhoor.modeling.models import model_input
    from wederhoor.pipeline.engine import sentences
    from wederhoor.pipeline.sentences import segmenter_for

    run_dir = Path(cfg.run)
    saved = saved_models(run_dir)
    name = choose_model(saved, cfg.saved_model, run_dir.name)
    model = load_model(run_dir, name)
    trained = load_run_config(run_dir)
    trained_lang = run_language(run_dir, trained)
    segmenter = build_segmenter(run_dir, trained)
    sents = sentences(cfg.input, cfg.lang or trained_lang, None,
                      segmenter_for(cfg.input, segmenter), workers=cfg.workers)
    frame = sents.to_pandas()
    seen = trained_languages(run_dir, trained_lang)
    other = sorted(set(frame["lang"]) - seen) if len(frame) else []
    if other:
        warn(f"{run_dir.name} was trained on {'/'.join(sorted(seen))} text but {cfg.input} "
             f"holds {'/'.join(other)} text; its predictions there are unreliable")
    frame["predicted"] = model.predict(model_input(model, frame)) if len(frame) else []
    write_table(frame, cfg.output)
    counts = ", ".join(f"{k} {v}" for k, v in label_counts(frame["predicted"]).items())
    info(f"{len(frame)} sentences predicted with {describe(name, saved[name])} of run "
         f"{run_dir.name} ({counts}) -> {cfg.output}")
    if len(saved) > 1:
        info(f"the run saved {', '.join(saved)}; saved_model=NAME picks one (default: best)")


if __name__ == "__main__":
    main()
