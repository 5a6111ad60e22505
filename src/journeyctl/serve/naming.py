"""Which page each file has: `ID.html` after its map's id, kept while the map is broken.

A map that stops loading keeps its page (the browser showing it sees the errors
there, then the map again once fixed); a file never seen whole is named after
its path. A page whose map changed id leads to the new one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Optional, TypeVar

from journeyctl.serve.pages import SITE_PAGES
from journeyctl.serve.sources import SourceFile, relative_name

Page = TypeVar("Page")


class PageNames:
    """The page names of the files of one served folder, remembered from one change to the next."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._last: dict[str, str] = {}  # file -> its page name
        self._former: dict[str, str] = {}  # a page name a file had before -> the file

    def assign(self, sources: Iterable[SourceFile], rendered: dict[str, str]) -> dict[str, str]:
        """Names for the files that have a page: `rendered` (file -> `ID.html`) first, then the broken ones."""
        names = dict(rendered)
        taken = {*SITE_PAGES, *names.values()}
        for source in sources:
            if source.path in names or not source.wanted:
                continue
            declared = source.declared_id()
            candidates = (f"{declared}.html" if declared else None, self._last.get(source.path))
            name = next((c for c in candidates if c is not None and c not in taken), None)
            names[source.path] = name or relative_name(source.path, self.folder) + ".html"
            taken.add(names[source.path])
        for path, name in names.items():
            old = self._last.get(path)
            if old is not None and old != name:
                self._former[old] = path
        for name in names.values():
            self._former.pop(name, None)
        self._last = names
        return names

    def moved_to(self, name: str) -> Optional[str]:
        """The current page of the file that had the page `name` before, if it still has one."""
        path = self._former.get(name)
        return self._last.get(path) if path is not None else None

    def all_showing(self, page: Page) -> dict[str, Page]:
        """Every page name the site had, all showing `page` (the whole site cannot be built)."""
        return {name: page for name in [*SITE_PAGES, *self._last.values()]}
