"""Labeling-function statistics (known answers) and the report and gold-check commands."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.clitools import SEEDS, run_in_process, small_seeds
from wederhoor.evaluation.lf_analysis import lf_table, summary_row


def test_lf_table_known_answers() -> None:
    votes = [
        {"deny": "denial"},
        {"deny": "denial", "accuse": "accusation"},
        {"accuse": "accusation"},
        {},
    ]
    gold = ["denial", "accusation", "accusation", "neutral"]
    table = lf_table(votes, gold, ["deny", "accuse", "never"]).set_index("function")
    assert table.loc["deny", "fired"] == 2 and table.loc["deny", "coverage"] == 0.5
    assert table.loc["deny", "overlaps"] == 0.25 and table.loc["deny", "conflicts"] == 0.25
    assert table.loc["deny", "accuracy"] == 0.5
    assert table.loc["accuse", "accuracy"] == 1.0
    assert table.loc["never", "fired"] == 0 and pd.isna(table.loc["never", "accuracy"])
    assert summary_row(votes) == {"any": 0.75, "overlap": 0.25, "conflict": 0.25}


@pytest.mark.slow  # a whole command run (about 5 s); make test-slow and CI run it
def test_label_report_writes_terminal_and_file(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    done = run_in_process("label_report", f"output={out}")
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert text in done.stdout
    for heading in ("Labeling functions, nl, dev", "Labeling functions, en, dev",
                    "Rule labeler against gold, test documents",
                    "Confusion matrix, test documents",
                    "Rule labeler against gold by round, test documents"):
        assert heading in text
    assert out.with_suffix(".json").is_file()


def test_gold_check_reports_mismatches(tmp_path: Path) -> None:
    # 48 seed documents of every split and language; the whole corpus: the slow test below
    data = small_seeds(tmp_path / "corpus", per_split=24)
    done = run_in_process("gold_check", "segmenter=lines", "show=3", *data)
    assert done.returncode == 0  # a list of mismatches is a report, not a failure
    assert "gold sentence(s) not produced" in done.stdout
    assert done.stdout.count("gold only") == 3
    gold = pd.read_csv(tmp_path / "corpus" / "gold.csv", keep_default_na=False)
    assert f"{len(gold)} gold sentences" in done.stdout


@pytest.mark.slow  # a second whole-corpus run (about 4 s): the default segmenter's counts
def test_gold_check_counts_are_consistent() -> None:
    done = run_in_process("gold_check", "show=0")
    gold = pd.read_csv(SEEDS / "gold.csv", keep_default_na=False)
    assert f"{len(gold)} gold sentences" in done.stdout


def test_gold_check_detects_english_without_metadata(tmp_path: Path) -> None:
    """lang=auto by default: an English document's "Rep." is not cut by the Dutch rules."""
    from tests.clitools import run_in_process

    doc = tmp_path / "docs" / "holt.txt"
    doc.parent.mkdir()
    sentences = ["Rep. Jane Holt denied the claims on Monday.",
                 "The committee will meet again in May."]
    doc.write_text(" ".join(sentences) + "\n", encoding="utf-8")
    gold = tmp_path / "gold.csv"
    pd.DataFrame({"doc_id": "holt", "text": sentences, "label": ["denial", "neutral"]}).to_csv(
        gold, index=False)
    done = run_in_process("gold_check", "data=custom", f"data.input={doc.parent}",
                          f"data.gold={gold}", "workers=1")
    assert done.returncode == 0, done.stderr
    assert "0 gold sentence(s) not produced, 0 produced sentence(s) without gold" in done.stdout


@pytest.mark.parametrize("name", ["agreement", "gold_check", "label_report", "split", "label",
                                  "train"])
def test_commands_that_read_documents_detect_their_language(cfg_factory, name: str) -> None:
    assert cfg_factory(name).lang == "auto"


def test_round_masks_cut_the_document_number() -> None:
    from wederhoor.evaluation.groups import round_masks

    masks = round_masks(["nl-rn-h-01", "nl-rn-h-12", "en-rn-f-03", "sky-ecc"], r"-\d+$")
    assert sorted(masks) == ["en-rn-f", "nl-rn-h", "sky-ecc"]
    assert masks["nl-rn-h"].tolist() == [True, True, False, False]
    assert masks["sky-ecc"].tolist() == [False, False, False, True]
    assert round_masks(["nl-rn-h-01"], None) == {}


def test_rounds_table_scores_each_round_alone() -> None:
    from wederhoor.label_report import round_table

    part = pd.DataFrame({
        "doc_id": ["a-1", "a-1", "a-2", "b-1", "b-1"],
        "gold": ["accusation", "neutral", "denial", "neutral", "neutral"],
        "silver": ["accusation", "neutral", "denial", "accusation", "neutral"],
    })
    table = round_table(part, r"-\d+$").set_index("round")
    assert table.loc["a", "documents"] == 2 and table.loc["a", "sentences"] == 3
    assert table.loc["a", "macro_f1"] == 1.0
    assert table.loc["b", "documents"] == 1 and table.loc["b", "macro_f1"] < 1.0


def test_bad_rounds_pattern_is_refused_before_any_work(cfg_factory) -> None:
    from wederhoor.errors import UserError
    from wederhoor.label_report import check_splits

    check_splits(cfg_factory("label_report"))  # the shipped default passes
    with pytest.raises(UserError, match=r"rounds='-\(x' is not a regular expression"):
        check_splits(cfg_factory("label_report", ["rounds='-(x'"]))
