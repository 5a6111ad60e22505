"""The canonical text of a map, written from the node tree the loader composed.

Keys in the format's order (order.py); mappings, and lists that hold lists or
mappings, in block style, two spaces deeper than their key (a list's dashes
too); a list of plain values written in brackets stays in brackets. Scalars are
copied from the file (scalars.py). A node used again through an alias is
written in full where it first appears in the new order, `*name` elsewhere.
Comments go where comments.py says: lead lines indented like their key or dash
(at most one blank line in a row, none at the start of a block), end-of-line
comments two spaces after the value, the comments that close a block at the
block's indentation.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Optional

from journeyctl.formatter.comments import Comments, Note
from journeyctl.formatter.order import Model, field_model, key_order
from journeyctl.formatter.scalars import ScalarWriter, Unsupported, anchor_of, properties
from journeyctl.formatter.shape import Path, Shape, Source


class Emitted(NamedTuple):
    """The formatted text, and the line each comment of the file went to (0-based, by its old line)."""

    text: str
    placed: dict[int, int]


class _Opening(NamedTuple):
    """The start of a line a collection's first key or item shares (`- ` of an enclosing item)."""

    prefix: str
    leads: list[Path]
    column: int
    eols: list[Note]


def emit(root: Any, source: Source, shape: Shape, comments: Comments, model: Model) -> Emitted:
    """The canonical text of the document whose root node is `root`."""
    return _Writer(source, shape, comments).document(root, model)


