"""What the layouts of a table have in common: records of field values, each
value with the header that named its field and the cell it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

# Fields of which a record holds one value; the others are lists, and columns add up.
SINGLE = frozenset(
    {
        "journey_id",
        "title",
        "scale_min",
        "scale_max",
        "stage_id",
        "stage",
        "customer_goal",
        "touchpoint_id",
        "touchpoint",
        "channel",
        "owner",
        "critical",
        "doing",
        "thinking",
        "feeling",
        "emotion",
        "expected_outcome",
    }
)


@dataclass(frozen=True)
class Cell:
    """A cell's text and its 1-based position in the source."""

    text: str
    line: int
    column: int


@dataclass(frozen=True)
class Entry:
    """One value of a record: the field (or `x-` key) it fills, the header that said so, the cell."""

    field: str
    label: str
    cell: Cell


@dataclass
class Record:
    """A row (or a stage column): its values, and whether a blank touchpoint continues the one before."""

    line: int
    column: int
    entries: list[Entry] = field(default_factory=list)
    may_continue: bool = False

    def first(self, name: str) -> Optional[Entry]:
        return next((entry for entry in self.entries if entry.field == name), None)

    def text(self, name: str) -> str:
        found = self.first(name)
        return found.cell.text if found else ""


@dataclass
class Table:
    """The records of a grid, its layout, and the title and text written above it."""

    layout: str
    records: list[Record]
    title: Optional[str] = None
    description: Optional[str] = None
    fields: set[str] = field(default_factory=set)
    scale: Optional[tuple[int, int]] = None  # as the emotion column's header states it: "Score (1-5)"
