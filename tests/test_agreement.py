"""Agreement of a second annotation with the reference gold, and the agreement command."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sklearn.metrics import cohen_kappa_score, f1_score

from tests.clitools import SEEDS, assert_one_line_error, run_in_process
from wederhoor.errors import UserError
from wederhoor.evaluation.agreement import (
    adjudication_counts,
    agreement_rows,
    documents_of,
    macro_by_group,
    majority_vote,
    shared_sentences,
)
from wederhoor.io.gold import Gold, load_prediction_columns

LABELS = ["accusation", "denial", "neutral"]


def _gold(rows: list[tuple[str, str, str]]) -> Gold:
    return Gold(Path("x.csv"), {(d, t): lab for d, t, lab in rows})


def test_shared_sentences_keep_reference_order_and_documents_are_whole() -> None:
    ref = _gold([("a", "1", "neutral"), ("a", "2", "denial"), ("b", "3", "accusation"),
                 ("c", "4", "neutral")])
    other = _gold([("b", "3", "denial"), ("a", "2", "denial"), ("z", "9", "neutral")])
    keys = shared_sentences(ref, other)
    assert keys == [("a", "2"), ("b", "3")]
    assert documents_of(ref, keys) == [("a", "1"), ("a", "2"), ("b", "3")]


def test_agreement_rows_score_the_second_column_against_the_first() -> None:
    ref = ["accusation", "denial", "neutral", "neutral", "accusation", "denial"]
    two = ["accusation", "neutral", "neutral", "accusation", "accusation", "denial"]
    rows = agreement_rows({"ref": ref, "two": two, "same": ref}, [("ref", "two"), ("ref", "same")],
                          {"all": [True] * 6, "first half": [True] * 3 + [False] * 3,
                           "none": [False] * 6})
    by = {(r["group"], r["scored"]): r for r in rows}
    assert ("none", "two") not in by  # an empty group is skipped
    assert by[("all", "two")]["macro_f1"] == round(
        f1_score(ref, two, labels=LABELS, average="macro"), 3)
    assert by[("all", "two")]["kappa"] == round(cohen_kappa_score(ref, two), 3)
    assert by[("all", "two")]["f1_denial"] == round(2 / 3, 3)
    assert by[("first half", "two")]["sentences"] == 3
    assert by[("all", "same")]["macro_f1"] == 1.0 and by[("all", "same")]["kappa"] == 1.0
    table, scored = macro_by_group(rows, reference="ref")
    assert scored == ["two", "same"]
    assert [r["group"] for r in table] == ["all", "first half"]
    assert table[0]["two"] == by[("all", "two")]["macro_f1"] and table[1]["sentences"] == 3


def test_majority_of_three_overrules_the_reference_only_when_two_agree() -> None:
    ref = ["neutral", "neutral", "denial", "accusation", "neutral"]
    two = ["accusation", "denial", "denial", "neutral", "accusation"]
    three = ["accusation", "accusation", "neutral", "", "neutral"]
    assert majority_vote(ref, two, three) == ["accusation", "neutral", "denial", "accusation",
                                              "neutral"]
    assert adjudication_counts(ref, two, three) == {
        "disagreements": 4, "adjudicated": 3, "reference": 1, "second": 1, "neither": 1}


def test_agreement_command_scores_annotator_and_rules(tmp_path: Path) -> None:
    gold = pd.read_csv(SEEDS / "gold.csv", dtype=str, keep_default_na=False)
    docs = gold[gold["doc_id"].isin(["nl-rn-dev-h-01", "en-rn-dev-h-01"])].copy()
    flipped = docs.copy()
    flipped.iloc[1, flipped.columns.get_loc("label")] = next(
        lab for lab in LABELS if lab != docs.iloc[1]["label"])
    other = tmp_path / "other.csv"
    flipped.to_csv(other, index=False)
    predictions = tmp_path / "predictions.csv"  # a run that predicted the reference exactly
    docs.assign(silver="neutral", predicted_toy=docs["label"]).iloc[1:].to_csv(
        predictions, index=False)
    third = tmp_path / "third.csv"  # a third reader sides with the second annotator
    pd.concat([flipped.iloc[[1]], gold[gold["doc_id"] == "nl-a-01"].iloc[:1]]).to_csv(
        third, index=False)
    out = tmp_path / "agreement.csv"
    reference = tmp_path / "reference.csv"  # the gold of the two documents: the rest is unshared
    docs.to_csv(reference, index=False)
    done = run_in_process("agreement", f"other={other}", f"output={out}",
                          f"predictions={predictions}", f"reference={reference}",
                          f"adjudicator={third}")
    assert done.returncode == 0, done.stderr
    table = pd.read_csv(out)
    second = table[(table["scored"] == "second") & (table["group"] == "all")].iloc[0]
    assert second["sentences"] == len(docs) - 1  # the run did not predict the first one
    assert "1 shared sentence(s) the run did not predict" in done.stdout
    assert 0.9 < second["macro_f1"] < 1.0  # one kept sentence differs
    toy = table[(table["scored"] == "toy") & (table["reference"] == "reference")]
    assert set(toy["macro_f1"]) == {1.0}
    assert "silver" not in set(table["scored"])  # the rules are scored once, as "rules"
    assert set(table["group"]) == {"all", "split dev", "lang en", "lang nl",
                                   "real-news-style nl", "real-news-style en"}
    assert {"rules"} <= set(table["scored"])
    assert out.with_suffix(".png").is_file()
    differ = pd.read_csv(tmp_path / "agreement_disagreements.csv", dtype=str)
    assert len(differ) == 1 and differ.iloc[0]["second"] != differ.iloc[0]["reference"]
    assert differ.iloc[0]["reference"] == docs.iloc[1]["label"]
    assert {"rules", "toy"} <= set(differ.columns)
    assert differ.iloc[0]["adjudicator"] == differ.iloc[0]["majority"] == differ.iloc[0]["second"]
    assert ("sides with the reference in 0, with the second annotator in 1, with neither in 0"
            in done.stdout)
    # against the majority of three, the model that copied the old reference loses a sentence
    major = table[(table["reference"] == "majority") & (table["group"] == "all")]
    by = dict(zip(major["scored"], major["macro_f1"], strict=True))
    assert by["toy"] == by["reference"] < 1.0
    assert "second" not in by  # the majority is built from it: no score against itself


def test_agreement_with_no_shared_sentence_is_one_line(tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("doc_id,text,label\nnowhere,Nothing here.,neutral\n", encoding="utf-8")
    done = run_in_process("agreement", f"other={other}", f"output={tmp_path / 'a.csv'}")
    assert_one_line_error(done, str(other), "share no sentence")
    done = run_in_process("agreement", f"output={SEEDS / 'agreement.csv'}")
    assert_one_line_error(done, "refusing to write", "raw data")
    assert not (SEEDS / "agreement.csv").exists()


def test_bad_prediction_files_name_the_file_and_the_option(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="nope.csv.*predictions="):
        load_prediction_columns(tmp_path / "nope.csv")
    table = tmp_path / "table.csv"
    table.write_text("id,label\n1,neutral\n", encoding="utf-8")
    with pytest.raises(UserError, match="table.csv lacks doc_id and text"):
        load_prediction_columns(table)
    table.write_text("doc_id,text,silver,predicted,predicted_x,fold\nd,A  b.,neutral,denial,"
                     "accusation,1\n", encoding="utf-8")
    assert load_prediction_columns(table) == {"silver": {("d", "A b."): "neutral"},
                                              "predicted": {("d", "A b."): "denial"},
                                              "predicted_x": {("d", "A b."): "accusation"}}


@pytest.mark.slow  # a subprocess (about 4 s); make test-slow and CI run it
def test_a_reader_that_leaves_early_gets_no_traceback(tmp_path: Path) -> None:
    """`python -m wederhoor.agreement | head -1`: the pipe closes before the table is out."""
    import subprocess
    import sys

    from wederhoor.cli import PROJECT_ROOT

    gold = pd.read_csv(SEEDS / "gold.csv", dtype=str, keep_default_na=False)
    other = tmp_path / "other.csv"  # one document: the command is quick
    gold[gold["doc_id"] == "nl-rn-dev-h-01"].to_csv(other, index=False)
    proc = subprocess.Popen([sys.executable, "-m", "wederhoor.agreement", f"other={other}",
                             f"reference={other}", f"output={tmp_path / 'a.csv'}"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=PROJECT_ROOT)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert "Traceback" not in err and "BrokenPipe" not in err, err


def test_agreement_detects_each_documents_language_from_all_its_sentences(tmp_path: Path
                                                                           ) -> None:
    """Without data.meta the default (lang=auto) gives the English document English rules,
    and its short sentence with no English word (alone it would count as Dutch) too."""
    from tests.clitools import run_in_process

    rows = [("en1", "The mayor denies the charges."), ("en1", "Brink: 'Nonsense.'"),
            ("en1", "The firm is accused of fraud by the regulator."),
            ("nl1", "De burgemeester ontkent de beschuldigingen."),
            ("nl1", "Het parket vervolgt de directeur voor fraude.")]
    gold = tmp_path / "gold.csv"
    pd.DataFrame([(d, t, "neutral") for d, t in rows],
                 columns=["doc_id", "text", "label"]).to_csv(gold, index=False)
    out = tmp_path / "agreement.csv"
    done = run_in_process("agreement", f"reference={gold}", f"other={gold}", "data.meta=null",
                          "adjudicator=null", f"output={out}")
    assert done.returncode == 0, done.stderr
    table = pd.read_csv(out)
    sizes = dict(zip(table["group"], table["sentences"], strict=False))
    assert sizes["lang en"] == 3 and sizes["lang nl"] == 2
