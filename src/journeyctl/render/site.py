"""Rendering the maps of a run into pages, in memory, in parallel when there are many."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Optional

from jinja2 import Environment

from journeyctl.discovery import expand_paths
from journeyctl.errors import InvalidInput, UsageError
from journeyctl.findings import Finding
from journeyctl.parallel import can_fork, forked_map
from journeyctl.render.environment import load_template, render_template
from journeyctl.render.formats import OutputFormat
from journeyctl.render.inputs import JourneyInput, MapLoader
from journeyctl.render.view import Counts, MapView, ReviewView, build_view

INDEX_NAME = "index"
# Below this many files a process pool costs more than it saves (as for lint).
PARALLEL_FROM = 16


@dataclass(frozen=True)
class IndexEntry:
    """What the site index shows of one map."""

    href: str
    id: str
    title: str
    owner: Optional[str]
    persona: Optional[str]
    persona_role: Optional[str]
    state: str
    state_label: str
    counts: Counts
    review: ReviewView


@dataclass(frozen=True)
class RenderedMap:
    """The outcome for one file: its page and index entry, its findings, or nothing (skipped)."""

    path: str
    page: Optional[str] = None
    entry: Optional[IndexEntry] = None
    findings: tuple[Finding, ...] = ()


def render_map(item: JourneyInput, output_format: OutputFormat, environment: Environment, today: date, index_href: Optional[str] = None) -> str:
    """One map's page as text; `index_href` links back to a site index."""
    return _page(build_view(item.journey, item.persona, today), output_format, environment, index_href)


def _page(view: MapView, output_format: OutputFormat, environment: Environment, index_href: Optional[str]) -> str:
    return render_template(environment, output_format.map_template, {"journey": view, "index_href": index_href})


class MapRenderer:
    """Loads and renders one file at a time with the run's environment and loader."""

    def __init__(self, output_format: OutputFormat, environment: Environment, today: date, index_href: Optional[str]) -> None:
        self.output_format, self.environment, self.today, self.index_href = output_format, environment, today, index_href
        self.loader = MapLoader(today)
        # Compile the entry templates once, before any worker process is forked.
        load_template(environment, output_format.map_template)
        load_template(environment, output_format.index_template)

    def render_file(self, path: str, explicit: bool) -> RenderedMap:
        """Load, check and render one file; problems come back as findings, never raised."""
        try:
            item = self.loader.load(path, explicit)
        except InvalidInput as error:
            return RenderedMap(path, findings=tuple(error.findings))
        if item is None:
            return RenderedMap(path)
        view = build_view(item.journey, item.persona, self.today)
        page = _page(view, self.output_format, self.environment, self.index_href)
        entry = IndexEntry(
            href=view.id + self.output_format.suffix, id=view.id, title=view.title, owner=view.owner,
            persona=view.persona.name if view.persona else None, persona_role=view.persona.role if view.persona else None,
            state=view.state, state_label=view.state_label, counts=view.counts, review=view.review,
        )
        return RenderedMap(path, page, entry)


def render_maps(paths: list[str], renderer: MapRenderer, jobs: Optional[int] = None) -> list[RenderedMap]:
    """Render every file the paths name, in order; raises InvalidInput with every map's findings."""
    items = list(expand_paths(paths))
    jobs = jobs or os.cpu_count() or 1
    if jobs < 2 or len(items) < PARALLEL_FROM or not can_fork():
        results = [renderer.render_file(path, explicit) for path, explicit in items]
    else:
        results = list(_in_parallel(renderer, items, jobs))
    findings = [finding for result in results for finding in result.findings]
    if findings:
        raise InvalidInput(findings)
    return [result for result in results if result.page is not None]


def render_site(rendered: list[RenderedMap], output_format: OutputFormat, environment: Environment) -> dict[str, str]:
    """Every page of a site by file name: one per map (`ID.html`) and the index."""
    entries = _named_entries(rendered)
    pages = {entry.href: result.page for result, entry in zip(rendered, entries) if result.page is not None}
    ordered = sorted(entries, key=lambda entry: (entry.title.casefold(), entry.id))
    pages[INDEX_NAME + output_format.suffix] = render_template(environment, output_format.index_template, {"entries": ordered})
    return pages


def _named_entries(rendered: list[RenderedMap]) -> list[IndexEntry]:
    """The index entries; two maps with one id, or a map named `index`, are a usage error."""
    seen: dict[str, str] = {}
    entries = []
    for result in rendered:
        assert result.entry is not None
        map_id = result.entry.id
        if map_id == INDEX_NAME:
            raise UsageError(f"{result.path}: a map with the id `index` would overwrite the site's index page; give it another id.")
        if map_id in seen:
            raise UsageError(f"{seen[map_id]} and {result.path} both have the id `{map_id}`; pages are named after map ids, so each map needs its own.")
        seen[map_id] = result.path
        entries.append(result.entry)
    return entries


_WORKER: Optional[MapRenderer] = None


def _install(renderer: MapRenderer) -> None:
    global _WORKER
    _WORKER = renderer


def _render_in_worker(item: tuple[str, bool]) -> RenderedMap:
    assert _WORKER is not None
    return _WORKER.render_file(*item)


def _in_parallel(renderer: MapRenderer, items: list[tuple[str, bool]], jobs: int) -> Iterator[RenderedMap]:
    # Forked workers inherit the renderer (its compiled templates included) without pickling it.
    chunk = max(1, min(16, len(items) // (jobs * 4)))
    yield from forked_map(_render_in_worker, items, jobs, chunk, _install, (renderer,))
