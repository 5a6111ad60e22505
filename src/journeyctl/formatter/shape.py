"""The shape of a map's text, read from the node tree the loader composed.

Every key and block-list item (a slot) with the line and column it starts at,
where the scalars a `#` could be in are, the column of each block collection, and the nodes
written once and used again through aliases. fmt reads comments against it
(comments.py) and re-emits the map from the same nodes (emitter.py), so a file
is parsed once. Flow collections are leaves: a comment inside one belongs to
the slot that holds it. A path is made of positions (the n-th key or item as
written), not key names, so that it is unique even where `x-` values repeat a key.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from journeyctl.source.yamlerrors import LINE_BREAKS

Path = tuple[int, ...]
_ODD_BREAKS = ("\x85", "\u2028", "\u2029")


class Slot(NamedTuple):
    """A key, or a block list's item (at its dash); 0-based line and column."""

    path: Path
    line: int
    column: int
    key: bool = False


class Span(NamedTuple):
    """Where a scalar is, from its first character (tag and anchor included) to its end."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int
    style: str  # "" plain, "'", '"', "|" or ">"


class Source:
    """A text split into lines as the parser counts them, with each line's offset."""

    def __init__(self, text: str, lines: list[str], starts: list[int]) -> None:
        self.text, self.lines, self.starts = text, lines, starts

    @classmethod
    def of(cls, text: str) -> Source:
        """`text` must have `\\n` line ends; libyaml also breaks lines at NEL, LS and PS."""
        lines = LINE_BREAKS.split(text) if any(char in text for char in _ODD_BREAKS) else text.split("\n")
        starts, offset = [], 0
        for line in lines:
            starts.append(offset)
            offset += len(line) + 1
        return cls(text, lines, starts)

    def offset(self, mark: Any) -> int:
        """Where a parser mark is in the text."""
        return int(self.starts[mark.line] + mark.column)

    def between(self, start: Any, end: Any) -> str:
        """The text from one parser mark to another."""
        return self.text[self.offset(start) : self.offset(end)]


class Shape:
    """Slots in the order they are written (the root first, path `()`), the scalars a `#`
    could be in (see scalar_spans), block collections' columns, and where each aliased
    node is written in full. (Plain classes here and in the modules beside: fmt runs
    on every commit, and a dataclass costs a few tenths of a millisecond to define.)"""

    def __init__(self) -> None:
        self.slots: list[Slot] = []
        self.scalars: list[Span] = []
        self.columns: dict[Path, int] = {}
        self.defined_at: dict[int, Path] = {}
        self.aliased: set[int] = set()


def read_shape(root: Any, source: Source) -> Shape:
    """The shape of the document whose root node is `root`."""
    shape = Shape()
    shape.slots.append(Slot((), root.start_mark.line, 0))
    # Without a `*` in the text there is no alias: no need to remember where each node was.
    _Reader(shape, source, aliases="*" in source.text).node(root, (), flow=False)
    return shape


def scalar_spans(root: Any) -> list[Span]:
    """The scalars of a document a `#` could be in: the ones over several lines, and the ones
    whose text has one (a `#` there is text, not a comment)."""
    spans: list[Span] = []
    pending, seen = [root], set()
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.id == "scalar":
            start, end = node.start_mark, node.end_mark
            if start.line != end.line or "#" in node.value:
                spans.append(Span(start.line, start.column, end.line, end.column, node.style or ""))
        elif node.id == "sequence":
            pending.extend(node.value)
        else:
            pending.extend(part for pair in node.value for part in pair)
    return spans


class _Reader:
    def __init__(self, shape: Shape, source: Source, aliases: bool) -> None:
        self.shape = shape
        self.lines = source.lines
        self.aliases = aliases

    def node(self, node: Any, path: Path, flow: bool) -> None:
        if self.aliases:
            if id(node) in self.shape.defined_at:
                self.shape.aliased.add(id(node))
                return
            self.shape.defined_at[id(node)] = path
        kind = node.id
        if kind == "scalar":
            start, end = node.start_mark, node.end_mark
            if start.line != end.line or "#" in node.value:
                self.shape.scalars.append(Span(start.line, start.column, end.line, end.column, node.style or ""))
            return
        flow = flow or bool(node.flow_style)
        if kind == "mapping":
            for index, (key, value) in enumerate(node.value):
                if not flow:
                    self._slot(Slot((*path, index), key.start_mark.line, key.start_mark.column, key=True))
                self.node(key, (*path, index, -1), flow=True)
                self.node(value, (*path, index), flow)
        else:
            previous = -1
            for index, item in enumerate(node.value):
                if not flow:
                    previous = self._item((*path, index), item, previous, node)
                self.node(item, (*path, index), flow)

    def _slot(self, slot: Slot) -> None:
        self.shape.slots.append(slot)
        self.shape.columns.setdefault(slot.path[:-1], slot.column)

    def _item(self, path: Path, item: Any, previous: int, sequence: Any) -> int:
        """Register a block list's item at its dash; the dash's line."""
        if self.aliases and id(item) in self.shape.defined_at:
            line, column = self._next_dash(previous + 1, self.shape.columns.get(path[:-1], sequence.start_mark.column))
        else:
            line, column = _dash(self.lines, item.start_mark.line, item.start_mark.column)
        self._slot(Slot(path, line, column))
        return line

    def _next_dash(self, line: int, column: int) -> tuple[int, int]:
        """An alias item's dash (its node is written elsewhere): the next line with a dash at the list's column."""
        for number in range(line, len(self.lines)):
            text = self.lines[number]
            if text[column : column + 1] == "-" and not text[:column].strip():
                return number, column
        return line, column


_COMMENT_START = re.compile(r"(?:^|[ \t])#")


def _dash(lines: list[str], line: int, column: int) -> tuple[int, int]:
    """The `-` before a list item whose content starts at (line, column).

    On the same line (`- id: a`, `- - a`), or for an item whose content starts on
    a later line, on the last line before it with anything but a comment.
    """
    before = lines[line][:column].rstrip()
    while not before and line > 0:
        line -= 1
        text = lines[line]
        comment = _COMMENT_START.search(text)
        before = (text[: comment.start()] if comment else text).rstrip()
    if before.endswith("-"):
        return line, len(before) - 1
    return line, column
