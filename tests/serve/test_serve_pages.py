"""What serve adds to pages, and what it never adds: hostile text stays text, render stays script-free."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from serve_support import get, maps, serve  # noqa: F401  (fixtures)
from test_serve_browser import Tab, browser  # noqa: F401  (fixture)

from conftest import CHROMIUM, TODAY

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "<svg onload=alert(3)>",
    "</pre><script>alert(4)</script>",
    "{{ 7*7 }}{% raw %}",
    "javascript:alert(5)",
]


def test_render_output_stays_free_of_javascript(cli, maps, tmp_path):
    site = tmp_path / "site"
    assert cli("render", str(maps), "-o", str(site), "--today", TODAY).code == 0
    pages = sorted(path for path in site.iterdir() if path.suffix == ".html")
    assert [page.name for page in pages] == [
        "dashboard.html",
        "index.html",
        "online-store-checkout.html",
        "plumbing-emergency-call.html",
        "saas-trial-to-paid.html",
    ]
    for page in pages:
        text = page.read_text(encoding="utf-8").lower()
        assert "<script" not in text and "eventsource" not in text and "journeyctl-serve" not in text


def test_served_map_pages_are_the_rendered_pages_plus_the_panel_and_script(cli, serve, maps, tmp_path):
    site = tmp_path / "site"
    assert cli("render", str(maps), "-o", str(site), "--today", TODAY).code == 0
    server = serve(str(maps), cwd=maps)
    for page in site.glob("*.html"):
        rendered = page.read_text(encoding="utf-8")
        status, _, served = get(server.port, "/" + page.name)
        assert status == 200
        end = rendered.rindex("</body>")
        # Everything render wrote is there, unchanged; serve's additions sit before `</body>`.
        assert served[:end] == rendered[:end]
        assert served.endswith(rendered[end:]) and len(served) > len(rendered)
        assert served.count("<script") == 1


def hostile_broken_map(path: Path) -> None:
    lines = ["journeyctl: 1", "id: hostile", "title: ok", "stages:"]
    for number, payload in enumerate(PAYLOADS):
        lines += [f"  - id: s{number}", f"    name: {payload!r}", "    touchpoints:"]
        lines += [f"      - id: t{number}", "        name: x", f"        channel: {payload!r}"]
    lines.append("  - id: [unclosed " + PAYLOADS[0])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"no Chromium at {CHROMIUM}")
def test_hostile_source_lines_and_messages_stay_text(browser, serve, tmp_path):
    folder = tmp_path / "maps"
    folder.mkdir()
    path = folder / "hostile.journey.yaml"
    hostile_broken_map(path)
    server = serve(str(folder), cwd=folder)
    dialogs: list[str] = []
    tab = Tab(browser, server.url + "hostile.journey.yaml.html")
    tab.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.shows(".serve-findings", "E001")
    tab.shows(".serve-source", "<script>alert(1)</script>")
    # Fixed, the map loads: its lint panel quotes the hostile channels in its messages.
    text = path.read_text(encoding="utf-8").replace("  - id: [unclosed " + PAYLOADS[0] + "\n", "")
    path.write_text(text, encoding="utf-8")
    tab.shows("h1", "ok")
    tab.page.locator("#journeyctl-serve-panel summary").click()
    tab.shows("#journeyctl-serve-panel", "onerror=alert(2)")
    assert tab.page.evaluate("document.querySelectorAll('script, img, svg:not(.curve), iframe').length") == 1
    assert dialogs == [] and tab.errors == []
