"""The emotion curve's geometry, computed here so that templates only draw it.

The curve sits in one table cell that spans every touchpoint column, and all
columns have the same width, so a touchpoint's x is the centre of its column as
a percentage of the cell (SVG accepts percentages for x). y is in pixels on the
map's own scale, best at the top.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

HEIGHT = 150
_TOP, _BOTTOM = 30, 24
_MAX_GRIDLINES = 11


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
    """The highlighted column of a critical moment."""

    x: str
    width: str


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


def build_curve(columns: Sequence[CurveInput], low: int, high: int) -> Curve:
    """The curve across `columns` (every column of the map, in order) on the scale low..high."""
    count = max(1, len(columns))
    points, segments, previous = [], [], None
    for index, column in enumerate(columns):
        if column.emotion is None:
            continue
        point = _point(index, count, column, low, high)
        if previous is not None:
            before_index, before = previous
            segments.append(CurveSegment(before.x, before.y, point.x, point.y, index - before_index > 1))
        points.append(point)
        previous = (index, point)
    bands = tuple(Band(_percent(i, count), _percent_width(count)) for i, c in enumerate(columns) if c.critical)
    return Curve(HEIGHT, tuple(points), tuple(segments), _gridlines(low, high), bands, _describe(columns, low, high))


def _point(index: int, count: int, column: CurveInput, low: int, high: int) -> CurvePoint:
    assert column.emotion is not None
    y = _y(column.emotion, low, high)
    label_y = y - 12 if y - 12 >= 14 else y + 22
    return CurvePoint(
        x=_percent(index + 0.5, count),
        y=_number(y),
        label_y=_number(label_y),
        emotion=column.emotion,
        tone=tone(column.emotion, low, high),
        critical=column.critical,
        name=column.name,
    )


def _y(value: float, low: int, high: int) -> float:
    clamped = min(max(value, low), high)
    return _TOP + (high - clamped) * (HEIGHT - _TOP - _BOTTOM) / (high - low)


def _gridlines(low: int, high: int) -> tuple[GridLine, ...]:
    span = high - low
    if span < _MAX_GRIDLINES:
        values = list(range(high, low - 1, -1))
    else:
        values = sorted({round(high - span * i / 4) for i in range(5)}, reverse=True)
    middle = (low + high) / 2
    return tuple(GridLine(_number(_y(value, low, high)), value, value == middle) for value in values)


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


def _percent(position: float, count: int) -> str:
    return _number(position * 100 / count) + "%"


def _percent_width(count: int) -> str:
    return _number(100 / count) + "%"


def _number(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
