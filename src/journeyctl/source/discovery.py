"""Which files a command line names: explicit files, and maps found in folders."""

from __future__ import annotations

import os
from collections.abc import Iterator

YAML_SUFFIXES = (".yaml", ".yml")


def expand_paths(paths: list[str]) -> Iterator[tuple[str, bool]]:
    """(path, explicit) for each file to consider, in a stable order.

    Folders are searched recursively for `.yaml`/`.yml` files, skipping hidden
    folders and never following links to folders (no loops). What a folder holds
    that is not a regular file (a named pipe, a socket, a device) is skipped; a
    broken link is yielded, so that reading it reports the problem, as for a path
    named on the command line that does not exist.
    """
    for path in paths:
        if os.path.isdir(path):
            yield from ((found, False) for found in _walk(path))
        else:
            yield path, True


def _walk(root: str) -> Iterator[str]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(YAML_SUFFIXES):
                path = os.path.join(folder, name)
                if os.path.isfile(path) or not os.path.exists(path):
                    yield os.path.normpath(path)
