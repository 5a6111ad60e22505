"""What a served path covers: which changed files matter, and which folders to watch for them.

A page depends on its map, the persona library it names, the templates and (for
its lint panel) the config file lint would find. Folders are watched, never
single files: an editor that saves by writing a temporary file and renaming it
over the map replaces the file a watch on it would follow.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Optional

from journeyctl.config.files import CONFIG_FILE, PYPROJECT
from journeyctl.source.discovery import YAML_SUFFIXES


class Kind(Enum):
    """What a changed file is to the site."""

    SOURCE = "source"  # a map, a persona library, or a folder that holds them
    TEMPLATE = "template"
    CONFIG = "config"


@dataclass(frozen=True)
class WatchPlan:
    """The folders to watch, and whether their subfolders too."""

    folders: tuple[str, ...]
    recursive: bool


class Scope:
    """The served path (a map or a folder), the templates folder, and where lint looks for its config."""

    def __init__(self, path: str, templates: Optional[str], cwd: str) -> None:
        self.path = os.path.abspath(path)
        self.is_folder = os.path.isdir(self.path)
        self.folder = self.path if self.is_folder else os.path.dirname(self.path)
        self.templates = os.path.abspath(templates) if templates is not None else None
        self.lint_folders = tuple(_ancestors(os.path.abspath(cwd)))  # where lint looks for its config, in order
        self.config_folders = frozenset(self.lint_folders)

    def classify(self, path: str, known: Iterable[str]) -> Optional[Kind]:
        """What the changed (absolute) `path` is to the site, or None when no page reads it.

        `known` are the files pages read now: a folder removed or renamed is
        reported as one change, for the folder.
        """
        if self.templates is not None and within(path, self.templates):
            return Kind.TEMPLATE
        if os.path.basename(path) in (CONFIG_FILE, PYPROJECT) and os.path.dirname(path) in self.config_folders:
            return Kind.CONFIG
        if path == self.path or any(within(file, path) for file in known):
            return Kind.SOURCE
        if not self.is_folder:
            return None
        if not within(path, self.path) or _hidden(os.path.relpath(path, self.path)):
            return None
        return Kind.SOURCE if path.endswith(YAML_SUFFIXES) or os.path.isdir(path) else None

    def watch_plan(self, library_folders: Iterable[str], config_file: Optional[str]) -> WatchPlan:
        """The folders to watch: the served one, the templates, persona libraries' and the config file's.

        `config_file` is the one lint uses (None when there is none or it is broken).
        """
        wanted = [(self.folder, self.is_folder)]
        if self.templates is not None:
            wanted.append((self.templates, _has_subfolders(self.templates)))
        wanted += [(folder, False) for folder in library_folders]
        config_folder = self._config_folder(config_file)
        if config_folder is not None:
            wanted.append((config_folder, False))
        recursive = any(deep for _, deep in wanted)
        folders = sorted({folder for folder, _ in wanted if os.path.isdir(folder)})
        if recursive:  # a folder inside another one watched is watched already
            folders = [f for f in folders if not any(f != other and within(f, other) for other in folders)]
        return WatchPlan(tuple(folders), recursive)

    def _config_folder(self, config_file: Optional[str]) -> Optional[str]:
        """The folder of the config file lint uses; without one (none, or a broken one) the nearest candidate's."""
        if config_file is not None:
            return os.path.dirname(os.path.abspath(config_file))
        for folder in self.lint_folders:
            if any(os.path.isfile(os.path.join(folder, name)) for name in (CONFIG_FILE, PYPROJECT)):
                return folder
        return None


def within(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or inside it (both absolute)."""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _hidden(relative: str) -> bool:
    # Folder searches skip hidden folders (.git, .github); a hidden file is still a file.
    return any(part.startswith(".") and part not in (".", "..") for part in relative.split(os.sep)[:-1])


def _has_subfolders(folder: str) -> bool:
    try:
        return any(entry.is_dir() for entry in os.scandir(folder))
    except OSError:
        return False


def _ancestors(folder: str) -> Iterable[str]:
    while True:
        yield folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return
        folder = parent
