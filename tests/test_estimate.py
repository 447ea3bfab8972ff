"""``wederhoor.estimate``: the shares a study reports, corrected by the documents one labelled."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.clitools import SEEDS, assert_one_line_error, run_in_process, saved_run
from wederhoor.evaluation.prediction_powered import (
    QUANTITIES,
    SHARES,
    difference_rows,
    document_counts,
    document_scores,
    documents_for_width,
    group_shares,
    labelled_documents,
    share_rows,
)
from wederhoor.evaluation.shares_report import format_differences, format_shares

LABELS = np.array(["accusation", "denial", "neutral"], dtype=object)
COLUMN = {name: k for k, name in enumerate(QUANTITIES)}


def _counts(codes: list[np.ndarray]) -> np.ndarray:
    """``document_counts`` rows of documents given as arrays of label codes."""
    rows = []
    for doc in codes:
        acc, den, neu = np.bincount(doc, minlength=3)
        rows.append([1, len(doc), acc, den, neu, acc > 0, acc > 0 and den > 0])
    return np.array(rows, dtype=float)


def _documents(rng: np.random.Generator, m: int, answered_rate: float = 0.5
               ) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """``m`` documents of gold label codes and a biased model's codes for them: it calls 8%
    of neutral sentences denials and misses a quarter of the accusations, so its share of
    answered documents runs far too high. (Drawn for all documents at once: a loop per
    document took a second for the 20,000 of a population.)"""
    accuses = rng.random(m) < 0.7
    answered = rng.random(m) < answered_rate
    lengths = rng.integers(4, 20, size=m)
    doc = np.repeat(np.arange(m), lengths)
    p_acc = np.where(accuses, 0.3, 0.0)[doc]
    p_den = np.where(accuses & answered, 0.12, 0.0)[doc]
    u = rng.random(len(doc))
    codes = np.where(u < p_acc, 0, np.where(u < p_acc + p_den, 1, 2))
    r = rng.random(len(doc))
    guess = codes.copy()
    guess[(codes == 2) & (r < 0.08)] = 1
    guess[(codes == 0) & (r < 0.25)] = 2
    cuts = np.cumsum(lengths)[:-1]
    return np.split(codes, cuts), np.split(guess, cuts)


def _share(counts: np.ndarray, share: str) -> float:
    counted, out_of = SHARES[share]
    return counts[:, COLUMN[counted]].sum() / counts[:, COLUMN[out_of]].sum()


def test_document_counts_count_each_label_and_the_documents_flags() -> None:
    counts = document_counts(["a", "a", "a", "b", "b", "c"],
                             ["accusation", "denial", "neutral", "accusation", "neutral",
                              "denial"])
    assert counts.tolist() == [[1, 3, 1, 1, 1, 1, 1], [1, 2, 1, 0, 1, 1, 0],
                               [1, 1, 0, 1, 0, 0, 0]]


def test_document_scores_are_expected_counts_and_the_likeliest_flags() -> None:
    proba = np.array([[0.7, 0.1, 0.2], [0.2, 0.6, 0.2], [0.1, 0.1, 0.8], [0.3, 0.3, 0.4]])
    # classes in another order than LABELS: the columns are found by name
    scores = document_scores(["a", "a", "a", "b"], proba[:, [2, 0, 1]],
                             ["neutral", "accusation", "denial"])
    assert np.allclose(scores, [[1, 3, 1.0, 0.8, 1.2, 0.7, 0.7 * 0.6],
                                [1, 1, 0.3, 0.3, 0.4, 0.3, 0.3 * 0.3]])


def test_a_perfect_model_pools_every_document_and_a_useless_one_adds_nothing() -> None:
    """With the model right on every labelled document, lambda is N / (N + n) and the
    corrected share is the share over all documents. A model that finds no accusation
    anywhere says nothing of which documents accuse: lambda is 0 for the document shares and
    the corrected share is the labelled documents' own."""
    rng = np.random.default_rng(0)
    gold, _ = _documents(rng, 60)
    labelled, unlabelled = _counts(gold[:20]), _counts(gold[20:])
    perfect = share_rows(labelled, labelled, unlabelled, n_boot=200)
    both = np.concatenate([labelled, unlabelled])
    for row in perfect:
        assert row["lambda"] == pytest.approx(40 / 60)
        assert row["corrected"] == pytest.approx(_share(both, row["share"]))
        assert row["labelled_share"] == pytest.approx(_share(labelled, row["share"]))
        assert (row["labelled"], row["unlabelled"]) == (20, 40)
    constant = _counts([np.full(len(doc), 2) for doc in gold])
    useless = share_rows(labelled, constant[:20], constant[20:], n_boot=200)
    for row in useless[3:]:
        assert row["share"] in ("accusing documents", "answered of accusing")
        assert row["lambda"] == 0.0
        assert row["corrected"] == pytest.approx(row["labelled_share"])
    assert useless[3]["model"] == 0.0 and np.isnan(useless[4]["model"])  # none accuses


