"""The stage commands as a user runs them: on seeds/, on CSV/JSONL input, and on bad input."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from tests.clitools import SEED_DOC, SEEDS, assert_one_line_error, run_in_process, small_seeds
from wederhoor.labelers.rules import RuleLabeler


def test_split_seed_document(tmp_path: Path) -> None:
    out = tmp_path / "sents.csv"
    done = run_in_process("split", f"input={SEED_DOC}", f"output={out}")
    assert done.returncode == 0, done.stderr
    frame = pd.read_csv(out, keep_default_na=False)
    assert list(frame.columns[:5]) == ["doc_id", "sent_id", "text", "lang", "date"]
    gold = pd.read_csv(SEEDS / "gold.csv", keep_default_na=False)
    seed_gold = gold[gold.doc_id == "sky-ecc-2021-03"]
    assert frame["text"].tolist() == seed_gold["text"].tolist()  # 14 sentences, header removed
    assert frame["sent_id"].tolist() == list(range(1, 15))
    assert set(frame["date"]) == {"2021-03"}


def test_label_seed_document_adds_label_and_evidence(tmp_path: Path) -> None:
    out = tmp_path / "labelled.csv"
    done = run_in_process("label", f"input={SEED_DOC}", f"output={out}")
    assert done.returncode == 0, done.stderr
    frame = pd.read_csv(out, keep_default_na=False)
    assert set(frame["label"]) <= {"accusation", "denial", "neutral"}
    assert len(frame) == 14
    fired = frame[frame["label"] != "neutral"]
    assert (fired["evidence"] != "").all()
    assert frame.loc[0, "label"] == "denial"  # "Sky ECC ontkent ..."


def test_label_accepts_split_output_and_gold_labeler(tmp_path: Path) -> None:
    # 48 seed documents of every split and language: the whole corpus adds time, not cases
    docs = small_seeds(tmp_path / "corpus", per_split=24)[0].split("=", 1)[1]
    sents = tmp_path / "s.csv"
    assert run_in_process("split", f"input={docs}", f"output={sents}").returncode == 0
    out = tmp_path / "g.csv"
    done = run_in_process("label", f"input={sents}", f"output={out}", "labeler=gold")
    assert done.returncode == 0, done.stderr
    frame = pd.read_csv(out, keep_default_na=False)
    before = pd.read_csv(sents, keep_default_na=False)
    assert frame["sent_id"].tolist() == before["sent_id"].tolist()
    gold = pd.read_csv(SEEDS / "gold.csv", keep_default_na=False)
    merged = frame.merge(gold, on=["doc_id", "text"], suffixes=("", "_gold"))
    assert len(merged) > 0 and (merged["label"] == merged["label_gold"]).all()


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_table_input_english(tmp_path: Path, fmt: str) -> None:
    rows = [
        {"id": "n1", "text": "The mayor denied the allegations. Critics accused him of fraud.",
         "lang": "en"},
        {"id": "n2", "text": "Mr. Jones said the bridge opens in May.", "lang": "en"},
    ]
    path = tmp_path / f"in.{fmt}"
    if fmt == "csv":
        pd.DataFrame(rows).to_csv(path, index=False)
    else:
        path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = run_in_process("label", f"input={path}", f"output={out}")
    assert done.returncode == 0, done.stderr
    frame = pd.read_csv(out, keep_default_na=False)
    assert frame["text"].tolist() == ["The mayor denied the allegations.",
                                      "Critics accused him of fraud.",
                                      "Mr. Jones said the bridge opens in May."]
    assert frame["label"].tolist() == ["denial", "accusation", "neutral"]


def test_segmenter_none_keeps_rows(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    pd.DataFrame({"doc_id": ["a", "a", "b"],
                  "text": ["Een. Twee.", "Drie.", "Vier."]}).to_csv(path, index=False)
    out = tmp_path / "out.csv"
    assert run_in_process("split", f"input={path}", f"output={out}",
                          "segmenter=none").returncode == 0
    frame = pd.read_csv(out, keep_default_na=False)
    assert frame["text"].tolist() == ["Een. Twee.", "Drie.", "Vier."]
    assert frame["sent_id"].tolist() == [1, 2, 1]


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["input=/no/such/folder", "output=OUT"], ("input not found", "/no/such/folder")),
        (["output=x.csv"], ("missing option 'input'",)),
        (["input=seeds/docs", "output=x.csv", "segmenter=magic"], ("segmenter=magic", "syntok")),
        (["input=seeds/docs", "output=x.csv", "nosuchkey=1"], ("nosuchkey",)),
        (["input=seeds/docs", "output=seeds/out.csv"], ("refusing to write",)),
        (["input=seeds/docs", "output=x.docx"], ("unsupported output",)),
    ],
)
def test_bad_split_arguments(tmp_path: Path, args: list[str], needles: tuple[str, ...]) -> None:
    args = [a.replace("output=x", f"output={tmp_path}/x") for a in args]
    before = sorted(p.name for p in SEEDS.rglob("*"))
    assert_one_line_error(run_in_process("split", *args), *needles)
    assert sorted(p.name for p in SEEDS.rglob("*")) == before


def test_bad_files_give_one_line(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("De burgemeester ontkent alles, zegt hij in café.".encode("latin-1"))
    assert_one_line_error(run_in_process("split", f"input={latin}", f"output={tmp_path}/o.csv"),
                          "latin.txt", "not UTF-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,body\n1,x\n", encoding="utf-8")
    assert_one_line_error(run_in_process("label", f"input={bad}", f"output={tmp_path}/o.csv"),
                          "bad.csv", "'text' column")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert_one_line_error(run_in_process("split", f"input={empty}", f"output={tmp_path}/o.csv"),
                          "no .txt documents")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "ok"}\n{"text": oops}\n', encoding="utf-8")
    assert_one_line_error(run_in_process("split", f"input={broken}", f"output={tmp_path}/o.csv"),
                          "broken.jsonl")
    assert not (tmp_path / "o.csv").exists()


@pytest.mark.slow  # make test: test_scale's streamed-equals-in-memory tests cover it
def test_label_stream_writes_same_sentences_as_shards(tmp_path: Path) -> None:
    table = tmp_path / "all.csv"
    assert run_in_process("label", f"input={SEEDS / 'docs'}", f"output={table}").returncode == 0
    shards = tmp_path / "shards"
    done = run_in_process("label", f"input={SEEDS / 'docs'}", f"output={shards}", "stream=true")
    assert done.returncode == 0, done.stderr
    assert (shards / "manifest.json").is_file()
    streamed = pd.concat(pd.read_parquet(p) for p in sorted(shards.glob("part-*.parquet")))
    in_memory = pd.read_csv(table, keep_default_na=False)
    for col in ("doc_id", "text", "label", "evidence"):
        assert streamed[col].tolist() == in_memory[col].tolist()
    assert_one_line_error(run_in_process("split", f"input={SEEDS / 'docs'}",
                                         f"output={tmp_path}/x.csv",
                                         "stream=true"), "output=FOLDER")


def test_malformed_lexicon_files_are_one_line(tmp_path: Path) -> None:
    """A broken word list (main or context) names its file; nothing is written."""
    folder = Path(RuleLabeler().folder)
    for name in ("nl.yaml", "en.yaml"):
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    (tmp_path / "context").mkdir()
    (tmp_path / "context" / "nl.yaml").write_text("continuation: ['(unclosed']\n")
    out = tmp_path / "out.csv"
    done = run_in_process("label", f"labeler.lexicons={tmp_path}", f"input={SEED_DOC}",
                          f"output={out}")
    assert_one_line_error(done, "context", "nl.yaml")
    assert not out.exists()


@pytest.mark.parametrize(("args", "runs"), [("", ["lang=nl", "lang=en"]),
                                             ("lang=en max_errors=0", ["lang=en max_errors=0"]),
                                             ("max_errors=3", ["lang=nl max_errors=3",
                                                               "lang=en max_errors=3"])])
def test_make_segeval_runs_each_language_once(tmp_path: Path, args: str,
                                              runs: list[str]) -> None:
    """`make segeval ARGS=lang=en` runs English alone (it ran English twice)."""
    import shutil
    import subprocess

    from wederhoor.cli import PROJECT_ROOT

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    fake = tmp_path / "python"  # stands in for .venv/bin/python: prints what it was given
    fake.write_text('#!/bin/sh\nshift 2\necho "$@"\n', encoding="utf-8")
    fake.chmod(0o755)
    done = subprocess.run(["make", "--no-print-directory", "segeval", f"ARGS={args}",
                           f"BIN={tmp_path}", "STAMP="], cwd=PROJECT_ROOT, text=True,
                          capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == runs


def _make(target: str, *variables: str, bin_dir: Path) -> subprocess.CompletedProcess[str]:
    """``make TARGET`` with ``bin_dir`` standing in for .venv/bin (nothing is installed)."""
    import shutil

    from wederhoor.cli import PROJECT_ROOT

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    return subprocess.run(["make", "--no-print-directory", target, *variables,
                           f"BIN={bin_dir}", "STAMP="], cwd=PROJECT_ROOT, text=True,
                          capture_output=True, timeout=60)


def _ours(stderr: str) -> list[str]:
    """stderr without make's own closing 'make: *** [...] Error 2' line."""
    return [ln for ln in stderr.splitlines() if ln.strip() and not ln.startswith("make")]


