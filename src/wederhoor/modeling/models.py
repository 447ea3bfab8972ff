"""Build the baseline classifiers as scikit-learn Pipelines from their named parts.

Configs keep the vectorizer and the classifier under named keys so an experiment can override
one part (``model.vectorizer.ngram_range=[1,3]``); this factory assembles them and turns the
lists that YAML produces into the tuples scikit-learn's parameter validation insists on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sklearn.base import BaseEstimator
from sklearn.pipeline import FeatureUnion, Pipeline


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
    if isinstance(value, BaseEstimator):  # a FeatureUnion's parts are cleaned the same way
        return plain_estimator(value)
    return value


def plain_estimator(estimator: BaseEstimator) -> BaseEstimator:
    """The estimator with its Hydra list/dict parameters made plain Python (tuples, dicts), so
    scikit-learn's checks and skops see the types they expect."""
    params = estimator.get_params(deep=False)
    fixed = {k: _plain(v) for k, v in params.items() if isinstance(v, (list, tuple, dict)) or
             type(v).__name__ in ("ListConfig", "DictConfig")}
    return estimator.set_params(**fixed) if fixed else estimator


def build_pipeline(vectorizer: BaseEstimator, classifier: BaseEstimator) -> Pipeline:
    """A two-step Pipeline (``vectorizer`` then ``classifier``) fit on raw sentence strings."""
    return Pipeline([("vectorizer", plain_estimator(vectorizer)),
                     ("classifier", plain_estimator(classifier))])


