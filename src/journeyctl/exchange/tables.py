"""A grid's layout, and its rows or columns as records of field values.

Two layouts: a header row and a row per touchpoint (or per stage), or the
template drawing with a column of lane labels and a column per stage. Both
become the same records: one per row, or one per stage column.
"""

from __future__ import annotations

import re
from typing import Optional

from journeyctl.exchange.cells import cell_text, whole_number
from journeyctl.exchange.grid import Grid
from journeyctl.exchange.headers import IGNORE, ColumnMap
from journeyctl.exchange.ids import slug
from journeyctl.exchange.notices import ImportLog, fail
from journeyctl.exchange.records import SINGLE, Cell, Entry, Record, Table

ROWS, COLUMNS = "rows", "columns"
_RANGE = re.compile(r"[(\[]\s*([+-]?\d+)\s*(?:\.\.|to|–|-)\s*([+-]?\d+)\s*[)\]]", re.IGNORECASE)
_HEADER_SEARCH = 20


def read_table(grid: Grid, columns: ColumnMap, layout: Optional[str], log: ImportLog) -> Table:
    """The records of `grid`, in the layout given or the one its labels show."""
    rows = _cells(grid)
    if not rows:
        raise fail(grid.path, "IMP010", "The table is empty.")
    header, matches = _header_row(rows, columns)
    # A template with stages as columns labels its lanes in the first column, each field once.
    lanes = len({columns.field(row[0].text) for row in rows} - {None, IGNORE})
    chosen = layout or (COLUMNS if lanes > max(matches, 1) else ROWS)
    if chosen == ROWS and matches == 0:
        raise fail(
            grid.path,
            "IMP010",
            "No row of the table names its columns (Stage, Touchpoint, Doing, ...). Name yours with "
            '--column "HEADER=FIELD", or use --layout columns for a table with a column per stage.',
        )
    table = _by_rows(rows, header, columns, log) if chosen == ROWS else _by_columns(grid.path, rows, columns, log)
    if not table.fields & {"stage", "stage_id"}:
        cell = rows[header][0]
        raise fail(
            grid.path,
            "IMP012",
            "No column names the stage (Stage, Phase, Journey stage): a map is stages of touchpoints. "
            'Name yours with --column "HEADER=stage".',
            cell.line,
            cell.column,
        )
    _check_numbers_as_text(table, log)
    table.scale = _scale_in_label(table, log)
    return table


def _cells(grid: Grid) -> list[list[Cell]]:
    """The rows that hold something, without the columns that are empty everywhere."""
    rows = [row for row in grid.rows if not row.blank()]
    width = max((len(row.cells) for row in rows), default=0)
    used = [c for c in range(width) if any(c < len(row.cells) and row.cells[c].strip() for row in rows)]
    return [[Cell(cell_text(_at(row.cells, c)), row.line, c + 1) for c in used] for row in rows]


