"""Diagnostics: what `journeyctl lint` finds in a file, pushed for the editor's unsaved text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lsp_support import Editor, client, editor, workspace  # noqa: F401
from lsprotocol import types

from journeyctl.check.service import Checker
from journeyctl.config.settings import Settings
from journeyctl.rules import RULES

pytestmark = pytest.mark.asyncio(loop_scope="module")


def lint_findings(path: Path, text: str) -> list[tuple[int, int, str, str, str]]:
    """What lint reports for the text, as (line, column, code, severity, message): 0-based line and column."""
    checked = Checker("lint", Settings(), date.today()).check_text(text, str(path))
    return [(f.line - 1, f.column - 1, f.code, f.severity, f.message) for f in checked.findings]


def as_findings(diagnostics: list[types.Diagnostic]) -> list[tuple[int, int, str, str, str]]:
    severities = {1: "error", 2: "warning", 3: "info"}
    return [
        (d.range.start.line, d.range.start.character, str(d.code), severities[d.severity], d.message)
        for d in diagnostics
    ]


@pytest.mark.parametrize("code", list(RULES))
async def test_the_failing_example_of_every_rule_gives_lints_findings(
    editor: Editor, workspace: Path, code: str
) -> None:
    example = RULES[code].examples()["Fails"]
    path = workspace / f"example-{code}.journey.yaml"
    uri = editor.open(path, example)
    diagnostics = await editor.diagnostics(uri)
    assert code in {d.code for d in diagnostics}
    assert as_findings(diagnostics) == lint_findings(path, example)
    assert {d.source for d in diagnostics} == {"journeyctl"}
    # Each code links to its rule's page in the documentation site (tests/docs checks the page is there).
    assert {d.code_description.href for d in diagnostics if d.code == code} == {f"https://journeyctl.dev/rules/{code}/"}
    editor.close(uri)
