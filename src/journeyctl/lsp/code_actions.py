"""Code actions for findings: the engine's fix (check/fixes.py, what `lint --fix` applies), and a
`# journeyctl: ignore[CODE]` comment.

The fix is converted here and only here: its places to the editor's positions.
"""

from __future__ import annotations

import re
from typing import Optional

from lsprotocol import types

from journeyctl.check.fixes import fix_for
from journeyctl.check.suppressions import UNUSED
from journeyctl.core.findings import Finding
from journeyctl.lsp.analysis import Analysis
from journeyctl.lsp.findings import diagnostic
from journeyctl.lsp.server import JourneyServer, server

_DIRECTIVE = re.compile(r"#[ \t]*journeyctl:[ \t]*ignore\[[^\]\n]*(?P<end>\])")
_LOAD_CODES = ("E001", "E002", "E003")  # a file that does not load has no comments the engine reads
Edit = tuple[types.Range, str]


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix])
)
async def code_actions(ls: JourneyServer, params: types.CodeActionParams) -> Optional[list[types.CodeAction]]:
    analysis = await ls.analysis(params.text_document.uri)
    if analysis is None or analysis.checked is None:
        return None
    first = analysis.positions.from_client(params.range.start)[0]
    last = analysis.positions.from_client(params.range.end)[0]
    actions = []
    for finding in analysis.checked.findings:
        if first <= finding.line <= last:
            actions += _actions(analysis, finding)
    return actions


def _actions(analysis: Analysis, finding: Finding) -> list[types.CodeAction]:
    found = []
    fix = quick_fix(analysis, finding)
    if fix is not None:
        found.append(_action(analysis, finding, fix[0], fix[1], preferred=True))
    comment = ignore_comment(analysis, finding)
    if comment is not None:
        found.append(_action(analysis, finding, f"Ignore {finding.code} ({finding.name}) here", comment))
    return found


def _action(analysis: Analysis, finding: Finding, title: str, edit: Edit, preferred: bool = False) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic(finding, analysis.document, analysis.positions)],
        is_preferred=preferred,
        edit=types.WorkspaceEdit(changes={analysis.buffer.uri: [types.TextEdit(range=edit[0], new_text=edit[1])]}),
    )


def quick_fix(analysis: Analysis, finding: Finding) -> Optional[tuple[str, Edit]]:
    """The engine's fix of a finding (`lint --fix`'s), as a title and an edit in the editor's positions."""
    checked, checker = analysis.checked, analysis.checker
    fix = fix_for(checked, finding, checker) if checked is not None and checker is not None else None
    if fix is None:
        return None
    return fix.title, (analysis.positions.range(fix.start, fix.end), fix.replacement)


def ignore_comment(analysis: Analysis, finding: Finding) -> Optional[Edit]:
    """The edit that adds the finding's code to a `# journeyctl: ignore[...]` comment on its line
    (at the line's end, or alone on the line above when the line ends inside a value)."""
    document = analysis.document
    if document is None or finding.code == UNUSED or finding.code in _LOAD_CODES:
        return None
    line = analysis.positions.line_text(finding.line)
    existing = list(_DIRECTIVE.finditer(line))
    if existing and not document.source.in_scalar(finding.line, existing[-1].start() + 1):
        at = analysis.positions.to_client((finding.line, existing[-1].start("end") + 1))
        return types.Range(start=at, end=at), f", {finding.code}"
    comment = f"# journeyctl: ignore[{finding.code}]"
    if document.source.in_scalar(finding.line, len(line) + 1):
        indent = line[: len(line) - len(line.lstrip())]
        at = analysis.positions.to_client((finding.line, 1))
        return types.Range(start=at, end=at), f"{indent}{comment}\n"
    end = analysis.positions.to_client((finding.line, len(line.rstrip()) + 1))
    return types.Range(start=end, end=analysis.positions.to_client((finding.line, len(line) + 1))), f"  {comment}"
