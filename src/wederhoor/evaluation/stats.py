"""Macro-F1 with document-level resampling: confidence intervals and paired tests.

Sentences of one news document share a writer, a topic and a story, so their errors are
correlated. Resampling single sentences would pretend there are far more independent
observations than there are; every procedure here resamples (or swaps) whole documents.

Speed comes from counting once: each document is reduced to per-class true-positive,
false-positive and false-negative counts, and a resample is a weighted sum of those counts.

Macro-F1 averages over the labels that occur in the reference or the predictions; a label
absent from both is undefined rather than wrong and is skipped. That equals sklearn's
``f1_score(average="macro")`` with its default label set, and keeps a perfect system at
exactly 1.0 on resamples that happen to miss a rare class.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

# One value per sentence, in corpus order: a list, a numpy array or a pandas column.
Column: TypeAlias = "Sequence[Any] | np.ndarray | pd.Series"

_CHUNK = 128  # resamples per matrix product: bounds memory for large corpora
_TIE = 1e-12  # float tolerance when comparing differences to the observed one


def _codes(values: Column, labels: Sequence[str]) -> np.ndarray:
    """Map values to label indices; anything outside `labels` becomes len(labels)."""
    arr = np.asarray(values, dtype=object)
    if arr.size == 0:
        return np.zeros(0, dtype=np.int64)
    uniq, inverse = np.unique(arr.astype(str), return_inverse=True)
    index = {label: i for i, label in enumerate(labels)}
    lookup = np.array([index.get(u, len(labels)) for u in uniq], dtype=np.int64)
    return lookup[inverse.reshape(-1)]


def _doc_codes(doc_ids: Column) -> tuple[np.ndarray, int]:
    """Number documents 0..D-1 in sorted id order."""
    arr = np.asarray(doc_ids, dtype=object).astype(str)
    uniq, inverse = np.unique(arr, return_inverse=True)
    return inverse.reshape(-1), len(uniq)


def _doc_counts(
    docs: np.ndarray, n_docs: int, y_true: Column, y_pred: Column, labels: Sequence[str]
) -> np.ndarray:
    """Per-document counts, shape (D, 3, K): rows are tp, fp, fn per label."""
    k = len(labels)
    t = _codes(y_true, labels)
    p = _codes(y_pred, labels)
    right = t == p
    out = np.zeros((n_docs, 3, k))
    for row, cls, mask in ((0, t, right), (1, p, ~right), (2, t, ~right)):
        keep = mask & (cls < k)
        flat = np.bincount(docs[keep] * k + cls[keep], minlength=n_docs * k)
        out[:, row, :] = flat.reshape(n_docs, k)
    return out


def _macro_from_counts(counts: np.ndarray) -> np.ndarray:
    """Macro-F1 from (..., 3, K) counts, skipping labels with no tp, fp or fn."""
    tp, fp, fn = counts[..., 0, :], counts[..., 1, :], counts[..., 2, :]
    denom = 2 * tp + fp + fn
    defined = denom > 0
    f1 = np.divide(2 * tp, denom, out=np.zeros_like(denom, dtype=float), where=defined)
    n_defined = defined.sum(axis=-1)
    total = f1.sum(axis=-1)
    return np.divide(total, n_defined, out=np.zeros_like(total, dtype=float), where=n_defined > 0)


def _check_lengths(**arrays: Column) -> int:
    """All inputs must describe the same sentences; return their number."""
    lengths = {name: len(a) for name, a in arrays.items()}
    if len(set(lengths.values())) != 1:
        detail = ", ".join(f"{name}={n}" for name, n in lengths.items())
        raise ValueError(
            f"inputs describe different sentence sets ({detail}); "
            "align both systems on the same (doc_id, sent_id) pairs first"
        )
    n = next(iter(lengths.values()))
    if n == 0:
        raise ValueError("no sentences to score")
    return n


def _check_rounds(n: int, name: str) -> None:
    if n < 1:
        raise ValueError(f"{name} must be at least 1, got {n}")


def _resample_weights(rng: np.random.Generator, n_docs: int, n: int) -> np.ndarray:
    """How often each document is drawn in each of `n` resamples, shape (n, D)."""
    idx = rng.integers(0, n_docs, size=(n, n_docs))
    idx += np.arange(n)[:, None] * n_docs
    return np.bincount(idx.ravel(), minlength=n * n_docs).reshape(n, n_docs).astype(float)


def _chunks(total: int) -> list[int]:
    return [min(_CHUNK, total - start) for start in range(0, total, _CHUNK)]


def macro_f1(y_true: Column, y_pred: Column, labels: Sequence[str]) -> float:
    """Unweighted mean of per-label F1 over the labels that occur (see module docstring)."""
    _check_lengths(y_true=y_true, y_pred=y_pred)
    docs = np.zeros(len(y_true), dtype=np.int64)
    counts = _doc_counts(docs, 1, y_true, y_pred, labels)
    return float(_macro_from_counts(counts.sum(axis=0)))


def bootstrap_ci(
    doc_ids: Column,
    y_true: Column,
    y_pred: Column,
    labels: Sequence[str],
    n_boot: int = 1000,
    alpha: float = 0.05,
    seed: int = 0,
) -> tuple[float, float, float]:
    """Percentile cluster-bootstrap CI for macro-F1: (point, low, high).

    Whole documents are drawn with replacement, as many as the corpus has.
    """
    _check_lengths(doc_ids=doc_ids, y_true=y_true, y_pred=y_pred)
    _check_rounds(n_boot, "n_boot")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie strictly between 0 and 1, got {alpha}")
    docs, n_docs = _doc_codes(doc_ids)
    counts = _doc_counts(docs, n_docs, y_true, y_pred, labels).reshape(n_docs, -1)
    point = float(_macro_from_counts(counts.sum(axis=0).reshape(3, -1)))
    rng = np.random.default_rng(seed)
    scores = []
    for n in _chunks(n_boot):
        summed = _resample_weights(rng, n_docs, n) @ counts
        scores.append(_macro_from_counts(summed.reshape(n, 3, -1)))
    boot = np.concatenate(scores)
    low, high = np.quantile(boot, [alpha / 2, 1 - alpha / 2])
    # Quantile interpolation can land a hair outside the range for constant inputs.
    return point, float(min(low, point)), float(max(high, point))


def _paired_counts(
    doc_ids: Column, y_true: Column, pred_a: Column, pred_b: Column, labels: Sequence[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Per-document counts for both systems, flattened to (D, 3K)."""
    _check_lengths(doc_ids=doc_ids, y_true=y_true, pred_a=pred_a, pred_b=pred_b)
    docs, n_docs = _doc_codes(doc_ids)
    a = _doc_counts(docs, n_docs, y_true, pred_a, labels).reshape(n_docs, -1)
    b = _doc_counts(docs, n_docs, y_true, pred_b, labels).reshape(n_docs, -1)
    return a, b


