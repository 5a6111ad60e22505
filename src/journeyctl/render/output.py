"""Where rendered pages go: a file, a site folder, or standard output."""

from __future__ import annotations

import os

from journeyctl.core.errors import OutputError
from journeyctl.system.atomic import write_atomically
from journeyctl.system.streams import write_stdout  # re-exported: where pages go


def check_site_folder(folder: str) -> None:
    """Fail early, before rendering, when `folder` cannot become the site folder."""
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise OutputError(f"Cannot write the site to {folder}: it is a file, not a folder.")
    parent = os.path.dirname(os.path.abspath(folder))
    if not os.path.isdir(parent):
        raise OutputError(f"Cannot create the folder {folder}: its parent folder {parent} does not exist.")


def write_site(folder: str, pages: dict[str, str], index_name: str) -> None:
    """Create `folder` if needed and write every page atomically, the index last."""
    check_site_folder(folder)
    if not os.path.isdir(folder):
        try:
            os.mkdir(folder)
        except OSError as error:
            raise OutputError(f"Cannot create the folder {folder}: {error.strerror or error}.") from None
    for name in sorted(pages, key=lambda name: (name == index_name, name)):
        write_atomically(os.path.join(folder, name), pages[name])


__all__ = ["check_site_folder", "write_site", "write_stdout"]
