"""Per document: its sentences of each stance, and whether an accusation gets an answer.

*Hoor en wederhoor*: an article that accuses a party should let that party answer. From the
sentence labels of a document (a model's, the rules' or gold), a document *accuses* when one
of its sentences is an accusation, and is *answered* when it accuses and one of its sentences
is a denial. The share of accusing documents that are answered is the figure a study of an
outlet, a beat or a period asks for; the per-document table lets it be split by any column.
One sentence wrongly labelled a denial makes an accusing article answered, so where many
articles are one-sided the share runs high (the README gives the measured rates).
"""

from __future__ import annotations

from typing import Any

from wederhoor import LABELS

#: Document columns kept from the sentence table when it has them (first value per document).
KEPT = ("lang", "date", "domain", "split")


def document_table(frame: Any, labels: str = "predicted") -> Any:
    """One row per document, in the order documents first appear in ``frame``: its metadata
    columns, ``sentences``, the count of each label, the ``sent_id`` of its first accusation
    and first denial (empty when none), ``accuses`` and ``answered``."""
    import pandas as pd

    doc_ids = frame["doc_id"].astype(str)
    order = pd.unique(doc_ids)
    groups = frame.assign(doc_id=doc_ids).groupby("doc_id", sort=False)
    table = pd.DataFrame({"doc_id": order}).set_index("doc_id")
    for column in (c for c in KEPT if c in frame.columns):
        table[column] = groups[column].first()
    table["sentences"] = groups.size()
    counts = pd.crosstab(doc_ids, frame[labels].to_numpy())
    for label in LABELS:
        table[label] = (counts[label].reindex(table.index, fill_value=0) if label in counts
                        else 0)
    ids = frame["sent_id"] if "sent_id" in frame.columns else groups.cumcount() + 1
    for label in ("accusation", "denial"):
        first = ids[frame[labels].to_numpy() == label].groupby(doc_ids).min()
        table[f"first_{label}"] = first.reindex(table.index).astype("Int64")
    table["accuses"] = table["accusation"] > 0
    table["answered"] = table["accuses"] & (table["denial"] > 0)
    return table.reset_index()


def answered_line(table: Any) -> str:
    """One line for the terminal: how many documents accuse, and how many of those answer."""
    accusing = int(table["accuses"].sum())
    if not accusing:
        return f"{len(table)} document(s): none accuses a party"
    answered = int(table["answered"].sum())
    return (f"{len(table)} document(s): {accusing} accuse a party, {answered} of them "
            f"({answered / accusing:.0%}) with a denial too (hoor en wederhoor)")
