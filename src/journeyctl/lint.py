"""The lint engine: load, validate, run the rules, stamp and filter findings."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from journeyctl.discovery import expand_paths
from journeyctl.findings import Finding, Problem
from journeyctl.loader import Document, LoadError, decode, looks_like_map, parse_document, read_bytes
from journeyctl.model import InvalidMap, JourneyMap, MapModel, validate_map
from journeyctl.parallel import can_fork, forked_map
from journeyctl.positions import SourceMap
from journeyctl.references import PersonaLibraries
from journeyctl.rules import RULES, Context
from journeyctl.settings import Settings
from journeyctl.suppressions import UNUSED, find_suppressions, may_have_directives, silence, unused

# Below this many files a process pool costs more than it saves.
PARALLEL_FROM = 16


@dataclass
class FileResult:
    """The outcome for one file: its findings, or that it was skipped or unreadable."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    skipped: bool = False
    unreadable: bool = False


def make_finding(path: str, code: str, line: int, column: int, message: str, settings: Settings | None = None) -> Finding:
    """A finding stamped with the rule's name and (configured) severity."""
    rule = RULES[code]
    severity = settings.severity.get(code, rule.severity) if settings else rule.severity
    return Finding(path, line, column, code, rule.name, severity, message)


def load_error_finding(path: str, error: LoadError, settings: Settings | None = None) -> Finding:
    """The finding for a file that could not be loaded."""
    return make_finding(path, error.code, error.line, error.column, error.message, settings)


class Linter:
    """Lints files with one set of settings; caches persona libraries across files."""

    def __init__(self, settings: Settings, today: date) -> None:
        self.settings, self.today = settings, today
        self._libraries = PersonaLibraries()

    def lint_file(self, path: str, explicit: bool = True) -> FileResult:
        """Lint one file. A file found in a folder that is not a map is skipped."""
        result = FileResult(path)
        text, document = "", None
        try:
            raw = read_bytes(path)
            if not explicit and not looks_like_map(raw):
                result.skipped = True
                return result
            text = decode(raw)
            document = parse_document(text, path)
            problems = self._check(document)
        except LoadError as error:
            result.unreadable = error.code == "E001" and error.message.startswith("The file cannot be read")
            problems = [(error.code, None, error)]
        result.findings = self._stamp(path, problems)
        if document is not None and may_have_directives(text):
            result.findings = self._suppress(path, text, document.source, result.findings)
        return result

    def _check(self, document: Document) -> list:
        try:
            model = validate_map(document.data)
        except InvalidMap as invalid:
            return [(code, document.source, problem) for code, problem in invalid.problems]
        context = self._context(document, model)
        return [
            (rule.code, document.source, problem)
            for rule in RULES.values()
            if rule.check is not None and document.kind in rule.kinds and self.settings.enabled(rule.code, document.path)
            for problem in rule.check(model, context)
        ]

    def _context(self, document: Document, model: MapModel) -> Context:
        settings = self.settings
        libraries = self._libraries.for_map(model, document.path) if isinstance(model, JourneyMap) else {}
        return Context(
            today=self.today, channels=settings.channels, max_stages=settings.max_stages,
            max_touchpoints_per_stage=settings.max_touchpoints_per_stage,
            review_every_days=settings.review_every_days, persona_libraries=libraries,
        )

    def _stamp(self, path: str, problems: list) -> list[Finding]:
        findings = []
        for code, source, problem in problems:
            if not self.settings.enabled(code, path):
                continue
            if isinstance(problem, LoadError):
                findings.append(load_error_finding(path, problem, self.settings))
                continue
            line, column = _position(source, problem)
            findings.append(make_finding(path, code, line, column, problem.message, self.settings))
        findings.sort(key=Finding.sort_key)
        return findings

    def _suppress(self, path: str, text: str, source: SourceMap, findings: list[Finding]) -> list[Finding]:
        """Drop the findings the file's suppression comments silence; report the unusable ones (I001)."""
        suppressions, notices = find_suppressions(text, source)
        kept = silence(findings, suppressions)
        if self.settings.enabled(UNUSED, path):
            notices += unused(suppressions)
            kept += [make_finding(path, UNUSED, n.line, n.column, n.message, self.settings) for n in notices]
        kept.sort(key=Finding.sort_key)
        return kept


def _position(source: SourceMap, problem: Problem) -> tuple[int, int]:
    return source.locate(problem.path, problem.at_key)


def _lint_one(linter: Linter, item: tuple[str, bool]) -> FileResult:
    return linter.lint_file(*item)


def lint_paths(paths: list[str], settings: Settings, today: date, jobs: int | None = None) -> Iterator[FileResult]:
    """Lint every file the paths name, in order; in parallel when there are many."""
    items = list(expand_paths(paths))
    linter = Linter(settings, today)
    jobs = jobs or os.cpu_count() or 1
    # Workers are forked so that they start at once with the linter ready;
    # where there is no fork (Windows), one process does the work.
    if jobs < 2 or len(items) < PARALLEL_FROM or not can_fork():
        yield from (linter.lint_file(path, explicit) for path, explicit in items)
        return
    yield from _in_parallel(linter, items, jobs)


def _in_parallel(linter: Linter, items: list[tuple[str, bool]], jobs: int) -> Iterable[FileResult]:
    chunk = max(1, min(32, len(items) // (jobs * 4)))
    yield from forked_map(partial(_lint_one, linter), items, jobs, chunk)


__all__ = ["FileResult", "Linter", "lint_paths", "load_error_finding", "make_finding"]
