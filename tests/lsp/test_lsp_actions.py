"""Code actions (fixes and suppressions), formatting through fmt, and the document outline."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_support import Editor, apply_edits, client, editor, position_of, workspace  # noqa: F401
from lsprotocol import types

from conftest import run_journeyctl

pytestmark = pytest.mark.asyncio(loop_scope="module")

MAP = """\
journeyctl: 1
id: checkout
title: Checkout
sources:
  - {id: src-interviews, kind: interview}
  - {id: src-a1, kind: survey}
  - {id: src-a2, kind: survey}
stages:
  - id: pay
    nmae: Pay
    touchpoints:
      - id: card
        name: Card form
        evidence: [src-intervews, src-a3]
"""


async def actions(editor: Editor, uri: str, text: str, line: int) -> list[types.CodeAction]:
    end = len(text.splitlines()[line])
    result = await editor.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line, 0), end=types.Position(line, end)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    assert result is not None
    return [action for action in result if isinstance(action, types.CodeAction)]


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.changes is not None
    return list(action.edit.changes[uri])


async def test_unknown_key_with_one_candidate_is_fixed(editor: Editor, workspace: Path) -> None:
    uri = editor.open(workspace / "key.journey.yaml", MAP)
    await editor.diagnostics(uri)
    found = await actions(editor, uri, MAP, 9)
    titles = [action.title for action in found]
    assert titles == ["Change to `name`", "Ignore E011 (unknown-field) here"]
    fix = found[0]
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    assert [d.code for d in fix.diagnostics or []] == ["E011"]
    fixed = apply_edits(MAP, edits_of(fix, uri))
    assert "    name: Pay\n" in fixed and "nmae" not in fixed


async def test_unknown_reference_with_one_candidate_is_fixed_and_one_with_two_is_not(
    editor: Editor, workspace: Path
) -> None:
    text = MAP.replace("nmae", "name")
    uri = editor.open(workspace / "reference.journey.yaml", text)
    diagnostics = await editor.diagnostics(uri)
    assert [d.message for d in diagnostics if d.code == "E021"] == [
        "`src-intervews` is not the id of any source in this file. Did you mean `src-interviews`?",
        "`src-a3` is not the id of any source in this file. Did you mean `src-a2`?",
    ]
    found = await actions(editor, uri, text, 13)
    fixes = [action for action in found if action.is_preferred]
    assert [action.title for action in fixes] == ["Change to `src-interviews`"]
    assert "evidence: [src-interviews, src-a3]" in apply_edits(text, edits_of(fixes[0], uri))
    assert [a.title for a in found if not a.is_preferred] == ["Ignore E021 (unknown-reference) here"] * 2


async def test_the_quick_fix_is_what_lint_fix_writes(editor: Editor, workspace: Path) -> None:
    text = MAP.replace("nmae", "name").replace("kind: interview", "kind: Interview")
    text = text.replace("  - id: pay\n", "  - id: pay  # journeyctl: ignore[W101, W104]\n")
    uri = editor.open(workspace / "choice.journey.yaml", text)
    await editor.diagnostics(uri)
    fixes = [action for action in await actions(editor, uri, text, 4) if action.is_preferred]
    assert [action.title for action in fixes] == ["Change to `interview`"]
    changed = apply_edits(text, edits_of(fixes[0], uri))
    path = workspace / "choice-cli.journey.yaml"
    path.write_text(text, encoding="utf-8")
    run_journeyctl("lint", "--fix", "--isolated", "--select", "E012", str(path))
    assert changed == path.read_text(encoding="utf-8") != text
    # Once the map is valid, the suppression's unused rules go one by one, as `lint --fix` takes them.
    editor.replace(uri, changed.replace("src-intervews", "src-interviews").replace(", src-a3", ""))
    assert {d.code for d in await editor.diagnostics(uri)} >= {"I001"}
    current = changed.replace("src-intervews", "src-interviews").replace(", src-a3", "")
    removals = [action for action in await actions(editor, uri, current, 8) if action.is_preferred]
    assert [action.title for action in removals] == [
        "Remove `W101` from the suppression",
        "Remove `W104` from the suppression",
    ]
    assert "  - id: pay  # journeyctl: ignore[W104]\n" in apply_edits(current, edits_of(removals[0], uri))


async def test_the_ignore_comment_silences_the_finding(editor: Editor, workspace: Path) -> None:
    text = MAP.replace("nmae", "name").replace(", src-a3", "").replace("src-intervews", "src-interviews")
    uri = editor.open(workspace / "ignore.journey.yaml", text)
    diagnostics = await editor.diagnostics(uri)
    w104 = next(d for d in diagnostics if d.code == "W104")
    line = w104.range.start.line
    found = [a for a in await actions(editor, uri, text, line) if a.title.startswith("Ignore W104")]
    assert len(found) == 1
    silenced = apply_edits(text, edits_of(found[0], uri))
    assert silenced.splitlines()[line].endswith("  # journeyctl: ignore[W104]")
    editor.replace(uri, silenced)
    after = await editor.diagnostics(uri)
    assert "W104" not in {d.code for d in after}
    assert "I001" not in {d.code for d in after}
    # A second finding on the same line joins the existing comment.
    again = [a for a in await actions(editor, uri, silenced, line) if a.title.startswith("Ignore")]
    for action in again:
        assert (
            apply_edits(silenced, edits_of(action, uri))
            .splitlines()[line]
            .endswith(f"  # journeyctl: ignore[W104, {action.title.split()[1]}]")
        )


async def test_formatting_gives_what_fmt_writes(editor: Editor, workspace: Path) -> None:
    messy = "title: Checkout\nid: checkout   # the map's id\njourneyctl: 1\nstages:\n- name: Pay\n  id: pay\n"
    path = workspace / "messy.journey.yaml"
    uri = editor.open(path, messy)
    edits = await editor.client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            options=types.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    assert edits is not None and len(edits) == 1
    path.write_text(messy, encoding="utf-8")
    assert run_journeyctl("fmt", str(path)).returncode == 0
    assert apply_edits(messy, edits) == path.read_text(encoding="utf-8") != messy
    editor.replace(uri, path.read_text(encoding="utf-8"))
    unchanged = await editor.client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            options=types.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    assert unchanged is not None and list(unchanged) == []


async def test_a_map_with_errors_is_not_formatted(editor: Editor, workspace: Path) -> None:
    uri = editor.open(workspace / "broken.journey.yaml", "journeyctl: 1\nstages: [\n")
    edits = await editor.client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            options=types.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    assert edits is None


OUTLINE = """\
journeyctl: 1
id: checkout
title: Checkout
personas:
  - {id: ben, name: Ben}
