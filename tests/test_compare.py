"""Leaderboard aggregation and the compare CLI, on run folders built in tmp_path."""

from __future__ import annotations

import json
import math
import subprocess
import zlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from sklearn.metrics import accuracy_score, cohen_kappa_score, f1_score

from tests.clitools import run_in_process
from wederhoor.compare import compare, default_dir
from wederhoor.errors import UserError
from wederhoor.evaluation.leaderboard import (
    MixedDataError,
    NoRunsError,
    build_leaderboard,
    collect_runs,
    parse_overrides,
)
from wederhoor.evaluation.stats import macro_f1

LABELS = ["accusation", "denial", "neutral"]
N_DOCS, PER_DOC = 30, 5


def corpus() -> pd.DataFrame:
    """The same fixed sentences for every fake run (one corpus)."""
    rng = np.random.default_rng(0)
    n = N_DOCS * PER_DOC
    return pd.DataFrame(
        {
            "doc_id": np.repeat([f"doc{i:02d}" for i in range(N_DOCS)], PER_DOC),
            "sent_id": np.tile(np.arange(PER_DOC), N_DOCS),
            "text": [f"Zin {i} over een fictieve partij." for i in range(n)],
            "gold": rng.choice(LABELS, size=n),
            "silver": rng.choice(LABELS, size=n),
        }
    )


def make_run(
    folder: Path,
    overrides: list[str],
    seed: int = 0,
    accuracy: float = 0.7,
    fingerprint: str = "fp-aaa",
    eval_against: str = "gold",
    status: str = "ok",
    metrics_file: bool = True,
    predictions_file: bool = True,
    drop_metric: str | None = None,
    n_docs: int = N_DOCS,
) -> Path:
    """Write a run folder the way `python -m wederhoor.train` does."""
    hydra = folder / ".hydra"
    hydra.mkdir(parents=True)
    all_overrides = [*overrides, f"seed={seed}"]
    (hydra / "overrides.yaml").write_text(yaml.safe_dump(all_overrides))
    (hydra / "config.yaml").write_text(yaml.safe_dump({"seed": seed}))
    (hydra / "hydra.yaml").write_text(yaml.safe_dump({"hydra": {"mode": "RUN"}}))
    frame = corpus()
    frame = frame[frame["doc_id"] < f"doc{n_docs:02d}"].copy()
    rng = np.random.default_rng(zlib.crc32(repr((overrides, seed)).encode()))
    truth = frame[eval_against].to_numpy()
    keep = rng.random(len(frame)) < accuracy
    frame["predicted"] = np.where(keep, truth, rng.choice(LABELS, size=len(frame)))
    frame["fold"] = frame.index % 5
    if predictions_file:
        frame.to_csv(folder / "predictions.csv", index=False)
    pred = frame["predicted"]
    per_class = f1_score(truth, pred, labels=LABELS, average=None)
    metrics = {
        "status": status,
        "name": "-".join(overrides) or "default",
        "seed": seed,
        "eval_against": eval_against,
        "train_labels": "silver",
        "data_fingerprint": fingerprint,
        "metrics": {
            "macro_f1": macro_f1(truth, pred, LABELS),
            "accuracy": accuracy_score(truth, pred),
            "kappa": cohen_kappa_score(truth, pred),
            "per_class": {
                lab: {"precision": 0.0, "recall": 0.0, "f1": float(f), "support": 1}
                for lab, f in zip(LABELS, per_class, strict=True)
            },
        },
        "seconds": {"split": 0.1, "label": 0.2, "train": 1.5 + seed, "predict": 0.5,
                    "evaluate": 0.1},
    }
    if status != "ok":
        metrics = {"status": status, "error": "ValueError: vocabulary is empty\nmore detail"}
    if drop_metric:
        del metrics["metrics"][drop_metric]
    if metrics_file:
        (folder / "metrics.json").write_text(json.dumps(metrics))
    return folder


def make_sweep(root: Path, jobs: list[dict]) -> Path:
    root.mkdir(parents=True)
    (root / "multirun.yaml").write_text("hydra:\n  mode: MULTIRUN\n")
    for i, job in enumerate(jobs):
        make_run(root / str(i), **job)
    return root


# ------------------------------------------------------------------ collecting


