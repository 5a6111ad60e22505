"""Counting what a run found, while the results stream past."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from journeyctl.core.defaults import SEVERITIES
from journeyctl.core.findings import FileResult


@dataclass
class Tally:
    """Files checked and findings per severity, filled in as results pass by."""

    files: int = 0
    skipped: int = 0
    unreadable: int = 0
    files_with_findings: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))
    fixing: bool = False  # a `lint --fix` run: the summary says how many were fixed
    fixed: int = 0

    def watch(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        """Pass results through unchanged, counting them."""
        for result in results:
            if result.skipped:
                self.skipped += 1
                continue
            self.files += 1
            self.unreadable += result.unreadable
            self.files_with_findings += bool(result.findings)
            self.fixed += result.fixed
            for finding in result.findings:
                self.counts[finding.severity] += 1
            yield result

    def exit_code(self) -> int:
        """0 clean (info at most), 1 findings, 2 when a file could not be read."""
        if self.unreadable:
            return 2
        return 1 if self.counts["error"] or self.counts["warning"] else 0

    def sentence(self) -> str:
        """The summary line, e.g. `2 errors and 1 warning in 1 of 4 files.`"""
        errors, warnings, infos = (self.counts[s] for s in SEVERITIES)
        files = f"{self.files} file" + ("s" if self.files != 1 else "")
        if not self.files:
            return "No journey maps checked."
        if not (errors or warnings or infos):
            return f"All clear: no findings in {files}."
        parts = [_plural(errors, "error"), _plural(warnings, "warning")] + ([_plural(infos, "info")] if infos else [])
        return f"Found {', '.join(parts[:-1])} and {parts[-1]} in {self.files_with_findings} of {files}."

    def fix_sentence(self) -> str:
        """The summary of a `--fix` run: `Fixed 3 findings; 2 remain.`"""
        remaining = sum(self.counts.values())
        remain = "remains" if remaining == 1 else "remain"
        if not self.fixed:
            return f"Nothing fixed; {_plural(remaining, 'finding')} {remain}." if remaining else "Nothing to fix."
        return f"Fixed {_plural(self.fixed, 'finding')}; {remaining or 'none'} {remain}."


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("s" if count != 1 and word != "info" else "")
