"""scikit-learn's TfidfVectorizer with a compact saved state.

skops stores a fitted vectorizer's ``vocabulary_`` dict entry by entry, and writes its schema
with Python's indented (pure-Python) JSON encoder: for the 86,000 word 1-2-grams of the seed
corpus that took 2.4 s and 42 MB before compression, the slowest step of ``make run``. This
subclass stores the vocabulary as numpy arrays (the terms' UTF-8 bytes end to end, where each
ends, their column numbers), which skops saves as .npy files, and rebuilds the same dict, in
the same order, when it is loaded: saving takes a tenth of the time. It is
the same estimator in every other respect: parameters, fit, transform, output.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.feature_extraction import text


class TfidfVectorizer(text.TfidfVectorizer):
    """``sklearn.feature_extraction.text.TfidfVectorizer``, saved compactly (see module)."""

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())
        vocabulary = state.pop("vocabulary_", None)
        if vocabulary is not None:
            encoded = [term.encode("utf-8") for term in vocabulary]
            state["vocabulary_bytes_"] = np.frombuffer(b"".join(encoded), dtype=np.uint8)
            state["vocabulary_ends_"] = np.cumsum([len(b) for b in encoded], dtype=np.int64)
            state["vocabulary_columns_"] = np.fromiter(vocabulary.values(), dtype=np.int64,
                                                       count=len(vocabulary))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        raw = state.pop("vocabulary_bytes_", None)
        ends = state.pop("vocabulary_ends_", None)
        columns = state.pop("vocabulary_columns_", None)
        if raw is not None and ends is not None and columns is not None:
            data = raw.tobytes()
            starts = [0, *ends[:-1].tolist()]
            terms = [data[a:b].decode("utf-8") for a, b in zip(starts, ends.tolist(), strict=True)]
            state["vocabulary_"] = dict(zip(terms, columns.tolist(), strict=True))
        super().__setstate__(state)
