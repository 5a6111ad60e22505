"""The map table in parts: on screen one table that scrolls sideways; on paper
(`render --format pdf`) as many tables as it takes to keep columns readable,
each with whole stages where they fit, a long stage continued in the next."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from journeyctl.render.curve import Curve, CurveInput, build_curve

if TYPE_CHECKING:
    from journeyctl.render.view import ColumnView, StageView


@dataclass(frozen=True)
class MapPart:
    """One table of the map: its stages (a continued stage marked so), their columns, and the curve across them."""

    stages: tuple[StageView, ...]
    columns: tuple[ColumnView, ...]
    curve: Curve


def curve_input(column: ColumnView) -> CurveInput:
    """What the emotion curve draws of one column (a stage without touchpoints has no name there)."""
    return CurveInput("" if column.placeholder else column.name, column.emotion, column.critical)


def curve_of(columns: Sequence[ColumnView], low: int, high: int) -> Curve:
    """The emotion curve across `columns`, on the scale low..high."""
    return build_curve([curve_input(column) for column in columns], low, high)


def split_map(
    stages: tuple[StageView, ...], low: int, high: int, columns_per_part: Optional[int]
) -> tuple[MapPart, ...]:
    """The map's tables: one, or parts of at most `columns_per_part` columns."""
    if columns_per_part is None:
        return (_part(list(stages), low, high),)
    parts: list[MapPart] = []
    pending: list[StageView] = []
    for stage in stages:
        for chunk in _chunks(stage, columns_per_part):
            if pending and sum(len(s.columns) for s in pending) + len(chunk.columns) > columns_per_part:
                parts.append(_part(pending, low, high))
                pending = []
            pending.append(chunk)
    if pending:
        parts.append(_part(pending, low, high))
    return tuple(parts)


def _chunks(stage: StageView, size: int) -> list[StageView]:
    columns = stage.columns
    if len(columns) <= size:
        return [stage]
    return [
        dataclasses.replace(stage, columns=columns[start : start + size], continued=start > 0)
        for start in range(0, len(columns), size)
    ]


def _part(stages: list[StageView], low: int, high: int) -> MapPart:
    columns = tuple(column for stage in stages for column in stage.columns)
    return MapPart(tuple(stages), columns, curve_of(columns, low, high))
