"""Putting a file's comments back into the re-emitted text, beside their slots.

Comment lines go just before their slot, indented like it (like the key, or
like the item's dash); blank lines are kept, at most one in a row, and none at
the start of a block. An end-of-line comment keeps its column when the line
still fits before it, else it follows two spaces after the value. When several
end-of-line comments land on one line, the first stays there and the others
become comment lines before the next slot.
"""

from __future__ import annotations

from collections import defaultdict

from journeyctl.formatter.comments import Comments
from journeyctl.formatter.outline import Path, Slot


def place_comments(body: list[str], slots: list[Slot], comments: Comments) -> list[str]:
    """The lines of the emitted body with the comments of `comments` put back."""
    by_path = {slot.path: slot for slot in slots}
    leads: dict[Path, list[str]] = defaultdict(list)
    eols: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for path, lines in comments.leads.items():
        leads[_present(path, by_path)].extend(lines)
    for path, notes in comments.eols.items():
        eols[by_path[_present(path, by_path)].eol_line].extend(notes)
    starts: dict[int, list[Slot]] = defaultdict(list)
    for slot in slots:
        starts[slot.line].append(slot)
    result: list[str] = []
    pending: list[str] = []
    previous: Path | None = None
    for number, line in enumerate(body):
        here = starts.get(number, [])
        if here:
            outer = here[0]
            lines = pending + [text for slot in here for text in leads.get(slot.path, [])]
            pending = []
            result.extend(_indented(_tidy(lines, first_in_block=previous in (None, outer.path[:-1])), outer.column))
            previous = here[-1].path
        notes = eols.get(number, [])
        if notes:
            line = _with_comment(line, *notes[0])
            pending.extend(text for text, _ in notes[1:])
        result.append(line)
    return result + pending


def assemble(preamble: list[str], body: list[str], trailer: list[str]) -> str:
    """The whole text: header, body and trailing comments, ending in one newline."""
    head = _tidy([line.rstrip() for line in preamble], first_in_block=True)
    tail = _tidy([line.rstrip() for line in trailer], first_in_block=False)
    while tail and not tail[-1]:
        tail.pop()
    return "\n".join(head + body + tail) + "\n"


def _present(path: Path, by_path: dict[Path, Slot]) -> Path:
    """The path itself or, when the output has no such slot, its nearest ancestor."""
    while path not in by_path:
        path = path[:-1]
    return path


def _tidy(lines: list[str], first_in_block: bool) -> list[str]:
    """At most one blank line in a row; none at the start of a block."""
    tidy: list[str] = []
    for line in lines:
        if not line and ((not tidy and first_in_block) or (tidy and not tidy[-1])):
            continue
        tidy.append(line)
    return tidy


def _indented(lines: list[str], column: int) -> list[str]:
    return [" " * column + line if line else "" for line in lines]


def _with_comment(line: str, note: str, column: int) -> str:
    width = len(line.rstrip())
    return line.rstrip() + " " * (max(column, width + 2) - width) + note
