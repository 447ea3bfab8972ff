"""Document context features, models that read a sentence table, and training weights."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.clitools import SEEDS, STAND_IN_EMBEDDINGS, small_seeds
from wederhoor.errors import UserError
from wederhoor.modeling.document_context import DocumentContext

TABLE = pd.DataFrame({
    "text": ["Het OM verdenkt de directeur van fraude.", "Dat blijkt uit een intern rapport.",
             "Het regent in Damme.", "De directeur ontkent alles.",
             "The firm denies the report."],
    "doc_id": ["a", "a", "a", "a", "b"],
    "lang": ["nl", "nl", "nl", "nl", "en"],
})


def _seed_table(rows: int) -> pd.DataFrame:
    gold = pd.read_csv(SEEDS / "gold.csv", keep_default_na=False).head(rows)
    meta = pd.read_csv(SEEDS / "corpus.csv", keep_default_na=False).set_index("doc_id")
    return pd.DataFrame({"text": gold["text"], "doc_id": gold["doc_id"],
                         "lang": [meta.at[d, "lang"] for d in gold["doc_id"]]})


def _active(ctx: DocumentContext, table: pd.DataFrame) -> list[set[str]]:
    matrix = ctx.transform(table)
    return [{ctx.feature_names_[j] for j in matrix[i].indices} for i in range(len(table))]


def test_each_sentence_sees_the_rules_labels_around_it_within_its_document() -> None:
    rows = _active(DocumentContext().fit(TABLE), TABLE)
    assert rows[0] == {"prev=none", "next=accusation", "doc=accusation", "pos=headline"}
    # "Dat blijkt uit ..." has no cue: the rules give it the claim's stance by continuation
    assert rows[1] == {"prev=accusation", "next=neutral", "doc=accusation",
                       "tag=continues_previous"}
    assert rows[2] == {"prev=accusation", "next=denial", "doc=neutral"}
    assert rows[3] == {"prev=neutral", "next=none", "doc=denial"}  # b's sentence is not next
    assert rows[4] == {"prev=none", "next=none", "doc=denial", "pos=alone"}


def test_reported_speech_after_a_side_shows_as_its_tag_not_as_a_stance() -> None:
    # the rules give "He said ..." the denial before it (labelers/context.py); the features
    # keep that as a tag only, so the classifier learns how far to trust it
    table = pd.DataFrame({
        "text": ["Corran Homes denied that it had overcharged its tenants.",
                 "He said the service charge had been approved by the residents' board.",
                 "The estate has 412 flats."],
        "doc_id": ["c"] * 3, "lang": ["en"] * 3})
    rows = _active(DocumentContext().fit(table), table)
    assert rows[1] == {"prev=denial", "next=neutral", "doc=neutral", "tag=speech_continues"}
    assert rows[2] == {"prev=neutral", "next=none", "doc=neutral"}


def test_parts_keep_only_the_asked_kinds_and_bad_input_is_one_line() -> None:
    ctx = DocumentContext(parts=("prev", "pos")).fit(TABLE)
    assert len(ctx.get_feature_names_out()) == 6  # three labels + none, headline, alone
    assert _active(ctx, TABLE)[2] == {"prev=accusation"}
    with pytest.raises(UserError, match="parts"):
        DocumentContext(parts=("prev", "speaker")).fit(TABLE)
    with pytest.raises(UserError, match="doc_id"):
        DocumentContext().fit(TABLE[["text", "lang"]])
    with pytest.raises(UserError, match="columns"):
        DocumentContext().fit(TABLE["text"].to_numpy())


def test_training_weights_follow_the_doc_id_pattern() -> None:
    from omegaconf import OmegaConf

    from wederhoor.modeling.fitting import row_weights

    ids = ["nl-rn-dev-a-01", "nl-a-01", "en-rnh-dev-001"]
    option = OmegaConf.create({"doc_ids": "-rnh?-", "weight": 3.0})
    assert list(row_weights(option, ids)) == [3.0, 1.0, 3.0]
    assert row_weights(OmegaConf.create({"doc_ids": None, "weight": 3.0}), ids) is None
    for bad in ({"doc_ids": "(", "weight": 2.0}, {"doc_ids": "x", "weight": 0},
                {"doc_ids": "x", "weight": "two"}):
        with pytest.raises(UserError, match="train_weights"):
            row_weights(OmegaConf.create(bad), ids)


def test_weights_reach_the_classifier() -> None:
    """The same sentence labelled two ways: the heavier documents' label wins."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from wederhoor.experiment import Timer, cross_predict
    from wederhoor.modeling.models import build_pipeline

    model = build_pipeline(TfidfVectorizer(), LogisticRegression(C=100.0))
    texts = np.asarray(["hij zegt iets"] * 4 + ["het regent"] * 2 + ["zij ontkent"] * 2,
                       dtype=object)
    y = np.asarray(["accusation", "denial", "denial", "denial", "neutral", "neutral",
                    "denial", "denial"], dtype=object)
    folds = [(np.arange(8), np.arange(8))]
    plain, *_ = cross_predict(model, texts, y, folds, Timer(), y)
    weights = np.asarray([10.0, 1, 1, 1, 1, 1, 1, 1])
    weighted, *_ = cross_predict(model, texts, y, folds, Timer(), y, weights=weights)
    assert plain[0] == "denial" and weighted[0] == "accusation"


