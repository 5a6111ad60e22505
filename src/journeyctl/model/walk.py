"""Every identified item of a journey map, with its data path."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Union

from journeyctl.model.journey import (
    JourneyMap, Opportunity, PainPoint, Persona, PersonaLibrary, Source, Stage, Touchpoint,
)

Entity = Union[Persona, Source, Stage, Touchpoint, PainPoint, Opportunity]
ItemPath = tuple[Union[str, int], ...]


def touchpoints(journey: JourneyMap) -> Iterator[tuple[ItemPath, Stage, Touchpoint]]:
    """Each touchpoint in journey order, with its stage."""
    for s, stage in enumerate(journey.stages):
        for t, touchpoint in enumerate(stage.touchpoints):
            yield ("stages", s, "touchpoints", t), stage, touchpoint


def pain_points(journey: JourneyMap) -> Iterator[tuple[ItemPath, Touchpoint, PainPoint]]:
    """Each pain point, with its touchpoint."""
    for path, _, touchpoint in touchpoints(journey):
        for p, pain in enumerate(touchpoint.pain_points):
            yield (*path, "pain_points", p), touchpoint, pain


def opportunities(journey: JourneyMap) -> Iterator[tuple[ItemPath, Touchpoint, Opportunity]]:
    """Each opportunity, with its touchpoint."""
    for path, _, touchpoint in touchpoints(journey):
        for o, opportunity in enumerate(touchpoint.opportunities):
            yield (*path, "opportunities", o), touchpoint, opportunity


def identified_items(document: Union[JourneyMap, PersonaLibrary]) -> Iterator[tuple[ItemPath, str, Entity]]:
    """Every item that has an `id`, as (path, entity name, item), in file order."""
    for p, persona in enumerate(document.personas):
        yield ("personas", p), "persona", persona
    if isinstance(document, PersonaLibrary):
        return
    for i, source in enumerate(document.sources):
        yield ("sources", i), "source", source
    for s, stage in enumerate(document.stages):
        yield ("stages", s), "stage", stage
        for t, touchpoint in enumerate(stage.touchpoints):
            path = ("stages", s, "touchpoints", t)
            yield path, "touchpoint", touchpoint
            for p, pain in enumerate(touchpoint.pain_points):
                yield (*path, "pain_points", p), "pain_point", pain
            for o, opportunity in enumerate(touchpoint.opportunities):
                yield (*path, "opportunities", o), "opportunity", opportunity
