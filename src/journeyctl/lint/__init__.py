"""`journeyctl lint`: every rule the settings enable, over the files a command line names.

A front end of the check service; what it prints is the reporters' business (lint/reporters).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Optional

from journeyctl.check.service import Checked, Checker, check_paths
from journeyctl.config.settings import Settings
from journeyctl.core.findings import FileResult
from journeyctl.source.discovery import Search


def lint_paths(
    paths: list[str], settings: Settings, today: date, jobs: Optional[int] = None, search: Optional[Search] = None
) -> Iterator[FileResult]:
    """The findings of every file the paths name, in order; in parallel when there are many.

    Folders are searched as `search` says (by default, as the settings say).
    """
    search = search if search is not None else Search(settings.selection())
    yield from check_paths(paths, Checker("lint", settings, today), Checked.result, jobs, search=search)
