"""The outline of a YAML text, read from the parser's events: every key and list
item (a slot) in document order with where it starts, and where the scalars are.

fmt uses it twice: on the file, to tell which comment belongs to which slot, and
on the re-emitted text, to put each comment back beside the same slot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Union

from journeyctl.source.parity import place_empty_events

PathPart = Union[str, int]
Path = tuple[PathPart, ...]


@dataclass
class Slot:
    """A key or a list item of a block collection (flow collections are leaves).

    Lines and columns are 0-based. `column` is where a comment line before the
    slot is indented (the key, or the item's dash); `eol_line` is the line an
    end-of-line comment about it goes on (the end of its value, or its own line
    when the value is a block collection or a block scalar).
    """

    path: Path
    line: int
    column: int
    eol_line: int = -1
    # The list item whose first line this key shares (`- name: x`): the
    # item's end-of-line comments go where this key's value ends.
    carrier: Optional[Slot] = field(default=None, repr=False, compare=False)

    def end_at(self, line: int) -> None:
        """Set the end-of-line comment line, for the carrying item too."""
        self.eol_line = line
        if self.carrier is not None:
            self.carrier.end_at(line)


@dataclass(frozen=True)
class Span:
    """Where a scalar is, from its first character (tag and anchor included) to its end."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int
    style: Optional[str]


@dataclass
class Outline:
    """The slots (the root first, path `()`), the scalars, and an explicit `...` line."""

    slots: list[Slot] = field(default_factory=list)
    scalars: list[Span] = field(default_factory=list)
    end_marker: Optional[int] = None


@dataclass
class _Frame:
    path: Path
    mapping: bool
    flow: bool
    owner: Optional[Slot]
    count: int = 0
    key_slot: Optional[Slot] = None


def outline(text: str) -> Outline:
    """The outline of a single-document YAML text (it must parse).

    Read as the loader reads it (source/composer.py): with libyaml, and with
    ruamel.yaml's YAML 1.2 parser when libyaml refuses the text.
    """
    from ruamel.yaml.error import YAMLError

    try:
        return _outline(text, pure=False)
    except YAMLError:
        return _outline(text, pure=True)


def _outline(text: str, pure: bool) -> Outline:
    from ruamel.yaml import YAML

    result, lines = Outline(), text.split("\n")
    stack: list[_Frame] = []
    events = YAML(typ="safe", pure=pure).parse(text)
    for event in place_empty_events(events, text) if pure else events:
        name = type(event).__name__
        if name in ("ScalarEvent", "AliasEvent", "MappingStartEvent", "SequenceStartEvent"):
            owner = _place(event, stack, result, lines)
            _value(event, name, owner, stack, result)
        elif name in ("MappingEndEvent", "SequenceEndEvent"):
            frame = stack.pop()
            if frame.owner is not None and frame.flow and not (stack and stack[-1].flow):
                frame.owner.end_at(event.end_mark.line)
        elif name == "DocumentEndEvent" and getattr(event, "explicit", False):
            result.end_marker = event.start_mark.line
    return result


def _place(event: Any, stack: list[_Frame], result: Outline, lines: list[str]) -> Optional[Slot]:
    """Register the node as a key or an item; the slot whose value it is (None for a key)."""
    mark = event.start_mark
    if not stack:
        root = Slot((), mark.line, 0)
        result.slots.append(root)
        return root
    frame = stack[-1]
    frame.count += 1
    if frame.flow:
        return None
    if frame.mapping:
        if frame.count % 2:
            frame.key_slot = Slot((*frame.path, str(getattr(event, "value", ""))), mark.line, mark.column)
            if frame.count == 1 and frame.owner is not None and frame.owner.line == mark.line:
                frame.key_slot.carrier = frame.owner
            result.slots.append(frame.key_slot)
            return None
        return frame.key_slot
    item = Slot((*frame.path, frame.count - 1), mark.line, _dash_column(lines[mark.line], mark.column))
    result.slots.append(item)
    return item


def _value(event: Any, name: str, owner: Optional[Slot], stack: list[_Frame], result: Outline) -> None:
    start, end = event.start_mark, event.end_mark
    if name == "ScalarEvent":
        style = event.style or None
        result.scalars.append(Span(start.line, start.column, end.line, end.column, style))
        if owner is not None:
            owner.end_at(owner.line if style in ("|", ">") else end.line)
    elif name == "AliasEvent":
        if owner is not None:
            owner.end_at(end.line)
    else:
        flow = bool(event.flow_style) or bool(stack and stack[-1].flow)
        path = owner.path if owner is not None else ()
        stack.append(_Frame(path, name == "MappingStartEvent", flow, owner))
        if owner is not None and not flow:
            owner.end_at(owner.line)


def _dash_column(line: str, column: int) -> int:
    """The column of the `-` that starts a list item whose content is at `column`."""
    dash = line.rfind("-", 0, column)
    return dash if dash >= 0 and not line[dash + 1 : column].strip() else column
