"""The settings a lint run uses; where they come from is config.py's business."""

from __future__ import annotations

import fnmatch
import os
import posixpath
from dataclasses import dataclass, field
from functools import lru_cache

from journeyctl.core.defaults import DEFAULT_CHANNELS, MAX_STAGES, MAX_TOUCHPOINTS_PER_STAGE, REVIEW_EVERY_DAYS


@dataclass(frozen=True)
class Settings:
    """Lint settings. Rule selections hold rule codes (names are resolved before)."""

    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    channels: frozenset[str] = DEFAULT_CHANNELS
    max_stages: int = MAX_STAGES
    max_touchpoints_per_stage: int = MAX_TOUCHPOINTS_PER_STAGE
    review_every_days: int = REVIEW_EVERY_DAYS
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    # The folder per-file-ignores patterns are relative to: the config file's ("" is the working folder).
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


def matches(path: str, pattern: str, folder: str = "") -> bool:
    """Whether a file matches a per-file-ignores glob.

    A pattern with a `/` is matched against the path relative to `folder`; one
    without matches the file name in any folder (`*.draft.yaml`).
    """
    relative = _relative(path, folder, os.getcwd())
    if "/" not in pattern:
        return fnmatch.fnmatch(posixpath.basename(relative), pattern)
    return fnmatch.fnmatch(relative, pattern)


@lru_cache(maxsize=4096)
def _relative(path: str, folder: str, cwd: str) -> str:
    absolute, base = os.path.join(cwd, path), os.path.join(cwd, folder)
    try:
        relative = os.path.relpath(os.path.normpath(absolute), os.path.normpath(base))
    except ValueError:  # another drive (Windows)
        relative = absolute
    return relative.replace(os.sep, "/")
