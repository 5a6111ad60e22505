"""A checked file's summary: what the report needs of a map, made where the map was checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from journeyctl.check.service import Checked
from journeyctl.core.defaults import REVIEW_EVERY_DAYS
from journeyctl.core.findings import Finding
from journeyctl.model import JourneyMap, Stage, Touchpoint, walk
from journeyctl.report.summary import (
    DEFAULT_MOMENTS,
    MapHealth,
    MapSummary,
    OpportunitySummary,
    PainSummary,
    Share,
    Skipped,
    TouchpointSummary,
    moment_order,
)


@dataclass(frozen=True)
class Summariser:
    """Turns a checked file into its summary; None for a file that is not a map (a persona library)."""

    today: date
    review_every_days: int = REVIEW_EVERY_DAYS
    lint_counts: bool = True
    # How many of the lowest touchpoints the report shows: a map's summary carries only its own
    # that many lowest (a superset of its share of the portfolio's) and its critical ones.
    moments: int = DEFAULT_MOMENTS

    def __call__(self, checked: Checked) -> Optional[MapSummary]:
        if checked.skipped:
            return None
        failure = first_failure(checked.findings)
        if failure is not None:
            where = Skipped(checked.path, failure.code, failure.line, failure.column, failure.message)
            return MapSummary(checked.path, skipped=where)
        if checked.model is None:
            return MapSummary(checked.path, skipped=_unreported(checked))
        if not isinstance(checked.model, JourneyMap):
            return None
        return self.summarise(checked.path, checked.model, checked.findings)

    def summarise(self, path: str, journey: JourneyMap, findings: list[Finding]) -> MapSummary:
        """The summary of a map that loaded and fits the format."""
        addressed_by: dict[str, list[tuple[str, str]]] = {}
        for _, _, opportunity in walk.opportunities(journey):
            for pain_id in opportunity.addresses:
                addressed_by.setdefault(pain_id, []).append((opportunity.id, opportunity.status))
        places = [(stage, touchpoint) for _, stage, touchpoint in walk.touchpoints(journey)]
        pains = tuple(
            PainSummary(
                journey.id,
                stage.name,
                touchpoint.name,
                pain.id,
                pain.description,
                pain.severity,
                pain.occurrences,
                tuple(dict.fromkeys(pain.tags)),  # a tag said twice is still one cause
                tuple(addressed_by.get(pain.id, ())),
            )
            for stage, touchpoint in places
            for pain in touchpoint.pain_points
        )
        return MapSummary(
            path,
            health=self._health(path, journey, places, pains, findings),
            pain_points=pains,
            opportunities=tuple(
                _opportunity(journey.id, stage, touchpoint, index)
                for stage, touchpoint in places
                for index in range(len(touchpoint.opportunities))
            ),
            touchpoints=_candidate_moments(
                [_touchpoint(journey, position, *place) for position, place in enumerate(places)], self.moments
            ),
        )

    def _health(
        self,
        path: str,
        journey: JourneyMap,
        places: list[tuple[Stage, Touchpoint]],
        pains: tuple[PainSummary, ...],
        findings: list[Finding],
    ) -> MapHealth:
        touchpoints = [touchpoint for _, touchpoint in places]
        felt = [t.emotion for t in touchpoints if t.emotion is not None]
        low, high = journey.scale.min, journey.scale.max
        due = journey.review_due(self.review_every_days)
        with_evidence = sum(bool(pain.evidence) for _, _, pain in walk.pain_points(journey))
        return MapHealth(
            path=path,
            id=journey.id,
            title=journey.title,
            state=journey.state,
            owner=journey.owner,
            last_reviewed=journey.last_reviewed,
            review_due=due,
            stale=due is None or due < self.today,
            touchpoints=len(touchpoints),
            with_emotion=Share(len(felt), len(touchpoints)),
            with_evidence=Share(with_evidence, len(pains)),
            addressed=Share(sum(pain.addressed for pain in pains), len(pains)),
            critical=sum(t.critical for t in touchpoints),
            # Above the middle of the map's own scale: 2 * emotion > min + max keeps it exact.
            happiness=Share(sum(2 * emotion > low + high for emotion in felt), len(felt)),
            errors=_count(findings, "error") if self.lint_counts else None,
            warnings=_count(findings, "warning") if self.lint_counts else None,
        )


def first_failure(findings: list[Finding]) -> Optional[Finding]:
    """The first finding that keeps a file out of the report: an error of the format's rules (E001-E022).

    A practice rule (W1xx) a team made an error still counts in the health table, never hides the map.
    """
    return next((f for f in findings if f.severity == "error" and f.code.startswith("E")), None)


def _unreported(checked: Checked) -> Skipped:
    """Why a file that does not load is skipped when its errors are not reported (deselected, or made warnings)."""
    if checked.findings:
        first = checked.findings[0]
        return Skipped(checked.path, first.code, first.line, first.column, first.message)
    message = (
        "The file does not load, and the rules that say why are not selected: run `journeyctl lint --isolated` on it."
    )
    return Skipped(checked.path, "", 1, 1, message)


def _count(findings: list[Finding], severity: str) -> int:
    return sum(finding.severity == severity for finding in findings)


def _opportunity(map_id: str, stage: Stage, touchpoint: Touchpoint, index: int) -> OpportunitySummary:
    item = touchpoint.opportunities[index]
    return OpportunitySummary(
        map_id,
        stage.name,
        touchpoint.name,
        item.id,
        item.description,
        item.owner,
        item.due,
        item.status,
        item.impact,
        item.effort,
        tuple(item.addresses),
    )


def _touchpoint(journey: JourneyMap, position: int, stage: Stage, touchpoint: Touchpoint) -> TouchpointSummary:
    pains = tuple((pain.id, pain.description, pain.severity) for pain in touchpoint.pain_points)
    scale = (journey.scale.min, journey.scale.max)
    return TouchpointSummary(
        journey.id,
        position,
        stage.name,
        touchpoint.name,
        touchpoint.id,
        touchpoint.critical,
        touchpoint.emotion,
        scale,
        pains,
    )


def _candidate_moments(touchpoints: list[TouchpointSummary], lowest: int) -> tuple[TouchpointSummary, ...]:
    """The touchpoints of one map that can be moments of the portfolio: its critical ones and its
    `lowest` lowest (the portfolio's lowest are among each map's own lowest: the same order)."""
    felt = sorted((t for t in touchpoints if t.emotion is not None), key=moment_order)
    low = {id(t) for t in felt[:lowest]}
    return tuple(t for t in touchpoints if t.critical or id(t) in low)
