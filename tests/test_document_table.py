"""One row per document from sentence labels: counts, first accusation and denial, and whether
an accusing document lets the accused answer (hoor en wederhoor)."""

from __future__ import annotations

import pandas as pd

from wederhoor.evaluation.documents import answered_line, document_table

ROWS = [  # doc_id, sent_id, lang, label
    ("b-2", 1, "en", "denial"), ("b-2", 2, "en", "neutral"), ("b-2", 3, "en", "accusation"),
    ("a-1", 1, "nl", "neutral"), ("a-1", 2, "nl", "accusation"), ("a-1", 3, "nl", "accusation"),
    ("c-3", 1, "nl", "neutral"), ("c-3", 2, "nl", "denial"),
    ("d-4", 1, "en", "neutral"),
]


def _frame() -> pd.DataFrame:
    return pd.DataFrame(ROWS, columns=["doc_id", "sent_id", "lang", "predicted"])


def test_counts_firsts_and_flags_per_document_in_input_order() -> None:
    table = document_table(_frame()).set_index("doc_id")
    assert list(table.index) == ["b-2", "a-1", "c-3", "d-4"]  # as the documents came
    assert table.loc["a-1", ["sentences", "accusation", "denial", "neutral"]].tolist() == \
        [3, 2, 0, 1]
    assert table.loc["b-2", "first_accusation"] == 3 and table.loc["b-2", "first_denial"] == 1
    assert table.loc["a-1", "first_accusation"] == 2 and pd.isna(table.loc["a-1", "first_denial"])
    # a denial answers only in a document that accuses: c-3 denies nothing anyone said here
    assert table["accuses"].to_dict() == {"b-2": True, "a-1": True, "c-3": False, "d-4": False}
    assert table["answered"].to_dict() == {"b-2": True, "a-1": False, "c-3": False,
                                           "d-4": False}
    assert table["lang"].tolist() == ["en", "nl", "nl", "en"]


def test_any_label_column_and_the_summary_line() -> None:
    frame = _frame().rename(columns={"predicted": "gold"}).drop(columns="sent_id")
    table = document_table(frame, "gold")
    # without sent_id the position in the document counts from 1
    assert table.set_index("doc_id").loc["b-2", "first_accusation"] == 3
    assert answered_line(table) == ("4 document(s): 2 accuse a party, 1 of them (50%) with a "
                                    "denial too (hoor en wederhoor)")
    none = document_table(frame[frame["gold"] == "neutral"], "gold")
    assert answered_line(none) == "4 document(s): none accuses a party"
