"""Code actions for findings: the "did you mean" fix of an unknown key (E011) or an unknown reference
(E021) when exactly one key or id looks like it, and a `# journeyctl: ignore[CODE]` comment.

The candidates are validation's and E021's own (key_candidates, candidates):
the fix offered is the one the finding's message suggests.
"""

from __future__ import annotations

import re
from typing import Optional

from lsprotocol import types

from journeyctl.check.suppressions import UNUSED
from journeyctl.core.findings import Finding
from journeyctl.lsp.analysis import Analysis
from journeyctl.lsp.findings import diagnostic
from journeyctl.lsp.server import JourneyServer, server
from journeyctl.lsp.targets import reference_at, value_at
from journeyctl.model import JourneyMap
from journeyctl.model.validation import key_candidates
from journeyctl.rules.e021_unknown_reference import candidates

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
    fix = did_you_mean(analysis, finding)
    if fix is not None:
        found.append(_action(analysis, finding, f"Change to `{fix[1]}`", fix, preferred=True))
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


def did_you_mean(analysis: Analysis, finding: Finding) -> Optional[Edit]:
    """The edit that replaces an unknown key or reference by the one key or id that looks like it."""
    document, checked = analysis.document, analysis.checked
    if document is None or checked is None or finding.code not in ("E011", "E021"):
        return None
    at = document.source.path_at(finding.line, finding.column)
    if at is None:
        return None
    path, on_key = at
    found: list[str] = []
    if finding.code == "E011" and on_key:
        found = key_candidates(document.data, path)
    cited = reference_at(document.data, path) if finding.code == "E021" and not on_key else None
    if cited is not None and isinstance(checked.model, JourneyMap) and analysis.checker is not None:
        key = "persona" if cited.path == ("persona",) else str(path[-2])
        context = analysis.checker.context(checked.model, analysis.buffer.path)
        found = candidates(checked.model, key, str(value_at(document.data, path)), context)
    span = document.source.span(path, on_key)
    if len(found) != 1 or span is None:
        return None
    quote = analysis.positions.text[analysis.positions.offset(span[0])]
    replacement = f"{quote}{found[0]}{quote}" if quote in "'\"" else found[0]
    return analysis.positions.range(*span), replacement


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
