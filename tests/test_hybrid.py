"""The hybrid model: rule evidence as features next to TF-IDF, saved and loaded safely."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from hydra.utils import instantiate

from wederhoor.modeling.models import model_input
from wederhoor.modeling.rule_features import RuleEvidence

SENTENCES = ["De directeur ontkent alle beschuldigingen.", "Het OM verdenkt hem van fraude.",
             "The firm denies the report.", "Het regent in Damme."]


def _active(ev: RuleEvidence, text: str) -> set[str]:
    row = ev.transform([text])
    return {ev.feature_names_[i] for i in row.indices}


def test_evidence_names_the_rules_that_fired_in_each_language() -> None:
    ev = RuleEvidence().fit(SENTENCES)
    assert {"nl:rule=denial", "nl:fired=nl_deny", "nl:first=nl_deny"} <= _active(ev, SENTENCES[0])
    assert "nl:rule=accusation" in _active(ev, SENTENCES[1])
    english = _active(ev, SENTENCES[2])
    assert "en:rule=denial" in english and "nl:rule=neutral" in english
    assert _active(ev, SENTENCES[3]) == {"nl:rule=neutral", "en:rule=neutral"}
    assert ev.transform(SENTENCES).shape == (4, len(ev.get_feature_names_out()))


def test_hybrid_config_fits_saves_and_loads(cfg_factory, tmp_path: Path) -> None:
    from wederhoor.io.model_files import load_model, save_model

    model = instantiate(cfg_factory("train", ["model=hybrid_logreg"]).model)
    y = ["denial", "accusation", "denial", "neutral"] * 3
    table = pd.DataFrame({"text": SENTENCES * 3, "doc_id": [f"d{i // 2}" for i in range(12)],
                          "lang": ["nl", "nl", "en", "nl"] * 3})
    x = model_input(model, table)
    model.fit(x, y)
    save_model(model, tmp_path)
    loaded = load_model(tmp_path)
    parts = loaded.named_steps["vectorizer"].named_transformers_
    assert not any("_labeler_" in parts[name].__dict__ for name in ("rules", "context"))
    assert list(loaded.predict(x)) == list(model.predict(x))
    assert np.allclose(loaded.predict_proba(x), model.predict_proba(x))


def test_evidence_parts_keep_only_the_asked_kinds() -> None:
    import pytest

    from wederhoor.errors import UserError

    labels_only = RuleEvidence(parts=("rule",)).fit(SENTENCES)
    assert len(labels_only.get_feature_names_out()) == 6  # three labels, two languages
    assert _active(labels_only, SENTENCES[0]) == {"nl:rule=denial", "en:rule=neutral"}
    full = RuleEvidence().fit(SENTENCES)
    assert _active(labels_only, SENTENCES[0]) < _active(full, SENTENCES[0])
    with pytest.raises(UserError, match="parts"):
        RuleEvidence(parts=("fired", "who")).fit(SENTENCES)


def test_hybrid_words_keep_quotes_and_colons(cfg_factory) -> None:
    """Quotes and colons mark who speaks; the default word tokens would drop them."""
    model = instantiate(cfg_factory("train", ["model=hybrid_logreg"]).model)
    texts = ["Police: “He never paid,” the court heard.", "Het OM: ‘hij loog’.",
             "The mayor denies it!", "Did he pay?"]
    table = pd.DataFrame({"text": texts, "doc_id": ["a", "a", "b", "c"],
                          "lang": ["en", "nl", "en", "en"]})
    model.fit(model_input(model, table), ["accusation", "accusation", "denial", "neutral"])
    vocabulary = model.named_steps["vectorizer"].named_transformers_["words"].vocabulary_
    assert {":", "“", "”", "‘", "’", "!", "?", "police :", "never"} <= set(vocabulary)
    assert "," not in vocabulary and "." not in vocabulary
