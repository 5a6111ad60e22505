"""The pages `serve` answers with: render's own pages, plus what only a live preview shows.

A map page is exactly the page `render` publishes, with a collapsible lint panel
and the reload script added before `</body>` as it is sent. Pages that render
cannot make (a map with errors, a broken template, a page that does not exist)
come from serve's own templates, drawn with the built-in ones only, so that a
team's broken template cannot hide its own error.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Callable, Optional

from jinja2 import Environment

from journeyctl.check.service import Checked
from journeyctl.core.defaults import SEVERITIES
from journeyctl.core.findings import Finding
from journeyctl.render import OutputFormat, RenderedMap, make_environment, render_dashboard, render_index
from journeyctl.render.dashboard import DASHBOARD_NAME
from journeyctl.render.environment import render_template
from journeyctl.serve.excerpts import FindingView

_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class BrokenFile:
    """A file that has no page because of errors: where its problem page is."""

    path: str
    href: str
    count: int


@dataclass(frozen=True)
class SiteView:
    """What a page of the whole site is drawn from: the maps that render (as rendered and as checked), and
    the files that do not."""

    maps: list[RenderedMap]
    checked: list[Checked]
    broken: list[BrokenFile]
    output_format: OutputFormat
    environment: Environment
    today: date


def index_page(site: SiteView) -> str:
    """render's index of the maps that render, and a panel naming the files that do not."""
    dashboard = DASHBOARD_NAME + site.output_format.suffix if site.maps else None
    page = render_index(site.maps, site.output_format, site.environment, dashboard)
    if not site.broken:
        return page
    return with_fragment(page, broken_panel(site.broken, "not on this index"))


def dashboard_page(site: SiteView) -> str:
    """render's dashboard (the portfolio report) of the maps that render, and a panel naming the files that do not."""
    page = render_dashboard(site.maps, site.output_format, site.environment, site.today)
    if page is None:
        return problem_page(
            "No maps to report on", "No maps", "No map here renders yet: the dashboard reports on those that do."
        )
    if not site.broken:
        return page
    return with_fragment(page, broken_panel(site.broken, "not in this report"))


def broken_panel(broken: Sequence[BrokenFile], where: str) -> str:
    """An open panel linking the pages of the files that have errors."""
    summary = f"{len(broken)} file{'' if len(broken) == 1 else 's'} with errors: {where}"
    return _panel(summary, broken=broken, opened=True)


# The pages of a site besides one per map, by name, and what draws each.
SITE_PAGES: dict[str, Callable[[SiteView], str]] = {
    "index.html": index_page,
    "dashboard.html": dashboard_page,
}


def lint_panel(lint: Sequence[FindingView], note: Optional[str] = None) -> str:
    """The panel of a map's lint findings (or why lint cannot run: `note`)."""
    summary = "Lint: " + (_tally([view.finding for view in lint]) if note is None else "unavailable")
    return _panel(summary, findings=lint, note=note)


def _panel(
    summary: str,
    findings: Sequence[FindingView] = (),
    broken: Sequence[BrokenFile] = (),
    note: Optional[str] = None,
    opened: bool = False,
) -> str:
    context = {"findings": list(findings), "broken": list(broken), "note": note, "opened": opened}
    return _serve_template("serve-panel.html.j2", summary=summary, **context)


def problem_page(
    heading: str,
    kicker: str,
    lede: str,
    findings: Sequence[FindingView] = (),
    message: Optional[str] = None,
    panel: str = "",
) -> str:
    """A page in the site's look saying why the page asked for cannot be shown."""
    page = _serve_template(
        "serve-problem.html.j2", heading=heading, kicker=kicker, lede=lede, findings=list(findings), message=message
    )
    return with_fragment(page, panel) if panel else page


def missing_page(name: Optional[str], broken: Sequence[BrokenFile]) -> str:
    """The page for a name the site does not have (a map removed, renamed, never there, or never loaded);
    None for an address that could never name a page."""
    where = f"no page {name}" if name is not None else "no page at this address"
    lede = f"This site has {where}. A map's page is named after its id; the index lists every map."
    panel = broken_panel(broken, "a map that never loaded has its page here") if broken else ""
    return problem_page("No such page", "Not found", lede, panel=panel)


def with_reload(page: str, name: str, version: str, nonce: str) -> str:
    """The page as served: with the script that reloads it when `name` is no longer `version`."""
    script = _serve_template("serve-reload.html.j2", page=name, version=version, nonce=nonce)
    return with_fragment(page, script)


def with_fragment(page: str, fragment: str) -> str:
    """`fragment` inserted before the page's last `</body>` (at its end when a team template has none)."""
    ends = list(_BODY_END.finditer(page))
    if not ends:
        return page + fragment
    at = ends[-1].start()
    return page[:at] + fragment + page[at:]


def version_of(page: str) -> str:
    """A short fingerprint of a page's content: what a browser compares to know it must reload."""
    return hashlib.blake2b(page.encode("utf-8"), digest_size=8).hexdigest()


def _tally(findings: Sequence[Finding]) -> str:
    counts = {severity: sum(1 for f in findings if f.severity == severity) for severity in SEVERITIES}
    # As lint's summary counts them: "2 errors", "1 warning", "3 info".
    parts = [f"{n} {severity}{'s' if n != 1 and severity != 'info' else ''}" for severity, n in counts.items() if n]
    return ", ".join(parts) if parts else "no findings"


@lru_cache(maxsize=1)
def _builtin_environment() -> Environment:
    return make_environment(None)


def _serve_template(name: str, **context: Any) -> str:
    return render_template(_builtin_environment(), name, context)
