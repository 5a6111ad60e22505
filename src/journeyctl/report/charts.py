"""The geometry of the report's two charts, computed here so that templates only draw them.

Both are inline SVG in a fixed coordinate system (viewBox) that scales with the page:
the Pareto chart (bars by score, the cumulative share as a line, the 80 % line, the
vital few highlighted) and the prioritisation matrix (impact against effort, one bubble
per pair of ratings that opportunities share, sized by how many).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from journeyctl.report.pareto import VITAL_DENOMINATOR, VITAL_NUMERATOR, Pareto
from journeyctl.report.portfolio import Portfolio

# The Pareto chart shows the first rows as bars; the rest, if any, as one "other" bar.
MAX_BARS = 20
PARETO_WIDTH, PARETO_HEIGHT = 960, 300
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 56, 16, 40
# The matrix: one cell per rating step; each quadrant has a band of its own at its top for its
# name, so that no bubble ever covers it.
MATRIX_WIDTH, MATRIX_HEIGHT = 400, 440
_CELL, _BAND = 64, 24
_LEFT_M, _TOP_M = 60, 20
_SPLIT = _TOP_M + _BAND + 2 * _CELL  # between high impact (4, 5) and the rest
_BOTTOM_M = _SPLIT + _BAND + 3 * _CELL


@dataclass(frozen=True)
class Bar:
    x: str
    y: str
    width: str
    height: str
    label_x: str
    label: str
    vital: bool
    title: str


@dataclass(frozen=True)
class Tick:
    y: str
    label: str


@dataclass(frozen=True)
class ParetoChart:
    """Bars, the cumulative line's points, the 80 % line and both axes' ticks, as SVG attribute values."""

    width: int
    height: int
    bars: tuple[Bar, ...]
    line: str
    dots: tuple[tuple[str, str], ...]
    vital_y: str
    left_ticks: tuple[Tick, ...]
    right_ticks: tuple[Tick, ...]
    plot_left: int
    plot_right: int
    label_y: str
    description: str


@dataclass(frozen=True)
class Bubble:
    cx: str
    cy: str
    r: str
    count: int
    title: str


@dataclass(frozen=True)
class Area:
    """One quadrant's rectangle and where its name goes."""

    name: str
    label: str
    x: int
    y: int
    width: int
    height: int
    count: int


