"""An out-of-core text classifier: hashed features, a linear model fit batch by batch.

TF-IDF needs the whole vocabulary (and a document-frequency pass) before it can transform a
sentence; on tens of millions of sentences that matrix does not fit in memory.
HashingVectorizer is stateless, so any batch can be turned into features on its own, and
SGDClassifier.partial_fit learns from one batch at a time. ``IncrementalPipeline`` is a
Pipeline (so it is configured, saved and loaded like every other model) whose ``fit`` never
builds the feature matrix of more than ``batch_size`` sentences, and whose ``partial_fit``
lets a caller feed batches from Parquet shards itself.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.pipeline import Pipeline


class IncrementalPipeline(Pipeline):
    """``vectorizer`` (stateless) then ``classifier`` (with partial_fit), trained in batches.

    ``balanced`` weighs each sentence by the inverse frequency of its label, which is what
    ``class_weight='balanced'`` does for the other models (SGDClassifier refuses that option
    with partial_fit). ``epochs`` passes go over the data in a seeded random order.
    """

    def __init__(self, steps: list, *, batch_size: int = 20_000, epochs: int = 3,
                 balanced: bool = True, random_state: int | None = 0, memory: Any = None,
                 verbose: bool = False, transform_input: Any = None) -> None:
        self.batch_size = batch_size
        self.epochs = epochs
        self.balanced = balanced
        self.random_state = random_state
        super().__init__(steps, memory=memory, verbose=verbose, transform_input=transform_input)

    def _weights(self, y: np.ndarray, counts: dict[Any, int] | None) -> np.ndarray | None:
        if not self.balanced:
            return None
        if counts is None:
            labels, n = np.unique(y, return_counts=True)
            counts = dict(zip(labels.tolist(), n.tolist(), strict=True))
        total = sum(counts.values())
        per = {k: total / (len(counts) * v) for k, v in counts.items() if v}
        return np.array([per.get(v, 1.0) for v in y.tolist()], dtype=float)

    def partial_fit(self, X: Any, y: Any, classes: Any = None,
                    class_counts: dict[Any, int] | None = None) -> IncrementalPipeline:
        """Learn from one batch; ``class_counts`` (over all data) makes balancing exact."""
        y = np.asarray(y, dtype=object)
        features = self.named_steps["vectorizer"].transform(X)
        weights = self._weights(y, class_counts)
        self.named_steps["classifier"].partial_fit(features, y, classes=classes,
                                                   sample_weight=weights)
        return self

    def fit(self, X: Any, y: Any, **params: Any) -> IncrementalPipeline:
        """Several seeded passes of partial_fit over batches of ``batch_size`` sentences."""
        X = np.asarray(X, dtype=object)
        y = np.asarray(y, dtype=object)
        classes = np.unique(y)
        labels, n = np.unique(y, return_counts=True)
        counts = dict(zip(labels.tolist(), n.tolist(), strict=True))
        rng = np.random.default_rng(self.random_state)
        for _ in range(max(1, int(self.epochs))):
            order = rng.permutation(len(X))
            for start in range(0, len(X), int(self.batch_size)):
                batch = order[start:start + int(self.batch_size)]
                self.partial_fit(X[batch], y[batch], classes=classes, class_counts=counts)
        return self

    def predict(self, X: Any, **params: Any) -> np.ndarray:
        """Predict in batches, so the feature matrix of a huge input is never built at once."""
        X = np.asarray(X, dtype=object)
        if len(X) <= self.batch_size:
            return super().predict(X, **params)
        parts = [super(IncrementalPipeline, self).predict(X[i:i + self.batch_size], **params)
                 for i in range(0, len(X), int(self.batch_size))]
        return np.concatenate(parts)


def build_incremental(vectorizer: Any, classifier: Any, batch_size: int = 20_000,
                      epochs: int = 3, balanced: bool = True,
                      random_state: int | None = 0) -> IncrementalPipeline:
    """Assemble the out-of-core model from its named config parts (like build_pipeline)."""
    from wederhoor.modeling.models import plain_estimator

    return IncrementalPipeline([("vectorizer", plain_estimator(vectorizer)),
                                ("classifier", plain_estimator(classifier))],
                               batch_size=batch_size, epochs=epochs, balanced=balanced,
                               random_state=random_state)
