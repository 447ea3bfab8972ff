"""Scale: streaming equals in-memory, the stage cache is reused and invalidated, out-of-core
model, cluster launcher config."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import SEEDS
from wederhoor.experiment import Timer, labelled_sentences, run_experiment
from wederhoor.io.documents import load_documents
from wederhoor.labelers.rules import RuleLabeler
from wederhoor.pipeline.labeling import label_sentences
from wederhoor.pipeline.segmenters import SyntokSegmenter
from wederhoor.pipeline.sentences import split_documents
from wederhoor.pipeline.streaming import load_shards, shard_paths, stream_corpus


def _in_memory(input: str, meta: str | None, labeler: RuleLabeler) -> pd.DataFrame:
    docs = load_documents(input, "nl", meta)
    sents = label_sentences(split_documents(docs, SyntokSegmenter(), 1), labeler, 1)
    return sents.to_pandas()


def _streamed(input: str, meta: str | None, labeler: RuleLabeler, folder: Path, workers: int,
              batch_docs: int) -> pd.DataFrame:
    manifest = stream_corpus(input, "nl", meta, SyntokSegmenter(), labeler, folder,
                             workers, batch_docs=batch_docs)
    assert len(manifest["shards"]) > 1  # really sharded
    return load_shards(shard_paths(folder, manifest)).to_pandas()


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert sorted(a.columns) == sorted(b.columns)
    pd.testing.assert_frame_equal(a[sorted(a.columns)], b[sorted(a.columns)],
                                  check_dtype=False)


@pytest.mark.parametrize("workers", [1, 2])
def test_streaming_and_in_memory_give_identical_sentences_and_labels(tmp_path: Path,
                                                                    workers: int) -> None:
    input, meta = str(SEEDS / "docs"), str(SEEDS / "corpus.csv")
    labeler = RuleLabeler()  # one instance: the lexicons cannot change between the two runs
    memory = _in_memory(input, meta, labeler)
    streamed = _streamed(input, meta, labeler, tmp_path / "shards", workers, batch_docs=9)
    assert len(memory) > 500 and set(memory["label"]) == {"accusation", "denial", "neutral"}
    _same(memory, streamed)


def test_streaming_renumbers_a_sentence_table_across_shards(tmp_path: Path) -> None:
    rows = [("d1", "Hij ontkent alles."), ("d2", "Het OM vervolgt hem."),
            ("d1", "Zij beschuldigt hem van fraude."), ("d1", "Het regent."),
            ("d2", "Hij zwijgt."), ("", "   ")]
    path = tmp_path / "sentences.csv"
    table = pd.DataFrame(rows, columns=["doc_id", "text"])
    table["sent_id"] = 0  # a sentence table: doc_id repeats by design (the values are redone)
    table.to_csv(path, index=False)
    labeler = RuleLabeler()
    memory = _in_memory(str(path), None, labeler)
    streamed = _streamed(str(path), None, labeler, tmp_path / "shards", 1, batch_docs=2)
    _same(memory, streamed)
    assert memory[memory["doc_id"] == "d1"]["sent_id"].tolist() == [1, 2, 3]


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
        labelled = labelled_sentences(cfg_factory("train", [*base, *overrides]), Timer())
        return labelled.sentences.to_pandas(), capsys.readouterr().err

    first, err = run()
    assert "reusing" not in err
    assert list((tmp_path / "cache").glob("label-*/manifest.json"))
    again, err = run()
    assert "reusing cached split/label from" in err and str(tmp_path / "cache") in err
    pd.testing.assert_frame_equal(first, again)

    # another labeler config: the split is reused, the labels are recomputed
    gold = tmp_path / "gold.csv"
    gold.write_text("doc_id,text,label\na,De burgemeester ontkent dat hij fraude pleegde.,"
                    "denial\n", encoding="utf-8")
    labelled, err = run("labeler=gold", f"labeler.path={gold}")
    assert "reusing cached split from" in err and "split/label" not in err
    assert labelled["label"].tolist()[0] == "denial"
    # a file the labeler config names changes (same path): labels again, split still reused
    _, err = run("labeler=gold", f"labeler.path={gold}")
    assert "reusing cached split/label" in err
    gold.write_text(gold.read_text(encoding="utf-8").replace(",denial", ",accusation"),
                    encoding="utf-8")
    labelled, err = run("labeler=gold", f"labeler.path={gold}")
    assert "reusing cached split from" in err and "split/label" not in err
    assert labelled["label"].tolist()[0] == "accusation"

    # another segmenter config: nothing is reused
    lines, err = run("segmenter=lines")
    assert "reusing" not in err and len(lines) == 3

    # the input changes: nothing is reused, and the new text is there
    (folder / "b.txt").write_text("Het parket vervolgt de directeur niet.\n", encoding="utf-8")
    changed, err = run()
    assert "reusing" not in err
    assert "Het parket vervolgt de directeur niet." in changed["text"].tolist()

    # cache=false neither reads nor writes
    _, err = run("cache=false")
    assert "reusing" not in err


@pytest.mark.slow  # make test: the split+label identity tests cover the streamed path
def test_stream_experiment_matches_in_memory_experiment(cfg_factory, tmp_path: Path,
                                                        capsys) -> None:
    out = {}
    for mode in ("false", "true"):
        cfg = cfg_factory("train", ["experiment=default", "model=nb", f"stream={mode}",
                                    "workers=1"])
        run_dir = tmp_path / f"run-{mode}"
        run_dir.mkdir()
        out[mode] = run_experiment(cfg, run_dir, "tfidf_logreg")
        assert list((tmp_path / "cache").glob("shards-*" if mode == "true" else "label-*"))
    assert out["true"]["metrics"] == out["false"]["metrics"]
    assert out["true"]["data_fingerprint"] == out["false"]["data_fingerprint"]
    assert (tmp_path / "run-true" / "predictions.csv").read_text() == \
        (tmp_path / "run-false" / "predictions.csv").read_text()


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


def test_hashing_sgd_runs_the_experiment(cfg_factory, tmp_path: Path) -> None:
    cfg = cfg_factory("train", ["model=hashing_sgd", "cv=holdout"])
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
