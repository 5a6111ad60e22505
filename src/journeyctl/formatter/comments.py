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
from typing import Optional

from journeyctl.formatter.lines import classify, texts
from journeyctl.formatter.shape import Path, Shape, Slot, Source

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


def is_suppression(note: str) -> bool:
    """Whether a comment is a line suppression (`# journeyctl: ignore[...]`)."""
    return _SUPPRESSION.match(note) is not None


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
        comments.texts = texts(lines, kinds)
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