def test_the_corrected_share_is_the_model_mean_plus_the_labelled_correction() -> None:
    """Point estimate and lambda written out: lambda = cov(psi, psi_hat) / ((1 + n/N)
    var(psi_hat)) on the labelled documents, psi = counted - share x out of."""
    rng = np.random.default_rng(1)
    gold, model = _documents(rng, 90)
    g, m, u = _counts(gold[:30]), _counts(model[:30]), _counts(model[30:])
    for row in share_rows(g, m, u, n_boot=200):
        num, den = (COLUMN[c] for c in SHARES[row["share"]])
        theta = g[:, num].sum() / g[:, den].sum()
        psi, psi_hat = g[:, num] - theta * g[:, den], m[:, num] - theta * m[:, den]
        lam = np.clip(np.cov(psi, psi_hat)[0, 1] / psi_hat.var(ddof=1) / (1 + 30 / 60), 0, 1)
        means = [lam * u[:, q].mean() + (g[:, q] - lam * m[:, q]).mean() for q in (num, den)]
        assert row["lambda"] == pytest.approx(lam)
        assert row["corrected"] == pytest.approx(means[0] / means[1])
        assert row["corrected_low"] < row["corrected"] < row["corrected_high"]


def test_corrected_intervals_cover_the_truth_where_the_models_count_is_far_off() -> None:
    """Across 100 studies of 300 documents, 40 labelled, the corrected 95% interval holds
    the population's share about 95% of the time and is narrower than the labelled
    documents' alone, while the model's own count misses by several points."""
    rng = np.random.default_rng(2)
    gold, model = _documents(rng, 20_000)
    truth = {s: _share(_counts(gold), s) for s in SHARES}
    counted = {s: _share(_counts(model), s) for s in SHARES}
    assert counted["answered of accusing"] - truth["answered of accusing"] > 0.1
    covered = {s: 0 for s in SHARES}
    narrower = {s: 0 for s in SHARES}
    for study in range(100):
        g, m = _documents(rng, 300)
        rows = share_rows(_counts(g[:40]), _counts(m[:40]), _counts(m[40:]), n_boot=300,
                          seed=study)
        for r in rows:
            covered[r["share"]] += r["corrected_low"] <= truth[r["share"]] <= r["corrected_high"]
            narrower[r["share"]] += (r["corrected_high"] - r["corrected_low"]
                                     < r["labelled_high"] - r["labelled_low"])
    assert all(85 <= c <= 100 for c in covered.values()), covered
    for share in ("accusation sentences", "denial sentences", "neutral sentences"):
        assert narrower[share] >= 80, narrower


