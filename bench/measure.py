"""How bench/run.py measures one command: wall and CPU time, and the peak memory of its process tree.

Time: wall clock around the process, CPU from ``wait4`` (user + system of the process and of every
child it waited for, so a process pool's workers count). Memory: the command's process tree is
sampled from ``/proc`` every few milliseconds while it runs (``/proc/PID/task/TID/children`` for the
tree, ``VmRSS`` and ``VmHWM`` from ``/proc/PID/status`` for each process).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLE_EVERY = 0.003  # seconds between two samples of the process tree


class CommandFailed(Exception):
    """A benchmarked command could not start or returned an unexpected exit code."""


@dataclass(frozen=True)
class Timing:
    """One run of a command: seconds of wall clock and of CPU (user + system, children included)."""

    wall: float
    cpu: float


@dataclass(frozen=True)
class Memory:
    """One run's peak memory, in MiB.

    ``tree_rss``: the largest sum of VmRSS over the whole process tree seen in one sample (pages
    that forked workers share with their parent count once per process, so this errs high).
    ``tree_hwm``: the sum of each process's own peak (VmHWM), an upper bound that no sampling gap
    can miss. ``tree_pss``: the largest sum of proportional set sizes (a shared page split between
    the processes sharing it): the memory the tree really takes. ``largest``: the largest single
    process's peak. ``processes``: how many processes the tree held in all.
    """

    tree_rss: float
    tree_hwm: float
    tree_pss: float
    largest: float
    processes: int


def _start(argv: list[str], env: dict[str, str], cwd: Path) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except OSError as exc:
        raise CommandFailed(f"cannot run `{shlex.join(argv)}`: {exc}") from exc


def _finish(proc: subprocess.Popen[bytes], status: int, argv: list[str], ok: frozenset[int]) -> None:
    """Raise CommandFailed, with the end of its stderr, if the command's exit code is not in ``ok``."""
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # reaped by wait4: stop Popen from waiting again
    err = proc.stderr.read() if proc.stderr else b""
    if proc.stderr:
        proc.stderr.close()
    if code not in ok:
        tail = err.decode(errors="replace").strip()[-2000:]
        raise CommandFailed(f"`{shlex.join(argv)}` exited {code}\n{tail}")


def time_command(argv: list[str], env: dict[str, str], ok: frozenset[int], cwd: Path) -> Timing:
    """Run ``argv`` once; its wall-clock and CPU seconds. Raises CommandFailed on an unexpected exit.

    stderr is drained only at the end: a command that writes more than a pipe holds to stderr
    would block, and the commands measured here write findings to stdout.
    """
    start = time.perf_counter()
    proc = _start(argv, env, cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    _finish(proc, status, argv, ok)
    return Timing(wall, usage.ru_utime + usage.ru_stime)


def _children(pid: int) -> list[int]:
    """The child processes of ``pid`` (of every one of its threads)."""
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.extend(int(child) for child in handle.read().split())
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass  # the process ended between two reads
    return found


def _tree(root: int) -> list[int]:
    pending, seen = [root], []
    while pending:
        pid = pending.pop()
        seen.append(pid)
        pending.extend(_children(pid))
    return seen


def _status_kib(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process in KiB; (0, 0) once it is gone."""
    rss = hwm = 0
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return rss, hwm


def _pss_kib(pid: int) -> int:
    """Proportional set size of a process in KiB; 0 once it is gone or where it is not available."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return 0


def can_sample_memory() -> bool:
    """Whether this system exposes what the memory sampler reads (Linux with /proc children lists)."""
    return os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")


def peak_memory(argv: list[str], env: dict[str, str], ok: frozenset[int], cwd: Path) -> Memory:
    """Run ``argv`` once, sampling its process tree's memory until it exits."""
    proc = _start(argv, env, cwd)
    peak_sum = peak_pss = 0
    hwm_by_pid: dict[int, int] = {}
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        total = pss = 0
        for member in _tree(proc.pid):
            rss, hwm = _status_kib(member)
            total += rss
            pss += _pss_kib(member)
            hwm_by_pid[member] = max(hwm, hwm_by_pid.get(member, 0))
        peak_sum, peak_pss = max(peak_sum, total), max(peak_pss, pss)
        time.sleep(SAMPLE_EVERY)
    _finish(proc, status, argv, ok)
    if not hwm_by_pid.get(proc.pid):
        # Ended before the first sample: its ru_maxrss (KiB on Linux; the largest of the process
        # and its children, not their sum) is all there is.
        hwm_by_pid[proc.pid] = usage.ru_maxrss
    kib = 1024
    return Memory(
        peak_sum / kib, sum(hwm_by_pid.values()) / kib, peak_pss / kib, max(hwm_by_pid.values()) / kib, len(hwm_by_pid)
    )