class _Writer:
    def __init__(self, source: Source, shape: Shape, comments: Comments) -> None:
        self.shape, self.comments = shape, comments
        self.source = source
        self.scalars = ScalarWriter(source)
        self.out: list[str] = []
        self.placed: dict[int, int] = {}
        self.pending: list[Note] = []
        self.opened = -1
        self.kept = 0  # lines up to here are a value's, blank ones included (`|+` keeps them)
        self.written: set[int] = set()
        self._slot_columns: Optional[dict[Path, int]] = None

    def document(self, root: Any, model: Model) -> Emitted:
        self._tidy_lines(line.rstrip() for line in self.comments.preamble)
        self.opened = len(self.out)
        if root.id != "mapping" or not root.value:
            raise Unsupported("a top level that is not a mapping of keys")
        self._mapping(root, model, (), 0, _Opening("", [()], 0, self.comments.eols.pop((), [])))
        self._lines(self.pending, 0)
        self._tidy_lines(line.rstrip() for line in self.comments.ending)
        while len(self.out) > self.kept and not self.out[-1]:
            self.out.pop()
        return Emitted("\n".join(self.out) + "\n", self.placed)

    def _mapping(self, node: Any, model: Model, src: Path, column: int, opening: Optional[_Opening]) -> None:
        entries = node.value
        keys = [str(key.value) if key.id == "scalar" else "" for key, _ in entries]
        for position, index in enumerate(key_order(keys, model)):
            key, value = entries[index]
            path = (*src, index)
            if position == 0 and opening is not None:
                self._leads([*opening.leads, path], opening.column)
                head, carried = opening.prefix, opening.eols
            else:
                self._leads([path], column)
                head, carried = " " * column, []
            if key.id != "scalar" and not key.flow_style:
                raise Unsupported("a key that is a block list or mapping")
            line = f"{head}{self.scalars.key(key)}:"
            self._value(value, field_model(model, keys[index]) if model else None, path, column, line, carried)
        self._trailer(src, column)

    def _sequence(self, node: Any, model: Model, src: Path, dash: int, opening: Optional[_Opening]) -> None:
        for index, item in enumerate(node.value):
            path = (*src, index)
            if index == 0 and opening is not None:
                here = _Opening(f"{opening.prefix}- ", [*opening.leads, path], opening.column, opening.eols)
            else:
                here = _Opening(f"{' ' * dash}- ", [path], dash, [])
            self._item(item, model, path, dash, here)
        self._trailer(src, dash)

    def _item(self, node: Any, model: Model, path: Path, dash: int, here: _Opening) -> None:
        opening = _Opening(here.prefix, here.leads, here.column, here.eols + self.comments.eols.pop(path, []))
        if self._shares_line(node):
            src = self._written_at(node, path)
            if node.id == "mapping":
                self._mapping(node, model, src, dash + 2, opening)
            else:
                self._sequence(node, model, src, dash + 2, opening)
            return
        self._leads(opening.leads, opening.column)
        self._value(node, model, path, dash, opening.prefix.rstrip(), opening.eols)

    def _shares_line(self, node: Any) -> bool:
        """Whether a list item's first key or item goes on its dash's line (`- id: a`)."""
        if node.id == "scalar" or not node.value or (id(node) in self.written):
            return False
        if node.id == "sequence" and _plain_flow(node):
            return False
        return not self._tags(node)

    def _value(self, node: Any, model: Model, path: Path, column: int, head: str, carried: list[Note]) -> None:
        """Write the value of a key or item, `head` being its line so far (`  key:`, `  -`)."""
        if id(node) in self.written:
            self.out.append(f"{head} *{anchor_of(self.source, node)}")
            self._eol(path, len(self.out) - 1, carried)
            return
        if node.id == "scalar":
            lines, at = self.scalars.lines(node, column, lambda: self._old_column(path), flow=False)
            self._written(node)
            start = len(self.out)
            self.out.append(f"{head} {lines[0]}" if lines[0] else head)
            self.out.extend(lines[1:])
            self.kept = len(self.out)
            self._eol(path, start + at, carried)
            return
        tags = self._tags(node)
        self._written(node)
        if not node.value or _plain_flow(node):
            lines = self._flow_list(node, column) if node.value else ["[]" if node.id == "sequence" else "{}"]
            start = len(self.out)
            self.out.append(" ".join(filter(None, [head, tags, lines[0]])))
            self.out.extend(lines[1:])
            self._eol(path, start + len(lines) - 1, carried)
            return
        self.out.append(" ".join(filter(None, [head, tags])))
        self._eol(path, len(self.out) - 1, carried)
        self.opened = len(self.out)
        src = self._written_at(node, path)
        if node.id == "mapping":
            self._mapping(node, model, src, column + 2, None)
        else:
            self._sequence(node, model, src, column + 2, None)

    def _flow_list(self, node: Any, column: int) -> list[str]:
        """A list of plain values in brackets (one line, unless a quoted value has several)."""
        lines = ["["]
        for index, item in enumerate(node.value):
            if id(item) in self.written:
                text = [f"*{anchor_of(self.source, item)}"]
            else:
                text, _ = self.scalars.lines(item, column, lambda: column, flow=True)
                self._written(item)
            lines[-1] += (", " if index else "") + text[0]
            lines.extend(text[1:])
        lines[-1] += "]"
        return lines

    def _eol(self, path: Path, index: int, carried: list[Note]) -> None:
        own = self.comments.eols.pop(path, None) if self.comments.eols else None
        notes = carried + own if own else carried
        if notes:
            text, line = notes[0]
            self.out[index] = f"{self.out[index].rstrip()}  {text}"
            self.placed[line] = index
            self.pending.extend(notes[1:])

    def _leads(self, paths: list[Path], column: int) -> None:
        leads = self.comments.leads
        if leads or self.pending:
            self._lines([note for path in paths for note in leads.pop(path, ())], column)

    def _trailer(self, path: Path, column: int) -> None:
        self._lines(self.comments.trailers.pop(path, []), column)

    def _lines(self, notes: list[Note], column: int) -> None:
        """Comment lines (and blank lines) at `column`, after the end-of-line comments that did not fit."""
        notes, self.pending = self.pending + notes, []
        for text, line in notes:
            if text:
                self.placed[line] = len(self.out)
                self.out.append(" " * column + text)
            elif self.out and self.out[-1] and len(self.out) != self.opened:
                self.out.append("")

    def _tidy_lines(self, lines: Any) -> None:
        for line in lines:
            if line or (self.out and self.out[-1]):
                self.out.append(line)

    def _tags(self, node: Any) -> str:
        """The anchor and tag a collection is written with (`&steps`), or ""."""
        start = node.start_mark
        text, offset = self.source.text, self.source.offset(start)
        if text[offset : offset + 1] not in ("&", "!"):
            return ""
        if node.value:
            first = node.value[0][0] if node.id == "mapping" else node.value[0]
            if (first.start_mark.line, first.start_mark.column) == (start.line, start.column):
                return ""  # the first key's or item's own tag
        return properties(text, offset)[0]

    def _written(self, node: Any) -> None:
        if self.shape.aliased and id(node) in self.shape.aliased:
            self.written.add(id(node))

    def _written_at(self, node: Any, path: Path) -> Path:
        """Where the comments inside a node are found: where the file writes it in full."""
        self._written(node)
        return self.shape.defined_at.get(id(node), path)

    def _old_column(self, path: Path) -> int:
        """The column of the key or dash at `path` in the file (for block scalars with an indentation digit)."""
        if self._slot_columns is None:
            self._slot_columns = {slot.path: slot.column for slot in self.shape.slots}
        return self._slot_columns.get(path, 0)


def _plain_flow(node: Any) -> bool:
    """A list written in brackets that holds only plain values (it stays in brackets)."""
    return node.id == "sequence" and bool(node.flow_style) and all(item.id == "scalar" for item in node.value)