def _at(cells: tuple[str, ...], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _header_row(rows: list[list[Cell]], columns: ColumnMap) -> tuple[int, int]:
    """The first row that names at least two fields (or the best of the first rows), and how many it names."""
    best, best_count = 0, 0
    for index, row in enumerate(rows[:_HEADER_SEARCH]):
        count = sum(columns.field(cell.text) not in (None, IGNORE) for cell in row)
        if count >= 2:
            return index, count
        if count > best_count:
            best, best_count = index, count
    return best, best_count


def _above(rows: list[list[Cell]]) -> tuple[Optional[str], Optional[str]]:
    """What is written above the table: text alone in the first row is its title, as
    templates have it; the rest (a persona line, a note) becomes the map's description."""
    lines = [" ".join(cell.text for cell in row if cell.text) for row in rows]
    alone = bool(rows) and sum(bool(cell.text) for cell in rows[0]) == 1
    title = lines.pop(0) if alone else None
    return title, "\n".join(lines) or None


def _by_rows(rows: list[list[Cell]], header: int, columns: ColumnMap, log: ImportLog) -> Table:
    labels = _labels([(cell, cell.text or f"column {cell.column}") for cell in rows[header]], columns, log)
    records = []
    for row in rows[header + 1 :]:
        entries = [
            Entry(name, label, cell) for cell, (name, label) in zip(row, labels, strict=True) if name and cell.text
        ]
        records.append(Record(row[0].line, row[0].column, entries, may_continue=True))
    fields = {name for name, _ in labels if name}
    return Table(ROWS, records, *_above(rows[:header]), fields=fields)


def _labels(header: list[tuple[Cell, str]], columns: ColumnMap, log: ImportLog) -> list[tuple[str, str]]:
    """(field or `x-` key or "", label) for each header cell; unknown labels kept as `x-` keys."""
    seen: set[str] = set()
    labels = []
    for cell, label in header:
        name = _field_or_extension(label, cell, columns, seen, log)
        seen.add(name)
        labels.append((name, label))
    return labels


def _field_or_extension(label: str, cell: Cell, columns: ColumnMap, seen: set[str], log: ImportLog) -> str:
    found = columns.match(cell.text) if cell.text else None
    name = found[0] if found else None
    if name == IGNORE:
        return ""
    if found is not None and not found[1] and name not in seen:
        log.notice(
            cell.line,
            cell.column,
            "IMP107",
            f'`{label}` is read as {name}; if it is something else, say what with --column "{label}=FIELD".',
        )
    if name is not None and (name not in SINGLE or name not in seen):
        return name
    key = _extension_key(label, seen)
    if name is None:
        log.notice(
            cell.line,
            cell.column,
            "IMP100",
            f"`{label}` names no field of a journey map: its values are kept as `{key}` on each touchpoint. "
            f'Map it to a field with --column "{label}=FIELD".',
        )
    else:
        log.notice(
            cell.line,
            cell.column,
            "IMP101",
            f"`{label}` names {name} a second time: its values are kept as `{key}` on each touchpoint.",
        )
    return key


def _extension_key(label: str, seen: set[str]) -> str:
    base = "x-" + (slug(label.removeprefix("x-"), 40) or "column")
    key, number = base, 2
    while key in seen:
        key, number = f"{base}-{number}", number + 1
    return key


def _by_columns(path: str, rows: list[list[Cell]], columns: ColumnMap, log: ImportLog) -> Table:
    """Lanes as rows, labelled in the first column; each further column is a stage (and a touchpoint)."""
    table_rows = [i for i, row in enumerate(rows) if sum(bool(cell.text) for cell in row) >= 2]
    stage_row = next((i for i in table_rows if columns.field(rows[i][0].text) == "stage"), None)
    if stage_row is None:
        stage_row = next((i for i in table_rows if columns.field(rows[i][0].text) in (None, IGNORE)), None)
    if stage_row is None:
        raise fail(path, "IMP010", "No row names the stages: label it Stage (or Phase) in the first column.")
    lanes = [row for i, row in enumerate(rows) if i > stage_row]
    labels = _labels([(row[0], row[0].text or f"row {row[0].line}") for row in lanes], columns, log)
    stages = rows[stage_row]
    records = []
    for position in range(1, len(stages)):
        stage = stages[position]
        record = Record(stage.line, stage.column)
        if stage.text:
            record.entries.append(Entry("stage", stages[0].text or "Stage", stage))
        for row, (name, label) in zip(lanes, labels, strict=True):
            cell = row[position] if position < len(row) else None
            if name and cell is not None and cell.text:
                record.entries.append(Entry(name, label, cell))
        records.append(record)
    fields = {"stage"} | {name for name, _ in labels if name}
    return Table(COLUMNS, records, *_above(rows[:stage_row]), fields=fields)


def _scale_in_label(table: Table, log: ImportLog) -> Optional[tuple[int, int]]:
    """The scale an emotion header states in brackets ("Score (1-5)", "Sentiment (-2 to 2)")."""
    entry = next((e for record in table.records for e in record.entries if e.field == "emotion"), None)
    match = _RANGE.search(entry.label) if entry is not None else None
    if entry is None or match is None or int(match.group(1)) >= int(match.group(2)):
        return None
    low, high = int(match.group(1)), int(match.group(2))
    log.notice(
        entry.cell.line,
        entry.cell.column,
        "IMP108",
        f"Emotions are read on the scale {low} to {high} that `{entry.label}` states (--scale sets another).",
    )
    return low, high


def _check_numbers_as_text(table: Table, log: ImportLog) -> None:
    """A feelings column that holds only numbers is probably scores: say how to read it as emotions."""
    feelings = [entry for record in table.records for entry in record.entries if entry.field == "feeling"]
    if feelings and all(whole_number(entry.cell.text) is not None for entry in feelings):
        first = feelings[0]
        log.notice(
            first.cell.line,
            first.cell.column,
            "IMP104",
            f"`{first.label}` holds only numbers, imported as the text of `feeling`. If they are emotion "
            f'scores, import them as `emotion` with --column "{first.label}=emotion".',
        )
