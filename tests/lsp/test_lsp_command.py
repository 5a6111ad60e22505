"""`journeyctl lsp` is an extra: without pygls it says what to install, and no other command loads it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES, SRC, run_journeyctl

ENV = {**os.environ, "PYTHONPATH": str(SRC)}


def test_without_the_extra_the_command_says_what_to_install() -> None:
    # A None in sys.modules makes `import pygls` fail as it does where pygls is not installed.
    program = (
        "import sys; sys.modules['pygls'] = None; sys.modules['lsprotocol'] = None; "
        "sys.argv = ['journeyctl', 'lsp']; from journeyctl.__main__ import run; run()"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], env=ENV, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "journeyctl: `journeyctl lsp` needs the language server packages (pygls, lsprotocol); "
        "install them with: pip install 'journeyctl[lsp]'\n"
    )


def test_the_command_is_listed() -> None:
    result = run_journeyctl("lsp", "--help")
    assert result.returncode == 0
    assert "Run the language server for editors, over standard input and output." in result.stdout


@pytest.mark.parametrize("args", [["--version"], ["lint", "--today", "2026-11-23", str(EXAMPLES)]])
def test_other_commands_do_not_import_the_language_server(args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "journeyctl", *args],
        env=ENV,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    imported = {
        line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")
    }
    assert "journeyctl.cli" in imported
    assert sorted(name for name in imported if name.split(".")[0] in ("pygls", "lsprotocol", "cattrs")) == []
    assert not any(name.startswith("journeyctl.lsp") for name in imported)
