"""One exception type for problems the user can fix, so every stage reports them the same way."""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input or options: reported as one line, never a traceback."""


def warn(message: str) -> None:
    """Tell the user about something skipped or assumed, without stopping the run."""
    import sys

    sys.stderr.write(f"wederhoor: warning: {message}\n")


def info(message: str) -> None:
    """Progress and decisions the user should see (stderr keeps stdout for results)."""
    import sys

    sys.stderr.write(f"wederhoor: {message}\n")
