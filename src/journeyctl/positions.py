"""Where things are in a file: 1-based line and column of any key or value."""

from __future__ import annotations

from typing import Any, Union

PathPart = Union[str, int]
Path = tuple[PathPart, ...]


class SourceMap:
    """Positions of a composed YAML document, looked up by data path.

    The composed node tree is kept as it is and walked only when a finding needs
    a position, so loading a clean file pays nothing for positions.
    """

    def __init__(self, root: Any) -> None:
        self._root = root

    def locate(self, path: Path, at_key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `path` (or of its key, `at_key`).

        When the path does not exist (a missing key), the nearest existing
        ancestor is given instead.
        """
        node, key_node = self._root, None
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            key_node, node = child
        mark = key_node.start_mark if (at_key and key_node is not None) else node.start_mark
        return mark.line + 1, mark.column + 1


def _child(node: Any, part: PathPart) -> tuple[Any, Any] | None:
    """The (key node, value node) for one step of a path, or None."""
    value = getattr(node, "value", None)
    if not isinstance(value, list):
        return None
    is_mapping = bool(value) and isinstance(value[0], tuple)
    if isinstance(part, int):
        if 0 <= part < len(value) and not is_mapping:
            item = value[part]
            return item, item
        return None
    if not is_mapping:
        return None
    for key_node, value_node in value:
        if getattr(key_node, "value", None) == part:
            return key_node, value_node
    return None
