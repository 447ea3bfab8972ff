"""Labeling-function statistics: how often each rule fires, agrees, clashes and is right.

The figures follow the usual weak-supervision summary: coverage (share of sentences a function
votes on), overlaps (votes on sentences another function also votes on), conflicts (another
function votes a different label on the same sentence) and accuracy against gold.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd


def lf_table(votes: Sequence[dict[str, str]], gold: Sequence[str],
             names: Sequence[str]) -> pd.DataFrame:
    """One row per labeling function; ``votes[i]`` maps fired function -> voted label."""
    n = len(votes)
    rows = []
    for name in names:
        fired = [i for i, v in enumerate(votes) if name in v]
        overlap = [i for i in fired if len(votes[i]) > 1]
        conflict = [i for i in fired
                    if any(lab != votes[i][name] for other, lab in votes[i].items()
                           if other != name)]
        correct = [i for i in fired if votes[i][name] == gold[i]]
        labels = sorted({votes[i][name] for i in fired})
        rows.append({
            "function": name,
            "votes": "/".join(labels) if labels else "-",
            "fired": len(fired),
            "coverage": len(fired) / n if n else 0.0,
            "overlaps": len(overlap) / n if n else 0.0,
            "conflicts": len(conflict) / n if n else 0.0,
            "accuracy": len(correct) / len(fired) if fired else float("nan"),
        })
    return pd.DataFrame(rows)


def summary_row(votes: Sequence[dict[str, str]]) -> dict[str, float]:
    """Share of sentences with any vote, with two or more votes, and with disagreeing votes."""
    n = len(votes) or 1
    return {
        "any": sum(1 for v in votes if v) / n,
        "overlap": sum(1 for v in votes if len(v) > 1) / n,
        "conflict": sum(1 for v in votes if len(set(v.values())) > 1) / n,
    }
