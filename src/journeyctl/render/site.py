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
from journeyctl.render.dashboard import DASHBOARD_NAME, dashboard_page
from journeyctl.render.environment import load_template, render_template
from journeyctl.render.formats import OutputFormat, PrintLayout
from journeyctl.render.review import ReviewView
from journeyctl.render.view import Counts, MapView, build_view
from journeyctl.report.summarise import Summariser
from journeyctl.report.summary import MapSummary
from journeyctl.source.discovery import Search

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
    summary: Optional[MapSummary] = None  # what the site's dashboard needs of the map


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
        self.summariser = Summariser(today, lint_counts=False) if index_href is not None else None
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
        summary = self.summariser.summarise(path, journey, checked.findings) if self.summariser else None
        return RenderedMap(path, page, entry, summary=summary)


def render_maps(
    paths: list[str], renderer: MapRenderer, jobs: Optional[int] = None, search: Optional[Search] = None
) -> list[RenderedMap]:
    """Render every file the paths name, in order; raises InvalidInput with every map's findings."""
    rendered = check_paths(
        paths, renderer.checker, renderer.render_checked, jobs, 16, search, progress="Rendering maps"
    )
    results = list(rendered)
    findings = [finding for result in results for finding in result.findings]
    if findings:
        raise InvalidInput(findings)
    return [result for result in results if result.page is not None]


def render_site(
    rendered: list[RenderedMap], output_format: OutputFormat, environment: Environment, today: Optional[date] = None
) -> dict[str, str]:
    """Every page of a site by file name: one per map (`ID.html`), the index and, when the maps
    were rendered for a site (with their summaries), the dashboard."""
    named = site_maps(rendered)
    pages = {name: result.page for name, result in named.items() if result.page is not None}
    dashboard = render_dashboard(list(named.values()), output_format, environment, today or date.today())
    dashboard_href = None
    if dashboard is not None:
        dashboard_href = DASHBOARD_NAME + output_format.suffix
        pages[dashboard_href] = dashboard
    index = render_index(list(named.values()), output_format, environment, dashboard_href)
    pages[INDEX_NAME + output_format.suffix] = index
    return pages


def render_index(
    rendered: list[RenderedMap],
    output_format: OutputFormat,
    environment: Environment,
    dashboard_href: Optional[str] = None,
) -> str:
    """The site index: every rendered map's entry, by title, and a link to the dashboard when there is one."""
    entries = [result.entry for result in rendered if result.entry is not None]
    ordered = sorted(entries, key=lambda entry: (entry.title.casefold(), entry.id))
    context = {"entries": ordered, "dashboard_href": dashboard_href}
    return render_template(environment, output_format.index_template, context)


def render_dashboard(
    rendered: list[RenderedMap], output_format: OutputFormat, environment: Environment, today: date
) -> Optional[str]:
    """The site's dashboard (the portfolio report of its maps), when every map was rendered with its summary."""
    summaries = [result.summary for result in rendered if result.summary is not None]
    if not summaries or len(summaries) != len(rendered):
        return None
    return dashboard_page(summaries, output_format, environment, today, INDEX_NAME + output_format.suffix)


def site_maps(rendered: list[RenderedMap]) -> dict[str, RenderedMap]:
    """The rendered maps by page name (`ID.html`); two maps with one id, or a map named `index`, are a usage error."""
    seen: dict[str, str] = {}
    named = {}
    for result in rendered:
        assert result.entry is not None
        map_id = result.entry.id
        if map_id in (INDEX_NAME, DASHBOARD_NAME):
            raise UsageError(
                f"{result.path}: a map with the id `{map_id}` would overwrite the site's {map_id} page; "
                "give it another id."
            )
        if map_id in seen:
            raise UsageError(
                (
                    f"{seen[map_id]} and {result.path} both have the id `{map_id}`; "
                    "pages are named after map ids, so each map needs its own."
                )
            )
        seen[map_id] = result.path
        named[result.entry.href] = result
    return named