@pytest.mark.slow  # make test: test_train's default experiment runs the table-reading hybrid
def test_a_table_model_runs_in_the_experiment_and_predicts_new_text(cfg_factory,
                                                                    tmp_path: Path) -> None:
    from wederhoor.experiment import run_experiment
    from wederhoor.io.model_files import load_model
    from wederhoor.modeling.models import model_input, reads_table

    data = small_seeds(tmp_path / "corpus", per_split=4)
    cfg = cfg_factory("train", ["model=hybrid_e5_logreg", "train_labels=gold",
                                "reference_labels=null", "train_weights.doc_ids=-rn-",
                                "train_weights.weight=2", STAND_IN_EMBEDDINGS, *data])
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    record = run_experiment(cfg, run_dir)
    assert record["metrics"]["macro_f1"] > 0
    model = load_model(run_dir)
    assert reads_table(model)
    predicted = model.predict(model_input(model, TABLE))
    assert len(predicted) == len(TABLE)
    assert set(predicted) <= {"accusation", "denial", "neutral"}


@pytest.mark.slow  # two spawned workers (about 5 s); make test-slow and CI run it
def test_big_inputs_are_labelled_on_every_core_with_the_same_features(monkeypatch) -> None:
    """Cut between documents over worker processes, the features equal one process's."""
    import wederhoor.pipeline.workers as workers
    from wederhoor.modeling.labeler_owner import document_cuts
    from wederhoor.modeling.rule_features import RuleEvidence

    table = _seed_table(400)
    cuts = document_cuts(list(table["doc_id"]), 2)
    assert len(cuts) == 2 and cuts[0][1] == cuts[1][0]
    assert table["doc_id"].iat[cuts[0][1]] != table["doc_id"].iat[cuts[0][1] - 1]
    context = DocumentContext().fit(table)
    evidence = RuleEvidence().fit(table["text"])
    alone = (context.transform(table), evidence.transform(table["text"]))
    monkeypatch.setattr(workers, "PARALLEL_MIN_SENTENCES", 10)
    monkeypatch.setattr(workers, "all_cores", lambda: 2)
    spread = (context.transform(table), evidence.transform(table["text"]))
    for one, many in zip(alone, spread, strict=True):
        assert one.shape == many.shape and (one != many).nnz == 0
    assert alone[1].nnz > len(table)  # the rules fired: the comparison is not of empty rows


def test_the_second_transformer_looks_labels_up_and_gets_what_a_fresh_labeler_gives(
        monkeypatch) -> None:
    """RuleEvidence labels each sentence alone; DocumentContext then finds those labels
    remembered (the same lexicon) instead of labelling them again, with the same result."""
    from wederhoor.labelers.rules import RuleLabeler
    from wederhoor.modeling.labeler_owner import label_each
    from wederhoor.modeling.remembered_labels import forget_labels
    from wederhoor.modeling.rule_features import RuleEvidence

    table = _seed_table(300)
    texts, doc_ids, langs = (list(table[c]) for c in ("text", "doc_id", "lang"))
    fresh_calls = []
    label_one = RuleLabeler.label_one

    def counted(self: RuleLabeler, text: str, lang: str | None = None) -> tuple[str, list[str]]:
        fresh_calls.append(text)
        return label_one(self, text, lang)

    monkeypatch.setattr(RuleLabeler, "label_one", counted)
    forget_labels()
    alone = RuleEvidence().labels_each(texts, ["nl", "en"])
    after_evidence = len(fresh_calls)
    in_documents = DocumentContext().labels_in_documents(texts, langs, doc_ids)
    looked_up = len(fresh_calls) - after_evidence
    assert after_evidence == 2 * len(set(texts))  # each sentence once per language
    assert looked_up < len(texts) // 10  # only quotes joined over several sentences are new
    plain = RuleLabeler()
    assert alone == label_each(plain, texts, ["nl", "en"])
    assert in_documents == tuple(map(list, plain.label(texts, langs, doc_ids)))
    assert any(fired for row in alone for _, fired in row)  # not a comparison of empty rows



