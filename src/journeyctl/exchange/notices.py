"""What an import tells the user: problems that stop it (errors) and notices
(info), each positioned in the source file, with a code and a plain sentence."""

from __future__ import annotations

from dataclasses import dataclass, field

from journeyctl.core.errors import InvalidInput
from journeyctl.core.findings import Finding

CODES = {
    "IMP001": "unreadable-source",
    "IMP002": "source-too-large",
    "IMP010": "no-table",
    "IMP011": "several-maps",
    "IMP012": "no-stage",
    "IMP020": "not-a-whole-number",
    "IMP021": "emotion-off-scale",
    "IMP022": "not-yes-or-no",
    "IMP023": "invalid-scale",
    "IMP030": "mermaid-syntax",
    "IMP100": "unknown-column",
    "IMP101": "repeated-column",
    "IMP102": "conflicting-value",
    "IMP103": "ids-do-not-match",
    "IMP104": "numbers-as-text",
    "IMP105": "sheet-chosen",
    "IMP106": "mermaid-ignored",
    "IMP107": "column-read-as",
    "IMP108": "scale-from-header",
}


@dataclass
class ImportLog:
    """The findings of one import, in the order they were found."""

    path: str
    findings: list[Finding] = field(default_factory=list)

    def problem(self, line: int, column: int, code: str, message: str) -> None:
        """Something that stops the import: nothing is written."""
        self.findings.append(Finding(self.path, line, column, code, CODES[code], "error", message))

    def notice(self, line: int, column: int, code: str, message: str) -> None:
        """Something the user should know about a map that is written anyway."""
        self.findings.append(Finding(self.path, line, column, code, CODES[code], "info", message))

    def stop_if_problems(self) -> None:
        """InvalidInput with every finding when any is a problem."""
        if any(finding.severity == "error" for finding in self.findings):
            raise InvalidInput(sorted(self.findings, key=Finding.sort_key))

    def notices(self) -> list[Finding]:
        """The notices, in source order."""
        return sorted((f for f in self.findings if f.severity == "info"), key=Finding.sort_key)


def fail(path: str, code: str, message: str, line: int = 1, column: int = 1) -> InvalidInput:
    """The error for a source that cannot be imported at all (to raise)."""
    return InvalidInput([Finding(path, line, column, code, CODES[code], "error", message)])
