"""The report's options from the command line, checked: a bad value is a usage error that says what is allowed."""

from __future__ import annotations

from datetime import date
from typing import Optional

from journeyctl.core.errors import UsageError
from journeyctl.report.pareto import GROUPINGS, WEIGHTS
from journeyctl.report.portfolio import FAIL_ON, SECTIONS, ReportOptions


def report_options(
    today: date,
    sections: Optional[list[str]],
    weight: str,
    by: str,
    owner: Optional[str],
    moments: int,
    fail_on: Optional[list[str]],
) -> ReportOptions:
    """ReportOptions from the options' values; sections come out in the report's own order."""
    chosen = _choices("--section", sections, SECTIONS) if sections else SECTIONS
    _one_of("--weight", weight, WEIGHTS)
    _one_of("--by", by, GROUPINGS)
    if owner is not None and not owner.strip():
        raise UsageError("--owner needs a name.")
    return ReportOptions(
        today=today,
        sections=tuple(name for name in SECTIONS if name in chosen),
        weight=weight,
        by=by,
        owner=owner,
        moments=moments,
        fail_on=tuple(name for name in FAIL_ON if name in _choices("--fail-on", fail_on or [], FAIL_ON)),
    )


def _choices(option: str, values: list[str], allowed: tuple[str, ...]) -> tuple[str, ...]:
    """Comma-separated values, each of them allowed (repeating the option adds to the list)."""
    found = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    for name in found:
        _one_of(option, name, allowed)
    if values and not found:
        raise UsageError(f"{option} needs one or more of: {', '.join(allowed)}.")
    return found


def _one_of(option: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise UsageError(f"{option} must be one of {', '.join(allowed)}, not `{value}`.")
