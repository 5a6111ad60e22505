"""The differ: two versions of a map to a list of Changes, in journey order."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, Optional

from journeyctl.diff.changes import Change
from journeyctl.diff.items import Key, MapIndex, Node, index_map
from journeyctl.diff.values import item_data, plain
from journeyctl.model import MapModel
from journeyctl.model.walk import CHILD_LISTS

_LIST_RANK = {name: rank for lists in CHILD_LISTS.values() for rank, (name, _) in enumerate(lists)}
_KIND_RANK = {"added": 0, "removed": 0, "moved": 1, "changed": 2}

Found = list[tuple[Optional[Node], Change]]


def diff_maps(old: Optional[MapModel], new: Optional[MapModel]) -> list[Change]:
    """Every difference between two versions of a map (None: the map does not exist there).

    Items are matched by id (metrics by name within their touchpoint), so
    formatting, key order and comments are never changes. An item is added,
    removed, moved to another container or position, or has changed fields;
    each child is its own change, never a change of its parent's list.
    """
    before, after = index_map(old), index_map(new)
    found = _root_changes(before.root, after.root)
    for key, node in after.nodes.items():
        was = before.nodes.get(key)
        if was is None:
            found.append((node, _whole(node, "added")))
            continue
        if was.container != node.container:
            found.append((node, _change(node, "moved", from_=was.parent_id, to=node.parent_id)))
        found.extend((node, change) for change in _field_changes(was, node))
    found.extend((node, _whole(node, "removed")) for key, node in before.nodes.items() if key not in after.nodes)
    found.extend(_reorders(before, after))
    order = _Placement(before, after)
    return [change for _, change in sorted(found, key=order.sort_key)]


def _change(node: Node, kind: str, **values: Any) -> Change:
    return Change(
        node.entity, node.ident, kind, stage=node.stage, touchpoint=node.touchpoint, name=node.name(), **values
    )


def _whole(node: Node, kind: str) -> Change:
    data = item_data(node.item, node.fields())
    if node.entity == "metric":
        data = {"name": node.ident, **data}
    return _change(node, kind, **({"after": data} if kind == "added" else {"before": data}))


def _field_changes(was: Node, node: Node) -> list[Change]:
    changes = []
    for name in node.fields():
        old_value, new_value = plain(getattr(was.item, name)), plain(getattr(node.item, name))
        if old_value != new_value:
            changes.append(_change(node, "changed", field=name, before=old_value, after=new_value))
    return changes


def _root_changes(was: Optional[Node], node: Optional[Node]) -> Found:
    """Changes of the journey itself; a persona library has nothing but its personas."""
    if was is not None and node is not None and was.entity == node.entity == "journey":
        return [(None, change) for change in _field_changes(was, node)]
    changes: Found = []
    if was is not None and was.entity == "journey":
        changes.append((None, _whole(was, "removed")))
    if node is not None and node.entity == "journey":
        changes.append((None, _whole(node, "added")))
    return changes


def _reorders(before: MapIndex, after: MapIndex) -> Found:
    """Items whose order against the other items kept in their container changed.

    The items that keep their relative order are a longest increasing run of
    old positions; only the others moved, so an insertion moves nothing.
    """
    changes: Found = []
    for container, keys in after.children.items():
        kept = [key for key in keys if key in before.nodes and before.nodes[key].container == container]
        old_positions = [before.nodes[key].index for key in kept]
        in_order = _longest_increasing(old_positions)
        for i, key in enumerate(kept):
            if i not in in_order:
                node = after.nodes[key]
                changes.append((node, _change(node, "moved", from_=old_positions[i] + 1, to=node.index + 1)))
    return changes


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence of `values`."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(values)
    for i, value in enumerate(values):
        length = bisect_left(tails, value)
        if length == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[length], tail_at[length] = value, i
        previous[i] = tail_at[length - 1] if length else -1
    chosen, i = set(), tail_at[-1] if tail_at else -1
    while i != -1:
        chosen.add(i)
        i = previous[i]
    return chosen


class _Placement:
    """Journey order for changes: an item where it is now, a removed item where it was."""

    def __init__(self, before: MapIndex, after: MapIndex) -> None:
        self.before, self.after = before, after
        self._cache: dict[Key, tuple[Any, ...]] = {}

    def sort_key(self, found: tuple[Optional[Node], Change]) -> tuple[Any, ...]:
        node, change = found
        place = self.place(node.key) if node is not None else ()
        fields = node.fields() if node is not None else []
        field_rank = fields.index(change.field) if change.field in fields else -1
        return (place, _KIND_RANK[change.kind], field_rank)

    def place(self, key: Key) -> tuple[Any, ...]:
        if key not in self._cache:
            self._cache[key] = self._place(key)
        return self._cache[key]

    def _place(self, key: Key) -> tuple[Any, ...]:
        node = self.after.nodes.get(key)
        if node is not None:
            rank: tuple[int, int, int] = (node.index, 0, 0)
        else:
            node = self.before.nodes[key]
            siblings = self.after.children.get(node.container, [])
            earlier = self.before.children[node.container][: node.index]
            anchor = max((siblings.index(k) for k in earlier if k in siblings), default=-1)
            rank = (anchor, 1, node.index)
        parent, list_name = node.container
        return (*(self.place(parent) if parent is not None else ()), (_LIST_RANK[list_name], rank))
