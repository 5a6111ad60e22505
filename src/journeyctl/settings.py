"""The settings a lint run uses; where they come from is config.py's business."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field

from journeyctl.rules.base import DEFAULT_CHANNELS


@dataclass(frozen=True)
class Settings:
    """Lint settings. Rule selections hold rule codes (names are resolved before)."""

    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    channels: frozenset[str] = DEFAULT_CHANNELS
    max_stages: int = 9
    max_touchpoints_per_stage: int = 12
    review_every_days: int = 90
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()

    def enabled(self, code: str, path: str) -> bool:
        """Whether findings of this rule are reported for this file."""
        if self.select and code not in self.select:
            return False
        if code in self.ignore:
            return False
        return not any(code in codes and _matches(path, pattern) for pattern, codes in self.per_file_ignores)


def _matches(path: str, pattern: str) -> bool:
    path = path.replace("\\", "/").removeprefix("./")
    return fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path, f"*/{pattern}")
