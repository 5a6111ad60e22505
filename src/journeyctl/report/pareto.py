"""The Pareto ranking of pain points across maps: the vital few that cause most of the pain.

A pain point's score is its `occurrences`, or with the severity weight, occurrences
times low 1, medium 2, high 3, critical 4. Rows are ranked by score, most first;
ties by severity (critical first), then map id, then pain point id. The vital few
are every row up to and including the first whose cumulative share reaches 80 %.
By tag, a tag's score is the sum of its pain points' scores across maps, and an
untagged pain point stands alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Optional

from journeyctl.report.summary import PainSummary

SEVERITY_ORDER = ("critical", "high", "medium", "low")
SEVERITY_WEIGHTS = {"low": 1, "medium": 2, "high": 3, "critical": 4}
WEIGHTS = ("occurrences", "severity")
GROUPINGS = ("pain-point", "tag")
# The vital few reach this share of the total score: 4/5, compared in integers so that 80 % is exact.
VITAL_NUMERATOR, VITAL_DENOMINATOR = 4, 5


@dataclass(frozen=True)
class ParetoRow:
    """One ranked row: a pain point, or a tag and its pain points (`tag` None for an untagged one)."""

    rank: int
    tag: Optional[str]
    pain_points: tuple[PainSummary, ...]
    severity: str
    occurrences: int
    score: int
    share: float
    cumulative: float
    vital: bool

    @property
    def first(self) -> PainSummary:
        """The row's pain point (in pain-point mode, its only one)."""
        return self.pain_points[0]

    @property
    def tags(self) -> tuple[str, ...]:
        """Every tag of the row's pain points, each once, in order."""
        return tuple(dict.fromkeys(tag for pain in self.pain_points for tag in pain.tags))

    @property
    def addressed_by(self) -> tuple[tuple[str, str, str], ...]:
        """The opportunities that address the row's pain points, as (map, id, status), each once."""
        found = ((pain.map, ident, status) for pain in self.pain_points for ident, status in pain.addressed_by)
        return tuple(dict.fromkeys(found))

    @property
    def unaddressed(self) -> tuple[PainSummary, ...]:
        """The row's pain points that no open or done opportunity addresses."""
        return tuple(pain for pain in self.pain_points if not pain.addressed)


@dataclass(frozen=True)
class Pareto:
    """The ranking, its total score, and the pain points without `occurrences`, which are not ranked."""

    by: str
    weight: str
    total: int
    rows: tuple[ParetoRow, ...]
    unquantified: tuple[PainSummary, ...]

    @property
    def vital(self) -> tuple[ParetoRow, ...]:
        """The vital few."""
        return tuple(row for row in self.rows if row.vital)


def score(pain: PainSummary, weight: str) -> int:
    """A quantified pain point's score under `weight`."""
    assert pain.occurrences is not None
    return pain.occurrences * (SEVERITY_WEIGHTS[pain.severity] if weight == "severity" else 1)


def rank(pains: Iterable[PainSummary], weight: str = "occurrences", by: str = "pain-point") -> Pareto:
    """Rank the quantified pain points (or their tags); list the others as unquantified."""
    pains = list(pains)
    quantified = [pain for pain in pains if pain.occurrences is not None]
    groups = _by_tag(quantified) if by == "tag" else [(None, (pain,)) for pain in quantified]
    # Sorted on the key alone, stably: two maps may share an id (then file order decides).
    scored = sorted(((_order(tag, members, weight), tag, members) for tag, members in groups), key=lambda row: row[0])
    total = sum(-key[0] for key, _, _ in scored)
    rows, cumulative = [], 0
    for number, (key, tag, members) in enumerate(scored, 1):
        points = -key[0]
        vital = total > 0 and cumulative * VITAL_DENOMINATOR < total * VITAL_NUMERATOR
        cumulative += points
        rows.append(
            ParetoRow(
                rank=number,
                tag=tag,
                pain_points=members,
                severity=SEVERITY_ORDER[key[1]],
                occurrences=sum(pain.occurrences or 0 for pain in members),
                score=points,
                share=points / total if total else 0.0,
                cumulative=cumulative / total if total else 0.0,
                vital=vital,
            )
        )
    unquantified = sorted(
        (pain for pain in pains if pain.occurrences is None),
        key=lambda pain: (SEVERITY_ORDER.index(pain.severity), pain.map, pain.id),
    )
    return Pareto(by, weight, total, tuple(rows), tuple(unquantified))


def _by_tag(pains: list[PainSummary]) -> list[tuple[Optional[str], tuple[PainSummary, ...]]]:
    tagged: dict[str, list[PainSummary]] = {}
    alone: list[tuple[Optional[str], tuple[PainSummary, ...]]] = []
    for pain in pains:
        for tag in pain.tags:
            tagged.setdefault(tag, []).append(pain)
        if not pain.tags:
            alone.append((None, (pain,)))
    return [(tag, tuple(members)) for tag, members in tagged.items()] + alone


def _order(tag: Optional[str], members: tuple[PainSummary, ...], weight: str) -> tuple[int, int, int, str, str]:
    """Most score first; then the most severe; then tags by name before untagged pain points by map and id."""
    severity = min(SEVERITY_ORDER.index(pain.severity) for pain in members)
    points = sum(score(pain, weight) for pain in members)
    if tag is not None:
        return (-points, severity, 0, tag, "")
    return (-points, severity, 1, members[0].map, members[0].id)
