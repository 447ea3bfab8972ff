"""Figures written into run folders (matplotlib, headless)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from wederhoor.io.outputs import atomic_write


def confusion_png(matrix: Sequence[Sequence[int]], labels: Sequence[str], path: str | Path,
                  title: str) -> Path:
    """A confusion matrix with counts and row-normalised shading (rows = reference)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    counts = np.asarray(matrix, dtype=float)
    rows = counts.sum(axis=1, keepdims=True)
    share = np.divide(counts, rows, out=np.zeros_like(counts), where=rows > 0)
    fig, ax = plt.subplots(figsize=(4.8, 4.2), dpi=120)
    ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(labels)), labels, rotation=20)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("reference")
    ax.set_title(title, fontsize=9)
    for i in range(len(labels)):
        for j in range(len(labels)):
            ax.text(j, i, f"{int(counts[i, j])}\n{share[i, j]:.0%}", ha="center", va="center",
                    fontsize=8, color="white" if share[i, j] > 0.6 else "black")
    fig.tight_layout()
    return save_png(fig, path)


def save_png(fig: Any, path: str | Path) -> Path:
    """Write a figure as PNG in one step (a reader never sees half a file), then free it."""
    import matplotlib.pyplot as plt

    def save(tmp: Path) -> None:
        fig.savefig(tmp, format="png")

    try:
        return atomic_write(path, save)
    finally:
        plt.close(fig)
