"""How each page of the live site is drawn, from what the engine left of its files."""

from __future__ import annotations

from datetime import date
from typing import Callable, Union
from urllib.parse import quote

from journeyctl.check.service import Checker
from journeyctl.render import FORMATS, MapRenderer
from journeyctl.render.environment import TemplateProblem
from journeyctl.serve import pages
from journeyctl.serve.excerpts import finding_views
from journeyctl.serve.sources import SourceFile, lint_source

Build = Callable[[], str]
CANNOT_BUILD = "journeyctl cannot build this page. Fix what is below and save: the page reloads by itself."


def site_page(
    draw: Callable[[pages.SiteView], str],
    renderer: MapRenderer,
    sources: list[SourceFile],
    names: dict[str, str],
    today: date,
) -> Build:
    """A page of the whole site (the index): the maps that render, and the files that do not."""

    def build() -> str:
        broken = broken_files(sources, names)
        maps = [source for source in sources if source.page is not None]
        rendered, checked = [m.rendered for m in maps], [m.checked for m in maps]
        view = pages.SiteView(rendered, checked, broken, FORMATS["html"], renderer.environment, today)
        try:
            return draw(view)
        except TemplateProblem as problem:
            return pages.problem_page("A template cannot be used", "Cannot build", CANNOT_BUILD, message=str(problem))

    return build


def broken_files(sources: list[SourceFile], names: dict[str, str]) -> list[pages.BrokenFile]:
    """The files that have a page only to show their errors, and where it is."""
    return [
        pages.BrokenFile(source.path, "/" + quote(names[source.path]), max(len(source.errors), 1))
        for source in sources
        if source.wanted and source.page is None
    ]


def source_page(source: SourceFile, lint: Union[Checker, str]) -> Build:
    """A file's page: its map as render publishes it with a lint panel, or its errors where they are."""

    def build() -> str:
        panel = _lint_panel(source, lint)
        if source.page is not None:
            return pages.with_fragment(source.page, panel)
        if source.problem is not None:
            return pages.problem_page(source.path, "Cannot build", CANNOT_BUILD, message=source.problem, panel=panel)
        errors = finding_views(source.errors, source.checked.text, context=2)
        lede = "journeyctl render stops at these errors. Fix them and save: this page reloads by itself."
        return pages.problem_page(source.path, "Has errors", lede, findings=errors, panel=panel)

    return build


def _lint_panel(source: SourceFile, lint: Union[Checker, str]) -> str:
    if isinstance(lint, str):
        return pages.lint_panel([], note=f"lint cannot run here: {lint}")
    return pages.lint_panel(finding_views(lint_source(source, lint), source.checked.text, context=0))
