"""What the report keeps of one map: a small summary in plain data (summarise.py makes it).

Summaries are made where the file was checked (a worker process when there are
many files) and are all that crosses back: plain, picklable values, never the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

OPEN_STATUSES = ("idea", "planned", "in-progress")
# A pain point counts as addressed by an opportunity that is open or done, not by a dropped one.
LIVE_STATUSES = (*OPEN_STATUSES, "done")


@dataclass(frozen=True)
class PainSummary:
    """A pain point, where it is, and the opportunities that address it as (id, status)."""

    map: str
    stage: str
    touchpoint: str
    id: str
    description: str
    severity: str
    occurrences: Optional[int]
    tags: tuple[str, ...]
    addressed_by: tuple[tuple[str, str], ...]

    @property
    def addressed(self) -> bool:
        """Whether an open or done opportunity addresses it."""
        return any(status in LIVE_STATUSES for _, status in self.addressed_by)


@dataclass(frozen=True)
class OpportunitySummary:
    """An opportunity and where it is."""

    map: str
    stage: str
    touchpoint: str
    id: str
    description: str
    owner: Optional[str]
    due: Optional[date]
    status: str
    impact: Optional[int]
    effort: Optional[int]
    addresses: tuple[str, ...]

    @property
    def open(self) -> bool:
        """Neither done nor dropped."""
        return self.status in OPEN_STATUSES


# How many of the lowest-emotion touchpoints the moments section shows (`--moments`).
DEFAULT_MOMENTS = 10


def moment_order(touchpoint: TouchpointSummary) -> tuple[bool, float, str, int]:
    """Lowest first; touchpoints without an emotion last; ties in map and journey order."""
    normalised = touchpoint.normalised
    return (normalised is None, normalised if normalised is not None else 0.0, touchpoint.map, touchpoint.position)


@dataclass(frozen=True)
class TouchpointSummary:
    """A touchpoint's emotion on its map's scale, and its pain points as (id, description, severity)."""

    map: str
    position: int  # in journey order, for stable ties
    stage: str
    name: str
    id: str
    critical: bool
    emotion: Optional[int]
    scale: tuple[int, int]
    pain_points: tuple[tuple[str, str, str], ...]

    @property
    def normalised(self) -> Optional[float]:
        """The emotion from 0 (the map's worst) to 1 (its best), so that maps on different scales compare."""
        if self.emotion is None:
            return None
        low, high = self.scale
        return min(max((self.emotion - low) / (high - low), 0.0), 1.0)


@dataclass(frozen=True)
class Share:
    """`count` of `total`; no share when there is nothing to count."""

    count: int
    total: int

    @property
    def fraction(self) -> Optional[float]:
        return self.count / self.total if self.total else None


@dataclass(frozen=True)
class MapHealth:
    """One row of the health table. `errors` and `warnings` are None when lint's rules did not run."""

    path: str
    id: str
    title: str
    state: str
    owner: Optional[str]
    last_reviewed: Optional[date]
    review_due: Optional[date]
    stale: bool
    touchpoints: int
    with_emotion: Share
    with_evidence: Share
    addressed: Share
    critical: int
    happiness: Share
    errors: Optional[int]
    warnings: Optional[int]


@dataclass(frozen=True)
class Skipped:
    """A file that does not load or fit the format, with its first error."""

    path: str
    code: str
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class MapSummary:
    """What the report knows of one map; `skipped` instead when it could not be read."""

    path: str
    health: Optional[MapHealth] = None
    pain_points: tuple[PainSummary, ...] = ()
    opportunities: tuple[OpportunitySummary, ...] = ()
    touchpoints: tuple[TouchpointSummary, ...] = ()
    skipped: Optional[Skipped] = None