def test_parse_overrides_splits_on_first_equals() -> None:
    parsed = parse_overrides(["model=tfidf_svm", "+labeler.rule=a=b==c", "model.classifier.C=0.5"])
    assert parsed == {"model": "tfidf_svm", "+labeler.rule": "a=b==c", "model.classifier.C": "0.5"}
    with pytest.raises(ValueError, match="without '='"):
        parse_overrides(["model"])


def test_collect_reports_each_kind_of_problem(tmp_path: Path) -> None:
    sweep = make_sweep(
        tmp_path / "sweep",
        [
            {"overrides": ["model=a"]},
            {"overrides": ["model=b"], "status": "failed"},
            {"overrides": ["model=c"], "metrics_file": False},
            {"overrides": ["model=d"], "predictions_file": False},
            {"overrides": ["model=e"], "drop_metric": "kappa"},
            {"overrides": ["model=f"], "drop_metric": "macro_f1"},
        ],
    )
    (sweep / "6").mkdir()
    (sweep / "6" / "metrics.json").write_text("{not json")
    make_run(sweep / "7", ["model=g"])
    (sweep / "7" / "predictions.csv").write_text("")
    make_run(sweep / "8", ["model=h"])
    (sweep / "8" / ".hydra" / "overrides.yaml").write_text("- model=h\n- [broken")
    runs, problems = collect_runs(sweep)
    assert [r.folder.name for r in runs] == ["0", "4"]
    reasons = {folder.name: reason for folder, reason in problems}
    assert set(reasons) == {"1", "2", "3", "4", "5", "6", "7", "8"}
    assert "predictions.csv" in reasons["7"]
    assert "unreadable .hydra YAML" in reasons["8"]
    assert "run failed" in reasons["1"] and "vocabulary is empty" in reasons["1"]
    assert "more detail" not in reasons["1"]
    assert "no metrics.json" in reasons["2"]
    assert "no predictions.csv" in reasons["3"]
    assert reasons["4"].startswith("kept") and "kappa" in reasons["4"]
    assert "macro_f1" in reasons["5"]
    assert "not valid JSON" in reasons["6"]


def test_missing_metric_key_leaves_empty_cell(tmp_path: Path) -> None:
    sweep = make_sweep(
        tmp_path / "sweep",
        [{"overrides": ["model=a"]}, {"overrides": ["model=b"], "drop_metric": "kappa"}],
    )
    runs, _ = collect_runs(sweep)
    board = build_leaderboard(runs, n_boot=50).set_index("model")
    assert math.isnan(board.at["b", "kappa"])
    assert not math.isnan(board.at["a", "kappa"])
    assert "lacks kappa" in board.at["b", "notes"]


def test_job_folders_pair_overrides_with_their_own_metrics(tmp_path: Path) -> None:
    # 12 jobs: a separately sorted glob would put 10 and 11 between 1 and 2.
    sweep = make_sweep(
        tmp_path / "sweep", [{"overrides": [f"model.classifier.C={i}"]} for i in range(12)]
    )
    runs, problems = collect_runs(sweep)
    assert problems == []
    assert [r.folder.name for r in runs] == [str(i) for i in range(12)]
    for run in runs:
        assert run.metrics["name"] == f"model.classifier.C={run.folder.name}"
        assert run.overrides["model.classifier.C"] == run.folder.name


def test_collect_accepts_single_run_and_runs_folder(tmp_path: Path) -> None:
    runs_dir = tmp_path / "runs"
    make_run(runs_dir / "2024-01-01_10-00-00-a", ["model=a"])
    make_run(runs_dir / "2024-01-02_10-00-00-b", ["model=b"])
    assert len(collect_runs(runs_dir)[0]) == 2
    single, _ = collect_runs(runs_dir / "2024-01-01_10-00-00-a")
    assert [r.overrides["model"] for r in single] == ["a"]
    with pytest.raises(NoRunsError):
        collect_runs(tmp_path / "missing")


# ------------------------------------------------------------------ building


