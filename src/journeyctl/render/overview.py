"""The journey at a glance: every touchpoint's emotion in the width of the page, stage by stage.

A map of nine stages is wider than a laptop's screen, so the map scrolls and the
lows and critical moments on its right are out of sight. The overview draws the
whole curve above it with the map curve's geometry (columns of equal width, x in
percent of the drawing), so it fits any width without a script, and names each
stage so that the page can link to its column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Optional

from journeyctl.render.curve import Curve, CurveInput, Frame, GridLine, build_curve, gridline, number, percent, scale_y

# Stage numbers on the top row, the scale below them, room for a ring around the lowest dot.
OVERVIEW_FRAME = Frame(height=106, top=36, bottom=16, label_floor=36)
_NUMBER_Y = 17


@dataclass(frozen=True)
class OverviewStage:
    """A stage as the overview takes it: its id, number and name, and its columns in order."""

    id: str
    number: int
    name: str
    columns: tuple[CurveInput, ...]


@dataclass(frozen=True)
class StageSpan:
    """Where a stage lies across the drawing, as SVG percentages; every other stage is shaded."""

    id: str
    number: int
    name: str
    span: int
    x: str
    width: str
    centre: str
    shaded: bool


@dataclass(frozen=True)
class CriticalMark:
    """A critical moment's star, and its ring when the touchpoint has an emotion."""

    x: str
    star_y: str
    ring_y: Optional[str]
    title: str


@dataclass(frozen=True)
class Overview:
    """Everything the overview draws: the curve, the stages, the marks and the scale's ends and middle."""

    height: int
    number_y: int
    columns: int
    curve: Curve
    stages: tuple[StageSpan, ...]
    marks: tuple[CriticalMark, ...]
    gridlines: tuple[GridLine, ...]
    description: str


def build_overview(stages: Sequence[OverviewStage], low: int, high: int) -> Overview:
    """The overview of `stages` (every stage of the map, in order) on the scale low..high."""
    columns = [column for stage in stages for column in stage.columns]
    count = max(1, len(columns))
    spans, start = [], 0
    for stage in stages:
        span = len(stage.columns)
        spans.append(
            StageSpan(
                id=stage.id,
                number=stage.number,
                name=stage.name,
                span=span,
                x=percent(start, count),
                width=percent(span, count),
                centre=percent(start + span / 2, count),
                shaded=stage.number % 2 == 0,
            )
        )
        start += span
    return Overview(
        height=OVERVIEW_FRAME.height,
        number_y=_NUMBER_Y,
        columns=count,
        curve=build_curve(columns, low, high, OVERVIEW_FRAME),
        stages=tuple(spans),
        marks=_marks(stages, count, low, high),
        gridlines=_ends_and_middle(low, high),
        description=_describe(stages, low, high),
    )


def _marks(stages: Sequence[OverviewStage], count: int, low: int, high: int) -> tuple[CriticalMark, ...]:
    marks, index = [], 0
    for stage in stages:
        for column in stage.columns:
            if column.critical:
                marks.append(_mark(index, count, column, stage, low, high))
            index += 1
    return tuple(marks)


def _mark(index: int, count: int, column: CurveInput, stage: OverviewStage, low: int, high: int) -> CriticalMark:
    title = f"Critical moment: {column.name} (stage {stage.number}, {stage.name})"
    if column.emotion is None:
        middle = scale_y((low + high) / 2, low, high, OVERVIEW_FRAME)
        return CriticalMark(percent(index + 0.5, count), number(middle + 5), None, title + ", no emotion yet")
    y = scale_y(column.emotion, low, high, OVERVIEW_FRAME)
    # The star sits above the ring, or under it when the ring is on the top line.
    star_y = y - 13 if y - 13 >= OVERVIEW_FRAME.label_floor else y + 24
    return CriticalMark(percent(index + 0.5, count), number(star_y), number(y), f"{title}, emotion {column.emotion}")


def _ends_and_middle(low: int, high: int) -> tuple[GridLine, ...]:
    """The scale's best, middle (when it is a whole number) and worst: a compact drawing has room for no more."""
    values = [high, (low + high) // 2, low] if (low + high) % 2 == 0 else [high, low]
    return tuple(gridline(value, low, high, OVERVIEW_FRAME) for value in values)


def _describe(stages: Sequence[OverviewStage], low: int, high: int) -> str:
    touchpoints = sum(1 for stage in stages for column in stage.columns if column.name)
    text = (
        f"The whole journey: {len(stages)} stage{'s' if len(stages) != 1 else ''} and {touchpoints} touchpoint"
        f"{'s' if touchpoints != 1 else ''}, emotion on a scale from {low} (worst) to {high} (best)."
    )
    for stage in stages:
        felt = "; ".join(_felt(column) for column in stage.columns if column.name)
        text += f" Stage {stage.number}, {stage.name}: {felt or 'no touchpoints'}."
    return text


def _felt(column: CurveInput) -> str:
    emotion = "no emotion" if column.emotion is None else str(column.emotion)
    return f"{column.name} {emotion}" + (" (critical moment)" if column.critical else "")
