"""``python -m wederhoor.split``: documents in, one row per sentence out."""

from __future__ import annotations

from omegaconf import DictConfig

from wederhoor.cli import hydra_app


@hydra_app("split")
def main(cfg: DictConfig) -> None:
    from wederhoor.pipeline.stage_output import write_sentences

    write_sentences(cfg)


if __name__ == "__main__":
    main()
