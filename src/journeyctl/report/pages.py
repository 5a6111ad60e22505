"""The report as an HTML page or GitHub Markdown, drawn with render's Jinja environment.

As for the map pages, everything a template shows is decided here (labels,
shares, links, chart geometry); templates/report.*.j2 only lay it out, and map
text reaches them only as values (autoescaped in HTML, `md`-escaped in Markdown).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from jinja2 import Environment

from journeyctl.render.environment import render_template
from journeyctl.render.formats import OutputFormat
from journeyctl.render.items import STATUS_LABELS
from journeyctl.report.charts import MatrixChart, ParetoChart, matrix_chart, pareto_chart
from journeyctl.report.columns import percent
from journeyctl.report.pareto import ParetoRow
from journeyctl.report.portfolio import Action, Moment, Portfolio
from journeyctl.report.summary import MapHealth, PainSummary

REPORT_TEMPLATES = {"html": "report.html.j2", "markdown": "report.md.j2"}
_QUADRANT_LABELS = {"quick-win": "Quick win", "big-bet": "Big bet", "fill-in": "Fill-in", "time-sink": "Time sink"}


@dataclass(frozen=True)
class Where:
    """A map item's place: its map (linked to the map's page in a site), stage, touchpoint and id."""

    map: str
    href: Optional[str]
    stage: str
    touchpoint: str
    id: str


@dataclass(frozen=True)
class RowView:
    """A Pareto row; `pain_points` holds (where, description, occurrences) of a tag's pain points."""

    rank: int
    vital: bool
    tag: Optional[str]
    description: str
    where: Optional[Where]
    severity: str
    occurrences: int
    score: int
    share: str
    cumulative: str
    tags: tuple[str, ...]
    addressed_by: tuple[tuple[str, str, str], ...]
    unaddressed: int
    pain_points: tuple[tuple[Where, str, Optional[int]], ...]


@dataclass(frozen=True)
class ActionView:
    where: Where
    description: str
    owner: Optional[str]
    due: Optional[str]
    overdue: bool
    status: str
    status_label: str
    rating: str
    quadrant: Optional[str]


@dataclass(frozen=True)
class MomentView:
    where: Where
    normalised: str
    emotion: str
    critical: bool
    lowest: bool
    pain_points: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class HealthView:
    health: MapHealth
    href: Optional[str]
    reviewed: str
    emotion: str
    evidence: str
    addressed: str
    happiness: str


@dataclass(frozen=True)
class ReportView:
    """Everything the report page shows."""

    today: str
    sections: tuple[str, ...]
    portfolio: Portfolio
    rows: tuple[RowView, ...]
    unquantified: tuple[tuple[Where, str, str], ...]
    weight_label: str
    chart: ParetoChart
    groups: tuple[tuple[Optional[str], tuple[ActionView, ...]], ...]
    quadrants: tuple[tuple[str, str, tuple[ActionView, ...]], ...]
    matrix: MatrixChart
    moments: tuple[MomentView, ...]
    health: tuple[HealthView, ...]
    lint_counts: bool
    overdue: int
    stale: int


def report_page(
    portfolio: Portfolio,
    output_format: OutputFormat,
    environment: Environment,
    index_href: Optional[str] = None,
    map_suffix: Optional[str] = None,
) -> str:
    """The report page; in a site, `index_href` links back to the index and maps link to `ID` + `map_suffix`."""
    view = build_report_view(portfolio, map_suffix)
    context = {"report": view, "index_href": index_href}
    return render_template(environment, REPORT_TEMPLATES[output_format.name], context)


