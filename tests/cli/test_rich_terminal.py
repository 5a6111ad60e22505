"""rich only where a terminal shows what it draws: pipes, `--version` and CI logs never import it.

Each run is a real process under `python -X importtime`, which lists every module it imports
on standard error; standard output and standard error are pipes or pseudo-terminals.
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import SRC, TODAY

RICH = re.compile(rb"^import time:.*\|\s+rich(\.|$)", re.MULTILINE)
# A map with one warning under `--select W101`.
WARN = "journeyctl: 1\nid: {id}\ntitle: Refund\nstages:\n  - id: ask\n    name: Ask\n"


def _drain(controller: int, into: dict[str, bytes], name: str) -> None:
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the terminal's other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    into[name] = b"".join(chunks)


def run(args: list[str], cwd: Path, terminal: tuple[str, ...] = (), env: dict[str, str] | None = None):
    """Run journeyctl under -X importtime; `terminal` names the streams that are pseudo-terminals.

    Returns the exit code, what each stream got, and whether rich was imported.
    """
    streams: dict[str, int] = {}
    controllers: dict[str, int] = {}
    for name in ("stdout", "stderr"):
        if name in terminal:
            controllers[name], streams[name] = pty.openpty()
        else:
            streams[name] = subprocess.PIPE
    environment = {**os.environ, "PYTHONPATH": str(SRC), "NO_COLOR": "", "TERM": "xterm", **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-X", "importtime", "-m", "journeyctl", *args],
        cwd=cwd,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=streams["stdout"],
        stderr=streams["stderr"],
    )
    output: dict[str, bytes] = {}
    readers = []
    for name, controller in controllers.items():
        os.close(streams[name])
        readers.append(threading.Thread(target=_drain, args=(controller, output, name)))
        readers[-1].start()
    out, err = process.communicate(timeout=300)
    for reader in readers:
        reader.join(timeout=60)
    output.setdefault("stdout", out or b"")
    output.setdefault("stderr", err or b"")
    return process.returncode, output, RICH.search(output["stderr"]) is not None


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    (tmp_path / "refund.journey.yaml").write_text(WARN.format(id="refund"), encoding="utf-8")
    return tmp_path


LINT = ["lint", "refund.journey.yaml", "--today", TODAY, "--select", "W101"]


@pytest.mark.parametrize(
    ("args", "terminal", "env"),
    [
        (["--version"], (), {}),
        (["--version"], ("stdout", "stderr"), {}),
        (LINT, (), {}),  # `lint ... | cat`
        (LINT, (), {"GITHUB_ACTIONS": "true"}),  # a CI log
        (LINT, ("stdout",), {"NO_COLOR": "1"}),
        (LINT, ("stdout",), {"TERM": "dumb"}),
        (["rules"], (), {}),
    ],
    ids=[
        "version",
        "version-on-a-terminal",
        "lint-piped",
        "lint-on-ci",
        "lint-no-color",
        "lint-dumb-terminal",
        "rules",
    ],
)
def test_rich_is_not_imported_without_a_colour_terminal(warned: Path, args, terminal, env) -> None:
    code, output, imported = run(args, warned, terminal, env)
    assert code in (0, 1), output
    assert not imported
    assert b"\x1b[" not in output["stdout"]


def test_on_a_colour_terminal_lint_colours_through_rich(warned: Path) -> None:
    code, output, imported = run(LINT, warned, ("stdout",))
    assert (code, imported) == (1, True)
    assert output["stdout"].decode() == (
        "\x1b[1mrefund.journey.yaml:5:5:\x1b[0m \x1b[33mW101 empty-stage\x1b[0m Stage `ask` has no touchpoints.\r\n"
        "Found 0 errors and 1 warning in 1 of 1 file.\r\n"
    )


def maps(folder: Path, count: int) -> Path:
    """`count` small maps in folder/maps."""
    (folder / "maps").mkdir()
    for number in range(count):
        path = folder / "maps" / f"m{number:02}.journey.yaml"
        path.write_text(WARN.format(id=f"m{number:02}"), encoding="utf-8")
    return folder


@pytest.mark.parametrize("count", [49, 50])
def test_a_long_render_shows_a_progress_bar_on_a_terminal(tmp_path: Path, count: int) -> None:
    folder = maps(tmp_path, count)
    args = ["render", "maps", "-o", "site", "--today", TODAY]
    code, output, imported = run(args, folder, ("stderr",))
    assert code == 0
    shown = b"Rendering maps" in output["stderr"]
    assert (shown, imported) == (count >= 50, count >= 50)
    if shown:
        assert f"{count}/{count}".encode() in output["stderr"]
        # The bar erased, the cursor back (modules the run imports once the bar is gone aside).
        stderr = re.sub(rb"import time:[^\n]*\n", b"", output["stderr"])
        assert stderr.rstrip(b"\r\n").endswith(b"\x1b[?25h\r\x1b[1A\x1b[2K")
    pages = {path.name: path.read_bytes() for path in (folder / "site").iterdir()}
    assert len(pages) == count + 3  # the index, the dashboard and the site's manifest
    # Not on a terminal: no bar, no rich, the same pages byte for byte.
    code, output, imported = run(["render", "maps", "-o", "piped", "--today", TODAY], folder)
    assert (code, imported, b"Rendering" in output["stderr"]) == (0, False, False)
    assert {path.name: path.read_bytes() for path in (folder / "piped").iterdir()} == pages
