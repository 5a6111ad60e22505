"""Rendering maps to pages: in memory first, then written atomically, or to stdout."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Optional, TextIO

from jinja2 import Environment

from journeyctl.atomic import write_atomically
from journeyctl.errors import OutputError, UsageError
from journeyctl.render.environment import render_template
from journeyctl.render.formats import OutputFormat
from journeyctl.render.inputs import JourneyInput
from journeyctl.render.view import MapView, build_view

INDEX_NAME = "index"


@dataclass(frozen=True)
class IndexEntry:
    """One line of the site index."""

    href: str
    view: MapView


def render_map(item: JourneyInput, output_format: OutputFormat, environment: Environment, today: date, index_href: Optional[str] = None) -> str:
    """One map's page as text; `index_href` links back to a site index."""
    view = build_view(item.journey, item.persona, today)
    return render_template(environment, output_format.map_template, {"journey": view, "index_href": index_href})


def render_site(journeys: list[JourneyInput], output_format: OutputFormat, environment: Environment, today: date) -> dict[str, str]:
    """Every page of a site by file name: one per map, and the index."""
    names = page_names(journeys, output_format)
    index_name = INDEX_NAME + output_format.suffix
    pages, entries = {}, []
    for item, name in zip(journeys, names):
        view = build_view(item.journey, item.persona, today)
        context = {"journey": view, "index_href": index_name}
        pages[name] = render_template(environment, output_format.map_template, context)
        entries.append(IndexEntry(name, view))
    entries.sort(key=lambda entry: (entry.view.title.casefold(), entry.view.id))
    pages[index_name] = render_template(environment, output_format.index_template, {"entries": entries})
    return pages


def page_names(journeys: list[JourneyInput], output_format: OutputFormat) -> list[str]:
    """`ID.html` (or `.md`) for each map; two maps with one id are a usage error."""
    seen: dict[str, str] = {}
    for item in journeys:
        map_id = item.journey.id
        if map_id == INDEX_NAME:
            raise UsageError(f"{item.path}: a map with the id `index` would overwrite the site's index page; give it another id.")
        if map_id in seen:
            raise UsageError(f"{seen[map_id]} and {item.path} both have the id `{map_id}`; pages are named after map ids, so each map needs its own.")
        seen[map_id] = item.path
    return [item.journey.id + output_format.suffix for item in journeys]


def check_site_folder(folder: str) -> None:
    """Fail early, before rendering, when `folder` cannot become the site folder."""
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise OutputError(f"Cannot write the site to {folder}: it is a file, not a folder.")
    parent = os.path.dirname(os.path.abspath(folder))
    if not os.path.isdir(parent):
        raise OutputError(f"Cannot create the folder {folder}: its parent folder {parent} does not exist.")


def write_site(folder: str, pages: dict[str, str], index_name: str) -> None:
    """Create `folder` if needed and write every page, the index last."""
    check_site_folder(folder)
    if not os.path.isdir(folder):
        try:
            os.mkdir(folder)
        except OSError as error:
            raise OutputError(f"Cannot create the folder {folder}: {error.strerror or error}.") from None
    for name in sorted(pages, key=lambda name: (name == index_name, name)):
        write_atomically(os.path.join(folder, name), pages[name])


def write_stdout(stream: TextIO, text: str) -> None:
    """Write a page to standard output as UTF-8, whatever the locale."""
    binary = getattr(stream, "buffer", None)
    if binary is None:
        stream.write(text)
        return
    stream.flush()
    binary.write(text.encode("utf-8"))
    binary.flush()