@pytest.mark.parametrize("jobs", ["abc", "0", "-1", "'2; echo hi"])
def test_make_sweep_refuses_a_bad_jobs_value(tmp_path: Path, jobs: str) -> None:
    fake = tmp_path / "python"  # stands in for .venv/bin/python: says it was called
    fake.write_text('#!/bin/sh\necho "python $@"\n', encoding="utf-8")
    fake.chmod(0o755)
    done = _make("sweep", f"JOBS={jobs}", bin_dir=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert _ours(done.stderr) == [f"wederhoor: JOBS={jobs} is not a number of parallel jobs; "
                                  "pass a whole number of at least 1, e.g. make sweep JOBS=2"]
    done = _make("sweep", "JOBS=3", "EXP=baselines", bin_dir=tmp_path)
    assert done.returncode == 0 and "hydra.launcher.n_jobs=3" in done.stdout


def test_make_mlflow_ui_without_the_extra_says_how_to_install_it(tmp_path: Path) -> None:
    done = _make("mlflow-ui", bin_dir=tmp_path)
    assert done.returncode == 2 and "No such file" not in done.stderr
    assert _ours(done.stderr) == ["wederhoor: the MLflow UI needs the optional extra: run "
                                  "`make mlflow-install` first (about 300 MB)"]
    fake = tmp_path / "mlflow"
    fake.write_text('#!/bin/sh\necho "mlflow $@"\n', encoding="utf-8")
    fake.chmod(0o755)
    done = _make("mlflow-ui", bin_dir=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("mlflow ui --backend-store-uri")


def test_a_lexicon_with_a_function_written_twice_is_one_line(tmp_path: Path) -> None:
    """A custom lexicon that names two functions alike is refused, not half used: YAML would
    keep only the second."""
    folder = Path(RuleLabeler().folder)
    (tmp_path / "en.yaml").write_bytes((folder / "en.yaml").read_bytes())
    nl = (folder / "nl.yaml").read_text(encoding="utf-8")
    (tmp_path / "nl.yaml").write_text(
        nl + "  nl_blame:\n    tier: accusation\n    patterns: ['\\bxyz\\b']\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = run_in_process("label", f"labeler.lexicons={tmp_path}", f"input={SEED_DOC}",
                          f"output={out}")
    assert_one_line_error(done, "nl.yaml", "functions.nl_blame: written twice")
    assert not out.exists()


@pytest.mark.parametrize("target", ["predict", "label"])
def test_make_predict_and_label_pass_in_and_out_as_values(tmp_path: Path, target: str) -> None:
    """IN= and OUT= reach the command as one value each, spaces and shell characters kept
    (never run as shell code); without them, one line says what to pass."""
    fake = tmp_path / "python"  # stands in for .venv/bin/python: prints its arguments one a line
    fake.write_text('#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n', encoding="utf-8")
    fake.chmod(0o755)
    done = _make(target, "OUT=out.csv", bin_dir=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert _ours(done.stderr) == [f"wederhoor: make {target} needs IN=<a folder of .txt files, "
                                  "or a .txt, .csv, .jsonl or .parquet file> and "
                                  f"OUT=<{'predictions' if target == 'predict' else 'labels'}.csv>"]
    odd = 'my news"; echo hi'
    done = _make(target, f"IN={odd}", "OUT=out dir/p.csv", bin_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    args = done.stdout.splitlines()
    assert args[:2] == ["-m", f"wederhoor.{target}"]
    assert f"input={odd}" in args and "output=out dir/p.csv" in args and "hi" not in args
    assert ("run=latest" in args) == (target == "predict")
