"""Atomic file writing: a run that fails halfway never leaves a half-written file behind."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wederhoor.errors import UserError


def atomic_write(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Let ``write`` fill a temporary file beside ``path``, then move it into place in one step."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create folder {target.parent}: {exc.strerror}") from None
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def write_csv(df: Any, path: str | Path) -> Path:
    """Write a pandas DataFrame as UTF-8 CSV without its index."""
    return atomic_write(path, lambda tmp: df.to_csv(tmp, index=False))


def write_json(data: Any, path: str | Path) -> Path:
    """Write JSON with sorted, indented keys so run records diff cleanly."""

    def dump(tmp: Path) -> None:
        tmp.write_text(json.dumps(data, indent=2, sort_keys=True, default=str) + "\n",
                       encoding="utf-8")

    return atomic_write(path, dump)


def write_text(text: str, path: str | Path) -> Path:
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def refuse_protected(path: str | Path, protected: Path) -> None:
    """Refuse to write into the seeds folder: raw data is never edited."""
    target = Path(path).resolve()
    root = protected.resolve()
    if target == root or root in target.parents:
        raise UserError(f"refusing to write {path}: {protected} holds raw data and is never "
                        "modified; choose an output outside it")


def write_table(df: Any, path: str | Path) -> Path:
    """Write a table as CSV, JSONL or Parquet, chosen by the output's extension."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".csv":
        return write_csv(df, target)
    if suffix == ".jsonl":
        return atomic_write(
            target, lambda tmp: df.to_json(tmp, orient="records", lines=True, force_ascii=False)
        )
    if suffix == ".parquet":
        return atomic_write(target, lambda tmp: df.to_parquet(tmp, index=False))
    raise UserError(f"unsupported output {path}: use a .csv, .jsonl or .parquet file name")
