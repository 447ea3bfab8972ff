"""``python -m wederhoor.split``: documents in, one row per sentence out."""

from __future__ import annotations

from pathlib import Path

from omegaconf import DictConfig

from wederhoor.cli import hydra_app, require


@hydra_app("split")
def main(cfg: DictConfig) -> None:
    from hydra.utils import instantiate

    from wederhoor.errors import info
    from wederhoor.outputs import refuse_protected, write_table
    from wederhoor.sentences import SENTENCE_COLUMNS, sentences_from_input

    require(cfg, "input", "output")
    refuse_protected(cfg.output, Path(cfg.paths.seeds))
    sents = sentences_from_input(cfg.input, cfg.lang, instantiate(cfg.segmenter), cfg.meta,
                                 cfg.workers)
    frame = sents.to_pandas()
    frame = frame[[*SENTENCE_COLUMNS, *[c for c in frame.columns if c not in SENTENCE_COLUMNS]]]
    write_table(frame, cfg.output)
    info(f"{frame['doc_id'].nunique()} documents -> {len(frame)} sentences -> {cfg.output}")


if __name__ == "__main__":
    main()
