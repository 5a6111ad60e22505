"""Which files a command line names: explicit files, and maps found in folders, searched as ruff searches.

A folder is searched recursively for `.yaml`/`.yml` files. The search leaves out
`.git` folders and virtualenvs (a folder holding `pyvenv.cfg`) always, what the
`exclude` settings match (by default hidden folders and `node_modules`), and,
inside a git repository, what git ignores (`.gitignore` files, `.git/info/exclude`).
It never follows links to folders (no loops). A path named on the command line
is always checked, whatever the exclude patterns or ignore files say; a folder
named on the command line is searched even where they would leave it out.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Optional

from journeyctl.core.defaults import DEFAULT_EXCLUDE
from journeyctl.core.errors import EXIT_CLEAN, EXIT_ERROR

YAML_SUFFIXES = (".yaml", ".yml")
VIRTUALENV_MARKER = "pyvenv.cfg"
# A found file with the named folder it was found in; None for a file named on the command line.
Found = tuple[str, Optional[str]]


# Plain classes, not dataclasses: every run imports this module, and a dataclass
# costs more to define than these two are worth.
class Selection:
    """What folder searches leave out besides `.git` folders and virtualenvs.

    `exclude` holds (folder, gitignore-style patterns) pairs; the patterns are
    relative to their folder ("" is the working folder).
    """

    def __init__(
        self,
        exclude: tuple[tuple[str, tuple[str, ...]], ...] = (("", DEFAULT_EXCLUDE),),
        respect_gitignore: bool = True,
    ) -> None:
        self.exclude, self.respect_gitignore = exclude, respect_gitignore


class Search:
    """One command line's search: how folders are searched, and which named paths held nothing.

    `missing` (paths that do not exist) and `empty` (folders in which no map was
    found) are filled in as the check service goes.
    """

    def __init__(self, selection: Optional[Selection] = None, allow_empty: bool = False) -> None:
        self.selection = selection if selection is not None else Selection()
        self.allow_empty = allow_empty
        self.missing: list[str] = []
        self.empty: list[str] = []

    def files(self, paths: Sequence[str]) -> list[Found]:
        """Every file to consider, in order; paths that do not exist are noted, not searched."""
        self.missing = [path for path in paths if not os.path.lexists(path)]
        missing = set(self.missing)
        return list(expand_paths([path for path in paths if path not in missing], self.selection))

    def note_maps(self, paths: Sequence[str], folders_with_maps: Iterable[Optional[str]]) -> None:
        """Note the folders named in `paths` in which no map was found."""
        found = set(folders_with_maps)
        self.empty = [path for path in paths if path not in found and os.path.isdir(path)]

    def messages(self) -> list[str]:
        """A line for each path named in vain (`nope.yaml: no such file or folder`)."""
        lines = [no_such_path(path) for path in self.missing]
        if self.allow_empty:
            return lines + [f"warning: no journey maps found under {_folder(path)}" for path in self.empty]
        hint = "pass --allow-empty if that is expected"
        return lines + [f"no journey maps found under {_folder(path)}; {hint}" for path in self.empty]

    def exit_code(self) -> int:
        """2 when a path does not exist or (without `allow_empty`) a folder held no map, else 0."""
        return EXIT_ERROR if self.missing or (self.empty and not self.allow_empty) else EXIT_CLEAN


def no_such_path(path: str) -> str:
    """What a command says of a path that does not exist."""
    return f"{path}: no such file or folder"


def _folder(path: str) -> str:
    return path if path.endswith(("/", os.sep)) else path + "/"


def expand_paths(paths: Sequence[str], selection: Optional[Selection] = None) -> Iterator[Found]:
    """(file, folder) for each file to consider, in a stable order; folder is the named folder it was
    found in, None for a file named on the command line.

    What a folder holds that is not a regular file (a named pipe, a socket, a
    device) is skipped; a broken link is yielded, so that reading it reports the
    problem, as for a path named on the command line that does not exist.
    """
    selection = selection if selection is not None else Selection()
    for path in paths:
        if os.path.isdir(path):
            yield from ((found, path) for found in _search(path, selection))
        else:
            yield path, None


def _search(root: str, selection: Selection) -> Iterator[str]:
    from journeyctl.source.ignores import FolderRules, Rules  # only a folder search needs pathspec's rules

    top = os.path.abspath(root)
    exclude = tuple(Rules(os.path.abspath(folder), patterns) for folder, patterns in selection.exclude)
    # Folders to come, by the name os.walk will give them: their absolute path and the rules above them.
    pending = {root: (top, FolderRules.for_search(top, exclude, selection.respect_gitignore))}
    for folder, folders, files in os.walk(root):
        absolute, above = pending.pop(folder)
        if VIRTUALENV_MARKER in files and folder != root:
            folders.clear()
            continue
        rules = above.entering(absolute, folders + files)
        kept = []
        for name in sorted(folders):
            path = os.path.join(absolute, name)
            if name != ".git" and not rules.leaves_out(path, is_folder=True):
                kept.append(name)
                pending[os.path.join(folder, name)] = (path, rules)
        folders[:] = kept
        for name in sorted(files):
            if name.endswith(YAML_SUFFIXES) and not rules.leaves_out(os.path.join(absolute, name), is_folder=False):
                path = os.path.join(folder, name)
                if os.path.isfile(path) or not os.path.exists(path):
                    yield os.path.normpath(path)
