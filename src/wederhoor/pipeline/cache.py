"""Reuse the engine's split+label shards across runs of the same corpus and stage config.

Splitting and labelling a large corpus takes minutes, while a sweep trains many models on the
same sentences. The engine's Parquet shards are stored under
``experiments/cache/shards-<key>/``,
where the key hashes everything that can change the output: the input's bytes (and the
metadata file's), the language default, the stage's resolved config, the files that config
names, the class it builds, and the package's version, code and
word lists. Change any of them and the key changes.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from importlib import util
from pathlib import Path
from typing import Any

from wederhoor.tracking.provenance import installed_versions

CACHE_VERSION = "3"  # 2: entries carry a checksum of their content; 3: only engine shards
PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Library versions whose behaviour shapes the stage outputs.
STAGE_PACKAGES = ("syntok", "datasets", "pyarrow")
MANIFEST = "manifest.json"


def _hash_file(digest: Any, path: Path) -> None:
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            digest.update(chunk)


def path_digest(path: str | Path, exclude: str | None = None) -> str:
    """A content hash of a file, or of every file in a folder (with their relative names),
    leaving out files named ``exclude``."""
    digest = hashlib.blake2b(digest_size=16)
    root = Path(path)
    files = [root] if root.is_file() else sorted(
        p for p in root.rglob("*") if p.is_file() and p.name != exclude)
    for file in files:
        digest.update((file.relative_to(root).as_posix() if file != root else file.name)
                      .encode("utf-8") + b"\x00")
        _hash_file(digest, file)
        digest.update(b"\x1e")
    return digest.hexdigest()


def content_digest(entry: Path) -> str:
    """A hash of every file of a cache entry except its manifest (names and bytes)."""
    return path_digest(entry, exclude=MANIFEST)


def path_size(path: str | Path) -> int:
    """Bytes on disk of a file or of all files in a folder (0 when it does not exist)."""
    root = Path(str(path)).expanduser()
    if root.is_file():
        return root.stat().st_size
    if root.is_dir():
        return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    return 0


def _code_files(target: str) -> list[Path]:
    """The source file of a ``_target_``'s module (the code that produces the output)."""
    module = target.rsplit(".", 1)[0]
    try:
        spec = util.find_spec(module)
    except (ImportError, ValueError):
        return []
    return [Path(spec.origin)] if spec and spec.origin and Path(spec.origin).is_file() else []


def component_fingerprint(node: Any) -> dict[str, Any]:
    """What defines a segmenter or labeler: its resolved config and the files it depends on.

    Any string option naming an existing file or folder contributes that file's content, so
    editing a custom lexicon invalidates the cache even when its path stays the same.
    """
    from omegaconf import DictConfig, OmegaConf

    conf = OmegaConf.to_container(node, resolve=True) if isinstance(node, DictConfig) else node
    files: dict[str, str] = {}

    def visit(value: Any) -> None:
        if isinstance(value, dict):
            for v in value.values():
                visit(v)
        elif isinstance(value, list):
            for v in value:
                visit(v)
        elif isinstance(value, str) and value and len(value) < 4096:
            path = Path(value)
            try:
                if path.exists():
                    files[value] = path_digest(path)
            except OSError:
                pass

    visit(conf)
    target = conf.get("_target_", "") if isinstance(conf, dict) else ""
    code = {p.name: path_digest(p) for p in _code_files(str(target))}
    return {"config": conf, "files": files, "code": code}


@functools.lru_cache(maxsize=1)
def package_digest() -> str:
    """A hash of the installed package's code and packaged data (every .py and .yaml file).

    Keyed by the whole package rather than a list of the stage's modules, so moving or
    editing any code can never serve a stale entry; the price is recomputing after any edit.
    """
    digest = hashlib.blake2b(digest_size=16)
    for file in sorted(p for p in PACKAGE_DIR.rglob("*") if p.suffix in {".py", ".yaml"}
                       and "__pycache__" not in p.parts):
        digest.update(file.relative_to(PACKAGE_DIR).as_posix().encode("utf-8") + b"\x00")
        _hash_file(digest, file)
    return digest.hexdigest()


def code_fingerprint(stage: str) -> dict[str, str]:
    """What the stage's code is: its name, the package's version and code, library versions."""
    return {"stage": stage, "wederhoor": _package_version(), "package": package_digest(),
            **installed_versions(STAGE_PACKAGES)}


def _package_version() -> str:
    from wederhoor import __version__

    return __version__


