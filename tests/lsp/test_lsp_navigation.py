"""Hover, go to definition and find references, within a map."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import pytest_asyncio
from lsp_support import Editor, client, editor, position_of, workspace  # noqa: F401
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="module")

MAP = """\
# journeyctl: ignore-file[W105]
journeyctl: 1
id: checkout
title: Checkout
persona: ben
personas:
  - id: ben
    name: Ben
    role: Store <b>manager</b>
sources:
  - id: src-interviews
    kind: interview
    title: Ten interviews
    date: 2026-01-10
  - {id: src-tickets, kind: support, title: Support tickets}
scale: {min: 1, max: 5}
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: card
        name: Card form
        channel: website
        emotion: 2
        evidence: [src-interviews, src-tickets]
        pain_points:
          - id: declined
            description: The card is declined *without* a reason
            severity: high
            evidence:
              - src-tickets
        opportunities:
          - id: retry
            description: A retry button
            addresses: [declined]
"""


def span(text: str, needle: str, occurrence: int = 0, offset: int = 0, length: int | None = None) -> types.Range:
    start = position_of(text, needle, occurrence, offset)
    size = len(needle) - offset if length is None else length
    return types.Range(start=start, end=types.Position(line=start.line, character=start.character + size))


@pytest_asyncio.fixture(loop_scope="module")
async def opened(editor: Editor, workspace: Path, request: pytest.FixtureRequest):
    name = re.sub(r"\W", "-", request.node.name)
    uri = editor.open(workspace / f"{name}.journey.yaml", MAP)
    await editor.diagnostics(uri)
    yield uri
    editor.close(uri)


async def hover(editor: Editor, uri: str, needle: str, occurrence: int = 0, offset: int = 1) -> types.Hover | None:
    return await editor.client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(MAP, needle, occurrence, offset)
        )
    )


async def test_hover_on_evidence_shows_the_source(editor: Editor, opened: str) -> None:
    result = await hover(editor, opened, "src-tickets]")
    assert result is not None and isinstance(result.contents, types.MarkupContent)
    assert result.contents.kind == types.MarkupKind.Markdown
    assert result.contents.value == "**Source `src-tickets`**: Support tickets (support)"
    assert result.range == span(MAP, "src-tickets]", length=len("src-tickets"))


async def test_hover_on_a_source_with_a_date(editor: Editor, opened: str) -> None:
    result = await hover(editor, opened, "src-interviews,")
    assert result is not None
    assert result.contents.value == "**Source `src-interviews`**: Ten interviews (interview, 2026-01-10)"


async def test_hover_on_addresses_shows_the_pain_point_escaped(editor: Editor, opened: str) -> None:
    result = await hover(editor, opened, "[declined]", offset=2)
    assert result is not None
    assert result.contents.value == (
        "**Pain point `declined`** (high severity): The card is declined \\*without\\* a reason"
    )


async def test_hover_on_the_persona_shows_name_and_role_escaped(editor: Editor, opened: str) -> None:
    result = await hover(editor, opened, "persona: ben", offset=10)
    assert result is not None
    assert result.contents.value == "**Persona `ben`**: Ben, Store &lt;b&gt;manager&lt;/b&gt;"


async def test_hover_on_emotion_shows_the_maps_scale(editor: Editor, opened: str) -> None:
    on_key = await hover(editor, opened, "emotion: 2")
    assert on_key is not None
    assert on_key.contents.value == "**Emotion scale** of this map: `1` (worst) to `5` (best)."
    on_value = await hover(editor, opened, "emotion: 2", offset=9)
    assert on_value is not None
    assert on_value.contents.value.endswith("\n\n`2` is below the middle.")


async def test_hover_on_a_rule_code_in_a_suppression_shows_its_documentation(editor: Editor, opened: str) -> None:
    from journeyctl.rules import find_rule

    result = await hover(editor, opened, "W105]")
    assert result is not None
    rule = find_rule("W105")
    assert rule is not None
    assert result.contents.value == f"**W105 stale-map** (warning)\n\n{rule.doc.strip()}"
    assert result.range == span(MAP, "W105]", length=4)


async def test_no_hover_on_plain_text(editor: Editor, opened: str) -> None:
    assert await hover(editor, opened, "name: Pay", offset=7) is None
    assert await hover(editor, opened, "# journeyctl", offset=3) is None


async def definition(editor: Editor, uri: str, needle: str, offset: int = 1) -> types.Location:
    result = await editor.client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position_of(MAP, needle, 0, offset)
        )
    )
    assert isinstance(result, types.Location), result
    return result


@pytest.mark.parametrize(
    ("reference", "offset", "target"),
    [
        ("[declined]", 2, "id: declined"),
        ("src-tickets]", 1, "id: src-tickets"),
        ("- src-tickets", 3, "id: src-tickets"),
        ("[src-interviews", 3, "id: src-interviews"),
        ("persona: ben", 10, "id: ben"),
    ],
)
async def test_definition_goes_to_the_id_of_the_item_a_reference_names(
    editor: Editor, opened: str, reference: str, offset: int, target: str
) -> None:
    location = await definition(editor, opened, reference, offset)
    assert location.uri == opened
    assert location.range == span(MAP, target, offset=4)


async def test_no_definition_off_a_reference(editor: Editor, opened: str) -> None:
    result = await editor.client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=opened), position=position_of(MAP, "name: Pay", 0, 7)
        )
    )
    assert result is None


async def references(editor: Editor, uri: str, needle: str, offset: int, declaration: bool) -> list[types.Range]:
    result = await editor.client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=position_of(MAP, needle, 0, offset),
            context=types.ReferenceContext(include_declaration=declaration),
        )
    )
    assert result is not None
    assert {location.uri for location in result} <= {uri}
    return [location.range for location in result]


async def test_references_of_a_source_id(editor: Editor, opened: str) -> None:
    found = await references(editor, opened, "id: src-tickets", 5, declaration=False)
    assert found == [span(MAP, "src-tickets]", length=11), span(MAP, "- src-tickets", offset=2)]


async def test_references_from_a_reference_include_the_declaration_when_asked(editor: Editor, opened: str) -> None:
    found = await references(editor, opened, "[declined]", 2, declaration=True)
    assert found == [span(MAP, "id: declined", offset=4), span(MAP, "[declined]", offset=1, length=8)]


async def test_references_of_the_inline_persona(editor: Editor, opened: str) -> None:
    found = await references(editor, opened, "id: ben", 5, declaration=False)
    assert found == [span(MAP, "persona: ben", offset=9)]
