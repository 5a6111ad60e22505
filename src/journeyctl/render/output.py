"""Where rendered pages go: a file, a site folder, or standard output."""

from __future__ import annotations

import os
from typing import TextIO

from journeyctl.core.errors import OutputError
from journeyctl.render.manifest import remove_stale, write_manifest, written_before
from journeyctl.system.atomic import write_atomically


def check_site_folder(folder: str) -> None:
    """Fail early, before rendering, when `folder` cannot become the site folder."""
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise OutputError(f"Cannot write the site to {folder}: it is a file, not a folder.")
    parent = os.path.dirname(os.path.abspath(folder))
    if not os.path.isdir(parent):
        raise OutputError(f"Cannot create the folder {folder}: its parent folder {parent} does not exist.")


def write_site(folder: str, pages: dict[str, str], index_name: str, clean: bool = False) -> list[str]:
    """Create `folder` if needed and write every page atomically, the index last; then the manifest.

    With `clean`, the pages an earlier render wrote that this one does not (maps that
    no longer exist) are removed; their names are returned.
    """
    check_site_folder(folder)
    if not os.path.isdir(folder):
        try:
            os.mkdir(folder)
        except OSError as error:
            raise OutputError(f"Cannot create the folder {folder}: {error.strerror or error}.") from None
    before = written_before(folder)
    for name in sorted(pages, key=lambda name: (name == index_name, name)):
        write_atomically(os.path.join(folder, name), pages[name])
    removed = remove_stale(folder, set(pages), before) if clean else []
    still_there = {name for name in before if os.path.isfile(os.path.join(folder, name))}
    write_manifest(folder, set(pages) | (set() if clean else still_there))
    return removed


def write_stdout(stream: TextIO, text: str) -> None:
    """Write a page to standard output as UTF-8, whatever the locale."""
    binary = getattr(stream, "buffer", None)
    if binary is None:
        stream.write(text)
        return
    stream.flush()
    binary.write(text.encode("utf-8"))
    binary.flush()
