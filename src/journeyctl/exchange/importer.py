"""`journeyctl import`: a spreadsheet or a Mermaid diagram to a new map.

Everything is read and checked before anything is written; a problem in any
cell stops the import with every problem listed, and nothing is written. The
new map goes to standard output, or to `-o` (atomically, never over an
existing file without --force), and lint's summary tells what to add next.
"""

from __future__ import annotations

import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, TextIO

from journeyctl.config.settings import Settings
from journeyctl.core.errors import JourneyctlError, UsageError
from journeyctl.core.findings import Finding
from journeyctl.exchange.assemble import assemble
from journeyctl.exchange.build import build_map
from journeyctl.exchange.draft import MapDraft
from journeyctl.exchange.grid import MAX_BYTES, check_size
from journeyctl.exchange.headers import column_map
from journeyctl.exchange.notices import ImportLog, fail
from journeyctl.exchange.records import Table
from journeyctl.exchange.tables import COLUMNS, ROWS, read_table
from journeyctl.model.fields import ID_PATTERN
from journeyctl.render.output import write_stdout
from journeyctl.system.atomic import check_not_read, check_writable, write_atomically

FORMATS = {
    "csv": (".csv", ".tsv", ".txt"),
    "xlsx": (".xlsx", ".xlsm", ".xls", ".ods"),
    "mermaid": (".mmd", ".mermaid", ".md", ".markdown"),
}
LAYOUTS = (ROWS, COLUMNS)
_SCALE = re.compile(r"^\s*([+-]?\d+)\s*\.\.\s*([+-]?\d+)\s*$")
_LAYOUT_WORDS = {ROWS: "one row per touchpoint", COLUMNS: "a column per stage"}


@dataclass(frozen=True)
class ImportRequest:
    """What the user asked for on the command line."""

    source: str
    output: Optional[str] = None
    source_format: Optional[str] = None
    columns: list[str] = field(default_factory=list)
    sheet: Optional[str] = None
    layout: Optional[str] = None
    map_id: Optional[str] = None
    title: Optional[str] = None
    encoding: Optional[str] = None
    scale: Optional[str] = None
    force: bool = False


@dataclass(frozen=True)
class Imported:
    """What the user is told: notices about the source, and a summary of the new map and its lint findings."""

    notices: list[Finding]
    summary: str


def import_map(request: ImportRequest, settings: Settings, out: TextIO) -> Imported:
    """Read the source and write the new map (to `out` without -o); what to tell the user."""
    source_format = _source_format(request)
    _check_options(request, source_format)
    if request.output is not None:
        _check_output(request.output, request.source, request.force)
    raw = _read_source(request.source)
    log = ImportLog(request.source)
    draft = _draft(request, source_format, raw, settings, log)
    log.stop_if_problems()
    if request.title:
        draft.title = request.title
    if request.map_id:
        draft.given_id = request.map_id
    shown_path = request.output or os.path.splitext(os.path.basename(request.source))[0] + ".journey.yaml"
    built = build_map(draft, shown_path, settings)
    if request.output is not None:
        write_atomically(request.output, built.text)
    else:
        write_stdout(out, built.text)
    return Imported(log.notices(), _summary(draft, built.findings, request.output))


def _source_format(request: ImportRequest) -> str:
    if request.source_format is not None:
        if request.source_format not in FORMATS:
            raise UsageError(f"--from must be one of {', '.join(FORMATS)}, not `{request.source_format}`.")
        return request.source_format
    extension = os.path.splitext(request.source)[1].lower()
    for name, extensions in FORMATS.items():
        if extension in extensions:
            return name
    raise UsageError(
        f"journeyctl cannot tell the format of {request.source} from its name; "
        f"say which with --from {'|'.join(FORMATS)}."
    )


def _check_options(request: ImportRequest, source_format: str) -> None:
    if request.layout is not None and request.layout not in LAYOUTS:
        raise UsageError(f"--layout must be {' or '.join(LAYOUTS)}, not `{request.layout}`.")
    if request.map_id is not None and not re.match(ID_PATTERN, request.map_id):
        raise UsageError(f"--id `{request.map_id}` is not an id: 1 to 64 of a-z, 0-9, - and _, starting a-z or 0-9.")
    if source_format == "mermaid" and (request.scale or request.columns or request.sheet or request.layout):
        raise UsageError("--scale, --column, --sheet and --layout are for tables; a Mermaid journey's scale is 1 to 5.")
    if source_format != "xlsx" and request.sheet:
        raise UsageError("--sheet is for workbooks (xlsx, xls, ods).")


