"""Work spread over forked processes (lint and render of many files), stoppable with Ctrl-C.

Workers ignore Ctrl-C: the terminal sends it to every process of the command,
and a worker interrupted while it waits for work would print a traceback. The
parent alone is interrupted; it cancels the work not yet started and stops.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def can_fork() -> bool:
    """Whether workers can be forked (they start at once, with the parent's state); not on Windows."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def forked_map(
    function: Callable[[Item], Result], items: Iterable[Item], jobs: int, chunksize: int,
    initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
) -> Iterator[Result]:
    """`function(item)` for every item, in order, computed by `jobs` forked worker processes."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(initializer, initargs))
    finished = False
    try:
        # Ctrl-C is held back while the workers are forked, so that none
        # starts with Python's handler; the parent gets it right after.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            results = pool.map(function, items, chunksize=chunksize)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        yield from results
        finished = True
    finally:
        # Interrupted or abandoned: drop the queued work instead of finishing it.
        pool.shutdown(wait=finished, cancel_futures=not finished)


def _start_worker(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if initializer is not None:
        initializer(*initargs)
