"""Editing maps while a real headless Chromium shows them: the page follows by itself.

The tests never reload a page: each counts the page's loads, so a new title seen
after a save is the server's doing (its script reloaded the page), not the test's.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_support import maps, save_atomically, serve  # noqa: F401  (fixtures)

from conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason=f"no Chromium at {CHROMIUM} (apt-get install -y chromium)"
)

WAIT_MS = 15_000  # the machine is shared: generous, and only ever spent when something is wrong
CHECKOUT = "online-store-checkout"
TITLE = "Buying a pair of hiking boots online"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Tab:
    """A page open in Chromium: how many times it loaded, and any error it logged."""

    def __init__(self, browser, url: str) -> None:
        self.page = browser.new_page()
        self.loads = 0
        self.errors: list[str] = []
        self.page.on("load", lambda _: self._loaded())
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(url, wait_until="load")
        self.listening()

    def _loaded(self) -> None:
        self.loads += 1

    def listening(self) -> None:
        """Wait until the page's event stream is open (a change is then certain to reach it)."""
        self.page.wait_for_function(
            "() => document.documentElement.dataset.liveReload === 'on'",
            timeout=WAIT_MS,
        )

    def shows(self, selector: str, text: str) -> None:
        from playwright.sync_api import expect

        expect(self.page.locator(selector).first).to_contain_text(text, timeout=WAIT_MS)

    def reloaded_by_itself(self, before: int) -> None:
        assert self.loads > before, "the page changed without loading again"
        assert self.errors == []


def edit(path: Path, old: str, new: str, atomic: bool = False) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    changed = text.replace(old, new, 1)
    if atomic:
        save_atomically(path, changed)
    else:
        path.write_text(changed, encoding="utf-8")


@pytest.fixture
def site(serve, maps):
    return serve(str(maps), cwd=maps)


def test_a_saved_title_shows_without_reloading_by_hand(browser, site, maps):
    tab = Tab(browser, site.url + f"{CHECKOUT}.html")
    tab.shows("h1", TITLE)
    loads = tab.loads
    edit(maps / f"{CHECKOUT}.journey.yaml", f"title: {TITLE}", "title: Boots, bought in one go")
    tab.shows("h1", "Boots, bought in one go")
    tab.reloaded_by_itself(loads)
    site.wait_for_line(rf"{CHECKOUT}.journey.yaml changed: rebuilt in [0-9.]+ s; reloading {CHECKOUT}.html")


def test_broken_yaml_shows_where_and_fixing_it_brings_the_map_back(browser, site, maps):
    tab = Tab(browser, site.url + f"{CHECKOUT}.html")
    path = maps / f"{CHECKOUT}.journey.yaml"
    good = path.read_text(encoding="utf-8")
    edit(path, f"title: {TITLE}", f"title: [{TITLE}")
    tab.shows(".serve-findings", f"{CHECKOUT}.journey.yaml:9:8")
    tab.shows(".serve-findings", "E001")
    tab.shows(".serve-findings", "The list opened here with `[` is not closed with `]`")
    tab.shows(".serve-target", f"title: [{TITLE}")
    assert tab.page.locator(".serve-findings .serve-target mark").inner_text() == "["
    tab.listening()
    loads = tab.loads
    path.write_text(good, encoding="utf-8")
    tab.shows("h1", TITLE)
    tab.reloaded_by_itself(loads)


def test_a_map_with_errors_shows_every_positioned_finding(browser, site, maps):
    tab = Tab(browser, site.url + f"{CHECKOUT}.html")
    path = maps / f"{CHECKOUT}.journey.yaml"
    edit(path, "emotion: 2\n", "emotion: 9\n")
    tab.shows("h1", f"{CHECKOUT}.journey.yaml")
    tab.shows(".serve-findings", "E022")
    tab.shows(".serve-findings", "Emotion 9 is outside the map's scale of 1 to 5.")
    text = tab.page.locator(".serve-findings").inner_text()
    assert re.search(rf"{CHECKOUT}\.journey\.yaml:\d+:\d+", text)


def test_lint_warnings_are_in_a_collapsible_panel(browser, site, maps):
    tab = Tab(browser, site.url + f"{CHECKOUT}.html")
    panel = tab.page.locator("#journeyctl-serve-panel")
    assert panel.get_attribute("open") is None
    tab.shows("#journeyctl-serve-panel summary", "Lint: no findings")
    edit(maps / f"{CHECKOUT}.journey.yaml", "channel: ad", "channel: carrier-pigeon")
    tab.shows("#journeyctl-serve-panel summary", "Lint: 1 warning")
    tab.page.locator("#journeyctl-serve-panel summary").click()
    tab.shows("#journeyctl-serve-panel", "W110")
    tab.shows("#journeyctl-serve-panel", "`carrier-pigeon` is not a known channel")
    tab.shows("#journeyctl-serve-panel .serve-target", "carrier-pigeon")


