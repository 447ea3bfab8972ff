"""Which of a run's saved models predict uses: by name, the best-scoring by default, and the
main model alone for a run folder from before models were saved by name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wederhoor.errors import UserError
from wederhoor.io.model_files import (
    best_model,
    choose_model,
    describe,
    model_file,
    saved_models,
)


def _run(folder: Path, record: dict) -> Path:
    folder.mkdir()
    (folder / "metrics.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


def test_best_is_the_highest_macro_f1_and_main_on_a_tie() -> None:
    saved = {"main": {"macro_f1": 0.777}, "hybrid_logreg": {"macro_f1": 0.828},
             "nb": {"macro_f1": 0.5}}
    assert best_model(saved) == "hybrid_logreg"
    assert choose_model(saved, "best", "r") == "hybrid_logreg"
    assert choose_model(saved, "nb", "r") == "nb"
    assert best_model({"a": {"macro_f1": 0.8}, "main": {"macro_f1": 0.8}}) == "main"
    assert best_model({"a": {"macro_f1": None}, "main": {}}) == "main"  # no scores: main


def test_unknown_name_lists_the_saved_ones() -> None:
    with pytest.raises(UserError) as caught:
        choose_model({"main": {}, "hybrid_logreg": {}}, "hybrid", "2026-run")
    assert str(caught.value) == ("saved_model=hybrid: run 2026-run saved no model of that name; "
                                 "it saved main, hybrid_logreg (or pass saved_model=best)")


def test_a_run_from_before_named_models_has_its_main_model(tmp_path: Path) -> None:
    old = _run(tmp_path / "old", {"model": "tfidf_logreg", "train_labels": "silver",
                                  "metrics": {"macro_f1": 0.7768}})
    saved = saved_models(old)
    assert list(saved) == ["main"] and saved["main"]["file"] == model_file("main")
    assert describe("main", saved["main"]) == \
        "main (tfidf_logreg, trained on silver, macro-F1 0.777)"
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "metrics.json").write_text("{not json", encoding="utf-8")
    assert list(saved_models(broken)) == ["main"]
    with pytest.raises(UserError, match="run folder not found"):
        saved_models(tmp_path / "nope")


def test_files_and_descriptions_of_named_models(tmp_path: Path) -> None:
    assert model_file("main") == "model.skops"
    assert model_file("hybrid_logreg") == "model-hybrid_logreg.skops"
    run = _run(tmp_path / "new", {"saved_models": {  # metrics.json sorts its keys
        "hybrid_logreg": {"file": "model-hybrid_logreg.skops", "train_labels": "gold",
                          "macro_f1": 0.828},
        "main": {"file": "model.skops", "model": "tfidf_logreg", "train_labels": "silver",
                 "macro_f1": 0.7768}}})
    saved = saved_models(run)
    assert list(saved) == ["main", "hybrid_logreg"]  # listed main first
    assert describe("hybrid_logreg", saved["hybrid_logreg"]) == \
        "hybrid_logreg (trained on gold, macro-F1 0.828)"
