"""Stacking: the meta-learner is fit on out-of-fold probabilities, folds kept by document."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hydra.utils import instantiate
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from tests.clitools import STAND_IN_EMBEDDINGS
from wederhoor.errors import UserError
from wederhoor.modeling.models import model_input
from wederhoor.modeling.stacking import OutOfFoldProbabilities

CLASSES = ("accusation", "denial", "neutral")


def _documents(n_docs: int = 12, per_doc: int = 4) -> tuple[pd.DataFrame, np.ndarray]:
    """Every document has its own word in each sentence and one label for all its sentences:
    a base that reads the word knows the label of a document it was trained on, and nothing
    about a document it was not."""
    rows, labels = [], []
    for d in range(n_docs):
        for s in range(per_doc):
            rows.append({"text": f"doc{d}word zin{s}", "doc_id": f"d{d:02d}", "lang": "nl"})
            labels.append(CLASSES[d % 3])
    return pd.DataFrame(rows), np.asarray(labels, dtype=object)


def _memoriser() -> Pipeline:
    return Pipeline([("vectorizer", CountVectorizer()),
                     ("classifier", LogisticRegression(C=100.0, max_iter=1000))])


def _true_class_probability(probs: np.ndarray, y: np.ndarray) -> float:
    column = {label: i for i, label in enumerate(CLASSES)}
    return float(np.mean([probs[i, column[label]] for i, label in enumerate(y)]))


def test_fit_transform_gives_probabilities_of_bases_that_never_saw_the_document() -> None:
    X, y = _documents()
    oof = OutOfFoldProbabilities(estimators=[("m", _memoriser())], cv=3, random_state=0)
    out_of_fold = oof.fit_transform(X, y)
    in_sample = oof.transform(X)
    assert out_of_fold.shape == in_sample.shape == (len(y), 3)
    # refit on all rows, the base knows every document's word: near-certain on its own rows
    assert _true_class_probability(in_sample, y) > 0.9
    # out of fold it has never seen the document (not even its other sentences): at chance
    assert _true_class_probability(out_of_fold, y) < 0.5
    np.testing.assert_allclose(out_of_fold.sum(axis=1), 1.0)


class _Probe(ClassifierMixin, BaseEstimator):
    """A classifier that remembers what it was fit on (and its sample weights)."""

    def fit(self, X, y, sample_weight=None):  # noqa: ANN001, ANN201
        self.seen_ = np.asarray(X.toarray() if hasattr(X, "toarray") else X)
        self.weights_ = sample_weight
        self.classes_ = np.unique(y)
        return self

    def predict(self, X):  # noqa: ANN001, ANN201
        return np.full(X.shape[0], self.classes_[0])


@pytest.mark.parametrize("config", ["stacking_logreg", "stacking_tfidf_logreg"])
def test_shipped_config_fits_its_meta_learner_on_out_of_fold_probabilities(cfg_factory,
                                                                           config: str) -> None:
    model = instantiate(cfg_factory("train", [f"model={config}", STAND_IN_EMBEDDINGS]).model)
    stack = model.named_steps["vectorizer"].transformers[0][1]
    stack.set_params(estimators=[("m", _memoriser())])
    model.set_params(classifier=_Probe())
    X, y = _documents()
    model.fit(model_input(model, X), y)
    seen = model.named_steps["classifier"].seen_[:, :3]  # the stack's columns come first
    assert _true_class_probability(seen, y) < 0.5
    refit = model.named_steps["vectorizer"].transform(model_input(model, X))[:, :3]
    assert _true_class_probability(np.asarray(refit), y) > 0.9


def test_neighbours_are_the_previous_and_next_sentence_of_the_same_document() -> None:
    X, y = _documents(n_docs=6, per_doc=3)
    oof = OutOfFoldProbabilities(estimators=[("m", _memoriser())], cv=3,
                                 neighbours=["prev", "next"]).fit(X, y)
    out = oof.transform(X)
    own, prev, nxt = out[:, :3], out[:, 3:6], out[:, 6:]
    assert len(oof.get_feature_names_out()) == out.shape[1] == 9
    first = np.arange(0, len(y), 3)
    last = first + 2
    assert not prev[first].any() and not nxt[last].any()
    np.testing.assert_allclose(prev[first + 1], own[first])
    np.testing.assert_allclose(nxt[first + 1], own[last])


def test_base_models_get_the_weights_of_matching_documents() -> None:
    X, y = _documents(n_docs=6)
    base = Pipeline([("vectorizer", CountVectorizer()), ("classifier", _Probe())])
    oof = OutOfFoldProbabilities(estimators=[("p", base)], weighted_docs="^d0[01]$",
                                 weight=2.0).fit(X, y)
    weights = oof.estimators_[0].named_steps["classifier"].weights_
    assert list(weights) == [2.0] * 8 + [1.0] * 16


@pytest.mark.parametrize("option", [{"cv": 1}, {"neighbours": ["left"]}, {"estimators": []}])
def test_bad_options_are_one_line_errors(option: dict) -> None:
    X, y = _documents(n_docs=3)
    params = {"estimators": [("m", _memoriser())], **option}
    with pytest.raises(UserError, match="stacking"):
        OutOfFoldProbabilities(**params).fit_transform(X, y)


def test_stacking_without_embeddings_reads_none(cfg_factory) -> None:
    """stacking_tfidf_logreg needs no optional extra: no part of it embeds sentences."""
    from wederhoor.modeling.embeddings import SentenceEmbeddings

    model = instantiate(cfg_factory("train", ["model=stacking_tfidf_logreg"]).model)
    parts = [v for v in model.get_params(deep=True).values() if hasattr(v, "get_params")]
    stack = model.named_steps["vectorizer"].transformers[0][1]
    parts += [p for _, est in stack.estimators for p in est.get_params(deep=True).values()]
    assert not any(isinstance(p, SentenceEmbeddings) for p in parts)
    assert [name for name, _ in stack.estimators] == ["text", "rules"]


def test_stacking_without_embeddings_is_stacking_logreg_with_the_words_alone(cfg_factory
                                                                           ) -> None:
    """stacking_tfidf_logreg.yaml is built on stacking_logreg.yaml (Hydra defaults) and names
    only what differs: the text base without its e5 part, and the newton-cg solver."""
    with_e5 = instantiate(cfg_factory("train", ["model=stacking_logreg",
                                                STAND_IN_EMBEDDINGS]).model)
    words = instantiate(cfg_factory("train", ["model=stacking_tfidf_logreg"]).model)

    def plain(value: object) -> bool:
        if isinstance(value, (list, tuple)):
            return all(plain(v) for v in value)
        return value is None or isinstance(value, (bool, int, float, str))

    def shape(model) -> dict:  # noqa: ANN001 - every plain setting but the solvers and the bases
        params = model.get_params(deep=True)
        return {k: v for k, v in params.items()
                if plain(v) and not k.endswith("solver") and "estimators" not in k}

    assert shape(with_e5) == shape(words)
    (_, text_e5), (_, rules_e5) = with_e5.named_steps["vectorizer"].transformers[0][1].estimators
    (_, text), (_, rules) = words.named_steps["vectorizer"].transformers[0][1].estimators
    assert type(text_e5.named_steps["vectorizer"]).__name__ == "FeatureUnion"
    assert text.named_steps["vectorizer"].get_params() == \
        text_e5.named_steps["vectorizer"].transformer_list[0][1].get_params()
    assert repr(rules.set_params(classifier__solver="lbfgs")) == repr(rules_e5)
    assert words.named_steps["classifier"].solver == "newton-cg"


def test_a_union_keeps_the_parts_that_are_set() -> None:
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.pipeline import FeatureUnion

    from wederhoor.modeling.models import build_union

    a, b = CountVectorizer(), CountVectorizer(binary=True)
    assert build_union({"a": a, "b": None}) is a
    both = build_union({"a": a, "b": b}, weights={"a": 1.0, "b": 0.5, "c": 2.0})
    assert isinstance(both, FeatureUnion) and [n for n, _ in both.transformer_list] == ["a", "b"]
    assert both.transformer_weights == {"a": 1.0, "b": 0.5}
    with pytest.raises(ValueError, match="at least one part"):
        build_union({"a": None})
