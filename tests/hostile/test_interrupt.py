"""Ctrl-C: exit 130 and one word, from the command and from its worker processes alike.

A terminal sends SIGINT to every process of the foreground job, so each test
starts journeyctl in its own process group and signals the whole group, once
the work is under way: once the worker processes exist, or (one process) once
start-up is long past.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from builders import big_map

from conftest import EXAMPLES, SRC, TODAY

pytestmark = pytest.mark.skipif(
    not os.path.exists("/proc/self/stat"), reason="needs /proc to see when the work is under way"
)

INTERRUPTED = "journeyctl: interrupted.\n"
# A valid map fmt rewrites (spaced-out values), small so that formatting 300 is quick.
LOOSE = """\
journeyctl: 1
id: the-id
title:     Checkout
stages:
  - id: pay
    name:    Pay
    touchpoints:
      - {id: card, name: Card form, channel: website, emotion: 1}
"""


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return [int(child) for child in handle.read().split()]
    except OSError:
        return []


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def interrupt(args: list[str], cwd: Path, under_way: Callable[[int], bool]) -> tuple[int, str, str, list[int]]:
    """Run journeyctl, press Ctrl-C once the work is under way; exit code, output and the workers it had."""
    process = subprocess.Popen(
        [sys.executable, "-m", "journeyctl", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not under_way(process.pid):
        assert process.poll() is None, f"journeyctl ended before it could be interrupted: {process.communicate()}"
        assert time.monotonic() < deadline, "the work never got under way"
        time.sleep(0.002)
    workers = children(process.pid)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=60)
    return process.returncode, out, err, workers


def assert_workers_gone(workers: list[int]) -> None:
    """Workers finish the file in hand and exit; none is left running."""
    deadline = time.monotonic() + 60
    while any(os.path.exists(f"/proc/{pid}") for pid in workers):
        assert time.monotonic() < deadline, "a worker process outlived the command"
        time.sleep(0.01)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 copies of the examples, each with its own id: a parallel lint or render of a second or more."""
    maps = tmp_path_factory.mktemp("maps")
    shutil.copy(EXAMPLES / "personas.yaml", maps)
    examples = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.journey.yaml"))]
    for number in range(300):
        text = examples[number % 3].replace("\nid: ", f"\nid: copy-{number}-", 1)
        (maps / f"map-{number:03}.journey.yaml").write_text(text, encoding="utf-8")
    return maps


def workers_started(pid: int) -> bool:
    return bool(children(pid))


PARALLEL = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one CPU: journeyctl runs no worker processes")


@PARALLEL
@pytest.mark.parametrize(
    "args",
    [
        ["lint", ".", "--today", TODAY],
        ["lint", ".", "--today", TODAY, "--format", "sarif"],
        ["render", ".", "-o", "SITE", "--today", TODAY],
        ["fmt", "--check", "."],
    ],
    ids=lambda args: " ".join(arg for arg in args if arg not in (".", TODAY)),
)
def test_in_the_middle_of_a_parallel_run(folder: Path, tmp_path: Path, args: list[str]) -> None:
    site = tmp_path / "site"
    code, _, err, workers = interrupt([str(site) if arg == "SITE" else arg for arg in args], folder, workers_started)
    assert (code, err) == (130, INTERRUPTED)
    assert workers
    assert_workers_gone(workers)
    assert not site.exists()


def test_in_the_middle_of_big_files_in_one_process(tmp_path: Path) -> None:
    # Three 3.5 MB maps: a few seconds of work for one process (start-up takes a fifth of a second).
    text = big_map(tmp_path).read_text(encoding="utf-8")
    for number in (2, 3):
        (tmp_path / f"big-{number}.journey.yaml").write_text(
            text.replace("\nid: hostile\n", f"\nid: hostile-{number}\n"), encoding="utf-8"
        )
    code, out, err, workers = interrupt(["lint", ".", "--today", TODAY], tmp_path, lambda pid: cpu_seconds(pid) > 0.5)
    assert (code, out, err, workers) == (130, "", INTERRUPTED, [])


@PARALLEL
def test_fmt_interrupted_leaves_every_file_whole(tmp_path: Path) -> None:
    from journeyctl.formatter.engine import format_text

    formatted = format_text(LOOSE, "loose.journey.yaml")
    assert formatted != LOOSE
    for number in range(300):
        (tmp_path / f"map-{number:03}.journey.yaml").write_text(
            LOOSE.replace("the-id", f"map-{number}"), encoding="utf-8"
        )
    code, _, err, workers = interrupt(["fmt", "."], tmp_path, workers_started)
    assert (code, err) == (130, INTERRUPTED)
    assert_workers_gone(workers)
    names = sorted(os.listdir(tmp_path))
    assert names == [f"map-{number:03}.journey.yaml" for number in range(300)]
    states = {
        (tmp_path / name).read_text(encoding="utf-8").replace(f"id: map-{int(name[4:7])}\n", "id: the-id\n")
        for name in names
    }
    assert states <= {LOOSE, formatted}
