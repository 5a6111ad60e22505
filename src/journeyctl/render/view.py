"""A plain view model of one map: everything a template shows, computed in Python.

Templates only lay out what is here: curve coordinates, counts, the stale flag,
labels, safe links and the sort orders are all decided in this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from journeyctl.model import JourneyMap, Persona, Stage, Touchpoint, walk
from journeyctl.render.curve import Curve
from journeyctl.render.items import (
    MetricView,
    OpportunityView,
    PainView,
    PersonaView,
    Reference,
    SourceView,
    metric_view,
    opportunity_view,
    pain_view,
    persona_view,
    source_view,
)
from journeyctl.render.mermaid import MermaidSection, mermaid_sections
from journeyctl.render.overview import Overview, OverviewStage, build_overview
from journeyctl.render.parts import MapPart, curve_input, curve_of, split_map
from journeyctl.render.review import ReviewView, review_view

_STATE_LABELS = {"current": "Current journey", "future": "Future journey"}


@dataclass(frozen=True)
class ColumnView:
    """One column of the map: a touchpoint, or the placeholder of a stage without any."""

    id: str
    name: str
    placeholder: bool
    channel: Optional[str] = None
    owner: Optional[str] = None
    critical: bool = False
    doing: Optional[str] = None
    thinking: Optional[str] = None
    feeling: Optional[str] = None
    emotion: Optional[int] = None
    backstage: tuple[str, ...] = ()
    evidence: tuple[SourceView, ...] = ()
    metrics: tuple[MetricView, ...] = ()
    pain_points: tuple[PainView, ...] = ()
    opportunities: tuple[OpportunityView, ...] = ()


@dataclass(frozen=True)
class StageView:
    """A stage: its own fields and its columns."""

    id: str
    number: int
    name: str
    description: Optional[str]
    customer_goal: Optional[str]
    questions: tuple[str, ...]
    next_step: Optional[str]
    columns: tuple[ColumnView, ...]
    continued: bool = False  # a stage too wide for one printed table goes on in the next


@dataclass(frozen=True)
class Counts:
    """The numbers of the summary and of the site index."""

    stages: int
    touchpoints: int
    critical: int
    pain_points: int
    open_opportunities: int
    sources: int


@dataclass(frozen=True)
class MapView:
    """Everything a map's page shows."""

    id: str
    title: str
    description: Optional[str]
    state: str
    state_label: str
    owner: Optional[str]
    tags: tuple[str, ...]
    persona: Optional[PersonaView]
    scale_min: int
    scale_max: int
    stages: tuple[StageView, ...]
    columns: tuple[ColumnView, ...]
    lanes: frozenset[str]
    curve: Curve
    parts: tuple[MapPart, ...]
    overview: Overview
    pain_points: tuple[PainView, ...]
    opportunities: tuple[OpportunityView, ...]
    metrics: tuple[MetricView, ...]
    sources: tuple[SourceView, ...]
    review: ReviewView
    counts: Counts
    mermaid: tuple[MermaidSection, ...]


@dataclass(frozen=True)
class _Lookup:
    """What building one column needs to know about the whole map."""

    sources: dict[str, SourceView]
    pains: dict[str, Reference]
    addressed_by: dict[str, tuple[Reference, ...]]
    today: date


def build_view(
    journey: JourneyMap, persona: Optional[Persona], today: date, columns_per_part: Optional[int] = None
) -> MapView:
    """The view of `journey`, with its resolved persona, as of `today`; its map table
    in parts of at most `columns_per_part` columns (for paper), or in one."""
    lookup = _lookup(journey, today)
    low, high = journey.scale.min, journey.scale.max
    stages = tuple(_stage(number_, stage, lookup) for number_, stage in enumerate(journey.stages, 1))
    columns = tuple(column for stage in stages for column in stage.columns)
    touchpoints = [column for column in columns if not column.placeholder]
    pains = [pain for column in touchpoints for pain in column.pain_points]
    opportunities = [opportunity for column in touchpoints for opportunity in column.opportunities]
    overview_stages = [OverviewStage(s.id, s.number, s.name, tuple(map(curve_input, s.columns))) for s in stages]
    return MapView(
        id=journey.id,
        title=journey.title,
        description=journey.description,
        state=journey.state,
        state_label=_STATE_LABELS[journey.state],
        owner=journey.owner,
        tags=tuple(journey.tags),
        persona=persona_view(persona) if persona else None,
        scale_min=low,
        scale_max=high,
        stages=stages,
        columns=columns,
        lanes=_lanes(stages),
        curve=curve_of(columns, low, high),
        parts=split_map(stages, low, high, columns_per_part),
        overview=build_overview(overview_stages, low, high),
        pain_points=tuple(sorted(pains, key=lambda pain: pain.sort_key)),
        opportunities=tuple(sorted(opportunities, key=lambda opportunity: opportunity.sort_key)),
        metrics=tuple(metric for column in touchpoints for metric in column.metrics),
        sources=tuple(lookup.sources.values()),
        review=review_view(journey, today),
        counts=Counts(
            stages=len(stages),
            touchpoints=len(touchpoints),
            critical=sum(c.critical for c in touchpoints),
            pain_points=len(pains),
            open_opportunities=sum(o.open for o in opportunities),
            sources=len(lookup.sources),
        ),
        mermaid=mermaid_sections(journey),
    )