def set_parts(parts: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """The named ``parts`` that are set, in their order, made plain.

    Named parts (a mapping, not a list) let a config built on another drop one by setting it
    to null (``parts.e5: null``), which Hydra cannot do to one element of a list.
    """
    return [(name, plain_estimator(part)) for name, part in parts.items() if part is not None]


def weights_of(weights: Mapping[str, float] | None, names: list[str]) -> dict[str, float] | None:
    """The ``weights`` of the parts named ``names`` (None when none is given)."""
    chosen = {name: w for name, w in (weights or {}).items() if name in names}
    return chosen or None


def build_union(parts: Mapping[str, BaseEstimator | None],
                weights: Mapping[str, float] | None = None) -> BaseEstimator:
    """A FeatureUnion of the named ``parts`` that are set (``set_parts``), or the one part
    alone."""
    kept = set_parts(parts)
    if not kept:
        raise ValueError("a feature union needs at least one part that is not null")
    if len(kept) == 1:
        return kept[0][1]
    return FeatureUnion(kept, transformer_weights=weights_of(weights, [n for n, _ in kept]))


SMOKE_TEXTS = ("de burgemeester ontkent fraude", "het parket vervolgt de directeur",
               "het regent in de stad", "the mayor denies the charges",
               "the firm is accused of fraud", "the bridge opens in may")
SMOKE_LABELS = ("denial", "accusation", "neutral") * 2


def smoke_input(model: Any) -> Any:
    """The six smoke sentences as ``model`` reads them (texts, or a table of one-sentence
    documents)."""
    import pandas as pd

    frame = pd.DataFrame({"text": SMOKE_TEXTS, "doc_id": [f"smoke-{i}" for i in range(6)],
                          "lang": ["nl", "nl", "nl", "en", "en", "en"]})
    return model_input(model, frame)


# How scikit-learn names the parameter it refuses: its declared constraints
# (InvalidParameterError) and the checks it writes by hand (ngram_range, ...).
_NAMED_PARAMETER = (re.compile(r"The '(\w+)' parameter of"),
                    re.compile(r"Invalid value for (\w+)\s*="))


def option_name(model: Any, key: str, message: str) -> str:
    """The config option of the parameter ``message`` names (``model.vectorizer.ngram_range``
    for a plain two-part model); ``key`` alone when that cannot be told."""
    for pattern in _NAMED_PARAMETER:
        found = pattern.search(message)
        if not found:
            continue
        param = found.group(1)
        try:
            paths = [p for p in model.get_params(deep=True)
                     if p == param or p.endswith(f"__{param}")]
        except Exception:  # noqa: BLE001 - naming the option is a courtesy
            return key
        parts = paths[0].split("__") if len(paths) == 1 else []
        if len(parts) == 2 and parts[0] in ("vectorizer", "classifier"):
            return ".".join((key, *parts))  # the config's own layout (build_pipeline)
        return f"{key} ({paths[0]})" if len(paths) == 1 else key
    return key


def raised_by_sklearn(exc: BaseException) -> bool:
    """Did scikit-learn itself raise ``exc`` (a parameter or data check), rather than our
    code?"""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and str(tb.tb_frame.f_globals.get("__name__", "")).startswith(
        "sklearn.")


def fit_error(model: Any, key: str, exc: Exception) -> Exception:
    """A ValueError or TypeError scikit-learn raised while fitting ``model`` (config option
    ``key``) as one line naming the option; any other exception as it is."""
    from wederhoor.errors import UserError

    if not isinstance(exc, (ValueError, TypeError)) or not raised_by_sklearn(exc):
        return exc
    message = " ".join(str(exc).split()).rstrip(".")
    return UserError(f"{option_name(model, key, message)}: scikit-learn refused to fit it: "
                     f"{message}; fix that override (see conf/model/)")


def check_model(model: Any, key: str = "model") -> None:
    """Fit a clone on six sentences so a wrong option (``C=-1``, ``C=abc``,
    ``ngram_range=[2,1]``) is reported in one line naming it (``key``: the model's config
    option) before any split or label work, not minutes later.

    Only scikit-learn's parameter checks count here: a fit that fails on six sentences for
    other reasons (``min_df=5``) may well succeed on the real corpus (and if it does not,
    ``fit_error`` names the option then).
    """
    from sklearn.base import clone

    from wederhoor.errors import UserError

    try:
        clone(model).fit(smoke_input(model), list(SMOKE_LABELS))
    except Exception as exc:  # noqa: BLE001 - sorted below by kind
        message = " ".join(str(exc).split()).rstrip(".")
        if type(exc).__name__ == "InvalidParameterError" or (
                isinstance(exc, ValueError) and message.startswith("Invalid value for")):
            raise UserError(f"{option_name(model, key, message)}: {message}; fix that "
                            "override (see conf/model/)") from None


#: the columns a model that reads a sentence table gets (document context features)
TABLE_COLUMNS = ("text", "doc_id", "lang")


def reads_table(model: Any) -> bool:
    """Does the model read a table of sentences (a ColumnTransformer first) rather than texts?

    Such a model sees each sentence with its document and language, so its features can look
    at the sentences around it (``document_context.py``).
    """
    from sklearn.compose import ColumnTransformer

    steps: list[Any] = getattr(model, "steps", None) or []
    return bool(steps) and isinstance(steps[0][1], ColumnTransformer)


def model_input(model: Any, frame: Any) -> Any:
    """What ``model`` is fit on and predicts from: the ``text`` column of the sentence table
    ``frame`` (documents whole and in order), or for a table-reading model the table itself."""
    if reads_table(model):
        return frame[list(TABLE_COLUMNS)].reset_index(drop=True)
    return frame["text"].to_numpy(dtype=object)


def most_probable(model: Any, X: Any, probabilities: bool = True) -> tuple[list[str], Any]:
    """``model``'s label for each row of ``X`` and, when asked for and the model gives them,
    its class probabilities (columns in ``model.classes_`` order; else None). With
    probabilities the label is the most probable class, so a label and its probability
    never disagree (``predict`` writes both, ``score`` ranks by them)."""
    if not probabilities or not hasattr(model, "predict_proba"):
        return [str(p) for p in model.predict(X)], None
    proba = model.predict_proba(X)
    classes = [str(c) for c in model.classes_]
    return [classes[i] for i in proba.argmax(axis=1)], proba


def take(X: Any, rows: Any) -> Any:
    """Rows of a model input (an array of texts or a table), kept in their order."""
    return X.iloc[rows] if hasattr(X, "iloc") else X[rows]
