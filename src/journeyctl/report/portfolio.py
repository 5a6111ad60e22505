"""The portfolio: every map's summary brought together into the report's sections.

pareto (pareto.py), actions by owner, the prioritisation matrix, the moments
that matter and map health, plus which `--fail-on` conditions hold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from journeyctl.report.pareto import Pareto, rank
from journeyctl.report.summary import (
    DEFAULT_MOMENTS,
    MapHealth,
    MapSummary,
    OpportunitySummary,
    Skipped,
    TouchpointSummary,
    moment_order,
)

SECTIONS = ("pareto", "actions", "matrix", "moments", "health")
FAIL_ON = ("overdue", "stale", "unaddressed-vital")
STATUSES = ("idea", "planned", "in-progress", "done", "dropped")
# name, label, high impact, low effort: impact >= 4 is high, effort <= 2 is low.
QUADRANTS = (
    ("quick-win", "Quick wins", True, True),
    ("big-bet", "Big bets", True, False),
    ("fill-in", "Fill-ins", False, True),
    ("time-sink", "Time sinks", False, False),
)


@dataclass(frozen=True)
class ReportOptions:
    """What the report shows and what fails it."""

    today: date
    sections: tuple[str, ...] = SECTIONS
    weight: str = "occurrences"
    by: str = "pain-point"
    owner: Optional[str] = None
    moments: int = DEFAULT_MOMENTS
    fail_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class Action:
    """An open opportunity: overdue or not, and its quadrant when it has both impact and effort."""

    opportunity: OpportunitySummary
    overdue: bool
    quadrant: Optional[str]


@dataclass(frozen=True)
class OwnerGroup:
    """The open opportunities of one owner (None: nobody owns them), by due date."""

    owner: Optional[str]
    actions: tuple[Action, ...]


@dataclass(frozen=True)
class Quadrant:
    name: str
    label: str
    actions: tuple[Action, ...]


@dataclass(frozen=True)
class Moment:
    """A critical or low touchpoint; `lowest` when it is among the --moments lowest."""

    touchpoint: TouchpointSummary
    lowest: bool


@dataclass(frozen=True)
class Portfolio:
    """Everything the report shows, computed once for every format."""

    options: ReportOptions
    maps: tuple[MapHealth, ...]
    skipped: tuple[Skipped, ...]
    pareto: Pareto
    groups: tuple[OwnerGroup, ...]
    statuses: dict[str, int]
    quadrants: tuple[Quadrant, ...]
    unrated: int
    moments: tuple[Moment, ...]
    failures: dict[str, int] = field(default_factory=dict)

    @property
    def actions(self) -> tuple[Action, ...]:
        """Every listed action, owner by owner."""
        return tuple(action for group in self.groups for action in group.actions)

    @property
    def failed(self) -> tuple[str, ...]:
        """The --fail-on conditions that hold."""
        return tuple(kind for kind in self.options.fail_on if self.failures.get(kind))

    def failure_reasons(self) -> list[str]:
        """One sentence per --fail-on condition that holds."""
        words = {
            "overdue": ("overdue opportunity", "overdue opportunities"),
            "stale": ("stale map", "stale maps"),
            "unaddressed-vital": (
                "vital-few pain point that no open or done opportunity addresses",
                "vital-few pain points that no open or done opportunity addresses",
            ),
        }
        reasons = []
        for kind in self.failed:
            count = self.failures[kind]
            reasons.append(f"--fail-on {kind}: {count:,} {words[kind][0] if count == 1 else words[kind][1]}.")
        return reasons


def build_portfolio(summaries: Iterable[MapSummary], options: ReportOptions) -> Portfolio:
    """The report of the summaries, in the order their files were named."""
    summaries = list(summaries)
    reported = [summary for summary in summaries if summary.health is not None]
    pareto = rank((pain for s in reported for pain in s.pain_points), options.weight, options.by)
    owned = [o for s in reported for o in s.opportunities if _owned_by(o, options.owner)]
    listed = [_action(o, options.today) for o in owned if o.open]
    groups = _groups(listed)
    maps = tuple(s.health for s in reported if s.health is not None)
    return Portfolio(
        options=options,
        maps=maps,
        skipped=tuple(s.skipped for s in summaries if s.skipped is not None),
        pareto=pareto,
        groups=groups,
        statuses={status: sum(o.status == status for o in owned) for status in STATUSES},
        quadrants=tuple(
            Quadrant(name, label, tuple(sorted((a for a in listed if a.quadrant == name), key=_rating_order)))
            for name, label, _, _ in QUADRANTS
        ),
        unrated=sum(action.quadrant is None for action in listed),
        moments=_moments([t for s in reported for t in s.touchpoints], options.moments),
        failures={
            "overdue": sum(action.overdue for action in listed),
            "stale": sum(health.stale for health in maps),
            "unaddressed-vital": sum(len(row.unaddressed) for row in pareto.vital),
        },
    )


def quadrant(impact: Optional[int], effort: Optional[int]) -> Optional[str]:
    """quick-win (impact >= 4, effort <= 2), big-bet, fill-in or time-sink; None without both ratings."""
    if impact is None or effort is None:
        return None
    return next(name for name, _, high, low in QUADRANTS if (impact >= 4) == high and (effort <= 2) == low)


def _action(opportunity: OpportunitySummary, today: date) -> Action:
    overdue = opportunity.due is not None and opportunity.due < today
    return Action(opportunity, overdue, quadrant(opportunity.impact, opportunity.effort))


def _owned_by(opportunity: OpportunitySummary, owner: Optional[str]) -> bool:
    """`--owner` matches an owner's whole name, ignoring case and extra spaces."""
    if owner is None:
        return True
    return opportunity.owner is not None and _name_key(opportunity.owner) == _name_key(owner)


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _groups(actions: list[Action]) -> tuple[OwnerGroup, ...]:
    """Unowned first (a problem to solve), then owners by name; each by due date, undated last.

    Owners are told apart as `--owner` tells them: `Hannah  Lee` and `hannah lee` are one
    person, shown as first written.
    """
    by_owner: dict[str, list[Action]] = {}
    names: dict[str, Optional[str]] = {}
    for action in actions:
        owner = action.opportunity.owner
        key = _name_key(owner) if owner else ""
        names.setdefault(key, " ".join(owner.split()) if owner else None)
        by_owner.setdefault(key, []).append(action)
    return tuple(
        OwnerGroup(names[key], tuple(sorted(by_owner[key], key=_due_order)))
        for key in sorted(by_owner, key=lambda key: (key != "", key))
    )


def _rating_order(action: Action) -> tuple[int, int, bool, date, str, str]:
    """Within a quadrant: most impact first, then least effort, then by due date."""
    opportunity = action.opportunity
    return (-(opportunity.impact or 0), opportunity.effort or 0, *_due_order(action))


def _due_order(action: Action) -> tuple[bool, date, str, str]:
    opportunity = action.opportunity
    return (opportunity.due is None, opportunity.due or date.max, opportunity.map, opportunity.id)


def _moments(touchpoints: list[TouchpointSummary], lowest: int) -> tuple[Moment, ...]:
    """Every critical touchpoint and the `lowest` lowest on the common 0..1 footing, lowest first."""
    order = sorted(range(len(touchpoints)), key=lambda i: moment_order(touchpoints[i]))
    low = set([i for i in order if touchpoints[i].emotion is not None][:lowest])
    return tuple(Moment(touchpoints[i], i in low) for i in order if touchpoints[i].critical or i in low)