def _check_output(output: str, source: str, force: bool) -> None:
    if os.path.isdir(output):
        raise UsageError(f"{output} is a folder; give a file name for the new map.")
    check_not_read(output, [source])
    if os.path.exists(output) and not force:
        raise UsageError(f"{output} already exists; use --force to overwrite it.")
    check_writable(output)


def _read_source(path: str) -> bytes:
    try:
        # Non-blocking: a named pipe given by mistake must not wait for a writer.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise fail(path, "IMP001", "The source cannot be read: it is not a regular file.")
            check_size(path, status.st_size)
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise fail(path, "IMP001", f"The source cannot be read: {error.strerror or error}.") from None
    check_size(path, len(raw))
    return raw


def _draft(request: ImportRequest, source_format: str, raw: bytes, settings: Settings, log: ImportLog) -> MapDraft:
    name = os.path.basename(request.source)
    if source_format == "mermaid":
        from journeyctl.exchange.csvfile import decode_text
        from journeyctl.exchange.diagrams import diagram_draft, journey_block

        block = journey_block(request.source, decode_text(request.source, raw, request.encoding), log)
        draft = diagram_draft(request.source, block, log)
        where = f" (line {block.first_line})" if block.first_line > 1 else ""
        draft.origin = f"the Mermaid journey diagram in {name}{where}"
        return draft
    table, sheet = _table(request, source_format, raw, log)
    draft = assemble(table, log, _scale(request.scale), settings.channels)
    in_sheet = f", sheet `{sheet}`" if sheet else ""
    draft.origin = f"{name}{in_sheet} ({_LAYOUT_WORDS[table.layout]})"
    if draft.title is None:
        draft.title = os.path.splitext(name)[0].replace("_", " ").replace("-", " ").strip().capitalize() or None
    return draft


def _table(request: ImportRequest, source_format: str, raw: bytes, log: ImportLog) -> tuple[Table, Optional[str]]:
    columns = column_map(request.columns)
    if source_format == "csv":
        from journeyctl.exchange.csvfile import read_csv

        return read_table(read_csv(request.source, raw, request.encoding), columns, request.layout, log), None
    from journeyctl.exchange.xlsxfile import read_sheet, workbook_sheet

    names = workbook_sheet(request.source, raw, request.sheet)
    if not names:
        raise fail(request.source, "IMP010", "The workbook has no visible sheet.")
    first_error: Optional[JourneyctlError] = None
    for name in names:
        attempt = ImportLog(request.source)
        try:
            table = read_table(read_sheet(request.source, raw, name), columns, request.layout, attempt)
        except JourneyctlError as error:
            first_error = first_error or error
            continue
        log.findings += attempt.findings
        if len(names) > 1 or name != names[0]:
            others = ", ".join(f"`{other}`" for other in names if other != name)
            message = f"Read the sheet `{name}`; the workbook also has {others} (choose with --sheet)."
            log.notice(1, 1, "IMP105", message)
        return table, name
    assert first_error is not None
    raise first_error


def _scale(text: Optional[str]) -> Optional[tuple[int, int]]:
    if text is None:
        return None
    match = _SCALE.match(text)
    if not match or int(match.group(1)) >= int(match.group(2)):
        raise UsageError(f"--scale takes LOW..HIGH with LOW below HIGH (for example 1..5 or -3..3), not `{text}`.")
    return int(match.group(1)), int(match.group(2))


def _summary(draft: MapDraft, findings: list[Finding], output: Optional[str]) -> str:
    made = draft.counts()
    lines = [f"Imported “{draft.title}”" + (f" into {output}" if output else "") + f": {made}."]
    tally = Counter((finding.code, finding.name) for finding in findings)
    if tally:
        listed = ", ".join(f"{code} {name} ×{count}" for (code, name), count in sorted(tally.items()))
        lines.append(f"lint: {sum(tally.values())} findings to work through: {listed}.")
    lines.append(f"Next: fill in what lint asks for, then run `journeyctl lint {output or 'MAP'}`.")
    return "\n".join(lines) + "\n"
