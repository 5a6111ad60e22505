from __future__ import annotations

import re

from conftest import EXAMPLES, TODAY, run_journeyctl
from journeyctl import __version__


def test_examples_are_lint_clean(cli):
    result = cli("lint", EXAMPLES, "--today", TODAY)
    assert result.code == 0, result.out
    assert result.out.strip() == "All clear: no findings in 4 files."


def test_version_as_a_real_process():
    result = run_journeyctl("--version")
    assert (result.returncode, result.stderr) == (0, "")
    assert re.fullmatch(r"journeyctl \d+\.\d+\.\d+\n", result.stdout)
    assert result.stdout == f"journeyctl {__version__}\n"


def test_examples_are_already_formatted(cli):
    result = cli("fmt", "--check", EXAMPLES)
    assert result.code == 0, result.out
    assert result.out.strip() == "4 files already formatted."
