"""Work spread over forked processes (lint, render and fmt of many files), stoppable with Ctrl-C.

Workers ignore Ctrl-C: the terminal sends it to every process of the command,
and a worker interrupted while it waits for work would print a traceback. The
parent alone is interrupted; it cancels the work not yet started and stops.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from journeyctl.system.process import settle

Item = TypeVar("Item")
Result = TypeVar("Result")


class _Run:
    """One forked_map's pool and the futures of its chunks."""

    def __init__(self, pool: Any) -> None:
        self.pool = pool
        self.futures: list[Any] = []

    def abandon(self) -> None:
        """Cancel the chunks not yet started (each future itself: the pool's own
        cancel_futures is lost when the pool object is collected first)."""
        for future in self.futures:
            future.cancel()
        self.pool.shutdown(wait=False, cancel_futures=True)


# The runs at work: an interrupt that lands outside forked_map (while the
# caller handles a result) stops them through stop_workers.
_RUNNING: set[_Run] = set()


def can_fork() -> bool:
    """Whether workers can be forked (they start at once, with the parent's state); not on Windows."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def forked_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int,
    chunksize: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[Result]:
    """`function(item)` for every item, in order, computed by `jobs` forked worker processes."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    run = _Run(
        ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(initializer, initargs))
    )
    _RUNNING.add(run)
    finished = False
    try:
        # Ctrl-C is held back while the workers are forked, so that none
        # starts with Python's handler; the parent gets it right after.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            for start in range(0, len(items), chunksize):
                run.futures.append(run.pool.submit(_run_chunk, function, items[start : start + chunksize]))
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        for future in run.futures:
            yield from future.result()
        finished = True
    finally:
        _RUNNING.discard(run)
        if finished:
            run.pool.shutdown(wait=True)
        else:  # interrupted or abandoned: drop the queued work instead of finishing it
            run.abandon()


def stop_workers() -> None:
    """Drop the work not yet started by every running pool (Ctrl-C); workers finish the chunk in hand."""
    for run in list(_RUNNING):
        _RUNNING.discard(run)
        run.abandon()


def _run_chunk(function: Callable[[Item], Result], chunk: Sequence[Item]) -> list[Result]:
    return [function(item) for item in chunk]


def _start_worker(initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if initializer is not None:
        initializer(*initargs)


# Below this many items a process pool costs more than it saves.
PARALLEL_FROM = 16
# The function of the parallel_map a forked worker serves: inherited, never pickled.
_WORKER_FUNCTION: Callable[[Any], Any] | None = None


def parallel_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int | None = None,
    largest_chunk: int = 32,
) -> Iterator[Result]:
    """`function(item)` for every item, in order: in this process for a few items (or where
    there is no fork), else in forked workers that start at once with this process's state.

    Only items and results cross between processes; `function` (and what it holds:
    compiled templates, a persona cache) is inherited by the fork. Items go to
    workers in chunks of at most `largest_chunk` (smaller for heavier work).
    """
    import os

    settle()  # start-up is over: the files are about to be read
    jobs = jobs or os.cpu_count() or 1
    if jobs < 2 or len(items) < PARALLEL_FROM or not can_fork():
        yield from (function(item) for item in items)
        return
    chunk = max(1, min(largest_chunk, len(items) // (jobs * 4)))
    yield from forked_map(_call_worker_function, items, jobs, chunk, _install, (function,))


def _install(function: Callable[[Any], Any]) -> None:
    global _WORKER_FUNCTION
    _WORKER_FUNCTION = function


def _call_worker_function(item: Any) -> Any:
    assert _WORKER_FUNCTION is not None
    return _WORKER_FUNCTION(item)
