"""The tables `export` writes (CSV, and the sheets of XLSX): their documented
columns, and a map's rows. The touchpoints table is also what `import` reads
back: every header here is one of import's synonyms for its field."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Callable, Optional

from journeyctl.exchange.cells import one_line
from journeyctl.exchange.csvfile import Value
from journeyctl.model import JourneyMap, Opportunity, PainPoint, Stage, Touchpoint
from journeyctl.model.walk import opportunities


@dataclass(frozen=True)
class Place:
    """One row's subject: a touchpoint (None for a stage without any), and a pain point or opportunity."""

    journey: JourneyMap
    stage: Stage
    touchpoint: Optional[Touchpoint]
    pain: Optional[PainPoint] = None
    opportunity: Optional[Opportunity] = None
    addressed_by: tuple[str, ...] = ()


Column = tuple[str, Callable[[Place], Value]]


def _lines(values: list[str]) -> str:
    """A list in one cell, an item a line (an item's own line breaks become spaces)."""
    return "\n".join(one_line(value) for value in values)


def _touchpoint(read: Callable[[Touchpoint], Value]) -> Callable[[Place], Value]:
    return lambda place: read(place.touchpoint) if place.touchpoint is not None else None


_WHERE: tuple[Column, ...] = (
    ("Journey ID", lambda p: p.journey.id),
    ("Journey", lambda p: p.journey.title),
    ("Stage ID", lambda p: p.stage.id),
    ("Stage", lambda p: p.stage.name),
    ("Touchpoint ID", _touchpoint(lambda t: t.id)),
    ("Touchpoint", _touchpoint(lambda t: t.name)),
)
TOUCHPOINTS: tuple[Column, ...] = (
    *_WHERE,
    ("Channel", _touchpoint(lambda t: t.channel)),
    ("Owner", _touchpoint(lambda t: t.owner)),
    ("Doing", _touchpoint(lambda t: t.doing)),
    ("Thinking", _touchpoint(lambda t: t.thinking)),
    ("Feeling", _touchpoint(lambda t: t.feeling)),
    ("Emotion", _touchpoint(lambda t: t.emotion)),
    ("Scale min", lambda p: p.journey.scale.min),
    ("Scale max", lambda p: p.journey.scale.max),
    ("Critical", _touchpoint(lambda t: t.critical)),
    ("Backstage", _touchpoint(lambda t: _lines(t.backstage))),
    ("Pain points", _touchpoint(lambda t: _lines([pain.description for pain in t.pain_points]))),
    ("Pain point IDs", _touchpoint(lambda t: _lines([pain.id for pain in t.pain_points]))),
    ("Opportunities", _touchpoint(lambda t: _lines([o.description for o in t.opportunities]))),
    ("Opportunity IDs", _touchpoint(lambda t: _lines([o.id for o in t.opportunities]))),
)
PAIN_POINTS: tuple[Column, ...] = (
    *_WHERE,
    ("Pain point ID", lambda p: p.pain.id if p.pain else None),
    ("Pain point", lambda p: p.pain.description if p.pain else None),
    ("Severity", lambda p: p.pain.severity if p.pain else None),
    ("Occurrences", lambda p: p.pain.occurrences if p.pain else None),
    ("Evidence", lambda p: _lines(p.pain.evidence) if p.pain else None),
    ("Tags", lambda p: _lines(p.pain.tags) if p.pain else None),
    ("Addressed by", lambda p: _lines(list(p.addressed_by))),
)
OPPORTUNITIES: tuple[Column, ...] = (
    *_WHERE,
    ("Opportunity ID", lambda p: p.opportunity.id if p.opportunity else None),
    ("Opportunity", lambda p: p.opportunity.description if p.opportunity else None),
    ("Status", lambda p: p.opportunity.status if p.opportunity else None),
    ("Owner", lambda p: p.opportunity.owner if p.opportunity else None),
    ("Due", lambda p: p.opportunity.due if p.opportunity else None),
    ("Addresses", lambda p: _lines(p.opportunity.addresses) if p.opportunity else None),
    ("Expected outcome", lambda p: p.opportunity.expected_outcome if p.opportunity else None),
    ("Impact", lambda p: p.opportunity.impact if p.opportunity else None),
    ("Effort", lambda p: p.opportunity.effort if p.opportunity else None),
)


def _touchpoint_places(journey: JourneyMap) -> Iterator[Place]:
    for stage in journey.stages:
        if not stage.touchpoints:
            yield Place(journey, stage, None)
        for touchpoint in stage.touchpoints:
            yield Place(journey, stage, touchpoint)


def _pain_places(journey: JourneyMap) -> Iterator[Place]:
    addressed: dict[str, list[str]] = {}
    for _, _, opportunity in opportunities(journey):
        for pain_id in opportunity.addresses:
            addressed.setdefault(pain_id, []).append(opportunity.id)
    for stage in journey.stages:
        for touchpoint in stage.touchpoints:
            for pain in touchpoint.pain_points:
                yield Place(journey, stage, touchpoint, pain=pain, addressed_by=tuple(addressed.get(pain.id, ())))


def _opportunity_places(journey: JourneyMap) -> Iterator[Place]:
    for stage in journey.stages:
        for touchpoint in stage.touchpoints:
            for opportunity in touchpoint.opportunities:
                yield Place(journey, stage, touchpoint, opportunity=opportunity)


@dataclass(frozen=True)
class TableKind:
    """One exported table: the sheet's name, its columns, and which rows a map gives."""

    sheet: str
    columns: tuple[Column, ...]
    places: Callable[[JourneyMap], Iterator[Place]]

    def header(self) -> list[str]:
        return [name for name, _ in self.columns]

    def rows(self, journeys: list[JourneyMap]) -> list[list[Value]]:
        """Every map's rows, in journey order, one map after the other."""
        return [[read(place) for _, read in self.columns] for journey in journeys for place in self.places(journey)]


TABLES = {
    "touchpoints": TableKind("Touchpoints", TOUCHPOINTS, _touchpoint_places),
    "pain-points": TableKind("Pain points", PAIN_POINTS, _pain_places),
    "opportunities": TableKind("Opportunities", OPPORTUNITIES, _opportunity_places),
}
