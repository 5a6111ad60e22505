"""Inline suppressions: `# journeyctl: ignore[CODE,...]` and `# journeyctl: ignore-file[CODE,...]`.

`ignore[...]` at the end of a line silences those rules on that line, or, on a
key whose value is a list or a mapping, on every line of that block; alone on
its line, it applies to the next line with content. `ignore-file[...]` anywhere
silences them in the whole file. Codes or names, comma-separated. The engine
applies suppressions to stamped findings; rules never see them. A suppression
that silences nothing, an unknown rule in one, and a `# journeyctl:` comment
that is not understood become notices, reported as I001 unused-suppression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Optional

from journeyctl.core.findings import Finding
from journeyctl.core.positions import SourceMap
from journeyctl.rules import RULES, find_rule

UNUSED = "I001"
_MARKER = "journeyctl:"
_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#[ \t]*journeyctl:[ \t]*")
_DIRECTIVE = re.compile(r"(?P<kind>ignore|ignore-file)\[(?P<codes>[^\]\n]*)\]")
_CODE = re.compile(r"[^,\s]+")


@dataclass
class Suppression:
    """One comment's suppression: the rules it names, where, and which of them silenced something."""

    line: int
    column: int
    first: int
    last: int
    codes: dict[str, int]  # rule code -> column of the code as written
    whole_file: bool = False
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        return finding.code in self.codes and (self.whole_file or self.first <= finding.line <= self.last)


@dataclass(frozen=True)
class Notice:
    """Something to report about a suppression comment (as I001), at a 1-based position."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Removal:
    """How to take one rule out of a suppression comment: cut the text from `start` to `end` (indexes)."""

    start: int
    end: int
    written: str  # the rule's code or name, as the comment writes it
    whole: bool  # the comment named nothing else, and goes


def may_have_directives(text: str) -> bool:
    """Cheap test: does `journeyctl:` occur besides the header (or after a `#` before it)?"""
    first = text.find(_MARKER)
    return first != -1 and (text.find(_MARKER, first + 1) != -1 or text.rfind("#", 0, first) != -1)


def find_suppressions(text: str, source: SourceMap) -> tuple[list[Suppression], list[Notice]]:
    """The suppression comments of a map, and notices about the ones that are not usable."""
    suppressions: list[Suppression] = []
    notices: list[Notice] = []
    lines = text.split("\n")
    for line, line_text in enumerate(lines, 1):
        match = _comment(line_text, line, source) if _MARKER in line_text else None
        if match is None:
            continue
        column = match.start() + 1
        directive = _DIRECTIVE.match(line_text, match.end())
        if directive is None:
            notices.append(
                Notice(
                    line,
                    column,
                    (
                        "This `# journeyctl:` comment is not understood: write `# "
                        "journeyctl: ignore[CODE]` or `# journeyctl: ignore-file[CODE]`."
                    ),
                )
            )
            continue
        codes_at = directive.start("codes") + 1
        codes = _codes(directive["codes"], line, codes_at, notices)
        if not codes:
            continue
        if directive["kind"] == "ignore-file":
            suppressions.append(Suppression(line, column, 1, len(lines), codes, whole_file=True))
            continue
        target = _target_line(lines, line, column)
        suppressions.append(Suppression(line, column, target, source.block_end(target), codes))
    return suppressions, notices


def _comment(line_text: str, line: int, source: SourceMap) -> re.Match[str] | None:
    """The first `# journeyctl:` of a line that is a comment, not text inside a value."""
    for match in _COMMENT.finditer(line_text):
        if not source.in_scalar(line, match.start() + 1):
            return match
    return None


def _codes(written: str, line: int, column: int, notices: list[Notice]) -> dict[str, int]:
    codes: dict[str, int] = {}
    for item in _CODE.finditer(written):
        rule, at = find_rule(item.group()), column + item.start()
        if rule is None:
            notices.append(
                Notice(
                    line,
                    at,
                    f"`{item.group()}` in this suppression is not a rule code or name (see `journeyctl rules`).",
                )
            )
        elif rule.code == UNUSED:
            notices.append(
                Notice(line, at, f"{UNUSED} cannot be silenced in a comment: turn it off with the `ignore` setting.")
            )
        else:
            codes.setdefault(rule.code, at)
    if not _CODE.search(written):
        notices.append(
            Notice(
                line,
                column,
                "This suppression names no rule: write the codes to silence, like `# journeyctl: ignore[W104]`.",
            )
        )
    return codes


def _target_line(lines: list[str], line: int, column: int) -> int:
    """The comment's own line, or for a comment alone on its line the next line with content."""
    if lines[line - 1][: column - 1].strip():
        return line
    for number in range(line + 1, len(lines) + 1):
        content = lines[number - 1].strip()
        if content and not content.startswith("#"):
            return number
    return line


def silence(findings: Iterable[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """The findings no suppression covers; marks each suppression's rules that silenced something."""
    kept = []
    for finding in findings:
        covering = [suppression for suppression in suppressions if suppression.covers(finding)]
        for suppression in covering:
            suppression.used.add(finding.code)
        if not covering:
            kept.append(finding)
    return kept


def unused(suppressions: list[Suppression]) -> list[Notice]:
    """A notice for each rule a suppression names that silenced nothing."""
    notices = []
    for suppression in suppressions:
        for code, column in suppression.codes.items():
            if code not in suppression.used:
                rule = f"{code} {RULES[code].name}"
                notices.append(
                    Notice(
                        suppression.line,
                        column,
                        (
                            f"{rule} is not reported {_scope(suppression)}, so "
                            "this suppression silences nothing: remove it."
                        ),
                    )
                )
    return notices


def _scope(suppression: Suppression) -> str:
    if suppression.whole_file:
        return "in this file"
    if suppression.first == suppression.last:
        return f"on line {suppression.first}"
    return f"on lines {suppression.first}-{suppression.last}"


def removal(text: str, source: SourceMap, line: int, column: int) -> Optional[Removal]:
    """How to take the rule written at a 1-based (line, column) out of its suppression comment: that code
    alone, or the whole comment when it names nothing else (with its line when it stands alone on it)."""
    lines = text.split("\n")
    line_text = lines[line - 1] if 1 <= line <= len(lines) else ""
    comment = _comment(line_text, line, source) if _MARKER in line_text else None
    directive = _DIRECTIVE.match(line_text, comment.end()) if comment is not None else None
    if comment is None or directive is None:
        return None
    items = list(_CODE.finditer(line_text, directive.start("codes"), directive.end("codes")))
    index = next((i for i, item in enumerate(items) if item.start() + 1 == column), None)
    if index is None:
        return None
    at, item = len("\n".join(lines[: line - 1])) + (line > 1), items[index]
    if len(items) > 1:  # from this code to the next one, or from the one before to this one
        start, end = (
            (item.start(), items[index + 1].start()) if index + 1 < len(items) else (items[-2].end(), item.end())
        )
        return Removal(at + start, at + end, item.group(), whole=False)
    content_end = len(line_text.rstrip("\r"))
    rest = line_text[directive.end() : content_end]
    if rest.lstrip().startswith("#"):  # another comment follows on the line: it stays
        return Removal(at + comment.start(), at + content_end - len(rest.lstrip()), item.group(), whole=True)
    before = line_text[: comment.start()]
    if before.strip():
        return Removal(at + len(before.rstrip()), at + content_end, item.group(), whole=True)
    return Removal(at, min(at + len(line_text) + 1, len(text)), item.group(), whole=True)
