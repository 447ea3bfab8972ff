"""Train/evaluation splits that never put sentences of one document on both sides."""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from wederhoor.errors import UserError, info

Fold = tuple[np.ndarray, np.ndarray]


@dataclass
class GroupKFoldSplitter:
    """Stratified group k-fold over documents (the default): every document is evaluated once."""

    k: int = 5
    seed: int = 42
    shuffle: bool = True

    def folds(self, y: Sequence[str], groups: Sequence[str], subset: Sequence[str] | None = None
              ) -> Iterator[Fold]:
        from sklearn.model_selection import StratifiedGroupKFold

        n_docs = len(set(groups))
        if n_docs < 2:
            raise UserError(f"cross-validation needs at least 2 documents, the corpus has "
                            f"{n_docs}; add documents or use split=holdout with more data")
        k = self.k
        if n_docs < k:
            info(f"only {n_docs} documents for {k} folds: using {n_docs} folds (split.k={n_docs})")
            k = n_docs
        splitter = StratifiedGroupKFold(n_splits=k, shuffle=self.shuffle,
                                        random_state=self.seed if self.shuffle else None)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "least populated class" on tiny data
            yield from splitter.split(np.zeros(len(y)), np.asarray(y), np.asarray(groups))


@dataclass
class HoldoutSplitter:
    """One random split of documents into train and test (seeded)."""

    test_size: float = 0.3
    seed: int = 42

    def folds(self, y: Sequence[str], groups: Sequence[str], subset: Sequence[str] | None = None
              ) -> Iterator[Fold]:
        from sklearn.model_selection import GroupShuffleSplit

        if len(set(groups)) < 2:
            raise UserError("a holdout split needs at least 2 documents")
        splitter = GroupShuffleSplit(n_splits=1, test_size=self.test_size, random_state=self.seed)
        yield from splitter.split(np.zeros(len(y)), np.asarray(y), np.asarray(groups))


@dataclass
class CorpusSplitter:
    """The corpus's own dev/test split (column ``split`` of its metadata): train on dev only."""

    train: str = "dev"
    test: str = "test"

    def folds(self, y: Sequence[str], groups: Sequence[str], subset: Sequence[str] | None = None
              ) -> Iterator[Fold]:
        if subset is None:
            raise UserError("split=corpus needs a 'split' column (dev/test) in the corpus "
                            "metadata (data.meta); use split=group_kfold otherwise")
        part = np.asarray(subset)
        train_idx = np.flatnonzero(part == self.train)
        test_idx = np.flatnonzero(part == self.test)
        if not len(train_idx) or not len(test_idx):
            raise UserError(f"split=corpus found {len(train_idx)} '{self.train}' and "
                            f"{len(test_idx)} '{self.test}' sentences; both must be non-empty")
        yield train_idx, test_idx
