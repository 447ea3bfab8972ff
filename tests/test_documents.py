"""Loading corpora in every supported form, and refusing bad input with a clear message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wederhoor.errors import UserError
from wederhoor.io.documents import load_documents, parse_header


def test_header_becomes_date_and_is_removed_from_text() -> None:
    header = parse_header("date 2021-03 Sky ECC ontkent\nRest")
    assert header == ("2021-03", "Sky ECC ontkent\nRest")
    assert parse_header(" date 2021-03 Kop") == ("2021-03", "Kop")
    assert parse_header("De date 2021-03 staat niet vooraan") == (
        "", "De date 2021-03 staat niet vooraan")


def test_folder_of_txt(nl_docs: Path) -> None:
    ds = load_documents(str(nl_docs), lang="nl")
    assert ds["doc_id"] == ["a", "b", "c"]
    assert ds["date"] == ["2024-05", "", ""]
    assert ds["lang"] == ["nl"] * 3
    assert ds["text"][0].startswith("Burgemeester ontkent fraude\n")


def test_single_txt_and_lang(nl_docs: Path) -> None:
    ds = load_documents(str(nl_docs / "b.txt"), lang="en")
    assert ds["doc_id"] == ["b"] and ds["lang"] == ["en"]


def test_csv_with_id_lang_and_date(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text('id,text,lang,date\n7,"Hij ontkent alles.",nl,2020-01\n8,"He denies it.",en,\n',
                    encoding="utf-8")
    ds = load_documents(str(path), lang="nl")
    assert ds["doc_id"] == ["7", "8"]
    assert ds["lang"] == ["nl", "en"]
    assert ds["date"] == ["2020-01", ""]


@pytest.mark.parametrize("name, body", [
    ("excel.csv", 'doc_id,text\nalpha,"Hij ontkent alles."\nbeta,"He denies it."\n'),
    ("bom.jsonl", '{"id": "alpha", "text": "Hij ontkent alles."}\n'
                  '{"id": "beta", "text": "He denies it."}\n'),
])
def test_a_byte_order_mark_keeps_the_id_column(tmp_path: Path, name: str, body: str) -> None:
    """Excel's "CSV UTF-8" starts with a BOM; it must not hide the first column's name."""
    path = tmp_path / name
    path.write_text("\ufeff" + body, encoding="utf-8")
    ds = load_documents(str(path), lang="auto")
    assert ds["doc_id"] == ["alpha", "beta"]
    assert ds["lang"] == ["nl", "en"]


def test_jsonl_without_ids_gets_row_ids(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps({"text": t}) for t in ["Een.", "Twee."]) + "\n",
                    encoding="utf-8")
    ds = load_documents(str(path), lang="nl")
    assert ds["doc_id"] == ["news-1", "news-2"]


def test_parquet(tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "in.parquet"
    pd.DataFrame({"doc_id": ["x"], "text": ["Zin één."]}).to_parquet(path)
    assert load_documents(str(path))["text"] == ["Zin één."]


def test_meta_adds_lang_and_split(nl_docs: Path, tmp_path: Path) -> None:
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,lang,split\na,nl,dev\nc,en,test\n", encoding="utf-8")
    ds = load_documents(str(nl_docs), lang="nl", meta=str(meta))
    assert ds["lang"] == ["nl", "nl", "en"]
    assert ds["split"] == ["dev", "", "test"]


def test_empty_document_skipped_with_warning(nl_docs: Path, capsys) -> None:
    (nl_docs / "empty.txt").write_text("  \n", encoding="utf-8")
    ds = load_documents(str(nl_docs))
    assert "empty" not in ds["doc_id"] and len(ds) == 3
    assert "skipped 1 empty document" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p / "missing", "input not found"),
        (lambda p: (p / "emptydir").mkdir() or p / "emptydir", "no .txt documents"),
        (lambda p: _write(p / "latin.txt", "Caf\xe9 ontkent".encode("latin-1")), "is not UTF-8"),
        (lambda p: _write(p / "empty.csv", b""), "is empty"),
        (lambda p: _write(p / "notext.csv", b"id,body\n1,hallo\n"), "has no 'text' column"),
        (lambda p: _write(p / "bad.jsonl", b'{"text": "ok"}\n{"text": \n'), "line 2"),
        (lambda p: _write(p / "ragged.csv", b"id,text\n1,ok\n2,ok,extra,x\n"), "Expected 2 fields"),
        (lambda p: _write(p / "quote.csv", b'id,text\n1,"never closed\n'), "could not read"),
        (lambda p: _write(p / "blank.txt", b"\n\n"), "every document is empty"),
        (lambda p: _write(p / "doc.docx", b"PK"), "unsupported input"),
    ],
)
def test_bad_input_names_the_file(tmp_path: Path, setup, message: str) -> None:
    path = setup(tmp_path)
    with pytest.raises(UserError) as err:
        load_documents(str(path))
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _sentences(path: Path, batch_size: int = 2000, **kwargs) -> dict[str, list]:
    """Every row ``iter_documents`` yields, the batches joined; also checks that each batch
    holds whole documents, each as one run of rows."""
    from wederhoor.io.documents import iter_documents

    out: dict[str, list] = {}
    seen: set[str] = set()
    for batch in iter_documents(str(path), batch_size=batch_size, **kwargs):
        runs = [d for i, d in enumerate(batch["doc_id"]) if i == 0 or batch["doc_id"][i - 1] != d]
        assert len(runs) == len(set(runs)) and not seen & set(runs)
        seen |= set(runs)
        for name, values in batch.items():
            out.setdefault(name, []).extend(values)
    return out


@pytest.mark.parametrize("batch_size", [1, 2, 2000])
def test_a_sentence_table_keeps_its_ids_and_reads_them_in_numeric_order(
        tmp_path: Path, batch_size: int) -> None:
    """The audit's table: (d1, 10) (d2, 1) (d1, 20) (d1, 5); 9 < 10 as numbers, not as text."""
    path = tmp_path / "sid.csv"
    path.write_text("doc_id,sent_id,text\nd1,10,Tien.\nd2,1,Een.\nd1,20,Twintig.\n"
                    "d1,5,Kop hier\nd1,9,Negen.\n", encoding="utf-8")
    rows = _sentences(path, batch_size, lang="nl")
    assert rows["doc_id"] == ["d1", "d1", "d1", "d1", "d2"]
    assert rows["sent_id"] == [5, 9, 10, 20, 1]
    assert rows["text"] == ["Kop hier", "Negen.", "Tien.", "Twintig.", "Een."]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_sentence_ids_as_numbers_in_text_or_floats_are_kept(tmp_path: Path, fmt: str) -> None:
    import pandas as pd

    frame = pd.DataFrame({"doc_id": ["a", "a", "a"], "sent_id": ["10", "2", "1"],
                          "text": ["Drie.", "Twee.", "Een."]})
    path = tmp_path / f"in.{fmt}"
    if fmt == "jsonl":
        path.write_text("\n".join(json.dumps(r) for r in frame.to_dict("records")) + "\n",
                        encoding="utf-8")
    else:
        frame.assign(sent_id=[10.0, 2.0, 1.0]).to_parquet(path)
    rows = _sentences(path, lang="nl")
    assert rows["sent_id"] == [1, 2, 10] and rows["text"] == ["Een.", "Twee.", "Drie."]


