"""The renderer: journey maps to self-contained HTML pages or GitHub-flavoured Markdown.

inputs (load, check) -> view (items, curve) -> Jinja (environment, templates/) -> site -> output
"""

from __future__ import annotations

import os
from datetime import date
from typing import Optional, TextIO

from journeyctl.core.errors import UsageError
from journeyctl.core.textsafety import terminal_text
from journeyctl.render.environment import make_environment
from journeyctl.render.formats import FORMATS, OutputFormat
from journeyctl.render.output import check_site_folder, write_site, write_stdout
from journeyctl.render.site import (
    INDEX_NAME,
    MapRenderer,
    RenderedMap,
    render_dashboard,
    render_index,
    render_map,
    render_maps,
    render_site,
    site_maps,
)
from journeyctl.source.discovery import Search
from journeyctl.system.atomic import check_not_read, write_atomically


def render_paths(
    paths: list[str],
    format_name: str,
    output: Optional[str],
    templates: Optional[str],
    today: date,
    stdout: TextIO,
    jobs: Optional[int] = None,
    search: Optional[Search] = None,
    clean: bool = False,
) -> None:
    """The `render` command: the maps `paths` name to `output` (a file or a site folder) or stdout.

    Everything is rendered in memory before anything is written, so a map or
    template error leaves existing output as it was; so does a path that does
    not exist or a folder without maps, which `search` notes for the caller to tell.
    With `clean`, a site loses the pages of maps that no longer exist (render/manifest.py).
    """
    output_format = FORMATS.get(format_name)
    if output_format is None:
        # pdf is the HTML page printed (journeyctl.exchange.pdf); the command line sends it there.
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, pdf, not `{format_name}`.")
    site = _writes_site(paths, output)
    if clean and not site:
        raise UsageError("--clean removes old pages from a site folder: render a folder or several maps with -o DIR.")
    if site and output is None:
        raise UsageError("Several maps or a folder render to a site: give its folder with -o DIR.")
    if site and output is not None:
        check_site_folder(output)
    environment = make_environment(templates)
    index_name = INDEX_NAME + output_format.suffix
    renderer = MapRenderer(output_format, environment, today, index_name if site else None)
    search = search if search is not None else Search()
    rendered = render_maps(paths, renderer, jobs, search)
    if search.exit_code() or (search.empty and not rendered):
        return
    if not rendered:
        raise UsageError(f"No journey maps to render in {', '.join(paths)} (persona libraries are not pages).")
    read = [result.path for result in rendered]
    if site and output is not None:
        pages = render_site(rendered, output_format, environment, today)
        for name in pages:
            check_not_read(os.path.join(output, name), read)
        for name in write_site(output, pages, index_name, clean):
            stdout.write(f"Removed {terminal_text(os.path.join(output, name))}: its map no longer exists.\n")
    elif output is not None:
        check_not_read(output, read)
        write_atomically(output, rendered[0].page or "")
    else:
        write_stdout(stdout, rendered[0].page or "")


def _writes_site(paths: list[str], output: Optional[str]) -> bool:
    if len(paths) > 1 or any(os.path.isdir(path) for path in paths):
        return True
    return output is not None and (os.path.isdir(output) or output.endswith(("/", os.sep)))


__all__ = [
    "FORMATS",
    "MapRenderer",
    "OutputFormat",
    "RenderedMap",
    "make_environment",
    "render_dashboard",
    "render_index",
    "render_map",
    "render_maps",
    "render_paths",
    "render_site",
    "site_maps",
]
