"""Stacking: base classifiers' out-of-fold class probabilities as features of a meta-learner.

``OutOfFoldProbabilities`` is a transformer. ``fit_transform`` (what a ``Pipeline`` or a
``ColumnTransformer`` calls while fitting) returns, for every training sentence, the class
probabilities of base classifiers that never saw its *document*: the training rows are cut
into inner folds by ``doc_id`` (stratified group k-fold), each base is fit on the other folds
and predicts the held-out one; then each base is refit on all rows for ``transform``. So the
meta-learner (the pipeline's classifier) learns how far to trust each base on text the base
has not read, as it will be used, and not on the near-perfect probabilities a base gives its
own training sentences. As with scikit-learn's ``TargetEncoder``, ``fit(X, y).transform(X)``
is therefore not ``fit_transform(X, y)``: the first gives in-sample probabilities.

Why not ``sklearn.ensemble.StackingClassifier``: its ``cv`` takes no groups (a fixed list of
splits would not fit the changing training rows of each outer fold), so the sentences of one
document would fall on both sides of an inner split and the base would look better than it
is on new documents; it passes ``sample_weight`` to a Pipeline base as a bare keyword, which a
Pipeline refuses; and its ``passthrough`` hands the meta-learner the raw input, here a table
of strings, where the rules' labels and the neighbours' labels are wanted. As a transformer
inside the model's ``ColumnTransformer`` (``conf/model/stacking_logreg.yaml``) the stacked
probabilities sit next to those rule features, weighted like any other part.

The input is the sentence table (``text``, ``doc_id``, ``lang``; documents whole and in
order, ``models.model_input``); each base gets it as it reads it (texts or the table).
``neighbours`` adds the stacked probabilities of the sentences before and after each sentence
in its document (zeros at either end).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from wederhoor.errors import UserError
from wederhoor.modeling.fitting import fit_clone, row_weights

NEIGHBOURS = ("prev", "next")
#: The columns of the sentence table the stacked bases read.
STACK_COLUMNS = ["text", "doc_id", "lang"]


def build_stacking_pipeline(bases: Mapping[str, Any], stack: Mapping[str, Any],
                            features: Mapping[str, Any], classifier: Any,
                            weights: Mapping[str, float] | None = None) -> Any:
    """The stacking model: ``OutOfFoldProbabilities`` over the named ``bases`` (options
    ``stack``), next to the named ``features`` (each ``{transformer, columns}``), weighted by
    ``weights``, then ``classifier``.

    The bases and features are mappings, not lists, so that a config built on another
    (``conf/model/stacking_tfidf_logreg.yaml`` on ``stacking_logreg.yaml``) changes or drops
    one by name; a part set to null is left out.
    """
    from sklearn.compose import ColumnTransformer

    from wederhoor.modeling.models import build_pipeline, plain_estimator, set_parts, weights_of

    parts = [("stack", OutOfFoldProbabilities(estimators=set_parts(bases), **stack),
              STACK_COLUMNS)]
    parts += [(name, plain_estimator(part["transformer"]), part["columns"])
              for name, part in features.items() if part is not None]
    chosen = weights_of(weights, [name for name, _, _ in parts])
    return build_pipeline(ColumnTransformer(parts, transformer_weights=chosen), classifier)


class OutOfFoldProbabilities(TransformerMixin, BaseEstimator):
    """Class probabilities of each base in ``estimators`` (``[name, estimator]`` pairs):
    out of fold (inner ``cv`` folds grouped by document) in ``fit_transform``, from the bases
    refit on every row in ``transform``.

    ``weighted_docs`` / ``weight``: the base classifiers' training weight for sentences of
    documents whose id matches the regular expression (null: all count once); the configs pass
    the run's ``train_weights`` so the bases weigh rows as the meta-learner does.
    """

    def __init__(self, estimators: Sequence[Any] = (), cv: int = 3,
                 neighbours: Sequence[str] = (), weighted_docs: str | None = None,
                 weight: float = 1.0, random_state: int | None = 0) -> None:
        self.estimators = estimators
        self.cv = cv
        self.neighbours = neighbours
        self.weighted_docs = weighted_docs
        self.weight = weight
        self.random_state = random_state

    def fit(self, X: Any, y: Any) -> OutOfFoldProbabilities:
        """Fit every base on all rows (what ``transform`` uses)."""
        self._check_options(X)
        return self._fit_all(X, np.asarray(y, dtype=object), self._weights(X))

    def _fit_all(self, X: Any, y: np.ndarray, weights: np.ndarray | None
                 ) -> OutOfFoldProbabilities:
        self.classes_ = np.unique(y)
        self.estimators_ = [_fit_base(base, X, y, weights) for _, base in self.estimators]
        names = [f"{name}:p={label}" for name, _ in self.estimators for label in self.classes_]
        self.feature_names_ = np.asarray(
            names + [f"{side}:{n}" for side in NEIGHBOURS if side in self.neighbours
                     for n in names], dtype=object)
        return self

    def fit_transform(self, X: Any, y: Any = None, **fit_params: Any) -> np.ndarray:
        """Refit on all rows for later, and return the out-of-fold probabilities of these."""
        if y is None:
            raise UserError("stacking needs the training labels (y) to fit its base models")
        self._check_options(X)
        y = np.asarray(y, dtype=object)
        weights = self._weights(X)
        self._fit_all(X, y, weights)
        out = np.zeros((len(y), len(self.estimators) * len(self.classes_)))
        for train_idx, test_idx in self._inner_folds(X, y):
            for b, (_, base) in enumerate(self.estimators):
                fitted = _fit_base(base, _rows(X, train_idx), y[train_idx],
                                   None if weights is None else weights[train_idx])
                out[test_idx, self._block(b)] = self._probabilities(fitted, _rows(X, test_idx))
        return self._with_neighbours(out, X)

    def transform(self, X: Any) -> np.ndarray:
        out = np.hstack([self._probabilities(fitted, X) for fitted in self.estimators_])
        return self._with_neighbours(out, X)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return self.feature_names_

    def _block(self, b: int) -> slice:
        k = len(self.classes_)
        return slice(b * k, (b + 1) * k)

    def _probabilities(self, fitted: Any, X: Any) -> np.ndarray:
        """``predict_proba`` in the order of ``classes_`` (a class a fold lacked gets 0)."""
        from wederhoor.modeling.models import model_input

        out = np.zeros((len(X), len(self.classes_)))
        proba = fitted.predict_proba(model_input(fitted, X))
        column = {label: i for i, label in enumerate(self.classes_)}
        for j, label in enumerate(fitted.classes_):
            out[:, column[label]] = proba[:, j]
        return out

    def _inner_folds(self, X: Any, y: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """Stratified group k-fold by document; too few documents for two folds: no inner
        fold, and the probabilities stay 0 (the meta-learner then learns nothing from them)."""
        from sklearn.model_selection import StratifiedGroupKFold

        groups = np.asarray(X["doc_id"], dtype=object)
        k = min(int(self.cv), len(set(groups.tolist())))
        if k < 2:
            return []
        splitter = StratifiedGroupKFold(n_splits=k, shuffle=True,
                                        random_state=self.random_state)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "least populated class" on tiny data
            return list(splitter.split(np.zeros(len(y)), y, groups))

    def _with_neighbours(self, probs: np.ndarray, X: Any) -> np.ndarray:
        """Append the previous / next sentence's probabilities within the same document."""
        if not self.neighbours:
            return probs
        doc = np.asarray(X["doc_id"], dtype=object)
        same_prev = np.zeros(len(doc), dtype=bool)
        same_prev[1:] = doc[1:] == doc[:-1]
        blocks = [probs]
        if "prev" in self.neighbours:
            prev = np.zeros_like(probs)
            prev[1:] = probs[:-1]
            blocks.append(prev * same_prev[:, None])
        if "next" in self.neighbours:
            nxt = np.zeros_like(probs)
            nxt[:-1] = probs[1:]
            same_next = np.append(same_prev[1:], False)
            blocks.append(nxt * same_next[:, None])
        return np.hstack(blocks)

    def _weights(self, X: Any) -> np.ndarray | None:
        return row_weights({"doc_ids": self.weighted_docs, "weight": self.weight}, X["doc_id"])

    def _check_options(self, X: Any) -> None:
        if not self.estimators:
            raise UserError("stacking needs at least one base model (model.*.bases)")
        if isinstance(self.cv, bool) or not isinstance(self.cv, int) or self.cv < 2:
            raise UserError(f"stacking cv={self.cv} must be a whole number of at least 2 "
                            "(inner folds; model.*.stack.cv)")
        unknown = sorted(set(self.neighbours) - set(NEIGHBOURS))
        if unknown:
            raise UserError(f"stacking neighbours {list(self.neighbours)}: use prev and/or "
                            "next (model.*.stack.neighbours)")
        if "doc_id" not in getattr(X, "columns", ()):
            raise UserError("stacking needs a table with a doc_id column to keep a document's "
                            "sentences in one inner fold; build the model as "
                            "conf/model/stacking_logreg.yaml does")


def _rows(X: Any, rows: np.ndarray) -> Any:
    return X.iloc[rows].reset_index(drop=True)


def _fit_base(base: Any, X: Any, y: np.ndarray, weights: np.ndarray | None) -> Any:
    """A fitted clone of ``base`` on the rows of ``X`` (one class only: a constant)."""
    from wederhoor.modeling.models import model_input

    return fit_clone(base, model_input(base, X), y, weights)[0]
