"""The pages in a real headless Chromium: no errors, no requests, readable, aligned, printable."""

from __future__ import annotations

import json
import os
import shutil
import struct
from pathlib import Path

import pytest
from browser_support import Visit, browser, needs_chromium, site  # noqa: F401  (fixtures)
from render_support import ARTIFACTS, hostile  # noqa: F401  (fixture)

from conftest import EXAMPLES, ROOT, TODAY

pytestmark = needs_chromium

PAGES = [
    (name, 1366)
    for name in ("saas-trial-to-paid", "online-store-checkout", "plumbing-emergency-call", "index", "dashboard")
]
PAGES += [("saas-trial-to-paid", 390), ("index", 390), ("dashboard", 390)]


@pytest.mark.parametrize(("name", "width"), PAGES)
def test_pages_load_quietly_fit_the_screen_and_are_readable(browser, site, name, width):
    visit = Visit(browser, site / f"{name}.html", width)
    visit.screenshot(f"{name}-{width}.png")
    visit.assert_quiet()
    # The page never scrolls sideways as a whole: wide maps scroll inside their own box.
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= width
    failures = visit.contrast_failures()
    visit.page.close()
    assert failures == []


# The picture of a rendered map in README.md and on the documentation's home page.
SCREENSHOT = ROOT / "docs" / "images" / "journey-map.png"


