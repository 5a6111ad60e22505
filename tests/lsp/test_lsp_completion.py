"""Completion while typing: ids, channels, enum values, rule codes and names; half-typed text included."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_support import Editor, client, editor, position_of, workspace  # noqa: F401
from lsprotocol import types

from journeyctl.core.defaults import DEFAULT_CHANNELS
from journeyctl.rules import RULES

pytestmark = pytest.mark.asyncio(loop_scope="module")

MAP = """\
journeyctl: 1
id: checkout
title: Checkout
personas:
  - {id: ben, name: Ben}
  - {id: anna, name: Anna}
sources:
  - {id: src-interviews, kind: interview, title: Ten interviews}
  - {id: src-tickets, kind: support}
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: card
        name: Card form
        pain_points:
          - {id: declined, description: Declined cards}
          - {id: slow, description: Slow page, severity: low}
"""


async def ask(editor: Editor, uri: str, text: str) -> types.CompletionList | None:
    """Completion with the cursor at the end of the text, after what was just typed."""
    end = types.Position(line=text.count("\n"), character=len(text.rsplit("\n", 1)[-1]))
    result = await editor.client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=end)
    )
    assert result is None or isinstance(result, types.CompletionList), result
    return result


async def complete(editor: Editor, uri: str, text: str) -> types.CompletionList:
    result = await ask(editor, uri, text)
    assert result is not None
    return result


async def typed(editor: Editor, path: Path, addition: str) -> tuple[str, str]:
    """Open the map, let it load, then type `addition` at its end (unsaved, often not valid YAML)."""
    uri = editor.open(path, MAP)
    await editor.diagnostics(uri)
    end = MAP.count("\n")
    editor.edit(uri, (end, 0), (end, 0), addition)
    return uri, MAP + addition


def labels(result: types.CompletionList) -> list[str]:
    return [item.label for item in result.items]


async def test_evidence_in_a_half_typed_flow_list_offers_source_ids(editor: Editor, workspace: Path) -> None:
    uri, text = await typed(editor, workspace / "evidence.journey.yaml", "        evidence: [src-i")
    result = await complete(editor, uri, text)
    assert labels(result) == ["src-interviews", "src-tickets"]
    assert result.items[0].detail == "Ten interviews"
    edit = result.items[0].text_edit
    assert isinstance(edit, types.TextEdit)
    start = position_of(text, "[src-i", 0, 1)
    assert edit.range.start == start
    assert edit.range.end.character == start.character + len("src-i")


async def test_addresses_in_a_block_list_offers_pain_point_ids(editor: Editor, workspace: Path) -> None:
    addition = "        opportunities:\n          - id: retry\n            description: Retry\n            addresses:\n              - "
    uri, text = await typed(editor, workspace / "addresses.journey.yaml", addition)
    result = await complete(editor, uri, text)
    assert labels(result) == ["declined", "slow"]
    assert [item.detail for item in result.items] == ["Declined cards", "Slow page"]


async def test_persona_offers_inline_and_library_personas(editor: Editor, workspace: Path) -> None:
    (workspace / "people.yaml").write_text(
        "journeyctl: 1\nkind: personas\npersonas:\n  - {id: carla, name: Carla}\n", encoding="utf-8"
    )
    uri, text = await typed(editor, workspace / "persona.journey.yaml", "persona: ")
    result = await complete(editor, uri, text)
    assert labels(result) == ["ben", "anna", "people.yaml#carla"]


async def test_channel_offers_the_vocabulary_with_the_configured_channels(editor: Editor, workspace: Path) -> None:
    folder = workspace / "configured"
    folder.mkdir()
    (folder / "journeyctl.toml").write_text('channels = ["kiosk"]\n', encoding="utf-8")
    uri, text = await typed(editor, folder / "channel.journey.yaml", "        channel: ki")
    result = await complete(editor, uri, text)
    assert labels(result) == sorted(DEFAULT_CHANNELS | {"kiosk"})


@pytest.mark.parametrize(
    ("addition", "expected"),
    [
        ("            severity: ", ["low", "medium", "high", "critical"]),
        ("            status: pl", ["idea", "planned", "in-progress", "done", "dropped"]),
        ("state: ", ["current", "future"]),
        ("kind: ", ["journey", "personas"]),
        ("  - {id: src-x, kind: ", None),
        (
            "  - id: src-y\n    kind: ",
            ["survey", "interview", "analytics", "crm", "support", "social", "observation", "sales", "other"],
        ),
    ],
)
async def test_enum_values(editor: Editor, workspace: Path, addition: str, expected: list[str] | None) -> None:
    uri, text = await typed(editor, workspace / f"enum-{abs(hash(addition))}.journey.yaml", addition)
    result = await ask(editor, uri, text)
    # Inside a flow mapping is not a place the server reads keys from.
    assert (labels(result) if result is not None else None) == expected


async def test_rule_codes_and_names_in_a_suppression_comment(editor: Editor, workspace: Path) -> None:
    uri, text = await typed(
        editor, workspace / "suppression.journey.yaml", "        emotion: -2  # journeyctl: ignore[W104, mis"
    )
    result = await complete(editor, uri, text)
    assert labels(result) == [*RULES, *(rule.name for rule in RULES.values())]
    edit = result.items[0].text_edit
    assert isinstance(edit, types.TextEdit)
    assert edit.range.start == position_of(text, ", mis", 0, 2)


async def test_nothing_is_offered_elsewhere(editor: Editor, workspace: Path) -> None:
    uri, text = await typed(editor, workspace / "elsewhere.journey.yaml", "        name: Some na")
    assert await ask(editor, uri, text) is None
