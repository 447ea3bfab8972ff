"""Known answers for the document-level resampling statistics."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import f1_score

from wederhoor.evaluation.stats import (
    approximate_randomization,
    bootstrap_ci,
    macro_f1,
    paired_bootstrap,
)

LABELS = ("accusation", "denial", "neutral")


def random_corpus(n_docs: int, per_doc: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Document ids and reference labels for a synthetic corpus."""
    rng = np.random.default_rng(seed)
    docs = np.repeat([f"d{i}" for i in range(n_docs)], per_doc)
    return docs, rng.choice(LABELS, size=len(docs))


def noisy(truth: np.ndarray, accuracy: float, seed: int) -> np.ndarray:
    """Keep the right label with probability `accuracy`, else draw any label."""
    rng = np.random.default_rng(seed)
    keep = rng.random(len(truth)) < accuracy
    return np.where(keep, truth, rng.choice(LABELS, size=len(truth)))


# ------------------------------------------------------------------ macro_f1


def test_macro_f1_hand_computed() -> None:
    y_true = ["accusation", "accusation", "denial", "neutral", "neutral", "neutral"]
    y_pred = ["accusation", "neutral", "denial", "neutral", "neutral", "denial"]
    # accusation: tp1 fp0 fn1 -> 2/3; denial: tp1 fp1 fn0 -> 2/3; neutral: tp2 fp1 fn1 -> 2/3
    assert macro_f1(y_true, y_pred, LABELS) == pytest.approx(2 / 3)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_macro_f1_matches_sklearn_on_random_data(seed: int) -> None:
    _, truth = random_corpus(50, 7, seed)
    pred = noisy(truth, 0.5, seed + 100)
    expected = f1_score(truth, pred, labels=list(LABELS), average="macro")
    assert macro_f1(truth, pred, LABELS) == pytest.approx(expected)


def test_macro_f1_skips_label_absent_from_both_like_sklearn_default() -> None:
    y_true = ["accusation", "neutral", "neutral", "accusation"]
    y_pred = ["accusation", "neutral", "accusation", "accusation"]
    expected = f1_score(y_true, y_pred, average="macro")  # default labels: those that occur
    assert macro_f1(y_true, y_pred, LABELS) == pytest.approx(expected)


def test_macro_f1_unknown_prediction_counts_as_miss() -> None:
    # An empty or unknown prediction is a false negative for the true class, not a new class.
    assert macro_f1(["denial", "denial"], ["denial", ""], LABELS) == pytest.approx(2 / 3)


# ------------------------------------------------------------------ bootstrap_ci


def test_ci_of_perfect_system_is_all_ones() -> None:
    docs, truth = random_corpus(5, 3, seed=4)
    assert bootstrap_ci(docs, truth, truth, LABELS, n_boot=300) == (1.0, 1.0, 1.0)


def test_ci_contains_point_and_point_is_macro_f1() -> None:
    docs, truth = random_corpus(80, 10, seed=5)
    pred = noisy(truth, 0.6, seed=6)
    point, low, high = bootstrap_ci(docs, truth, pred, LABELS, n_boot=500)
    assert point == pytest.approx(macro_f1(truth, pred, LABELS))
    assert low < point < high
    assert 0.0 < low and high < 1.0


def test_wider_ci_for_smaller_alpha() -> None:
    docs, truth = random_corpus(80, 10, seed=5)
    pred = noisy(truth, 0.6, seed=6)
    _, low95, high95 = bootstrap_ci(docs, truth, pred, LABELS, n_boot=500, alpha=0.05)
    _, low50, high50 = bootstrap_ci(docs, truth, pred, LABELS, n_boot=500, alpha=0.5)
    assert low95 < low50 and high50 < high95


