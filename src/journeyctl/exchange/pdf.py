"""`render --format pdf`: the HTML page printed by a headless Chromium or Chrome.

The page is render's own, laid out for paper: landscape A4 or Letter, the map
table split into parts of whole stages that fit across a page, links kept as
links. The browser is the one on this machine (never downloaded); it runs with
a throwaway profile, on a page that has no script and loads nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import Optional, TextIO

from journeyctl.core.errors import JourneyctlError, OutputError, UsageError
from journeyctl.render.environment import make_environment
from journeyctl.render.formats import FORMATS, PrintLayout
from journeyctl.render.output import check_site_folder
from journeyctl.render.site import MapRenderer, RenderedMap, render_maps
from journeyctl.source.discovery import Search
from journeyctl.system.atomic import check_not_read, write_atomically

PAPERS = {
    "a4": PrintLayout("A4 landscape", 7),
    "letter": PrintLayout("letter landscape", 6),
}
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
INSTALL_BROWSER = (
    "render --format pdf needs Chromium or Google Chrome, and none is on the PATH "
    f"({', '.join(BROWSERS)}). Install one (Debian or Ubuntu: `sudo apt-get install chromium`; "
    "macOS: `brew install --cask chromium`) or give its program with --browser PATH."
)
_TIMEOUT = 180


class BrowserMissing(JourneyctlError):
    """No browser to print with."""


def render_pdf(
    paths: list[str],
    output: Optional[str],
    templates: Optional[str],
    today: date,
    paper: str,
    browser: Optional[str],
    stdout: TextIO,
    search: Optional[Search] = None,
) -> None:
    """Print the maps `paths` name: one map to `output` (or standard output), several to a folder of ID.pdf."""
    layout = PAPERS.get(paper.lower())
    if layout is None:
        raise UsageError(f"--paper must be one of {', '.join(PAPERS)}, not `{paper}`.")
    program = find_browser(browser)
    several = len(paths) > 1 or any(os.path.isdir(path) for path in paths)
    if several and output is None:
        raise UsageError("Several maps or a folder print to a folder of PDF files: give it with -o DIR.")
    if several and output is not None:
        check_site_folder(output)
    if output is None and stdout.isatty():
        raise UsageError("A PDF is not for a terminal: give its file with -o FILE.pdf.")
    renderer = MapRenderer(FORMATS["html"], make_environment(templates), today, None, layout)
    search = search if search is not None else Search()
    rendered = render_maps(paths, renderer, search=search)
    if search.exit_code() or (search.empty and not rendered):
        return
    if not rendered:
        raise UsageError(f"No journey maps to render in {', '.join(paths)} (persona libraries are not pages).")
    read = [result.path for result in rendered]
    names = [_file_name(result) for result in rendered]
    if len(set(names)) < len(names):
        raise UsageError("Two of the maps have the same id; each PDF is named after its map's id.")
    if output is not None:
        for name in names if several else [output]:
            check_not_read(os.path.join(output, name) if several else output, read)
    documents = [print_page(program, result.page or "") for result in rendered]
    if several and output is not None:
        _write_folder(output, dict(zip(names, documents, strict=True)))
    elif output is not None:
        write_atomically(output, documents[0])
    else:
        _write_stdout(stdout, documents[0])


def find_browser(given: Optional[str]) -> str:
    """The browser's program: --browser (a path or a name on the PATH), else the first of BROWSERS found."""
    if given is not None:
        found = shutil.which(given)
        if found is None:
            raise BrowserMissing(f"--browser {given}: there is no such program (or it cannot be run).")
        return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found is not None:
            return found
    raise BrowserMissing(INSTALL_BROWSER)


def print_page(program: str, page: str) -> bytes:
    """One HTML page as PDF bytes, printed by the browser in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="journeyctl-pdf-") as folder:
        source, target = Path(folder, "map.html"), Path(folder, "map.pdf")
        source.write_text(page, encoding="utf-8")
        command = [
            program,
            "--headless",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--no-pdf-header-footer",
            "--print-to-pdf-no-header",
            f"--user-data-dir={Path(folder, 'profile')}",
            f"--print-to-pdf={target}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            # Chromium refuses to run as root inside its sandbox (containers, CI).
            command.append("--no-sandbox")
        command.append(source.as_uri())
        try:
            done = subprocess.run(command, capture_output=True, timeout=_TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise JourneyctlError(f"The browser ({program}) did not print the page within {_TIMEOUT} s.") from None
        except OSError as error:
            raise BrowserMissing(f"The browser ({program}) cannot be run: {error.strerror or error}.") from None
        if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            detail = f": {said[-1]}" if said else ""
            raise JourneyctlError(f"The browser ({program}) could not print the page (exit {done.returncode}){detail}.")
        return target.read_bytes()


def _file_name(result: RenderedMap) -> str:
    assert result.entry is not None
    return result.entry.id + ".pdf"


def _write_folder(folder: str, documents: dict[str, bytes]) -> None:
    if not os.path.isdir(folder):
        try:
            os.mkdir(folder)
        except OSError as error:
            raise OutputError(f"Cannot create the folder {folder}: {error.strerror or error}.") from None
    for name, document in documents.items():
        write_atomically(os.path.join(folder, name), document)


def _write_stdout(stream: TextIO, document: bytes) -> None:
    binary = getattr(stream, "buffer", None)
    if binary is None:
        raise UsageError("A PDF cannot be written here: give its file with -o FILE.pdf.")
    stream.flush()
    binary.write(document)
    binary.flush()