def test_the_readme_screenshot_is_this_page(browser, site):
    """The top of an example map's page (its title, figures and the journey at a glance), 1280 by 800
    pixels, as this Chromium draws it.

    JOURNEYCTL_UPDATE_GOLDEN=1 puts the new picture in docs/images/ (commit it); otherwise the
    committed one must have the same size, which a change of the page's layout would break.
    """
    visit = Visit(browser, site / "online-store-checkout.html", 1280)
    visit.assert_quiet()
    visit.page.set_viewport_size({"width": 1280, "height": 800})
    taken = ARTIFACTS / "journey-map.png"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    visit.page.screenshot(path=str(taken))
    visit.page.close()
    if os.environ.get("JOURNEYCTL_UPDATE_GOLDEN") == "1":
        shutil.copyfile(taken, SCREENSHOT)
    assert SCREENSHOT.is_file(), f"no {SCREENSHOT}: run with JOURNEYCTL_UPDATE_GOLDEN=1"
    assert png_size(SCREENSHOT) == png_size(taken) == (1280, 800)
    assert 50_000 < SCREENSHOT.stat().st_size < 400_000


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG, from its header."""
    header = path.read_bytes()[:24]
    assert header.startswith(b"\x89PNG\r\n\x1a\n"), f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_hostile_page_runs_nothing(browser, hostile, tmp_path):
    from journeyctl.cli import main

    page = tmp_path / "hostile.html"
    assert main(["render", str(hostile), "-o", str(page), "--today", TODAY]) == 0
    visit = Visit(browser, page, 1366)
    visit.page.screenshot(path=str(ARTIFACTS / "hostile-1366.png"))
    visit.assert_quiet()
    assert visit.page.evaluate("document.querySelectorAll('script, img, iframe, object, embed').length") == 0
    assert visit.page.evaluate("getComputedStyle(document.body).display") == "block"
    visit.page.close()


def test_curve_points_sit_over_their_touchpoints(browser, site):
    visit = Visit(browser, site / "online-store-checkout.html", 1366)
    visit.page.evaluate("document.querySelector('.map-scroll').scrollLeft = 0")
    centres = visit.page.evaluate("""() => {
      const columns = [...document.querySelectorAll('tr.touchpoints > :not(.lane)')];
      return columns.map((c) => { const b = c.getBoundingClientRect(); return c.classList.contains('placeholder') ? null : b.left + b.width / 2; });
    }""")
    dots = visit.page.evaluate(
        "[...document.querySelectorAll('.curve-cell svg.curve circle.dot')].map((c) => { const b = c.getBoundingClientRect(); return b.left + b.width / 2; })"
    )
    with_emotion = visit.page.evaluate("""() => [...document.querySelectorAll('tr.lane-feeling > td')].length""")
    assert with_emotion == len(centres)
    assert len(dots) == len([c for c in centres if c is not None])
    for dot, centre in zip(dots, [c for c in centres if c is not None], strict=False):
        assert abs(dot - centre) < 1.5
    visit.page.close()


def test_structure_for_assistive_technology(browser, site):
    visit = Visit(browser, site / "saas-trial-to-paid.html", 1366)
    facts = visit.page.evaluate("""() => ({
      lang: document.documentElement.lang,
      title: document.title,
      svgTitle: document.querySelector('.curve-cell svg.curve > title').textContent,
      svgDesc: document.querySelector('.curve-cell svg.curve > desc').textContent.slice(0, 40),
      headersWithoutScope: document.querySelectorAll('table th:not([scope])').length,
      stageHeaders: document.querySelectorAll('th[scope=colgroup]').length,
      criticalBadges: [...document.querySelectorAll('th.touchpoint .critical-badge')].map((b) => b.textContent.trim()),
    })""")
    assert facts == {
        "lang": "en",
        "title": "Rotaflow: from free trial to first renewal · Journey map",
        "svgTitle": "Emotional curve of Rotaflow: from free trial to first renewal",
        "svgDesc": "Emotion at each touchpoint on a scale fr",
        "headersWithoutScope": 0,
        "stageHeaders": 5,
        "criticalBadges": ["★ Critical moment"] * 3,
    }
    visit.page.close()


def test_prints_on_landscape_a4_and_letter(browser, site):
    visit = Visit(browser, site / "saas-trial-to-paid.html", 1366, media="print")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for paper, page_width in (("A4", 1123), ("Letter", 1056)):
        pdf = visit.page.pdf(format=paper, landscape=True, print_background=True)
        (ARTIFACTS / f"saas-trial-to-paid-{paper}.pdf").write_bytes(pdf)
        assert pdf.startswith(b"%PDF")
        # Landscape width at 96 px per inch, less the 10 mm margins: the whole map fits across.
        width = page_width - 76
        visit.page.set_viewport_size({"width": width, "height": 800})
        assert visit.page.evaluate("document.querySelector('table.journey').getBoundingClientRect().width") <= width
    visit.page.screenshot(path=str(ARTIFACTS / "saas-trial-to-paid-print-letter.png"), full_page=True)
    visit.assert_quiet()
    visit.page.close()


# What a payload would do if it ran or were markup: set __pwned, retitle the
# page, add elements that run, fetch or submit, or handlers and odd links.
ACTIVE = """() => ({
  pwned: typeof window.__pwned !== 'undefined',
  title: document.title,
  elements: [...document.querySelectorAll('script, iframe, object, embed, img, image, base, link, form, input, button, textarea, details, math, meta[http-equiv], animate, set')].map((el) => el.tagName),
  handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((name) => name.startsWith('on')),
  links: [...document.querySelectorAll('a')].map((a) => a.href.baseVal ?? a.href).filter((href) => !/^(https?:|mailto:|file:)/.test(href)),
})"""


@pytest.fixture(scope="module")
def payload_pages(tmp_path_factory) -> list[tuple[Path, str]]:
    """A site of one map per XSS payload (in every field and link), and its Markdown pages as a
    Markdown renderer that lets raw HTML through would show them (one page): (page, expected title)."""
    from markdown_it import MarkdownIt
    from render_support import PAYLOADS, on_a_page, payload_map

    from journeyctl.cli import main

    folder = tmp_path_factory.mktemp("payloads")
    (folder / "maps").mkdir()
    for number, payload in enumerate(PAYLOADS):
        data = {**payload_map(payload), "id": f"payload-{number:02}"}
        (folder / "maps" / f"payload-{number:02}.journey.yaml").write_text(json.dumps(data), encoding="utf-8")
    maps = [str(path) for path in sorted((folder / "maps").iterdir())]
    assert main(["render", *maps, "-o", str(folder / "html"), "--today", TODAY]) == 0
    assert main(["render", *maps, "-f", "markdown", "-o", str(folder / "md"), "--today", TODAY]) == 0
    pages = [
        (folder / "html" / f"payload-{number:02}.html", " ".join(f"{on_a_page(payload)} · Journey map".split()))
        for number, payload in enumerate(PAYLOADS)
    ]
    pages.append((folder / "html" / "index.html", "Journey maps"))
    pages.append((folder / "html" / "dashboard.html", f"Journey portfolio report · {TODAY}"))
    markdown = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    bodies = [markdown.render(source.read_text(encoding="utf-8")) for source in sorted((folder / "md").glob("*.md"))]
    (folder / "markdown.html").write_text(
        "<!DOCTYPE html><meta charset=utf-8><title>Markdown</title>" + "<hr>".join(bodies), encoding="utf-8"
    )
    return [*pages, (folder / "markdown.html", "Markdown")]


def test_no_payload_runs_in_a_browser(browser, payload_pages):
    page = browser.new_page()
    visited = {path.resolve().as_uri() for path, _ in payload_pages}
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: request.url not in visited and requests.append(request.url))
    for path, title in payload_pages:
        page.goto(path.resolve().as_uri(), wait_until="load")
        page.keyboard.press("Tab")  # an autofocus or focus handler would run now
        page.mouse.move(300, 300)
        facts = page.evaluate(ACTIVE)
        assert facts == {"pwned": False, "title": title, "elements": [], "handlers": [], "links": []}, path.name
    assert (dialogs, requests) == ([], [])
    page.close()


def test_the_report_page_draws_its_charts_from_the_figures(browser, tmp_path):
    from journeyctl.cli import main

    page_file, data_file = tmp_path / "report.html", tmp_path / "report.json"
    assert main(["report", str(EXAMPLES), "-f", "html", "-o", str(page_file), "--today", TODAY]) == 0
    assert main(["report", str(EXAMPLES), "-f", "json", "-o", str(data_file), "--today", TODAY]) == 0
    document = json.loads(data_file.read_text(encoding="utf-8"))
    visit = Visit(browser, page_file, 1366)
    visit.screenshot("report-1366.png")
    visit.assert_quiet()
    drawn = visit.page.evaluate("""() => ({
      bars: document.querySelectorAll('svg.pareto rect.bar').length,
      vital: document.querySelectorAll('svg.pareto rect.bar.vital').length,
      points: document.querySelector('svg.pareto polyline.cumulative').getAttribute('points').split(' ').length,
      line: document.querySelectorAll('svg.pareto line.vital-line').length,
      rows: document.querySelectorAll('table.pareto-table tbody tr').length,
      bubbles: [...document.querySelectorAll('svg.matrix text.bubble-count')].reduce((n, t) => n + Number(t.textContent), 0),
      areas: [...document.querySelectorAll('svg.matrix text.area-label')].map((t) => t.textContent),
      barsBelowTheLine: (() => {
        const line = document.querySelector('svg.pareto line.vital-line').getBoundingClientRect().top;
        return [...document.querySelectorAll('svg.pareto rect.bar')].every((b) => b.getBoundingClientRect().bottom > line);
      })(),
      links: document.querySelectorAll('a').length,
    })""")
    items = document["pareto"]["items"]
    quadrants = document["matrix"]
    assert drawn == {
        "bars": min(len(items), 20) + (len(items) > 20),
        "vital": sum(item["vital"] for item in items[:20]),
        "points": min(len(items), 20) + (len(items) > 20),
        "line": 1,
        "rows": len(items),
        "bubbles": sum(len(quadrants[name]) for name in ("quick-win", "big-bet", "fill-in", "time-sink")),
        "areas": [
            f"Quick wins ({len(quadrants['quick-win'])})",
            f"Big bets ({len(quadrants['big-bet'])})",
            f"Fill-ins ({len(quadrants['fill-in'])})",
            f"Time sinks ({len(quadrants['time-sink'])})",
        ],
        "barsBelowTheLine": True,
        "links": 1,  # the skip link: a report on its own links to no map page
    }
    visit.page.close()
