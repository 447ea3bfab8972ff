"""Fitting one model the way every experiment does: a clone, weighted rows, one-class folds.

The experiment's cross-validation and the stacking transformer's inner folds both fit
clones of configured models on parts of the corpus; both weigh documents by ``train_weights``
and both meet training sets with a single class on tiny data. One place decides how.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from wederhoor.errors import UserError


def fit_clone(model: Any, x: Any, y: Any, weights: np.ndarray | None = None
              ) -> tuple[Any, str | None]:
    """A fitted clone of ``model`` and a note, or None.

    A training set with one class gives a constant predictor of that class (the note says
    so). ``weights`` (None or all equal: unweighted) go to the pipeline's classifier as
    ``sample_weight``.
    """
    from sklearn.base import clone
    from sklearn.dummy import DummyClassifier

    if len(set(y)) < 2:
        note = f"a training fold had only the class '{y[0]}'; it predicts that class"
        return DummyClassifier(strategy="most_frequent").fit(x, y), note
    fitted = clone(model)
    if weights is None or np.all(weights == weights[0]):
        return fitted.fit(x, y), None
    if "classifier" not in getattr(fitted, "named_steps", {}):
        raise UserError(f"train_weights need a model with a classifier step; "
                        f"{type(fitted).__name__} has none (set train_weights.doc_ids=null)")
    return fitted.fit(x, y, classifier__sample_weight=weights), None


def row_weights(option: Any, doc_ids: Any) -> np.ndarray | None:
    """The training weight of every row from ``train_weights`` (doc_ids: a regular expression
    on doc_id; weight: what a matching document's sentence counts), or None without a
    pattern."""
    pattern, weight = option.get("doc_ids"), option.get("weight", 1.0)
    if not pattern:
        return None
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not weight > 0:
        raise UserError(f"train_weights.weight={weight} must be a number above 0")
    try:
        matcher = re.compile(str(pattern))
    except re.error as exc:
        raise UserError(f"train_weights.doc_ids={pattern!r} is not a regular expression "
                        f"({exc}); quote it: train_weights.doc_ids='^news-'") from None
    return np.asarray([float(weight) if matcher.search(str(d)) else 1.0 for d in doc_ids])
