"""What a run wrote and what seeds/ holds stay as they were: no command writes into seeds/
or into a run folder, no train reuses a folder that holds a run, and a train that fails
before it wrote a result leaves no folder behind (issue: trust, audit problems 1, 2, 10)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.clitools import SEEDS, assert_one_line_error, run_in_process
from tests.test_compare import make_run
from wederhoor.cli import CONF_DIR
from wederhoor.errors import UserError
from wederhoor.io import new_run


def snapshot(folder: Path) -> dict[Path, bytes]:
    """Every file below ``folder`` (hidden ones too) with its bytes."""
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_reporting_commands_never_write_into_seeds(tmp_path: Path) -> None:
    before = snapshot(SEEDS)
    runs = tmp_path / "runs"
    make_run(runs / "r1", ["model=a"])
    for module, args in (
        ("compare", [f"dir={runs}", "out=seeds/lb"]),
        ("label_report", ["output=seeds/lr.md"]),
        ("bench.runner", ["sizes=[1000]", "output=seeds/bench"]),
        ("bench.runner", ["sizes=[1000]", f"output={tmp_path / 'bench'}",
                          "corpus_dir=seeds/bench"]),
    ):
        done = run_in_process(module, *args)
        assert_one_line_error(done, "refusing to write seeds/", "raw data")
    assert snapshot(SEEDS) == before
    assert not (tmp_path / "bench").exists()


def test_no_command_writes_into_a_run_folder(tmp_path: Path) -> None:
    done_run = make_run(tmp_path / "runs" / "r1", ["model=a"])
    before = snapshot(done_run)
    doc = tmp_path / "new.txt"
    doc.write_text("Het OM vervolgt de directeur voor fraude.\n", encoding="utf-8")
    for module, args, option in (
        ("predict", [f"run={done_run}", f"input={doc}",
                     f"output={done_run / 'predictions.csv'}"], "output"),
        ("label", [f"input={doc}", f"output={done_run / 'by_group.csv'}"], "output"),
        ("split", [f"input={doc}", f"output={done_run / 'new.csv'}"], "output"),
        ("split", [f"input={doc}", f"output={done_run}", "stream=true"], "output"),
        ("compare", [f"dir={done_run}", f"out={done_run}"], "out"),
        ("label_report", [f"output={done_run / 'report.md'}"], "output"),
    ):
        done = run_in_process(module, *args)
        assert_one_line_error(done, f"{option}=", str(done_run), "choose a path outside it",
                              f"{option}={tmp_path / 'runs'}/r1-")
    assert snapshot(done_run) == before


def test_train_refuses_a_folder_that_holds_a_run(tmp_path: Path) -> None:
    done_run = make_run(tmp_path / "r1", ["model=a"])
    before = snapshot(done_run)
    # the README's rerun recipe run a second time: --config-dir, then the same run folder
    again = run_in_process("train", "--config-dir", str(CONF_DIR), "--config-name", "train",
                           f"hydra.run.dir={done_run}")
    assert_one_line_error(again, "already holds a run", f"hydra.run.dir={done_run}-2")
    # the same through the composed config (an interpolated folder is resolved first)
    again = run_in_process("train", f"paths.experiments={tmp_path}", "model=majority",
                           "hydra.run.dir=${paths.experiments}/r1")
    assert_one_line_error(again, "already holds a run", "pick a new folder")
    assert snapshot(done_run) == before
    assert_one_line_error(run_in_process("train", "hydra.run.dir=${nosuch}/x"),
                                         "cannot be resolved")


def test_failed_train_leaves_no_run_folder(tmp_path: Path) -> None:
    # seed= is checked before Hydra makes the folder, lang= once the run has started
    assert_one_line_error(run_in_process("train", f"paths.experiments={tmp_path}", "seed=abc"),
                                         "seed=")
    assert_one_line_error(run_in_process("train", f"paths.experiments={tmp_path}", "lang=xx"),
                                         "lang=")
    assert list(tmp_path.rglob("*")) in ([], [tmp_path / "runs"])


def test_failed_train_keeps_a_folder_that_held_something(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine\n", encoding="utf-8")
    new_run.refuse_used_run_dir([f"hydra.run.dir={mine}"], None, SEEDS)  # notes what it held
    (mine / ".hydra").mkdir()  # what Hydra writes before the task starts
    (mine / ".hydra" / "config.yaml").write_text("seed: abc\n")
    (mine / "train.log").write_text("")
    kept = new_run.kept_names(mine, "train.log")
    (mine / "model.skops").write_bytes(b"half a run")
    assert new_run.discard_failed_run(mine, kept)
    assert snapshot(mine) == {mine / "notes.txt": b"mine\n"}
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]


def test_compare_of_one_run_writes_its_leaderboard_elsewhere(tmp_path: Path) -> None:
    done_run = make_run(tmp_path / "runs" / "r1", ["model=a"])
    before = snapshot(done_run)
    done = run_in_process("compare", f"dir={done_run}", "n_boot=20",
                          f"paths.experiments={tmp_path}")
    assert done.returncode == 0, done.stderr
    out = tmp_path / "reports" / "leaderboard-of-r1"
    assert {p.name for p in out.iterdir()} == {"leaderboard.md", "leaderboard.csv",
                                                "leaderboard.png"}
    assert f"went to {out}" in done.stderr
    assert snapshot(done_run) == before


def test_sweep_folder_that_holds_runs_is_refused(tmp_path: Path) -> None:
    sweep = tmp_path / "sweep"
    make_run(sweep / "0", ["model=a"])
    with pytest.raises(UserError, match="already holds a sweep"):
        new_run.refuse_used_run_dir(["-m", f"hydra.sweep.dir={sweep}", "model=a,b"], None,
                                    SEEDS)
    new_run.refuse_used_run_dir(["-m", f"hydra.sweep.dir={tmp_path / 'new'}"], None, SEEDS)
    with pytest.raises(UserError, match="raw data"):
        new_run.refuse_used_run_dir([f"hydra.run.dir={SEEDS / 'run'}"], None, SEEDS)


def test_discard_removes_everything_a_failed_train_added(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"  # Hydra's stamped folder: the train wrote results, then failed
    (fresh / ".hydra").mkdir(parents=True)
    (fresh / ".hydra" / "config.yaml").write_text("seed: 1\n")
    (fresh / "train.log").write_text("")
    kept = new_run.kept_names(fresh, "train.log")
    for name in ("model.skops", "predictions.csv", "by_group.csv"):
        (fresh / name).write_text("x\n")
    assert kept == frozenset()
    assert new_run.discard_failed_run(fresh, kept) and not fresh.exists()
    job = tmp_path / "sweep" / "0"  # a sweep's job folder that held a file of the user's
    job.mkdir(parents=True)
    (job / "notes.txt").write_text("mine\n")
    (job / ".hydra").mkdir()
    (job / "train.log").write_text("")
    kept = new_run.kept_names(job, "train.log")
    (job / "metrics.json").write_text("{}\n")
    assert kept == {"notes.txt"} and new_run.discard_failed_run(job, kept)
    assert [p.name for p in job.iterdir()] == ["notes.txt"]


def test_train_that_fails_after_writing_results_leaves_no_folder(tmp_path: Path,
                                                                 monkeypatch) -> None:
    """The logger is the last step: a failure there came after every file of the run was
    written (the audit's case: a folder with model.skops and metrics.json 'failed')."""
    from tests.clitools import run_in_process, small_seeds
    from wederhoor.tracking.loggers import FilesLogger

    def unreachable(*_args: object) -> None:
        raise UserError("the tracking store is unreachable")

    monkeypatch.setattr(FilesLogger, "log_run", unreachable)
    data = small_seeds(tmp_path / "corpus", per_split=4)
    done = run_in_process("train", f"paths.experiments={tmp_path}", "model=majority",
                          "cv=holdout", "workers=1", *data)
    assert_one_line_error(done, "the tracking store is unreachable")
    assert list((tmp_path / "runs").iterdir()) == []


@pytest.mark.slow  # a training run stopped partway (a few seconds); make test-slow runs it
def test_interrupted_train_leaves_no_run_folder(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from wederhoor.cli import PROJECT_ROOT

    proc = subprocess.Popen([sys.executable, "-m", "wederhoor.train", "cache=false",
                             f"paths.experiments={tmp_path}", "model=majority"],
                            cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "HF_DATASETS_OFFLINE": "1"})
    deadline = time.time() + 60
    while time.time() < deadline and not list(tmp_path.glob("runs/*/.hydra/config.yaml")):
        time.sleep(0.05)
    assert list(tmp_path.glob("runs/*/.hydra/config.yaml")), "the run never started"
    time.sleep(0.5)  # the task is splitting and labelling the seed corpus now
    proc.send_signal(signal.SIGTERM)  # what a scheduler sends; Ctrl-C takes the same path
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert list((tmp_path / "runs").iterdir()) == []


def _predictable_run(folder: Path, cfg_factory, metrics: str | None) -> Path:
    """A run folder predict can use: its config (lang auto), a fitted majority model and a
    hybrid one by name, and ``metrics`` as metrics.json (None: none)."""
    import yaml
    from hydra.utils import instantiate

    from wederhoor.io.model_files import save_model
    from wederhoor.modeling.models import SMOKE_LABELS, SMOKE_TEXTS

    (folder / ".hydra").mkdir(parents=True)
    segmenter = {"_target_": "wederhoor.pipeline.segmenters.SyntokSegmenter"}
    (folder / ".hydra" / "config.yaml").write_text(
        yaml.safe_dump({"lang": "auto", "segmenter": segmenter}), encoding="utf-8")
    model = instantiate(cfg_factory("train", ["model=majority"]).model)
    save_model(model.fit(list(SMOKE_TEXTS), list(SMOKE_LABELS)), folder)
    save_model(model, folder, "nb")
    if metrics is not None:
        (folder / "metrics.json").write_text(metrics, encoding="utf-8")
    return folder


def test_predict_refuses_a_failed_run_and_names_the_model_of_an_unscored_one(
        tmp_path: Path, cfg_factory) -> None:
    from tests.clitools import run_in_process

    doc = tmp_path / "en.txt"
    doc.write_text("The mayor denies the charges.\n", encoding="utf-8")
    out = tmp_path / "pred.csv"
    failed = _predictable_run(tmp_path / "failed", cfg_factory,
                              '{"status": "failed", "error": "boom\\nmore"}')
    done = run_in_process("predict", f"run={failed}", f"input={doc}", f"output={out}")
    assert_one_line_error(done, f"run={failed}", "status 'failed'", "boom",
                          "pass run= a run whose metrics.json says status ok")
    assert not out.exists()
    for name, metrics in (("missing", None), ("unreadable", "{not json")):
        run_dir = _predictable_run(tmp_path / name, cfg_factory, metrics)
        done = run_in_process("predict", f"run={run_dir}", f"input={doc}", f"output={out}")
        assert done.returncode == 0, done.stderr
        warnings = [ln for ln in done.stderr.splitlines() if "warning" in ln]
        assert len(warnings) == 1, done.stderr  # no "trained on auto text" either
        assert "no readable metrics.json" in warnings[0] and "model.skops" in warnings[0]
        assert "predicted with main" in done.stderr
    done = run_in_process("predict", f"run={run_dir}", f"input={doc}", f"output={out}",
                          "saved_model=nb")  # the files it holds can still be picked by name
    assert done.returncode == 0 and "model-nb.skops as asked" in done.stderr


def test_predict_run_latest_takes_the_newest_finished_run(tmp_path: Path, cfg_factory) -> None:
    """run=latest (predict's default) is the newest run folder holding a model whose
    metrics.json says ok: a failed, unfinished or model-less newer folder is passed over."""
    from tests.clitools import run_in_process
    from wederhoor.io.model_files import latest_run

    runs = tmp_path / "runs"
    for missing in (runs, tmp_path / "none"):
        if missing == runs:
            runs.mkdir()
        with pytest.raises(UserError, match=r"^run=latest: no finished training run in .*"
                                            r"run `make run` first"):
            latest_run(missing)
    ok = '{"status": "ok"}'
    old = _predictable_run(runs / "2026-01-01_10-00-00_000000-default", cfg_factory, ok)
    # a rerun's folder sorts after every dated one by name, but it finished first
    rerun = _predictable_run(runs / "rerun-of-2025-12-31", cfg_factory, ok)
    os.utime(rerun / "metrics.json", (1_000_000, 1_000_000))
    _predictable_run(runs / "2026-01-02_10-00-00_000000-default", cfg_factory,
                     '{"status": "failed", "error": "boom"}')
    _predictable_run(runs / "2026-01-03_10-00-00_000000-default", cfg_factory, None)
    (runs / "2026-01-04_10-00-00_000000-default").mkdir()  # a train that has not saved yet
    assert latest_run(runs) == old
    doc = tmp_path / "en.txt"
    doc.write_text("The mayor denies the charges.\n", encoding="utf-8")
    out = tmp_path / "pred.csv"
    done = run_in_process("predict", f"runs_dir={runs}", f"input={doc}", f"output={out}")
    assert done.returncode == 0, done.stderr
    assert f"run=latest: {old}" in done.stderr and f"of run {old.name}" in done.stderr
    new = _predictable_run(runs / "2026-01-05_10-00-00_000000-default", cfg_factory, ok)
    os.utime(new / "metrics.json")  # finished now, after every other
    assert latest_run(runs) == new
    assert_one_line_error(run_in_process("predict", f"runs_dir={tmp_path / 'none'}",
                                         f"input={doc}", f"output={out}"),
                          "run=latest: no finished training run", "make run")
