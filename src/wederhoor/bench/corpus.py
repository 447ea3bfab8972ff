"""Build benchmark corpora of a requested size from the seed documents, offline and repeatably.

The benchmark needs corpora of 10k to 10M sentences with the seed corpus's mix of languages,
lengths and hard cases. Resampling the seed documents with a fixed seed gives that; swapping
names and redrawing digits keeps the copies from being byte-identical, so vocabulary and
fingerprints behave like a real corpus rather than one document repeated. Documents are
written in Parquet row groups, so a 10M-sentence corpus never sits in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROW_GROUP_DOCS = 2000


@dataclass
class SeedDoc:
    doc_id: str
    text: str
    lang: str
    date: str
    split: str
    sentences: int


def seed_documents(seeds: Path) -> list[SeedDoc]:
    """The seed documents with their metadata and sentence counts (default segmenter)."""
    import pandas as pd

    from wederhoor.io.documents import load_documents
    from wederhoor.pipeline.segmenters import SyntokSegmenter

    docs = load_documents(str(seeds / "docs"), "nl", str(seeds / "corpus.csv"))
    meta = pd.read_csv(seeds / "corpus.csv", dtype=str, keep_default_na=False)
    split_of = dict(zip(meta["doc_id"], meta["split"], strict=True))
    seg = SyntokSegmenter()
    return [SeedDoc(r["doc_id"], r["text"], r["lang"], r["date"], split_of.get(r["doc_id"], "dev"),
                    len(seg.split(r["text"], r["lang"]))) for r in docs]


class Varier:
    """Swap listed names within their list and redraw digits, one mapping per document."""

    def __init__(self, names: dict[str, list[str]]) -> None:
        self.pools = [list(map(str, pool)) for pool in names.values() if pool]
        self.pool_of = {name: i for i, pool in enumerate(self.pools) for name in pool}
        words = sorted(self.pool_of, key=len, reverse=True)
        self.names = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b") if words \
            else None
        self.digits = re.compile(r"\d+")

    def vary(self, text: str, rng: np.random.Generator) -> str:
        if self.names is not None:
            mapping: dict[str, str] = {}

            def swap(m: re.Match[str]) -> str:
                word = m.group()
                if word not in mapping:
                    pool = self.pools[self.pool_of[word]]
                    mapping[word] = pool[int(rng.integers(len(pool)))]
                return mapping[word]

            text = self.names.sub(swap, text)
        draws = rng.integers(0, 10, size=256).tolist()
        pos = [0]

        def redraw(m: re.Match[str]) -> str:
            digits = m.group()
            out = []
            for _ in digits:
                out.append(str(draws[pos[0] % len(draws)]))
                pos[0] += 1
            if len(digits) > 1 and out[0] == "0":
                out[0] = "1"  # keep the number's length: no leading zero
            return "".join(out)

        return self.digits.sub(redraw, text)


def build_corpus(sentences: int, folder: Path, seeds: Path, names: dict[str, Any],
                 seed: int = 42) -> dict[str, Any]:
    """Write ``docs.parquet`` and ``meta.csv`` (doc_id, split) holding about ``sentences``.

    Reuses a corpus already built with the same size and seed. Returns its description.
    """
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    done = folder / "corpus.json"
    if done.is_file():
        return json.loads(done.read_text(encoding="utf-8"))
    docs = seed_documents(seeds)
    rng = np.random.default_rng(seed)
    varier = Varier({k: list(v) for k, v in names.items()})
    schema = pa.schema([("doc_id", pa.string()), ("text", pa.string()), ("lang", pa.string()),
                        ("date", pa.string())])
    tmp = folder / "docs.parquet.tmp"
    total = n_docs = 0
    with pq.ParquetWriter(tmp, schema) as writer, \
            (folder / "meta.csv.tmp").open("w", encoding="utf-8") as meta:
        meta.write("doc_id,split\n")
        while total < sentences:
            cols: dict[str, list[str]] = {"doc_id": [], "text": [], "lang": [], "date": []}
            for pick in rng.integers(len(docs), size=ROW_GROUP_DOCS).tolist():
                if total >= sentences:
                    break
                doc = docs[pick]
                n_docs += 1
                doc_id = f"{doc.doc_id}~{n_docs}"
                cols["doc_id"].append(doc_id)
                cols["text"].append(varier.vary(doc.text, rng))
                cols["lang"].append(doc.lang)
                cols["date"].append(doc.date)
                meta.write(f"{doc_id},{doc.split}\n")
                total += doc.sentences
            writer.write_table(pa.table(cols, schema=schema))
    tmp.replace(folder / "docs.parquet")
    (folder / "meta.csv.tmp").replace(folder / "meta.csv")
    info = {"requested_sentences": sentences, "approx_sentences": total, "documents": n_docs,
            "seed": seed, "bytes": (folder / "docs.parquet").stat().st_size,
            "input": str(folder / "docs.parquet"), "meta": str(folder / "meta.csv")}
    done.write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info
