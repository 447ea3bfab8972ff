"""Every labeler call sees whole documents, in sentence order: label-only pass, fused
split+label pass and streaming, with batches forced small and documents whose rows lie apart."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import datasets
import pandas as pd
import pytest

from tests.conftest import SEEDS
from wederhoor.experiment import Timer, labelled_sentences
from wederhoor.io.documents import load_documents
from wederhoor.pipeline import labeling
from wederhoor.pipeline.labeling import label_sentences, split_label_documents
from wederhoor.pipeline.segmenters import NoSegmenter, SyntokSegmenter
from wederhoor.pipeline.sentences import split_documents
from wederhoor.pipeline.streaming import load_shards, shard_paths, stream_corpus


class RecordingLabeler:
    """Labels each sentence with its position in its document *as this call saw it* and the
    evidence with how many sentences of the document the call held, and records every call."""

    keyed_by_document = True
    languages = ["en", "nl"]

    def __init__(self) -> None:
        self.calls: list[list[tuple[str, str]]] = []

    def label(self, texts: Sequence[str], langs: Sequence[str] | None = None,
              doc_ids: Sequence[str] | None = None) -> tuple[list[str], list[str]]:
        assert doc_ids is not None and len(doc_ids) == len(texts)
        self.calls.append(list(zip(doc_ids, texts, strict=True)))
        held = Counter(doc_ids)
        seen: Counter[str] = Counter()
        labels, evidence = [], []
        for doc in doc_ids:
            seen[doc] += 1
            labels.append(str(seen[doc]))
            evidence.append(str(held[doc]))
        return labels, evidence


def _assert_whole_documents(calls: list[list[tuple[str, str]]],
                            documents: dict[str, list[str]]) -> None:
    """Each call holds complete documents, each as one run of its sentences in order."""
    assert calls
    seen_docs: list[str] = []
    for call in calls:
        runs: list[str] = []
        for doc, _ in call:
            if not runs or runs[-1] != doc:
                runs.append(doc)
        assert len(runs) == len(set(runs)), "a document's sentences are apart within a call"
        for doc in runs:
            got = [text for d, text in call if d == doc]
            assert got == documents[doc], f"document {doc} partial or out of order"
        seen_docs += runs
    assert len(seen_docs) == len(set(seen_docs)), "a document was labelled in two calls"
    assert sorted(seen_docs) == sorted(documents)


def _documents(frame: pd.DataFrame) -> dict[str, list[str]]:
    """doc_id -> its sentences in sentence order."""
    ordered = frame.sort_values(["doc_id", "sent_id"], kind="stable")
    return {doc: group["text"].tolist() for doc, group in ordered.groupby("doc_id", sort=False)}


def _assert_labels_fit(frame: pd.DataFrame) -> None:
    """Labels went back to the right rows: position in the document and its full size."""
    sizes = frame.groupby("doc_id")["text"].transform("size")
    assert frame["evidence"].astype(int).tolist() == sizes.tolist()
    assert frame["label"].astype(int).tolist() == frame["sent_id"].tolist()


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(labeling, "BATCH_SENTENCES", 7)
    monkeypatch.setattr(labeling, "SPLIT_BATCH_DOCS", 3)


def _seed_docs() -> datasets.Dataset:
    docs = load_documents(str(SEEDS / "docs"), "nl", str(SEEDS / "corpus.csv"))
    return docs.select(range(12))


def test_label_only_pass_sees_whole_documents(small_batches: None) -> None:
    sents = split_documents(_seed_docs(), SyntokSegmenter(), 1)
    labeler = RecordingLabeler()
    out = label_sentences(sents, labeler, 1).to_pandas()
    assert len(labeler.calls) > 3  # the batches really were small
    _assert_whole_documents(labeler.calls, _documents(out))
    _assert_labels_fit(out)


def test_fused_pass_sees_whole_documents(small_batches: None) -> None:
    labeler = RecordingLabeler()
    out = split_label_documents(_seed_docs(), SyntokSegmenter(), labeler, 1).to_pandas()
    assert len(labeler.calls) == 4  # 12 documents, 3 per batch
    _assert_whole_documents(labeler.calls, _documents(out))
    _assert_labels_fit(out)


def test_fused_pass_equals_split_then_label() -> None:
    from wederhoor.labelers.rules import RuleLabeler

    docs, labeler = _seed_docs(), RuleLabeler()
    fused = split_label_documents(docs, SyntokSegmenter(), labeler, 1).to_pandas()
    apart = label_sentences(split_documents(docs, SyntokSegmenter(), 1), labeler, 1).to_pandas()
    pd.testing.assert_frame_equal(fused[apart.columns], apart)


def _interleaved() -> datasets.Dataset:
    """A sentence table whose documents' rows lie apart (as a user's table may)."""
    rows = [("d1", 1, "Eerste van d1."), ("d2", 1, "Eerste van d2."), ("d1", 2, "Tweede van d1."),
            ("d3", 1, "Enige van d3."), ("d1", 3, "Derde van d1."), ("d2", 2, "Tweede van d2.")]
    return datasets.Dataset.from_dict({
        "doc_id": [r[0] for r in rows], "sent_id": [r[1] for r in rows],
        "text": [r[2] for r in rows], "lang": ["nl"] * len(rows), "date": [""] * len(rows)})


def test_label_only_pass_regroups_documents_whose_rows_lie_apart(small_batches: None) -> None:
    sents = _interleaved()
    labeler = RecordingLabeler()
    out = label_sentences(sents, labeler, 1).to_pandas()
    _assert_whole_documents(labeler.calls, _documents(out))
    # rows stay where they were, each with its own label
    assert out["text"].tolist() == sents["text"]
    _assert_labels_fit(out)


def test_label_only_pass_orders_sentences_by_sent_id() -> None:
    sents = _interleaved()
    reversed_ = sents.select(range(len(sents) - 1, -1, -1))  # d1's rows now come 3, 2, 1
    labeler = RecordingLabeler()
    out = label_sentences(reversed_, labeler, 1).to_pandas()
    assert [t for d, t in labeler.calls[0] if d == "d1"] == \
        ["Eerste van d1.", "Tweede van d1.", "Derde van d1."]
    assert out["text"].tolist() == reversed_["text"]
    _assert_labels_fit(out)


def test_sentence_table_input_is_labelled_whole_in_memory_and_streamed(tmp_path: Path) -> None:
    """A pre-split table (one row per sentence, doc_id repeating, rows apart and across
    batch boundaries): both paths give every labeler call whole documents, the same output."""
    rows = [("d1", "Eerste van d1."), ("d2", "Eerste van d2."), ("d1", "Tweede van d1."),
            ("d1", "Derde van d1."), ("d3", "Enige van d3."), ("d4", "Eerste van d4."),
            ("d4", "Tweede van d4."), ("d4", "Derde van d4."), ("d2", "Tweede van d2.")]
    path = tmp_path / "sentences.csv"
    pd.DataFrame(rows, columns=["doc_id", "text"]).to_csv(path, index=False)
    memory_labeler = RecordingLabeler()
    memory = split_label_documents(load_documents(str(path), "nl", rows_are_documents=False),
                                   NoSegmenter(),
                                   memory_labeler, 1).to_pandas()
    stream_labeler = RecordingLabeler()
    manifest = stream_corpus(str(path), "nl", None, NoSegmenter(), stream_labeler,
                             tmp_path / "shards", 1, batch_docs=2)
    streamed = load_shards(shard_paths(tmp_path / "shards", manifest)).to_pandas()
    expected = {"d1": ["Eerste van d1.", "Tweede van d1.", "Derde van d1."],
                "d2": ["Eerste van d2.", "Tweede van d2."], "d3": ["Enige van d3."],
                "d4": ["Eerste van d4.", "Tweede van d4.", "Derde van d4."]}
    _assert_whole_documents(memory_labeler.calls, expected)
    _assert_labels_fit(memory)
    _assert_labels_fit(streamed)
    pd.testing.assert_frame_equal(memory[streamed.columns], streamed, check_dtype=False)
    # streaming labels the documents a batch cut apart again, whole, in one extra call
    final = stream_labeler.calls[-1]
    assert {d for d, _ in final} == {"d1", "d2", "d4"}  # batches of 2 rows cut these
    _assert_whole_documents([final], {d: expected[d] for d in ("d1", "d2", "d4")})


def test_streaming_batches_hold_whole_documents(tmp_path: Path) -> None:
    labeler = RecordingLabeler()
    manifest = stream_corpus(str(SEEDS / "docs"), "nl", str(SEEDS / "corpus.csv"),
                             SyntokSegmenter(), labeler, tmp_path / "shards", 1, batch_docs=7)
    out = load_shards(shard_paths(tmp_path / "shards", manifest)).to_pandas()
    assert len(labeler.calls) == len(manifest["shards"]) > 3
    _assert_whole_documents(labeler.calls, _documents(out))
    _assert_labels_fit(out)


def test_fused_cache_serves_the_split_and_misses_cleanly_without_it(cfg_factory,
                                                                   tmp_path: Path,
                                                                   capsys) -> None:
    import shutil

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("De oppositie beschuldigt hem van fraude. Hij ontkent.\n",
                                  encoding="utf-8")
    base = ["data.input=" + str(folder), "data.gold=null", "data.meta=null"]
    first = labelled_sentences(cfg_factory("train", base), Timer()).sentences.to_pandas()
    capsys.readouterr()
    label_entries = list((tmp_path / "cache").glob("label-*"))
    assert len(label_entries) == 1
    # the split entry is an alias of the label entry: no second copy of the sentences
    split_entry = next((tmp_path / "cache").glob("split-*"))
    assert not (split_entry / "data").exists()
    gold = tmp_path / "gold.csv"
    gold.write_text("doc_id,text,label\na,Hij ontkent.,denial\n", encoding="utf-8")
    other = labelled_sentences(cfg_factory("train", [*base, "labeler=gold",
                                                     f"labeler.path={gold}"]), Timer())
    assert "reusing cached split from" in capsys.readouterr().err
    split_cols = [c for c in first.columns if c not in ("label", "evidence")]
    pd.testing.assert_frame_equal(other.sentences.to_pandas()[split_cols], first[split_cols])
    # the label entry the alias points at is gone: the split is simply made again
    shutil.rmtree(label_entries[0])
    again = labelled_sentences(cfg_factory("train", base), Timer()).sentences.to_pandas()
    assert "reusing" not in capsys.readouterr().err
    pd.testing.assert_frame_equal(again, first)
