"""Which lines of a text hold content, and where their comments start.

A `#` starts a comment at the start of a line or after a space or a tab, unless
it is inside a scalar (`title: "No. #1"`, the lines of a block scalar). A line
a scalar runs through is content even when blank (a paragraph of a block scalar).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple, Optional

from journeyctl.formatter.shape import Span

_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")


class Lines(NamedTuple):
    """Per line: whether it holds content, and the column of its comment (-1: none)."""

    content: list[bool]
    comment: list[int]


def classify(lines: list[str], spans: list[Span]) -> Lines:
    """Each line's content and comment column, the text of scalars (block scalars too) excluded."""
    hashes = {number for number, text in enumerate(lines) if "#" in text}
    inside: set[int] = set()
    partial: dict[int, list[tuple[int, Optional[int]]]] = defaultdict(list)
    for span in spans:
        if span.start_line == span.end_line:
            if span.start_line in hashes:
                partial[span.start_line].append((span.start_column, span.end_column))
            continue
        for number, (start, stop) in _intervals(span, lines):
            if start == 0 and stop is None:
                inside.add(number)
            elif number in hashes:
                partial[number].append((start, stop))
    content, comment = [], []
    for number, text in enumerate(lines):
        column = -1
        if number in inside:
            content.append(True)
        elif number not in hashes:
            content.append(bool(text.strip()))
        else:
            column = _comment_column(text, partial.get(number, ()))
            content.append(bool((text[:column] if column >= 0 else text).strip()))
        comment.append(column)
    return Lines(content, comment)


def comment_texts(lines: list[str], spans: list[Span]) -> list[str]:
    """Every comment of a text, sorted: what fmt must keep, word for word."""
    return texts(lines, classify(lines, spans))


def texts(lines: list[str], kinds: Lines) -> list[str]:
    """The comments `kinds` found in `lines`, sorted."""
    return sorted(lines[number][column:].rstrip() for number, column in enumerate(kinds.comment) if column >= 0)


def _comment_column(text: str, intervals: Sequence[tuple[int, Optional[int]]]) -> int:
    """The column of the first `#` that starts a comment (outside the scalars), or -1."""
    column = text.find("#")
    while column >= 0:
        if (column == 0 or text[column - 1] in " \t") and not any(
            start <= column and (stop is None or column < stop) for start, stop in intervals
        ):
            return column
        column = text.find("#", column + 1)
    return -1


def _intervals(span: Span, lines: list[str]) -> list[tuple[int, tuple[int, Optional[int]]]]:
    """The (line, columns) a scalar of several lines covers; a block scalar's header comment stays free."""
    first, last = span.start_line, span.end_line
    if span.end_column == 0 and last > first:
        last -= 1
    if span.style not in ("|", ">"):
        middle = [(number, (0, None)) for number in range(first + 1, last)]
        ending = [(last, (0, span.end_column))] if last > first else []
        return [(first, (span.start_column, None)), *middle, *ending]
    header = lines[first]
    indicator = _BLOCK_HEADER.search(header, span.start_column)
    header_end = indicator.end() if indicator else len(header)
    if not (indicator and "+" in indicator.group()):
        while last > first and not lines[last].strip():
            last -= 1
    return [(first, (span.start_column, header_end)), *((n, (0, None)) for n in range(first + 1, last + 1))]
