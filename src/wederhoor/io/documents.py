"""Read a corpus from disk as documents, batch by batch, whatever form it arrives in.

Researchers bring folders of .txt files, single files, or CSV / JSONL / Parquet exports with a
``text`` column. Every stage wants the same thing: documents with ``doc_id``, ``text``,
``lang`` and ``date`` columns. ``iter_documents`` is the one reader: it yields them in batches,
so a corpus of any size is read in bounded memory; ``load_documents`` puts the batches
together when a caller wants one table.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from wederhoor.errors import UserError, warn
from wederhoor.io.language import (
    AUTO,
    check_lang_option,
    fill_document_languages,
    fill_languages,
    languages,
)
from wederhoor.io.sentence_rows import Plan, number_sentences, plan_rows, whole_documents

if TYPE_CHECKING:
    import datasets

TABLE_FORMATS = {".csv": "csv", ".jsonl": "json", ".json": "json", ".parquet": "parquet"}
# "date YYYY-MM" (or YYYY-MM-DD) before the headline, on the headline's line or on its own
HEADER = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?:[ \t]*\r?\n|[ \t]+|[ \t]*\Z)")
ID_COLUMNS = ("doc_id", "id")


def extension(path: Path) -> str:
    """A file's extension in lower case: ``X.TXT`` and ``x.Parquet`` are read like ``x.txt``."""
    return path.suffix.lower()


def parse_header(text: str) -> tuple[str, str]:
    """Split off a leading ``date YYYY-MM`` header; it dates the document and is not a sentence."""
    match = HEADER.match(text)
    if not match:
        return "", text
    return match.group(1), text[match.end() :]