def test_seeds_fold_into_one_row_with_mean_and_std(tmp_path: Path) -> None:
    jobs = [
        {"overrides": [f"model={m}"], "seed": s, "accuracy": acc}
        for m, acc in (("weak", 0.4), ("strong", 0.9), ("mid", 0.65))
        for s in (1, 2, 3)
    ]
    runs, _ = collect_runs(make_sweep(tmp_path / "sweep", jobs))
    board = build_leaderboard(runs, n_boot=100, seed=0)
    assert list(board["model"]) == ["strong", "mid", "weak"]
    assert "seed" not in board.columns
    assert list(board["n_seeds"]) == [3, 3, 3]
    assert list(board["n_runs"]) == [3, 3, 3]
    strong = [r.metric("macro_f1") for r in runs if r.overrides["model"] == "strong"]
    assert board.at[0, "macro_f1"] == pytest.approx(np.mean(strong))
    assert board.at[0, "macro_f1_std"] == pytest.approx(np.std(strong, ddof=1))
    assert board.at[0, "train_s"] == pytest.approx(np.mean([2.5, 3.5, 4.5]))
    # CI from the lowest-seed run, which contains that run's own macro-F1.
    seed1 = next(r for r in runs if r.overrides["model"] == "strong" and r.seed == 1)
    assert board.at[0, "ci_low"] <= seed1.metric("macro_f1") <= board.at[0, "ci_high"]
    assert math.isnan(board.at[0, "p_vs_best"])
    assert board.at[2, "p_vs_best"] < 0.05
    assert board["macro_f1"].is_monotonic_decreasing


def test_only_differing_override_keys_become_columns(tmp_path: Path) -> None:
    jobs = [
        {"overrides": ["data=nl", "model=svm", "model.classifier.C=0.5"]},
        {"overrides": ["data=nl", "model=svm", "model.classifier.C=2"]},
        {"overrides": ["data=nl", "model=nb"]},
        {"overrides": ["data=nl", "model=svm", "+extra.rule=a=b"]},
    ]
    runs, _ = collect_runs(make_sweep(tmp_path / "sweep", jobs))
    board = build_leaderboard(runs, n_boot=50)
    config = board.attrs["config_columns"]
    assert config == ["+extra.rule", "model", "model.classifier.C"]
    assert list(board.columns[:3]) == config
    assert len(board) == 4
    rows = {tuple(r) for r in board[config].itertuples(index=False)}
    assert ("(default)", "nb", "(default)") in rows
    assert ("a=b", "svm", "(default)") in rows
    assert ("(default)", "svm", "2") in rows
    for column in ("ci_low", "ci_high", "f1_accusation", "f1_denial", "f1_neutral",
                   "accuracy", "kappa", "train_s", "predict_s", "eval_against", "p_vs_best"):
        assert column in board.columns


def test_single_config_gets_name_column(tmp_path: Path) -> None:
    runs, _ = collect_runs(make_run(tmp_path / "run", ["model=svm"]))
    board = build_leaderboard(runs, n_boot=50)
    assert board.attrs["config_columns"] == ["name"]
    assert board.at[0, "name"] == "model=svm"
    assert board.at[0, "ci_low"] <= board.at[0, "macro_f1"] <= board.at[0, "ci_high"]


def test_mixed_fingerprints_refused_then_allowed(tmp_path: Path) -> None:
    jobs = [
        {"overrides": ["model=a"], "fingerprint": "fp-aaa"},
        {"overrides": ["model=a"], "fingerprint": "fp-bbb", "seed": 1},
        {"overrides": ["model=b"], "fingerprint": "fp-aaa"},
    ]
    runs, _ = collect_runs(make_sweep(tmp_path / "sweep", jobs))
    with pytest.raises(MixedDataError) as info:
        build_leaderboard(runs, n_boot=50)
    assert "fp-aaa" in str(info.value) and "fp-bbb" in str(info.value)
    board = build_leaderboard(runs, n_boot=50, allow_mixed=True)
    # The same config on two corpora is two rows, not two seeds of one.
    assert len(board) == 3
    assert set(board["data_fingerprint"]) == {"fp-aaa", "fp-bbb"}
    assert list(board["n_seeds"]) == [1, 1, 1]


def test_many_corpora_are_named_in_one_short_line(tmp_path: Path) -> None:
    jobs = [{"overrides": ["model=a"], "fingerprint": f"fp-{k}", "seed": k} for k in range(6)]
    jobs.append({"overrides": ["model=b"], "fingerprint": "fp-5", "seed": 9})
    runs, _ = collect_runs(make_sweep(tmp_path / "sweep", jobs))
    with pytest.raises(MixedDataError) as info:
        build_leaderboard(runs, n_boot=50)
    message = str(info.value)
    assert "6 different data fingerprints" in message and "and 3 more" in message
    assert message.index("fp-5 (2 runs") < message.index("fp-0")  # the largest first
    assert "fp-4" not in message and "\n" not in message