def test_the_plan_names_how_many_documents_give_an_interval_that_wide() -> None:
    """From a first sample of 30 of 600 documents, the plan for the answered share's
    interval to be 12 points wide names more documents; labelling that many (at random)
    gives intervals about that wide. A narrower width needs more, a width met already
    needs no more, one that even labelling every document cannot give is inf, and a share
    without an interval to start from gets none."""
    from wederhoor.evaluation.prediction_powered import share_draws

    rng = np.random.default_rng(7)
    gold, model = _documents(rng, 600)
    g, m = _counts(gold), _counts(model)
    rows, means = share_draws(g[:30], m[:30], m[30:], n_boot=300)
    row = next(r for r in rows if r["share"] == "answered of accusing")
    spread = means["answered of accusing"].spread
    plan = documents_for_width(row, spread, 0.12)
    assert row["corrected_high"] - row["corrected_low"] > 0.2
    assert 60 < plan < 600
    widths = []
    for study in range(8):
        order = rng.permutation(600)
        lab, unl = order[:int(plan)], order[int(plan):]
        found = share_draws(g[lab], m[lab], m[unl], n_boot=300, seed=study)[0]
        r = next(r for r in found if r["share"] == "answered of accusing")
        widths.append(r["corrected_high"] - r["corrected_low"])
    assert 0.09 < np.mean(widths) < 0.15, widths
    assert documents_for_width(row, spread, 0.08) > plan
    assert documents_for_width(row, spread, 0.9) == 30
    # more than all 600: the count to draw from a larger collection, where the model's part
    # costs nothing and the interval narrows as one over the square root of the count
    beyond = documents_for_width(row, spread, 0.01)
    assert beyond > 600
    assert documents_for_width(row, spread, 0.005) == pytest.approx(4 * beyond, rel=0.01)
    assert np.isnan(documents_for_width({**row, "exact": True}, spread, 0.12))
    assert np.isnan(documents_for_width(row, None, 0.12))


def test_documents_labelled_in_part_count_as_unlabelled_and_groups_need_two() -> None:
    doc_ids = ["a", "a", "b", "b", "c", "c", "d"]
    gold = ["accusation", "denial", "neutral", "", "accusation", "neutral", "denial"]
    predicted = ["accusation", "neutral", "denial", "denial", "accusation", "denial", "neutral"]
    whole, part = labelled_documents(doc_ids, gold)
    assert whole.tolist() == [True, True, False, False, True, True, True]
    assert part.tolist() == [False, False, True, True, False, False, False]
    masks = {"all": np.ones(7, bool), "a and b": np.arange(7) < 4}
    rows = group_shares(doc_ids, gold, predicted, masks, n_boot=100).rows
    assert {r["group"] for r in rows} == {"all"}  # a and b hold one labelled document
    by = {r["share"]: r for r in rows}
    assert (by["denial sentences"]["labelled"], by["denial sentences"]["unlabelled"]) == (3, 1)
    assert by["denial sentences"]["labelled_share"] == pytest.approx(2 / 5)
    assert by["denial sentences"]["model"] == pytest.approx(3 / 7)
    text = format_shares(rows).splitlines()
    assert text[0] == "all: 3 documents labelled by you, 1 not"
    assert text[2].split()[:4] == ["accusation", "sentences", "28.6%", "40.0%"]


def test_strata_sampled_apart_are_weighted_by_their_size() -> None:
    """Two outlets, 600 documents answering 80% of their accusing ones and 150 answering
    20%, each with 30 documents labelled: the labelled documents over-represent the small
    outlet, so one pooled sample would run low; weighting each outlet by its size holds the
    population's share, and the model's count is the count over every document."""
    from wederhoor.evaluation.prediction_powered import GroupShares, share_draws, stratified_rows

    rng = np.random.default_rng(8)
    sizes, rates = {"big": 600, "small": 150}, {"big": 0.8, "small": 0.2}
    answered, accusing = 0.0, 0.0
    for name in sizes:
        gold, _ = _documents(rng, 20_000, rates[name])
        counts = _counts(gold)
        answered += sizes[name] * counts[:, COLUMN["answered"]].mean()
        accusing += sizes[name] * counts[:, COLUMN["accuses"]].mean()
    truth = answered / accusing
    covered, pooled_error, weighted_error = 0, [], []
    for study in range(50):
        found = GroupShares()
        labelled, unlabelled = [], []
        for k, (name, size) in enumerate(sizes.items()):
            g, m = _documents(rng, size, rates[name])
            rows, means = share_draws(_counts(g[:30]), _counts(m[:30]),
                                      _counts(m[30:]), n_boot=300, seed=study * 2 + k)
            found.rows += [{"group": name, **r} for r in rows]
            found.means.update({(name, share): v for share, v in means.items()})
            found.documents[name] = size
            labelled += g[:30]
            unlabelled += m[30:]
            if study == 0:
                everything = _counts(m)
                assert means["answered of accusing"].model.tolist() == pytest.approx(
                    [everything[:, COLUMN["answered"]].mean(),
                     everything[:, COLUMN["accuses"]].mean()])
        weighted = {r["share"]: r for r in stratified_rows(found, list(sizes), "both")}
        row = weighted["answered of accusing"]
        covered += row["corrected_low"] <= truth <= row["corrected_high"]
        weighted_error.append(row["corrected"] - truth)
        pooled = _counts(labelled)
        pooled_error.append(pooled[:, COLUMN["answered"]].sum()
                            / pooled[:, COLUMN["accuses"]].sum() - truth)
        assert (row["labelled"], row["unlabelled"]) == (60, 690)
    assert covered >= 42, covered  # 84% of 50; nominal 95%
    assert abs(np.mean(weighted_error)) < 0.03
    assert np.mean(pooled_error) < -0.1  # one pooled sample runs low by ten points or more
    assert stratified_rows(found, ["big", "nosuch"], "x") == []


