"""The renderer: journey maps to self-contained HTML pages or GitHub Markdown.

    load (inputs) -> view model (view, items, curve) -> Jinja (environment, templates/) -> pages (site)
"""

from __future__ import annotations

import os
from datetime import date
from typing import Optional, TextIO

from journeyctl.atomic import write_atomically
from journeyctl.errors import UsageError
from journeyctl.render.environment import make_environment
from journeyctl.render.formats import FORMATS, OutputFormat
from journeyctl.render.inputs import JourneyInput, load_journeys
from journeyctl.render.site import INDEX_NAME, check_site_folder, render_map, render_site, write_site, write_stdout


def render_paths(paths: list[str], format_name: str, output: Optional[str], templates: Optional[str], today: date, stdout: TextIO) -> None:
    """The `render` command: render the maps `paths` name to `output` (a file or a site folder) or stdout.

    Everything is rendered in memory before anything is written, so a map or
    template error leaves existing output as it was.
    """
    output_format = FORMATS.get(format_name)
    if output_format is None:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not `{format_name}`.")
    site = _writes_site(paths, output)
    if site and output is None:
        raise UsageError("Several maps or a folder render to a site: give its folder with -o DIR.")
    if site and output is not None:
        check_site_folder(output)
    journeys = load_journeys(paths, today)
    if not journeys:
        raise UsageError(f"No journey maps to render in {', '.join(paths)} (persona libraries are not pages).")
    environment = make_environment(templates)
    if site and output is not None:
        write_site(output, render_site(journeys, output_format, environment, today), INDEX_NAME + output_format.suffix)
        return
    page = render_map(journeys[0], output_format, environment, today)
    if output is None:
        write_stdout(stdout, page)
    else:
        write_atomically(output, page)


def _writes_site(paths: list[str], output: Optional[str]) -> bool:
    if len(paths) > 1 or any(os.path.isdir(path) for path in paths):
        return True
    return output is not None and (os.path.isdir(output) or output.endswith(("/", os.sep)))


__all__ = ["FORMATS", "JourneyInput", "OutputFormat", "load_journeys", "make_environment", "render_map", "render_paths", "render_site"]
