"""Hostile and broken buffers: diagnostics or none, never a dead server, never a stale publication."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lsp_support import Editor, client, editor, workspace  # noqa: F401
from lsprotocol import types
from pytest_lsp import LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

SMALL = "journeyctl: 1\nid: small\ntitle: Small\nstages:\n  - {id: pay, name: Pay}\n"


def big_map(touchpoints: int) -> str:
    lines = ["journeyctl: 1", "id: big", "title: Big", "stages:", "  - id: all", "    name: All", "    touchpoints:"]
    for index in range(touchpoints):
        lines += [f"      - id: t{index}", f"        name: Touchpoint {index}", "        channel: website"]
    return "\n".join(lines) + "\n"


async def still_answers(client: LanguageClient, uri: str) -> None:
    """The server answers requests about the document (whatever the answer)."""
    for position in (types.Position(0, 0), types.Position(3, 5), types.Position(10_000, 10_000)):
        await client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position)
        )
        await client.text_document_completion_async(
            types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position)
        )
    await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("half-typed", "journeyctl: 1\nid: x\nstages: [\n  - {id: pay, name: ", "E001"),
        ("tab-indented", "journeyctl: 1\nstages:\n\t- id: pay\n", "E001"),
        ("nul", "journeyctl: 1\x00\x00\x00", "E001"),
        ("surrogate", 'journeyctl: 1\ntitle: "\ud800"\n', None),
        (
            "alias bomb",
            "journeyctl: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
                for i in range(6)
            ),
            "E003",
        ),
        ("deep", "journeyctl: 1\nx: " + "[" * 5000 + "]" * 5000 + "\n", "E003"),
    ],
)
async def test_broken_text_gets_diagnostics_and_answers(
    editor: Editor, workspace: Path, name: str, text: str, code: str | None
) -> None:
    uri = editor.open(workspace / f"{name.replace(' ', '-')}.journey.yaml", text)
    diagnostics = await editor.diagnostics(uri)
    if code is not None:
        assert code in {d.code for d in diagnostics}
    await still_answers(editor.client, uri)
    editor.close(uri)


async def test_binary_junk(editor: Editor, workspace: Path) -> None:
    junk = bytes(random.Random(7).randrange(256) for _ in range(20_000)).decode("latin-1")
    uri = editor.open(workspace / "junk.journey.yaml", "journeyctl: 1\n" + junk)
    assert {d.code for d in await editor.diagnostics(uri)} == {"E001"}
    await still_answers(editor.client, uri)
    editor.close(uri)


async def test_a_document_over_10_mib_is_refused_like_lint_refuses_the_file(editor: Editor, workspace: Path) -> None:
    text = big_map(1).replace("title: Big", "title: Big\ndescription: " + "x" * (10 * 2**20))
    uri = editor.open(workspace / "huge.journey.yaml", text)
    diagnostics = await editor.diagnostics(uri)
    assert [(d.code, d.message) for d in diagnostics] == [
        ("E003", "The file is larger than the 10 MiB limit for a journey map.")
    ]
    await still_answers(editor.client, uri)
    editor.close(uri)


async def test_a_large_map_is_checked_while_other_requests_are_answered(editor: Editor, workspace: Path) -> None:
    uri = editor.open(workspace / "large.journey.yaml", big_map(5000))
    small = editor.open(workspace / "small.journey.yaml", SMALL)
    await still_answers(editor.client, small)
    assert [d.code for d in await editor.diagnostics(uri)].count("W111") == 1  # too many touchpoints
    editor.close(uri)
    editor.close(small)


async def test_a_document_closed_while_being_checked_publishes_nothing_stale(editor: Editor, workspace: Path) -> None:
    uri = editor.open(workspace / "closed.journey.yaml", big_map(5000))
    editor.close(uri)
    # The worker checks one buffer at a time: once this one is published, the closed one's check is over.
    after = editor.open(workspace / "after.journey.yaml", SMALL)
    await editor.diagnostics(after)
    assert [list(params.diagnostics) for params in editor.publications(uri)] == [[]]
    editor.close(after)


async def test_changes_faster_than_the_debounce_are_checked_once(editor: Editor, workspace: Path) -> None:
    uri = editor.open(workspace / "typing.journey.yaml", SMALL)
    await editor.diagnostics(uri)
    for letter in "abcdef":
        editor.edit(uri, (2, 12), (2, 12), letter)
    await editor.diagnostics(uri)
    assert [params.version for params in editor.publications(uri)] == [1, 7]
    editor.close(uri)


async def test_a_yaml_file_that_is_not_a_map_gets_no_diagnostics(editor: Editor, workspace: Path) -> None:
    compose = editor.open(workspace / "docker-compose.yaml", "services:\n  web:\n    image: nginx\n")
    assert await editor.diagnostics(compose) == []
    editor.close(compose)
