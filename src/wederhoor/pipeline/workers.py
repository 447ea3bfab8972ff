"""Worker processes that never outlive their parent.

Split and label fan out to worker processes (the engine's pool). When the
parent is stopped (Ctrl-C, a scheduler's SIGTERM, even SIGKILL), its workers must stop too:
reparented workers keep a gigabyte each and go on writing. Linux delivers a signal to a
process when its parent dies if the process asked for it (``prctl(PR_SET_PDEATHSIG)``); every
worker asks once, on its first task. Ctrl-C reaches the whole process group: workers ignore it
and let the parent stop them, so the user sees one line, not a traceback per worker.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1
_ARMED: dict[str, int] = {}


@contextmanager
def starting_workers() -> Iterator[None]:
    """Start a pool's workers immune to Ctrl-C, and hold a SIGTERM until they are up.

    A worker that a signal kills while it reads its start-up data leaves the parent blocked
    forever on the pipe to it (multiprocessing's spawn holds the pipe's other end open), and
    Ctrl-C reaches every process of the terminal's group. An ignored signal stays ignored in a
    new process, so SIGINT is ignored for the few milliseconds the workers take to start (the
    start-up data is small, see engine.py); they never take it back, the parent stops them.
    SIGTERM is only noted meanwhile and acted on once the pool exists, so the pool is
    terminated with it; workers keep its default action, so terminating them always works.
    """
    noted: list[int] = []
    previous = {signal.SIGINT: signal.signal(signal.SIGINT, signal.SIG_IGN),
                signal.SIGTERM: signal.signal(signal.SIGTERM,
                                              lambda signum, frame: noted.append(signum))}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if noted:
        raise KeyboardInterrupt


def die_with_parent() -> None:
    """In a worker process: be killed when the parent dies; leave Ctrl-C to the parent.

    Does nothing in the main process, and only once per worker.
    """
    import multiprocessing

    if _ARMED.get("pid") == os.getpid():
        return
    _ARMED["pid"] = os.getpid()
    if multiprocessing.parent_process() is None:
        return  # the main process: Ctrl-C and its parent's death are its own business
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker inherits stop_on_sigterm
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown still applies
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def stop_on_sigterm() -> None:
    """In the main process: turn a scheduler's SIGTERM into the same clean stop as Ctrl-C."""

    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


PARALLEL_MIN_SENTENCES = 20_000  # below this, starting worker processes costs more than it saves


def all_cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's total)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def worker_count(workers: int | None, sentences: int) -> int:
    """Processes for a pass over about ``sentences`` sentences.

    ``workers`` > 0 is taken as given; 0 or None means every core, but only for an input big
    enough that starting processes pays off (one process below ``PARALLEL_MIN_SENTENCES``).
    """
    if workers:
        return max(1, int(workers))
    return all_cores() if sentences >= PARALLEL_MIN_SENTENCES else 1
