"""Persona libraries: read from the editor's unsaved buffer, maps checked again when one changes,
and navigation into them."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_support import Editor, client, editor, position_of, workspace  # noqa: F401
from lsprotocol import types

pytestmark = pytest.mark.asyncio(loop_scope="module")

LIBRARY = """\
journeyctl: 1
kind: personas
personas:
  - id: ben
    name: Ben
    role: Store manager
"""
MAP = """\
journeyctl: 1
id: checkout
title: Checkout
persona: people/personas.yaml#anna
stages:
  - {id: pay, name: Pay}
"""
MISSING = "The persona library `people/personas.yaml` defines no persona `anna`."


def e021(diagnostics: list[types.Diagnostic]) -> list[str]:
    return [d.message for d in diagnostics if d.code == "E021"]


async def test_a_change_to_an_open_library_checks_the_maps_that_use_it_again(editor: Editor, workspace: Path) -> None:
    library = workspace / "people" / "personas.yaml"
    library.parent.mkdir()
    library.write_text(LIBRARY, encoding="utf-8")
    map_uri = editor.open(workspace / "checkout.journey.yaml", MAP)
    assert e021(await editor.diagnostics(map_uri)) == [MISSING]

    library_uri = editor.open(library)
    assert await editor.diagnostics(library_uri) == []
    seen = len(editor.publications(map_uri))
    edited = LIBRARY + "  - id: anna\n    name: Anna\n    role: Buyer\n"
    editor.replace(library_uri, edited)  # unsaved: the file on disk has no anna
    assert e021(await editor.republished(map_uri, seen)) == []

    hover = await editor.client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=map_uri), position=position_of(MAP, "#anna", 0, 2)
        )
    )
    assert hover is not None and hover.contents.value == "**Persona `anna`**: Anna, Buyer"

    definition = await editor.client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=map_uri), position=position_of(MAP, "#anna", 0, 2)
        )
    )
    assert isinstance(definition, types.Location)
    assert definition.uri == library_uri
    start = position_of(edited, "id: anna", 0, 4)
    assert definition.range == types.Range(start=start, end=types.Position(start.line, start.character + 4))

    references = await editor.client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=library_uri),
            position=position_of(edited, "id: anna", 0, 5),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert references is not None
    assert [(r.uri, r.range.start) for r in references] == [(map_uri, position_of(MAP, "people/"))]

    seen = len(editor.publications(map_uri))
    editor.close(library_uri)  # back to the file on disk, without anna
    assert e021(await editor.republished(map_uri, seen)) == [MISSING]
    editor.close(map_uri)


async def test_references_of_a_library_persona_find_maps_on_disk(editor: Editor, workspace: Path) -> None:
    folder = workspace / "shared"
    folder.mkdir()
    (folder / "personas.yaml").write_text(LIBRARY, encoding="utf-8")
    cited = MAP.replace("people/personas.yaml#anna", "../shared/personas.yaml#ben")
    (workspace / "maps").mkdir()
    (workspace / "maps" / "a.journey.yaml").write_text(cited, encoding="utf-8")
    (workspace / "maps" / "b.journey.yaml").write_text(cited.replace("#ben", "#other"), encoding="utf-8")
    uri = editor.open(folder / "personas.yaml")
    await editor.diagnostics(uri)
    references = await editor.client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=position_of(LIBRARY, "id: ben", 0, 5),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert references is not None
    assert [(r.uri, r.range.start) for r in references] == [
        (uri, position_of(LIBRARY, "ben")),
        ((workspace / "maps" / "a.journey.yaml").as_uri(), position_of(cited, "../shared")),
    ]
    editor.close(uri)


async def test_a_library_changed_on_disk_is_read_again_at_the_next_check(editor: Editor, workspace: Path) -> None:
    library = workspace / "disk" / "personas.yaml"
    library.parent.mkdir()
    library.write_text(LIBRARY, encoding="utf-8")
    text = MAP.replace("people/", "disk/")
    uri = editor.open(workspace / "disk.journey.yaml", text)
    assert e021(await editor.diagnostics(uri)) == [MISSING.replace("people/", "disk/")]
    library.write_text(LIBRARY + "  - {id: anna, name: Anna}\n", encoding="utf-8")  # by git, another editor...
    editor.edit(uri, (2, 15), (2, 15), "!")  # the next keystroke in the map
    assert e021(await editor.diagnostics(uri)) == []
    editor.close(uri)
