"""The settings a lint run uses; where they come from is config.py's business."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from journeyctl.core.defaults import (
    DEFAULT_CHANNELS,
    DEFAULT_EXCLUDE,
    MAX_STAGES,
    MAX_TOUCHPOINTS_PER_STAGE,
    REVIEW_EVERY_DAYS,
)

if TYPE_CHECKING:
    from journeyctl.source.discovery import Selection


@dataclass(frozen=True)
class Settings:
    """Lint settings, and what folder searches leave out. Rule selections hold codes (names are resolved before)."""

    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    channels: frozenset[str] = DEFAULT_CHANNELS
    max_stages: int = MAX_STAGES
    max_touchpoints_per_stage: int = MAX_TOUCHPOINTS_PER_STAGE
    review_every_days: int = REVIEW_EVERY_DAYS
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    # The folder per-file-ignores and exclude patterns are relative to: the config file's ("" is the working folder).
    config_folder: str = ""

    def enabled(self, code: str, path: str) -> bool:
        """Whether findings of this rule are reported for this file."""
        if self.select and code not in self.select:
            return False
        if code in self.ignore:
            return False
        return not any(
            code in codes and matches(path, pattern, self.config_folder) for pattern, codes in self.per_file_ignores
        )

    def selection(self, exclude: Sequence[str] = (), respect_gitignore: bool = True) -> Selection:
        """What folder searches leave out: these settings' patterns, then `exclude` from the command line
        (relative to the working folder); `respect_gitignore` False overrides the setting."""
        from journeyctl.source.discovery import Selection

        patterns = ((self.config_folder, self.exclude + self.extend_exclude), ("", tuple(exclude)))
        return Selection(
            tuple((folder, found) for folder, found in patterns if found), self.respect_gitignore and respect_gitignore
        )


def matches(path: str, pattern: str, folder: str = "") -> bool:
    """Whether a file matches a per-file-ignores glob, by git's rules (as in `.gitignore`).

    A pattern with a `/` is matched against the path relative to `folder`
    (`legacy/*.yaml` matches `legacy/a.yaml`, not `legacy/a/b.yaml`; `legacy/**/*.yaml`
    matches both); one without matches in any folder (`*.draft.yaml`), and a folder
    matches every file in it (`legacy/`).
    """
    from journeyctl.source.ignores import compile_globs  # only a run with per-file-ignores matches globs

    return compile_globs((pattern,)).match_file(_relative(path, folder, os.getcwd()))


@lru_cache(maxsize=4096)
def _relative(path: str, folder: str, cwd: str) -> str:
    absolute, base = os.path.join(cwd, path), os.path.join(cwd, folder)
    try:
        relative = os.path.relpath(os.path.normpath(absolute), os.path.normpath(base))
    except ValueError:  # another drive (Windows)
        relative = absolute
    return relative.replace(os.sep, "/")