def test_same_seed_same_result_other_seed_differs() -> None:
    docs, truth = random_corpus(60, 8, seed=7)
    pred = noisy(truth, 0.6, seed=8)
    first = bootstrap_ci(docs, truth, pred, LABELS, n_boot=200, seed=11)
    again = bootstrap_ci(docs, truth, pred, LABELS, n_boot=200, seed=11)
    other = bootstrap_ci(docs, truth, pred, LABELS, n_boot=200, seed=12)
    assert first == again
    assert first[0] == other[0]  # the point estimate does not depend on the seed
    assert first[1:] != other[1:]
    pb = [paired_bootstrap(docs, truth, pred, truth, LABELS, 200, s) for s in (1, 1)]
    assert pb[0] == pb[1]


def test_seeded_call_does_not_touch_global_rng() -> None:
    np.random.seed(123)
    expected = np.random.random()
    np.random.seed(123)
    docs, truth = random_corpus(20, 4, seed=9)
    bootstrap_ci(docs, truth, noisy(truth, 0.5, 10), LABELS, n_boot=50)
    assert np.random.random() == expected


def test_resampling_is_by_document() -> None:
    # Errors cluster: 20 documents are entirely right, 20 entirely wrong. Sentence-level
    # resampling sees 1000 independent sentences and is far too confident.
    rng = np.random.default_rng(13)
    n_docs, per_doc = 40, 25
    doc_ids = np.repeat(np.arange(n_docs), per_doc)
    truth = rng.choice(LABELS, size=n_docs * per_doc)
    wrong = np.array([LABELS[(LABELS.index(t) + 1) % 3] for t in truth])
    pred = np.where(doc_ids < n_docs // 2, truth, wrong)
    _, lo_doc, hi_doc = bootstrap_ci(doc_ids, truth, pred, LABELS, n_boot=1000)
    sentence_ids = np.arange(len(truth))
    _, lo_sent, hi_sent = bootstrap_ci(sentence_ids, truth, pred, LABELS, n_boot=1000)
    assert (hi_doc - lo_doc) > 3 * (hi_sent - lo_sent)


def test_ci_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="different sentence sets"):
        bootstrap_ci(["d1", "d1"], ["denial"], ["denial"], LABELS)
    with pytest.raises(ValueError, match="alpha"):
        bootstrap_ci(["d1"], ["denial"], ["denial"], LABELS, alpha=1.5)


# ------------------------------------------------------------------ paired tests


@pytest.mark.parametrize("test", [paired_bootstrap, approximate_randomization])
def test_identical_systems_give_p_one(test) -> None:
    docs, truth = random_corpus(50, 6, seed=14)
    pred = noisy(truth, 0.6, seed=15)
    assert test(docs, truth, pred, pred.copy(), LABELS, 500, 0) == pytest.approx(1.0)


@pytest.mark.parametrize("test", [paired_bootstrap, approximate_randomization])
def test_perfect_vs_random_is_significant(test) -> None:
    docs, truth = random_corpus(200, 5, seed=16)
    random_pred = np.random.default_rng(17).choice(LABELS, size=len(truth))
    p = test(docs, truth, truth, random_pred, LABELS, 1000, 0)
    assert p < 0.01
    assert p == pytest.approx(1 / 1001)  # no resample is as extreme as the observed gap


@pytest.mark.parametrize("test", [paired_bootstrap, approximate_randomization])
def test_p_value_is_symmetric_and_not_tiny_for_close_systems(test) -> None:
    docs, truth = random_corpus(60, 6, seed=18)
    a = noisy(truth, 0.60, seed=19)
    b = a.copy()
    b[:3] = truth[:3]  # nearly the same system: a handful of sentences differ
    p_ab = test(docs, truth, a, b, LABELS, 500, 3)
    p_ba = test(docs, truth, b, a, LABELS, 500, 3)
    assert p_ab > 0.05
    assert p_ab == pytest.approx(p_ba)


@pytest.mark.parametrize("test", [paired_bootstrap, approximate_randomization])
def test_paired_tests_refuse_different_sentence_sets(test) -> None:
    with pytest.raises(ValueError, match="different sentence sets"):
        test(["d1", "d1"], ["denial", "neutral"], ["denial", "neutral"], ["denial"], LABELS, 10, 0)
