"""A regex compiled on its first use, then as fast as the compiled pattern.

A lexicon holds about 1,800 long patterns per language; compiling them all takes about a
second at every start, most of it for patterns a small input never reaches (the head index
tries a pattern only where one of its literal heads occurs). ``LazyRegex`` keeps the pattern
string and compiles on the first attribute asked for; from then on the compiled pattern's
bound methods sit in the instance, so ``lazy.search`` costs what ``pattern.search`` does.
The lexicon loader compiles every pattern of a plan once when it builds the plan, so a
pattern that reaches this module is known to compile.
"""

from __future__ import annotations

import re
from typing import Any


class LazyRegex:
    """``re.compile(pattern, flags)``, done when the regex is first used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        # only reached for names not yet in the instance: the first use of each method
        if name.startswith("__"):
            raise AttributeError(name)  # pickle and copy probe dunders on a bare instance
        compiled = self.__dict__.get("compiled")
        if compiled is None:
            compiled = re.compile(self.__dict__["pattern"], self.__dict__["flags"])
            self.__dict__["compiled"] = compiled
        value = getattr(compiled, name)
        self.__dict__[name] = value
        return value

    def __eq__(self, other: object) -> bool:
        # the same regex as a compiled pattern or another lazy one (a lexicon from a cached
        # plan equals the lexicon of a fresh build)
        if isinstance(other, (LazyRegex, re.Pattern)):
            return (self.pattern, self.flags) == (other.pattern, other.flags)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __reduce__(self) -> tuple[type, tuple[str, int]]:
        return (LazyRegex, (self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern[:40]!r}...)"


#: What the matcher reads: a compiled pattern or one compiled on first use.
Regex = re.Pattern[str] | LazyRegex
