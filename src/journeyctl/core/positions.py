"""Where things are in a file: 1-based line and column of any key or value."""

from __future__ import annotations

import bisect
from typing import Any, Optional, Union

PathPart = Union[str, int]
Path = tuple[PathPart, ...]
# A stretch of text: 1-based (line, column) of its start and of the position just after it.
Span = tuple[tuple[int, int], tuple[int, int]]


class SourceMap:
    """Positions of a composed YAML document, looked up by data path.

    The composed node tree is kept as it is and walked only when a finding needs
    a position, so loading a clean file pays nothing for positions.
    """

    def __init__(self, root: Any) -> None:
        self._root = root

    @property
    def root(self) -> Any:
        """The composed root node (fmt writes the map again from it)."""
        return self._root

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

    def span(self, path: Path, at_key: bool = False) -> Optional[Span]:
        """Where the value at `path` (or its key, `at_key`) starts and ends; None when the path does not exist."""
        node, key_node = self._root, None
        for part in path:
            child = _child(node, part)
            if child is None:
                return None
            key_node, node = child
        target = key_node if at_key and key_node is not None else node
        return (_one_based(target.start_mark), _one_based(target.end_mark))

    def path_at(self, line: int, column: int) -> Optional[tuple[Path, bool]]:
        """The data path of the innermost key or value at a 1-based position, and whether it is a key.

        A position just after a word counts as on it (where a cursor stands after
        typing). None outside the document's top-level mapping.
        """
        position = (line - 1, column - 1)
        node: Any = self._root
        path: Path = ()
        if not _encloses(node, position):
            return None
        while True:
            step = _step_towards(node, position)
            if step is None:
                return path, False
            part, key, child = step
            if key is not None and _encloses(key, position):
                return (*path, part), True
            node, path = child, (*path, part)
            if not _is_collection(node):
                return path, False

    def block_end(self, line: int) -> int:
        """The last line of the list or mapping that is the value of a key on `line`.

        `line` itself when no key on that line has a list or mapping value. Lines
        are 1-based; only the branches of the tree that span `line` are walked.
        """
        target = line - 1
        pending = [self._root]
        while pending:
            for key, child in _children(pending.pop()):
                if key is not None and key.start_mark.line == target and _is_collection(child):
                    return _last_line(child) + 1
                if _is_collection(child) and child.start_mark.line <= target <= _last_line(child):
                    pending.append(child)
        return line

    def in_scalar(self, line: int, column: int) -> bool:
        """Whether a 1-based position lies inside a key or a value (a `#` there is text, not a comment)."""
        position = (line - 1, column - 1)
        pending = [self._root]
        while pending:
            for key, child in _children(pending.pop()):
                for node in (key, child):
                    if node is not None and _start(node) <= position < (node.end_mark.line, node.end_mark.column):
                        if not _is_collection(node):
                            return True
                        pending.append(node)
        return False


def _children(node: Any) -> list[tuple[Any, Any]]:
    """(key node or None, value node) for each item of a mapping or a sequence."""
    value = getattr(node, "value", None)
    if not isinstance(value, list):
        return []
    return [item if isinstance(item, tuple) else (None, item) for item in value]


def _step_towards(node: Any, position: tuple[int, int]) -> Optional[tuple[PathPart, Any, Any]]:
    """(path part, key node or None, value node) of the item of a collection that encloses `position`.

    Items are in text order: a binary search finds the last one starting at or
    before `position`, so that a list of thousands of items is not scanned.
    """
    items = node.value
    if not isinstance(items, list) or not items:
        return None
    index = bisect.bisect_right(items, position, key=_item_start) - 1
    if index < 0:
        return None
    key, child = items[index] if isinstance(items[index], tuple) else (None, items[index])
    if (key is not None and _encloses(key, position)) or _encloses(child, position):
        return (str(key.value) if key is not None else index), key, child
    return None


def _item_start(item: Any) -> tuple[int, int]:
    mark = (item[0] if isinstance(item, tuple) else item).start_mark
    return mark.line, mark.column


def _encloses(node: Any, position: tuple[int, int]) -> bool:
    """Whether a node's text holds a 0-based position; a scalar's also holds the position just after it."""
    start, end = node.start_mark, node.end_mark
    after = (end.line, end.column)
    if _is_collection(node):
        return (start.line, start.column) <= position < after
    return (start.line, start.column) <= position <= after


def _one_based(mark: Any) -> tuple[int, int]:
    return int(mark.line) + 1, int(mark.column) + 1


def _is_collection(node: Any) -> bool:
    return isinstance(node.value, list)


def _last_line(node: Any) -> int:
    """The 0-based last line of a node: a block collection's end mark is the start of the next line."""
    end = node.end_mark
    return int(end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line)


def _start(node: Any) -> tuple[int, int]:
    """Where a node's text starts; a block scalar's (`|`, `>`) on the line after its header."""
    mark = node.start_mark
    return (mark.line + 1, 0) if getattr(node, "style", None) in ("|", ">") else (mark.line, mark.column)


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
