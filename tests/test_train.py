"""The full experiment: run folder, metrics, silver/gold handling, predict, reproducibility."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.clitools import SEEDS, assert_one_line_error, run_in_process, small_seeds
from wederhoor.experiment import run_experiment


def _train(cfg_factory, tmp_path: Path, *overrides: str, cache: Path | None = None
           ) -> tuple[dict, Path]:
    """Run an experiment in-process; ``cache``: a stage cache shared with other tests."""
    cfg = cfg_factory("train", [*overrides, *([f"cache_dir={cache}"] if cache else [])])
    run_dir = tmp_path / f"run-{len(list(tmp_path.glob('run-*')))}"
    run_dir.mkdir()
    return run_experiment(cfg, run_dir, "test-model"), run_dir


# make test: a copy of 48 seed documents (every split and language); the whole corpus (about
# 16 s as it stood at 1,936 documents) in make test-slow and CI
@pytest.mark.parametrize("corpus", ["copy", pytest.param("seeds", marks=pytest.mark.slow)])
def test_run_folder_holds_every_artifact(cfg_factory, tmp_path: Path, stage_cache: Path,
                                         corpus: str) -> None:
    # any model: artifacts; one fold (cv=corpus); k folds are checked on small data
    # (test_also_models_are_refit_on_all_rows_after_k_folds)
    data = small_seeds(tmp_path / "corpus", per_split=24) if corpus == "copy" else []
    docs = Path(data[0].split("=", 1)[1]) if data else SEEDS / "docs"
    record, run_dir = _train(cfg_factory, tmp_path, *data, "model=nb", "cv=corpus",
                             cache=stage_cache)
    for name in ("metrics.json", "predictions.csv", "model.skops", "confusion_matrix.png"):
        assert (run_dir / name).is_file(), name
    saved = json.loads((run_dir / "metrics.json").read_text())
    assert saved["status"] == "ok" and saved["eval_against"] == "gold"
    assert saved["counts"]["documents"] == len(list(docs.glob("*.txt")))
    for key in ("macro_f1", "accuracy", "kappa", "per_class", "confusion_matrix"):
        assert key in saved["metrics"]
    assert set(saved["fold_summary"]["macro_f1"]) == {"mean", "std", "n"}
    assert {"train", "predict"} <= set(saved["seconds"])
    assert {"split+label", "load_shards"} & set(saved["seconds"])  # computed, or from the cache
    assert saved["versions"]["scikit-learn"] and "commit" in saved["git"]
    assert len(saved["data_fingerprint"]) == 24
    preds = pd.read_csv(run_dir / "predictions.csv", keep_default_na=False)
    assert {"doc_id", "sent_id", "text", "gold", "silver", "predicted", "fold"} <= set(preds)
    # pooled metrics are recomputable from predictions.csv
    scored = preds[preds["fold"] >= 0]
    assert len(scored) == saved["counts"]["evaluated_sentences"]
    assert (scored["predicted"] != "").all()
    assert (scored["gold"] == scored["predicted"]).mean() == pytest.approx(
        saved["metrics"]["accuracy"])
    # the reference model trained on gold is reported too
    assert saved["reference"]["train_labels"] == "gold"
    assert "predicted_gold_trained" in preds


@pytest.mark.slow  # the whole corpus in 3 folds (about 9 s); GroupKFoldSplitter's own tests
# (test_splits_metrics_models.py) check the same on small data in make test
def test_documents_never_straddle_folds(cfg_factory, tmp_path: Path, stage_cache: Path) -> None:
    _, run_dir = _train(cfg_factory, tmp_path, "cv.k=3", "model=nb", cache=stage_cache)
    preds = pd.read_csv(run_dir / "predictions.csv", keep_default_na=False)
    scored = preds[preds["fold"] >= 0]
    assert (scored.groupby("doc_id")["fold"].nunique() == 1).all()
    assert sorted(scored["fold"].unique()) == [0, 1, 2]


@pytest.mark.slow  # make test: test_train_cli_and_predict reruns a run and compares it whole
def test_same_seed_same_results(cfg_factory, tmp_path: Path) -> None:
    a, dir_a = _train(cfg_factory, tmp_path, "seed=7")
    b, dir_b = _train(cfg_factory, tmp_path, "seed=7")
    assert a["metrics"] == b["metrics"]
    assert (dir_a / "predictions.csv").read_text() == (dir_b / "predictions.csv").read_text()


def test_no_gold_falls_back_to_silver_and_says_so(cfg_factory, tmp_path: Path, capsys) -> None:
    data = small_seeds(tmp_path / "corpus")
    record, _ = _train(cfg_factory, tmp_path, *data, "data.gold=null", "model=nb")
    assert record["eval_against"] == "silver" and record["reference"] is None
    assert "evaluating against the labeler's silver labels" in capsys.readouterr().err


def test_train_on_gold_without_gold_is_refused(cfg_factory, tmp_path: Path) -> None:
    from wederhoor.errors import UserError

    data = small_seeds(tmp_path / "corpus")
    with pytest.raises(UserError, match="no gold labels"):
        _train(cfg_factory, tmp_path, *data, "data.gold=null", "train_labels=gold")


def test_gold_file_that_matches_no_sentence_is_refused(cfg_factory, tmp_path: Path,
                                                       nl_docs: Path) -> None:
    """Not a quiet fall-back to silver: the file names other documents, or other sentences
    of these documents (as ``agreement other=`` says of a second annotation)."""
    from wederhoor.errors import UserError

    gold = tmp_path / "gold.csv"
    corpus = ("data=custom", f"data.input={nl_docs}", f"data.gold={gold}", "model=nb",
              "cache=false", "workers=1")
    for rows, why in (("zz,Niets.,neutral\n", "none of its doc_ids is a document there"),
                      ("a,Een zin die er niet staat.,neutral\nb,Ook niet.,denial\n",
                       "its sentences of the 2 document(s) both hold differ")):
        gold.write_text(f"doc_id,text,label\n{rows}", encoding="utf-8")
        with pytest.raises(UserError) as caught:
            _train(cfg_factory, tmp_path, *corpus)
        message = str(caught.value)
        assert message.startswith(f"data.gold={gold}: none of its ") and why in message
        assert "data.gold=null" in message


def test_a_fit_refused_at_corpus_size_names_the_model_option(cfg_factory, tmp_path: Path,
                                                             nl_docs: Path) -> None:
    """min_df above the corpus passes the six-sentence check (any corpus that small would
    fail it) and is refused by the real fit: one line naming the option, no traceback."""
    from wederhoor.errors import UserError

    with pytest.raises(UserError, match=r"^model: scikit-learn refused to fit it: .*min_df"):
        _train(cfg_factory, tmp_path, "data=custom", f"data.input={nl_docs}", "data.gold=null",
               "model.vectorizer.min_df=1000", "cache=false", "workers=1")


def test_train_and_predict_commands_run_end_to_end(tmp_path: Path) -> None:
    """The two commands as a user types them (the fuller walk-through, with the rerun, is
    slow): a run saves its main model and its also-model, predict picks one by name."""
    from wederhoor.io.model_files import load_model

    data = small_seeds(tmp_path / "corpus", per_split=4)
    done = run_in_process("train", f"paths.experiments={tmp_path}", "model=majority", "cv=holdout",
                          "+model@also.nb=nb", *data)
    assert done.returncode == 0, done.stderr
    run_dir = Path(done.stdout.strip().splitlines()[-1].split("run folder: ", 1)[1])
    record = json.loads((run_dir / "metrics.json").read_text())
    assert record["counts"]["documents"] == 8
    assert {k: v["file"] for k, v in record["saved_models"].items()} == {
        "main": "model.skops", "nb": "model-nb.skops"}
    assert (run_dir / "model.skops").is_file() and (run_dir / "model-nb.skops").is_file()
    text = tmp_path / "new.txt"
    text.write_text("Het OM vervolgt de directeur voor fraude. De directeur ontkent alles.\n"
                    "Hij noemt de beschuldigingen onzin.\n", encoding="utf-8")
    # the default is the best-scoring saved model; the other one is picked by name
    scores = {k: v["macro_f1"] for k, v in record["saved_models"].items()}
    best, other = sorted(scores, key=lambda k: (scores[k], k == "main"), reverse=True)
    for choice, used in (("best", best), (other, other)):
        out = tmp_path / f"pred-{choice}.csv"
        done = run_in_process("predict", f"run={run_dir}", f"input={text}", f"output={out}",
                              *([] if choice == "best" else [f"saved_model={choice}"]))
        assert done.returncode == 0, done.stderr
        assert f"predicted with {used} (" in done.stderr and run_dir.name in done.stderr
        frame = pd.read_csv(out, keep_default_na=False)
        model = load_model(run_dir, used)
        assert list(frame["predicted"]) == list(model.predict(frame["text"]))
        # with each label's probability, the predicted label being the most probable
        columns = [f"p_{label}" for label in model.classes_]
        assert list(frame.columns[-len(columns):]) == columns
        assert np.allclose(frame[columns].sum(axis=1), 1, atol=1e-3)
        assert list(frame[columns].idxmax(axis=1).str[2:]) == list(frame["predicted"])
        assert np.allclose(frame[columns], model.predict_proba(frame["text"]), atol=1e-4)
        assert np.allclose(frame["confidence"], frame[columns].max(axis=1), atol=1e-4)
    docs = tmp_path / "documents.csv"
    done = run_in_process("predict", f"run={run_dir}", f"input={text}", f"output={out}",
                          "probabilities=false", f"documents={docs}")
    assert done.returncode == 0, done.stderr
    assert not any(c.startswith("p_") or c == "confidence" for c in pd.read_csv(out).columns)
    # one row per document, its counts those of the sentence file, and its line on stderr
    sentences, table = pd.read_csv(out), pd.read_csv(docs)
    assert table["sentences"].sum() == len(sentences) and len(table) == 1
    assert table.loc[0, "accusation"] == (sentences["predicted"] == "accusation").sum()
    assert "1 document(s): " in done.stderr and f"-> {docs}" in done.stderr
    # and they are the two configured models: a constant predictor and naive Bayes
    assert {name: type(load_model(run_dir, name).named_steps["classifier"]).__name__
            for name in scores} == {"main": "DummyClassifier", "nb": "ComplementNB"}
    assert_one_line_error(run_in_process("predict", f"run={run_dir}", f"input={text}",
                                         f"output={out}",
                                         "saved_model=hybrid"), "saved_model=hybrid", "main, nb")
    assert_one_line_error(run_in_process("predict", f"run={run_dir}", f"input={text}",
                                         f"output={out}",
                                         "model=nb"), "saved_model=NAME")


@pytest.mark.slow  # four commands end to end (about 25 s): make test-slow and CI run it;
# make test runs the two commands once in test_train_and_predict_commands_run_end_to_end
def test_train_cli_and_predict(tmp_path: Path) -> None:
    data = small_seeds(tmp_path / "corpus")
    done = run_in_process("train", f"paths.experiments={tmp_path}", "model=nb", "name=cli", *data)
    assert done.returncode == 0, done.stderr
    assert "macro-F1" in done.stdout and "run folder:" in done.stdout
    run_dir = Path(done.stdout.strip().splitlines()[-1].split("run folder: ", 1)[1])
    assert run_dir.parent == tmp_path / "runs" and run_dir.name.endswith("-cli")
    assert (run_dir / ".hydra" / "overrides.yaml").is_file()
    record = json.loads((run_dir / "metrics.json").read_text())
    assert record["command"] == f"python -m wederhoor.train paths.experiments={tmp_path} " \
        "model=nb name=cli " + " ".join(data)
    assert record["counts"]["documents"] == 24

    # the recorded rerun command repeats the run exactly from its saved config
    rerun_args = record["rerun_command"].split()[3:]
    again = run_in_process("train", *rerun_args)
    assert again.returncode == 0, again.stderr
    rerun_dir = tmp_path / "runs" / f"rerun-of-{run_dir.name}"
    assert json.loads((rerun_dir / "metrics.json").read_text())["metrics"] == record["metrics"]
    assert (rerun_dir / "predictions.csv").read_text() == \
        (run_dir / "predictions.csv").read_text()
    # the second time the recipe is refused up front: the first rerun stays as it was
    written = {p: p.read_bytes() for p in rerun_dir.rglob("*") if p.is_file()}
    assert_one_line_error(run_in_process("train", *rerun_args), "already holds a run",
                          f"hydra.run.dir={rerun_dir}-2")
    assert {p: p.read_bytes() for p in rerun_dir.rglob("*") if p.is_file()} == written

    text = tmp_path / "new.txt"
    text.write_text("De directeur ontkent alle beschuldigingen. Het OM vervolgt hem voor "
                    "fraude.\n", encoding="utf-8")
    out = tmp_path / "pred.csv"
    done = run_in_process("predict", f"run={run_dir}", f"input={text}", f"output={out}")
    assert done.returncode == 0, done.stderr
    frame = pd.read_csv(out, keep_default_na=False)
    assert len(frame) == 2 and set(frame["predicted"]) <= {"accusation", "denial", "neutral"}

    # the run's lang is the default, auto: predict detects each new document's language
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    (mixed / "nl.txt").write_bytes(text.read_bytes())
    (mixed / "en.txt").write_text("The director denies every accusation.\n", encoding="utf-8")
    done = run_in_process("predict", f"run={run_dir}", f"input={mixed}", f"output={out}")
    assert done.returncode == 0, done.stderr
    frame = pd.read_csv(out, keep_default_na=False)
    assert dict(zip(frame["doc_id"], frame["lang"], strict=False)) == {"en": "en", "nl": "nl"}
    assert_one_line_error(run_in_process("predict", f"run={run_dir}", f"input={mixed}",
                                         f"output={out}",
                                         "lang=fr"), "lang='fr'")

    assert_one_line_error(run_in_process("predict", f"run={tmp_path}/nope", f"input={text}",
                                         f"output={out}"), "run folder not found")
    kept = (run_dir / "predictions.csv").read_bytes()  # a run's own file is never replaced
    assert_one_line_error(run_in_process("predict", f"run={run_dir}", f"input={text}",
                                         f"output={run_dir / 'predictions.csv'}"), "run folder")
    assert (run_dir / "predictions.csv").read_bytes() == kept


def test_unknown_model_is_one_line() -> None:
    done = run_in_process("train", "model=bert")
    assert_one_line_error(done, "model=bert", "choose one of", "tfidf_logreg")
    assert "Config search path" not in done.stderr  # Hydra's own listing is left out


@pytest.mark.slow  # two whole training runs at once (about 8 s); make test-slow and CI run it
def test_runs_started_together_get_their_own_folders(tmp_path: Path) -> None:
    import subprocess
    import sys

    args = [sys.executable, "-m", "wederhoor.train", f"paths.experiments={tmp_path}",
            "model=majority", "name=twin", *small_seeds(tmp_path / "corpus")]
    procs = [subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for _ in range(2)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    folders = sorted((tmp_path / "runs").glob("*-twin"))
    assert len(folders) == 2
    assert all((f / "metrics.json").is_file() for f in folders)


def test_also_models_are_scored_on_the_same_folds(cfg_factory, tmp_path: Path,
                                                  monkeypatch) -> None:
    from sklearn.metrics import f1_score

    from wederhoor.evaluation.summary import format_results
    from wederhoor.io.model_files import load_model
    from wederhoor.modeling import fitting, stacking
    from wederhoor.modeling.models import model_input

    fits: list[int] = []
    fit_clone = fitting.fit_clone
    monkeypatch.setattr(fitting, "fit_clone", lambda *a, **k: fits.append(1) or fit_clone(*a, **k))
    # the run's fits are counted, not the stacking's fits of its base models on inner folds
    monkeypatch.setattr(stacking, "fit_clone", fit_clone)
    data = small_seeds(tmp_path / "corpus", per_split=16)
    # make run's experiment: the default one plus stacking
    record, run_dir = _train(cfg_factory, tmp_path, "experiment=stacking", *data)
    # one fold (cv=corpus) that trains on every training row: the main model, the reference,
    # the hybrid and the stacking are fit once each, and the fold's own fits are what the run
    # saves
    assert len(fits) == 4
    assert {k: v["file"] for k, v in record["saved_models"].items()} == {
        "main": "model.skops", "hybrid_logreg": "model-hybrid_logreg.skops",
        "stacking_tfidf_logreg": "model-stacking_tfidf_logreg.skops"}
    assert record["saved_models"]["hybrid_logreg"]["macro_f1"] == \
        record["also"]["hybrid_logreg"]["metrics"]["macro_f1"]
    every = pd.read_csv(run_dir / "predictions.csv", keep_default_na=False)
    table = every[every["fold"] >= 0].copy()
    table["lang"] = table["doc_id"].str[:2]
    for name, column in (("main", "predicted"), ("hybrid_logreg", "predicted_hybrid_logreg"),
                         ("stacking_tfidf_logreg", "predicted_stacking_tfidf_logreg")):
        model = load_model(run_dir, name)
        assert list(model.predict(model_input(model, table))) == list(table[column]), name
    extra = record["also"]["hybrid_logreg"]
    assert extra["train_labels"] == "gold"
    preds = pd.read_csv(run_dir / "predictions.csv", keep_default_na=False)
    scored = preds[preds["fold"] >= 0]
    assert extra["metrics"]["macro_f1"] == pytest.approx(f1_score(
        scored["gold"], scored["predicted_hybrid_logreg"], average="macro",
        labels=["accusation", "denial", "neutral"]))
    assert "hybrid_logreg on gold" in format_results(record, str(run_dir))
    assert "saved models: main, hybrid_logreg, stacking_tfidf_logreg; predict uses " \
        in format_results(record, str(run_dir))
    # the same models per group: each language (here read off the doc_id) and data.groups
    groups = pd.read_csv(run_dir / "by_group.csv").set_index("group")
    assert list(groups.columns) == ["sentences", "silver", "gold", "hybrid_logreg",
                                    "stacking_tfidf_logreg", "rules"]
    for lang in ("nl", "en"):
        rows = scored[scored["doc_id"].str.startswith(f"{lang}-")]
        present = sorted(set(rows["gold"]) | set(rows["predicted_hybrid_logreg"]))
        assert groups.at[f"lang {lang}", "sentences"] == len(rows)
        assert groups.at[f"lang {lang}", "hybrid_logreg"] == pytest.approx(f1_score(
            rows["gold"], rows["predicted_hybrid_logreg"], average="macro", labels=present))
    fiction_nl = scored[scored["doc_id"].str.match(r"nl-(?!rn-)")]
    assert groups.at["fiction nl", "sentences"] == len(fiction_nl) > 0
    assert (run_dir / "by_group.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "macro-F1 by group" in format_results(record, str(run_dir))
    # and per round of documents (data.rounds cuts '-\d+$': nl-rn-a-03 is round nl-rn-a)
    rounds = pd.read_csv(run_dir / "by_round.csv").set_index("group")
    cut = scored["doc_id"].str.replace(r"-\d+$", "", regex=True)
    assert sorted(rounds.index) == sorted(set(cut))
    for name, rows in scored.groupby(cut):
        present = sorted(set(rows["gold"]) | set(rows["silver"]))
        assert rounds.at[name, "sentences"] == len(rows)
        assert rounds.at[name, "rules"] == pytest.approx(f1_score(
            rows["gold"], rows["silver"], average="macro", labels=present)), name
    assert (run_dir / "by_round.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_also_models_are_refit_on_all_rows_after_k_folds(cfg_factory, tmp_path: Path) -> None:
    from hydra.utils import instantiate

    from wederhoor.io.model_files import load_model
    from wederhoor.modeling.fitting import fit_clone

    data = small_seeds(tmp_path / "corpus", per_split=4)
    cfg = cfg_factory("train", ["model=majority", "+model@also.nb=nb", "cv.k=2",
                                "reference_labels=null", *data])
    record, run_dir = _train(cfg_factory, tmp_path, "model=majority", "+model@also.nb=nb",
                             "cv.k=2", "reference_labels=null", *data)
    assert record["n_folds"] == 2 and set(record["saved_models"]) == {"main", "nb"}
    preds = pd.read_csv(run_dir / "predictions.csv", keep_default_na=False)
    rows = preds[preds["fold"] >= 0]
    fresh, _ = fit_clone(instantiate(cfg.also.nb), rows["text"].to_numpy(dtype=object),
                         rows["gold"].to_numpy(dtype=object))
    texts = preds["text"].to_numpy(dtype=object)
    assert list(load_model(run_dir, "nb").predict(texts)) == list(fresh.predict(texts))


@pytest.mark.parametrize("name", ["main", "best", "a/b"])
def test_also_model_names_must_suit_a_file_and_predict(cfg_factory, name: str) -> None:
    from omegaconf import open_dict

    from wederhoor.errors import UserError
    from wederhoor.experiment import build_components

    cfg = cfg_factory("train", ["model=majority", "+model@also.x=nb"])
    with open_dict(cfg):
        cfg.also = {name: cfg.also.x}  # as a YAML config may name it
    with pytest.raises(UserError, match=f"also.{name}: a model's name must be"):
        build_components(cfg)


@pytest.mark.parametrize("model", ["tfidf_logreg", "hybrid_logreg"])
def test_sentences_without_a_gold_label_get_the_final_models_prediction(
        cfg_factory, tmp_path: Path, stage_cache: Path, model: str) -> None:
    """Left out of training and scoring, they are still predicted (fold -1): by a text model
    sentence by sentence, by a model that reads the table within their whole documents."""
    from wederhoor.io.model_files import load_model
    from wederhoor.modeling.models import model_input

    data = small_seeds(tmp_path / "corpus", per_split=4)
    gold_file = tmp_path / "corpus" / "gold.csv"
    gold = pd.read_csv(gold_file, keep_default_na=False)
    gold.drop(gold.index[2:5]).to_csv(gold_file, index=False)  # inside a document
    _, run_dir = _train(cfg_factory, tmp_path, f"model={model}", "cv=corpus",
                        "reference_labels=null", *data, cache=stage_cache)
    out = pd.read_csv(run_dir / "predictions.csv", keep_default_na=False)
    rest = (out["gold"] == "").to_numpy()
    assert set(gold["text"].iloc[2:5]) <= set(out.loc[rest, "text"])
    assert (out.loc[rest, "fold"] == -1).all() and (out.loc[~rest, "fold"] >= 0).any()
    meta = pd.read_csv(tmp_path / "corpus" / "corpus.csv", keep_default_na=False)
    table = out.merge(meta[["doc_id", "lang"]], on="doc_id", how="left")
    final = load_model(run_dir)
    expected = final.predict(model_input(final, table))[rest]
    assert list(out.loc[rest, "predicted"]) == list(expected)


def test_predict_without_probabilities_writes_the_label_alone(capsys) -> None:
    """A model with no predict_proba (a linear SVM) still predicts; one line says why the
    p_* columns are missing, and none is made up."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    from wederhoor.predict import add_predictions

    texts = ["Het OM verdenkt de directeur van fraude.", "De directeur ontkent alles.",
             "Het regent in Utrecht.", "De politie beschuldigt de club van omkoping."]
    labels = ["accusation", "denial", "neutral", "accusation"]
    model = make_pipeline(TfidfVectorizer(), LinearSVC()).fit(texts, labels)
    frame = pd.DataFrame({"text": texts})
    add_predictions(frame, model, frame["text"].to_numpy(), True, "tfidf_svm")
    assert list(frame.columns) == ["text", "predicted"]
    assert list(frame["predicted"]) == list(model.predict(texts))
    assert "tfidf_svm gives no probabilities" in capsys.readouterr().err