def test_what_the_workers_labelled_is_looked_up_by_the_next_transformer(monkeypatch) -> None:
    """Stacking fits its rule base on every inner fold and again on all rows: the second pass
    over a big input finds every sentence and document remembered and starts no worker, with
    the features a fresh labeler gives."""
    from contextlib import contextmanager

    import wederhoor.pipeline.workers as workers
    from wederhoor.modeling.remembered_labels import forget_labels
    from wederhoor.modeling.rule_features import RuleEvidence

    table = _seed_table(300)
    monkeypatch.setattr(workers, "PARALLEL_MIN_SENTENCES", 10)
    monkeypatch.setattr(workers, "all_cores", lambda: 2)
    pools: list[int] = []
    starting = workers.starting_workers

    @contextmanager
    def counted():  # type: ignore[no-untyped-def]
        pools.append(1)  # a pool of worker processes is started
        with starting():
            yield

    monkeypatch.setattr(workers, "starting_workers", counted)
    forget_labels()
    first = (DocumentContext().fit(table).transform(table),
             RuleEvidence().fit(table["text"]).transform(table["text"]))
    assert len(pools) == 2  # one pool for the documents, one for the sentences alone
    half = table.iloc[: len(table) // 2]  # an inner fold: whole documents of the same rows
    half = half[half["doc_id"] != half["doc_id"].iat[-1]]
    again = (DocumentContext().fit(table).transform(table),
             RuleEvidence().fit(table["text"]).transform(table["text"]),
             DocumentContext().fit(half).transform(half))
    assert len(pools) == 2  # nothing labelled anew
    monkeypatch.setattr(workers, "PARALLEL_MIN_SENTENCES", 10 ** 9)
    forget_labels()
    fresh = (DocumentContext().fit(table).transform(table),
             RuleEvidence().fit(table["text"]).transform(table["text"]),
             DocumentContext().fit(half).transform(half))
    for one, other in zip((*first, again[2]), fresh, strict=True):
        assert one.shape == other.shape and (one != other).nnz == 0
    for one, other in zip(again, fresh, strict=True):
        assert (one != other).nnz == 0
    assert first[0].nnz > 0 and first[1].nnz > len(table)


def test_remembered_documents_belong_to_their_context_rules(tmp_path: Path) -> None:
    """Two lexicon folders with the same lexicons but other context rules share the compiled
    lexicons; a document labelled with one set of context rules is not looked up for the
    other."""
    import shutil

    from wederhoor.labelers.rules import RuleLabeler, _default_folder
    from wederhoor.modeling.remembered_labels import forget_labels

    plain = tmp_path / "no-context"
    shutil.copytree(_default_folder(), plain)
    shutil.rmtree(plain / "context")
    table = _seed_table(200)
    texts, langs, doc_ids = (list(table[c]) for c in ("text", "lang", "doc_id"))
    forget_labels()
    with_rules = DocumentContext().labels_in_documents(texts, langs, doc_ids)
    without = DocumentContext(lexicons=str(plain)).labels_in_documents(texts, langs, doc_ids)
    assert without == tuple(map(list, RuleLabeler(lexicons=str(plain)).label(
        texts, langs, doc_ids)))
    assert with_rules == tuple(map(list, RuleLabeler().label(texts, langs, doc_ids)))
    assert with_rules != without  # the context rules gave some sentences a side


def test_a_document_whose_rows_lie_apart_is_labelled_as_the_table_stands() -> None:
    """A doc_id that comes back after another document is labelled by the labeler as given,
    not per run of rows from memory: here the rows of "a" together report a conflict (three
    sentences with a stance), which gives its quotation a side, and its second run alone
    does not."""
    from wederhoor.labelers.rules import RuleLabeler
    from wederhoor.modeling.remembered_labels import forget_labels

    texts = ["Het OM verdenkt de directeur van fraude.", "Het regent in Damme.",
             "De directeur ontkent alles.", "De curator verwijt hem fraude.", "Het regent.",
             "\u201eHet was een lange dag\u201d, zei ze."]
    doc_ids, langs = ["a", "b", "a", "a", "a", "a"], ["nl"] * 6
    forget_labels()
    alone = DocumentContext().labels_in_documents(texts[2:], langs[2:], doc_ids[2:])
    got = DocumentContext().labels_in_documents(texts, langs, doc_ids)
    assert got == tuple(map(list, RuleLabeler().label(texts, langs, doc_ids)))
    assert (alone[0][-1], got[0][-1]) == ("neutral", "accusation")