def test_silver_row_flagged_and_not_used_as_yardstick_for_gold(tmp_path: Path) -> None:
    jobs = [
        {"overrides": ["model=a"], "accuracy": 0.85},
        {"overrides": ["model=b"], "accuracy": 0.3},
        {"overrides": ["model=lex"], "accuracy": 0.95, "eval_against": "silver"},
    ]
    runs, _ = collect_runs(make_sweep(tmp_path / "sweep", jobs))
    board = build_leaderboard(runs, n_boot=200)
    assert list(board["model"]) == ["lex", "a", "b"]
    board = board.set_index("model")
    assert board.at["lex", "eval_against"] == "silver"
    assert "SILVER" in board.at["lex", "notes"]
    assert "SILVER" not in board.at["a", "notes"]
    # The top gold row is the yardstick for gold rows, even below a silver row.
    assert math.isnan(board.at["lex", "p_vs_best"]) and math.isnan(board.at["a", "p_vs_best"])
    assert "best gold-evaluated row" in board.at["a", "notes"]
    assert board.at["b", "p_vs_best"] < 0.05


def test_different_sentences_give_nan_p_with_note(tmp_path: Path) -> None:
    jobs = [
        {"overrides": ["model=a"], "accuracy": 0.9},
        {"overrides": ["model=b"], "accuracy": 0.5, "n_docs": 20},
        {"overrides": ["model=c"], "accuracy": 0.3},
    ]
    runs, _ = collect_runs(make_sweep(tmp_path / "sweep", jobs))
    board = build_leaderboard(runs, n_boot=200).set_index("model")
    assert math.isnan(board.at["b", "p_vs_best"])
    assert "different sentences" in board.at["b", "notes"]
    assert 0 < board.at["c", "p_vs_best"] < 0.05


def test_leaderboard_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    jobs = [{"overrides": ["model=a"], "accuracy": 0.7}, {"overrides": ["model=b"]}]
    runs, _ = collect_runs(make_sweep(tmp_path / "sweep", jobs))
    first = build_leaderboard(runs, n_boot=100, seed=5)
    pd.testing.assert_frame_equal(first, build_leaderboard(runs, n_boot=100, seed=5))


# ------------------------------------------------------------------ CLI


def three_configs(root: Path) -> Path:
    return make_sweep(
        root,
        [
            {"overrides": ["model=svm"], "accuracy": 0.85},
            {"overrides": ["model=nb"], "accuracy": 0.6},
            {"overrides": ["model=nb"], "accuracy": 0.6, "seed": 4},
            {"overrides": ["model=lr"], "status": "failed"},
        ],
    )


