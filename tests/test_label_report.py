"""Labeling-function statistics (known answers) and the report and gold-check commands."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.clitools import SEEDS, run
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
    done = run("label_report", f"output={out}")
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert text in done.stdout
    for heading in ("Labeling functions, nl, dev", "Labeling functions, en, dev",
                    "Rule labeler against gold, test documents",
                    "Confusion matrix, test documents"):
        assert heading in text
    assert out.with_suffix(".json").is_file()


def test_gold_check_reports_mismatches(tmp_path: Path) -> None:
    done = run("gold_check", "segmenter=lines", "show=3")
    assert done.returncode == 0  # a list of mismatches is a report, not a failure
    assert "gold sentence(s) not produced" in done.stdout
    assert done.stdout.count("gold only") == 3


def test_gold_check_counts_are_consistent() -> None:
    done = run("gold_check", "show=0")
    gold = pd.read_csv(SEEDS / "gold.csv", keep_default_na=False)
    assert f"{len(gold)} gold sentences" in done.stdout
