"""What a folder search leaves out: `.gitignore` files, `.git/info/exclude` and the exclude settings.

Patterns are read as git reads them, by pathspec, which is imported only when a
folder is searched or a glob is matched: `journeyctl lint one.yaml` never pays for it.
Git's order holds: in a folder, a `.gitignore` deeper down beats one higher up,
and every `.gitignore` beats `.git/info/exclude`; within a file the last matching
line wins, so `!keep.yaml` after `*.yaml` keeps that file. As in git, nothing in
an ignored folder can be kept again: the search does not enter it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

GIT = ".git"
GITIGNORE = ".gitignore"
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


@lru_cache(maxsize=256)
def compile_globs(patterns: tuple[str, ...]) -> GitIgnoreSpec:
    """Gitignore-style patterns, compiled once (`legacy/*.yaml`, `drafts/`, `!keep.yaml`)."""
    return _compile(patterns)


def _compile(patterns: tuple[str, ...]) -> GitIgnoreSpec:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


@dataclass(frozen=True)
class Rules:
    """Gitignore-style patterns from one place, relative to one folder (absolute)."""

    folder: str
    patterns: tuple[str, ...]

    def decide(self, path: str, is_folder: bool, searched: str) -> Optional[bool]:
        """True when the patterns leave `path` out, False when a `!` line keeps it, None when none says.

        A path outside the rules' folder (a search of `..` with a pattern given
        here) meets only the patterns that match at any depth (`node_modules/`,
        `*.draft.yaml`), relative to the `searched` folder.
        """
        patterns, relative = self.patterns, relative_to(path, self.folder)
        if relative is None:
            patterns, relative = _unanchored(patterns), relative_to(path, searched)
        if not relative or not patterns:
            return None
        candidate = relative + "/" if is_folder else relative
        any_pattern = _any_of(patterns)
        if any_pattern is not None and not any_pattern.match(candidate):
            return None
        return compile_globs(patterns).check_file(candidate).include

    def sparing(self, folder: str) -> Rules:
        """These rules without the patterns that leave out `folder` itself (one named on the command line)."""
        relative = relative_to(folder, self.folder)
        if not relative or compile_globs(self.patterns).check_file(relative + "/").include is not True:
            return self
        return Rules(
            self.folder, tuple(line for line in self.patterns if not _compile((line,)).match_file(relative + "/"))
        )


@lru_cache(maxsize=256)
def _any_of(patterns: tuple[str, ...]) -> Optional[re.Pattern[str]]:
    """One regular expression that matches where any of the patterns' does, or None.

    Most paths match no pattern, and one match of this is about ten times faster
    than pathspec's pattern-by-pattern loop (which it runs to find the last match).
    """
    compiled = compile_globs(patterns).patterns
    texts = [pattern.regex.pattern for pattern in compiled if pattern.include is not None and pattern.regex is not None]
    try:  # each pattern's named groups, unnamed, so that the names do not clash
        return re.compile("|".join(_NAMED_GROUP.sub("(?:", text) for text in texts) or "(?!)")
    except re.error:
        return None


@lru_cache(maxsize=64)
def _unanchored(patterns: tuple[str, ...]) -> tuple[str, ...]:
    # git's rule: a pattern with a `/` before its end is relative to its file's folder; `**/` matches anywhere.
    return tuple(line for line in patterns if "/" not in line.rstrip().rstrip("/").lstrip("!").removeprefix("**/"))


def relative_to(path: str, folder: str) -> Optional[str]:
    """`path` relative to `folder` with `/` separators ("" for the folder itself), None when outside it."""
    if path == folder:
        return ""
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    return path[len(prefix) :].replace(os.sep, "/") if path.startswith(prefix) else None


@dataclass(frozen=True)
class FolderRules:
    """The rules in force in one folder of a search: the exclude settings, and git's ignore files.

    `gitignore` is None outside a git repository (git reads no `.gitignore` there
    either) and when the search does not respect them; the deepest file last.
    """

    searched: str
    exclude: tuple[Rules, ...]
    respect_gitignore: bool
    gitignore: Optional[tuple[Rules, ...]]

    @classmethod
    def for_search(cls, searched: str, exclude: tuple[Rules, ...], respect_gitignore: bool) -> FolderRules:
        """The rules above a folder named on the command line (absolute), which is searched even where they
        would leave it out: the patterns that do are not applied inside it."""
        gitignore = _ignore_files_above(searched) if respect_gitignore else None
        if gitignore is not None:
            gitignore = tuple(rules.sparing(searched) for rules in gitignore)
        spared = tuple(rules.sparing(searched) for rules in exclude)
        return cls(searched, spared, respect_gitignore, gitignore)

    def entering(self, folder: str, names: Collection[str]) -> FolderRules:
        """The rules inside `folder` (absolute), whose entries are `names`: with its own `.gitignore`,
        and afresh where a repository nested in the search begins."""
        if not self.respect_gitignore:
            return self
        gitignore = self.gitignore
        if GIT in names and folder != self.searched:
            gitignore = _repository_rules(folder)
        if gitignore is not None and GITIGNORE in names:
            gitignore = (*gitignore, _read_rules(folder, os.path.join(folder, GITIGNORE)))
        return self if gitignore is self.gitignore else replace(self, gitignore=gitignore)

    def leaves_out(self, path: str, is_folder: bool) -> bool:
        """Whether the search skips `path` (absolute): an exclude pattern or an ignore file says so."""
        if any(rules.decide(path, is_folder, self.searched) for rules in self.exclude):
            return True
        for rules in reversed(self.gitignore or ()):
            decision = rules.decide(path, is_folder, self.searched)
            if decision is not None:
                return decision
        return False


def _ignore_files_above(folder: str) -> Optional[tuple[Rules, ...]]:
    """`.git/info/exclude` and the `.gitignore` files from the repository's top down to above `folder`."""
    above = []
    current = folder
    while not os.path.exists(os.path.join(current, GIT)):
        parent = os.path.dirname(current)
        if parent == current:
            return None  # not in a git repository
        current = parent
        above.append(current)
    found = [os.path.join(part, GITIGNORE) for part in reversed(above)]
    return _repository_rules(current) + tuple(
        _read_rules(os.path.dirname(path), path) for path in found if os.path.isfile(path)
    )


def _repository_rules(top: str) -> tuple[Rules, ...]:
    """The repository's own exclude file, as git reads it before any `.gitignore`."""
    return (_read_rules(top, os.path.join(_common_git_folder(top), "info", "exclude")),)


def _common_git_folder(top: str) -> str:
    # In a worktree or a submodule `.git` is a file, `gitdir: PATH`; a worktree's
    # folder names the repository's shared one in `commondir` (gitrepository-layout).
    dot_git = os.path.join(top, GIT)
    if not os.path.isfile(dot_git):
        return dot_git
    first_line = _read_text(dot_git).partition("\n")[0]
    if not first_line.startswith("gitdir:"):
        return dot_git
    git_folder = os.path.join(top, first_line.removeprefix("gitdir:").strip())
    common = _read_text(os.path.join(git_folder, "commondir")).strip()
    return os.path.normpath(os.path.join(git_folder, common)) if common else git_folder


def _read_rules(folder: str, path: str) -> Rules:
    # Blank lines and comments match nothing; leaving them out spares matching every path against them.
    lines = _read_text(path).splitlines()
    return Rules(folder, tuple(line for line in lines if line.strip() and not line.startswith("#")))


def _read_text(path: str) -> str:
    # An ignore file that is missing or cannot be read ignores nothing, as in git.
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""
