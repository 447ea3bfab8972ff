"""Is a cue negated? The negator window around a match, and scope negators before it."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable

from wederhoor.labelers.lexicon_spec import Negation

#: ``is_negated`` results: not negated, negated nearby, negated by a scope negator.
NOT_NEGATED, LOCAL, SCOPE = 0, 1, 2
_WORD = re.compile(r"[\w'-]+")


def _last(matches: Iterable[re.Match[str]]) -> re.Match[str] | None:
    """The last match of an iterator, or None."""
    found = deque(matches, maxlen=1)
    return found[0] if found else None


def is_negated(neg: Negation, s: str, start: int, end: int) -> int:
    """Is the match s[start:end] negated? NOT_NEGATED, LOCAL by a nearby negator, or SCOPE by
    a scope negator earlier in the sentence ("geen bewijs", "no evidence").

    Nearby: a negation word among the last ``before`` words of the same clause before the
    match, the match's own words (only the edges of a long gap pattern: a negator deep inside
    belongs to another clause), or the first ``after`` words of the clause after it.
    """
    pre = s[max(0, start - 120):start]
    cut = _last(neg.breaks.finditer(pre))
    if cut is not None:
        pre = pre[cut.end():]
    words = _WORD.findall(pre)[-neg.before:] if neg.before else []
    inside = _WORD.findall(s[start:end])
    words += inside if len(inside) <= 6 else inside[:4] + inside[-2:]
    if neg.after:
        post = s[end:end + 80]
        b = neg.breaks.search(post)
        if b is not None:
            post = post[:b.start()]
        words += _WORD.findall(post)[: neg.after]
    for w in words:
        if w in neg.words or w.endswith("n't"):
            return LOCAL
    if neg.scope is not None:
        last = _last(neg.scope.finditer(s, 0, start))
        if last is not None and not neg.scope_stop.search(s, last.end(), start):
            return SCOPE
    return NOT_NEGATED
