"""A labeler that reads labels from the corpus's gold file instead of deciding them."""

from __future__ import annotations

from collections.abc import Sequence

from wederhoor.errors import UserError
from wederhoor.io.gold import Gold, load_gold


class GoldLabeler:
    """Look sentences up in a gold file; sentences it lacks get an empty label."""

    keyed_by_document = True

    def __init__(self, path: str | None) -> None:
        if not path:
            raise UserError("labeler=gold needs a gold file: set data.gold=PATH (a CSV with "
                            "doc_id,text,label) or use labeler=rules")
        self.path = path
        self.gold: Gold = load_gold(path, nullable=False)

    def label(
        self,
        texts: Sequence[str],
        langs: Sequence[str] | None = None,
        doc_ids: Sequence[str] | None = None,
    ) -> tuple[list[str], list[str]]:
        if doc_ids is None:
            raise ValueError("the gold labeler needs the document id of every sentence")
        labels = self.gold.lookup(doc_ids, texts)
        return labels, ["gold" if lab else "" for lab in labels]