sources:
  - {id: src-a, kind: survey}
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: card
        name: Card form
        metrics:
          - {name: Conversion, value: 3}
        pain_points:
          - {id: declined, description: Declined}
        opportunities:
          - {id: retry, description: A retry button, addresses: [declined]}
  - id: after
    name: After
"""


def tree(symbol: types.DocumentSymbol) -> tuple[str, str, list]:
    return (symbol.name, symbol.detail or "", [tree(child) for child in symbol.children or []])


async def test_document_symbols_are_the_maps_outline(editor: Editor, workspace: Path) -> None:
    uri = editor.open(workspace / "outline.journey.yaml", OUTLINE)
    symbols = await editor.client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert symbols is not None and len(symbols) == 1
    root = symbols[0]
    assert isinstance(root, types.DocumentSymbol)
    assert tree(root) == (
        "Checkout",
        "journey",
        [
            ("Ben", "persona", []),
            ("src-a", "source", []),
            (
                "Pay",
                "stage",
                [
                    (
                        "Card form",
                        "touchpoint",
                        [
                            ("Conversion", "metric", []),
                            ("declined", "pain point", []),
                            ("retry", "opportunity", []),
                        ],
                    )
                ],
            ),
            ("After", "stage", []),
        ],
    )
    stage = (root.children or [])[2]
    assert stage.kind == types.SymbolKind.Namespace
    assert stage.selection_range.start == position_of(OUTLINE, "id: pay", 0, 4)
    assert stage.range.start == position_of(OUTLINE, "id: pay")
