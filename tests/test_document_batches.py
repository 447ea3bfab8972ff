"""Every labeler call of the engine sees whole documents, in sentence order, with batches
forced small, several worker processes, and documents whose rows lie apart; the output does
not depend on the batch size or the number of workers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pytest

from tests.clitools import seed_sample
from tests.conftest import SEEDS
from wederhoor.pipeline.engine import load_shards, run_engine, shard_paths
from wederhoor.pipeline.segmenters import NoSegmenter, SyntokSegmenter


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


def _engine(input: Path, folder: Path, segmenter: object, labeler: object,
            batch_docs: int = 2000, workers: int = 1, meta: str | None = None) -> pd.DataFrame:
    manifest = run_engine(str(input), "nl", meta, segmenter, labeler, folder, workers,
                          batch_docs=batch_docs)
    return load_shards(shard_paths(folder, manifest)).to_pandas()


def _interleaved(tmp_path: Path) -> Path:
    """A sentence table whose documents' rows lie apart and out of sent_id order (as a
    user's table may)."""
    rows = [("d1", 3, "Derde van d1."), ("d2", 2, "Tweede van d2."), ("d1", 1, "Eerste van d1."),
            ("d3", 1, "Enige van d3."), ("d1", 2, "Tweede van d1."), ("d2", 1, "Eerste van d2.")]
    path = tmp_path / "interleaved.csv"
    pd.DataFrame(rows, columns=["doc_id", "sent_id", "text"]).to_csv(path, index=False)
    return path


EXPECTED = {"d1": ["Eerste van d1.", "Tweede van d1.", "Derde van d1."],
            "d2": ["Eerste van d2.", "Tweede van d2."], "d3": ["Enige van d3."]}


def test_rows_of_a_document_that_lie_apart_are_labelled_together(tmp_path: Path) -> None:
    labeler = RecordingLabeler()
    out = _engine(_interleaved(tmp_path), tmp_path / "shards", NoSegmenter(), labeler)
    assert len(labeler.calls) == 1
    _assert_whole_documents(labeler.calls, EXPECTED)
    # documents in the order of their first row, each in sent_id order, the ids kept
    assert out["doc_id"].tolist() == ["d1", "d1", "d1", "d2", "d2", "d3"]
    assert out["sent_id"].tolist() == [1, 2, 3, 1, 2, 1]
    _assert_labels_fit(out)


def test_batches_of_a_sentence_table_hold_whole_documents(tmp_path: Path) -> None:
    """Batches of 2 rows: a document's rows, apart in the file, still reach one call, once."""
    labeler = RecordingLabeler()
    out = _engine(_interleaved(tmp_path), tmp_path / "shards", NoSegmenter(), labeler,
                  batch_docs=2)
    assert len(labeler.calls) > 1
    _assert_whole_documents(labeler.calls, EXPECTED)
    _assert_labels_fit(out)


def test_sentence_table_input_is_labelled_whole_at_any_batch_size(tmp_path: Path) -> None:
    """A pre-split table (one row per sentence, doc_id repeating, rows apart and across
    batch boundaries): every labeler call gets whole documents, whatever the batch size."""
    rows = [("d1", "Eerste van d1."), ("d2", "Eerste van d2."), ("d1", "Tweede van d1."),
            ("d1", "Derde van d1."), ("d3", "Enige van d3."), ("d4", "Eerste van d4."),
            ("d4", "Tweede van d4."), ("d4", "Derde van d4."), ("d2", "Tweede van d2.")]
    path = tmp_path / "sentences.csv"
    pd.DataFrame(rows, columns=["doc_id", "text"]).to_csv(path, index=False)
    one_batch_labeler = RecordingLabeler()
    one_batch = _engine(path, tmp_path / "one", NoSegmenter(), one_batch_labeler)
    small_labeler = RecordingLabeler()
    small = _engine(path, tmp_path / "small", NoSegmenter(), small_labeler, batch_docs=2)
    expected = {"d1": ["Eerste van d1.", "Tweede van d1.", "Derde van d1."],
                "d2": ["Eerste van d2.", "Tweede van d2."], "d3": ["Enige van d3."],
                "d4": ["Eerste van d4.", "Tweede van d4.", "Derde van d4."]}
    _assert_whole_documents(one_batch_labeler.calls, expected)
    _assert_labels_fit(one_batch)
    _assert_labels_fit(small)
    pd.testing.assert_frame_equal(one_batch, small)
    # batches of 2 rows are cut between documents: every call holds whole documents, and
    # the rows without sent_id are numbered in file order
    assert len(small_labeler.calls) > 1
    _assert_whole_documents(small_labeler.calls, expected)
    assert small["sent_id"].tolist() == [1, 2, 3, 1, 2, 1, 1, 2, 3]


