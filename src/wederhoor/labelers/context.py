"""Document context for the rule labeler: stance that a sentence takes from its neighbours."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def resolve_context(labeler: Any, texts: Sequence[str], langs: Sequence[str] | None,
                    doc_ids: Sequence[str], labels: list[str], evidence: list[str]) -> None:
    """Adjust ``labels`` and ``evidence`` in place using the sentences around each one."""
    return None
