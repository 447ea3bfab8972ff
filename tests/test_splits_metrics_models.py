"""Splits keep documents whole; metrics handle missing classes; model configs build pipelines."""

from __future__ import annotations

import math

import numpy as np
import pytest

from wederhoor.errors import UserError
from wederhoor.evaluation.metrics import evaluate, summarise_folds
from wederhoor.modeling.cv import CorpusSplitter, GroupKFoldSplitter, HoldoutSplitter
from wederhoor.modeling.models import build_pipeline


def _data(n_docs: int = 12, per_doc: int = 5):
    groups = [f"d{i}" for i in range(n_docs) for _ in range(per_doc)]
    labels = ["accusation", "denial", "neutral"]
    y = [labels[(i + j) % 3] for i in range(n_docs) for j in range(per_doc)]
    return y, groups


@pytest.mark.parametrize("splitter", [GroupKFoldSplitter(k=4, seed=1), HoldoutSplitter(seed=1)])
def test_no_document_on_both_sides(splitter) -> None:
    y, groups = _data()
    g = np.asarray(groups)
    for train, test in splitter.split(None, y, groups):
        assert not set(g[train]) & set(g[test])
        assert len(test) > 0


def test_kfold_covers_every_sentence_once_and_is_seeded() -> None:
    y, groups = _data()
    folds = list(GroupKFoldSplitter(k=4, seed=3).split(None, y, groups))
    tested = np.concatenate([t for _, t in folds])
    assert sorted(tested) == list(range(len(y)))
    again = list(GroupKFoldSplitter(k=4, seed=3).split(None, y, groups))
    assert all((a[1] == b[1]).all() for a, b in zip(folds, again, strict=True))


def test_kfold_shrinks_k_for_few_documents(capsys) -> None:
    y, groups = _data(n_docs=3)
    folds = list(GroupKFoldSplitter(k=5).split(None, y, groups))
    assert len(folds) == 3
    assert "using 3 folds" in capsys.readouterr().err


def test_kfold_refuses_single_document() -> None:
    with pytest.raises(UserError, match="at least 2 documents"):
        list(GroupKFoldSplitter().split(None, ["neutral"] * 3, ["a"] * 3))


def test_kfold_within_dev_never_touches_a_test_document() -> None:
    y, groups = _data(n_docs=15)
    parts = ["test" if int(g[1:]) % 3 == 0 else "dev" for g in groups]
    folds = list(GroupKFoldSplitter(k=4, seed=3, within="dev").split(None, y, groups,
                                                                   parts=parts))
    assert len(folds) == 4
    dev_rows = [i for i, p in enumerate(parts) if p == "dev"]
    assert sorted(np.concatenate([t for _, t in folds])) == dev_rows  # each dev row once
    for train, test in folds:
        assert {parts[i] for i in (*train, *test)} == {"dev"}
        assert not {groups[i] for i in train} & {groups[i] for i in test}
    with pytest.raises(UserError, match="cv.within=dev needs a 'split' column"):
        list(GroupKFoldSplitter(within="dev").split(None, y, groups))
    with pytest.raises(UserError, match="no sentence of the corpus is in part 'train'"):
        list(GroupKFoldSplitter(within="train").split(None, y, groups, parts=parts))


def test_corpus_split_uses_dev_and_test() -> None:
    subset = ["dev", "dev", "test", "dev", "test"]
    [(train, test)] = CorpusSplitter().split(None, ["neutral"] * 5, list("abcde"), parts=subset)
    assert list(train) == [0, 1, 3] and list(test) == [2, 4]
    with pytest.raises(UserError, match="needs a 'split' column"):
        list(CorpusSplitter().split(None, ["neutral"], ["a"]))


def test_splitters_work_with_scikit_learn_cross_val_predict() -> None:
    from sklearn.model_selection import cross_val_predict

    y, groups = _data(n_docs=10, per_doc=6)
    texts = [f"{label} word{i % 7}" for i, label in enumerate(y)]
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.naive_bayes import MultinomialNB

    model = build_pipeline(TfidfVectorizer(), MultinomialNB())
    cv = GroupKFoldSplitter(k=5, seed=1)
    assert cv.get_n_splits(groups=groups) == 5
    predicted = cross_val_predict(model, texts, y, groups=groups, cv=cv)
    # the label word is in the text, so a model that really trained predicts it back
    assert (predicted == np.asarray(y)).mean() > 0.9
    parts = ["dev" if int(g[1:]) < 7 else "test" for g in groups]
    ps = CorpusSplitter().predefined(parts)
    [(train, test)] = list(ps.split())
    assert set(np.asarray(groups)[test]) == {"d7", "d8", "d9"}


