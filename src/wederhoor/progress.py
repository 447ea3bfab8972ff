"""Progress bars only where work takes long enough to need one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

BAR_MIN_ROWS = 20_000  # smaller maps finish in well under a second


@contextmanager
def progress_for(n_rows: int) -> Iterator[bool]:
    """Show datasets' progress bars inside the block only for large inputs."""
    import datasets

    show = n_rows >= BAR_MIN_ROWS
    was_enabled = datasets.is_progress_bar_enabled()
    if not show:
        datasets.disable_progress_bars()
    try:
        yield show
    finally:
        if was_enabled:
            datasets.enable_progress_bars()
