"""The one check service: a file (or unsaved text) in, its document, model and stamped findings out.

Every command is a front end of it: lint and report run every rule the settings
enable, render and diff the few without which their output would be wrong, fmt
none beyond loading and the format. Which rules each command applies is stated
here, in RULE_SETS, and nowhere else. Rules only yield problems; this service
positions them, stamps code, name and severity, and applies suppressions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from typing import Callable, Generic, Optional, TypeVar, Union

from journeyctl.check.references import PersonaLibraries
from journeyctl.check.suppressions import UNUSED, find_suppressions, may_have_directives, silence, unused
from journeyctl.config.settings import Settings
from journeyctl.core.errors import InvalidInput, LoadError
from journeyctl.core.findings import FileResult, Finding, Problem
from journeyctl.model import InvalidMap, MapModel, validate_map
from journeyctl.model.salvage import salvage
from journeyctl.rules import RULES, Context, Rule
from journeyctl.source.discovery import Found, Search
from journeyctl.source.loader import BOM, Document, decode, looks_like_map, parse_document, read_bytes
from journeyctl.system.parallel import parallel_map
from journeyctl.system.terminal import tracked

Result = TypeVar("Result")


@dataclass(frozen=True)
class RuleSet:
    """What a command checks beyond loading (E001-E003) and the format (E010-E012).

    `codes` None means every rule; `configured` applies the config's selection,
    severities and suppression comments (and reports unused ones, I001).
    """

    codes: Optional[frozenset[str]]
    configured: bool


RULE_SETS: dict[str, RuleSet] = {
    "lint": RuleSet(None, configured=True),
    "report": RuleSet(None, configured=True),
    # fmt keeps each suppression comment silencing the same findings: every rule, before suppressions.
    "fmt-suppressions": RuleSet(None, configured=False),
    # A page of a map with a missing reference, a duplicate id or an emotion off its scale would be wrong.
    "render": RuleSet(frozenset({"E020", "E021", "E022"}), configured=False),
    # Ids are the diff's keys; references to other files are not resolved (a revision has none).
    "diff": RuleSet(frozenset({"E020"}), configured=False),
    "fmt": RuleSet(frozenset(), configured=False),
    # A table is keyed by ids, lists references and compares emotions across maps by their scale.
    "export": RuleSet(frozenset({"E020", "E021", "E022"}), configured=False),
}


@dataclass
class Checked:
    """One file as the check service leaves it: what loaded, what validated, what was found."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    document: Optional[Document] = None
    model: Optional[MapModel] = None
    text: str = ""
    bom: bool = False  # the file started with a UTF-8 byte order mark (fmt keeps it)
    skipped: bool = False
    unreadable: bool = False

    def result(self) -> FileResult:
        """The findings alone (what crosses from a worker process to the reporters)."""
        return FileResult(self.path, self.findings, self.skipped, self.unreadable)

    def require(self) -> tuple[Document, MapModel]:
        """The document and model; InvalidInput with the errors when the map has any."""
        errors = [finding for finding in self.findings if finding.severity == "error"]
        if errors or self.document is None or self.model is None:
            raise InvalidInput(errors or self.findings)
        return self.document, self.model