def test_metrics_known_values() -> None:
    gold = ["accusation", "accusation", "denial", "neutral"]
    pred = ["accusation", "neutral", "denial", "neutral"]
    m = evaluate(gold, pred)
    assert m["accuracy"] == 0.75
    assert m["per_class"]["accusation"]["f1"] == pytest.approx(2 / 3)
    assert m["per_class"]["neutral"]["f1"] == pytest.approx(2 / 3)
    assert m["per_class"]["denial"]["f1"] == 1.0
    assert m["macro_f1"] == pytest.approx((2 / 3 + 1 + 2 / 3) / 3)
    assert m["confusion_matrix"]["matrix"] == [[1, 0, 1], [0, 1, 0], [0, 0, 1]]


def test_fold_without_a_class_still_evaluates() -> None:
    m = evaluate(["neutral", "neutral"], ["neutral", "neutral"])
    assert m["macro_f1"] == 1.0  # absent classes are not averaged in as zeros
    assert any("no gold/reference 'accusation, denial'" in n for n in m["notes"])
    assert math.isnan(m["kappa"]) and "kappa undefined (one class only)" in m["notes"]
    summary = summarise_folds([m, evaluate(["denial"], ["neutral"])])
    assert summary["macro_f1"]["mean"] == pytest.approx(0.5)


def test_pipeline_factory_converts_yaml_lists() -> None:
    from omegaconf import OmegaConf
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(ngram_range=OmegaConf.create([1, 2]))
    clf = LogisticRegression(class_weight={"neutral": 1.0, "denial": 2.0, "accusation": 2.0})
    pipe = build_pipeline(vec, clf)
    assert pipe.named_steps["vectorizer"].ngram_range == (1, 2)
    texts = ["hij ontkent", "zij beschuldigt", "het regent", "ontkent alles", "beschuldigt hem",
             "zon schijnt"]
    y = ["denial", "accusation", "neutral"] * 2
    pipe.fit(texts, y)
    assert pipe.predict(["ontkent"])[0] == "denial"


def test_tfidf_saves_its_vocabulary_compactly_and_loads_the_same(tmp_path) -> None:
    from wederhoor.io.model_files import load_model, save_model
    from wederhoor.modeling.tfidf import TfidfVectorizer

    texts = ["De fraude werd ontkend.", "Zij beschuldigt hem van fraude.", "é ñ 中文 – „x”"]
    fitted = TfidfVectorizer(ngram_range=(1, 2)).fit(texts)
    state = fitted.__getstate__()
    assert "vocabulary_" not in state and state["vocabulary_bytes_"].dtype == np.uint8
    save_model(fitted, tmp_path)
    loaded = load_model(tmp_path)
    assert type(loaded) is TfidfVectorizer
    assert list(loaded.vocabulary_.items()) == list(fitted.vocabulary_.items())  # same order
    assert (loaded.transform(texts) != fitted.transform(texts)).nnz == 0
    assert loaded.get_params() == fitted.get_params()


def test_results_table_stays_aligned_under_a_long_model_name() -> None:
    from wederhoor.evaluation.summary import format_results

    metrics = evaluate(["accusation", "denial", "neutral"], ["accusation", "denial", "denial"])
    folds = summarise_folds([{**metrics, "fold": 0, "documents": 1}])
    scored = {"train_labels": "gold", "metrics": metrics, "fold_summary": folds}
    record = {"model": "tfidf_logreg", "counts": {"documents": 1, "sentences": 3,
                                                 "evaluated_sentences": 3},
              "eval_against": "gold", "n_folds": 1, "train_labels": "silver",
              "metrics": metrics, "fold_summary": folds, "reference": None,
              "also": {"stacking_tfidf_logreg": scored, "nb": scored},
              "labeler_vs_gold": metrics}
    lines = format_results(record, "run")
    table = lines.splitlines()[1:6]  # the head, the main row, two extra models, the rules
    assert table[2].startswith("stacking_tfidf_logreg on gold ")
    ends = {line.index("macro-F1") + len("macro-F1") if i == 0 else
            line.index(f"{metrics['macro_f1']:.3f}") + 5 for i, line in enumerate(table)}
    assert len(ends) == 1, table  # every macro-F1 ends in the column of its heading