def _delta(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Macro-F1 of a minus macro-F1 of b, for (..., 3K) count rows."""
    shape = a.shape[:-1] + (3, -1)
    return _macro_from_counts(a.reshape(shape)) - _macro_from_counts(b.reshape(shape))


def paired_bootstrap(
    doc_ids: Column,
    y_true: Column,
    pred_a: Column,
    pred_b: Column,
    labels: Sequence[str],
    n_boot: int = 1000,
    seed: int = 0,
) -> float:
    """Two-sided p-value for the macro-F1 difference between two systems.

    Documents are resampled jointly for both systems; the bootstrap distribution of the
    difference is centred on zero to act as the null, and p is the share of resampled
    differences at least as far from zero as the observed one (with the +1 correction).
    """
    _check_rounds(n_boot, "n_boot")
    a, b = _paired_counts(doc_ids, y_true, pred_a, pred_b, labels)
    delta = float(_delta(a.sum(axis=0), b.sum(axis=0)))
    rng = np.random.default_rng(seed)
    extreme = 0
    for n in _chunks(n_boot):
        w = _resample_weights(rng, a.shape[0], n)
        shifted = np.abs(_delta(w @ a, w @ b) - delta)
        extreme += int(np.sum(shifted >= abs(delta) - _TIE))
    return (extreme + 1) / (n_boot + 1)


def approximate_randomization(
    doc_ids: Column,
    y_true: Column,
    pred_a: Column,
    pred_b: Column,
    labels: Sequence[str],
    n_rounds: int = 1000,
    seed: int = 0,
) -> float:
    """Two-sided p-value by swapping the systems' outputs per document with probability 0.5.

    Under the null the two systems are exchangeable, so the observed difference should look
    like the differences seen after random swaps.
    """
    _check_rounds(n_rounds, "n_rounds")
    a, b = _paired_counts(doc_ids, y_true, pred_a, pred_b, labels)
    total_a, total_b = a.sum(axis=0), b.sum(axis=0)
    observed = abs(float(_delta(total_a, total_b)))
    moved = b - a
    rng = np.random.default_rng(seed)
    extreme = 0
    for n in _chunks(n_rounds):
        swap = (rng.random((n, a.shape[0])) < 0.5).astype(float)
        shift = swap @ moved
        diffs = np.abs(_delta(total_a + shift, total_b - shift))
        extreme += int(np.sum(diffs >= observed - _TIE))
    return (extreme + 1) / (n_rounds + 1)
