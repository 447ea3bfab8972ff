"""Transformers that run the rule labeler keep their own copy, built on first use.

The compiled lexicon is large and rebuilt in a second from the YAML, so a model file stores
only the options (``lexicons``, ``max_chars``), never the labeler.
"""

from __future__ import annotations

from typing import Any


class OwnsRuleLabeler:
    """Mixin: ``rule_labeler()`` for an estimator with ``lexicons`` and ``max_chars``."""

    lexicons: str | None
    max_chars: int

    def rule_labeler(self) -> Any:
        """Built once per process and never saved: model files hold no compiled patterns."""
        labeler = self.__dict__.get("_labeler_")
        if labeler is None:
            from wederhoor.labelers.rules import RuleLabeler

            labeler = RuleLabeler(lexicons=self.lexicons, max_chars=self.max_chars)
            self.__dict__["_labeler_"] = labeler
        return labeler

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_labeler_", None)
        return state
