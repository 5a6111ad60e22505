"""Rendering the maps of a run into pages, in memory, in parallel when there are many."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Optional

from jinja2 import Environment

from journeyctl.check.service import Checked, Checker, check_paths
from journeyctl.core.errors import InvalidInput, UsageError
from journeyctl.core.findings import Finding
from journeyctl.model import JourneyMap, Persona
from journeyctl.render.environment import load_template, render_template
from journeyctl.render.formats import OutputFormat, PrintLayout
from journeyctl.render.view import Counts, MapView, ReviewView, build_view

INDEX_NAME = "index"


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


def render_map(
    journey: JourneyMap,
    persona: Optional[Persona],
    output_format: OutputFormat,
    environment: Environment,
    today: date,
    index_href: Optional[str] = None,
) -> str:
    """One map's page as text, with its resolved persona; `index_href` links back to a site index."""
    return _page(build_view(journey, persona, today), output_format, environment, index_href)


def _page(
    view: MapView,
    output_format: OutputFormat,
    environment: Environment,
    index_href: Optional[str],
    paper: Optional[PrintLayout] = None,
) -> str:
    context = {"journey": view, "index_href": index_href}
    if paper is not None:
        context["page_size"] = paper.page_size
    return render_template(environment, output_format.map_template, context)


class MapRenderer:
    """Checks and renders one file at a time with the run's environment and checker."""

    def __init__(
        self,
        output_format: OutputFormat,
        environment: Environment,
        today: date,
        index_href: Optional[str],
        paper: Optional[PrintLayout] = None,
    ) -> None:
        self.output_format, self.environment, self.today, self.index_href = (
            output_format,
            environment,
            today,
            index_href,
        )
        self.paper = paper
        self.checker = Checker("render", today=today)
        # Compile the entry templates once, before any worker process is forked.
        load_template(environment, output_format.map_template)
        load_template(environment, output_format.index_template)

    def render_checked(self, checked: Checked) -> RenderedMap:
        """Render one checked file; its problems come back as findings, never raised.

        A persona library, or a file in a folder that is not a map, has no page.
        """
        path = checked.path
        if checked.skipped:
            return RenderedMap(path)
        try:
            _, journey = checked.require()
        except InvalidInput as error:
            return RenderedMap(path, findings=tuple(error.findings))
        if not isinstance(journey, JourneyMap):
            return RenderedMap(path)
        persona = self.checker.libraries.persona(journey, path)
        view = build_view(journey, persona, self.today, self.paper.columns_per_page if self.paper else None)
        page = _page(view, self.output_format, self.environment, self.index_href, self.paper)
        entry = IndexEntry(
            href=view.id + self.output_format.suffix,
            id=view.id,
            title=view.title,
            owner=view.owner,
            persona=view.persona.name if view.persona else None,
            persona_role=view.persona.role if view.persona else None,
            state=view.state,
            state_label=view.state_label,
            counts=view.counts,
            review=view.review,
        )
        return RenderedMap(path, page, entry)


def render_maps(paths: list[str], renderer: MapRenderer, jobs: Optional[int] = None) -> list[RenderedMap]:
    """Render every file the paths name, in order; raises InvalidInput with every map's findings."""
    results = list(check_paths(paths, renderer.checker, renderer.render_checked, jobs, largest_chunk=16))
    findings = [finding for result in results for finding in result.findings]
    if findings:
        raise InvalidInput(findings)
    return [result for result in results if result.page is not None]


def render_site(rendered: list[RenderedMap], output_format: OutputFormat, environment: Environment) -> dict[str, str]:
    """Every page of a site by file name: one per map (`ID.html`) and the index."""
    entries = _named_entries(rendered)
    pairs = zip(rendered, entries, strict=True)
    pages = {entry.href: result.page for result, entry in pairs if result.page is not None}
    ordered = sorted(entries, key=lambda entry: (entry.title.casefold(), entry.id))
    pages[INDEX_NAME + output_format.suffix] = render_template(
        environment, output_format.index_template, {"entries": ordered}
    )
    return pages


def _named_entries(rendered: list[RenderedMap]) -> list[IndexEntry]:
    """The index entries; two maps with one id, or a map named `index`, are a usage error."""
    seen: dict[str, str] = {}
    entries = []
    for result in rendered:
        assert result.entry is not None
        map_id = result.entry.id
        if map_id == INDEX_NAME:
            raise UsageError(
                f"{result.path}: a map with the id `index` would overwrite the site's index page; give it another id."
            )
        if map_id in seen:
            raise UsageError(
                (
                    f"{seen[map_id]} and {result.path} both have the id `{map_id}`; "
                    "pages are named after map ids, so each map needs its own."
                )
            )
        seen[map_id] = result.path
        entries.append(result.entry)
    return entries