def test_cli_writes_files_and_prints_table(tmp_path: Path, capsys) -> None:
    sweep = three_configs(tmp_path / "sweep")
    compare(sweep, n_boot=100, seed=3)
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["model", "seeds", "macroF1"]
    assert lines[2].split()[0] == "svm" and lines[3].split()[0] == "nb"
    problem_at = next(i for i, line in enumerate(lines) if line.startswith("Problem runs"))
    assert "run failed" in lines[problem_at + 1] and str(sweep / "3") in lines[problem_at + 1]
    assert "p_best < 0.05" in out and "95% interval" in out
    table = pd.read_csv(sweep / "leaderboard.csv")
    assert list(table["model"]) == ["svm", "nb"]
    assert list(table["n_seeds"]) == [1, 2]
    md = (sweep / "leaderboard.md").read_text()
    assert "| model | seeds | macroF1 |" in md and "run failed" in md
    assert (sweep / "leaderboard.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_out_folder(tmp_path: Path) -> None:
    sweep = three_configs(tmp_path / "sweep")
    out = tmp_path / "report" / "nested"
    assert compare(sweep, out, n_boot=20) == out
    assert {p.name for p in out.iterdir()} == {"leaderboard.md", "leaderboard.csv",
                                                "leaderboard.png"}
    assert not (sweep / "leaderboard.csv").exists()


def test_bad_input_is_one_user_error_naming_the_folder(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    broken = make_sweep(tmp_path / "broken", [{"overrides": ["model=a"], "status": "failed"}])
    mixed = make_sweep(
        tmp_path / "mixed",
        [{"overrides": ["model=a"]}, {"overrides": ["model=b"], "fingerprint": "fp-zzz"}],
    )
    for folder, expected in (
        (tmp_path / "missing", "no such folder"),
        (empty, "no usable runs"),
        (broken, "run failed"),
        (mixed, "allow_mixed=true"),
    ):
        with pytest.raises(UserError) as caught:
            compare(folder, n_boot=20)
        message = str(caught.value)
        assert "\n" not in message
        assert str(folder) in message and expected in message
        assert capsys.readouterr().out == ""
        assert not (folder / "leaderboard.csv").exists()
    with pytest.raises(UserError, match="n_boot=0"):
        compare(mixed, n_boot=0)
    compare(mixed, n_boot=20, allow_mixed=True)
    assert (mixed / "leaderboard.csv").is_file()


def _cli(cwd: Path, *overrides: str) -> subprocess.CompletedProcess[str]:
    """The compare command run in-process from the folder ``cwd`` (the test's own)."""
    assert Path.cwd() == cwd
    return run_in_process("compare", "n_boot=20", *overrides)


def test_cli_default_dir_one_line_errors_and_no_traceback(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.chdir(tmp_path)  # Hydra must write no folder of its own there
    experiments = tmp_path / "experiments"
    bad = _cli(tmp_path, f"paths.experiments={experiments}")
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    assert str(experiments / "runs") in bad.stderr

    unknown = _cli(tmp_path, "n_bot=5")
    assert unknown.returncode == 2 and "n_bot" in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1

    sweeps = experiments / "sweeps"
    make_sweep(sweeps / "2024-05-01_09-00-00-old", [{"overrides": ["model=a"]}])
    newest = make_sweep(sweeps / "2024-05-02_09-00-00-new", [{"overrides": ["model=b"]}])
    assert default_dir(experiments) == newest
    good = _cli(tmp_path, f"paths.experiments={experiments}")
    assert good.returncode == 0, good.stderr
    assert (newest / "leaderboard.png").is_file()
    assert not (sweeps / "2024-05-01_09-00-00-old" / "leaderboard.csv").exists()
    assert not (tmp_path / "outputs").exists()  # Hydra writes no run folder of its own


def test_default_dir_falls_back_to_runs(tmp_path: Path) -> None:
    (tmp_path / "sweeps").mkdir(parents=True)
    assert default_dir(tmp_path) == tmp_path / "runs"


def test_plot_of_long_row_labels_keeps_its_layout(tmp_path: Path) -> None:
    """A sweep's overrides make long row labels: wrapped, the layout needs no warning."""
    import warnings

    from wederhoor.evaluation.leaderboard_render import plot

    n = 3
    frame = pd.DataFrame({"name": [f"run {i} " + "model.classifier.C=0.5, " * 12
                                   for i in range(n)],
                          "eval_against": "gold", "macro_f1": 0.8, "ci_low": 0.7,
                          "ci_high": 0.9, "f1_accusation": 0.8, "f1_denial": 0.7,
                          "f1_neutral": 0.9})
    frame.attrs["config_columns"] = ["name"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plot(frame, tmp_path / "leaderboard.png")
    assert (tmp_path / "leaderboard.png").stat().st_size > 0


def test_default_dir_passes_over_newer_sweeps_without_a_finished_run(tmp_path: Path) -> None:
    """A sweep that failed before any job finished (an empty folder, jobs with Hydra's files
    only, jobs whose metrics say failed) no longer hides the last good one."""
    from tests.clitools import run_in_process

    sweeps = tmp_path / "sweeps"
    good = make_sweep(sweeps / "2024-05-01_09-00-00-baselines", [{"overrides": ["model=a"]},
                                                                 {"overrides": ["model=b"]}])
    (sweeps / "2024-05-02_09-00-00-baselines").mkdir()
    job = sweeps / "2024-05-03_09-00-00-baselines" / "0"
    (job / ".hydra").mkdir(parents=True)
    (job / "train.log").write_text("", encoding="utf-8")
    newest = make_sweep(sweeps / "2024-05-04_09-00-00-baselines",
                        [{"overrides": ["model=a"], "status": "failed"}])
    done = run_in_process("compare", f"paths.experiments={tmp_path}", "n_boot=20")
    assert done.returncode == 0, done.stderr
    [line] = done.stderr.splitlines()
    assert "skipping 3 newer sweep(s) without a finished run" in line
    assert newest.name in line and f"comparing {good.name}" in line
    assert (good / "leaderboard.csv").is_file() and not (newest / "leaderboard.csv").exists()
    for folder in (good / "0", good / "1"):  # with no usable sweep, the newest is named
        for name in ("metrics.json", "predictions.csv"):
            (folder / name).unlink()
    assert default_dir(tmp_path) == newest