def test_a_share_of_documents_all_alike_gets_the_exact_interval() -> None:
    """30 labelled documents that all accuse cannot vary when drawn again; the share of
    accusing documents gets Clopper-Pearson's interval, 0.025 ** (1 / 30) to 1, and says so."""
    rng = np.random.default_rng(6)
    docs = [np.concatenate([[0], rng.choice(3, size=int(rng.integers(3, 9)))])
            for _ in range(40)]  # every document opens with an accusation
    counts = _counts(docs)
    rows = {r["share"]: r for r in share_rows(counts[:30], counts[:30], counts[30:],
                                              n_boot=200)}
    accusing = rows["accusing documents"]
    assert accusing["exact"] and accusing["labelled_share"] == 1.0
    assert accusing["labelled_low"] == pytest.approx(0.025 ** (1 / 30))
    assert accusing["labelled_high"] == 1.0
    assert accusing["corrected_low"] == accusing["labelled_low"]
    assert not rows["denial sentences"]["exact"]
    line = next(ln for ln in format_shares([{"group": "all", **r} for r in rows.values()])
                .splitlines() if ln.strip().startswith("accusing documents"))
    assert "(88.4%-100.0%) exact" in line


def test_differences_between_groups_are_drawn_from_their_independent_draws() -> None:
    """Two outlets of 150 documents, 40 labelled each, one answering 80% of its accusing
    documents and the other 30%: the difference of their corrected shares comes with an
    interval that leaves out 0, and is marked; a third group whose labelled documents all
    accuse gives the share of accusing documents no interval against it."""
    rng = np.random.default_rng(4)
    ids, gold, model, outlet = [], [], [], []
    for name, rate in (("high", 0.8), ("low", 0.3)):
        g, m = _documents(rng, 150, rate)
        for k, (doc_g, doc_m) in enumerate(zip(g, m, strict=True)):
            ids += [f"{name}-{k}"] * len(doc_g)
            gold += [LABELS[c] if k < 40 else "" for c in doc_g]
            model += list(LABELS[doc_m])
            outlet += [name] * len(doc_g)
    ids += ["all-1", "all-1", "all-2", "all-3"]
    gold += ["accusation", "neutral", "accusation", "accusation"]
    model += ["accusation", "neutral", "neutral", "accusation"]
    outlet += ["third"] * 4
    groups = np.asarray(outlet)
    masks = {name: groups == name for name in ("high", "low", "third")}
    found = group_shares(ids, gold, model, masks, n_boot=400)
    rows = difference_rows(found, ["high", "low", "third"])
    by = {(r["first"], r["second"], r["share"]): r for r in rows}
    point = {(r["group"], r["share"]): r["corrected"] for r in found.rows}
    answered = by["high", "low", "answered of accusing"]
    assert answered["difference"] == pytest.approx(point["high", "answered of accusing"]
                                                   - point["low", "answered of accusing"])
    assert 0 < answered["low"] < answered["difference"] < answered["high"]
    assert np.isnan(by["high", "third", "accusing documents"]["low"])
    text = format_differences(rows)
    assert "high - low:" in text
    line = next(ln for ln in text.splitlines() if ln.strip().startswith("answered of"))
    assert line.endswith("*")
    assert "(no interval: too few documents)" in text


