"""Hoor en wederhoor per document, by each labeler against gold.

A study of an outlet asks of each article whether it accuses a party and whether the party
gets an answer, and reports the share of accusing articles that are answered. Sentence
scores do not say how far that share is off: one sentence wrongly labelled a denial makes an
article answered. So ``make score`` also compares, per group of documents, each labeler's
``accuses`` / ``answered`` (``evaluation.documents.document_table``) with those of the gold
labels: the share a study would report, and how often the two agree on a document.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from wederhoor.evaluation.documents import document_table


def answered_rows(doc_ids: Sequence[str], reference: Sequence[str],
                  columns: Mapping[str, Sequence[str]],
                  masks: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One row per (group, labeler), gold first: documents, how many accuse, how many of
    those are answered and their share, and, for the labelers, the share of documents whose
    ``answered`` matches gold's and Cohen's kappa on it. A document is read from the
    group's sentences only."""
    import pandas as pd
    from sklearn.metrics import cohen_kappa_score

    frame = pd.DataFrame({"doc_id": list(doc_ids), "gold": list(reference),
                          **{name: list(labels) for name, labels in columns.items()}})
    rows: list[dict[str, Any]] = []
    for group, mask in masks.items():
        part = frame[np.asarray(mask, dtype=bool)]
        if part.empty:
            continue
        gold = document_table(part, "gold")
        for name in ("gold", *columns):
            table = gold if name == "gold" else document_table(part, name)
            accusing = int(table["accuses"].sum())
            answered = int(table["answered"].sum())
            row = {"group": group, "labeler": name, "documents": len(table),
                   "accusing": accusing, "answered": answered,
                   "share": answered / accusing if accusing else float("nan"),
                   "agree": float("nan"), "kappa": float("nan")}
            if name != "gold":
                same = table["answered"].to_numpy() == gold["answered"].to_numpy()
                row["agree"] = float(same.mean())
                with warnings.catch_warnings():  # one kind of document only: kappa undefined
                    warnings.simplefilter("ignore")
                    row["kappa"] = float(cohen_kappa_score(gold["answered"], table["answered"]))
            rows.append(row)
    return rows


def format_answered(rows: Sequence[Mapping[str, Any]]) -> str:
    """A terminal table, one block per group, gold's row first as the one to match."""
    if not rows:
        return ""
    width = max([len("labeler"), *(len(str(r["labeler"])) for r in rows)])
    lines = ["Documents (from their labelled sentences): accusing = an accusation in it; "
             "answered = accusing, and a denial in it too (hoor en wederhoor); share = "
             "answered of accusing:"]
    for group in dict.fromkeys(r["group"] for r in rows):
        block = [r for r in rows if r["group"] == group]
        lines.append(f"{group}: {block[0]['documents']} documents")
        lines.append(f"  {'labeler':<{width}} {'accusing':>8} {'answered':>8} {'share':>6} "
                     f"{'same as gold':>12} {'kappa':>6}")
        for r in block:
            share = "-" if np.isnan(r["share"]) else f"{r['share']:.0%}"
            agree = "" if np.isnan(r["agree"]) else f"{r['agree']:.0%}"
            kappa = "" if np.isnan(r["kappa"]) else f"{r['kappa']:.2f}"
            lines.append(f"  {r['labeler']:<{width}} {r['accusing']:>8} {r['answered']:>8} "
                         f"{share:>6} {agree:>12} {kappa:>6}")
    return "\n".join(line.rstrip() for line in lines)
