"""The exception hierarchy, and the one place that maps it to exit codes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journeyctl.core.findings import Finding

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130


class JourneyctlError(Exception):
    """An error the user can act on; printed as one plain line, exit 2."""

    exit_code = EXIT_ERROR


class UsageError(JourneyctlError):
    """A bad option value, a missing path, a wrong combination of options."""


class ConfigError(JourneyctlError):
    """A configuration file or setting that journeyctl cannot use."""


class OutputError(JourneyctlError):
    """Output that cannot be written; nothing was changed."""


class LoadError(Exception):
    """A file that is not a usable map: a code, a 1-based position and a plain message.

    Data, not a user-facing error: the check service turns it into a finding.
    """

    def __init__(self, code: str, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.code, self.line, self.column, self.message = code, line, column, message


class InvalidInput(JourneyctlError):
    """A map that does not load or validate; carries its positioned findings."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} problems")
        self.findings = findings
