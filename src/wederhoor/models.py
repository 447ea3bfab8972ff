"""Build the baseline classifiers as scikit-learn Pipelines from their named parts.

Configs keep the vectorizer and the classifier under named keys so an experiment can override
one part (``model.vectorizer.ngram_range=[1,3]``); this factory assembles them and turns the
lists that YAML produces into the tuples scikit-learn's parameter validation insists on.
"""

from __future__ import annotations

from typing import Any

from sklearn.base import BaseEstimator
from sklearn.pipeline import Pipeline


def _plain(value: Any) -> Any:
    """YAML lists become tuples (ngram_range); config dicts become plain dicts (class_weight)."""
    try:
        from omegaconf import DictConfig, ListConfig, OmegaConf

        if isinstance(value, (DictConfig, ListConfig)):
            value = OmegaConf.to_container(value, resolve=True)
    except ImportError:  # pragma: no cover - omegaconf ships with hydra
        pass
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _clean(estimator: BaseEstimator) -> BaseEstimator:
    params = estimator.get_params(deep=False)
    fixed = {k: _plain(v) for k, v in params.items() if isinstance(v, (list, dict)) or
             type(v).__name__ in ("ListConfig", "DictConfig")}
    return estimator.set_params(**fixed) if fixed else estimator


def build_pipeline(vectorizer: BaseEstimator, classifier: BaseEstimator) -> Pipeline:
    """A two-step Pipeline (``vectorizer`` then ``classifier``) fit on raw sentence strings."""
    return Pipeline([("vectorizer", _clean(vectorizer)), ("classifier", _clean(classifier))])
