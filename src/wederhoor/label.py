"""``python -m wederhoor.label``: sentences in (or documents, split first), stance labels out."""

from __future__ import annotations

from omegaconf import DictConfig

from wederhoor.cli import hydra_app


@hydra_app("label")
def main(cfg: DictConfig) -> None:
    from wederhoor.pipeline.stage_output import write_sentences

    write_sentences(cfg, label=True)


if __name__ == "__main__":
    main()
