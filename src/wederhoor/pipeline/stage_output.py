"""What the split and label commands share: the engine's sentences from any input, written as
one table or, with ``stream=true``, left as its Parquet shards (constant memory)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from omegaconf import DictConfig

from wederhoor.cli import require


def write_sentences(cfg: DictConfig, label: bool = False) -> None:
    """Split ``cfg.input`` (and label it with ``cfg.labeler`` when ``label``) into
    ``cfg.output``; the output is checked first, before anything slow is loaded."""
    from wederhoor.errors import UserError
    from wederhoor.io.documents import input_path, read_meta
    from wederhoor.io.outputs import TABLE_SUFFIXES, check_output

    require(cfg, "input", "output")
    stream = bool(cfg.get("stream"))
    if stream and Path(cfg.output).suffix:
        raise UserError(f"stream=true writes Parquet shards into a folder: pass output=FOLDER "
                        f"(not {cfg.output})")
    input_path(cfg.input)  # a missing input is the first thing to say
    check_output(cfg.output, [cfg.input, cfg.meta], Path(cfg.paths.seeds), folder=stream,
                 suffixes=TABLE_SUFFIXES)
    if cfg.meta:
        read_meta(Path(cfg.meta), "meta")  # its mistakes named as this command's option
    _write(cfg, stream, label)


def _write(cfg: DictConfig, stream: bool, label: bool) -> None:
    from hydra.utils import instantiate

    from wederhoor.errors import info
    from wederhoor.evaluation.metrics import label_counts
    from wederhoor.io.outputs import write_table
    from wederhoor.pipeline.engine import run_into_folder, sentences
    from wederhoor.pipeline.sentences import SENTENCE_COLUMNS, segmenter_for

    labeler: Any = instantiate(cfg.labeler) if label else None
    segmenter = segmenter_for(cfg.input, instantiate(cfg.segmenter))
    if stream:
        manifest = run_into_folder(cfg.input, cfg.lang, cfg.meta, segmenter, labeler,
                                      Path(cfg.output), cfg.workers)
        info(f"{manifest['documents']} documents -> {manifest['rows']} sentences -> "
             f"{len(manifest['shards'])} Parquet shard(s) in {cfg.output}")
        return

    frame = sentences(cfg.input, cfg.lang, cfg.meta, segmenter, labeler, cfg.workers).to_pandas()
    frame = frame[[*SENTENCE_COLUMNS, *[c for c in frame.columns if c not in SENTENCE_COLUMNS]]]
    write_table(frame, cfg.output)
    summary = f"{frame['doc_id'].nunique()} documents -> {len(frame)} sentences"
    if labeler is not None:
        summary += " (" + ", ".join(f"{k} {v}" for k, v in
                                    label_counts(frame["label"]).items()) + ")"
    info(f"{summary} -> {cfg.output}")
