"""Columns in the negotiated position encoding: UTF-16 by default, UTF-8 when the editor prefers it
(Neovim), right on lines with emoji, CJK and combining characters; lines as LSP breaks them."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_lsp
from lsp_support import SERVER, Editor, client, editor, initialize_params, workspace  # noqa: F401
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

# Each line with a finding after wide characters: W110 (unknown channel) at `fax`, E021 at `src-x`.
MAP = """\
journeyctl: 1
id: checkout
title: "Caf\u00e9 \u2615 \u65e5\u672c\u8a9e"
description: "a\u2028b"
stages:
  - id: pay
    name: Pay
    touchpoints:
      - {id: a, name: "\U0001f600\U0001f600 e\u0301", channel: fax}
      - {id: b, name: "\u4e2d\u6587\U0001f44d\U0001f3fd", evidence: [src-x]}
"""


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def utf8(text: str) -> int:
    return len(text.encode("utf-8"))


def expected(measure) -> dict[str, tuple[int, int, int]]:
    """(line, start, end) of the W110 and E021 findings, columns measured in the encoding's units."""
    lines = MAP.split("\n")
    found = {}
    for code, needle in (("W110", "fax"), ("E021", "src-x")):
        line = next(number for number, text in enumerate(lines) if needle in text)
        before = lines[line][: lines[line].index(needle)]
        found[code] = (line, measure(before), measure(before + needle))
    return found


def columns(diagnostics: list[types.Diagnostic]) -> dict[str, tuple[int, int, int]]:
    return {
        str(d.code): (d.range.start.line, d.range.start.character, d.range.end.character)
        for d in diagnostics
        if d.code in ("W110", "E021")
    }


async def test_utf16_columns_by_default(editor: Editor, workspace: Path) -> None:
    uri = editor.open(workspace / "wide.journey.yaml", MAP)
    found = columns(await editor.diagnostics(uri))
    assert found == expected(utf16)
    assert found["W110"] != expected(len)["W110"]  # the emoji count twice


@pytest_lsp.fixture(scope="module", config=SERVER)
async def neovim(lsp_client: LanguageClient, workspace: Path):
    """A second server, started by an editor whose first choice is UTF-8 (Neovim 0.11's capabilities)."""
    result = await lsp_client.initialize_session(initialize_params(workspace, "neovim@v0.11.0"))
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    yield
    await lsp_client.shutdown_session()


async def test_utf8_columns_when_negotiated(neovim: LanguageClient, workspace: Path) -> None:
    editor = Editor(neovim)
    uri = editor.open(workspace / "wide8.journey.yaml", MAP)
    found = columns(await editor.diagnostics(uri))
    assert found == expected(utf8)
    hover = await neovim.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=found["E021"][0], character=found["E021"][1] + 1),
        )
    )
    assert hover is not None and hover.contents.value == "No source `src-x` in this file."


async def test_an_edit_below_a_unicode_line_separator_lands_where_the_editor_made_it(
    editor: Editor, workspace: Path
) -> None:
    text = 'journeyctl: 1\nid: x\ntitle: "a\u2028b"\nstages:\n  - id: pay\n    nmae: Pay\n'
    uri = editor.open(workspace / "separator.journey.yaml", text)
    assert [d.code for d in await editor.diagnostics(uri)] == ["E010", "E011"]
    line = text.split("\n").index("    nmae: Pay")
    editor.edit(uri, (line, 4), (line, 8), "name")  # U+2028 is no line break to an editor
    assert [d.code for d in await editor.diagnostics(uri) if str(d.code).startswith("E")] == []
