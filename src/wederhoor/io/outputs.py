"""Safe file writing: atomic, never over an input, readable as the user's umask says.

A run that fails halfway never leaves a half-written file behind; a killed run's temporary
(named ``.<name>.wederhoor-<pid>-<random>.tmp``) is removed by the next write beside it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from wederhoor.errors import UserError
from wederhoor.io.run_folder import refuse_run_folder

TMP_MARK = ".wederhoor-"
TABLE_SUFFIXES = (".csv", ".jsonl", ".parquet")  # what write_table writes
# Endings that make a name a file's: a folder output so named is a mistake (out=lb.txt).
FILE_SUFFIXES = frozenset({*TABLE_SUFFIXES, ".json", ".md", ".txt", ".png", ".svg", ".pdf",
                           ".html", ".tsv", ".xlsx", ".log"})
_TMP_PID = re.compile(re.escape(TMP_MARK) + r"(\d+)-")


@cache
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def honour_umask(path: Path, directory: bool = False) -> None:
    """Give ``path`` the mode a plain ``open``/``mkdir`` would (mkstemp makes files 0600)."""
    mode = (0o777 if directory else 0o666) & ~_umask()
    try:
        os.chmod(path, mode)
    except OSError:
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(folder: Path, name: str) -> None:
    """Remove temporaries of ``name`` left in ``folder`` by runs that no longer exist."""
    try:
        candidates = list(folder.glob(f".{glob_escape(name)}{TMP_MARK}*.tmp"))
    except OSError:
        return
    for tmp in candidates:
        match = _TMP_PID.search(tmp.name[len(name) + 1:])
        if match and not _alive(int(match.group(1))):
            if tmp.is_dir():
                shutil.rmtree(tmp, ignore_errors=True)
            else:
                tmp.unlink(missing_ok=True)


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def temp_beside(target: Path, directory: bool = False) -> Path:
    """A fresh temporary beside ``target``, named so a later run can tell it is stale."""
    clean_stale(target.parent, target.name)
    prefix = f".{target.name}{TMP_MARK}{os.getpid()}-"
    if directory:
        return Path(tempfile.mkdtemp(prefix=prefix, suffix=".tmp", dir=target.parent))
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    os.close(fd)
    return Path(name)


def make_parent(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create folder {target.parent}: {exc.strerror}; choose an "
                        "output in a folder you can write to") from None


def atomic_write(path: str | Path, write: Callable[[Path], object]) -> Path:
    """Let ``write`` fill a temporary file beside ``path``, then move it into place in one step."""
    target = Path(path)
    make_parent(target)
    try:
        tmp = temp_beside(target)
    except OSError as exc:
        raise UserError(f"cannot write into {target.parent}: {exc.strerror}; choose an output "
                        "in a folder you can write to") from None
    try:
        write(tmp)
        honour_umask(tmp)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_output(output: str | Path, inputs: Iterable[str | Path | None], protected: Path,
                 folder: bool = False, kinds: str = ".csv, .jsonl or .parquet",
                 option: str = "output", suffixes: Iterable[str] | None = None) -> Path:
    """Refuse, before any work, an output that would overwrite an input, lies in ``seeds/``
    or in a run folder (what a run wrote is never replaced), or cannot be written.

    ``folder`` outputs hold the command's files (stream=true replaces its folder whole), so
    no input may lie inside them, and a name with a file's ending (``out=lb.txt``) is refused;
    ``kinds``: the file endings the output may have (for the messages); ``suffixes``: those
    endings, when the command writes only them; ``option``: the command-line name the
    messages use.
    """
    target = Path(str(output)).expanduser()
    refuse_protected(target, protected)
    refuse_run_folder(target, option)
    for source in (Path(str(i)).expanduser() for i in inputs if i):
        resolved = source.resolve()
        if _same(target, source) or (folder and target.resolve() in resolved.parents):
            raise UserError(f"{option}={output} would overwrite the input {source}; choose "
                            "another output path")
    if not folder and target.is_dir():
        raise UserError(f"{option}={output} is an existing folder; pass a file name ending in "
                        f"{kinds}")
    check_kind(target, folder, kinds, option, suffixes)
    parent = target.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UserError(f"cannot write {option}={output}: {parent} is not writable; choose an "
                        "output in a folder you can write to")
    return target


def check_kind(target: Path, folder: bool, kinds: str, option: str,
               suffixes: Iterable[str] | None) -> None:
    """A folder output not named like a file, a file output with an ending it can have."""
    suffix = target.suffix.lower()
    if folder and suffix in FILE_SUFFIXES:
        raise UserError(f"{option}={target} names a file ({target.suffix}), but this command "
                        f"writes its files into a folder; pass a folder, e.g. "
                        f"{option}={target.with_suffix('')}")
    if not folder and suffixes is not None and suffix not in set(suffixes):
        raise UserError(f"unsupported output {option}={target}: use a file name ending in "
                        f"{kinds}")


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
