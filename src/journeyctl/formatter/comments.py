"""Which comment belongs where, read from the text and its shape.

- An end-of-line comment follows the key (or list item) it is written on: on
  `- name: x  # note`, `name`. At the end of a value spread over several lines
  (a flow list, a quoted text), it follows the key that holds the value.
- A comment line, or a blank line, leads the key or item after it, unless it is
  indented deeper than that key or item and sits at the end of a block: then it
  closes that block (the touchpoint, the list) and stays at its indentation.
  A suppression comment alone on its line applies to the next line, so it always
  leads what follows it.
- Lines before the first key (a header, a modeline, `---`) are the preamble;
  an explicit `...` and what follows it stay as they are.

A comment on a list item's first line, or just before it, could belong to the
item or to the key written on that line; for suppression comments the choice is
recorded (`choices`) and settled by what they silence (suppressions.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple, Optional

from journeyctl.formatter.shape import Path, Shape, Slot, Source, Span

_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*")
_DOCUMENT_END = re.compile(r"\.\.\.(?:[ \t]|$)")
_SUPPRESSION = re.compile(r"#[ \t]*journeyctl:[ \t]*ignore\[")

# A comment's text without its indentation ("" for a blank line), and the line it was on.
Note = tuple[str, int]
# ("lead" | "eol" | "trailer", path): before a slot, at the end of its line, at the end of a block.
Target = tuple[str, Path]


class Comments:
    """A file's comments and blank lines, by where they go."""

    def __init__(self) -> None:
        self.preamble: list[str] = []
        self.leads: dict[Path, list[Note]] = defaultdict(list)
        self.eols: dict[Path, list[Note]] = defaultdict(list)
        self.trailers: dict[Path, list[Note]] = defaultdict(list)
        self.ending: list[str] = []
        self.texts: list[str] = []  # every comment, sorted (what the result must hold)
        # Suppression comments by line: where they go by default, and the other place they could.
        self.choices: dict[int, tuple[Target, Target]] = {}


class Lines(NamedTuple):
    """Per line: whether it holds content, and the column of its comment (-1: none)."""

    content: list[bool]
    comment: list[int]


def is_suppression(note: str) -> bool:
    """Whether a comment is a line suppression (`# journeyctl: ignore[...]`)."""
    return _SUPPRESSION.match(note) is not None


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
    return _texts(lines, classify(lines, spans))


def _texts(lines: list[str], kinds: Lines) -> list[str]:
    return sorted(lines[number][column:].rstrip() for number, column in enumerate(kinds.comment) if column >= 0)


def read_comments(source: Source, shape: Shape, flipped: frozenset[int] = frozenset()) -> Comments:
    """Attach every comment and blank line to a slot, a block, the preamble or the ending.

    `flipped`: lines of suppression comments to put in their other possible place.
    """
    return _Reader(source, shape, flipped).read()


class _Reader:
    def __init__(self, source: Source, shape: Shape, flipped: frozenset[int]) -> None:
        self.lines = source.lines
        self.shape = shape
        self.flipped = flipped
        self.kinds = classify(source.lines, shape.scalars)
        self.comments = Comments()
        self.starts: dict[int, list[Slot]] = defaultdict(list)
        for slot in shape.slots:
            self.starts[slot.line].append(slot)

    def read(self) -> Comments:
        lines, kinds, comments = self.lines, self.kinds, self.comments
        first = self.shape.slots[0].line
        end = self._document_end()
        comments.preamble, comments.ending = lines[:first], lines[end:]
        comments.texts = _texts(lines, kinds)
        previous = self.shape.slots[0]
        run: list[tuple[str, int, int]] = []
        for number in range(first, end):
            here = self.starts.get(number)
            column = kinds.comment[number]
            note = (lines[number][column:].rstrip(), number) if column >= 0 else None
            if here:
                self._resolve(run, previous, here)
                run = []
                if note is not None:
                    self._place_eol(note, here)
                previous = here[-1]
            elif kinds.content[number]:
                if note is not None:
                    self._put(("eol", previous.path), note)
            else:
                run.append((note[0] if note else "", column, number))
        self._resolve(run, previous, None)
        return comments

    def _document_end(self) -> int:
        """The line of an explicit `...` after the last key, else the number of lines.

        A line starting `...` ends the document: no value may hold one at its start.
        """
        for number in range(self.shape.slots[-1].line + 1, len(self.lines)):
            if _DOCUMENT_END.match(self.lines[number]):
                return number
        return len(self.lines)

    def _place_eol(self, note: Note, here: list[Slot]) -> None:
        target: Target = ("eol", here[-1].path)
        if _first_key_of(here) and is_suppression(note[0]):
            self._choose(note, target, ("eol", here[-2].path))
        else:
            self._put(target, note)

    def _resolve(self, run: list[tuple[str, int, int]], previous: Slot, here: Optional[list[Slot]]) -> None:
        """Place a run of comment and blank lines found between `previous` and the slots of `here`."""
        if not run:
            return
        following = here[0] if here else None
        closing = _closing(previous, following)
        targets: list[Optional[Target]] = []
        floor, leading = len(previous.path), False
        for text, column, _ in run:
            if not text:
                targets.append(None)
                continue
            target: Target
            if following is not None and (leading or column <= following.column or is_suppression(text)):
                target, leading = ("lead", following.path), True
            else:
                block = _block_for(closing, self.shape.columns, column, floor)
                if block is None:
                    target, leading = ("lead", following.path) if following else ("trailer", ()), True
                else:
                    target, floor = ("trailer", block), len(block)
            targets.append(target)
        after: Target = ("lead", following.path) if following else ("trailer", ())
        for index in range(len(run) - 1, -1, -1):
            if targets[index] is None:
                targets[index] = after
            else:
                after = targets[index]  # type: ignore[assignment]
        for (text, _, number), chosen in zip(run, targets, strict=True):
            assert chosen is not None
            if here and chosen[0] == "lead" and text and _first_key_of(here) and is_suppression(text):
                self._choose((text, number), chosen, ("lead", here[-1].path))
            else:
                self._put(chosen, (text, number))

    def _choose(self, note: Note, default: Target, other: Target) -> None:
        self.comments.choices[note[1]] = (default, other)
        self._put(other if note[1] in self.flipped else default, note)

    def _put(self, target: Target, note: Note) -> None:
        kind, path = target
        store = (
            self.comments.leads if kind == "lead" else self.comments.eols if kind == "eol" else self.comments.trailers
        )
        store[path].append(note)


def _first_key_of(here: list[Slot]) -> bool:
    """Whether the line starts an item (or the map) and, with it, the first key written in it."""
    return len(here) > 1 and here[-1].key and here[-1].path[:-1] == here[-2].path and here[-1].path[-1] == 0


def _closing(previous: Slot, following: Optional[Slot]) -> list[Path]:
    """The block collections that end between two slots, innermost first."""
    path = previous.path
    open_after = {following.path[:depth] for depth in range(len(following.path))} if following else set()
    return [path[:depth] for depth in range(len(path) - 1, -1, -1) if path[:depth] not in open_after]


def _block_for(closing: list[Path], columns: dict[Path, int], column: int, floor: int) -> Optional[Path]:
    """The block a comment at `column` closes: the most indented one not deeper than the comment
    (of two at one column, the outer), and no deeper than where the comment before it went."""
    fitting = [path for path in closing if len(path) <= floor and columns.get(path, 0) <= column]
    if not fitting:
        return None
    deepest = max(columns.get(path, 0) for path in fitting)
    return min((path for path in fitting if columns.get(path, 0) == deepest), key=len)


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