def _study(folder: Path) -> Path:
    """A sentence table of eight short documents of two outlets, A and B, the first four
    labelled whole."""
    rows = []
    for k in range(8):
        party = f"Bakkerij Kroes {k}"
        sentences = [(f"Het parket vervolgt de directeur van {party} voor oplichting.",
                      "accusation"),
                     ("Zijn advocaat noemt de aantijgingen uit de lucht gegrepen.", "denial"),
                     ("Het proces begint in maart.", "neutral")][: 2 + k % 2]
        rows += [(f"nl-{k}", i + 1, text, label if k < 4 else "", "AB"[k % 2])
                 for i, (text, label) in enumerate(sentences)]
    path = folder / "study.csv"
    pd.DataFrame(rows, columns=["doc_id", "sent_id", "text", "label", "outlet"]).to_csv(
        path, index=False)
    return path


def test_estimate_reports_each_share_from_a_run_and_the_labelled_documents(
        tmp_path: Path, cfg_factory) -> None:
    """By default the correction uses the model's probabilities (``document_scores``) and the
    model's count its labels; ``soft=false`` corrects with the labels too."""
    from wederhoor.io.model_files import load_model

    run_dir = saved_run(tmp_path / "run", cfg_factory)
    study = _study(tmp_path)
    table = pd.read_csv(study, keep_default_na=False)
    labelled = table[table["label"] != ""]
    gold = document_counts(labelled["doc_id"].tolist(), labelled["label"].tolist())
    model = load_model(run_dir, "main")
    counts = document_counts(table["doc_id"].tolist(), list(model.predict(table["text"])))
    scores = document_scores(table["doc_id"].tolist(), model.predict_proba(table["text"]),
                             [str(c) for c in model.classes_])
    assert scores[:, COLUMN["sentences"]].tolist() == counts[:, COLUMN["sentences"]].tolist()
    assert not np.allclose(scores, counts)
    for soft, part in (("true", scores), ("false", counts)):
        out = tmp_path / f"shares-{soft}.csv"
        done = run_in_process("estimate", f"input={study}", f"run={run_dir}",
                              f"output={out}", "n_boot=200", "saved_model=main",
                              f"soft={soft}")
        assert done.returncode == 0, done.stderr
        assert "only 4 whole documents are labelled" in done.stderr
        assert "all: 4 documents labelled by you, 4 not" in done.stdout
        plan = done.stdout.split("for each corrected interval to be about 10 points "
                                 "wide")[1].splitlines()
        cells = plan[2].split()
        assert cells[:4] == ["all", "(4", "of", "8)"]
        rows = pd.read_csv(out)
        assert list(rows["share"]) == list(SHARES) and set(rows["group"]) == {"all"}
        for got, cell in zip(rows.to_dict("records"), cells[4:], strict=True):
            need = got["plan_documents"]  # the plan's figure for each share, as printed
            assert cell == ("-" if np.isnan(need) else "enough" if need <= 4 else ">8"
                            if need == 9 else f"{int(need)}*" if need > 8 else str(int(need)))
        expected = share_rows(gold, part[:4], part[4:], n_boot=200)
        for got, want in zip(rows.to_dict("records"), expected, strict=True):
            assert got["model"] == pytest.approx(_share(counts, got["share"]))
            for key in ("labelled_share", "corrected", "lambda", "corrected_low"):
                assert got[key] == pytest.approx(want[key]), key


