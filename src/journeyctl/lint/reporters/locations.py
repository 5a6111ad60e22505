"""How reporters for CI name a file: relative to the working folder, with `/`."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote


def _relative(path: str) -> str | None:
    """`path` relative to the working folder with `/`, or None when it lies outside."""
    try:
        relative = os.path.relpath(os.path.abspath(path))
    except ValueError:  # another drive (Windows)
        return None
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return None
    return Path(relative).as_posix()


def display_path(path: str) -> str:
    """The file as CI shows it: relative with `/`, or absolute when outside the working folder."""
    return _relative(path) or Path(os.path.abspath(path)).as_posix()


def artifact_uri(path: str) -> str:
    """The file as a URI: relative and percent-encoded, or `file://` when outside the working folder."""
    relative = _relative(path)
    return quote(relative) if relative is not None else Path(os.path.abspath(path)).as_uri()