def test_a_config_change_updates_the_lint_panel(browser, site, maps):
    edit(maps / f"{CHECKOUT}.journey.yaml", "channel: ad", "channel: carrier-pigeon")
    tab = Tab(browser, site.url + f"{CHECKOUT}.html")
    tab.shows("#journeyctl-serve-panel summary", "Lint: 1 warning")
    (maps / "journeyctl.toml").write_text('channels = ["carrier-pigeon"]\n', encoding="utf-8")
    tab.shows("#journeyctl-serve-panel summary", "Lint: no findings")


def test_an_atomic_rename_save_is_seen(browser, site, maps):
    tab = Tab(browser, site.url + f"{CHECKOUT}.html")
    for attempt in ("Saved by renaming", "Saved by renaming again"):
        loads = tab.loads
        path = maps / f"{CHECKOUT}.journey.yaml"
        edit(path, re.search(r"^title: .*$", path.read_text(), re.M).group(), f"title: {attempt}", atomic=True)
        tab.shows("h1", attempt)
        tab.reloaded_by_itself(loads)
        tab.listening()


def test_a_persona_library_change_reloads_the_maps_that_use_it(browser, site, maps):
    tab = Tab(browser, site.url + f"{CHECKOUT}.html")
    tab.shows("#persona-name", "Leo Marchetti")
    edit(maps / "personas.yaml", "name: Leo Marchetti", "name: Leonora Marchetti", atomic=True)
    tab.shows("#persona-name", "Leonora Marchetti")


def test_created_deleted_and_renamed_maps_reach_the_index(browser, site, maps):
    tab = Tab(browser, site.url)
    tab.shows("table.index", TITLE)
    source = maps / f"{CHECKOUT}.journey.yaml"
    copy = maps / "copy.journey.yaml"
    copy.write_text(
        source.read_text().replace(f"id: {CHECKOUT}", "id: copied").replace(TITLE, "A copied map"), encoding="utf-8"
    )
    tab.shows("table.index", "A copied map")
    copy.rename(maps / "renamed.journey.yaml")
    tab.listening()
    (maps / "renamed.journey.yaml").unlink()
    from playwright.sync_api import expect

    expect(tab.page.locator("table.index")).not_to_contain_text("A copied map", timeout=WAIT_MS)
    source.unlink()
    expect(tab.page.locator("table.index")).not_to_contain_text(TITLE, timeout=WAIT_MS)


def test_a_deleted_map_page_comes_back_with_its_map(browser, site, maps):
    tab = Tab(browser, site.url + f"{CHECKOUT}.html")
    path = maps / f"{CHECKOUT}.journey.yaml"
    kept = path.read_text(encoding="utf-8")
    path.unlink()
    tab.shows("h1", "No such page")
    tab.listening()
    path.write_text(kept, encoding="utf-8")
    tab.shows("h1", TITLE)


def test_a_changed_id_leads_to_the_new_page(browser, site, maps):
    tab = Tab(browser, site.url + f"{CHECKOUT}.html")
    edit(maps / f"{CHECKOUT}.journey.yaml", f"id: {CHECKOUT}", "id: boots-checkout")
    tab.page.wait_for_url("**/boots-checkout.html", timeout=WAIT_MS)
    tab.shows("h1", TITLE)


def test_template_changes_reload_and_a_broken_template_is_shown(browser, serve, maps, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    team = templates / "map.html.j2"
    team.write_text('{% extends "journey.html.j2" %}\n{% block footer %}<p>Team A</p>{% endblock %}\n')
    site = serve(str(maps), "--templates", str(templates), cwd=maps)
    tab = Tab(browser, site.url + f"{CHECKOUT}.html")
    tab.shows("footer", "Team A")
    team.write_text('{% extends "journey.html.j2" %}\n{% block footer %}<p>Team B</p>{% endblock %}\n')
    tab.shows("footer", "Team B")
    tab.listening()
    team.write_text('{% extends "journey.html.j2" %}\n{% block footer %}{{ journey.title }{% endblock %}\n')
    tab.shows("h1", "The templates cannot be used")
    tab.shows(".serve-message", f"template {team}:2:")
    tab.listening()
    team.write_text('{% extends "journey.html.j2" %}\n{% block footer %}<p>Team C</p>{% endblock %}\n')
    tab.shows("footer", "Team C")
    assert tab.errors == []


def test_the_page_runs_only_the_reload_script_and_keeps_its_scroll(browser, site, maps):
    tab = Tab(browser, site.url + f"{CHECKOUT}.html")
    assert tab.page.evaluate("document.querySelectorAll('script').length") == 1
    tab.page.evaluate("window.scrollTo(0, 900)")
    edit(maps / f"{CHECKOUT}.journey.yaml", f"title: {TITLE}", "title: Still here")
    tab.shows("h1", "Still here")
    tab.page.wait_for_function("() => window.scrollY > 800", timeout=WAIT_MS)