def build_report_view(portfolio: Portfolio, map_suffix: Optional[str] = None) -> ReportView:
    """The view of `portfolio`; maps link to their pages when `map_suffix` is given."""
    links = _Links(map_suffix)
    pareto = portfolio.pareto
    return ReportView(
        today=portfolio.options.today.isoformat(),
        sections=portfolio.options.sections,
        portfolio=portfolio,
        rows=tuple(_row(row, links) for row in pareto.rows),
        unquantified=tuple((links.pain(pain), pain.description, pain.severity) for pain in pareto.unquantified),
        weight_label="occurrences" if pareto.weight == "occurrences" else "occurrences × severity weight",
        chart=pareto_chart(pareto, "tags" if pareto.by == "tag" else "pain points"),
        groups=tuple((group.owner, tuple(_action(a, links) for a in group.actions)) for group in portfolio.groups),
        quadrants=tuple((q.name, q.label, tuple(_action(a, links) for a in q.actions)) for q in portfolio.quadrants),
        matrix=matrix_chart(portfolio),
        moments=tuple(_moment(moment, links) for moment in portfolio.moments),
        health=tuple(_health(health, links) for health in portfolio.maps),
        lint_counts=any(health.errors is not None for health in portfolio.maps),
        overdue=sum(action.overdue for action in portfolio.actions),
        stale=sum(health.stale for health in portfolio.maps),
    )


@dataclass(frozen=True)
class _Links:
    suffix: Optional[str]

    def href(self, map_id: str) -> Optional[str]:
        return None if self.suffix is None else map_id + self.suffix

    def pain(self, pain: PainSummary) -> Where:
        return Where(pain.map, self.href(pain.map), pain.stage, pain.touchpoint, pain.id)


def _row(row: ParetoRow, links: _Links) -> RowView:
    first = row.first
    return RowView(
        rank=row.rank,
        vital=row.vital,
        tag=row.tag,
        description=first.description,
        where=links.pain(first),
        severity=row.severity,
        occurrences=row.occurrences,
        score=row.score,
        share=percent(row.share, 1),
        cumulative=percent(row.cumulative, 1),
        tags=row.tags,
        addressed_by=tuple((m, i, STATUS_LABELS[status]) for m, i, status in row.addressed_by),
        unaddressed=len(row.unaddressed),
        pain_points=tuple((links.pain(pain), pain.description, pain.occurrences) for pain in row.pain_points),
    )


def _action(action: Action, links: _Links) -> ActionView:
    item = action.opportunity
    return ActionView(
        where=Where(item.map, links.href(item.map), item.stage, item.touchpoint, item.id),
        description=item.description,
        owner=item.owner,
        due=item.due.isoformat() if item.due else None,
        overdue=action.overdue,
        status=item.status,
        status_label=STATUS_LABELS[item.status],
        rating=_rating(item.impact, item.effort),
        quadrant=_QUADRANT_LABELS.get(action.quadrant or ""),
    )


def _rating(impact: Optional[int], effort: Optional[int]) -> str:
    """`Impact 4, effort 2`, or the one given (both from 1 to 5, as the column says); "" for neither."""
    parts = [f"{name} {value}" for name, value in (("impact", impact), ("effort", effort)) if value is not None]
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


def _moment(moment: Moment, links: _Links) -> MomentView:
    point = moment.touchpoint
    normalised = point.normalised
    return MomentView(
        where=Where(point.map, links.href(point.map), point.stage, point.name, point.id),
        normalised="" if normalised is None else f"{normalised:.2f}",
        emotion="" if point.emotion is None else f"{point.emotion} on {point.scale[0]} to {point.scale[1]}",
        critical=point.critical,
        lowest=moment.lowest,
        pain_points=tuple((severity, text) for _, text, severity in point.pain_points),
    )


def _health(health: MapHealth, links: _Links) -> HealthView:
    return HealthView(
        health=health,
        href=links.href(health.id),
        reviewed=health.last_reviewed.isoformat() if health.last_reviewed else "Never",
        emotion=percent(health.with_emotion.fraction),
        evidence=percent(health.with_evidence.fraction),
        addressed=percent(health.addressed.fraction),
        happiness=percent(health.happiness.fraction),
    )
