"""Tables whose rows are sentences: hand on each document whole, in ``sent_id`` order.

A sentence table (a ``sent_id`` column, or any table read with ``segmenter=none``) holds one
row per sentence, and nothing makes a user's table keep a document's rows together or in
order. The labeler reads a sentence's neighbours and a document's language is decided from
all of its text, so both need every document whole and in order, as a ``.txt`` document is.
A first pass reads only the ids and plans the order (``plan_rows``): a table already in order
(each document's rows together, ``sent_id`` rising) is then read a batch at a time, each
batch cut between two documents; any other table is read whole and sorted in memory.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

Columns = dict[str, list]


@dataclass(frozen=True)
class Plan:
    """How to read a sentence table: the row order, and whether its ``sent_id`` values stay."""

    order: Any  # numpy array of row positions in reading order; None: the file's own order
    keep_ids: bool  # whole-number ids are kept; otherwise each document is numbered 1, 2, ...
    note: str = ""  # why the ids are not kept (for a warning), "" when they are or there are none


def _blank(value: Any) -> bool:
    return value is None or value != value or (isinstance(value, str) and not value.strip())


def sent_keys(sent_ids: Sequence[Any] | None, n: int) -> tuple[Any, bool, str]:
    """Sort keys of the rows within their documents, whether the ids can be kept, and why not.

    Numbers (or text that reads as a number) sort as numbers, so 10 comes after 9; a column
    with other text sorts as text. A row without a sent_id comes after its document's numbered
    rows. Without a ``sent_id`` column the file's order is the sentence order.
    """
    import numpy as np
    import pandas as pd

    if sent_ids is None:
        return np.arange(n, dtype=float), False, ""
    typed = pd.Series(list(sent_ids))
    if pd.api.types.is_integer_dtype(typed.dtype):  # the usual table: whole numbers only
        return typed.to_numpy(dtype=float), True, ""
    values = typed.astype(object)
    blank = values.map(_blank).to_numpy(dtype=bool)
    numbers = pd.to_numeric(values, errors="coerce")
    text = numbers.isna().to_numpy() & ~blank
    if text.any():
        example = values[text].iloc[0]
        keys = np.array(["" if b else str(v) for v, b in zip(values, blank, strict=True)],
                        dtype=object)
        return keys, False, (f"holds values that are not numbers (such as {example!r}): each "
                             "document's sentences are read in the text order of their ids "
                             "and numbered 1, 2, ... in the output")
    keys = numbers.fillna(np.inf).to_numpy(dtype=float)
    if blank.any():
        return keys, False, ("has empty values: those sentences are read after their "
                             "document's numbered ones, and every sentence is numbered 1, 2, "
                             "... in the output")
    if not (np.mod(keys, 1) == 0).all():
        return keys, False, ("holds numbers that are not whole: each document's sentences are "
                             "read in the order of their ids and numbered 1, 2, ... in the output")
    return keys, True, ""


def plan_rows(doc_ids: Sequence[str], sent_ids: Sequence[Any] | None) -> Plan:
    """The reading order of a sentence table from its ids alone.

    Documents keep the order of their first row; within a document, rows follow ``sent_id``
    (rows with equal ids keep the file's order). ``order`` is None when that is the file's
    own order, so the table can be read as a stream.
    """
    import numpy as np
    import pandas as pd

    ids = doc_ids if isinstance(doc_ids, pd.Series) else pd.Series(doc_ids, dtype=object)
    codes, _ = pd.factorize(ids, use_na_sentinel=False)
    keys, keep, note = sent_keys(sent_ids, len(codes))
    step = np.diff(codes)
    same = step == 0
    if (step >= 0).all() and bool((keys[1:][same] >= keys[:-1][same]).all()):
        return Plan(None, keep, note)
    frame = pd.DataFrame({"doc": codes, "key": keys})
    order = frame.sort_values(["doc", "key"], kind="stable").index.to_numpy()
    return Plan(order, keep, note)


def _take(cols: Columns, rows: Sequence[int]) -> Columns:
    return {name: [values[i] for i in rows] for name, values in cols.items()}


def _slice(cols: Columns, start: int, end: int | None = None) -> Columns:
    return {name: values[start:end] for name, values in cols.items()}


def _concat(batches: list[Columns]) -> Columns:
    """Batches as one; a column missing from a batch (a JSONL key its lines lack) is blank."""
    names = list(dict.fromkeys(name for batch in batches for name in batch))
    out: Columns = {name: [] for name in names}
    for batch in batches:
        n = len(batch["doc_id"])
        for name in names:
            out[name].extend(batch.get(name, [""] * n))
    return out


def _last_document(doc_ids: list[str]) -> int:
    """Where the last document of a batch starts (it may go on in the next batch)."""
    i = len(doc_ids) - 1
    while i > 0 and doc_ids[i - 1] == doc_ids[i]:
        i -= 1
    return max(i, 0)


def _streamed(batches: Iterator[Columns]) -> Iterator[Columns]:
    """Batches of a table in order, cut between documents: a batch's last document is held
    back and joined with its rest in the next batch."""
    carry: Columns | None = None
    for batch in batches:
        whole = _concat([carry, batch]) if carry is not None else batch
        cut = _last_document(whole["doc_id"])
        if cut:
            yield _slice(whole, 0, cut)
        carry = _slice(whole, cut)
    if carry is not None and carry["doc_id"]:
        yield carry


def _sorted(batches: Iterator[Columns], order: Any, batch_size: int) -> Iterator[Columns]:
    """The whole table in ``order``, in batches of about ``batch_size`` rows cut between
    documents."""
    table = _concat(list(batches))
    ids = table["doc_id"]
    rows = order.tolist()
    start = 0
    while start < len(rows):
        end = min(start + batch_size, len(rows))
        while end < len(rows) and ids[rows[end]] == ids[rows[end - 1]]:
            end += 1
        yield _take(table, rows[start:end])
        start = end


def _whole_number(value: Any) -> int:
    try:
        return int(value)
    except ValueError:  # text such as "1e1" that reads as a whole number
        return int(float(value))


def whole_documents(batches: Iterator[Columns], plan: Plan, batch_size: int
                    ) -> Iterator[Columns]:
    """The rows of ``batches`` in ``plan``'s order, every batch holding whole documents; the
    ``sent_id`` values are kept as whole numbers, or left None to be numbered
    (``number_sentences``) once empty rows are gone."""
    ordered = _streamed(batches) if plan.order is None else _sorted(batches, plan.order,
                                                                    batch_size)
    for cols in ordered:
        n = len(cols["doc_id"])
        cols["sent_id"] = ([v if type(v) is int else _whole_number(v) for v in cols["sent_id"]]
                           if plan.keep_ids else [None] * n)
        yield cols


def number_sentences(doc_ids: Sequence[str], sent_ids: Sequence[int | None]) -> list[int]:
    """Each sentence's id: its own, or (None) its position in its document, counting from 1.

    The rows are in reading order and hold whole documents, so the count is the document's.
    """
    if None not in sent_ids:
        return list(sent_ids)  # type: ignore[arg-type]  # no None: every id is given
    counts: dict[str, int] = {}
    out: list[int] = []
    for doc, given in zip(doc_ids, sent_ids, strict=True):
        counts[doc] = counts.get(doc, 0) + 1
        out.append(counts[doc] if given is None else given)
    return out
