"""Fixes: text edits that make a finding go away without changing what the map says in a way the user did not ask for.

Only findings whose fix is certain have one (each rule's docstring says so,
under "Fixable:"): an unknown key (E011) or reference (E021) that is a
near-miss (a slip of a letter or two) of exactly one of the keys or ids it may
be meant as; an enum value (E012) or a channel (W110) in the wrong case or with
spaces; a rule a suppression names that silences nothing (I001). Never a guess
between two candidates. A fix replaces the text between two 1-based (line,
column) places, lines counted as the loader counts them; `lint --fix` splices
it into the file, the language server offers it as a quick fix.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Callable, Optional

from journeyctl.check.service import Checked, Checker
from journeyctl.check.suppressions import UNUSED, removal
from journeyctl.core.findings import Finding
from journeyctl.core.positions import Path
from journeyctl.model import JourneyMap
from journeyctl.model.spelling import near_misses
from journeyctl.model.validation import choices, key_candidates
from journeyctl.model.walk import identified_items, value_at
from journeyctl.rules import find_rule
from journeyctl.rules.e021_unknown_reference import REFERENCED, candidates
from journeyctl.source.lines import Place, TextLines

# Text that YAML reads back as this very text when written without quotes.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_NOT_TEXT = frozenset({"null", "true", "false"})


@dataclass(frozen=True)
class Fix:
    """Replace the text from `start` to `end` by `replacement`, which changes the key or value at `path`
    (the key itself, `on_key`) to `value`; a fix with no `value` leaves the data as it is (a comment)."""

    finding: Finding
    start: Place
    end: Place
    replacement: str
    title: str
    path: Path = ()
    on_key: bool = False
    value: Optional[str] = None


@dataclass(frozen=True)
class _Site:
    """A finding in its file, with what its fixer may read."""

    checked: Checked
    finding: Finding
    checker: Checker
    lines: TextLines

    @property
    def data(self) -> dict[str, Any]:
        assert self.checked.document is not None
        return self.checked.document.data

    def path(self, on_key: bool) -> Optional[Path]:
        """The data path of the key (or value) the finding points at."""
        assert self.checked.document is not None
        at = self.checked.document.source.path_at(self.finding.line, self.finding.column)
        return at[0] if at is not None and at[1] == on_key and at[0] else None

    def text_value(self) -> tuple[Optional[Path], str]:
        """The path of the value the finding points at, and the value when it is text."""
        path = self.path(on_key=False)
        value = value_at(self.data, path) if path is not None else None
        return path, value if isinstance(value, str) else ""


def fix_for(checked: Checked, finding: Finding, checker: Checker) -> Optional[Fix]:
    """The fix of one finding of a checked file, if it has a certain one."""
    return _fix(_Site(checked, finding, checker, TextLines(checked.text)))


def fixes(checked: Checked, checker: Checker) -> list[Fix]:
    """Every fix of a checked file's findings, in the order of the findings."""
    lines = TextLines(checked.text)
    found = (_fix(_Site(checked, finding, checker, lines)) for finding in checked.findings)
    return [fix for fix in found if fix is not None]


def apply_fixes(text: str, found: Iterable[Fix]) -> tuple[str, list[Fix]]:
    """The text with the fixes spliced in, and the fixes applied: a fix that overlaps one before it
    waits for the next round (the text it would edit is changing)."""
    lines = TextLines(text)
    edits = sorted(((lines.offset(fix.start), lines.offset(fix.end), fix) for fix in found), key=lambda e: e[:2])
    pieces, applied, done = [], [], 0
    for start, end, fix in edits:
        if start < done:
            continue
        pieces += [text[done:start], fix.replacement]
        applied.append(fix)
        done = end
    return "".join([*pieces, text[done:]]), applied


def expected_data(data: dict[str, Any], applied: Sequence[Fix]) -> dict[str, Any]:
    """The data a map should load to once the fixes are applied: what each fix means to change, and nothing else."""
    result = copy.deepcopy(data)
    # Deepest first: a key renamed above a changed value would move the value's path.
    for fix in sorted(applied, key=lambda fix: len(fix.path), reverse=True):
        container = value_at(result, fix.path[:-1])
        if fix.value is None or not isinstance(container, (dict, list)):
            continue
        if fix.on_key and isinstance(container, dict):
            items = list(container.items())
            container.clear()
            container.update((fix.value if key == fix.path[-1] else key, item) for key, item in items)
        else:
            container[fix.path[-1]] = fix.value  # type: ignore[index]
    return result