# Files that are not text at all, by their first bytes: the hint must fit the file.
NOT_TEXT = (
    (b"PK\x03\x04", "a ZIP archive or an Office document (.docx, .xlsx, .odt)",
     "export it as plain text (.txt) or CSV"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc, .xls)",
     "export it as plain text (.txt) or CSV"),
    (b"%PDF", "a PDF", "extract its text first, e.g. `pdftotext`"),
    (b"\x1f\x8b", "a gzip archive", "unpack it first (`gunzip`)"),
    (b"PAR1", "a Parquet file", "give it the .parquet extension"),
)
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def check_utf8(path: Path) -> None:
    """Fail with the file's name (and byte offset) when it is not UTF-8, before any parser does.

    The hint fits the file: UTF-16 text, an archive, an Office file or a PDF is named as such
    (``iconv -f latin1`` is only suggested for text in an 8-bit encoding).
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}; check its permissions") from None
    for magic, what, todo in NOT_TEXT:
        if head.startswith(magic):
            raise UserError(f"{path} is {what}, not UTF-8 text; {todo}")
    if head.startswith(UTF16_BOMS):
        raise UserError(f"{path} is UTF-16 text; re-save it as UTF-8, e.g. "
                        f"`iconv -f UTF-16 -t UTF-8 {path.name} > {path.stem}-utf8{path.suffix}`")
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                raise UserError(
                    f"{path} is not UTF-8 (bad byte at offset {offset + exc.start}); "
                    "re-save it as UTF-8, e.g. `iconv -f latin1 -t utf-8`"
                ) from None
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise UserError(f"{path} is not UTF-8 (it ends inside a character)") from None


def _txt_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    files = sorted(p for p in path.rglob("*") if extension(p) == ".txt" and p.is_file())
    if not files:
        raise UserError(f"no .txt documents in folder {path}; point input= at a folder of .txt "
                        "files or a .csv/.jsonl/.parquet file with a 'text' column")
    return files


def _read_txt(files: list[Path], root: Path) -> dict[str, list[str]]:
    cols: dict[str, list[str]] = {"doc_id": [], "text": [], "date": []}
    for file in files:
        check_utf8(file)
        raw = file.read_text(encoding="utf-8").lstrip("\ufeff")
        date, body = parse_header(raw)
        rel = file.relative_to(root) if root.is_dir() else Path(file.name)
        cols["doc_id"].append(rel.with_suffix("").as_posix())
        cols["text"].append(body)
        cols["date"].append(date)
    return cols


def refuse_without_text(path: Path) -> None:
    """Say why a table has no 'text' column: empty, not UTF-8, malformed, or another header.

    Only the first batch is parsed, so a large file with the wrong header fails at once.
    """
    if extension(path) != ".parquet":
        check_utf8(path)
    if path.stat().st_size == 0:
        raise UserError(f"{path} is empty; it needs a header row / records with a 'text' field")
    hint = separator_hint(path) if extension(path) == ".csv" else ""
    columns = table_columns(str(path)) if hint else next(
        (list(batch) for batch in _parsed(_table_batches(path, 1000), path)), [])
    raise UserError(
        f"{path} has no 'text' column (found: {', '.join(map(str, columns)) or 'none'}); "
        + (hint or "rename the column that holds the text to 'text'")
    )


def separator_hint(path: Path) -> str:
    """What to do when a CSV's header reads as one column that holds ';' or a tab: the file
    was saved with that separator (a spreadsheet's default in much of Europe). Read from the
    header alone, as a row with a comma in its text makes the rest unparsable."""
    try:
        columns = csv_header(path)
    except OSError:
        return ""
    if len(columns) != 1:
        return ""
    for sep, name in ((";", "';'"), ("\t", "tabs")):
        if sep in str(columns[0]):
            return (f"the file seems to use {name} between columns; save it as CSV with ',' "
                    "as the separator")
    return ""


def csv_header(path: Path) -> list[str]:
    """The column names on a CSV file's first line (a byte-order mark is not part of the
    first name), without reading further."""
    import csv

    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        return next(csv.reader([handle.readline()]), [])


def not_text(path: Path, what: str, row: int | None = None) -> UserError:
    """The one line for a 'text' column that holds numbers, lists or mixed values."""
    where = f" (row {row})" if row is not None else ""
    return UserError(f"the 'text' column of {path} holds {what} values{where}, not text; "
                     "point it at the column with the documents' text, or quote the values")


def check_text_values(texts: list, path: Path, first_row: int) -> None:
    """Refuse a batch whose 'text' values are not strings (rows are read as Python values)."""
    for i, value in enumerate(texts):
        if value is not None and not isinstance(value, str):
            raise not_text(path, type(value).__name__, first_row + i + 1)


def normalise_batch(batch: dict[str, list], indices: list[int], id_col: str | None,
                    stem: str) -> dict[str, list]:
    """Standard columns for one batch of table rows."""
    ids = batch[id_col] if id_col else [f"{stem}-{i + 1}" for i in indices]
    out = {
        "doc_id": [str(i) for i in ids],
        "text": ["" if t is None else str(t) for t in batch["text"]],
        "date": ["" if d is None else str(d) for d in batch.get("date", [None] * len(indices))],
    }
    if "lang" in batch:
        out["lang"] = language_codes(batch["lang"])
    return out


def language_codes(values: list) -> list[str]:
    """``language_code`` of each value, worked out once per distinct value (a lang column
    holds a few values over many rows)."""
    known: dict[Any, str] = {}
    out = []
    for value in values:
        try:
            code = known[value]
        except KeyError:
            code = known[value] = language_code(value)
        except TypeError:  # a list or object in a JSON lang field: not a key
            code = language_code(value)
        out.append(code)
    return out


def language_code(value: Any) -> str:
    """A lang column's value as a language code: ``NL`` and `` en `` are ``nl`` and ``en``.

    A value that is no known code in any case (``Dutch``) stays as written, so a message
    about it quotes the file."""
    if value is None or value != value:
        return ""
    code = str(value).strip()
    return code.lower() if code.lower() in languages() else code


class UniqueIds:
    """Renames a document id seen before in a document table (``x`` -> ``x#2``), in row order.

    Two documents under one id would be merged into one, and the context rule would carry a
    stance from one into the other. One instance sees every row of a table, in row order, so
    the ids do not depend on the batch size.
    """

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}
        self.renamed: list[str] = []
        self.count = 0

    def __call__(self, ids: list[str]) -> list[str]:
        out = []
        for doc in ids:
            n = self.seen.get(doc, 0) + 1
            self.seen[doc] = n
            if n > 1:
                self.count += 1
                if len(self.renamed) < 3:
                    self.renamed.append(f"{doc}#{n}")
                doc = f"{doc}#{n}"
            out.append(doc)
        return out

    def report(self, path: Path) -> None:
        if self.count:
            warn(f"{self.count} row(s) of {path} repeat the doc_id of an earlier document; "
                 f"each is kept as its own document ({', '.join(self.renamed)}"
                 f"{' ...' if self.count > 3 else ''}); give every document its own id")


def id_column(columns: list[str]) -> str | None:
    return next((c for c in ID_COLUMNS if c in columns), None)


def input_path(input: str, option: str = "input") -> Path:
    """The input as a path, or one clear line naming ``option`` when it does not exist (or is
    a Parquet file that cannot be opened: checked now, before any work starts)."""
    path = Path(str(input)).expanduser()
    if not str(input).strip() or not path.exists():
        raise UserError(f"input not found: {input}; pass {option}=PATH to a folder, .txt, "
                        ".csv, .jsonl or .parquet file")
    if path.is_file() and extension(path) == ".parquet":
        check_parquet(path)
    return path


def check_parquet(path: Path) -> None:
    """One line when a .parquet file cannot be opened: empty, another format under the
    .parquet name, or cut short (Parquet keeps its schema in a footer at the very end)."""
    import pyarrow.parquet as pq

    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}; check its permissions") from None
    if not head:
        raise UserError(f"{path} is empty (0 bytes); write the Parquet file again, or point "
                        "the input at another file")
    if not head.startswith(b"PAR1"):
        raise UserError(f"{path} is not a Parquet file ({_what_instead(head)})")
    try:
        pq.read_schema(path)
    except Exception:  # noqa: BLE001 - pyarrow raises several types for a bad footer
        raise UserError(f"{path} is not a complete Parquet file (its footer, at the end, is "
                        "missing or damaged); it was probably cut short while written or "
                        "copied: write or copy it again") from None


def _what_instead(head: bytes) -> str:
    """What a file named .parquet holds instead, and what to do, from its first bytes."""
    for magic, what, todo in NOT_TEXT:
        if head.startswith(magic):
            return f"it is {what}; {todo}"
    try:
        # incremental: a character cut at the end of the read bytes is not an error
        text = codecs.getincrementaldecoder("utf-8")().decode(head).lstrip("\ufeff \t\r\n")
    except UnicodeDecodeError:
        return "its first bytes are not Parquet's; export the table as Parquet again"
    name, ext = ("JSONL", ".jsonl") if text.startswith("{") else ("CSV", ".csv")
    return f"it starts with text; if it is a {name} export, give it the {ext} extension"


def load_documents(
    input: str, lang: str = AUTO, meta: str | None = None, rows_are_documents: bool = True
) -> datasets.Dataset:
    """All documents of ``input`` in one datasets.Dataset: the batches of ``iter_documents``
    put together, so there is one document reader whatever the caller wants."""
    import datasets
    import pyarrow as pa

    tables = [pa.table(batch) for batch in iter_documents(input, lang, meta,
                                                          rows_are_documents=rows_are_documents)]
    return datasets.Dataset(pa.concat_tables(tables))


def empty_rows(texts: Any) -> list[int]:
    """Positions of empty or blank texts in an Arrow column or a list (vectorised)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    column = texts if isinstance(texts, (pa.Array, pa.ChunkedArray)) else pa.array(texts,
                                                                                   pa.string())
    blank = pc.fill_null(pc.equal(pc.utf8_length(pc.utf8_trim_whitespace(column)), 0), True)
    return pc.indices_nonzero(blank).to_pylist()


def warn_empty(path: Path, first: list[str], count: int) -> None:
    names = ", ".join(first[:5])
    more = f" and {count - 5} more" if count > 5 else ""
    warn(f"skipped {count} empty document(s) in {path}: {names}{more}")


def read_meta(meta: Path, option: str = "data.meta", quiet: bool = False) -> Any:
    """The metadata CSV as a DataFrame indexed by doc_id (one row per document).

    ``option`` names the option that gave the file; unless ``quiet``, a file with neither a
    lang nor a split column gets a warning (it is often the wrong file)."""
    import pandas as pd

    if meta.is_dir():
        raise UserError(f"{option}={meta} is a folder; point it at a CSV file with doc_id and "
                        f"lang/split columns, or set {option}=null")
    if not meta.is_file():
        raise UserError(f"metadata file not found: {meta}; fix {option}= or set {option}=null")
    check_utf8(meta)
    try:
        table = pd.read_csv(meta, dtype=str, keep_default_na=False)
    except Exception as exc:  # noqa: BLE001
        raise UserError(f"could not read {meta} as CSV: "
                        f"{separator_hint(meta) or ' '.join(str(exc).split())}") from None
    if "doc_id" not in table.columns:
        raise UserError(f"{meta} has no 'doc_id' column; "
                        f"{separator_hint(meta) or 'it is needed to match documents'}")
    if not quiet and not {"lang", "split"} & set(table.columns):
        _warn_meta_columns(str(meta), ", ".join(map(str, table.columns)))
    if "lang" in table.columns:
        table["lang"] = table["lang"].map(language_code)
    return table.drop_duplicates("doc_id").set_index("doc_id")


@cache
def _warn_meta_columns(meta: str, columns: str) -> None:
    """Once per file: a metadata file without lang and split is often the wrong file."""
    warn(f"{meta} has neither a 'lang' nor a 'split' column (found: {columns}): languages "
         "come from the input or lang=, and a dev/test split (cv=corpus, cv=dev_kfold, "
         "label_report) cannot come from it")


def lang_column_source(input: str, meta: str | None, values: list[str]) -> str:
    """The file whose lang column holds ``values``: the metadata file when it does (its
    values win over the input's), else the input."""
    if meta and Path(meta).is_file():
        try:
            table = read_meta(Path(meta), quiet=True)
        except UserError:
            return str(input)
        if "lang" in table.columns and set(values) & set(table["lang"]):
            return str(meta)
    return str(input)


def meta_columns(table: Any, ids: list[str], old: dict[str, list]) -> dict[str, list[str]]:
    """Metadata values for ``ids``; a blank value keeps what the input already had."""
    out: dict[str, list[str]] = {}
    for col in table.columns:
        values = table[col].reindex(ids).fillna("").tolist()
        if col in old:
            values = [v or o for v, o in zip(values, old[col], strict=True)]
        out[col] = values
    return out


def attach_meta(ds: datasets.Dataset, meta: Path) -> datasets.Dataset:
    """Add per-document metadata (lang, date, split, domain) from a CSV keyed by doc_id."""
    table = read_meta(meta)
    old = {c: ds[c] for c in table.columns if c in ds.column_names}
    for col, values in meta_columns(table, ds["doc_id"], old).items():
        if col in ds.column_names:
            ds = ds.remove_columns(col)
        ds = ds.add_column(col, values)
    return ds


def iter_documents(input: str, lang: str = AUTO, meta: str | None = None,
                   batch_size: int = 2000, rows_are_documents: bool = True
                   ) -> Iterator[dict[str, list]]:
    """Yield the documents of ``input`` (folder, .txt, .csv, .jsonl, .parquet) in batches of
    standard columns (doc_id, text, date, lang, and the metadata's), never all at once.

    ``lang`` fills in documents whose language the input does not say (``auto``: detected);
    ``meta`` is an optional CSV (doc_id plus lang/date/split/domain) that annotates documents.
    ``rows_are_documents`` (unless the rows are sentences: ``segmenter=none``, or a
    ``sent_id`` column) gives a repeated doc_id of a table its own id (``UniqueIds``).
    Empty documents are skipped with one warning at the end. The options are checked now, not
    at the first batch, so a mistake is reported before a caller starts workers or shards.
    """
    check_lang_option(lang)
    path = input_path(input)
    return _documents(path, lang, meta, batch_size, rows_are_documents)


def _documents(path: Path, lang: str, meta: str | None, batch_size: int,
               rows_are_documents: bool) -> Iterator[dict[str, list]]:
    """The batches of ``iter_documents``, its options already checked."""
    table = read_meta(Path(meta)) if meta else None
    empty: list[str] = []
    n_empty = 0
    seen_text = False
    for cols in _raw_batches(path, batch_size, rows_are_documents):
        if table is not None:
            had = {c: cols[c] for c in table.columns if c in cols}
            for col, values in meta_columns(table, cols["doc_id"], had).items():
                cols.pop(col, None)
                cols[col] = values
        sentences = "sent_id" in cols  # rows are sentences, batches hold whole documents
        cols["lang"] = (fill_document_languages(cols.get("lang"), cols["text"], cols["doc_id"],
                                                lang) if sentences
                        else fill_languages(cols.get("lang"), cols["text"], lang))
        gone = set(empty_rows(cols["text"]))
        if gone:
            n_empty += len(gone)
            empty.extend(cols["doc_id"][i] for i in sorted(gone) if len(empty) < 5)
            cols = {k: [v for i, v in enumerate(vs) if i not in gone] for k, vs in cols.items()}
        if sentences:
            cols["sent_id"] = number_sentences(cols["doc_id"], cols["sent_id"])
        if cols["doc_id"]:
            seen_text = True
            yield cols
    if not seen_text:
        raise UserError(f"no text in {path}: every document is empty")
    if n_empty:
        warn_empty(path, empty, n_empty)


def _raw_batches(path: Path, batch_size: int, rows_are_documents: bool = True
                 ) -> Iterator[dict[str, list]]:
    """Batches of doc_id/text/date (and lang) columns straight from the input file(s); a
    table whose rows are sentences also gets sent_id, and batches of whole documents."""
    if path.is_dir() or extension(path) == ".txt":
        files = _txt_files(path)
        for start in range(0, len(files), batch_size):
            yield _read_txt(files[start:start + batch_size], path)
        return
    if extension(path) not in TABLE_FORMATS:
        raise UserError(f"unsupported input {path}: use a folder of .txt files or a "
                        ".txt, .csv, .jsonl or .parquet file")
    columns = table_columns(str(path))
    if "text" not in columns:
        refuse_without_text(path)
    if path.stat().st_size == 0:
        raise UserError(f"{path} is empty; it needs a header row / records with a 'text' field")
    id_col = id_column(columns)
    if rows_are_documents and "sent_id" not in columns:
        unique = UniqueIds()
        for cols in _table_rows(path, batch_size, id_col):
            cols["doc_id"] = unique(cols["doc_id"])
            yield cols
        unique.report(path)
        return
    plan = _sentence_plan(path, batch_size, id_col, "sent_id" in columns)
    yield from whole_documents(_table_rows(path, batch_size, id_col, sentences=True), plan,
                               batch_size)


def _table_rows(path: Path, batch_size: int, id_col: str | None, sentences: bool = False
                ) -> Iterator[dict[str, list]]:
    """The table's rows in standard columns, batch by batch, in the file's order (with the
    raw sent_id values when the rows are ``sentences``)."""
    offset = 0
    for batch in _parsed(_table_batches(path, batch_size), path):
        check_text_values(batch["text"], path, offset)
        indices = list(range(offset, offset + len(batch["text"])))
        offset += len(indices)
        cols = normalise_batch(batch, indices, id_col, path.stem)
        if sentences:
            cols["sent_id"] = batch.get("sent_id", [None] * len(indices))
        yield cols


def _sentence_plan(path: Path, batch_size: int, id_col: str | None, has_sent_id: bool
                   ) -> Plan:
    """The reading order of a sentence table, from a first pass over its id columns alone
    (a warning says when its sent_id values cannot be kept)."""
    wanted = [c for c in (id_col, "sent_id" if has_sent_id else None) if c]
    if not wanted:  # no ids at all: every row is a document of one sentence, in file order
        return Plan(None, False)
    ids = _id_columns(path, batch_size, wanted)
    n = len(ids[wanted[0]])
    doc_ids = ids[id_col] if id_col else [f"{path.stem}-{i + 1}" for i in range(n)]
    plan = plan_rows(doc_ids, ids["sent_id"] if has_sent_id else None)
    if plan.note:
        warn(f"the sent_id column of {path} {plan.note}")
    return plan


def _id_columns(path: Path, batch_size: int, wanted: list[str]) -> dict[str, Any]:
    """The ``wanted`` id columns of a table, whole; doc ids as the reader writes them
    (Parquet's are read as Arrow at once: one type per column, no Python values)."""
    if extension(path) == ".parquet":
        import pyarrow.parquet as pq

        try:
            # doc ids as a dictionary: a code per row, each id string once
            frame = pq.read_table(path, columns=wanted, read_dictionary=[
                c for c in wanted if c != "sent_id"]).to_pandas()
        except Exception as exc:  # noqa: BLE001 - a damaged file: one line, as _parsed says
            raise UserError(f"could not read {path} as PARQUET: "
                            f"{' '.join(str(exc).split())[:200]}; check that the file is "
                            "well-formed") from None
        return {c: frame[c].tolist() if c == "sent_id" else frame[c] for c in wanted}
    out: dict[str, list] = {c: [] for c in wanted}
    for batch in _parsed(_table_batches(path, batch_size, wanted), path):
        for c in wanted:
            out[c].extend(batch[c] if c == "sent_id" else [str(i) for i in batch[c]])
    return out


Batch = TypeVar("Batch")


def _parsed(batches: Iterator[Batch], path: Path) -> Iterator[Batch]:
    """The batches, with a parser's error on a malformed file turned into one line."""
    try:
        yield from batches
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - parser errors differ by format; all mean bad file
        detail = " ".join(str(exc.__cause__ or exc).split())[:200]
        raise UserError(f"could not read {path} as {TABLE_FORMATS[extension(path)].upper()}: "
                        f"{detail}; check that the file is well-formed") from None


def _table_batches(path: Path, batch_size: int, columns: list[str] | None = None
                   ) -> Iterator[dict[str, list]]:
    """The table's rows as Python values, batch by batch; only ``columns`` when given (the
    values of a column do not depend on which other columns are read)."""
    if extension(path) == ".parquet":
        import pyarrow.parquet as pq

        for record_batch in pq.ParquetFile(path).iter_batches(batch_size=batch_size,
                                                              columns=columns):
            yield record_batch.to_pydict()
        return
    check_utf8(path)
    if extension(path) == ".csv":
        import pandas as pd

        # utf-8-sig: a byte-order mark (Excel's "CSV UTF-8") is not part of the first name
        for frame in pd.read_csv(path, chunksize=batch_size, encoding="utf-8-sig",
                                 usecols=columns):
            frame = frame.astype(object).where(frame.notna(), None)
            yield {c: frame[c].tolist() for c in frame.columns}
        return

    rows: list[dict] = []
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                rows.append(json_record(line, path, number))
            if len(rows) >= batch_size:
                yield _columns(rows, columns)
                rows = []
    if rows:
        yield _columns(rows, columns)


def json_record(line: str, path: Path, number: int, needs: str = '{"text": ...}') -> dict:
    """One line of a JSONL file as a dict, or one line naming the file, the line and what
    each line ``needs``."""
    import json

    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UserError(f"{path} line {number} is not valid JSON ({exc.msg}); fix or remove "
                        "that line") from None
    if not isinstance(record, dict):
        raise UserError(f"{path} line {number} is not a JSON object; each line needs {needs}")
    return record


def _columns(rows: list[dict], names: list[str] | None = None) -> dict[str, list]:
    names = names or list(dict.fromkeys(k for row in rows for k in row))
    return {n: [row.get(n) for row in rows] for n in names}


def table_columns(input: str) -> list[str]:
    """Column names of a CSV/JSONL/Parquet input without loading it ([] for text inputs)."""
    path = Path(str(input))
    if not path.is_file() or extension(path) not in TABLE_FORMATS:
        return []
    if extension(path) == ".parquet":
        import pyarrow.parquet as pq

        try:
            return list(pq.read_schema(path).names)
        except Exception:  # noqa: BLE001 - load_documents reports unreadable files
            return []
    if extension(path) == ".csv":
        return csv_header(path)
    with path.open(encoding="utf-8-sig", errors="replace") as handle:
        first = handle.readline()
    import json

    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return []
    return list(record) if isinstance(record, dict) else []
