"""The guides' worked examples, run: every `$ journeyctl ...` line of a
```` ```console ```` block gives exactly the output printed under it, and the
first YAML block of the migration guide is how the imported map starts."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, SRC

GUIDES = ROOT / "docs" / "guides"
_CONSOLE = re.compile(r"```console\n(.*?)```", re.DOTALL)


def _sessions(guide: Path) -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for every `$ ` line of the guide's console blocks."""
    sessions: list[tuple[str, list[str]]] = []
    for block in _CONSOLE.findall(guide.read_text(encoding="utf-8")):
        for line in block.splitlines():
            if line.startswith("$ "):
                sessions.append((line[2:], []))
            else:
                sessions[-1][1].append(line)
    return sessions


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    for source in GUIDES.glob("*.csv"):
        shutil.copy(source, tmp_path)
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    return tmp_path


@pytest.mark.parametrize("name", ["migrating.md", "export.md"])
def test_the_guides_commands_print_what_the_guide_shows(workspace, name):
    sessions = _sessions(GUIDES / name)
    assert sessions
    env = {**os.environ, "PYTHONPATH": str(SRC), "NO_COLOR": "1"}
    for command, expected in sessions:
        words = shlex.split(command)
        assert words[0] == "journeyctl", command
        done = subprocess.run(
            [sys.executable, "-m", "journeyctl", *words[1:]],
            cwd=workspace,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=300,
        )
        assert done.stdout.splitlines() == expected, command


def test_the_imported_map_starts_as_the_guide_shows(workspace):
    guide = (GUIDES / "migrating.md").read_text(encoding="utf-8")
    shown = re.search(r"```yaml\n(.*?)```", guide, re.DOTALL).group(1)
    for command, _ in _sessions(GUIDES / "migrating.md")[:1]:
        subprocess.run(
            [sys.executable, "-m", "journeyctl", *shlex.split(command)[1:]],
            cwd=workspace,
            env={**os.environ, "PYTHONPATH": str(SRC)},
            capture_output=True,
            check=True,
        )
    assert (workspace / "bike-repair.journey.yaml").read_text(encoding="utf-8").startswith(shown)