def _fix(site: _Site) -> Optional[Fix]:
    fixer = _FIXERS.get(site.finding.code)
    return fixer(site) if fixer is not None and site.checked.document is not None else None


def _unknown_key(site: _Site) -> Optional[Fix]:
    path = site.path(on_key=True)
    if path is None:
        return None
    found = near_misses(str(path[-1]), key_candidates(site.data, path))
    siblings = value_at(site.data, path[:-1])
    if len(found) != 1 or not isinstance(siblings, dict) or found[0] in siblings:
        return None
    return _change(site, path, found[0], on_key=True)


def _choice(site: _Site) -> Optional[Fix]:
    path, value = site.text_value()
    if path is None or not value:
        return None
    return _normalised(site, path, value, frozenset(choices(site.data, path)))


def _channel(site: _Site) -> Optional[Fix]:
    path, value = site.text_value()
    if path is None or path[-1] != "channel" or not value:
        return None
    return _normalised(site, path, value, site.checker.settings.channels)


def _normalised(site: _Site, path: Path, value: str, allowed: Iterable[str]) -> Optional[Fix]:
    """The fix of a value that is an allowed one in another case or with spaces (`In Progress`)."""
    normal = "-".join(value.lower().split())
    return _change(site, path, normal) if normal != value and normal in allowed else None


def _reference(site: _Site) -> Optional[Fix]:
    path, value = site.text_value()
    model = site.checked.model
    if path is None or not value or not isinstance(model, JourneyMap):
        return None  # ids of a map that does not validate are not all known: no guess
    listed = len(path) > 1 and isinstance(path[-1], int) and path[-2] in REFERENCED and path[-2] != "persona"
    key = "persona" if path == ("persona",) else str(path[-2]) if listed else ""
    if not key or any(item.id == value for _, _, item in identified_items(model)):
        return None  # an id of the wrong kind of item is not a typo
    found = candidates(model, key, value, site.checker.context(model, site.checked.path))
    ident = value.rsplit("#", 1)[-1]  # in a persona library's reference, the persona's id is what may be mistyped
    found = [ref for ref in found if near_misses(ident, [ref.rsplit("#", 1)[-1]])]
    return _change(site, path, found[0]) if len(found) == 1 else None


def _unused_suppression(site: _Site) -> Optional[Fix]:
    checked, finding = site.checked, site.finding
    assert checked.document is not None
    cut = removal(checked.text, checked.document.source, finding.line, finding.column)
    if cut is None or not _silences_nothing(site, cut.written):
        return None
    title = "Remove the unused suppression" if cut.whole else f"Remove `{cut.written}` from the suppression"
    return Fix(finding, site.lines.place(cut.start), site.lines.place(cut.end), "", title)


def _silences_nothing(site: _Site, written: str) -> bool:
    """Whether a rule named in a suppression can silence nothing here, whatever the map's other errors.

    An unknown code may be a typo of the rule meant; a rule that did not run (turned
    off, or waiting for a valid map) may yet have findings to silence.
    """
    rule, checked, checker = find_rule(written), site.checked, site.checker
    if rule is None or rule.code == UNUSED:
        return rule is not None  # I001 itself can never be silenced in a comment
    return (
        (rule.check is None or rule in checker.rules)
        and checked.model is not None
        and checked.document is not None
        and checked.document.kind in rule.kinds
        and checker.settings.enabled(rule.code, checked.path)
    )


def _change(site: _Site, path: Path, value: str, on_key: bool = False) -> Optional[Fix]:
    """The fix that writes `value` over the key or value at `path`, in the quotes it was written in."""
    assert site.checked.document is not None
    span = site.checked.document.source.span(path, on_key)
    if span is None or span[0][0] != span[1][0]:
        return None  # a value over several lines is not rewritten
    written = site.checked.text[site.lines.offset(span[0]) : site.lines.offset(span[1])]
    return Fix(site.finding, span[0], span[1], _spelled(value, written), f"Change to `{value}`", path, on_key, value)


def _spelled(value: str, written: str) -> str:
    """`value` as YAML text, quoted as `written` was (and quoted anyway when plain text would not read back)."""
    if written.startswith("'"):
        return "'" + value.replace("'", "''") + "'"
    if written.startswith('"') or not _PLAIN.fullmatch(value) or value.lower() in _NOT_TEXT:
        return json.dumps(value, ensure_ascii=False)
    return value


_FIXERS: dict[str, Callable[[_Site], Optional[Fix]]] = {
    "E011": _unknown_key,
    "E012": _choice,
    "E021": _reference,
    "W110": _channel,
    UNUSED: _unused_suppression,
}
FIXABLE = frozenset(_FIXERS)
