"""The one split+label engine: documents in batches, one Parquet shard per batch out.

Every split and label in the project runs here: the split and label commands, training,
predict, gold-check and the benchmark. The input is read a batch of documents at a time;
worker processes split (and label) each batch and write it as a shard; only a bounded
number of batches is in flight, so memory stays flat however large the corpus is. Shards
are independent: the same code runs one shard range per machine on a cluster, and shard
folders are merged by listing them together. What needs every sentence in memory (training,
a CSV output) loads the shards (``sentences``): the in-memory path is the shards, loaded.

A labeler sees whole documents (see labeling.py). A batch of documents holds each document
whole, also for an input that is already one row per sentence: the reader brings a
document's rows together in sent_id order and cuts batches only between documents
(``io/sentence_rows.py``), so the labels never depend on the batch size, the number of
workers or the row order.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any

from wederhoor.pipeline.labeling import LABEL_COLUMNS, check_languages
from wederhoor.pipeline.sentences import BYTES_PER_SENTENCE, SENTENCE_COLUMNS, SplitBatch
from wederhoor.pipeline.workers import worker_count

BATCH_DOCS = 2000  # documents per shard: ~30k sentences, a few MB of Parquet
BAR_MIN_SENTENCES = 20_000  # about a second of work: smaller inputs get no progress bar

_WORKER: dict[str, Any] = {}


def _schema(extra: list[str], labelled: bool) -> Any:
    import pyarrow as pa

    fields = [(c, pa.int64() if c == "sent_id" else pa.string()) for c in SENTENCE_COLUMNS]
    fields += [(c, pa.string()) for c in extra]
    if labelled:
        fields += [(c, pa.string()) for c in LABEL_COLUMNS]
    return pa.schema(fields)


def _init_worker(components: str) -> None:
    """Read the segmenter and labeler from the file the parent wrote them to (its own file,
    made for this pool: a small start-up message keeps the workers' start short)."""
    import pickle

    from wederhoor.pipeline.workers import die_with_parent

    die_with_parent()
    with open(components, "rb") as handle:
        _WORKER["segmenter"], _WORKER["labeler"] = pickle.load(handle)


@contextmanager
def _components_file(segmenter: Any, labeler: Any) -> Iterator[str]:
    """The segmenter and labeler pickled into a private temporary file, removed after use."""
    import os
    import pickle
    import tempfile

    fd, name = tempfile.mkstemp(prefix="wederhoor-workers-", suffix=".pkl")
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((segmenter, labeler), handle, protocol=pickle.HIGHEST_PROTOCOL)
        yield name
    finally:
        os.unlink(name)


def process_batch(index: int, docs: dict[str, list], folder: str, segmenter: Any = None,
                  labeler: Any = None) -> dict[str, Any]:
    """Split (and label) one batch of documents into ``part-<index>.parquet`` in ``folder``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from wederhoor.pipeline.labeling import SplitLabelBatch

    segmenter = segmenter or _WORKER["segmenter"]
    labeler = labeler if labeler is not None else _WORKER.get("labeler")
    extra = [c for c in docs if c not in SENTENCE_COLUMNS]
    if labeler is not None:
        sents = SplitLabelBatch(segmenter, extra, labeler)(docs)
    else:
        sents = SplitBatch(segmenter, extra)(docs)
    name = f"part-{index:06d}.parquet"
    table = pa.table(sents, schema=_schema(extra, labeler is not None))
    pq.write_table(table, Path(folder) / name)
    # a batch holds whole documents, so documents are counted per batch
    return {"shard": name, "rows": table.num_rows, "documents": len(set(docs["doc_id"]))}


def run_engine(input: str, lang: str, meta: str | None, segmenter: Any, labeler: Any,
               folder: Path, workers: int | None = 0,
               batch_docs: int = BATCH_DOCS) -> dict[str, Any]:
    """Split (and label, unless ``labeler`` is None) ``input`` into Parquet shards in ``folder``.

    Returns the manifest: shard names in corpus order, sentence and document counts.
    """
    from wederhoor.io.documents import iter_documents
    from wederhoor.pipeline.cache import path_size
    from wederhoor.pipeline.sentences import rows_are_documents
    from wederhoor.progress import bar

    batches = _read_first(_checked(iter_documents(input, lang, meta, batch_docs,
                                                  rows_are_documents(segmenter)), labeler,
                                   input, meta))
    folder.mkdir(parents=True, exist_ok=True)
    work = path_size(input) // BYTES_PER_SENTENCE
    n = worker_count(workers, work)
    shards: list[str] = []
    rows = 0
    documents = 0

    def collect(result: dict[str, Any], progress: Any) -> None:
        nonlocal rows, documents
        shards.append(result["shard"])
        rows += result["rows"]
        documents += result["documents"]
        progress.update(result["documents"])

    show = work >= BAR_MIN_SENTENCES
    with bar(_document_count(input), "split+label" if labeler is not None else "split",
             unit="docs", show=show) as progress:
        if n <= 1:
            for i, docs in enumerate(batches):
                collect(process_batch(i, docs, str(folder), segmenter, labeler), progress)
        else:
            from contextlib import ExitStack

            from wederhoor.pipeline.workers import starting_workers

            ctx = mp.get_context("spawn")  # no fork of a process holding Arrow thread pools
            with ExitStack() as stack:
                components = stack.enter_context(_components_file(segmenter, labeler))
                with starting_workers():  # workers start immune to Ctrl-C
                    pool = stack.enter_context(
                        ctx.Pool(n, initializer=_init_worker, initargs=(components,)))
                pending: deque = deque()
                for i, docs in enumerate(batches):
                    pending.append(pool.apply_async(process_batch, (i, docs, str(folder))))
                    if len(pending) >= 2 * n:  # bounded: memory stays flat
                        collect(pending.popleft().get(), progress)
                while pending:
                    collect(pending.popleft().get(), progress)
    return {"shards": shards, "rows": rows, "documents": documents,
            "labelled": labeler is not None}


def _read_first(batches: Iterator[dict[str, list]]) -> Iterator[dict[str, list]]:
    """The same batches, the first already read: a wrong input, meta file or language is
    refused in one line before a progress bar or a worker starts (the reader is lazy)."""
    first = next(batches, None)
    return batches if first is None else chain([first], batches)


def _checked(batches: Iterator[dict[str, list]], labeler: Any, input: str,
             meta: str | None) -> Iterator[dict[str, list]]:
    """The batches, each refused in one line when it holds a language the labeler has no
    rules for (before any of its sentences reach the labeler)."""
    for docs in batches:
        if labeler is not None:
            check_languages(labeler, set(docs["lang"]), input, meta)
        yield docs


MANIFEST = "manifest.json"


def is_shard_folder(folder: Path) -> bool:
    """Whether ``folder`` holds only what ``run_into_folder`` writes (safe to replace)."""
    import json

    names = {p.name for p in folder.iterdir()}
    if MANIFEST not in names:
        return False
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and "shards" in manifest and all(
        n == MANIFEST or (n.startswith("part-") and n.endswith(".parquet")) for n in names)


def run_into_folder(input: str, lang: str, meta: str | None, segmenter: Any, labeler: Any,
                    folder: Path, workers: int | None = 0) -> dict[str, Any]:
    """``run_engine`` into a fresh temporary folder, swapped in for ``folder`` when done.

    A folder used before never keeps stale shards, a killed run leaves ``folder`` as it was,
    and a non-empty folder that is not an earlier stream output is refused before any work.
    """
    import os
    import shutil

    from wederhoor.errors import UserError
    from wederhoor.io.outputs import honour_umask, make_parent, temp_beside, write_json

    if folder.is_dir() and any(folder.iterdir()) and not is_shard_folder(folder):
        raise UserError(f"output={folder} is a folder that holds other files; stream=true "
                        "replaces its output folder, so pass a new or empty folder")
    if folder.exists() and not folder.is_dir():
        raise UserError(f"output={folder} is a file; stream=true needs a folder name")
    make_parent(folder)
    tmp = temp_beside(folder, directory=True)
    honour_umask(tmp, directory=True)
    try:
        manifest = run_engine(input, lang, meta, segmenter, labeler, tmp, workers)
        write_json(manifest, tmp / MANIFEST)
        if folder.exists():
            old = temp_beside(folder, directory=True)
            os.replace(folder, old)  # the empty temporary folder is replaced by the old output
            os.replace(tmp, folder)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, folder)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return manifest


def _document_count(input: str) -> int | None:
    """The number of rows of a Parquet table of documents (from its footer), for the progress
    bar; None when unknown (a table of sentences holds fewer documents than rows)."""
    path = Path(str(input))
    if path.suffix.lower() == ".parquet" and path.is_file():
        import pyarrow.parquet as pq

        try:
            meta = pq.ParquetFile(path).metadata
        except Exception:  # noqa: BLE001 - the reader names a bad file in one line
            return None
        if "sent_id" not in meta.schema.names:
            return int(meta.num_rows)
    return None


def shard_paths(folder: Path, manifest: dict[str, Any]) -> list[Path]:
    return [folder / name for name in manifest["shards"]]


def iter_shards(paths: list[Path], columns: list[str] | None = None,
                batch_size: int = 50_000) -> Any:
    """Record batches of the shards, in order, reading only ``columns``."""
    import pyarrow.parquet as pq

    for path in paths:
        yield from pq.ParquetFile(path).iter_batches(batch_size=batch_size, columns=columns)


def _shard_table(paths: list[Path]) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not paths:
        raise ValueError("no shards")
    return pa.concat_tables([pq.read_table(p) for p in paths])


def load_shards(paths: list[Path]) -> Any:
    """The shards as one in-memory datasets.Dataset (for models that need all rows at once)."""
    import datasets

    return datasets.Dataset(_shard_table(paths))


def load_frame(paths: list[Path]) -> Any:
    """The shards as one pandas DataFrame, read with pyarrow alone: the same frame as
    ``load_shards(paths).to_pandas()`` (a test checks), without importing datasets (half a
    second of every experiment's start)."""
    return _shard_table(paths).to_pandas()


def sentences(input: str, lang: str, meta: str | None, segmenter: Any, labeler: Any = None,
              workers: int | None = 0, scratch: Path | None = None) -> Any:
    """The engine's output for ``input``, loaded into memory as one datasets.Dataset.

    The shards go to a private temporary folder (inside ``scratch`` when given, else the
    system's temporary folder) that is removed once they are read.
    """
    import tempfile

    if scratch is not None:
        scratch.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wederhoor-shards-", dir=scratch) as tmp:
        manifest = run_engine(input, lang, meta, segmenter, labeler, Path(tmp), workers)
        return loaded(Path(tmp), manifest, input)


def loaded(folder: Path, manifest: dict[str, Any], input: str, frame: bool = False) -> Any:
    """The shards of one engine run as one datasets.Dataset (``frame``: a pandas DataFrame).

    A run that produced no sentences is refused here, once for every caller: it means the
    input held nothing the segmenter could split.
    """
    if not manifest["rows"]:
        from wederhoor.errors import UserError

        raise UserError(f"the segmenter produced no sentences from {input}")
    paths = shard_paths(folder, manifest)
    return load_frame(paths) if frame else load_shards(paths)
