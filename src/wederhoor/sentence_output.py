"""What the split and label commands share: sentences from any input, written as a table or,
with ``stream=true``, as Parquet shards in constant memory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from omegaconf import DictConfig

from wederhoor.cli import require


def write_sentences(cfg: DictConfig, labeler: Any = None) -> None:
    """Split ``cfg.input`` (and label it when a labeler is given) into ``cfg.output``."""
    from hydra.utils import instantiate

    from wederhoor.errors import UserError, info
    from wederhoor.metrics import label_counts
    from wederhoor.outputs import refuse_protected, write_json, write_table
    from wederhoor.sentences import SENTENCE_COLUMNS, segmenter_for, split_documents

    require(cfg, "input", "output")
    refuse_protected(cfg.output, Path(cfg.paths.seeds))
    segmenter = segmenter_for(cfg.input, instantiate(cfg.segmenter))
    if cfg.get("stream"):
        from wederhoor.streaming import stream_corpus

        folder = Path(cfg.output)
        if folder.suffix:
            raise UserError(f"stream=true writes Parquet shards into a folder: pass output=FOLDER "
                            f"(not {cfg.output})")
        manifest = stream_corpus(cfg.input, cfg.lang, cfg.meta, segmenter, labeler, folder,
                                 cfg.workers)
        write_json(manifest, folder / "manifest.json")
        info(f"{manifest['documents']} documents -> {manifest['rows']} sentences -> "
             f"{len(manifest['shards'])} Parquet shard(s) in {folder}")
        return

    from wederhoor.documents import load_documents

    docs = load_documents(cfg.input, cfg.lang, cfg.meta)
    if labeler is not None:
        from wederhoor.labeling import split_label_documents

        sents = split_label_documents(docs, segmenter, labeler, cfg.workers)
    else:
        sents = split_documents(docs, segmenter, cfg.workers)
    frame = sents.to_pandas()
    frame = frame[[*SENTENCE_COLUMNS, *[c for c in frame.columns if c not in SENTENCE_COLUMNS]]]
    write_table(frame, cfg.output)
    summary = f"{frame['doc_id'].nunique()} documents -> {len(frame)} sentences"
    if labeler is not None:
        summary += " (" + ", ".join(f"{k} {v}" for k, v in
                                    label_counts(frame["label"]).items()) + ")"
    info(f"{summary} -> {cfg.output}")
