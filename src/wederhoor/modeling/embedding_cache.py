"""Sentence embeddings on disk, keyed by a hash of (model id, text), so none is computed twice.

Embedding runs at tens of sentences a second on a CPU, so every sweep, fold and rerun reads
what an earlier one computed. Each batch of new embeddings becomes one shard file
(``<folder>/<model>/<hash of its keys>.npz``: the keys and a float32 matrix), written to a
temporary beside it and moved into place in one step. Two runs sharing the folder therefore
never see a half-written shard and never write the same file name with different content; at
worst both embed the same sentence once. A shard that cannot be read is reported in one line,
removed, and its sentences are embedded again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from wederhoor.errors import warn

SHARD_SUFFIX = ".npz"


def text_key(model_id: str, text: str) -> str:
    """The cache key of one sentence under one model (hex SHA-256 of both)."""
    return hashlib.sha256(f"{model_id}\n{text}".encode()).hexdigest()


def model_folder_name(model_id: str) -> str:
    """A readable, file-system-safe folder name for a model id (plus a short hash of it)."""
    readable = re.sub(r"[^A-Za-z0-9.-]+", "_", model_id).strip("_")[:60]
    return f"{readable}-{hashlib.sha256(model_id.encode()).hexdigest()[:8]}"


class EmbeddingCache:
    """Embeddings of one model: looked up in memory, read from and written to shard files.

    ``root=None`` keeps them in memory only (for this object's lifetime).
    """

    def __init__(self, root: str | Path | None, model_id: str, dim: int) -> None:
        self.model_id = model_id
        self.root = root
        self.dim = dim
        self.folder = Path(root) / model_folder_name(model_id) if root else None
        self.rows: dict[str, np.ndarray] = {}
        self.read: set[str] = set()  # shard names already read into rows
        self.writable = self.folder is not None

    def key(self, text: str) -> str:
        return text_key(self.model_id, text)

    def lookup(self, keys: Iterable[str]) -> set[str]:
        """The keys among ``keys`` that have no embedding yet (after reading new shards)."""
        wanted = set(keys)
        missing = wanted - self.rows.keys()
        if missing and self.folder is not None:
            self._read_shards()
            missing = wanted - self.rows.keys()
        return missing

    def add(self, keys: Sequence[str], vectors: np.ndarray) -> None:
        """Remember a batch, and write it as one shard when the folder can be written."""
        vectors = np.asarray(vectors, dtype=np.float32)
        for key, row in zip(keys, vectors, strict=True):
            self.rows[key] = row
        if self.writable and len(keys):
            self._write_shard(list(keys), vectors)

    def matrix(self, keys: Sequence[str]) -> np.ndarray:
        """The embeddings of ``keys`` in order (every key must be known)."""
        if not keys:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self.rows[k] for k in keys])

    def _read_shards(self) -> None:
        assert self.folder is not None
        try:
            shards = sorted(self.folder.glob(f"*{SHARD_SUFFIX}"))
        except OSError:
            return
        for shard in shards:
            if shard.name in self.read:
                continue
            self.read.add(shard.name)
            loaded = self._load(shard)
            if loaded is not None:
                self.rows.update(zip(*loaded, strict=True))

    def _load(self, shard: Path) -> tuple[list[str], np.ndarray] | None:
        """One shard's keys and rows, or None (reported, removed) when it is not valid."""
        try:
            with np.load(shard, allow_pickle=False) as data:
                keys = data["keys"].astype("U64").tolist()
                vectors = np.asarray(data["vectors"], dtype=np.float32)
            problem = _shard_problem(keys, vectors, self.dim)
        except FileNotFoundError:  # another run replaced or removed it meanwhile
            return None
        except Exception as exc:  # noqa: BLE001 - any unreadable file is handled the same way
            problem = f"unreadable ({type(exc).__name__})"
        if problem is None:
            return keys, vectors
        warn(f"embedding cache file {shard} is {problem}; removing it, its sentences are "
             "embedded again")
        shard.unlink(missing_ok=True)
        return None

    def _write_shard(self, keys: list[str], vectors: np.ndarray) -> None:
        from wederhoor.errors import UserError
        from wederhoor.io.outputs import atomic_write

        assert self.folder is not None
        name = hashlib.sha256("".join(keys).encode()).hexdigest()[:32] + SHARD_SUFFIX

        def write(tmp: Path) -> None:
            with tmp.open("wb") as handle:  # a handle, so numpy adds no second suffix
                np.savez(handle, keys=np.asarray(keys, dtype="S64"), vectors=vectors)

        try:
            atomic_write(self.folder / name, write)
        except (UserError, OSError) as exc:
            self.writable = False
            warn(f"cannot write the embedding cache in {self.folder} ({exc}); embeddings are "
                 "kept in memory for this run only (set model.*.cache_dir to a writable "
                 "folder)")
            return
        self.read.add(name)


def _shard_problem(keys: list[str], vectors: np.ndarray, dim: int) -> str | None:
    """What is wrong with a shard's content, or None when it is usable."""
    if vectors.ndim != 2 or vectors.shape[1] != dim:
        return f"of the wrong shape {vectors.shape} (expected rows of {dim})"
    if len(keys) != len(vectors):
        return f"inconsistent ({len(keys)} keys for {len(vectors)} rows)"
    if not np.isfinite(vectors).all():
        return "holding values that are not finite"
    if any(len(k) != 64 for k in keys):
        return "holding malformed keys"
    return None
