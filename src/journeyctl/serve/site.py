"""The live site: every page `render` would publish for a path, built when asked, kept until a file changes.

One lock guards it all. Request threads build pages under it (a page is built
once per change, whoever asks first); the watcher applies a change set under
it, rebuilds at once the pages a browser has open, and wakes the threads that
hold those browsers' event streams, which compare versions and tell them to
reload. Nothing is written to disk.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Callable, Optional

from journeyctl.check.service import Checker
from journeyctl.core.errors import UsageError
from journeyctl.core.findings import Finding
from journeyctl.render import MapRenderer, site_maps
from journeyctl.serve import pages, views
from journeyctl.serve.engine import Engine
from journeyctl.serve.naming import PageNames
from journeyctl.serve.scope import Kind, Scope, WatchPlan, within
from journeyctl.serve.sources import SourceFile, check_source
from journeyctl.source.discovery import expand_paths

MISSING = "missing"  # the version of a page the site does not have


@dataclass(frozen=True)
class Built:
    """A page as built for the current files: its HTML and the fingerprint browsers compare."""

    html: str
    version: str


@dataclass(frozen=True)
class Rebuild:
    """What one change set did: the files that changed (absolute), the open pages that reload, the errors now."""

    changed: list[str]
    seconds: float
    reloaded: list[str]
    errors: list[Finding]
    problem: Optional[str] = None  # why no page of the site can be built (a template, two maps with one id)


class LiveSite:
    """The pages of one served path (a map or a folder of maps)."""

    def __init__(self, path: str, templates: Optional[str], today: date) -> None:
        self.scope = Scope(path, templates, os.getcwd())
        self.served = path
        self.today = today
        self.engine = Engine(templates, today)
        self.changed = threading.Condition(threading.RLock())
        self.generation = 0
        self.stopped = False
        self.listeners: Counter[str] = Counter()  # pages open in a browser, by name
        self._sources: dict[str, SourceFile] = {}  # by absolute path
        self._names = PageNames(self.scope.folder)
        self._table: Optional[dict[str, Callable[[], str]]] = None
        self._built: dict[str, Built] = {}
        self._broken: list[pages.BrokenFile] = []
        self._problem: Optional[str] = None

    def page(self, name: str) -> Optional[Built]:
        """The page called `name` (`index.html`, `ID.html`), built now if a file changed since; None if none."""
        with self.changed:
            built = self._built.get(name)
            if built is None:
                build = self._page_table().get(name)
                if build is None:
                    return None
                html = build()
                built = self._built[name] = Built(html, pages.version_of(html))
            return built

    def version(self, name: str) -> str:
        """The fingerprint of the page called `name` as it would be served now."""
        built = self.page(name)
        return built.version if built is not None else MISSING

    def moved_to(self, name: str) -> Optional[str]:
        """The page a map's former page name now leads to (its id changed), if any."""
        with self.changed:
            self._page_table()
            return self._names.moved_to(name)

    def missing(self, name: Optional[str]) -> str:
        """The page for a name the site does not have, naming the files whose errors keep them off the site."""
        with self.changed:
            self._page_table()
            return pages.missing_page(name, self._broken)

    def wait(self, name: str, version: str, timeout: float) -> Optional[bool]:
        """Block until page `name` is no longer `version` (True), `timeout` passes (False), or the server stops."""
        with self.changed:
            self.listeners[name] += 1
            try:
                return self._wait(name, version, time.monotonic() + timeout)
            finally:
                self.listeners[name] -= 1
                if not self.listeners[name]:
                    del self.listeners[name]

    def _wait(self, name: str, version: str, deadline: float) -> Optional[bool]:
        seen = -1
        while not self.stopped:
            if seen != self.generation:
                seen = self.generation
                if self.version(name) != version:
                    return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self.changed.wait(remaining)
        return None

    def stop(self) -> None:
        """Release every waiting event stream: the server is shutting down."""
        with self.changed:
            self.stopped = True
            self.changed.notify_all()

    def apply(self, paths: Iterable[str]) -> Optional[Rebuild]:
        """Take in a set of changed (absolute) paths; None when no page reads any of them."""
        with self.changed:
            known = [*self._sources, *self._library_files()]
            kinds = {path: self.scope.classify(path, known) for path in sorted(paths)}
            relevant = {path: kind for path, kind in kinds.items() if kind is not None}
            if not relevant:
                return None
            started = time.perf_counter()
            before = {name: self._built[name].version for name in self.listeners if name in self._built}
            self._forget(relevant)
            self._page_table()  # the changed files checked again now, so that their errors are told at once
            for name in list(self.listeners):
                self.page(name)  # rebuilt now: its browser is told at once
            reloaded = [name for name in self.listeners if before.get(name) != self.version(name)]
            errors = [f for path in relevant if path in self._sources for f in self._sources[path].errors]
            self.changed.notify_all()
            seconds = time.perf_counter() - started
            return Rebuild(list(relevant), seconds, sorted(reloaded), errors, self._problem)

    def watch_plan(self) -> WatchPlan:
        """The folders whose changes can change a page (persona libraries may live outside the served one)."""
        with self.changed:
            folders = {os.path.dirname(path) for path in self._library_files()}
            return self.scope.watch_plan(folders, self.engine.config_file)

    def _forget(self, changed: dict[str, Kind]) -> None:
        kinds = set(changed.values())
        if Kind.TEMPLATE in kinds:
            self.engine.templates_changed()
            self._sources.clear()
        if Kind.CONFIG in kinds:
            self.engine.config_changed()
            for source in self._sources.values():
                source.lint = None
        for path in (path for path, kind in changed.items() if kind is Kind.SOURCE):
            self._forget_source(path)
        self._table = None
        self._built.clear()
        self.generation += 1

    def _forget_source(self, path: str) -> None:
        """Drop what was read from `path` (a file or a folder) and every page that read it."""
        for key, source in list(self._sources.items()):
            libraries = [library for library in source.libraries() if within(os.path.abspath(library), path)]
            for library in libraries:
                self.engine.forget_library(library)
            if libraries or within(key, path):
                del self._sources[key]

    def _library_files(self) -> set[str]:
        return {os.path.abspath(library) for source in self._sources.values() for library in source.libraries()}

    def _page_table(self) -> dict[str, Callable[[], str]]:
        if self._table is None:
            self._table = self._make_table()
        return self._table

    def _make_table(self) -> dict[str, Callable[[], str]]:
        self._problem = None
        renderer = self.engine.renderer()
        if isinstance(renderer, str):
            return self._site_problem("The templates cannot be used", renderer)
        sources = self._check_sources(renderer)
        try:
            named = site_maps([source.rendered for source in sources if source.page is not None])
        except UsageError as error:
            return self._site_problem("These maps cannot share a site", str(error))
        names = self._names.assign(sources, {result.path: href for href, result in named.items()})
        self._broken = views.broken_files(sources, names)
        table = {
            name: views.site_page(draw, renderer, sources, names, self.today) for name, draw in pages.SITE_PAGES.items()
        }
        lint = self.engine.lint()
        for source in sources:
            if source.wanted:
                table[names[source.path]] = views.source_page(source, lint)
        return table

    def _check_sources(self, renderer: MapRenderer) -> list[SourceFile]:
        # Folders are searched as lint searches them: .gitignore, `exclude` and the rest of the config.
        lint = self.engine.lint()
        selection = lint.settings.selection() if isinstance(lint, Checker) else None
        live = {}
        for path, folder in expand_paths([self.served], selection):
            key = os.path.abspath(path)
            live[key] = self._sources.get(key) or check_source(path, folder is None, renderer)
        self._sources = live
        return list(live.values())

    def _site_problem(self, heading: str, message: str) -> dict[str, Callable[[], str]]:
        """A table where every page the site had shows why none can be built now."""
        self._problem = message
        return self._names.all_showing(
            lambda: pages.problem_page(heading, "Cannot build", views.CANNOT_BUILD, message=message)
        )
