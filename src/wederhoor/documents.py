"""Read a corpus from disk into one table of documents, whatever form it arrives in.

Researchers bring folders of .txt files, single files, or CSV / JSONL / Parquet exports with a
``text`` column. Every stage wants the same thing: a datasets.Dataset with ``doc_id``, ``text``,
``lang`` and ``date`` columns. Tables go through the datasets library (Arrow), so later stages
can process them in batches however large they are.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import TYPE_CHECKING

from wederhoor.errors import UserError, warn
from wederhoor.progress import progress_for

if TYPE_CHECKING:
    import datasets

TABLE_FORMATS = {".csv": "csv", ".jsonl": "json", ".json": "json", ".parquet": "parquet"}
HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)(?:[ \t]+|$)")
ID_COLUMNS = ("doc_id", "id")


def parse_header(text: str) -> tuple[str, str]:
    """Split off a leading ``date YYYY-MM`` header; it dates the document and is not a sentence."""
    match = HEADER.match(text)
    if not match:
        return "", text
    return match.group(1), text[match.end() :]


def check_utf8(path: Path) -> None:
    """Fail with the file's name (and byte offset) when it is not UTF-8, before any parser does."""
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
    files = sorted(p for p in path.rglob("*.txt") if p.is_file())
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


def _read_table(path: Path) -> datasets.Dataset:
    import datasets

    if path.suffix != ".parquet":
        check_utf8(path)
    if path.stat().st_size == 0:
        raise UserError(f"{path} is empty; it needs a header row / records with a 'text' field")
    datasets.utils.logging.set_verbosity(datasets.utils.logging.CRITICAL)  # we report errors
    try:
        with progress_for(path.stat().st_size // 200):  # ~200 bytes per document
            ds = datasets.load_dataset(
                TABLE_FORMATS[path.suffix], data_files=str(path), split="train"
            )
    except Exception as exc:  # noqa: BLE001 - parser errors differ by format; all mean bad file
        cause = exc.__cause__ or exc
        detail = " ".join(str(cause).split())[:200]
        raise UserError(
            f"could not read {path} as {TABLE_FORMATS[path.suffix].upper()}: {detail}; "
            "check that the file is well-formed"
        ) from None
    if "text" not in ds.column_names:
        raise UserError(
            f"{path} has no 'text' column (found: {', '.join(ds.column_names) or 'none'}); "
            "rename the column that holds the text to 'text'"
        )
    return ds


def _normalise_table(ds: datasets.Dataset, path: Path) -> datasets.Dataset:
    """Give a table the standard columns: doc_id (str), text, date, and lang when present."""
    id_col = next((c for c in ID_COLUMNS if c in ds.column_names), None)
    stem = path.stem

    def fix(batch: dict[str, list], indices: list[int]) -> dict[str, list]:
        ids = batch[id_col] if id_col else [f"{stem}-{i + 1}" for i in indices]
        out = {
            "doc_id": [str(i) for i in ids],
            "text": ["" if t is None else str(t) for t in batch["text"]],
            "date": [
                "" if d is None else str(d) for d in batch.get("date", [None] * len(indices))
            ],
        }
        if "lang" in batch:
            out["lang"] = ["" if v is None else str(v) for v in batch["lang"]]
        return out

    keep = {"lang"} & set(ds.column_names)
    drop = [c for c in ds.column_names if c not in keep]
    with progress_for(len(ds)):
        return ds.map(fix, batched=True, with_indices=True, remove_columns=drop,
                      load_from_cache_file=False)


def load_documents(
    input: str, lang: str = "nl", meta: str | None = None
) -> datasets.Dataset:
    """Load ``input`` (folder, .txt, .csv, .jsonl, .parquet) as documents with standard columns.

    ``lang`` fills in documents whose language the input does not say; ``meta`` is an optional
    CSV (doc_id plus lang/date/split/domain) that annotates documents of a .txt folder.
    """
    import datasets

    path = Path(str(input)).expanduser()
    if not str(input).strip() or not path.exists():
        raise UserError(f"input not found: {input}; pass input=PATH to a folder, .txt, .csv, "
                        ".jsonl or .parquet file")
    if path.is_dir() or path.suffix == ".txt":
        ds = datasets.Dataset.from_dict(_read_txt(_txt_files(path), path))
    elif path.suffix in TABLE_FORMATS:
        ds = _normalise_table(_read_table(path), path)
    else:
        raise UserError(f"unsupported input {path}: use a folder of .txt files or a "
                        ".txt, .csv, .jsonl or .parquet file")
    if meta:
        ds = attach_meta(ds, Path(meta))
    if "lang" not in ds.column_names:
        ds = ds.add_column("lang", [lang] * len(ds))
    else:
        with progress_for(len(ds)):
            ds = ds.map(lambda b: {"lang": [v or lang for v in b["lang"]]}, batched=True,
                        load_from_cache_file=False)
    return drop_empty(ds, path)


def drop_empty(ds: datasets.Dataset, path: Path) -> datasets.Dataset:
    """Skip empty documents with a warning; refuse a corpus that has no text at all."""
    empty = [i for i, t in enumerate(ds["text"]) if not t or not t.strip()]
    if len(empty) == len(ds):
        raise UserError(f"no text in {path}: every document is empty")
    if empty:
        names = ", ".join(str(ds[i]["doc_id"]) for i in empty[:5])
        more = f" and {len(empty) - 5} more" if len(empty) > 5 else ""
        warn(f"skipped {len(empty)} empty document(s) in {path}: {names}{more}")
        keep = sorted(set(range(len(ds))) - set(empty))
        ds = ds.select(keep)
    return ds


def attach_meta(ds: datasets.Dataset, meta: Path) -> datasets.Dataset:
    """Add per-document metadata (lang, date, split, domain) from a CSV keyed by doc_id."""
    import pandas as pd

    if not meta.is_file():
        raise UserError(f"metadata file not found: {meta}; fix data.meta= or set data.meta=null")
    check_utf8(meta)
    try:
        table = pd.read_csv(meta, dtype=str, keep_default_na=False)
    except Exception as exc:  # noqa: BLE001
        raise UserError(f"could not read {meta} as CSV: {' '.join(str(exc).split())}") from None
    if "doc_id" not in table.columns:
        raise UserError(f"{meta} has no 'doc_id' column; it is needed to match documents")
    table = table.drop_duplicates("doc_id").set_index("doc_id")
    ids = ds["doc_id"]
    for col in table.columns:
        values = table[col].reindex(ids).fillna("").tolist()
        if col in ds.column_names:
            old = ds[col]
            values = [v or o for v, o in zip(values, old, strict=True)]
            ds = ds.remove_columns(col)
        ds = ds.add_column(col, values)
    return ds


def table_columns(input: str) -> list[str]:
    """Column names of a CSV/JSONL/Parquet input without loading it ([] for text inputs)."""
    path = Path(str(input))
    if not path.is_file() or path.suffix not in TABLE_FORMATS:
        return []
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        try:
            return list(pq.read_schema(path).names)
        except Exception:  # noqa: BLE001 - load_documents reports unreadable files
            return []
    with path.open(encoding="utf-8", errors="replace") as handle:
        first = handle.readline()
    if path.suffix == ".csv":
        import csv

        return next(csv.reader([first]), [])
    import json

    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return []
    return list(record) if isinstance(record, dict) else []
