"""A map as an import has read it, before it has ids and YAML: what every
source (table or Mermaid) is turned into, and what build.py writes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

Extension = Union[str, list[str]]


@dataclass
class ItemDraft:
    """A pain point or an opportunity: its text, and the id the source gave it."""

    text: str
    given_id: Optional[str] = None
    expected_outcome: Optional[str] = None


@dataclass
class TouchpointDraft:
    """A touchpoint: its name, its single values (channel, emotion...) and its lists."""

    name: str
    given_id: Optional[str] = None
    values: dict[str, Union[str, int, bool]] = field(default_factory=dict)
    backstage: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    pain_points: list[ItemDraft] = field(default_factory=list)
    opportunities: list[ItemDraft] = field(default_factory=list)
    extensions: dict[str, Extension] = field(default_factory=dict)


@dataclass
class StageDraft:
    """A stage and its touchpoints, in order."""

    name: str
    given_id: Optional[str] = None
    customer_goal: Optional[str] = None
    touchpoints: list[TouchpointDraft] = field(default_factory=list)


@dataclass
class MapDraft:
    """A whole map as read; `origin` says where from, for the comment at the top of the file."""

    origin: str = ""
    title: Optional[str] = None
    given_id: Optional[str] = None
    description: Optional[str] = None
    scale: Optional[tuple[int, int]] = None
    persona: Optional[str] = None
    stages: list[StageDraft] = field(default_factory=list)

    def counts(self) -> str:
        """How many stages, touchpoints, pain points and opportunities it holds, in words."""
        touchpoints = [t for stage in self.stages for t in stage.touchpoints]
        counts = (
            (len(self.stages), "stage", "stages"),
            (len(touchpoints), "touchpoint", "touchpoints"),
            (sum(len(t.pain_points) for t in touchpoints), "pain point", "pain points"),
            (sum(len(t.opportunities) for t in touchpoints), "opportunity", "opportunities"),
        )
        return ", ".join(f"{number} {one if number == 1 else many}" for number, one, many in counts)