def test_engine_batches_hold_whole_documents(tmp_path: Path) -> None:
    # 300 seed documents spread over the corpus (every kind of text), in batches of 7
    docs, corpus = seed_sample(tmp_path / "corpus", documents=300)
    labeler = RecordingLabeler()
    out = _engine(docs, tmp_path / "shards", SyntokSegmenter(), labeler,
                  batch_docs=7, meta=str(corpus))
    assert len(labeler.calls) > 3  # the batches really were small
    _assert_whole_documents(labeler.calls, _documents(out))
    _assert_labels_fit(out)


@pytest.mark.slow  # every seed sentence, 3-4 s: make test-slow and CI run it
def test_labels_do_not_depend_on_batch_size_or_workers(tmp_path: Path) -> None:
    """The rule labeler (which reads document context) on 40 Dutch seed documents: one batch in
    this process equals batches of 3 documents spread over two worker processes."""
    from wederhoor.labelers.rules import RuleLabeler

    docs = tmp_path / "docs"
    docs.mkdir()
    for path in sorted((SEEDS / "docs").glob("nl-*.txt"))[:40]:
        (docs / path.name).write_bytes(path.read_bytes())
    whole = _engine(docs, tmp_path / "whole", SyntokSegmenter(), RuleLabeler())
    spread = _engine(docs, tmp_path / "spread", SyntokSegmenter(), RuleLabeler(),
                     batch_docs=3, workers=2)
    assert whole["doc_id"].nunique() == 40
    assert (whole["label"] != "neutral").sum() > 20  # the rules really fired
    pd.testing.assert_frame_equal(whole, spread)


def test_a_bad_meta_file_is_refused_before_the_progress_bar(nl_docs: Path, tmp_path: Path,
                                                             monkeypatch, capsys) -> None:
    """The reader is lazy, so the engine reads the first batch before its bar starts: a wrong
    option gets its one line alone, while good input of the same size does show the bar."""
    from wederhoor import errors
    from wederhoor.pipeline import engine

    monkeypatch.setattr(engine, "BAR_MIN_SENTENCES", 0)  # every input is big enough for a bar
    with pytest.raises(errors.UserError, match="is a folder"):
        run_engine(str(nl_docs), "nl", str(tmp_path), NoSegmenter(), None, tmp_path / "out",
                   workers=1)
    assert capsys.readouterr().err == ""
    run_engine(str(nl_docs), "nl", None, NoSegmenter(), None, tmp_path / "out", workers=1)
    assert "split" in capsys.readouterr().err


def test_a_bar_stopped_by_an_error_is_wiped_and_a_finished_one_stays(capsys) -> None:
    """On a terminal the error's one line then stands alone instead of after a half bar."""
    from wederhoor.progress import bar

    with pytest.raises(ValueError), bar(None, "split", show=True) as progress:
        progress.update(3)
        raise ValueError("a bad file halfway")
    err = capsys.readouterr().err
    assert err.endswith("\r") and err.rsplit("\r", 2)[-2].strip() == ""  # the bar blanked out
    with bar(None, "split", show=True) as progress:
        progress.update(3)
    assert capsys.readouterr().err.rstrip("\n").rsplit("\r", 1)[-1].startswith("split: 3")