class Checker:
    """Checks files for one command, with one set of settings; persona libraries are loaded once."""

    def __init__(
        self,
        command: str,
        settings: Optional[Settings] = None,
        today: Optional[date] = None,
        libraries: Optional[PersonaLibraries] = None,
    ) -> None:
        rule_set = RULE_SETS[command]
        self.configured = rule_set.configured
        self.settings = settings if settings is not None and rule_set.configured else Settings()
        self.today = today or date.today()
        self.libraries = libraries or PersonaLibraries()
        self.rules: tuple[Rule, ...] = tuple(
            rule
            for rule in RULES.values()
            if rule.check is not None and (rule_set.codes is None or rule.code in rule_set.codes)
        )

    def check_file(self, path: str, explicit: bool = True) -> Checked:
        """Check one file. A file found in a folder (not `explicit`) that is not a map is skipped."""
        try:
            raw = read_bytes(path)
            if not explicit and not looks_like_map(raw):
                return Checked(path, skipped=True)
            text = decode(raw)
        except LoadError as error:
            unreadable = error.code == "E001" and error.message.startswith("The file cannot be read")
            return Checked(path, self._stamp(path, [(error.code, None, error)]), unreadable=unreadable)
        checked = self.check_text(text, path)
        checked.bom = raw.startswith(BOM)
        return checked

    def check_text(self, text: str, path: str) -> Checked:
        """Check a map's text; `path` is what findings show and where persona libraries are looked for."""
        checked = Checked(path, text=text)
        try:
            checked.document = parse_document(text, path)
        except LoadError as error:
            checked.findings = self._stamp(path, [(error.code, None, error)])
            return checked
        problems = self._problems(checked)
        checked.findings = self._stamp(path, problems)
        if self.configured and may_have_directives(text):
            checked.findings = self._suppress(checked)
        return checked

    def _problems(self, checked: Checked) -> list[tuple[str, Document, Problem]]:
        document = checked.document
        assert document is not None
        try:
            checked.model = validate_map(document.data)
        except InvalidMap as invalid:
            schema = [(code, document, problem) for code, problem in invalid.problems]
            return schema + self._partial_problems(document)
        return self._rule_problems(checked.model, document, self.rules)

    def _rule_problems(
        self, model: MapModel, document: Document, rules: Iterable[Rule], written_ids: frozenset[str] = frozenset()
    ) -> list[tuple[str, Document, Problem]]:
        context = replace(self.context(model, document.path), written_ids=written_ids)
        return [
            (rule.code, document, problem)
            for rule in rules
            if document.kind in rule.kinds and self.settings.enabled(rule.code, document.path)
            for problem in rule.check(model, context)  # type: ignore[misc]
        ]

    def _partial_problems(self, document: Document) -> list[tuple[str, Document, Problem]]:
        """What the rules that read salvaged maps find in the well-formed parts of an invalid map."""
        rules = [rule for rule in self.rules if rule.partial]
        if not rules:
            return []
        salvaged = salvage(document.data)
        return [
            (code, document, replace(problem, path=salvaged.file_path(problem.path)))
            for code, _, problem in self._rule_problems(salvaged.model, document, rules, salvaged.written_ids)
        ]

    def context(self, model: MapModel, path: str) -> Context:
        """What the rules may know besides the map: settings, today, the map's persona library."""
        settings = self.settings
        return Context(
            today=self.today,
            channels=settings.channels,
            max_stages=settings.max_stages,
            max_touchpoints_per_stage=settings.max_touchpoints_per_stage,
            review_every_days=settings.review_every_days,
            persona_library=partial(self._library_ids, path),
        )

    def _library_ids(self, path: str, library: str) -> Union[frozenset[str], str]:
        found = self.libraries.library(path, library)
        return frozenset(found) if isinstance(found, dict) else found

    def _stamp(self, path: str, problems: Sequence[tuple[str, Optional[Document], object]]) -> list[Finding]:
        findings = []
        for code, document, problem in problems:
            if not self.settings.enabled(code, path):
                continue
            if isinstance(problem, LoadError):
                findings.append(make_finding(path, code, problem.line, problem.column, problem.message, self.settings))
                continue
            assert isinstance(problem, Problem) and document is not None
            line, column = document.source.locate(problem.path, problem.at_key)
            findings.append(make_finding(path, code, line, column, problem.message, self.settings))
        findings.sort(key=Finding.sort_key)
        return findings

    def _suppress(self, checked: Checked) -> list[Finding]:
        """Drop the findings the file's suppression comments silence; report the unusable ones (I001)."""
        assert checked.document is not None
        path = checked.path
        suppressions, notices = find_suppressions(checked.text, checked.document.source)
        kept = silence(checked.findings, suppressions)
        if self.settings.enabled(UNUSED, path):
            notices += unused(suppressions)
            kept += [make_finding(path, UNUSED, n.line, n.column, n.message, self.settings) for n in notices]
        kept.sort(key=Finding.sort_key)
        return kept


def make_finding(
    path: str, code: str, line: int, column: int, message: str, settings: Optional[Settings] = None
) -> Finding:
    """A finding stamped with the rule's name and (configured) severity."""
    rule = RULES[code]
    severity = settings.severity.get(code, rule.severity) if settings else rule.severity
    return Finding(path, line, column, code, rule.name, severity, message)


def load_error_finding(path: str, error: LoadError) -> Finding:
    """The finding for a file or text that could not be loaded (a git revision too large to read)."""
    return make_finding(path, error.code, error.line, error.column, error.message)


def check_paths(
    paths: list[str],
    checker: Checker,
    then: Callable[[Checked], Result],
    jobs: Optional[int] = None,
    largest_chunk: int = 32,
    search: Optional[Search] = None,
    progress: Optional[str] = None,
) -> Iterator[Result]:
    """`then(checked)` for every file the paths name, in order, skipped files included.

    `then` runs where the file was checked (a worker process when there are many
    files), so that only what it returns crosses back, never a whole model. The
    `search` says how folders are searched and, once the results are all out,
    which paths did not exist and which folders held no map. With `progress` (its
    label), a long run shows a progress bar on a terminal's standard error.
    """
    search = search if search is not None else Search()
    items = search.files(paths)
    folders_with_maps = set()
    results = parallel_map(_CheckThen(checker, then), items, jobs, largest_chunk)
    if progress is not None:
        results = tracked(results, len(items), progress)
    for (_, folder), (skipped, result) in zip(items, results, strict=True):
        if not skipped:
            folders_with_maps.add(folder)
        yield result
    search.note_maps(paths, folders_with_maps)


@dataclass(frozen=True)
class _CheckThen(Generic[Result]):
    checker: Checker
    then: Callable[[Checked], Result]

    def __call__(self, item: Found) -> tuple[bool, Result]:
        path, folder = item
        checked = self.checker.check_file(path, explicit=folder is None)
        return checked.skipped, self.then(checked)
