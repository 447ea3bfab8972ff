"""Where a sentence stands in its document, as features: what the rules say around it.

A sentence alone often does not carry its stance: a second quote of the same speaker, the
evidence for the claim before it, a headline whose quote the article then attributes. The rule
labeler reads whole documents for exactly this (``labelers/context.py``); this transformer
hands the classifier what it found, next to TF-IDF and the sentence's own rule label:

- ``prev`` / ``next``: the rules' label (with document context) of the sentence before and
  after it in the same document, or ``none`` at either end;
- ``doc``: the rules' label of the sentence itself with document context (the silver label);
- in these three, reported speech that the rules carried on from the side before it counts as
  neutral: it shows as its ``tag``, so the classifier learns how far to trust it (on dev
  cross-validation this did better than the carried label, 0.861 against 0.857);
- ``tag``: which context rule gave the sentence its label, if any (a continuation, a quote over
  several sentences, the same speaker, reported speech after a side);
- ``pos``: whether it is the headline (first of several sentences) or stands alone (a
  one-sentence document, such as a stand-alone headline).

Its input is a table (pandas DataFrame) with the columns ``text``, ``doc_id`` and ``lang``, one
row per sentence, each document's sentences together and in order, which is how the
experiment and ``predict`` pass it (``models.model_input``). A ``ColumnTransformer`` in the
model config sends the ``text`` column to the other features and the table to this one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from wederhoor import LABELS
from wederhoor.labelers.context import CONTINUES, QUOTE, SPEAKER, SPEECH
from wederhoor.labelers.tiers import NEUTRAL
from wederhoor.modeling.binary_features import binary_rows
from wederhoor.modeling.labeler_owner import OwnsRuleLabeler

PARTS = ("prev", "next", "doc", "tag", "pos")
COLUMNS = ("text", "doc_id", "lang")  # what the transformer reads from its table
TAGS = (CONTINUES, QUOTE, SPEAKER, SPEECH)  # the context rules of labelers/context.py
NONE = "none"


class DocumentContext(OwnsRuleLabeler, TransformerMixin, BaseEstimator):
    """Binary features ``prev=<label>``, ``next=<label>``, ``doc=<label>``, ``tag=<rule>``,
    ``pos=headline``, ``pos=alone``; ``parts`` keeps some of the kinds."""

    def __init__(self, parts: Sequence[str] = PARTS, lexicons: str | None = None,
                 max_chars: int = 4000) -> None:
        self.parts = parts
        self.lexicons = lexicons
        self.max_chars = max_chars

    def fit(self, X: Any, y: Any = None) -> DocumentContext:
        """The feature names follow from ``parts`` alone; checks the options and the table."""
        from wederhoor.errors import UserError

        unknown = sorted(set(self.parts) - set(PARTS))
        if unknown or not self.parts:
            raise UserError(f"document context parts {list(self.parts)}: use one or more of "
                            f"{', '.join(PARTS)} (model.*.parts)")
        self._columns_of(X)
        kinds = {"prev": (*LABELS, NONE), "next": (*LABELS, NONE), "doc": LABELS,
                 "tag": TAGS, "pos": ("headline", "alone")}
        names = [f"{part}={value}" for part in PARTS if part in self.parts
                 for value in kinds[part]]
        self.feature_names_ = np.asarray(names, dtype=object)
        self.vocabulary_ = {name: i for i, name in enumerate(names)}
        return self

    def transform(self, X: Any) -> sparse.csr_matrix:
        texts, doc_ids, langs = self._columns_of(X)
        labels, evidence = self.labels_in_documents(texts, langs, doc_ids)
        return binary_rows(context_keys(doc_ids, labels, evidence), self.vocabulary_,
                           len(texts))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return self.feature_names_

    @staticmethod
    def _columns_of(X: Any) -> tuple[list[str], list[str], list[str]]:
        from wederhoor.errors import UserError

        missing = [c for c in COLUMNS if c not in getattr(X, "columns", ())]
        if missing:
            raise UserError(f"document context features need a table with the columns "
                            f"{', '.join(COLUMNS)} (missing: {', '.join(missing)}); give "
                            "the model a ColumnTransformer as in conf/model/*context*.yaml")
        return ([str(t) for t in X["text"]], [str(d) for d in X["doc_id"]],
                [str(lang) for lang in X["lang"]])


def context_keys(doc_ids: Sequence[str], labels: Sequence[str],
                 evidence: Sequence[str]) -> list[list[str]]:
    """Every feature key of every sentence (all parts; the transformer keeps its own)."""
    n = len(doc_ids)
    labels = [NEUTRAL if why.endswith(SPEECH) else label
              for label, why in zip(labels, evidence, strict=True)]
    out: list[list[str]] = []
    for i in range(n):
        first = i == 0 or doc_ids[i - 1] != doc_ids[i]
        last = i == n - 1 or doc_ids[i + 1] != doc_ids[i]
        keys = [f"prev={NONE if first else labels[i - 1]}",
                f"next={NONE if last else labels[i + 1]}", f"doc={labels[i]}"]
        keys += [f"tag={tag}" for tag in TAGS if evidence[i].endswith(tag)]
        if first:
            keys.append("pos=alone" if last else "pos=headline")
        out.append(keys)
    return out
