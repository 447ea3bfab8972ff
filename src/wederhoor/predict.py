"""``python -m wederhoor.predict``: label new text with the model a training run saved."""

from __future__ import annotations

from pathlib import Path

from omegaconf import DictConfig

from wederhoor.cli import CONF_DIR, hydra_app, require


def run_config(run_dir: Path) -> DictConfig:
    """The composed config a training run saved, so prediction splits text the same way."""
    from omegaconf import OmegaConf

    from wederhoor.errors import UserError

    path = run_dir / ".hydra" / "config.yaml"
    if not path.is_file():
        raise UserError(f"{run_dir} has no .hydra/config.yaml; pass model= a training run folder")
    return OmegaConf.load(path)


@hydra_app("predict", CONF_DIR / "predict_app")
def main(cfg: DictConfig) -> None:
    from hydra.utils import instantiate

    from wederhoor.errors import info
    from wederhoor.metrics import label_counts
    from wederhoor.model_io import load_model
    from wederhoor.outputs import refuse_protected, write_table
    from wederhoor.sentences import sentences_from_input

    require(cfg, "model", "input", "output")
    run_dir = Path(cfg.model)
    refuse_protected(cfg.output, Path(cfg.paths.seeds))
    model = load_model(run_dir)
    trained = run_config(run_dir)
    lang = cfg.lang or trained.get("lang", "nl")
    sents = sentences_from_input(cfg.input, lang, instantiate(trained.segmenter), None,
                                 cfg.workers)
    frame = sents.to_pandas()
    frame["predicted"] = model.predict(frame["text"].to_numpy(dtype=object)) if len(frame) else []
    write_table(frame, cfg.output)
    counts = ", ".join(f"{k} {v}" for k, v in label_counts(frame["predicted"]).items())
    info(f"{len(frame)} sentences predicted with {run_dir.name} ({counts}) -> {cfg.output}")


if __name__ == "__main__":
    main()
