"""Scores per group of sentences: languages, doc_id patterns, the table and its one-line errors."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import f1_score

from wederhoor.errors import UserError
from wederhoor.evaluation.groups import format_by_group, group_masks, scores_by_group
from wederhoor.evaluation.metrics import evaluate

DOCS = ["nl-a-01", "nl-rn-a-01", "en-c-01", "en-rn-b-02", "en-rnh-007", "nl-rn-a-01"]
LANGS = ["nl", "nl", "en", "en", "en", "nl"]
GROUPS = {"fiction nl": "^nl-(?!rn-)", "real-news-style nl": "^nl-rn-", "fiction en": "^en-(?!rn)",
          "headlines en": "^en-rnh-", "nothing": "^xx-"}


def test_masks_are_languages_then_patterns_matched_at_the_start() -> None:
    masks = group_masks(DOCS, LANGS, GROUPS)
    assert list(masks) == ["lang en", "lang nl", *GROUPS]
    assert masks["lang nl"].tolist() == [True, True, False, False, False, True]
    assert masks["fiction nl"].tolist() == [True, False, False, False, False, False]
    assert masks["real-news-style nl"].tolist() == [False, True, False, False, False, True]
    assert masks["fiction en"].tolist() == [False, False, True, False, False, False]
    assert masks["headlines en"].tolist() == [False, False, False, False, True, False]
    assert not masks["nothing"].any()
    assert not group_masks(["x-nl-rn-1"], ["nl"], {"g": "nl-rn-"})["g"].any()  # start only


def test_a_bad_pattern_is_one_line_naming_the_option() -> None:
    with pytest.raises(UserError) as caught:
        group_masks(DOCS, LANGS, {"broken": "^nl-(rn"})
    assert "data.groups.broken" in str(caught.value) and "\n" not in str(caught.value)


def test_scores_are_each_groups_own_macro_f1_and_empty_groups_are_left_out() -> None:
    rng = np.random.default_rng(0)
    labels = np.array(["accusation", "denial", "neutral"], dtype=object)
    doc_ids = np.array([f"{'nl' if i % 3 else 'en'}-d{i // 5}" for i in range(300)], dtype=object)
    langs = np.array([d[:2] for d in doc_ids], dtype=object)
    gold = rng.choice(labels, 300)
    good = np.where(rng.random(300) < 0.8, gold, rng.choice(labels, 300))
    poor = np.where(rng.random(300) < 0.4, gold, rng.choice(labels, 300))
    masks = group_masks(doc_ids, langs, {"nl first docs": "^nl-d[0-9]$", "none": "^zz"})
    rows = scores_by_group(gold, {"good": good, "poor": poor}, masks)
    assert [r["group"] for r in rows] == ["lang en", "lang nl", "nl first docs"]
    for row in rows:
        mask = masks[row["group"]]
        assert row["sentences"] == mask.sum()
        for name, pred in (("good", good), ("poor", poor)):
            assert row[name] == pytest.approx(f1_score(gold[mask], pred[mask], average="macro"))
            # to the last bit what evaluate() reports for the same rows (metrics.json)
            assert row[name] == evaluate(gold[mask], pred[mask])["macro_f1"]
        assert row["good"] > row["poor"]
    table = format_by_group(rows, ["good", "poor"]).splitlines()
    assert table[0].split() == ["group", "sents", "good", "poor"]
    assert all("*" in line.split()[-2] and "*" not in line.split()[-1] for line in table[1:])


def test_a_run_writes_scores_per_round_and_plots_them_while_few(tmp_path, monkeypatch) -> None:
    """by_round.csv always (with data.rounds); by_round.png only up to PLOTTED_ROUNDS_MAX rounds."""
    import pandas as pd
    from omegaconf import OmegaConf

    from wederhoor import experiment

    docs = np.array(["nl-a-01", "nl-a-02", "nl-b-01", "en-c-01"] * 3, dtype=object)
    work = pd.DataFrame({"doc_id": docs, "lang": [d[:2] for d in docs]})
    gold = np.array(["accusation", "denial", "neutral"] * 4, dtype=object)
    cfg = OmegaConf.create({"name": "t", "data": {"groups": {}, "rounds": r"-\d+$"}})
    everything = np.ones(len(docs), dtype=bool)
    monkeypatch.setattr(experiment, "PLOTTED_ROUNDS_MAX", 3)
    experiment.group_report(cfg, work, gold, everything, {"m": gold.copy()}, tmp_path)
    rounds = pd.read_csv(tmp_path / "by_round.csv").set_index("group")
    assert rounds["sentences"].to_dict() == {"en-c": 3, "nl-a": 6, "nl-b": 3}
    assert (rounds["m"] == 1.0).all() and (tmp_path / "by_round.png").is_file()
    monkeypatch.setattr(experiment, "PLOTTED_ROUNDS_MAX", 2)
    (tmp_path / "by_round.png").unlink()
    experiment.group_report(cfg, work, gold, everything, {"m": gold.copy()}, tmp_path)
    assert (tmp_path / "by_round.csv").is_file() and not (tmp_path / "by_round.png").exists()
