"""Shared fixtures: run the real CLI in-process or as a real subprocess."""

from __future__ import annotations

import os
import re
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


# Golden files: every HTML page carries the one shared stylesheet, checked once per page and
# left out of the golden copy.
STYLE = re.compile(r"(<style>\n?)(.*?)(\n?</style>)", re.DOTALL)


def shared_stylesheet() -> str:
    """templates/style.css.j2 as every HTML page carries it: without its Jinja comments."""
    from journeyctl.render.environment import builtin_templates

    source = (builtin_templates() / "style.css.j2").read_text(encoding="utf-8")
    return re.sub(r"\{#.*?#\}\n?", "", source, flags=re.DOTALL).strip()


def without_stylesheet(page: str) -> str:
    """`page` with its one <style> block, once checked to hold the shared stylesheet, left empty.

    The golden pages keep their own markup only: the stylesheet would be four fifths of them.
    """
    blocks = STYLE.findall(page)
    assert len(blocks) == 1, f"{len(blocks)} <style> blocks"
    assert blocks[0][1].strip() == shared_stylesheet(), "the page's stylesheet is not templates/style.css.j2"
    return STYLE.sub(r"\1/* templates/style.css.j2 */\3", page)


def check_golden(name: str, text: str, folder: Path = ROOT / "tests" / "render" / "golden") -> None:
    """Compare `text` with the golden file FOLDER/NAME exactly; rewrite it with JOURNEYCTL_UPDATE_GOLDEN=1."""
    path = folder / name
    if os.environ.get("JOURNEYCTL_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8", newline="")
    assert path.exists(), f"no golden file {path}: run with JOURNEYCTL_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file (JOURNEYCTL_UPDATE_GOLDEN=1 rewrites it)"
