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
