"""The well-formed parts of a map that does not validate.

A map with a schema error (E010-E012) has no model, yet the checks of ids and
references can still run on what is well-formed, so that one run reports every
error (a duplicate id beside a misspelt key). A salvaged map keeps:

- every item (persona, source, stage, touchpoint, metric, pain point, opportunity)
  that is a mapping with a valid `id` (metrics: a valid `name`), with those of
  its own fields that validate; a field that does not is None (or its default);
- at the top level, the fields that validate; a scale that does not is None, as
  no emotion can be judged against it.

Items left out shift the positions of the items after them, so a salvaged map
maps its paths back to the file's (`file_path`). It is built without validation
(`model_construct`): only the rules that declare they read salvaged maps run on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Union

from pydantic import BaseModel, ValidationError

from journeyctl.model.journey import JourneyMap, PersonaLibrary
from journeyctl.model.validation import MapModel, nested_model
from journeyctl.model.walk import CHILD_LISTS, ItemPath

_IDENTITY = {"metric": "name"}


@dataclass
class Salvaged:
    """A map built from its valid parts, and where its items are in the file."""

    model: MapModel
    # For each list of the salvaged map (by its path): the file's index of each item kept.
    kept: dict[ItemPath, list[int]] = field(default_factory=dict)
    # Every `id` written anywhere in the file, kept or not: a reference to one of them
    # names something that exists, only in a part that did not validate.
    written_ids: frozenset[str] = frozenset()

    def file_path(self, path: ItemPath) -> ItemPath:
        """The data path in the file of a path into the salvaged map."""
        mapped: list[Union[str, int]] = []
        for at, part in enumerate(path):
            # `kept` is by salvaged path: the path so far before it is mapped (an item after a
            # dropped one has a lower index in the salvaged map than in the file).
            if isinstance(part, int) and path[:at] in self.kept:  # an item; not an entry of `evidence`
                part = self.kept[path[:at]][part]
            mapped.append(part)
        return tuple(mapped)


def salvage(data: dict[str, Any]) -> Salvaged:
    """The valid parts of a loaded map's data (the data of a map that did not validate)."""
    library = data.get("kind") == "personas"
    salvaged = Salvaged(JourneyMap.model_construct(), written_ids=frozenset(_written_ids(data)))
    model = _item(PersonaLibrary if library else JourneyMap, "library" if library else "journey", data, (), salvaged)
    assert model is not None
    salvaged.model = model  # type: ignore[assignment]
    return salvaged


def _item(
    model: type[BaseModel], entity: str, raw: dict[str, Any], path: ItemPath, salvaged: Salvaged
) -> Optional[BaseModel]:
    lists = dict(CHILD_LISTS.get(entity, ()))
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in lists:
            values[name] = _children(model, name, lists[name], raw.get(name), (*path, name), salvaged)
        elif name in raw:
            values[name] = _field(model, name, raw[name])
        elif info.is_required():
            values[name] = None
    identity = _IDENTITY.get(entity, "id")
    if entity not in ("journey", "library") and values.get(identity) is None:
        return None
    return model.model_construct(**{name: value for name, value in values.items() if value is not _DEFAULT})


def _children(
    model: type[BaseModel], name: str, entity: str, raw: Any, path: ItemPath, salvaged: Salvaged
) -> list[BaseModel]:
    child_model = nested_model(model.model_fields[name].annotation)
    assert child_model is not None
    kept: list[BaseModel] = []
    indices: list[int] = []
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        if isinstance(item, dict):
            child = _item(child_model, entity, item, (*path, len(kept)), salvaged)
            if child is not None:
                kept.append(child)
                indices.append(index)
    salvaged.kept[path] = indices
    return kept


def _written_ids(node: Any) -> set[str]:
    found: set[str] = set()
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, dict):
            if isinstance(current.get("id"), str):
                found.add(current["id"])
            pending.extend(current.values())
        elif isinstance(current, list):
            pending.extend(current)
    return found


class _Default:
    """A field whose value does not validate and that has a default: the default applies."""


_DEFAULT = _Default()


def _field(model: type[BaseModel], name: str, value: Any) -> Any:
    try:
        validated = model.__pydantic_validator__.validate_assignment(model.model_construct(), name, value)
    except ValidationError:
        info = model.model_fields[name]
        return None if info.is_required() or info.default is None or name == "scale" else _DEFAULT
    return getattr(validated, name)
