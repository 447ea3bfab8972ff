"""Cross-validation splitters that never put sentences of one document on both sides.

They follow scikit-learn's CV splitter protocol (``split(X, y, groups)`` and
``get_n_splits``), with the document ids as ``groups``, so ``cross_val_predict`` and
friends accept them. The corpus's own dev/test split needs one more input, each sentence's
part (``parts=``); ``CorpusSplitter.predefined(parts)`` gives the equivalent scikit-learn
``PredefinedSplit`` for use outside the experiment.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from wederhoor.errors import UserError, info

Fold = tuple[np.ndarray, np.ndarray]


def _require_groups(groups: Sequence[Any] | None, what: str) -> np.ndarray:
    if groups is None:
        raise UserError(f"{what} needs the document id of every sentence (groups=)")
    return np.asarray(groups)


@dataclass
class GroupKFoldSplitter:
    """Stratified group k-fold over documents (the default): every document is evaluated once.

    ``within`` restricts the folds to one part of the corpus (``within: dev``), so models can
    be compared and tuned on the dev documents without ever training on or scoring the test
    documents (which are then neither trained on nor evaluated).
    """

    k: int = 5
    seed: int = 42
    shuffle: bool = True
    within: str | None = None

    def get_n_splits(self, X: Any = None, y: Any = None, groups: Any = None) -> int:
        return self.k if groups is None else min(self.k, len(set(groups)))

    def split(self, X: Any, y: Sequence[Any] | None = None,
              groups: Sequence[Any] | None = None, parts: Sequence[str] | None = None
              ) -> Iterator[Fold]:
        g = _require_groups(groups, "cv=group_kfold")
        rows = self._rows(len(g), parts)
        for train_idx, test_idx in self._folds(g[rows], None if y is None else
                                               np.asarray(y)[rows]):
            yield rows[train_idx], rows[test_idx]

    def _rows(self, n: int, parts: Sequence[str] | None) -> np.ndarray:
        """The sentences that take part: all, or those of the part named by ``within``."""
        if self.within is None:
            return np.arange(n)
        if parts is None:
            raise UserError(f"cv.within={self.within} needs a 'split' column in the corpus "
                            "metadata (data.meta); set cv.within=null otherwise")
        rows = np.flatnonzero(np.asarray(parts) == self.within)
        if not len(rows):
            raise UserError(f"cv.within={self.within}: no sentence of the corpus is in part "
                            f"'{self.within}' (column split of data.meta)")
        return rows

    def _folds(self, g: np.ndarray, y: np.ndarray | None) -> Iterator[Fold]:
        from sklearn.model_selection import StratifiedGroupKFold

        n_docs = len(set(g.tolist()))
        if n_docs < 2:
            raise UserError(f"cross-validation needs at least 2 documents, the corpus has "
                            f"{n_docs}; add documents or use cv=holdout with more data")
        k = self.k
        if n_docs < k:
            info(f"only {n_docs} documents for {k} folds: using {n_docs} folds (cv.k={n_docs})")
            k = n_docs
        splitter = StratifiedGroupKFold(n_splits=k, shuffle=self.shuffle,
                                        random_state=self.seed if self.shuffle else None)
        labels = y if y is not None else np.zeros(len(g))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "least populated class" on tiny data
            yield from splitter.split(np.zeros(len(g)), labels, g)


@dataclass
class HoldoutSplitter:
    """One random split of documents into train and test (seeded)."""

    test_size: float = 0.3
    seed: int = 42

    def get_n_splits(self, X: Any = None, y: Any = None, groups: Any = None) -> int:
        return 1

    def split(self, X: Any, y: Sequence[Any] | None = None,
              groups: Sequence[Any] | None = None, parts: Sequence[str] | None = None
              ) -> Iterator[Fold]:
        from sklearn.model_selection import GroupShuffleSplit

        g = _require_groups(groups, "cv=holdout")
        if len(set(g.tolist())) < 2:
            raise UserError("a holdout split needs at least 2 documents")
        splitter = GroupShuffleSplit(n_splits=1, test_size=self.test_size, random_state=self.seed)
        yield from splitter.split(np.zeros(len(g)), None, g)


@dataclass
class CorpusSplitter:
    """The corpus's own dev/test split (column ``split`` of its metadata): train on dev only."""

    train: str = "dev"
    test: str = "test"

    def get_n_splits(self, X: Any = None, y: Any = None, groups: Any = None) -> int:
        return 1

    def split(self, X: Any, y: Sequence[Any] | None = None,
              groups: Sequence[Any] | None = None, parts: Sequence[str] | None = None
              ) -> Iterator[Fold]:
        yield self._fold(parts)

    def predefined(self, parts: Sequence[str]) -> Any:
        """The same split as a scikit-learn ``PredefinedSplit`` (test = 0, train = -1,
        sentences of neither part = -1 too but they are never trained on: see ``split``)."""
        from sklearn.model_selection import PredefinedSplit

        train_idx, test_idx = self._fold(parts)
        fold = np.full(len(parts), -2)
        fold[train_idx] = -1
        fold[test_idx] = 0
        if (fold == -2).any():
            raise UserError(f"cv=corpus: some sentences are neither '{self.train}' nor "
                            f"'{self.test}'; PredefinedSplit cannot leave them out")
        return PredefinedSplit(fold)

    def _fold(self, parts: Sequence[str] | None) -> Fold:
        if parts is None:
            raise UserError("cv=corpus needs a 'split' column (dev/test) in the corpus "
                            "metadata (data.meta); use cv=group_kfold otherwise")
        part = np.asarray(parts)
        train_idx = np.flatnonzero(part == self.train)
        test_idx = np.flatnonzero(part == self.test)
        if not len(train_idx) or not len(test_idx):
            raise UserError(f"cv=corpus found {len(train_idx)} '{self.train}' and "
                            f"{len(test_idx)} '{self.test}' sentences; both must be non-empty")
        return train_idx, test_idx
