"""`journeyctl export`: maps as data for spreadsheets, BI tools and diagrams.

Maps are read through the check service (the `export` rule set: a table of a
map with duplicate ids, dangling references or emotions off its scale would be
wrong), then written as one CSV table, an XLSX workbook with a sheet per table,
JSON (the validated model, defaults filled), or the Markdown page's Mermaid block.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO, Optional, TextIO

from journeyctl.check.service import Checked, Checker, check_paths
from journeyctl.core.errors import InvalidInput, UsageError
from journeyctl.core.findings import Finding
from journeyctl.exchange.columns import TABLES
from journeyctl.exchange.csvfile import csv_text
from journeyctl.model import JourneyMap, Persona
from journeyctl.render.environment import make_environment, render_template
from journeyctl.render.output import write_stdout
from journeyctl.render.view import build_view
from journeyctl.source.discovery import Search
from journeyctl.system.atomic import check_not_read, check_writable, write_atomically

FORMATS = ("csv", "xlsx", "json", "mermaid")
# The format an output file's name asks for, when --format does not say.
_BY_EXTENSION = {".csv": "csv", ".xlsx": "xlsx", ".json": "json", ".mmd": "mermaid", ".mermaid": "mermaid"}
UTF8_BOM = "\ufeff"


@dataclass(frozen=True)
class ExportRequest:
    """What the user asked for on the command line."""

    paths: list[str]
    format: Optional[str]  # None: from the output's extension, else csv
    output: Optional[str] = None
    table: str = "touchpoints"
    force: bool = False


@dataclass(frozen=True)
class _Read:
    """One file as export needs it: the map and its persona, or its errors (nothing for a persona library)."""

    path: str
    journey: Optional[JourneyMap] = None
    persona: Optional[Persona] = None
    findings: tuple[Finding, ...] = ()


def export_paths(request: ExportRequest, stdout: TextIO, terminal: bool, search: Optional[Search] = None) -> None:
    """Write the maps the paths name in the requested format, to -o or standard output.

    Nothing is written when a path does not exist or a named folder holds no map: `search`
    notes which, for the caller to tell.
    """
    if request.format is None:
        extension = os.path.splitext(request.output or "")[1].lower()
        request = dataclasses.replace(request, format=_BY_EXTENSION.get(extension, "csv"))
    _check_request(request, terminal)
    checker = Checker("export")
    search = search if search is not None else Search()
    read = list(check_paths(request.paths, checker, _Reader(checker), search=search))
    errors = [finding for item in read for finding in item.findings]
    if errors:
        raise InvalidInput(errors)
    if search.exit_code() or (search.empty and not read):
        return
    maps = [item for item in read if item.journey is not None]
    if not maps:
        raise UsageError(f"No journey maps to export in {', '.join(request.paths)} (persona libraries are not maps).")
    if request.format == "mermaid" and len(maps) > 1:
        raise UsageError("A Mermaid diagram holds one journey: export the maps one at a time.")
    if request.output is not None:
        check_not_read(request.output, [item.path for item in read])
    content = _content(request, maps, to_file=request.output is not None)
    if request.output is not None:
        write_atomically(request.output, content)
    elif isinstance(content, bytes):
        _write_binary(stdout, content)
    else:
        write_stdout(stdout, content)


def _check_request(request: ExportRequest, terminal: bool) -> None:
    if request.format not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not `{request.format}`.")
    if request.table not in TABLES:
        raise UsageError(f"--table must be one of {', '.join(TABLES)}, not `{request.table}`.")
    if request.table != "touchpoints" and request.format != "csv":
        raise UsageError("--table is for csv: an XLSX workbook has a sheet for every table.")
    output = request.output
    if output is None:
        if request.format == "xlsx" and terminal:
            raise UsageError("An XLSX workbook is not for a terminal: give its file with -o FILE.xlsx.")
        return
    if os.path.isdir(output):
        raise UsageError(f"{output} is a folder; give the file to write.")
    if os.path.exists(output) and not request.force:
        raise UsageError(f"{output} already exists; use --force to overwrite it.")
    check_writable(output)


@dataclass(frozen=True)
class _Reader:
    """Runs where each file is checked (a worker process when there are many): only a map crosses back."""

    checker: Checker

    def __call__(self, checked: Checked) -> _Read:
        if checked.skipped:
            return _Read(checked.path)
        try:
            _, model = checked.require()
        except InvalidInput as error:
            return _Read(checked.path, findings=tuple(error.findings))
        if not isinstance(model, JourneyMap):
            return _Read(checked.path)
        return _Read(checked.path, model, self.checker.libraries.persona(model, checked.path))


def _content(request: ExportRequest, maps: list[_Read], to_file: bool) -> str | bytes:
    journeys = [item.journey for item in maps if item.journey is not None]
    if request.format == "csv":
        kind = TABLES[request.table]
        # A file opened by a spreadsheet needs the byte order mark to be read as UTF-8; a pipe does not.
        return (UTF8_BOM if to_file else "") + csv_text([kind.header(), *kind.rows(journeys)])
    if request.format == "xlsx":
        from journeyctl.exchange.xlsxfile import workbook_bytes

        return workbook_bytes([(kind.sheet, kind.header(), kind.rows(journeys)) for kind in TABLES.values()])
    if request.format == "json":
        documents = [journey.model_dump(mode="json") for journey in journeys]
        return json.dumps(documents[0] if len(documents) == 1 else documents, indent=2, ensure_ascii=False) + "\n"
    view = build_view(journeys[0], maps[0].persona, date.today())
    return render_template(make_environment(), "mermaid.md.j2", {"journey": view})


def _write_binary(stream: TextIO, content: bytes) -> None:
    binary: Optional[BinaryIO] = getattr(stream, "buffer", None)
    stream.flush()
    if binary is None:
        raise UsageError("An XLSX workbook cannot be written here: give its file with -o FILE.xlsx.")
    binary.write(content)
    binary.flush()
