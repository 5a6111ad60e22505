"""The canonical order of a mapping's keys: the order of the format's tables.

Keys are put in the models' field order. An `x-` key stays beside the key it
followed and moves with it; `x-` keys before any key of the format stay first.
Keys outside the format (`demographics`, `x-` values) keep the order they have.
"""

from __future__ import annotations

import functools
from typing import Optional

from pydantic import BaseModel

from journeyctl.model import JourneyMap, PersonaLibrary
from journeyctl.model.validation import nested_model

Model = Optional[type[BaseModel]]


def root_model(kind: str) -> type[BaseModel]:
    """The model of a whole file of this kind (journey or personas)."""
    return PersonaLibrary if kind == "personas" else JourneyMap


def key_order(keys: list[str], model: Model) -> list[int]:
    """The positions of `keys` in the model's field order, each `x-` key kept after its neighbour."""
    if model is None:
        return list(range(len(keys)))
    rank = _ranks(model)
    groups: list[tuple[int, list[int]]] = []
    for index, key in enumerate(keys):
        if key in rank and not key.startswith("x-"):
            groups.append((rank[key], [index]))
        elif groups:
            groups[-1][1].append(index)
        else:
            groups.append((-1, [index]))
    groups.sort(key=lambda group: group[0])
    return [index for _, members in groups for index in members]


@functools.lru_cache(maxsize=None)
def field_model(model: Model, key: str) -> Model:
    """The model of the value (or of the items) of one field; None outside the format."""
    field = model.model_fields.get(key) if model is not None else None
    return nested_model(field.annotation) if field is not None else None


@functools.lru_cache(maxsize=None)
def _ranks(model: type[BaseModel]) -> dict[str, int]:
    return {name: index for index, name in enumerate(model.model_fields)}
