"""Shared fixtures: run the real CLI in-process or as a real subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
# In-process tests import this checkout's journeyctl, as subprocess tests run it
# (PYTHONPATH=src): not whichever copy happens to be installed.
sys.path.insert(0, str(SRC))
EXAMPLES = ROOT / "examples"
# Fixed so that the stale and overdue rules give the same answer every day.
TODAY = "2026-11-23"
# Browser tests drive Debian's Chromium through Playwright (never a downloaded browser).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def _outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as on a developer's machine: on GitHub Actions, lint defaults to the github format."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Call `journeyctl ARGS...` in this process (through `main`, exit code included)."""
    from journeyctl.cli import main

    def run(*args: str) -> Run:
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def obeying_permissions() -> list[str]:
    """A command prefix under which root obeys file permissions, as other users do; [] for them.

    CI runs as root, which reads and writes regardless of chmod: setpriv takes
    away the capabilities that let it (the process stays root, owner of the files).
    """
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv (util-linux): file permissions cannot be tested")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]


def run_journeyctl(
    *args: str,
    cwd: Path | None = None,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    obey_permissions: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m journeyctl ARGS...` as a real process, with this checkout's code.

    With `obey_permissions`, file permissions hold even when the tests run as root.
    """
    full_env = {**os.environ, "PYTHONPATH": str(SRC), **(env or {})}
    prefix = obeying_permissions() if obey_permissions else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "journeyctl", *map(str, args)],
        cwd=cwd,
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=300,
    )
