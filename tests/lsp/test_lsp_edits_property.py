"""Property: whatever random edits an editor sends, the server answers every request, and the diagnostics
of the last version are lint's findings for the text the editor has (the incremental edits were applied right)."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsp_support import Editor, apply_edits, client, editor, workspace  # noqa: F401
from lsprotocol import types

from conftest import EXAMPLES
from journeyctl.check.service import Checker
from journeyctl.config.settings import Settings

pytestmark = pytest.mark.asyncio(loop_scope="module")

STARTS = {path.name: path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.journey.yaml"))}
# What people type and paste into a map: YAML's punctuation, wide and combining characters, line breaks.
TYPED = st.text(st.sampled_from(list(" \n\r\t-:#[]{},'\"|>&*!?abcxyz019_é日本😀👍🏽\u0301\u2028\x85")), max_size=12)
# (where the edit starts, how far it reaches, as fractions of the text; what replaces that stretch)
EDIT = st.tuples(st.floats(0, 1), st.floats(0, 0.05), TYPED)
names = itertools.count()


def position(text: str, offset: int) -> types.Position:
    """The UTF-16 position of an index into the text, lines broken as LSP breaks them."""
    before = text[:offset]
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    lines = before.replace("\r\n", "\n").replace("\r", "\n").count("\n")
    return types.Position(line=lines, character=len(before[line_start:].encode("utf-16-le")) // 2)


@settings(
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(start=st.sampled_from(sorted(STARTS)), edits=st.lists(EDIT, min_size=1, max_size=6), probe=st.floats(0, 1))
async def test_random_edits_are_always_answered(
    editor: Editor, workspace: Path, start: str, edits: list[tuple[float, float, str]], probe: float
) -> None:
    text = STARTS[start]
    path = workspace / f"edited-{next(names)}.journey.yaml"
    uri = editor.open(path, text)
    for where, reach, typed in edits:
        first = int(where * len(text))
        last = min(len(text), first + int(reach * len(text)))
        if text[first - 1 : first + 1] == "\r\n" or text[last - 1 : last + 1] == "\r\n":
            first, last = first - 1, last - (text[last - 1 : last + 1] == "\r\n")  # never split a CRLF
        edit = types.TextEdit(range=types.Range(start=position(text, first), end=position(text, last)), new_text=typed)
        editor.edit(
            uri,
            (edit.range.start.line, edit.range.start.character),
            (edit.range.end.line, edit.range.end.character),
            typed,
        )
        text = text[:first] + typed + text[last:]
    at = position(text, int(probe * len(text)))
    document = types.TextDocumentIdentifier(uri=uri)
    await editor.client.text_document_hover_async(types.HoverParams(text_document=document, position=at))
    await editor.client.text_document_completion_async(types.CompletionParams(text_document=document, position=at))
    await editor.client.text_document_definition_async(types.DefinitionParams(text_document=document, position=at))
    await editor.client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=document))
    diagnostics = await editor.diagnostics(uri)
    expected = Checker("lint", Settings(), date.today()).check_text(text, str(path)).findings
    assert sorted((str(d.code), d.message) for d in diagnostics) == sorted((f.code, f.message) for f in expected)
    editor.close(uri)