def stage_key(*parts: Any) -> str:
    """A short, stable key for any JSON-serialisable description of a stage's inputs."""
    text = json.dumps([CACHE_VERSION, *parts], sort_keys=True, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()


def input_fingerprint(input: str, meta: str | None, lang: str) -> dict[str, Any]:
    """The input corpus's content (and its metadata file's), plus the language default."""
    return {"input": path_digest(Path(str(input)).expanduser()),
            "meta": path_digest(meta) if meta and Path(meta).is_file() else None,
            "lang": lang}


class StageCache:
    """Finished stage outputs on disk, one folder per key, written atomically."""

    def __init__(self, root: str | Path, enabled: bool = True,
                 max_gb: float | None = None) -> None:
        self.root = Path(root)
        self.enabled = enabled
        self.max_bytes = None if max_gb is None else float(max_gb) * 2**30

    def entry(self, stage: str, key: str) -> Path:
        return self.root / f"{stage}-{key}"

    def manifest(self, stage: str, key: str, verify: bool = False) -> dict[str, Any] | None:
        """The stored description of a finished entry, or None when there is none.

        ``verify`` (before the entry's data is reused) also checks the content against the
        checksum stored when it was written; an entry changed on disk is dropped with a
        warning, so the stage runs again instead of serving altered sentences or labels.
        """
        if not self.enabled:
            return None
        path = self.entry(stage, key) / MANIFEST
        if not path.is_file():
            return None
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
            os.utime(path)  # last use, for pruning the least recently used entries
        except (OSError, json.JSONDecodeError):
            return None
        if verify and manifest.get("checksum") != content_digest(self.entry(stage, key)):
            from wederhoor.errors import warn

            warn(f"cache entry {self.entry(stage, key)} was changed on disk since it was "
                 "written; computing it again")
            shutil.rmtree(self.entry(stage, key), ignore_errors=True)
            return None
        return manifest

    def update(self, stage: str, key: str, **fields: Any) -> None:
        """Add fields to an existing entry's manifest (e.g. a fingerprint computed later)."""
        manifest = self.manifest(stage, key)
        if manifest is None:
            return
        from wederhoor.io.outputs import write_json

        write_json({**manifest, **fields}, self.entry(stage, key) / MANIFEST)

    def _begin(self, stage: str, key: str) -> Path:
        from wederhoor.io.outputs import honour_umask, temp_beside

        self.root.mkdir(parents=True, exist_ok=True)
        tmp = temp_beside(self.entry(stage, key), directory=True)
        honour_umask(tmp, directory=True)
        return tmp

    def _commit(self, stage: str, key: str, tmp: Path, manifest: dict[str, Any]) -> None:
        manifest = {**manifest, "checksum": content_digest(tmp)}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n",
                                    encoding="utf-8")
        final = self.entry(stage, key)
        if final.exists():  # another run finished the same entry first, or a stale one
            shutil.rmtree(final, ignore_errors=True)
        try:
            tmp.replace(final)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
        self.prune(keep=final)

    def prune(self, keep: Path | None = None) -> list[Path]:
        """Remove the least recently used entries while the cache is above ``max_gb``."""
        if self.max_bytes is None or not self.root.is_dir():
            return []
        from wederhoor.errors import info

        entries = []
        for entry in self.root.iterdir():
            manifest = entry / MANIFEST
            if entry.is_dir() and manifest.is_file():
                size = sum(p.stat().st_size for p in entry.rglob("*") if p.is_file())
                entries.append((manifest.stat().st_mtime, size, entry))
        total = sum(size for _, size, _ in entries)
        removed = []
        for _, size, entry in sorted(entries):
            if total <= self.max_bytes:
                break
            if entry == keep:
                continue
            shutil.rmtree(entry, ignore_errors=True)
            total -= size
            removed.append(entry)
        if removed:
            info(f"cache above {self.max_bytes / 2**30:g} GB: removed {len(removed)} least "
                 f"recently used entr{'y' if len(removed) == 1 else 'ies'} from {self.root}")
        return removed

    def begin_shards(self, stage: str, key: str) -> Path:
        """A private folder for the engine to write Parquet shards into; finish with commit."""
        return self._begin(stage, key)

    def commit_shards(self, stage: str, key: str, tmp: Path, manifest: dict[str, Any]) -> Path:
        self._commit(stage, key, tmp, {**manifest, "format": "parquet"})
        return self.entry(stage, key)

