"""Which comment belongs to which slot, read from the text itself.

A comment line or a blank line leads the next slot (the key or list item that
starts after it); an end-of-line comment follows the outermost slot that starts
on its line (or, at the end of a value spread over several lines, the last slot
before it). Lines before the first key form the preamble (a header comment, a
modeline, `---`), lines after the last value the trailer; both stay where they are.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from journeyctl.formatter.outline import Outline, Path, Slot, Span

_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")
Interval = tuple[int, Optional[int]]


@dataclass
class Comments:
    """A file's comments, by the path of the slot they belong to.

    Lead lines are comment text without its indentation, or "" for a blank line;
    end-of-line comments keep the column they were written at.
    """

    preamble: list[str] = field(default_factory=list)
    leads: dict[Path, list[str]] = field(default_factory=lambda: defaultdict(list))
    eols: dict[Path, list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    trailer: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Line:
    """What one line holds outside its scalars: content, and where a comment starts."""

    content: bool
    comment: Optional[int]


def classify(lines: list[str], outline: Outline) -> list[Line]:
    """Each line's content and comment column, scalars (block scalars too) excluded."""
    covered = _covered(lines, outline)
    return [_classify(text, covered.get(number, [])) for number, text in enumerate(lines)]


def untabbed(lines: list[str], outline: Outline) -> list[str]:
    """The lines with each tab outside the scalars made a space, columns unchanged.

    YAML allows tabs as separation (`title: T<tab># note`); ruamel.yaml's
    round-trip scanner rejects them. Outside scalars they carry no meaning.
    """
    covered = _covered(lines, outline)
    result = []
    for number, text in enumerate(lines):
        free = _free(text, covered.get(number, []))
        result.append("".join(" " if char == "\t" and free[column] else char for column, char in enumerate(text)))
    return result


def read_comments(lines: list[str], outline: Outline) -> Comments:
    """Attach every comment and blank line of a text to a slot, the preamble or the trailer."""
    kinds = classify(lines, outline)
    slots = outline.slots
    starts = [slot.line for slot in slots]
    first = starts[0] if slots else len(lines)
    last = max((number for number, kind in enumerate(kinds) if kind.content), default=first)
    end = outline.end_marker if outline.end_marker is not None else last + 1
    comments = Comments(preamble=lines[:first], trailer=lines[end:])
    loose: list[str] = []
    for number in range(first, end):
        kind, text = kinds[number], lines[number]
        if kind.comment is None and kind.content:
            continue
        note = text[kind.comment :].rstrip() if kind.comment is not None else ""
        if not kind.content:
            after = bisect.bisect_right(starts, number)
            (comments.leads[slots[after].path] if after < len(slots) else loose).append(note)
            continue
        comments.eols[_owner_of_line(slots, starts, number)].append((note, kind.comment or 0))
    comments.trailer = loose + comments.trailer
    return comments


def _owner_of_line(slots: list[Slot], starts: list[int], number: int) -> Path:
    """The slot an end-of-line comment on line `number` is about.

    The outermost slot starting on the line (for `- name: x  # note`, the list
    item, whose findings lint reports on that line, so suppressions keep
    working when fmt moves `name` down), but never the root mapping; on a line
    where no slot starts (the end of a long value), the last slot before it.
    """
    first = bisect.bisect_left(starts, number)
    if first < len(slots) and starts[first] == number and slots[first].path:
        return slots[first].path
    if first + 1 < len(slots) and starts[first] == number and starts[first + 1] == number:
        return slots[first + 1].path
    return slots[max(bisect.bisect_right(starts, number) - 1, 0)].path


def comment_texts(lines: list[str], outline: Outline) -> list[str]:
    """Every comment of a text, sorted: what fmt must keep, word for word."""
    return sorted(
        lines[number][kind.comment :].rstrip()
        for number, kind in enumerate(classify(lines, outline))
        if kind.comment is not None
    )


def _intervals(span: Span, lines: list[str]) -> list[tuple[int, Interval]]:
    """The (line, columns) a scalar covers; a block scalar's header comment stays free."""
    first, last = span.start_line, span.end_line
    if span.end_column == 0 and last > first:
        last -= 1
    if span.style not in ("|", ">"):
        if first == last:
            return [(first, (span.start_column, span.end_column))]
        middle = [(number, (0, None)) for number in range(first + 1, last)]
        return [(first, (span.start_column, None)), *middle, (last, (0, span.end_column))]
    header = lines[first]
    indicator = _BLOCK_HEADER.search(header, span.start_column)
    header_end = indicator.end() if indicator else len(header)
    if not (indicator and "+" in indicator.group()):
        while last > first and not lines[last].strip():
            last -= 1
    return [(first, (span.start_column, header_end)), *((n, (0, None)) for n in range(first + 1, last + 1))]


def _covered(lines: list[str], outline: Outline) -> dict[int, list[Interval]]:
    covered: dict[int, list[Interval]] = defaultdict(list)
    for span in outline.scalars:
        for number, interval in _intervals(span, lines):
            covered[number].append(interval)
    return covered


def _free(text: str, intervals: list[Interval]) -> list[bool]:
    """For each column of a line, whether it is outside every scalar."""
    free = [True] * len(text)
    for start, stop in intervals:
        for column in range(start, len(text) if stop is None else min(stop, len(text))):
            free[column] = False
    return free


def _classify(text: str, intervals: list[Interval]) -> Line:
    # A line a scalar runs through is content even when blank (a paragraph
    # break); an empty scalar (`key:`) covers nothing.
    content = any(stop is None or stop > start for start, stop in intervals)
    free = _free(text, intervals)
    for column, char in enumerate(text):
        if not free[column]:
            continue
        if char == "#" and (column == 0 or text[column - 1] in " \t"):
            return Line(content, column)
        if not char.isspace():
            content = True
    return Line(content, None)
