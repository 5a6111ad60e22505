"""The canonical structure of a map: keys in the format's order, block style.

Keys are put in the order of the format's tables (the models' field order).
An `x-` key stays beside the key it followed and moves with it; `x-` keys
before any key of the format stay first. Mappings and lists of mappings are
written in block style; a list of plain values keeps the style it was written
in (`[a, b]` stays on one line, a block list stays a block list). Values are
kept as loaded by ruamel.yaml's round-trip mode, so quotes, block scalars and
number spellings survive. Comments are not carried here (see comments.py).
"""

from __future__ import annotations

import copy
from typing import Any, Optional

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from journeyctl.model import JourneyMap, PersonaLibrary
from journeyctl.model.validation import nested_model


def arrange(data: Any, kind: str) -> Any:
    """A comment-free copy of round-trip data in canonical order and style."""
    return _arrange(data, PersonaLibrary if kind == "personas" else JourneyMap, {})


def key_order(keys: list[Any], model: Optional[type[BaseModel]]) -> list[Any]:
    """`keys` in the model's field order, each `x-` key kept after its neighbour."""
    if model is None:
        return list(keys)
    rank = {name: index for index, name in enumerate(model.model_fields)}
    groups: list[tuple[int, list[Any]]] = []
    for key in keys:
        if key in rank and not str(key).startswith("x-"):
            groups.append((rank[key], [key]))
        elif groups:
            groups[-1][1].append(key)
        else:
            groups.append((-1, [key]))
    groups.sort(key=lambda group: group[0])
    return [key for _, members in groups for key in members]


def _arrange(node: Any, model: Optional[type[BaseModel]], done: dict[int, Any]) -> Any:
    if id(node) in done:
        return done[id(node)]
    if isinstance(node, dict):
        mapping = done[id(node)] = CommentedMap()
        for key in key_order(list(node), model):
            mapping[key] = _arrange(node[key], _field_model(model, key), done)
        mapping.fa.set_block_style()
        return _keep_properties(node, mapping)
    if isinstance(node, list):
        sequence: Any = CommentedSeq()
        done[id(node)] = sequence
        sequence.extend(_arrange(item, model, done) for item in node)
        plain = not any(isinstance(item, (dict, list)) for item in node)
        if not node or (plain and _written_in_flow(node)):
            sequence.fa.set_flow_style()
        else:
            sequence.fa.set_block_style()
        return _keep_properties(node, sequence)
    if getattr(node, "comment", None) is not None:
        # A block scalar carries its header comment (`|  # note`); comments
        # are put back by splice.py, so the copy must not repeat it.
        bare = done[id(node)] = copy.copy(node)
        bare.comment = None
        return bare
    return node


def _written_in_flow(node: Any) -> bool:
    attributes = getattr(node, "fa", None)
    return attributes is not None and bool(attributes.flow_style())


def _field_model(model: Optional[type[BaseModel]], key: Any) -> Optional[type[BaseModel]]:
    """The model of the items (or the value) of one field; None outside the format."""
    field = model.model_fields.get(key) if model is not None and isinstance(key, str) else None
    return nested_model(field.annotation) if field is not None else None


def _keep_properties(old: Any, new: Any) -> Any:
    """Carry an anchor (`&name`) and a tag over to the copy."""
    anchor = getattr(old, "anchor", None)
    if anchor is not None and anchor.value:
        new.yaml_set_anchor(anchor.value, always_dump=anchor.always_dump)
    tag = getattr(old, "tag", None)
    if tag is not None and getattr(tag, "value", None):
        new.yaml_set_ctag(tag)
    return new