def test_sentence_ids_that_are_not_numbers_are_read_as_text_and_renumbered(
        tmp_path: Path, capsys) -> None:
    path = tmp_path / "ids.csv"
    path.write_text("doc_id,sent_id,text\na,s2,Twee.\na,s1,Een.\nb,x,Enige.\n", encoding="utf-8")
    rows = _sentences(path, lang="nl")
    assert rows["text"] == ["Een.", "Twee.", "Enige."]
    assert rows["sent_id"] == [1, 2, 1]
    err = capsys.readouterr().err
    assert "sent_id column of" in err and "'s2'" in err and "numbered 1, 2" in err


def test_a_sentence_table_in_order_is_streamed_in_batches_of_whole_documents(
        tmp_path: Path) -> None:
    """A table already in order is not sorted in memory: it is read batch by batch, and a
    document that a batch of the file cuts goes whole into one batch of documents."""
    import pandas as pd

    frame = pd.DataFrame({"doc_id": ["a"] * 3 + ["b"] * 4 + ["c"],
                          "sent_id": [1, 2, 3, 1, 2, 3, 4, 1],
                          "text": [f"Zin {i}." for i in range(8)]})
    path = tmp_path / "sents.parquet"
    frame.to_parquet(path)
    from wederhoor.io.documents import iter_documents
    from wederhoor.io.sentence_rows import plan_rows

    batches = [b["doc_id"] for b in iter_documents(str(path), lang="nl", batch_size=3)]
    assert batches == [["a"] * 3, ["b"] * 4, ["c"]]
    rows = _sentences(path, 3, lang="nl")
    assert rows["sent_id"] == frame["sent_id"].tolist()
    # only a table out of order is read whole to be sorted
    assert plan_rows(frame["doc_id"].tolist(), frame["sent_id"].tolist()).order is None
    assert plan_rows(["a", "b", "a"], [1, 1, 2]).order.tolist() == [0, 2, 1]
    assert plan_rows(["a", "a", "a"], [2, 1, 1]).order.tolist() == [1, 2, 0]  # ties: file order


def test_upper_case_extensions_are_read_like_lower_case(tmp_path: Path) -> None:
    import pandas as pd

    frame = pd.DataFrame({"doc_id": ["a"], "text": ["Hij ontkent alles."]})
    frame.to_csv(tmp_path / "IN.CSV", index=False)
    frame.to_parquet(tmp_path / "IN.PARQUET")
    (tmp_path / "IN.JSONL").write_text(json.dumps(frame.iloc[0].to_dict()) + "\n",
                                       encoding="utf-8")
    (tmp_path / "A.TXT").write_text("Hij ontkent alles.\n", encoding="utf-8")
    for name in ("IN.CSV", "IN.PARQUET", "IN.JSONL"):
        ds = load_documents(str(tmp_path / name), lang="nl")
        assert ds["doc_id"] == ["a"] and ds["text"] == ["Hij ontkent alles."], name
    assert load_documents(str(tmp_path / "A.TXT"), lang="nl")["doc_id"] == ["A"]
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "X.TXT").write_text("Zij zwijgt.\n", encoding="utf-8")
    (folder / "y.txt").write_text("Hij ook.\n", encoding="utf-8")
    assert load_documents(str(folder), lang="nl")["doc_id"] == ["X", "y"]


def test_a_lang_value_in_another_case_is_its_code(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text('doc_id,text,lang\na,"Hij ontkent.",NL\nb,"He denies it.", En \n'
                    'c,"Il nie.",FR\n', encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,lang\nb,EN\n", encoding="utf-8")
    assert load_documents(str(path))["lang"] == ["nl", "en", "FR"]  # no code: as written
    assert load_documents(str(path), meta=str(meta))["lang"] == ["nl", "en", "FR"]
