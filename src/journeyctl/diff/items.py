"""A map as the differ sees it: every item under its match key, with where it sits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from pydantic import BaseModel

from journeyctl.model import MapModel
from journeyctl.model.walk import CHILD_LISTS, root_entity

# Keys of the top level that say what the file is rather than what the journey is.
_HEADER_FIELDS = ("journeyctl", "kind")

Key = tuple[Any, ...]
Container = tuple[Optional[Key], str]


@dataclass
class Node:
    """One item: its match key, the container (parent key, list name) and position it has."""

    entity: str
    ident: str
    key: Key
    item: BaseModel
    container: Container
    index: int
    stage: Optional[str] = None
    touchpoint: Optional[str] = None

    @property
    def parent_id(self) -> Optional[str]:
        """The id of the item holding this one; None at the top level."""
        parent = self.container[0]
        return None if parent is None else parent[1]

    def name(self) -> Optional[str]:
        """What people call the item (see display_name)."""
        return display_name(self.item)

    def fields(self) -> list[str]:
        """The item's own fields: not its id, nor its lists of child items."""
        children = {name for name, _ in CHILD_LISTS.get(self.entity, ())}
        skip = children | {"id"} if self.entity != "journey" else children | set(_HEADER_FIELDS)
        if self.entity == "metric":
            skip.add("name")
        return [name for name in type(self.item).model_fields if name not in skip]


def display_name(item: BaseModel) -> Optional[str]:
    """What people call an item: its name, title or description, whichever it has first."""
    for attribute in ("name", "title", "description"):
        value = getattr(item, attribute, None)
        if isinstance(value, str):
            return value
    return None


@dataclass
class MapIndex:
    """Every item of one map by match key (file order), and each container's keys in order."""

    root: Optional[Node] = None
    nodes: dict[Key, Node] = field(default_factory=dict)
    children: dict[Container, list[Key]] = field(default_factory=dict)


def index_map(model: Optional[MapModel]) -> MapIndex:
    """The index of a map; an empty index for a side where the map does not exist.

    Items with an id are keyed (entity, id): ids are unique within a file (E020
    is checked on load). Metrics are keyed by name within their touchpoint; a
    repeated name gets its occurrence number so that nothing is lost.
    """
    index = MapIndex()
    if model is None:
        return index
    entity = root_entity(model)
    index.root = Node(entity, getattr(model, "id", ""), (entity,), model, (None, ""), 0)
    _add_children(index, index.root, None, None, None)
    return index


def _add_children(
    index: MapIndex, parent: Node, parent_key: Optional[Key], stage: Optional[str], touchpoint: Optional[str]
) -> None:
    for list_name, entity in CHILD_LISTS.get(parent.entity, ()):
        container: Container = (parent_key, list_name)
        keys = index.children.setdefault(container, [])
        seen: dict[str, int] = {}
        for position, item in enumerate(getattr(parent.item, list_name)):
            ident = item.name if entity == "metric" else item.id
            if entity == "metric":
                seen[ident] = seen.get(ident, -1) + 1
                key: Key = ("metric", touchpoint, ident, seen[ident])
            else:
                key = (entity, ident)
            node = Node(
                entity,
                ident,
                key,
                item,
                container,
                position,
                stage=ident if entity == "stage" else stage,
                touchpoint=touchpoint if entity in ("metric", "pain_point", "opportunity") else None,
            )
            index.nodes[key] = node
            keys.append(key)
            child_touchpoint = ident if entity == "touchpoint" else touchpoint
            _add_children(index, node, key, node.stage, child_touchpoint)
