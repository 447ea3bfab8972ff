"""Hostile inputs to labelling and scoring: run-on sentences, runs with training-only rows,
gold mismatches on a clean clone."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from tests.clitools import assert_one_line_error, run_in_process
from wederhoor.cli import CONF_DIR
from wederhoor.compare import compare
from wederhoor.evaluation.leaderboard import build_leaderboard, collect_runs
from wederhoor.evaluation.stats import approximate_randomization, bootstrap_ci, macro_f1
from wederhoor.labelers import matcher
from wederhoor.labelers.rules import RuleLabeler

LABELS = ["accusation", "denial", "neutral"]
FILLER = "Het weer was zonnig en de markt op het plein trok veel bezoekers. "
ACCUSE = "De burgemeester wordt beschuldigd van fraude."
DENY = "De rederij spreekt de berichten tegen."


@pytest.fixture(scope="module")
def rl() -> RuleLabeler:
    return RuleLabeler()


@pytest.fixture(scope="module")
def small() -> RuleLabeler:
    return RuleLabeler(max_chars=512)


def _spans(text: str, size: int) -> list[tuple[int, int]]:
    return list(matcher.window_spans(text, size))


# ------------------------------------------------------------------ long sentences


def test_filler_and_cues_are_what_the_tests_assume(rl: RuleLabeler) -> None:
    assert rl.label_one(FILLER * 50, "nl") == ("neutral", [])
    assert rl.label_one(ACCUSE, "nl")[0] == "accusation"
    assert rl.label_one(DENY, "nl")[0] == "denial"


def test_megabyte_sentence_is_read_in_bounded_windows(
    rl: RuleLabeler, monkeypatch: pytest.MonkeyPatch
) -> None:
    half = FILLER * (510_000 // len(FILLER))
    text = half + ACCUSE + " " + half
    assert len(text) > 1_000_000
    seen: list[int] = []
    real = matcher.fire

    def spy(lex, t, gated=True):  # noqa: ANN001, ANN202
        seen.append(len(t))
        return real(lex, t, gated)

    monkeypatch.setattr(matcher, "fire", spy)
    assert rl.label_one(text, "nl") == rl.label_one(ACCUSE, "nl")
    long_calls = seen[:-1]  # the last call labelled the short sentence
    assert seen[-1] == len(ACCUSE)
    # the rules never see more than max_chars at once, and the windows cover the sentence
    assert max(long_calls) <= rl.max_chars
    assert len(long_calls) >= len(text) // rl.max_chars
    assert sum(long_calls) >= len(text)


def test_short_sentence_reaches_the_rules_whole(
    small: RuleLabeler, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (FILLER * 20)[: small.max_chars - len(ACCUSE) - 1] + " " + ACCUSE
    assert len(text) == small.max_chars
    seen: list[str] = []
    real = matcher.fire

    def spy(lex, t, gated=True):  # noqa: ANN001, ANN202
        seen.append(t)
        return real(lex, t, gated)

    monkeypatch.setattr(matcher, "fire", spy)
    label = small.label_one(text, "nl")
    assert seen == [text]  # at the bound: one call on the untouched sentence
    assert label == RuleLabeler(max_chars=100_000).label_one(text, "nl")


@pytest.mark.parametrize("size", [512, 4000])
def test_cue_across_a_window_boundary_still_fires(
    rl: RuleLabeler, small: RuleLabeler, size: int
) -> None:
    labeler = small if size == 512 else rl
    expected = labeler.label_one(ACCUSE, "nl")
    tail = " " + FILLER * (2 * size // len(FILLER) + 2)
    straddled = 0
    for cut in range(size - len(ACCUSE) - 10, size + 10, 4):
        prefix = (FILLER * (size // len(FILLER) + 2))[:cut].rstrip() + " "
        text = prefix + ACCUSE + tail
        assert len(text) > size
        start, end = len(prefix), len(prefix) + len(ACCUSE)
        edges = [e for span in _spans(text, size) for e in span]
        straddled += any(start < e < end for e in edges)
        label, fired = labeler.label_one(text, "nl")
        assert label == expected[0], (cut, fired)
        assert set(expected[1]) <= set(fired), (cut, fired)
    assert straddled >= 5  # the cue really was cut by a window edge in those cases


def test_windows_pool_by_tier_priority(small: RuleLabeler) -> None:
    gap = FILLER * (3 * small.max_chars // len(FILLER))
    long = ACCUSE + " " + gap + DENY  # the two cues lie in windows far apart
    spans = _spans(long, small.max_chars)
    assert not any(s == 0 and e >= len(long) - len(DENY) for s, e in spans)
    label, fired = small.label_one(long, "nl")
    # the same aggregation as both cues in one short sentence: highest tier wins, union
    assert (label, fired) == small.label_one(ACCUSE + " " + DENY, "nl")
    assert label == "denial"  # denial_explicit outranks accusation
    assert set(small.label_one(ACCUSE, "nl")[1]) | set(small.label_one(DENY, "nl")[1]) \
        == set(fired)
    assert small.votes(long, "nl") == small.votes(ACCUSE + " " + DENY, "nl")


@pytest.mark.parametrize("text", [
    ("woord " * 3000),
    ("x" * 9000),  # no whitespace at all: hard cuts
    ("ab cdefghijklmnopqrstuvwxyz " * 500 + "z" * 700 + " kort" * 300),
])
def test_window_spans_cover_with_overlap(text: str) -> None:
    size = 512
    spans = _spans(text, size)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:], strict=False):
        assert e1 - s1 <= size and e2 - s2 <= size
        assert s1 < s2 and e1 < e2
        assert e1 - s2 >= size // 8  # any stretch this short lies inside one window
    assert _spans("kort", size) == [(0, 4)]


def test_max_chars_default_lives_in_yaml() -> None:
    conf = yaml.safe_load((CONF_DIR / "labeler" / "rules.yaml").read_text(encoding="utf-8"))
    default = inspect.signature(RuleLabeler).parameters["max_chars"].default
    assert conf["max_chars"] == default
    for bad in (0, 10, "4000", True, 2.5e3):
        with pytest.raises(ValueError, match="max_chars"):
            RuleLabeler(max_chars=bad)  # type: ignore[arg-type]


# ------------------------------------------------------------------ compare: out-of-fold only

N_DOCS, PER_DOC = 40, 5


def _make_run(folder: Path, name: str, accuracy: float, seed: int) -> pd.DataFrame:
    """A run folder whose predictions.csv holds training-only rows without a prediction
    (docs 20-31: empty predicted, fold -1) and in-sample rows of the final model (docs 32-39:
    predicted, fold -1), next to out-of-fold rows (docs 0-19, folds 0-4)."""
    rng = np.random.default_rng(seed)
    n = N_DOCS * PER_DOC
    doc = np.repeat(np.arange(N_DOCS), PER_DOC)
    frame = pd.DataFrame({
        "doc_id": [f"doc{d:02d}" for d in doc],
        "sent_id": np.tile(np.arange(PER_DOC), N_DOCS),
        "text": [f"Zin {i}." for i in range(n)],
        "gold": np.random.default_rng(0).choice(LABELS, size=n),
        "silver": "neutral",
    })
    truth = frame["gold"].to_numpy()
    guess = np.where(rng.random(n) < accuracy, truth, rng.choice(LABELS, size=n))
    oof = doc < N_DOCS // 2
    frame["predicted"] = np.where(oof, guess, "")
    frame["fold"] = np.where(oof, doc % 5, -1)
    in_sample = doc >= 32
    frame.loc[in_sample, "predicted"] = "accusation"
    folder.mkdir(parents=True)
    (folder / ".hydra").mkdir()
    (folder / ".hydra" / "overrides.yaml").write_text(yaml.safe_dump([f"model={name}"]))
    frame.to_csv(folder / "predictions.csv", index=False)
    scored = frame[oof]
    per_class = {}
    for lab in LABELS:
        tp = int(((scored["gold"] == lab) & (scored["predicted"] == lab)).sum())
        fp = int(((scored["gold"] != lab) & (scored["predicted"] == lab)).sum())
        fn = int(((scored["gold"] == lab) & (scored["predicted"] != lab)).sum())
        per_class[lab] = {"f1": 2 * tp / max(2 * tp + fp + fn, 1)}
    metrics = {
        "status": "ok", "name": name, "seed": 0, "eval_against": "gold",
        "data_fingerprint": "fp", "seconds": {"train": 1.0, "predict": 0.1},
        "metrics": {"macro_f1": macro_f1(scored["gold"], scored["predicted"], LABELS),
                    "accuracy": float((scored["gold"] == scored["predicted"]).mean()),
                    "kappa": 0.5, "per_class": per_class},
    }
    (folder / "metrics.json").write_text(json.dumps(metrics))
    return scored


def test_compare_scores_only_out_of_fold_rows(tmp_path: Path) -> None:
    good = _make_run(tmp_path / "sweep" / "0", "good", 0.85, 1)
    weak = _make_run(tmp_path / "sweep" / "1", "weak", 0.55, 2)
    runs, problems = collect_runs(tmp_path / "sweep")
    assert problems == []
    assert all(len(r.predictions) == N_DOCS * PER_DOC // 2 for r in runs)
    board = build_leaderboard(runs, n_boot=200, seed=3).set_index("model")
    for name, scored in (("good", good), ("weak", weak)):
        point, low, high = bootstrap_ci(scored["doc_id"], scored["gold"], scored["predicted"],
                                        LABELS, n_boot=200, seed=3)
        row = board.loc[name]
        assert row["macro_f1"] == pytest.approx(point)
        assert row["ci_low"] <= row["macro_f1"] <= row["ci_high"]
        assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high))
        assert "predictions.csv gives" not in row["notes"]
    p = approximate_randomization(good["doc_id"], good["gold"], good["predicted"],
                                  weak["predicted"], LABELS, n_rounds=200, seed=3)
    assert board.at["weak", "p_vs_best"] == pytest.approx(p)


def test_compare_cli_interval_holds_the_score(tmp_path: Path, capsys) -> None:
    _make_run(tmp_path / "run", "only", 0.8, 4)
    compare(tmp_path / "run", n_boot=100)
    capsys.readouterr()
    table = pd.read_csv(tmp_path / "run" / "leaderboard.csv")
    assert (table["ci_low"] <= table["macro_f1"]).all()
    assert (table["macro_f1"] <= table["ci_high"]).all()


# ------------------------------------------------------------------ gold-check exit codes


def test_gold_check_lists_mismatches_and_exits_0_errors_exit_2(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "d1.txt").write_text(f"{ACCUSE} Hij ontkent alles.\n", encoding="utf-8")
    gold = tmp_path / "gold.csv"
    gold.write_text(f"doc_id,text,label\nd1,{ACCUSE},accusation\n"
                    "d1,Een zin die de segmenter niet maakt.,neutral\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(f"doc_id,text,label\nd1,{ACCUSE},guilty\n", encoding="utf-8")
    common = ("data=custom", f"data.input={docs}", "workers=1")
    listed = run_in_process("gold_check", *common, f"data.gold={gold}")
    assert listed.returncode == 0, listed.stderr
    assert "1 gold sentence(s) not produced, 1 produced sentence(s) without gold" in listed.stdout
    assert "gold only      d1: Een zin die de segmenter niet maakt." in listed.stdout
    assert "segmenter only d1: Hij ontkent alles." in listed.stdout
    done = run_in_process("gold_check", *common, f"data.gold={bad}")
    assert done.returncode == 2
    assert_one_line_error(done, "unknown label", "guilty")
