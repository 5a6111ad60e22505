"""`journeyctl lint`: every rule the settings enable, over the files a command line names.

A front end of the check service; what it prints is the reporters' business (lint/reporters).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Optional

from journeyctl.check.service import Checked, Checker, check_paths
from journeyctl.config.settings import Settings
from journeyctl.core.findings import FileResult
from journeyctl.source.discovery import Search

if TYPE_CHECKING:
    from journeyctl.lint.fixing import Fixed


def lint_paths(
    paths: list[str], settings: Settings, today: date, jobs: Optional[int] = None, search: Optional[Search] = None
) -> Iterator[FileResult]:
    """The findings of every file the paths name, in order; in parallel when there are many.

    Folders are searched as `search` says (by default, as the settings say).
    """
    search = search if search is not None else Search(settings.selection())
    yield from check_paths(paths, Checker("lint", settings, today), Checked.result, jobs, search=search)


def fix_paths(
    paths: list[str],
    settings: Settings,
    today: date,
    dry_run: bool = False,
    jobs: Optional[int] = None,
    search: Optional[Search] = None,
) -> Iterator[Fixed]:
    """`lint --fix` over every file the paths name, in order: each file fixed and written (not when
    `dry_run`, for `--diff`), with the findings that remain."""
    from journeyctl.lint.fixing import FixFile

    search = search if search is not None else Search(settings.selection())
    checker = Checker("lint", settings, today)
    yield from check_paths(paths, checker, FixFile(checker, dry_run), jobs, search=search)
