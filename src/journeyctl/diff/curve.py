"""The emotion curve of each side as a sparkline, with the touchpoints that changed marked."""

from __future__ import annotations

from typing import Optional

from journeyctl.diff.changes import Change, DiffResult
from journeyctl.model import JourneyMap

BLOCKS = "▁▂▃▄▅▆▇█"
NO_EMOTION = "·"
LEGEND = "Emotion curve, one mark per touchpoint in journey order, stages apart (^ changed):"


def curve_lines(result: DiffResult) -> list[str]:
    """Lines `before  ▇▂ ▁▄  (1..5)` and `after ...`, each followed by a line of `^`
    under the touchpoints that changed there. Empty when no touchpoint's emotion,
    presence or place changed."""
    before_marks = _marked(result.changes, ("changed", "removed", "moved"))
    after_marks = _marked(result.changes, ("changed", "added", "moved"))
    if not before_marks and not after_marks:
        return []
    lines: list[str] = []
    for label, model, marks in (("before", result.old, before_marks), ("after", result.new, after_marks)):
        if isinstance(model, JourneyMap):
            spark, carets = _sparkline(model, marks)
            lines.append(f"{label:<8}{spark}  ({model.scale.min}..{model.scale.max})")
            lines.append((" " * 8 + carets).rstrip())
        elif model is None:
            lines.append(f"{label:<8}(no map)")
    return [line for line in lines if line]


def _marked(changes: list[Change], kinds: tuple[str, ...]) -> set[str]:
    return {
        change.id
        for change in changes
        if change.entity == "touchpoint"
        and change.kind in kinds
        and (change.kind != "changed" or change.field == "emotion")
    }


def _sparkline(journey: JourneyMap, marks: set[str]) -> tuple[str, str]:
    low, high = journey.scale.min, journey.scale.max
    spark: list[str] = []
    carets: list[str] = []
    for stage in journey.stages:
        if not stage.touchpoints:
            continue
        if spark:
            spark.append(" ")
            carets.append(" ")
        for touchpoint in stage.touchpoints:
            spark.append(_block(touchpoint.emotion, low, high))
            carets.append("^" if touchpoint.id in marks else " ")
    return "".join(spark), "".join(carets)


def _block(emotion: Optional[int], low: int, high: int) -> str:
    if emotion is None:
        return NO_EMOTION
    clamped = min(max(emotion, low), high)
    return BLOCKS[round((clamped - low) * (len(BLOCKS) - 1) / (high - low))]
