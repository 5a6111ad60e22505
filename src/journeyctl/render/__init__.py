"""The renderer: journey maps to self-contained HTML pages or GitHub-flavoured Markdown.

inputs (load, check) -> view (items, curve) -> Jinja (environment, templates/) -> site -> output
"""

from __future__ import annotations

import os
from datetime import date
from typing import Optional, TextIO

from journeyctl.core.errors import UsageError
from journeyctl.render.environment import make_environment
from journeyctl.render.formats import FORMATS, OutputFormat
from journeyctl.render.output import check_site_folder, write_site, write_stdout
from journeyctl.render.site import INDEX_NAME, MapRenderer, render_map, render_maps, render_site
from journeyctl.system.atomic import check_not_read, write_atomically


def render_paths(
    paths: list[str],
    format_name: str,
    output: Optional[str],
    templates: Optional[str],
    today: date,
    stdout: TextIO,
    jobs: Optional[int] = None,
) -> None:
    """The `render` command: the maps `paths` name to `output` (a file or a site folder) or stdout.

    Everything is rendered in memory before anything is written, so a map or
    template error leaves existing output as it was.
    """
    output_format = FORMATS.get(format_name)
    if output_format is None:
        # pdf is the HTML page printed (journeyctl.exchange.pdf); the command line sends it there.
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, pdf, not `{format_name}`.")
    site = _writes_site(paths, output)
    if site and output is None:
        raise UsageError("Several maps or a folder render to a site: give its folder with -o DIR.")
    if site and output is not None:
        check_site_folder(output)
    environment = make_environment(templates)
    index_name = INDEX_NAME + output_format.suffix
    renderer = MapRenderer(output_format, environment, today, index_name if site else None)
    rendered = render_maps(paths, renderer, jobs)
    if not rendered:
        raise UsageError(f"No journey maps to render in {', '.join(paths)} (persona libraries are not pages).")
    read = [result.path for result in rendered]
    if site and output is not None:
        pages = render_site(rendered, output_format, environment)
        for name in pages:
            check_not_read(os.path.join(output, name), read)
        write_site(output, pages, index_name)
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
    "make_environment",
    "render_map",
    "render_maps",
    "render_paths",
    "render_site",
]