def _lookup(journey: JourneyMap, today: date) -> _Lookup:
    addressed: dict[str, list[Reference]] = {}
    for _, _, opportunity in walk.opportunities(journey):
        for pain_id in opportunity.addresses:
            addressed.setdefault(pain_id, []).append(Reference(opportunity.id, opportunity.description))
    return _Lookup(
        sources={source.id: source_view(source) for source in journey.sources},
        pains={pain.id: Reference(pain.id, pain.description) for _, _, pain in walk.pain_points(journey)},
        addressed_by={pain_id: tuple(references) for pain_id, references in addressed.items()},
        today=today,
    )


def _stage(number_: int, stage: Stage, lookup: _Lookup) -> StageView:
    columns = tuple(_column(stage, touchpoint, lookup) for touchpoint in stage.touchpoints)
    return StageView(
        id=stage.id,
        number=number_,
        name=stage.name,
        description=stage.description,
        customer_goal=stage.customer_goal,
        questions=tuple(stage.questions),
        next_step=stage.next_step,
        columns=columns or (ColumnView(id=stage.id, name="No touchpoints yet", placeholder=True),),
    )


def _column(stage: Stage, touchpoint: Touchpoint, lookup: _Lookup) -> ColumnView:
    where = (stage.name, touchpoint.name)
    pains = (
        pain_view(pain, where, _evidence(pain.evidence, lookup), lookup.addressed_by.get(pain.id, ()))
        for pain in touchpoint.pain_points
    )
    opportunities = (
        opportunity_view(item, where, lookup.today, tuple(lookup.pains[i] for i in item.addresses if i in lookup.pains))
        for item in touchpoint.opportunities
    )
    return ColumnView(
        id=touchpoint.id,
        name=touchpoint.name,
        placeholder=False,
        channel=touchpoint.channel,
        owner=touchpoint.owner,
        critical=touchpoint.critical,
        doing=touchpoint.doing,
        thinking=touchpoint.thinking,
        feeling=touchpoint.feeling,
        emotion=touchpoint.emotion,
        backstage=tuple(touchpoint.backstage),
        evidence=_evidence(touchpoint.evidence, lookup),
        metrics=tuple(metric_view(metric, where) for metric in touchpoint.metrics),
        pain_points=tuple(sorted(pains, key=lambda pain: pain.sort_key)),
        opportunities=tuple(opportunities),
    )


def _evidence(ids: list[str], lookup: _Lookup) -> tuple[SourceView, ...]:
    # A reference to no source (possible only for maps that skipped lint's E021) shows its id, unlinked.
    return tuple(lookup.sources.get(i) or SourceView(i, "other", "Other", i, None, None) for i in ids)


def _lanes(stages: tuple[StageView, ...]) -> frozenset[str]:
    """The optional rows of the map that have content somewhere."""
    columns = [column for stage in stages for column in stage.columns]
    lanes = (
        "channel",
        "doing",
        "thinking",
        "feeling",
        "backstage",
        "evidence",
        "metrics",
        "pain_points",
        "opportunities",
    )
    present = {lane for lane in lanes if any(getattr(column, lane) for column in columns)}
    present |= {lane for lane in ("customer_goal", "questions", "next_step") if any(getattr(s, lane) for s in stages)}
    if any(column.emotion is not None for column in columns):
        present.add("emotion")
    return frozenset(present)
