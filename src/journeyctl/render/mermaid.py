"""The Mermaid `journey` diagram of a map (its Markdown page's block, and `export --format mermaid`):
its stages and touchpoints with a score from 1 to 5, Mermaid's fixed scale; the template escapes the names."""

from __future__ import annotations

from dataclasses import dataclass

from journeyctl.model import JourneyMap


@dataclass(frozen=True)
class MermaidSection:
    """A stage in Mermaid's `journey` diagram: (touchpoint name, score 1-5) pairs."""

    name: str
    tasks: tuple[tuple[str, int], ...]


def mermaid_sections(journey: JourneyMap) -> tuple[MermaidSection, ...]:
    """The stages of Mermaid's `journey` diagram: those with at least one touchpoint with an emotion."""
    low, high = journey.scale.min, journey.scale.max
    sections = (
        MermaidSection(
            stage.name,
            tuple((t.name, mermaid_score(t.emotion, low, high)) for t in stage.touchpoints if t.emotion is not None),
        )
        for stage in journey.stages
    )
    return tuple(section for section in sections if section.tasks)


def mermaid_score(emotion: int, low: int, high: int) -> int:
    """An emotion rescaled linearly from low..high to Mermaid's 1..5, rounded half up."""
    clamped = min(max(emotion, low), high)
    return (8 * (clamped - low) + (high - low)) // (2 * (high - low)) + 1
