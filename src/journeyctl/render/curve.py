"""The emotion curve's geometry, computed here so that templates only draw it.

The curve sits in one table cell that spans every touchpoint column, and all
columns have the same width, so a touchpoint's x is the centre of its column as
a percentage of the cell (SVG accepts percentages for x). y is in pixels on the
map's own scale, best at the top. A `Frame` sizes the drawing: the map's row, or
the compact overview at the top of the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

_MAX_GRIDLINES = 11


@dataclass(frozen=True)
class Frame:
    """The drawing's height and the margins above and below the scale, in pixels.

    `label_floor` is the highest a value's label may go: above it, the label goes under its dot.
    """

    height: int
    top: int
    bottom: int
    label_floor: int


MAP_FRAME = Frame(height=150, top=30, bottom=24, label_floor=14)


@dataclass(frozen=True)
class CurveInput:
    """What the curve needs to know of one column of the map."""

    name: str
    emotion: Optional[int]
    critical: bool


@dataclass(frozen=True)
class CurvePoint:
    """A touchpoint's emotion: where its dot and its number go."""

    x: str
    y: str
    label_y: str
    emotion: int
    tone: str
    critical: bool
    name: str


@dataclass(frozen=True)
class CurveSegment:
    """A line between two neighbouring emotions; `bridged` when columns without one lie between."""

    x1: str
    y1: str
    x2: str
    y2: str
    bridged: bool


@dataclass(frozen=True)
class GridLine:
    """A horizontal line at one value of the scale."""

    y: str
    value: int
    middle: bool


@dataclass(frozen=True)
class Band:
    """The highlighted column of a critical moment, and the touchpoint's name."""

    x: str
    width: str
    centre: str
    name: str


@dataclass(frozen=True)
class Curve:
    """Everything the template draws, as ready-made SVG attribute values."""

    height: int
    points: tuple[CurvePoint, ...]
    segments: tuple[CurveSegment, ...]
    gridlines: tuple[GridLine, ...]
    bands: tuple[Band, ...]
    description: str


def tone(emotion: int, low: int, high: int) -> str:
    """`negative`, `neutral` or `positive`: the emotion's third of the scale."""
    share = (emotion - low) / (high - low)
    if share <= 1 / 3:
        return "negative"
    return "positive" if share >= 2 / 3 else "neutral"


def build_curve(columns: Sequence[CurveInput], low: int, high: int, frame: Frame = MAP_FRAME) -> Curve:
    """The curve across `columns` (every column of the map, in order) on the scale low..high."""
    count = max(1, len(columns))
    points, segments, previous = [], [], None
    for index, column in enumerate(columns):
        if column.emotion is None:
            continue
        point = _point(index, count, column, low, high, frame)
        if previous is not None:
            before_index, before = previous
            segments.append(CurveSegment(before.x, before.y, point.x, point.y, index - before_index > 1))
        points.append(point)
        previous = (index, point)
    bands = tuple(
        Band(percent(i, count), percent(1, count), percent(i + 0.5, count), c.name)
        for i, c in enumerate(columns)
        if c.critical
    )
    return Curve(
        frame.height,
        tuple(points),
        tuple(segments),
        _gridlines(low, high, frame),
        bands,
        _describe(columns, low, high),
    )


def _point(index: int, count: int, column: CurveInput, low: int, high: int, frame: Frame) -> CurvePoint:
    assert column.emotion is not None
    y = scale_y(column.emotion, low, high, frame)
    label_y = y - 12 if y - 12 >= frame.label_floor else y + 22
    return CurvePoint(
        x=percent(index + 0.5, count),
        y=number(y),
        label_y=number(label_y),
        emotion=column.emotion,
        tone=tone(column.emotion, low, high),
        critical=column.critical,
        name=column.name,
    )


def scale_y(value: float, low: int, high: int, frame: Frame) -> float:
    """The y of `value` (clamped to the scale) in `frame`: `high` at the top margin, `low` at the bottom one."""
    clamped = min(max(value, low), high)
    return frame.top + (high - clamped) * (frame.height - frame.top - frame.bottom) / (high - low)


def _gridlines(low: int, high: int, frame: Frame) -> tuple[GridLine, ...]:
    span = high - low
    if span < _MAX_GRIDLINES:
        values = list(range(high, low - 1, -1))
    else:
        values = sorted({round(high - span * i / 4) for i in range(5)}, reverse=True)
    return tuple(gridline(value, low, high, frame) for value in values)


def gridline(value: int, low: int, high: int, frame: Frame) -> GridLine:
    """The line of `value` in `frame`, marked `middle` when it halves the scale."""
    return GridLine(number(scale_y(value, low, high, frame)), value, value == (low + high) / 2)


def _describe(columns: Sequence[CurveInput], low: int, high: int) -> str:
    parts = [
        f"{c.name} {c.emotion}" + (" (critical moment)" if c.critical else "") for c in columns if c.emotion is not None
    ]
    missing = [c.name for c in columns if c.emotion is None and c.name]
    text = f"Emotion at each touchpoint on a scale from {low} (worst) to {high} (best): "
    text += "; ".join(parts) + "." if parts else "no touchpoint has an emotion yet."
    if missing:
        text += " Without an emotion: " + "; ".join(missing) + "."
    return text


def percent(position: float, count: int) -> str:
    """`position` columns out of `count` as an SVG percentage: `percent(1, 4)` is `25%`."""
    return number(position * 100 / count) + "%"


def number(value: float) -> str:
    """An SVG coordinate: at most three decimals, no trailing zeros, never `-0`."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
