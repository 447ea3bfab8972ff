"""Apply a labeler to a table of sentences in batches, adding ``label`` and ``evidence``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from wederhoor.errors import UserError
from wederhoor.progress import progress_for
from wederhoor.sentences import resolve_workers

if TYPE_CHECKING:
    from collections.abc import Sequence

    import datasets


class Labeler(Protocol):
    def label(
        self, texts: Sequence[str], langs: Sequence[str] | None = None
    ) -> tuple[list[str], list[str]]: ...


class _LabelBatch:
    """Picklable batch function: gold labelers also need each sentence's document."""

    def __init__(self, labeler: Labeler) -> None:
        self.labeler = labeler

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        if getattr(self.labeler, "keyed_by_document", False):
            labels, evidence = self.labeler.label(
                batch["text"], batch["lang"], doc_ids=batch["doc_id"]
            )
        else:
            labels, evidence = self.labeler.label(batch["text"], batch["lang"])
        return {"label": labels, "evidence": evidence}


def label_sentences(
    sents: datasets.Dataset, labeler: Labeler, workers: int | None = None
) -> datasets.Dataset:
    """Add the labeler's ``label`` and ``evidence`` (which rules fired) to every sentence."""
    for col in ("label", "evidence"):
        if col in sents.column_names:
            sents = sents.remove_columns(col)
    if not len(sents):
        return sents.add_column("label", []).add_column("evidence", [])
    known = getattr(labeler, "languages", None)
    if known is not None:
        unknown = sorted(set(sents.unique("lang")) - set(known))
        if unknown:
            raise UserError(f"the labeler has no rules for language(s) {', '.join(unknown)} "
                            f"(available: {', '.join(known)}); set lang= or fix the input's "
                            "lang column")
    with progress_for(len(sents)):
        return sents.map(
            _LabelBatch(labeler),
            batched=True,
            batch_size=2000,
            num_proc=resolve_workers(workers, len(sents)),
            load_from_cache_file=False,
            keep_in_memory=True,  # never a stray cache file beside a memory-mapped input
            desc="label",
        )
