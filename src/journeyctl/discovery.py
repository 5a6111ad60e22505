"""Which files a command line names: explicit files, and maps found in folders."""

from __future__ import annotations

import os
from collections.abc import Iterator

YAML_SUFFIXES = (".yaml", ".yml")


def expand_paths(paths: list[str]) -> Iterator[tuple[str, bool]]:
    """(path, explicit) for each file to consider, in a stable order.

    Folders are searched recursively for `.yaml`/`.yml` files, skipping hidden
    folders and never following links to folders (no loops). A path that does
    not exist is yielded as explicit, so that reading it reports the problem.
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
                yield os.path.normpath(os.path.join(folder, name))
