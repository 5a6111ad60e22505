"""`journeyctl lint --fix` and `--diff`: the engine's fixes (check/fixes.py) spliced into each file's text.

Comments and layout are kept: a fix replaces a few characters. After each round
the text is checked again: it must load, to the very data the fixes mean
(nothing else changed), or the file is left as it was. A fix can reveal another
(a renamed key makes a map valid, and then its references can be checked), so
rounds go on until none applies. A file in fmt's canonical layout stays in it
(a renamed key may belong elsewhere), so that `fmt` and `--fix` never fight.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NoReturn, TextIO

from journeyctl.check.fixes import Fix, apply_fixes, expected_data, fixes
from journeyctl.check.service import Checked, Checker
from journeyctl.core.errors import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, JourneyctlError
from journeyctl.core.findings import FileResult, format_finding
from journeyctl.core.textsafety import terminal_text
from journeyctl.formatter.engine import format_text
from journeyctl.formatter.files import unified_diff
from journeyctl.source.loader import BOM
from journeyctl.system.atomic import write_atomically

# Rounds of fixes at most for one file: each round fixes what the one before revealed.
MAX_ROUNDS = 10


@dataclass
class Fixed:
    """What `--fix` makes of one file: the findings that remain (and how many were fixed), the text before and after."""

    result: FileResult
    before: str = ""
    after: str = ""
    message: str = ""  # why the file was left as it was
    failed: bool = False
    loaded: bool = True


@dataclass(frozen=True)
class FixFile:
    """Fix one checked file (in a worker process, when there are many), and write it unless `dry_run`."""

    checker: Checker
    dry_run: bool = False

    def __call__(self, checked: Checked) -> Fixed:
        if checked.document is None:  # skipped (not a map), or it did not load: nothing to fix
            return Fixed(checked.result(), loaded=checked.skipped)
        try:
            final, count = fix_checked(checked, self.checker)
            if count and not self.dry_run:
                write_atomically(checked.path, (BOM if checked.bom else b"") + final.text.encode("utf-8"))
        except JourneyctlError as error:
            return Fixed(checked.result(), message=str(error), failed=True)
        result = final.result()
        result.fixed = count
        return Fixed(result, checked.text, final.text)


def fix_checked(checked: Checked, checker: Checker) -> tuple[Checked, int]:
    """The file checked again once every fix applies, and how many were applied; JourneyctlError
    (nothing applied) when a round's result would not load or would mean something else."""
    current, count = checked, 0
    for _ in range(MAX_ROUNDS):
        found = fixes(current, checker)
        if not found:
            break
        current, applied = _round(current, found, checker)
        count += len(applied)
    if count and _canonical(checked):
        current = _formatted(current, checker)
    return current, count


def _round(checked: Checked, found: list[Fix], checker: Checker) -> tuple[Checked, list[Fix]]:
    assert checked.document is not None
    text, applied = apply_fixes(checked.text, found)
    after = checker.check_text(text, checked.path)
    if after.document is None:
        problem = after.findings[0].message.rstrip(".") if after.findings else "it is not a map"
        _refuse(checked.path, f"the result would not load ({problem})")
    if after.document.data != expected_data(checked.document.data, applied):
        _refuse(checked.path, "the data would change beyond the fixes")
    return after, applied


def _canonical(checked: Checked) -> bool:
    """Whether the file was in fmt's canonical layout (a file fmt cannot lay out is not)."""
    try:
        return checked.document is not None and format_text(checked.text, checked.path, checked.document.kind) == (
            checked.text
        )
    except JourneyctlError:
        return False


def _formatted(checked: Checked, checker: Checker) -> Checked:
    """The fixed file in fmt's canonical layout (as it is, when fmt would not lay it out)."""
    assert checked.document is not None
    try:
        text = format_text(checked.text, checked.path, checked.document.kind)
    except JourneyctlError:
        return checked
    return checked if text == checked.text else checker.check_text(text, checked.path)


def _refuse(path: str, reason: str) -> NoReturn:
    raise JourneyctlError(
        f"{path}: not fixed, because {reason}; the file is left as it is. Please report this map as a journeyctl bug."
    )


class FixReport:
    """What `--fix` did, told on `err` as the files' findings pass on to the reporters."""

    def __init__(self, err: TextIO) -> None:
        self.err = err
        self.failed = 0

    def results(self, outcomes: Iterable[Fixed]) -> Iterator[FileResult]:
        """The findings that remain in each file, with the number fixed."""
        for outcome in outcomes:
            self._tell(outcome)
            yield outcome.result

    def diffs(self, outcomes: Iterable[Fixed], out: TextIO) -> int:
        """`--diff`: what `--fix` would change, as unified diffs on `out`; the exit code
        (0 nothing to fix, 1 something, 2 a file that could not be read or fixed)."""
        count = unreadable = 0
        for outcome in outcomes:
            self._tell(outcome)
            if not outcome.loaded:  # nothing to fix, and the user must hear why
                unreadable += outcome.result.unreadable
                self.err.writelines(format_finding(finding) + "\n" for finding in outcome.result.findings)
            if outcome.result.fixed:
                out.writelines(unified_diff(outcome.result.path, outcome.before, outcome.after))
                count += outcome.result.fixed
        self.err.write(f"Would fix {_findings(count)}.\n" if count else "Nothing to fix.\n")
        if self.failed or unreadable:
            return EXIT_ERROR
        return EXIT_FINDINGS if count else EXIT_CLEAN

    def exit_code(self) -> int:
        """2 when a file could not be fixed, else 0 (the findings that remain decide the rest)."""
        return EXIT_ERROR if self.failed else EXIT_CLEAN

    def _tell(self, outcome: Fixed) -> None:
        self.failed += outcome.failed
        if outcome.message:
            self.err.write(f"journeyctl: {terminal_text(outcome.message)}\n")


def _findings(count: int) -> str:
    return f"{count} finding{'s' if count != 1 else ''}"
