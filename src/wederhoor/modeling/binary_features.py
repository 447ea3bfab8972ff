"""Rows of named yes/no features as the sparse matrix scikit-learn's estimators read."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
from scipy import sparse


def binary_rows(keys_per_row: Iterable[Iterable[str]], vocabulary: Mapping[str, int],
                n_rows: int) -> sparse.csr_matrix:
    """A 1 at (row, vocabulary[key]) for every key of a row; keys not in the vocabulary (a
    function or label unseen at fit) are left out, as TfidfVectorizer leaves unseen words."""
    rows: list[int] = []
    cols: list[int] = []
    for i, keys in enumerate(keys_per_row):
        for key in keys:
            col = vocabulary.get(key)
            if col is not None:
                rows.append(i)
                cols.append(col)
    data = np.ones(len(rows), dtype=np.float64)
    return sparse.csr_matrix((data, (rows, cols)), shape=(n_rows, len(vocabulary)))
