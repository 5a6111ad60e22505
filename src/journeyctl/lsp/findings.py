"""A finding as the editor's diagnostic: same code, message and severity as lint gives, its position
converted at the edge, spanning the key or value it points at, its code linked to the rules' documentation."""

from __future__ import annotations

from typing import Optional

from lsprotocol import types

from journeyctl.core.findings import Finding
from journeyctl.lsp.positions import Place, Positions
from journeyctl.rules import RULES
from journeyctl.source.loader import Document

SOURCE = "journeyctl"
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def diagnostic(finding: Finding, document: Optional[Document], positions: Positions) -> types.Diagnostic:
    """One finding as a diagnostic."""
    start = (finding.line, finding.column)
    return types.Diagnostic(
        range=positions.range(start, _end(start, document, positions)),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=RULES[finding.code].url),
        source=SOURCE,
    )


def _end(start: Place, document: Optional[Document], positions: Positions) -> Place:
    """Where a finding's range ends: the end of the key or value it points at when that is on one
    line, else the end of the word there."""
    at = document.source.path_at(*start) if document is not None else None
    span = document.source.span(*at) if document is not None and at is not None else None
    if span is not None and span[0] == start and span[1][0] == start[0]:
        return span[1]
    return positions.token_end(start)
