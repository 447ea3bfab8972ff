"""One measured benchmark stage, run in a fresh process by ``wederhoor.bench``.

Each stage runs alone in its own interpreter so that its peak memory (sampled by the parent
over the whole process tree, worker processes included) is its own, not left over from an
earlier stage. Prints one JSON line: the timed seconds and the sentences processed.
``python -m wederhoor.bench.stage '{"stage": "split", ...}'``
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_PLAIN_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def _texts(input: str, limit: int | None) -> list[str]:
    import pyarrow.parquet as pq

    column = pq.read_table(input, columns=["text"]).column("text")
    if limit is not None:
        column = column.slice(0, limit)
    return column.to_pylist()


@contextmanager
def _timed(out: dict[str, Any], key: str = "seconds") -> Iterator[None]:
    """Put the block's wall-clock seconds in ``out[key]``: one timer for every stage."""
    start = time.perf_counter()
    yield
    out[key] = time.perf_counter() - start


def _engine(input: str, workers: int, out: dict[str, Any], folder: str, segmenter: Any,
            labeler: Any) -> None:
    """One timed engine run into ``folder``; records sentences and processes used."""
    from pathlib import Path

    from wederhoor.pipeline.cache import path_size
    from wederhoor.pipeline.engine import run_engine
    from wederhoor.pipeline.sentences import BYTES_PER_SENTENCE
    from wederhoor.pipeline.workers import worker_count

    out["processes"] = worker_count(workers, path_size(input) // BYTES_PER_SENTENCE)
    with _timed(out):
        manifest = run_engine(input, "nl", None, segmenter, labeler, Path(folder), workers)
    out["sentences"] = manifest["rows"]


def _sentence_table(folder: str, target: str) -> None:
    """The split shards as one sentence table (the input a ``label`` run on split text has)."""
    import pyarrow.parquet as pq

    pq.write_table(pq.read_table(folder), target)


def long_sentence(seeds: str, chars: int) -> str:
    """One run-on "sentence" of ``chars`` characters: the Dutch seed documents, their
    whitespace collapsed to single spaces, joined and repeated (a page that a segmenter
    failed to split, or a table with no full stops, reaches the labeler like this)."""
    import csv
    from pathlib import Path

    root = Path(seeds)
    with (root / "corpus.csv").open(encoding="utf-8", newline="") as handle:
        dutch = sorted(row["doc_id"] for row in csv.DictReader(handle) if row["lang"] == "nl")
    text = " ".join(" ".join((root / "docs" / f"{doc}.txt").read_text(encoding="utf-8").split())
                    for doc in dutch)
    if not text:
        raise SystemExit(f"no Dutch seed documents in {root}")
    return (text * (chars // len(text) + 1))[:chars]


def seed_sentences(seeds: str, n: int) -> list[str]:
    """The first ``n`` distinct gold sentences of the seed corpus (Dutch and English)."""
    import csv
    from pathlib import Path

    with (Path(seeds) / "gold.csv").open(encoding="utf-8", newline="") as handle:
        texts = list(dict.fromkeys(row["text"] for row in csv.DictReader(handle)))
    return texts[:n]


def embed(args: dict[str, Any]) -> dict[str, Any]:
    """Sentence embeddings: sentences/s into an empty cache (the encoder's speed), then read
    back by a new transformer from that cache (what every later run pays)."""
    import tempfile

    from wederhoor.modeling.embeddings import SentenceEmbeddings

    texts = seed_sentences(args["seeds"], int(args["sentences"]))
    out: dict[str, Any] = {"sentences": len(texts), "pid": os.getpid()}
    with tempfile.TemporaryDirectory(dir=args["cache_parent"]) as cache:
        cold = SentenceEmbeddings(encoder=args["encoder"], cache_dir=cache).fit(texts[:1])
        with _timed(out):  # the model was loaded by fit, outside the timed block
            cold.transform(texts)
        warm = SentenceEmbeddings(encoder=args["encoder"], cache_dir=cache).fit(texts[:1])
        with _timed(out, "cached_seconds"):
            warm.transform(texts)
    out["model_id"] = cold.model_id_
    out["cached_sentences_per_second"] = len(texts) / max(out["cached_seconds"], 1e-9)
    return out


def run(args: dict[str, Any]) -> dict[str, Any]:
    """Run one stage; only the stage's own work is inside the timed block."""
    stage = args["stage"]
    out: dict[str, Any] = {}
    if stage == "embed":  # the optional e5 model; needs no datasets either
        return embed(args)
    if stage == "long_sentence":  # needs no datasets: spares the stage its import
        from wederhoor.labelers.rules import RuleLabeler

        text = long_sentence(args["seeds"], int(args["chars"]))
        labeler = RuleLabeler()
        labeler.label_one(text[:200], "nl")  # compile outside the timed block
        with _timed(out):
            label, fired = labeler.label_one(text, "nl")
        out.update({"sentences": 1, "chars": len(text), "label": label, "fired": len(fired),
                    "max_chars": labeler.max_chars, "pid": os.getpid()})
        return out
    workers = args.get("workers", 0)
    if stage == "split":  # the engine, split only; also leaves the sentence table
        from wederhoor.pipeline.segmenters import SyntokSegmenter

        _engine(args["input"], workers, out, args["out"], SyntokSegmenter(), None)
        _sentence_table(args["out"], args["sentences"])
    elif stage == "label":  # the engine on a sentence table: the labelling half alone
        from wederhoor.labelers.rules import RuleLabeler
        from wederhoor.pipeline.segmenters import NoSegmenter

        _engine(args["sentences"], workers, out, args["out"], NoSegmenter(), RuleLabeler())
    elif stage in ("split_label", "stream"):  # the engine, both halves in one pass
        from wederhoor.labelers.rules import RuleLabeler
        from wederhoor.pipeline.segmenters import SyntokSegmenter

        _engine(args["input"], workers, out, args["out"], SyntokSegmenter(), RuleLabeler())
    elif stage == "ref_regex":
        texts = _texts(args["input"], args.get("docs"))
        with _timed(out):
            n = sum(1 for text in texts for piece in _PLAIN_SPLIT.split(text) if piece.strip())
        out["sentences"] = n
    elif stage == "ref_syntok":
        from syntok.segmenter import process

        texts = _texts(args["input"], args.get("docs"))
        with _timed(out):
            n = sum(1 for text in texts for paragraph in process(text) for _ in paragraph)
        out["sentences"] = n
    elif stage == "ref_rules":
        import pyarrow.parquet as pq

        from wederhoor.labelers.rules import RuleLabeler

        sents = pq.read_table(args["sentences"], columns=["text", "lang"])
        limit = min(len(sents), args.get("limit") or len(sents))
        texts = sents.column("text").slice(0, limit).to_pylist()
        langs = sents.column("lang").slice(0, limit).to_pylist()
        labeler = RuleLabeler()
        labeler.label(texts[:10], langs[:10])  # compile outside the timed block
        with _timed(out):
            labeler.label(texts, langs)
        out["sentences"] = len(texts)
    elif stage == "ref_tfidf":
        import numpy as np
        import pandas as pd
        import pyarrow.parquet as pq
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        meta = pd.read_csv(args["meta"], dtype=str, keep_default_na=False)
        dev = set(meta.loc[meta["split"] == "dev", "doc_id"])
        table = pq.read_table(args["labelled"], columns=["doc_id", "text", "label"]).to_pandas()
        train = table[table["doc_id"].isin(dev)]
        texts = train["text"].to_numpy(dtype=object)
        labels = train["label"].to_numpy(dtype=object)
        model = make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
            LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced", random_state=42))
        with _timed(out):
            model.fit(texts, labels)
        out["sentences"] = int(len(texts))
        out["train_accuracy"] = float(np.mean(model.predict(texts[:10000]) == labels[:10000]))
    else:
        raise SystemExit(f"unknown stage {stage}")
    out["pid"] = os.getpid()
    return out


if __name__ == "__main__":
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    result = run(json.loads(sys.argv[1]))
    sys.stdout.write(json.dumps(result) + "\n")
