"""``python -m wederhoor.sample``: which documents to label by hand, drawn at random.

``make estimate`` corrects a model's shares with documents labelled by hand, and its intervals
hold only if those documents are a random sample of the rest. Picking the articles that look
interesting, the first ones in a folder, or the ones a model is unsure of would bias the
share it reports. This command draws them with a seed and writes a sheet to label: the
sentences of every document, the drawn ones first and numbered, with an empty ``label``
column to fill in; ``make estimate`` then reads the sheet as it is.
"""

from __future__ import annotations

from pathlib import Path

from omegaconf import DictConfig

from wederhoor.cli import hydra_app, require


@hydra_app("sample")
def main(cfg: DictConfig) -> None:
    from wederhoor.io.options import whole_number
    from wederhoor.io.outputs import TABLE_SUFFIXES, check_output

    require(cfg, "input", "output")
    whole_number(cfg, "documents", 1, "documents=30")
    check_output(cfg.output, [cfg.input], Path(cfg.paths.seeds), suffixes=TABLE_SUFFIXES)
    _sample(cfg)


def _sample(cfg: DictConfig) -> None:
    import numpy as np
    import pandas as pd

    from wederhoor.errors import UserError, info, warn
    from wederhoor.io.gold import read_table, require_columns
    from wederhoor.io.outputs import write_table

    path = Path(cfg.input)
    table = read_table(path, "sentence table", "input", "point input= at a sentence table "
                       "(doc_id, sent_id, text), as split writes: run split on your documents "
                       "first")
    if "sent_id" not in table.columns:
        raise UserError(f"{path} has no sent_id column: it holds documents, not sentences; "
                        f"split it first (python -m wederhoor.split input={path} "
                        "output=sentences.csv) and sample that")
    require_columns(table, path, "sentence table", {"doc_id", "sent_id", "text"})
    docs = pd.unique(table["doc_id"])
    if not len(docs):
        raise UserError(f"{path} holds no sentences; split your documents into it first")
    wanted = int(cfg.documents)
    if wanted > len(docs):
        warn(f"{path} holds {len(docs)} documents, fewer than documents={wanted}: all of them "
             "are drawn")
    drawn = np.random.default_rng(cfg.seed).permutation(len(docs))[:wanted]
    order = {str(docs[k]): rank for rank, k in enumerate(drawn, 1)}
    labelled = "label" in table.columns and (table["label"].str.strip() != "").any()
    if "label" not in table.columns:
        table["label"] = ""
    table["sample"] = table["doc_id"].map(order).astype("Int64")
    first = np.argsort(table["sample"].fillna(len(docs) + 1).to_numpy(), kind="stable")
    write_table(table.iloc[first].reset_index(drop=True), cfg.output)
    sentences = int(table["sample"].notna().sum())
    info(f"{len(order)} of {len(docs)} documents drawn at random (seed {cfg.seed}), "
         f"{sentences} sentences -> {cfg.output}: fill in label (accusation, denial or "
         "neutral) for every sentence of the documents numbered in 'sample', in that order, "
         f"then make estimate IN={cfg.output}")
    if labelled:
        info(f"{path} already has labels; they are kept")


if __name__ == "__main__":
    main()
