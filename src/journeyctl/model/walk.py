"""The shape of the model tree, stated once, and the walks over it.

Every command that goes through a map's items (the rules, the differ, the
renderer, validation messages, the report) takes the tree's shape from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Union

from pydantic import BaseModel

from journeyctl.model.journey import (
    JourneyMap,
    Opportunity,
    PainPoint,
    Persona,
    PersonaLibrary,
    Source,
    Stage,
    Touchpoint,
)

Entity = Union[Persona, Source, Stage, Touchpoint, PainPoint, Opportunity]
ItemPath = tuple[Union[str, int], ...]

# Which lists of which entity hold child items (list field, child entity), in the format's order.
# The top level is `journey` for a map and `library` for a persona library.
CHILD_LISTS: dict[str, tuple[tuple[str, str], ...]] = {
    "journey": (("personas", "persona"), ("sources", "source"), ("stages", "stage")),
    "library": (("personas", "persona"),),
    "stage": (("touchpoints", "touchpoint"),),
    "touchpoint": (("metrics", "metric"), ("pain_points", "pain_point"), ("opportunities", "opportunity")),
}
# Every entity: the top level, then the items in the order the format lists them.
ENTITIES = ("journey", "persona", "source", "stage", "touchpoint", "pain_point", "opportunity", "metric")
# How people call an item of each list: `pain_points` holds a "pain point".
ITEM_NAMES = {list_name: entity.replace("_", " ") for lists in CHILD_LISTS.values() for list_name, entity in lists}


def root_entity(model: Union[JourneyMap, PersonaLibrary]) -> str:
    """`journey` for a journey map, `library` for a persona library."""
    return "journey" if isinstance(model, JourneyMap) else "library"


def walk(model: Union[JourneyMap, PersonaLibrary]) -> Iterator[tuple[ItemPath, str, BaseModel, tuple[BaseModel, ...]]]:
    """Every item below the top level in file order, as (path, entity, item, its ancestors)."""
    yield from _walk(model, root_entity(model), (), (model,))


def _walk(
    node: BaseModel, entity: str, path: ItemPath, ancestors: tuple[BaseModel, ...]
) -> Iterator[tuple[ItemPath, str, BaseModel, tuple[BaseModel, ...]]]:
    for list_name, child_entity in CHILD_LISTS.get(entity, ()):
        for index, child in enumerate(getattr(node, list_name)):
            child_path = (*path, list_name, index)
            yield child_path, child_entity, child, ancestors
            yield from _walk(child, child_entity, child_path, (*ancestors, child))


def value_at(data: Any, path: ItemPath) -> Any:
    """The value at a data path of a loaded file's plain data, or None."""
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def walk_data(data: dict[str, Any]) -> Iterator[tuple[ItemPath, str, dict[str, Any]]]:
    """Every item of a loaded file's plain data in file order, as (path, entity, item).

    For front ends that must work on a map that does not validate yet (an editor's
    buffer): lists and items of the wrong type are passed over.
    """
    yield from _walk_data(data, "library" if data.get("kind") == "personas" else "journey", ())


def _walk_data(node: dict[str, Any], entity: str, path: ItemPath) -> Iterator[tuple[ItemPath, str, dict[str, Any]]]:
    for list_name, child_entity in CHILD_LISTS.get(entity, ()):
        children = node.get(list_name)
        for index, child in enumerate(children if isinstance(children, list) else ()):
            if isinstance(child, dict):
                child_path = (*path, list_name, index)
                yield child_path, child_entity, child
                yield from _walk_data(child, child_entity, child_path)


def identified_items(document: Union[JourneyMap, PersonaLibrary]) -> Iterator[tuple[ItemPath, str, Entity]]:
    """Every item that has an `id` (all but metrics), as (path, entity name, item), in file order."""
    for path, entity, item, _ in walk(document):
        if entity != "metric":
            yield path, entity, item  # type: ignore[misc]


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