@dataclass(frozen=True)
class MatrixChart:
    """The 2×2 matrix: quadrant areas, the grid's tick positions and the bubbles."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    ticks: tuple[tuple[int, str, str], ...]
    areas: tuple[Area, ...]
    bubbles: tuple[Bubble, ...]
    description: str


def pareto_chart(pareto: Pareto, label: str) -> ParetoChart:
    """The chart of `pareto`'s rows; `label` names what a row is (pain point or tag) in the description."""
    rows = pareto.rows
    shown = list(rows[:MAX_BARS])
    columns = [(str(r.rank), r.score, r.vital, r.cumulative, _title(r.rank, r.score, r.cumulative)) for r in shown]
    rest = rows[MAX_BARS:]
    if rest:
        points = sum(r.score for r in rest)
        columns.append((f"+{len(rest)}", points, False, 1.0, f"{len(rest)} more, score {points:,} together"))
    tick, top = _axis(max((score for _, score, _, _, _ in columns), default=0))
    plot_width = PARETO_WIDTH - _LEFT - _RIGHT
    plot_height = PARETO_HEIGHT - _TOP - _BOTTOM
    slot = plot_width / max(1, len(columns))
    bars, dots = [], []
    for index, (name, score, vital, cumulative, title) in enumerate(columns):
        height = plot_height * score / top
        x = _LEFT + index * slot
        bars.append(
            Bar(
                _n(x + slot * 0.15),
                _n(_TOP + plot_height - height),
                _n(slot * 0.7),
                _n(height),
                _n(x + slot / 2),
                name,
                vital,
                title,
            )
        )
        dots.append((_n(x + slot / 2), _n(_TOP + plot_height * (1 - cumulative))))
    vital_share = VITAL_NUMERATOR / VITAL_DENOMINATOR
    return ParetoChart(
        width=PARETO_WIDTH,
        height=PARETO_HEIGHT,
        bars=tuple(bars),
        line=" ".join(f"{x},{y}" for x, y in dots),
        dots=tuple(dots),
        vital_y=_n(_TOP + plot_height * (1 - vital_share)),
        left_ticks=tuple(
            Tick(_n(_TOP + plot_height * (1 - i * tick / top)), f"{i * tick:,}") for i in range(top // tick + 1)
        ),
        right_ticks=tuple(Tick(_n(_TOP + plot_height * (1 - i / 4)), f"{25 * i}%") for i in range(5)),
        plot_left=_LEFT,
        plot_right=PARETO_WIDTH - _RIGHT,
        label_y=_n(_TOP + plot_height + 16),
        description=_describe(pareto, label),
    )


def _axis(largest: int) -> tuple[int, int]:
    """A round step (1, 2, 2.5 or 5 times a power of ten, whole) for at most 5 intervals, and the axis top."""
    scale = 1
    while True:
        for factor in (1, 2, 2.5, 5):
            step = int(factor * scale)
            if step == factor * scale and step * 5 >= largest:
                return step, max(step, -(-largest // step) * step)
        scale *= 10


def _title(rank: int, score: int, cumulative: float) -> str:
    return f"Rank {rank}: score {score:,}, {cumulative * 100:.1f}% cumulative"


def _describe(pareto: Pareto, label: str) -> str:
    vital = len(pareto.vital)
    if not pareto.rows:
        return "No pain point has occurrences yet: nothing is ranked."
    return (
        f"{len(pareto.rows)} {label} ranked by score, most first, with the cumulative share as a line. "
        f"The vital few, the first {vital}, reach 80% of the total score of {pareto.total:,}."
    )


def matrix_chart(portfolio: Portfolio) -> MatrixChart:
    """Bubbles at each (effort, impact) pair of the rated open opportunities."""
    pairs = Counter(
        (action.opportunity.effort, action.opportunity.impact)
        for quadrant in portfolio.quadrants
        for action in quadrant.actions
    )
    largest = max(pairs.values(), default=1)
    bubbles = []
    for (effort, impact), count in sorted(pairs.items(), key=lambda item: (item[0][0] or 0, item[0][1] or 0)):
        assert effort is not None and impact is not None
        radius = 9 + 17 * (count / largest) ** 0.5
        title = f"Impact {impact}, effort {effort}: {count} opportunit{'y' if count == 1 else 'ies'}"
        bubbles.append(Bubble(_n(_x(effort)), _n(_y(impact)), _n(radius), count, title))
    rated = sum(pairs.values())
    return MatrixChart(
        width=MATRIX_WIDTH,
        height=MATRIX_HEIGHT,
        left=_LEFT_M,
        right=_LEFT_M + 5 * _CELL,
        top=_TOP_M,
        bottom=_BOTTOM_M,
        # (rating, x of an effort tick, y of an impact tick)
        ticks=tuple((step, _n(_x(step)), _n(_y(step))) for step in range(1, 6)),
        areas=tuple(_area(quadrant.name, quadrant.label, len(quadrant.actions)) for quadrant in portfolio.quadrants),
        bubbles=tuple(bubbles),
        description=(
            f"{rated} rated open opportunities by effort (1 to 5, left to right) and impact (1 to 5, bottom to top): "
            + "; ".join(f"{q.label.lower()} {len(q.actions)}" for q in portfolio.quadrants)
            + "."
        ),
    )


def _area(name: str, label: str, count: int) -> Area:
    """High impact is 4 and 5 (the top two rows), low effort 1 and 2 (the left two columns)."""
    high = name in ("quick-win", "big-bet")
    low = name in ("quick-win", "fill-in")
    x = _LEFT_M if low else _LEFT_M + 2 * _CELL
    y = _TOP_M if high else _SPLIT
    return Area(name, label, x, y, (2 if low else 3) * _CELL, _BAND + (2 if high else 3) * _CELL, count)


def _x(effort: int) -> float:
    return _LEFT_M + (effort - 0.5) * _CELL


def _y(impact: int) -> float:
    if impact >= 4:
        return _TOP_M + _BAND + (5.5 - impact) * _CELL
    return _SPLIT + _BAND + (3.5 - impact) * _CELL


def _n(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
