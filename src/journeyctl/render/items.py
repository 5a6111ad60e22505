"""Views of the items shown on a map: persona, sources, pain points, opportunities, metrics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional, Union

from journeyctl.model import Metric, Opportunity, PainPoint, Persona, Source
from journeyctl.render.links import safe_link

SEVERITIES = ("critical", "high", "medium", "low")
# Work in progress first, then what is planned, ideas, and closed items last.
STATUS_ORDER = ("in-progress", "planned", "idea", "done", "dropped")
STATUS_LABELS = {
    "idea": "Idea",
    "planned": "Planned",
    "in-progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}
_KIND_LABELS = {"crm": "CRM"}
# Units written right after the number; any other unit follows a space.
_TIGHT_UNITS = ("%", "\u2030")

Where = tuple[str, str]


@dataclass(frozen=True)
class PersonaView:
    """The persona card."""

    name: str
    role: Optional[str]
    description: Optional[str]
    quote: Optional[str]
    demographics: tuple[tuple[str, str], ...]
    goals: tuple[str, ...]
    motivations: tuple[str, ...]
    frustrations: tuple[str, ...]


@dataclass(frozen=True)
class SourceView:
    """A piece of evidence; `href` is None unless it is a safe link."""

    id: str
    kind: str
    kind_label: str
    title: str
    date: Optional[str]
    href: Optional[str]


@dataclass(frozen=True)
class Reference:
    """Another item of the map, by id (an anchor on the page) and its description."""

    id: str
    text: str


@dataclass(frozen=True)
class PainView:
    """A pain point, with where it happens and which opportunities address it."""

    id: str
    description: str
    severity: str
    severity_label: str
    occurrences: Optional[int]
    tags: tuple[str, ...]
    evidence: tuple[SourceView, ...]
    addressed_by: tuple[Reference, ...]
    stage: str
    touchpoint: str
    sort_key: tuple[int, int]


@dataclass(frozen=True)
class OpportunityView:
    """An opportunity: its status, owner, due date, and whether it is open or overdue."""

    id: str
    description: str
    status: str
    status_label: str
    open: bool
    overdue: bool
    owner: Optional[str]
    due: Optional[str]
    impact: Optional[int]
    effort: Optional[int]
    rating: str
    expected_outcome: Optional[str]
    addresses: tuple[Reference, ...]
    stage: str
    touchpoint: str
    sort_key: tuple[int, str]


@dataclass(frozen=True)
class MetricView:
    """A metric against its target; `met` is None without a target."""

    name: str
    value: str
    target: Optional[str]
    target_label: Optional[str]
    met: Optional[bool]
    status_label: str
    stage: str
    touchpoint: str


def number(value: Union[int, float]) -> str:
    """A number as people write it: 71, 3.5, -0.25 (never 71.0 or 1e+06)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.15g}" if isinstance(value, float) else str(value)


def persona_view(persona: Persona) -> PersonaView:
    """The persona card; demographics keep the map's order, with readable labels."""
    return PersonaView(
        name=persona.name,
        role=persona.role,
        description=persona.description,
        quote=persona.quote,
        demographics=tuple(
            (key.replace("_", " ").capitalize(), value if isinstance(value, str) else number(value))
            for key, value in (persona.demographics or {}).items()
        ),
        goals=tuple(persona.goals),
        motivations=tuple(persona.motivations),
        frustrations=tuple(persona.frustrations),
    )


def source_view(source: Source) -> SourceView:
    """The view of one source of evidence."""
    return SourceView(
        id=source.id,
        kind=source.kind,
        kind_label=_KIND_LABELS.get(source.kind, source.kind.capitalize()),
        title=source.title or source.id,
        date=source.date.isoformat() if source.date else None,
        href=safe_link(source.url),
    )


def pain_view(
    pain: PainPoint, where: Where, evidence: tuple[SourceView, ...], addressed_by: tuple[Reference, ...]
) -> PainView:
    """The view of a pain point; sorts (stably, so ties keep map order) by severity, then most occurrences."""
    rank = SEVERITIES.index(pain.severity)
    return PainView(
        id=pain.id,
        description=pain.description,
        severity=pain.severity,
        severity_label=pain.severity.capitalize(),
        occurrences=pain.occurrences,
        tags=tuple(pain.tags),
        evidence=evidence,
        addressed_by=addressed_by,
        stage=where[0],
        touchpoint=where[1],
        sort_key=(rank, -(pain.occurrences if pain.occurrences is not None else -1)),
    )


def opportunity_view(
    opportunity: Opportunity, where: Where, today: date, addresses: tuple[Reference, ...]
) -> OpportunityView:
    """The view of an opportunity; sorts (stably) by status, then due date, undated last."""
    open_ = opportunity.status in ("idea", "planned", "in-progress")
    due = opportunity.due.isoformat() if opportunity.due else None
    return OpportunityView(
        id=opportunity.id,
        description=opportunity.description,
        status=opportunity.status,
        status_label=STATUS_LABELS[opportunity.status],
        open=open_,
        overdue=open_ and opportunity.due is not None and opportunity.due < today,
        owner=opportunity.owner,
        due=due,
        impact=opportunity.impact,
        effort=opportunity.effort,
        rating=rating_label(opportunity.impact, opportunity.effort),
        expected_outcome=opportunity.expected_outcome,
        addresses=addresses,
        stage=where[0],
        touchpoint=where[1],
        sort_key=(STATUS_ORDER.index(opportunity.status), due or "9999-99-99"),
    )


def rating_label(impact: Optional[int], effort: Optional[int]) -> str:
    """`Impact 4 of 5, effort 2 of 5`, or the one given; "" for neither."""
    parts = [f"{name} {value} of 5" for name, value in (("impact", impact), ("effort", effort)) if value is not None]
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def metric_view(metric: Metric, where: Where) -> MetricView:
    """The view of a metric; `better: lower` means at or below the target is met."""
    value = _with_unit(metric.value, metric.unit)
    if metric.target is None:
        return MetricView(metric.name, value, None, None, None, "No target", *where)
    lower = metric.better == "lower"
    met = metric.value <= metric.target if lower else metric.value >= metric.target
    target = _with_unit(metric.target, metric.unit)
    label = "On target" if met else ("Above target" if lower else "Below target")
    return MetricView(metric.name, value, target, ("at most " if lower else "at least ") + target, met, label, *where)


def _with_unit(value: float, unit: Optional[str]) -> str:
    if not unit:
        return number(value)
    return number(value) + ("" if unit in _TIGHT_UNITS else " ") + unit
