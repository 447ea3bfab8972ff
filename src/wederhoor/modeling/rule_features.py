"""The rule labeler's evidence as features, so a classifier learns when to trust which rule.

For every sentence and every language in ``languages`` the transformer records which
labeling functions fired, which one decided (the highest tier wins in the rule labeler) and
the label the rules gave. Set next to TF-IDF in a ``FeatureUnion`` this is the hybrid model:
trained on gold labels it keeps the rules where they are right and lets the words overrule
them where they are not. Sentences are scored alone (no document context), in every
language, so the model needs no language column.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin

from wederhoor import LABELS
from wederhoor.modeling.binary_features import binary_rows
from wederhoor.modeling.labeler_owner import OwnsRuleLabeler

PARTS = ("fired", "first", "rule")


class RuleEvidence(OwnsRuleLabeler, TransformerMixin, BaseEstimator):
    """Binary features: ``<lang>:fired=<fn>``, ``<lang>:first=<fn>``, ``<lang>:rule=<label>``.

    ``parts`` keeps some of the three kinds: ``[rule]`` gives the classifier only the rules'
    label (three features per language), which leaves it less to over-trust.
    """

    def __init__(self, languages: Sequence[str] = ("nl", "en"), lexicons: str | None = None,
                 max_chars: int = 4000, parts: Sequence[str] = PARTS) -> None:
        self.languages = languages
        self.lexicons = lexicons
        self.max_chars = max_chars
        self.parts = parts

    def fit(self, X: Iterable[str], y: Any = None) -> RuleEvidence:
        """The vocabulary is every function of the lexicons, so it does not depend on X."""
        from wederhoor.errors import UserError

        unknown = sorted(set(self.parts) - set(PARTS))
        if unknown or not self.parts:
            raise UserError(f"rule evidence parts {list(self.parts)}: use one or more of "
                            f"{', '.join(PARTS)} (model.*.parts)")
        labeler = self.rule_labeler()
        names: list[str] = []
        for lang in self.languages:
            functions = labeler.function_names(lang)
            kinds = {"fired": functions, "first": functions, "rule": LABELS}
            names += [f"{lang}:{part}={value}" for part in PARTS if part in self.parts
                      for value in kinds[part]]
        self.feature_names_ = np.asarray(names, dtype=object)
        self.vocabulary_ = {name: i for i, name in enumerate(names)}
        return self

    def transform(self, X: Iterable[str]) -> sparse.csr_matrix:
        texts = [str(text) for text in X]
        labelled = self.labels_each(texts, list(self.languages))
        return binary_rows(map(self._keys, labelled), self.vocabulary_, len(texts))

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return self.feature_names_

    def _keys(self, per_lang: list[tuple[str, list[str]]]) -> list[str]:
        keys: list[str] = []
        for lang, (label, fired) in zip(self.languages, per_lang, strict=True):
            keys += [f"{lang}:rule={label}", *(f"{lang}:fired={fn}" for fn in fired)]
            if fired:
                keys.append(f"{lang}:first={fired[0]}")
        return keys
