"""The site folder's manifest: which files journeyctl itself wrote there.

`render --clean` removes the pages of maps that no longer exist, and only those:
a file is removed only when the manifest of an earlier render lists it, it is a
page (`.html` or `.md`) directly in the folder, and it is still a regular file.
Whatever else the folder holds (a CNAME, images, a team's own pages) is never touched.
"""

from __future__ import annotations

import json
import os

from journeyctl.core.errors import OutputError
from journeyctl.system.atomic import write_atomically

MANIFEST = ".journeyctl-site.json"
_PAGE_SUFFIXES = (".html", ".md")


def written_before(folder: str) -> set[str]:
    """The pages an earlier render says it wrote in `folder` (none when there is no manifest)."""
    try:
        with open(os.path.join(folder, MANIFEST), encoding="utf-8") as handle:
            listed = json.load(handle).get("files", [])
    except FileNotFoundError:
        return set()
    except (OSError, ValueError, AttributeError):
        # Not ours to repair: a manifest that cannot be read only means nothing is known to be ours.
        return set()
    return {name for name in listed if isinstance(name, str) and _is_page_name(name)}


def remove_stale(folder: str, pages: set[str], before: set[str]) -> list[str]:
    """Remove the pages written before that this render does not write; their names."""
    removed = []
    for name in sorted(before - pages):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and not os.path.islink(path):
            try:
                os.unlink(path)
            except OSError as error:
                raise OutputError(f"Cannot remove {path}: {error.strerror or error}.") from None
            removed.append(name)
    return removed


def write_manifest(folder: str, pages: set[str]) -> None:
    """Record the pages journeyctl has written in `folder` (the caller syncs the folder)."""
    document = {"generator": "journeyctl render", "files": sorted(pages)}
    write_atomically(os.path.join(folder, MANIFEST), json.dumps(document, indent=2) + "\n", sync_folder=False)


def _is_page_name(name: str) -> bool:
    plain = name not in (".", "..") and not name.startswith(".") and "/" not in name and "\\" not in name
    return plain and name.endswith(_PAGE_SUFFIXES)
