"""Progress bars only where work takes long enough to need one."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

BAR_MIN_ROWS = 20_000  # smaller runs finish in well under a second (about 1-2 s of work)


class _Silent:
    def update(self, n: int = 1) -> None:
        """Nothing to show."""

    def set_postfix_str(self, text: str) -> None:
        """Nothing to show."""


@contextmanager
def bar(total: int | None, desc: str, unit: str = "rows", show: bool | None = None
        ) -> Iterator[Any]:
    """A tqdm bar on stderr for long work (the engine's split + label, model fitting).

    ``show`` defaults to: the total is unknown or at least BAR_MIN_ROWS.
    """
    if show is None:
        show = total is None or total >= BAR_MIN_ROWS
    if not show:
        yield _Silent()
        return
    from tqdm.auto import tqdm

    tq = tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, dynamic_ncols=True)
    try:
        yield tq
    except BaseException:
        tq.leave = False  # work that stops on an error wipes its bar: the error line stands alone
        raise
    finally:
        tq.close()
