"""Learning curves: the draws of training documents (known answers) and the command."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.clitools import run_in_process, small_seeds
from wederhoor.errors import UserError
from wederhoor.evaluation.learning_curve import (
    check_fractions,
    drawn_rows,
    draws,
    format_curves,
    summarise,
)

# three real-news-style documents (a: 3 sentences, b: 2, d: 1) and one fictional (c: 2)
DOCS = ["rn-a", "rn-a", "rn-a", "fic-c", "fic-c", "rn-b", "rn-b", "rn-d"]
RN = re.compile("rn-")


def _docs(rows: np.ndarray) -> set[str]:
    return {DOCS[i] for i in rows}


def test_a_draw_keeps_every_other_document_and_whole_drawn_ones() -> None:
    rows = drawn_rows(DOCS, np.arange(len(DOCS)), RN, 0.5, seed=0)
    kept = _docs(rows)
    assert "fic-c" in kept  # documents the pattern does not match are always trained on
    assert len(kept - {"fic-c"}) == 2  # round(0.5 * 3) of the real-news-style ones
    for doc in kept:  # whole documents: every sentence of a kept document is kept
        assert set(rows) >= {i for i, d in enumerate(DOCS) if d == doc}
    assert list(rows) == sorted(rows)


def test_draws_are_seeded_and_vary_with_the_seed() -> None:
    train = np.arange(len(DOCS))
    once, again = (drawn_rows(DOCS, train, RN, 0.34, 7) for _ in range(2))
    assert np.array_equal(once, again)
    picked = {frozenset(_docs(drawn_rows(DOCS, train, RN, 0.34, s))) for s in range(20)}
    assert len(picked) == 3  # one of three documents each time, each of them in some draw


def test_a_draw_takes_at_least_one_document_and_only_training_rows() -> None:
    train = np.array([0, 1, 2, 3, 4])  # rn-b and rn-d are not in training
    rows = drawn_rows(DOCS, train, RN, 0.01, seed=3)
    assert _docs(rows) == {"rn-a", "fic-c"}
    assert np.array_equal(drawn_rows(DOCS, train, None, 1.0, 0), train)  # null: draw from all
    with pytest.raises(UserError, match="matches no training document"):
        drawn_rows(DOCS, train, re.compile("^news-"), 0.5, 0)


def test_the_whole_share_is_drawn_once() -> None:
    assert draws([0.5, 1.0], 3) == [(0.5, 0), (0.5, 1), (0.5, 2), (1.0, 0)]


@pytest.mark.parametrize("bad", [[0, 0.5], [1.5], "abc", [], [True], ["x"]])
def test_fractions_outside_0_1_are_refused(bad: object) -> None:
    with pytest.raises(UserError, match="above 0 and at most 1"):
        check_fractions(bad)


def test_fractions_are_sorted_and_deduplicated() -> None:
    assert check_fractions([1.0, 0.25, 0.25, "0.5"]) == [0.25, 0.5, 1.0]


def test_summary_and_table_known_answers() -> None:
    points = pd.DataFrame([
        {"model": "m", "group": "all", "fraction": 0.5, "macro_f1": 0.6,
         "drawn_sentences": 10, "train_sentences": 30},
        {"model": "m", "group": "all", "fraction": 0.5, "macro_f1": 0.8,
         "drawn_sentences": 12, "train_sentences": 32},
        {"model": "m", "group": "all", "fraction": 1.0, "macro_f1": 0.9,
         "drawn_sentences": 22, "train_sentences": 42},
        {"model": "m", "group": "lang nl", "fraction": 1.0, "macro_f1": 0.85,
         "drawn_sentences": 22, "train_sentences": 42},
    ])
    summary = summarise(points, {"all": 0.75}).set_index(["group", "fraction"])
    half = summary.loc[("all", 0.5)]
    assert half["macro_f1"] == pytest.approx(0.7) and half["draws"] == 2
    assert half["sd"] == pytest.approx(np.std([0.6, 0.8], ddof=1))
    assert half["drawn_sentences"] == 11
    assert summary.loc[("all", 1.0), "sd"] == 0  # one draw: no spread
    assert summary.loc[("all", 1.0), "rules"] == 0.75
    assert np.isnan(summary.loc[("lang nl", 1.0), "rules"])  # no rules score for the group
    table = format_curves(summarise(points, {"all": 0.75}))
    line = next(ln for ln in table.splitlines() if ln.startswith("all"))
    assert line.split() == ["all", "0.700", "0.900", "0.750"]
    nl = next(ln for ln in table.splitlines() if ln.startswith("lang nl"))
    assert nl.split() == ["lang", "nl", "nan", "0.850", "nan"]


@pytest.mark.slow  # the command's whole run (about 5 s); make test runs its refused fit below
def test_command_writes_the_curves(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    done = run_in_process("learning_curve", *small_seeds(tmp_path / "corpus"),
                          "subsample=null", "fractions=[0.5,1.0]", "repeats=2", "workers=1",
                          f"cache_dir={tmp_path / 'cache'}", f"hydra.run.dir={run_dir}")
    assert done.returncode == 0, done.stderr
    points = pd.read_csv(run_dir / "learning_curve.csv")
    assert set(points["model"]) == {"tfidf_logreg", "hybrid_logreg"}
    per_draw = points[points["group"] == "all"].groupby("model").size()
    assert (per_draw == 3).all()  # two draws of half, one of the whole
    whole = points[(points["fraction"] == 1.0) & (points["group"] == "all")]
    half = points[(points["fraction"] == 0.5) & (points["group"] == "all")]
    assert (half["train_sentences"] < whole["train_sentences"].iloc[0]).all()
    assert (whole["drawn_sentences"] == whole["train_sentences"]).all()  # subsample=null
    assert points["macro_f1"].between(0, 1).all()
    assert (run_dir / "learning_curve.png").stat().st_size > 10_000
    assert "rules" in done.stdout and "hybrid_logreg" in done.stdout
    summary = pd.read_csv(run_dir / "learning_curve_summary.csv")
    assert summary["rules"].between(0, 1).all()  # the rules' score of every group, beside it


def test_a_fit_scikit_learn_refuses_is_one_line_and_leaves_no_folder(tmp_path: Path) -> None:
    run_dir = tmp_path / "run"
    done = run_in_process("learning_curve", *small_seeds(tmp_path / "corpus"),
                          "subsample=null", "fractions=[1.0]", "~models.hybrid_logreg",
                          "models.tfidf_logreg.vectorizer.min_df=500", "workers=1",
                          f"cache_dir={tmp_path / 'cache'}", f"hydra.run.dir={run_dir}")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "models.tfidf_logreg" in done.stderr, done.stderr
    assert not run_dir.exists()
