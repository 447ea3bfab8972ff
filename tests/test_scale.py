"""Scale: the engine's output does not depend on batches or workers, the stage cache is
reused and invalidated, out-of-core model, cluster launcher config."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from tests.clitools import seed_sample
from tests.conftest import SEEDS
from wederhoor.experiment import Timer, build_components, labelled_sentences, run_experiment
from wederhoor.labelers.rules import RuleLabeler
from wederhoor.pipeline.engine import load_frame, load_shards, run_engine, shard_paths
from wederhoor.pipeline.segmenters import SyntokSegmenter


def _engine(input: str, meta: str | None, labeler: RuleLabeler, folder: Path, workers: int,
            batch_docs: int = 2000) -> pd.DataFrame:
    manifest = run_engine(input, "nl", meta, SyntokSegmenter(), labeler, folder,
                          workers, batch_docs=batch_docs)
    return load_shards(shard_paths(folder, manifest)).to_pandas()


# make test: one worker on 300 documents spread over the corpus; make test-slow and CI: two
# workers on the whole corpus (about 13 s with one worker as it stood at 1,936 documents)
@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_sharded_run_equals_one_batch(tmp_path: Path, workers: int) -> None:
    docs, corpus = (SEEDS / "docs", SEEDS / "corpus.csv") if workers > 1 \
        else seed_sample(tmp_path / "corpus", documents=300)
    input, meta = str(docs), str(corpus)
    labeler = RuleLabeler()  # one instance: the lexicons cannot change between the two runs
    whole = _engine(input, meta, labeler, tmp_path / "whole", 1)
    sharded = _engine(input, meta, labeler, tmp_path / "shards", workers, batch_docs=9)
    assert len(list((tmp_path / "shards").glob("part-*.parquet"))) > 1  # really sharded
    assert len(whole) > 500 and set(whole["label"]) == {"accusation", "denial", "neutral"}
    pd.testing.assert_frame_equal(whole, sharded)
    # the experiment reads the shards with pyarrow alone: the same frame as through datasets
    pd.testing.assert_frame_equal(load_frame(sorted((tmp_path / "shards").glob("part-*"))),
                                  sharded)


def test_a_sentence_table_keeps_its_ids_across_shards(tmp_path: Path) -> None:
    rows = [("d1", 10, "Hij ontkent alles."), ("d2", 1, "Het OM vervolgt hem."),
            ("d1", 20, "Zij beschuldigt hem van fraude."), ("d1", 30, "Het regent."),
            ("d2", 2, "Hij zwijgt."), ("", 1, "   ")]
    path = tmp_path / "sentences.csv"
    # a sentence table: doc_id repeats by design, and its sent_id values are kept
    pd.DataFrame(rows, columns=["doc_id", "sent_id", "text"]).to_csv(path, index=False)
    from wederhoor.pipeline.segmenters import NoSegmenter

    labeler = RuleLabeler()
    frames = []
    for name, batch_docs in (("one", 2000), ("small", 2)):
        manifest = run_engine(str(path), "nl", None, NoSegmenter(), labeler, tmp_path / name,
                              1, batch_docs=batch_docs)
        frames.append(load_shards(shard_paths(tmp_path / name, manifest)).to_pandas())
    pd.testing.assert_frame_equal(*frames)
    one = frames[0]
    assert one["doc_id"].tolist() == ["d1", "d1", "d1", "d2", "d2"]
    assert one["sent_id"].tolist() == [10, 20, 30, 1, 2]
    assert one[one["doc_id"] == "d1"]["label"].tolist()[:2] == ["denial", "accusation"]


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("De burgemeester ontkent dat hij fraude pleegde. "
                                  "De oppositie beschuldigt hem van machtsmisbruik.\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Het parket vervolgt de directeur voor oplichting.\n"
                                  "Het proces begint in maart.\n", encoding="utf-8")
    return folder


def test_cached_stage_is_reused_and_invalidated(cfg_factory, tmp_path: Path, capsys) -> None:
    folder = _corpus(tmp_path)
    base = [f"data.input={folder}", "data.gold=null", "data.meta=null"]

    def run(*overrides: str) -> tuple[pd.DataFrame, str]:
        cfg = cfg_factory("train", [*base, *overrides])
        parts = build_components(cfg)
        labelled = labelled_sentences(cfg, parts.segmenter, parts.labeler, Timer())
        return labelled.frame, capsys.readouterr().err

    first, err = run()
    assert "reusing" not in err
    assert list((tmp_path / "cache").glob("shards-*/manifest.json"))
    again, err = run()
    assert "reusing cached split/label from" in err and str(tmp_path / "cache") in err
    pd.testing.assert_frame_equal(first, again)

    # another labeler config: computed again, then reused
    gold = tmp_path / "gold.csv"
    gold.write_text("doc_id,text,label\na,De burgemeester ontkent dat hij fraude pleegde.,"
                    "denial\n", encoding="utf-8")
    labelled, err = run("labeler=gold", f"labeler.path={gold}")
    assert "reusing" not in err
    assert labelled["label"].tolist()[0] == "denial"
    _, err = run("labeler=gold", f"labeler.path={gold}")
    assert "reusing cached split/label" in err
    # a file the labeler config names changes (same path): computed again
    gold.write_text(gold.read_text(encoding="utf-8").replace(",denial", ",accusation"),
                    encoding="utf-8")
    labelled, err = run("labeler=gold", f"labeler.path={gold}")
    assert "reusing" not in err
    assert labelled["label"].tolist()[0] == "accusation"

    # another segmenter config: nothing is reused
    lines, err = run("segmenter=lines")
    assert "reusing" not in err and len(lines) == 3

    # the input changes: nothing is reused, and the new text is there
    (folder / "b.txt").write_text("Het parket vervolgt de directeur niet.\n", encoding="utf-8")
    changed, err = run()
    assert "reusing" not in err
    assert "Het parket vervolgt de directeur niet." in changed["text"].tolist()

    # cache=false neither reads nor writes (nor leaves its scratch shards behind)
    entries = sorted(p.name for p in (tmp_path / "cache").iterdir())
    uncached, err = run("cache=false")
    assert "reusing" not in err
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == entries
    pd.testing.assert_frame_equal(uncached, changed)


@pytest.mark.slow  # make test: the engine identity tests cover the parts
def test_experiment_is_the_same_cached_uncached_and_on_two_workers(cfg_factory,
                                                                  tmp_path: Path) -> None:
    out = {}
    for name, extra in (("cached", ["workers=1"]), ("uncached", ["cache=false", "workers=2"])):
        cfg = cfg_factory("train", ["experiment=default", "model=nb", *extra])
        run_dir = tmp_path / f"run-{name}"
        run_dir.mkdir()
        out[name] = run_experiment(cfg, run_dir, "nb")
    assert out["cached"]["metrics"] == out["uncached"]["metrics"]
    assert out["cached"]["data_fingerprint"] == out["uncached"]["data_fingerprint"]
    assert (tmp_path / "run-cached" / "predictions.csv").read_text() == \
        (tmp_path / "run-uncached" / "predictions.csv").read_text()


def test_hashing_sgd_fits_in_batches_and_saves_with_skops(cfg_factory, tmp_path: Path,
                                                          monkeypatch) -> None:
    from hydra.utils import instantiate
    from sklearn.linear_model import SGDClassifier

    from wederhoor.io.model_files import load_model, save_model
    from wederhoor.modeling.incremental import IncrementalPipeline

    cfg = cfg_factory("train", ["model=hashing_sgd", "model.batch_size=5", "model.epochs=2"])
    model = instantiate(cfg.model)
    assert isinstance(model, IncrementalPipeline)
    calls = []
    original = SGDClassifier.partial_fit

    def spy(self, X, y, **kw):  # noqa: ANN001, ANN202, N803
        calls.append(X.shape[0])
        return original(self, X, y, **kw)

    monkeypatch.setattr(SGDClassifier, "partial_fit", spy)
    texts = ["hij ontkent alles", "zij beschuldigt hem van fraude", "het regent vandaag"] * 6
    labels = ["denial", "accusation", "neutral"] * 6
    model.fit(texts, labels)
    assert calls and max(calls) <= 5 and sum(calls) == 2 * len(texts)
    assert (model.predict(texts) == labels).mean() > 0.9
    save_model(model, tmp_path)
    loaded = load_model(tmp_path)
    assert list(loaded.predict(texts)) == list(model.predict(texts))


@pytest.mark.slow  # a whole experiment (about 4 s); make test-slow and CI run it
def test_hashing_sgd_runs_the_experiment(cfg_factory, tmp_path: Path, stage_cache: Path
                                        ) -> None:
    cfg = cfg_factory("train", ["model=hashing_sgd", "cv=holdout", f"cache_dir={stage_cache}"])
    record = run_experiment(cfg, tmp_path, "hashing_sgd")
    assert record["status"] == "ok" and 0.3 < record["metrics"]["macro_f1"] <= 1.0
    saved = json.loads((tmp_path / "metrics.json").read_text())
    assert saved["model"] == "hashing_sgd"


def test_slurm_launcher_config_composes(cfg_factory) -> None:
    cfg = cfg_factory("train", ["hydra/launcher=slurm", "hydra.launcher.partition=cpu"])
    launcher = cfg.hydra.launcher
    assert launcher._target_.endswith("submitit_launcher.SlurmLauncher")
    assert launcher.partition == "cpu" and launcher.cpus_per_task >= 1
    assert launcher.mem_gb >= 4