def test_estimate_refuses_too_few_labelled_documents_and_bad_options(
        tmp_path: Path, cfg_factory) -> None:
    run_dir = saved_run(tmp_path / "run", cfg_factory)
    study = _study(tmp_path)
    one = tmp_path / "one.csv"
    table = pd.read_csv(study, keep_default_na=False)
    table.loc[table["doc_id"] != "nl-0", "label"] = ""
    table.to_csv(one, index=False)
    done = run_in_process("estimate", f"input={one}", f"run={run_dir}")
    # the count of labelled sentences comes first, then the one line on what to do
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.splitlines()[0].startswith("wederhoor: 2 of 20 sentences have")
    assert_one_line_error(subprocess.CompletedProcess(
        done.args, done.returncode, "", "\n".join(done.stderr.splitlines()[1:])),
        "labels 1 whole document", "at least 2")
    assert_one_line_error(run_in_process("estimate", f"input={study}", f"run={run_dir}",
                                         "n_boot=5"), "n_boot")
    assert_one_line_error(run_in_process("estimate", f"input={study}", f"run={run_dir}",
                                         f"output={SEEDS}/shares.csv"), "seeds")
    assert not (SEEDS / "shares.csv").exists()
    assert_one_line_error(run_in_process("estimate", f"input={study}", f"run={run_dir}",
                                         "saved_model=nosuch"), "nosuch")
    assert_one_line_error(run_in_process("estimate", f"input={study}", f"run={run_dir}",
                                         "plan_width=10"), "plan_width=10")


def test_estimate_by_a_column_gives_each_value_and_their_difference(
        tmp_path: Path, cfg_factory) -> None:
    run_dir = saved_run(tmp_path / "run", cfg_factory)
    study, plot = _study(tmp_path), tmp_path / "shares.png"
    done = run_in_process("estimate", f"input={study}", f"run={run_dir}", "n_boot=200",
                          "by=outlet", f"plot={plot}", "few_documents=2")
    assert done.returncode == 0, done.stderr
    assert "outlet=A: 2 documents labelled by you, 2 not" in done.stdout
    assert "outlet=B: 2 documents labelled by you, 2 not" in done.stdout
    assert "outlet=A - outlet=B:" in done.stdout
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # one outlet per document from a file of its own, one document without a value
    meta = tmp_path / "meta.csv"
    pd.DataFrame({"doc_id": [f"nl-{k}" for k in range(7)],
                  "desk": ["courts", "politics"] * 3 + ["courts"]}).to_csv(meta, index=False)
    done = run_in_process("estimate", f"input={study}", f"run={run_dir}", "n_boot=200",
                          "by=desk", f"meta={meta}", "compare_most=1")
    assert done.returncode == 0, done.stderr
    assert "desk=courts: 2 documents labelled by you, 2 not" in done.stdout
    assert "1 document(s) have no desk" in done.stderr
    assert "compare_most=1" in done.stderr and "desk=courts - " not in done.stdout
    # the two outlets weighted by their size: a row of its own, in the table and the output
    out = tmp_path / "weighted.csv"
    done = run_in_process("estimate", f"input={study}", f"run={run_dir}", "n_boot=200",
                          "by=outlet", "stratified=true", f"output={out}",
                          "+groups.first='^nl-[0-3]'")
    assert done.returncode == 0, done.stderr
    assert "all, each outlet by its size: 4 documents labelled by you, 4 not" in done.stdout
    weighted = pd.read_csv(out)
    assert (weighted["group"] == "all, each outlet by its size").sum() == len(SHARES)
    # a group that holds part of each outlet cannot be weighted by outlet: said, no row
    assert "first is not made of whole outlet groups" in done.stderr
    assert not weighted["group"].str.startswith("first, each").any()


def test_estimate_refuses_a_by_column_it_cannot_read(tmp_path: Path, cfg_factory) -> None:
    run_dir = saved_run(tmp_path / "run", cfg_factory)
    study = _study(tmp_path)
    assert_one_line_error(run_in_process("estimate", f"input={study}", f"run={run_dir}",
                                         "by=nosuch"), "no column 'nosuch'", "outlet")
    assert_one_line_error(run_in_process("estimate", f"input={study}", f"run={run_dir}",
                                         f"meta={study}"), "meta=", "by=")
    assert_one_line_error(run_in_process("estimate", f"input={study}", f"run={run_dir}",
                                         "stratified=true"), "stratified=true", "by=")
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("Het proces begint in maart.\n", encoding="utf-8")
    assert_one_line_error(run_in_process("estimate", f"input={folder}", f"gold={study}",
                                         f"run={run_dir}", "by=outlet"), "meta=")


