"""``python -m wederhoor.label``: sentences in (or documents, split first), stance labels out."""

from __future__ import annotations

from pathlib import Path

from omegaconf import DictConfig

from wederhoor.cli import hydra_app, require


@hydra_app("label")
def main(cfg: DictConfig) -> None:
    from hydra.utils import instantiate

    from wederhoor.errors import info
    from wederhoor.labeling import label_sentences
    from wederhoor.metrics import label_counts
    from wederhoor.outputs import refuse_protected, write_table
    from wederhoor.sentences import sentences_from_input

    require(cfg, "input", "output")
    refuse_protected(cfg.output, Path(cfg.paths.seeds))
    sents = sentences_from_input(cfg.input, cfg.lang, instantiate(cfg.segmenter), cfg.meta,
                                 cfg.workers)
    frame = label_sentences(sents, instantiate(cfg.labeler), cfg.workers).to_pandas()
    write_table(frame, cfg.output)
    counts = ", ".join(f"{k} {v}" for k, v in label_counts(frame["label"]).items())
    info(f"{len(frame)} sentences labelled ({counts}) -> {cfg.output}")


if __name__ == "__main__":
    main()
