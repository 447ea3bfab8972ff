"""The one split+label engine: documents in batches, one Parquet shard per batch out.

Every split and label in the project runs here: the split and label commands, training,
predict, gold-check and the benchmark. The input is read a batch of documents at a time;
worker processes split (and label) each batch and write it as a shard; only a bounded
number of batches is in flight, so memory stays flat however large the corpus is. Shards
are independent: the same code runs one shard range per machine on a cluster, and shard
folders are merged by listing them together. What needs every sentence in memory (training,
a CSV output) loads the shards (``sentences``): the in-memory path is the shards, loaded.

A labeler sees whole documents (see labeling.py). A batch of documents holds each document
whole, except for an input that is already one row per sentence: there a batch boundary can
cut a document, or its rows can lie apart. Those few documents are found from the per-batch
document hashes and labelled once more, whole, after the last batch (``relabel_crossing``),
so the labels never depend on the batch size, the number of workers or the row order.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
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
    return {"shard": name, "rows": table.num_rows, "doc_hashes": _id_hashes(docs["doc_id"])}


def _id_hashes(ids: list[str]) -> Any:
    """64-bit hashes of document ids: enough to notice a repeated id across all shards.

    The parent keeps these (8 bytes per document, one array per shard) instead of the id
    strings, so its memory does not grow with millions of small string objects. A collision
    only triggers the renumbering pass, which gives the same numbers when no id repeats.
    """
    import hashlib

    import numpy as np

    digest = b"".join(hashlib.blake2b(i.encode("utf-8"), digest_size=8).digest() for i in ids)
    return np.frombuffer(digest, dtype=np.uint64)


def run_engine(input: str, lang: str, meta: str | None, segmenter: Any, labeler: Any,
               folder: Path, workers: int | None = 0,
               batch_docs: int = BATCH_DOCS) -> dict[str, Any]:
    """Split (and label, unless ``labeler`` is None) ``input`` into Parquet shards in ``folder``.

    Returns the manifest: shard names in corpus order, sentence and document counts.
    """
    import numpy as np

    from wederhoor.io.documents import iter_documents
    from wederhoor.pipeline.cache import path_size
    from wederhoor.pipeline.sentences import rows_are_documents
    from wederhoor.progress import bar

    batches = _checked(iter_documents(input, lang, meta, batch_docs,
                                      rows_are_documents(segmenter)), labeler)
    folder.mkdir(parents=True, exist_ok=True)
    work = path_size(input) // BYTES_PER_SENTENCE
    n = worker_count(workers, work)
    shards: list[str] = []
    rows = 0
    hashes: list[Any] = []

    def collect(result: dict[str, Any], progress: Any) -> None:
        nonlocal rows
        shards.append(result["shard"])
        rows += result["rows"]
        hashes.append(result["doc_hashes"])
        progress.update(len(result["doc_hashes"]))

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
    all_hashes = np.concatenate(hashes) if hashes else np.zeros(0, dtype=np.uint64)
    crossing = _crossing(hashes) if labeler is not None else None
    relabelled = relabel_crossing(folder, shards, crossing, labeler) \
        if crossing is not None and len(crossing) else {}
    if len(np.unique(all_hashes)) < len(all_hashes) or relabelled:
        rewrite_shards(folder, shards, relabelled)
    return {"shards": shards, "rows": rows, "documents": int(len(all_hashes)),
            "labelled": labeler is not None}


def _checked(batches: Iterator[dict[str, list]], labeler: Any) -> Iterator[dict[str, list]]:
    """The batches, each refused in one line when it holds a language the labeler has no
    rules for (before any of its sentences reach the labeler)."""
    for docs in batches:
        if labeler is not None:
            check_languages(labeler, set(docs["lang"]))
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
    """The number of rows of a Parquet input (from its footer), for the progress bar."""
    path = Path(str(input))
    if path.suffix == ".parquet" and path.is_file():
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    return None


def _crossing(hashes: list[Any]) -> Any:
    """Hashes of the documents whose rows are in more than one batch (a sentence table whose
    document straddles a batch boundary, or whose rows lie apart)."""
    import numpy as np

    if not hashes:
        return np.zeros(0, dtype=np.uint64)
    values, counts = np.unique(np.concatenate([np.unique(h) for h in hashes]),
                               return_counts=True)
    return values[counts > 1]


def relabel_crossing(folder: Path, shards: list[str], crossing: Any, labeler: Any
                     ) -> dict[str, tuple[list[int], list[str], list[str]]]:
    """Label again, whole, the documents that batches cut apart: shard -> (rows, labels,
    evidence).

    A batch labels only the part of such a document it holds; the labeler's contract is
    whole documents. Only those documents' sentences are read back (in shard and row order,
    which is sentence order), so memory grows with them, not with the corpus.
    """
    import numpy as np
    import pyarrow.parquet as pq

    from wederhoor.pipeline.labeling import label_batch

    where: list[tuple[str, int]] = []
    texts: list[str] = []
    langs: list[str] = []
    doc_ids: list[str] = []
    for name in shards:
        table = pq.read_table(folder / name, columns=["doc_id", "text", "lang"])
        ids = table.column("doc_id").to_pylist()
        rows = np.flatnonzero(np.isin(_id_hashes(ids), crossing)).tolist()
        if not rows:
            continue
        text, lang = table.column("text").to_pylist(), table.column("lang").to_pylist()
        for r in rows:
            where.append((name, r))
            texts.append(text[r])
            langs.append(lang[r])
            doc_ids.append(ids[r])
    if not texts:
        return {}
    labels, evidence = label_batch(labeler, texts, langs, doc_ids)
    out: dict[str, tuple[list[int], list[str], list[str]]] = {}
    for (name, row), lab, ev in zip(where, labels, evidence, strict=True):
        entry = out.setdefault(name, ([], [], []))
        entry[0].append(row)
        entry[1].append(lab)
        entry[2].append(ev)
    return out


def rewrite_shards(folder: Path, shards: list[str],
                   relabelled: dict[str, tuple[list[int], list[str], list[str]]] | None = None
                   ) -> None:
    """Number sentences across rows that share a doc_id, over all shards in order, and put
    in the labels of documents labelled again whole (``relabel_crossing``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    counter: dict[str, int] = {}
    for name in shards:
        table = pq.read_table(folder / name)
        ids = []
        for doc in table.column("doc_id").to_pylist():
            counter[doc] = counter.get(doc, 0) + 1
            ids.append(counter[doc])
        index = table.schema.get_field_index("sent_id")
        table = table.set_column(index, "sent_id", pa.array(ids, pa.int64()))
        if relabelled and name in relabelled:
            rows, labels, evidence = relabelled[name]
            for col, new in (("label", labels), ("evidence", evidence)):
                values = table.column(col).to_pylist()
                for r, v in zip(rows, new, strict=True):
                    values[r] = v
                table = table.set_column(table.schema.get_field_index(col), col,
                                         pa.array(values, pa.string()))
        pq.write_table(table, folder / name)


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