def test_sample_draws_documents_at_random_and_estimate_reads_the_sheet(
        tmp_path: Path, cfg_factory) -> None:
    """The sheet holds every sentence, the drawn documents first and numbered in draw order
    (the seed's permutation), each whole, with an empty label column; once filled in, make
    estimate reads it as it is."""
    table = pd.read_csv(_study(tmp_path), keep_default_na=False).drop(columns=["label"])
    sentences = tmp_path / "sentences.csv"
    table.to_csv(sentences, index=False)
    sheet = tmp_path / "sheet.csv"
    done = run_in_process("sample", f"input={sentences}", f"output={sheet}", "documents=3",
                          "seed=7")
    assert done.returncode == 0, done.stderr
    out = pd.read_csv(sheet, keep_default_na=False)
    docs = list(pd.unique(table["doc_id"]))
    drawn = [docs[k] for k in np.random.default_rng(7).permutation(len(docs))[:3]]
    assert list(pd.unique(out["doc_id"]))[:3] == drawn
    assert sorted(map(tuple, out[["doc_id", "sent_id"]].to_numpy().tolist())) == sorted(
        map(tuple, table[["doc_id", "sent_id"]].to_numpy().tolist()))
    numbered = out[out["sample"] != ""]
    assert set(numbered["doc_id"]) == set(drawn)
    assert len(numbered) == int(table["doc_id"].isin(drawn).sum())  # whole documents
    assert [int(v) for v in pd.unique(numbered["sample"])] == [1, 2, 3]
    assert set(out["label"]) == {""} and "outlet" in out.columns
    # label the drawn documents as a reader would, and estimate from the sheet
    out.loc[out["sample"] != "", "label"] = "neutral"
    out.loc[(out["sample"] != "") & (out["sent_id"] == 1), "label"] = "accusation"
    out.to_csv(sheet, index=False)
    run_dir = saved_run(tmp_path / "run", cfg_factory)
    done = run_in_process("estimate", f"input={sheet}", f"run={run_dir}", "n_boot=100")
    assert done.returncode == 0, done.stderr
    assert "all: 3 documents labelled by you, 5 not" in done.stdout


def test_sample_refuses_a_table_that_is_not_split(tmp_path: Path) -> None:
    documents = tmp_path / "docs.csv"
    pd.DataFrame({"doc_id": ["a"], "text": ["Het proces begint in maart."]}).to_csv(
        documents, index=False)
    assert_one_line_error(run_in_process("sample", f"input={documents}",
                                         f"output={tmp_path / 'sheet.csv'}"),
                          "sent_id", str(documents))
    assert_one_line_error(run_in_process("sample", f"input={documents}",
                                         f"output={tmp_path / 'sheet.csv'}", "documents=0"),
                          "documents")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert_one_line_error(run_in_process("sample", f"input={empty}",
                                         f"output={tmp_path / 'sheet.csv'}"),
                          f"{empty} is empty")
    assert not (tmp_path / "sheet.csv").exists()


def test_estimate_with_a_model_without_probabilities_corrects_with_its_labels(
        tmp_path: Path, cfg_factory) -> None:
    run_dir = saved_run(tmp_path / "run", cfg_factory, ("tfidf_svm", "tfidf_svm"))
    study, out = _study(tmp_path), tmp_path / "shares.csv"
    done = run_in_process("estimate", f"input={study}", f"run={run_dir}", "n_boot=100",
                          "saved_model=main", f"output={out}")
    assert done.returncode == 0, done.stderr
    assert "gives no probabilities: the correction uses its labels" in done.stderr
    labelled = run_in_process("estimate", f"input={study}", f"run={run_dir}", "n_boot=100",
                              "saved_model=main", "soft=false",
                              f"output={tmp_path / 'labels.csv'}")
    assert "gives no probabilities" not in labelled.stderr
    assert pd.read_csv(out).equals(pd.read_csv(tmp_path / "labels.csv"))
