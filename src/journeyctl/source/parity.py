"""The pure parser's reading brought level with libyaml's, for a file only the pure parser reads.

Where empty keys and values are: findings about an empty value (`stages:` with
nothing after it) are shown at it, and fmt puts an end-of-line comment after it.
libyaml places an empty value just after its `:` in a block mapping and at the
token after the `:` in braces; the pure parser at the next token (maybe lines
below) and just after the `:`. An empty key in braces libyaml places at its `:`,
the pure parser just after it.

Which escapes name a character: libyaml refuses `"\\ud800"` (half of a UTF-16
pair, no character), the pure parser makes it a string that cannot be written out.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional

from journeyctl.source.yamlerrors import BAD_ESCAPE, LINE_BREAKS, load_error

_BREAKS = "\r\n\x85\u2028\u2029"
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F][0-9a-fA-F]{2}")


@dataclass
class _Mapping:
    """An open mapping while events go by: its nodes so far, and the end of its last key."""

    flow: bool
    nodes: int = 0
    key_end: Any = None


def place_empty_nodes(root: Any, text: str) -> None:
    """Move the empty keys and values of a pure parser's node tree to libyaml's places."""
    pending, seen = [root], set()
    while pending:  # in document order, so that an alias comes after its anchor
        node = pending.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if node.id == "mapping":
            for key, value in node.value:
                flow = bool(node.flow_style)
                _place_key(key, flow, text)
                if empty(value) and id(key) not in seen:  # a key seen before is an alias: its end is elsewhere
                    _place_value(value, key.end_mark, flow, text)
                seen.add(id(key))
            pending += [part for pair in reversed(node.value) for part in reversed(pair)]
        elif node.id == "sequence":
            pending += reversed(node.value)


def refuse_lone_surrogates(root: Any, text: str) -> None:
    """The E001 libyaml gives, at the escape, for a text that escapes half of a UTF-16 pair."""
    pending, seen = [root], set()
    while pending:
        node = pending.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if node.id != "scalar":
            pending += [part for pair in node.value for part in pair] if node.id == "mapping" else node.value
        elif _SURROGATE.search(node.value):
            start = node.start_mark
            escape = _SURROGATE_ESCAPE.search(text, start.index, node.end_mark.index)
            index = escape.start() + 2 if escape else start.index  # after `\u`, as libyaml marks it
            lines = LINE_BREAKS.split(text[start.index : index])
            column = start.column + len(lines[0]) if len(lines) == 1 else len(lines[-1])
            mark = copy.copy(start)
            mark.line, mark.column = start.line + len(lines) - 1, column
            raise load_error("E001", mark, BAD_ESCAPE)


def place_empty_events(events: Iterable[Any], text: str) -> Iterator[Any]:
    """The events of a pure parser, with empty keys and values moved to libyaml's places."""
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent, MappingStartEvent, NodeEvent

    opened: list[Optional[_Mapping]] = []  # None for a sequence
    for event in events:
        parent = opened[-1] if opened else None
        if parent is not None and isinstance(event, NodeEvent):
            parent.nodes += 1
            is_key = parent.nodes % 2 == 1
            if is_key:
                _place_key(event, parent.flow, text)
            elif empty(event) and parent.key_end is not None:
                _place_value(event, parent.key_end, parent.flow, text)
            parent.key_end = event.end_mark if is_key and not isinstance(event, CollectionStartEvent) else None
        if isinstance(event, CollectionStartEvent):
            flow = bool(event.flow_style) or any(frame is not None and frame.flow for frame in opened[-1:])
            opened.append(_Mapping(flow) if isinstance(event, MappingStartEvent) else None)
        elif isinstance(event, CollectionEndEvent):
            opened.pop()
        yield event


def empty(node_or_event: Any) -> bool:
    """Whether a scalar node or event is empty: no text, no quotes, no width."""
    value, start, end = getattr(node_or_event, "value", None), node_or_event.start_mark, node_or_event.end_mark
    return value == "" and not getattr(node_or_event, "style", None) and start.index == end.index


def _place_key(key: Any, flow: bool, text: str) -> None:
    start = key.start_mark
    if flow and empty(key) and text[start.index - 1 : start.index] == ":":
        _move(key, start.index - 1, start.line, start.column - 1)


def _place_value(value: Any, key_end: Any, flow: bool, text: str) -> None:
    """Move an empty value after a key ending at `key_end`, when a `:` follows the key
    (`{a, b}` has none: both parsers place the value at the next token)."""
    colon = _skip_blanks(text, key_end.index)
    if text[colon : colon + 1] != ":":
        return
    index = _skip_blanks(text, colon + 1) if flow else colon + 1
    lines = LINE_BREAKS.split(text[key_end.index : index])
    column = key_end.column + len(lines[0]) if len(lines) == 1 else len(lines[-1])
    _move(value, index, key_end.line + len(lines) - 1, column)


def _skip_blanks(text: str, index: int) -> int:
    """The index of the next token at or after `index`: past spaces, tabs, line breaks and comments."""
    while index < len(text):
        if text[index] == "#":
            ends = [found for found in (text.find(end, index) for end in _BREAKS) if found >= 0]
            index = min(ends, default=len(text))
        elif text[index] in " \t" + _BREAKS:
            index += 1
        else:
            break
    return index


def _move(node: Any, index: int, line: int, column: int) -> None:
    """Set an empty node's (or event's) start and end to one place of the text."""
    mark = copy.copy(node.start_mark)
    mark.index, mark.pointer, mark.line, mark.column = index, index, line, column
    node.start_mark = node.end_mark = mark
