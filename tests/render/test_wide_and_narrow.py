"""Wide and narrow pages in a real Chromium: a nine-stage map on a laptop, the starters on a phone.

At 1366 px a nine-stage map is wider than the screen: the overview must show the whole curve
with every critical moment, and the emotion scale must stay at the left edge while the stages
scroll. At 390 px the row headers must leave the stages room and the tables must show every
column. Dates stay on one line; an emoji in a title is drawn by an emoji font.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from browser_support import Visit, browser, needs_chromium  # noqa: F401  (fixture)

from conftest import TODAY

pytestmark = needs_chromium

NINE_STAGES = Path(__file__).parent / "maps" / "mortgage-application.journey.yaml"
# Each starter and its emotion scale.
STARTERS = {"local-service": (-2, 2), "b2b-saas": (-2, 2), "ecommerce": (1, 5)}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    """The nine-stage map and a map from every `journeyctl init` starter, rendered as one site."""
    from journeyctl.cli import main

    maps = tmp_path_factory.mktemp("maps")
    shutil.copy(NINE_STAGES, maps)
    for starter in STARTERS:
        assert main(["init", str(maps / f"{starter}.journey.yaml"), "-t", starter, "--today", TODAY]) == 0
    site = maps.parent / "site"
    assert main(["render", str(maps), "-o", str(site), "--today", TODAY]) == 0
    return site


# Where the overview's parts are, and what the map below it says they should be.
OVERVIEW = """() => {
  const box = (el) => { const b = el.getBoundingClientRect(); return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
  const overview = document.querySelector('svg.overview-curve');
  return {
    box: box(overview),
    marks: [...overview.querySelectorAll('.critical-mark')].map((m) => ({title: m.querySelector('title').textContent, box: box(m)})),
    critical: [...document.querySelectorAll('th.touchpoint.critical .tp-name')].map((n) => n.textContent.trim()),
    dots: overview.querySelectorAll('circle.dot').length,
    emotions: document.querySelectorAll('.curve-cell circle.dot').length,
    links: [...document.querySelectorAll('.overview a')].map((a) => ({href: a.getAttribute('href'), text: a.textContent.trim(), box: box(a)})),
    stages: [...document.querySelectorAll('th.stage')].map((th) => ({href: '#' + th.id, name: th.querySelector('.stage-name').textContent.trim()})),
    title: overview.querySelector('title').textContent,
    description: overview.querySelector('desc').textContent,
  };
}"""

# After the stages have scrolled to their end: each number of the scale, whether it is the
# topmost element where it is drawn (nothing scrolled over it), its centre, and its gridline's.
SCALE_AFTER_SCROLLING = """() => {
  const region = document.querySelector('.map-scroll');
  region.scrollLeft = region.scrollWidth;
  const header = document.querySelector('tr.lane-emotion > th');
  const lines = [...document.querySelectorAll('.curve-cell line.grid')].map((l) => l.getBoundingClientRect().top);
  const numbers = [...header.querySelectorAll('.scale > span')].map((n) => {
    const b = n.getBoundingClientRect();
    return {value: n.textContent, left: b.left, right: b.right, middle: (b.top + b.bottom) / 2,
            onTop: document.elementFromPoint((b.left + b.right) / 2, (b.top + b.bottom) / 2) === n};
  });
  return {scrolled: region.scrollLeft, region: region.getBoundingClientRect().left, header: header.getBoundingClientRect().toJSON(), lines, numbers};
}"""


def assert_scale_stays_at_the_left_edge(visit: Visit, low: int, high: int) -> None:
    """Every number of the emotion scale is in view, beside its gridline, with the stages scrolled to their end."""
    visit.page.locator("tr.lane-emotion").scroll_into_view_if_needed()
    scale = visit.page.evaluate(SCALE_AFTER_SCROLLING)
    assert scale["scrolled"] > 0, "the stages fit: nothing to scroll"
    assert abs(scale["header"]["left"] - scale["region"]) <= 1.5, "the row headers scrolled away"
    values = [number["value"] for number in scale["numbers"]]
    assert values == [str(v) for v in range(high, low - 1, -1)]
    for number, line in zip(scale["numbers"], scale["lines"], strict=True):
        assert number["onTop"], f"scale number {number['value']} is covered"
        assert scale["header"]["left"] <= number["left"] and number["right"] <= scale["header"]["right"]
        assert abs(number["middle"] - line) <= 1.5, f"scale number {number['value']} is not beside its gridline"


def test_a_nine_stage_map_at_1366_shows_the_whole_journey_and_keeps_its_scale(browser, pages):
    visit = Visit(browser, pages / "mortgage-application.html", 1366)
    visit.screenshot("mortgage-application-1366.png")
    facts = visit.page.evaluate(OVERVIEW)
    # The overview is on the first screen, and the whole curve fits in it.
    assert facts["box"]["top"] >= 0 and facts["box"]["bottom"] <= 900
    assert facts["box"]["left"] >= 0 and facts["box"]["right"] <= 1366
    assert facts["dots"] == facts["emotions"] == 11
    # Every critical moment is marked, in view, and named.
    assert len(facts["critical"]) == 3
    assert [mark["title"].split(" (")[0] for mark in facts["marks"]] == [
        f"Critical moment: {name}" for name in facts["critical"]
    ]
    for mark in facts["marks"]:
        assert facts["box"]["left"] <= mark["box"]["left"] and mark["box"]["right"] <= facts["box"]["right"]
    assert "Stage 8, Completion: Funds released to the solicitor -2 (critical moment)." in facts["description"]
    assert facts["title"] == "Emotional curve of the whole journey, Getting a mortgage 🏠 from first search to the keys"
    # Each stage is named and links to its column.
    assert [(link["href"], link["text"]) for link in facts["links"]] == [
        (stage["href"], f"{number} {stage['name']}") for number, stage in enumerate(facts["stages"], 1)
    ]
    assert len(facts["links"]) == 9 and all(link["box"]["bottom"] <= 900 for link in facts["links"])
    assert_scale_stays_at_the_left_edge(visit, -2, 2)
    visit.screenshot("mortgage-application-1366-scrolled.png", full_page=False)
    visit.assert_quiet()
    visit.page.close()


def test_an_overview_link_brings_its_stage_into_view_beside_the_row_headers(browser, pages):
    visit = Visit(browser, pages / "mortgage-application.html", 1366)
    for name in ("Completion", "Compare rates"):  # far right first, then back to the far left
        visit.page.locator(".overview a", has_text=name).click()
        place = visit.page.evaluate(
            """(name) => {
          const stage = [...document.querySelectorAll('th.stage')].find((th) => th.textContent.includes(name));
          const b = stage.getBoundingClientRect(), region = document.querySelector('.map-scroll').getBoundingClientRect();
          const header = document.querySelector('tr.stages > th.lane').getBoundingClientRect();
          return {left: b.left, right: b.right, top: b.top, headerRight: header.right, regionRight: region.right, hash: location.hash, id: stage.id};
        }""",
            name,
        )
        assert place["hash"] == "#" + place["id"]
        assert place["headerRight"] - 1 <= place["left"] and place["right"] <= place["regionRight"] + 1
        assert 0 <= place["top"] < 900
    visit.assert_quiet()
    visit.page.close()


# Each cell of the tables under the map: whether it shows in full inside the box that holds the
# table, and the name of the column it shows it under (a card's label, or the table's header).
TABLE_CELLS = """() => [...document.querySelectorAll('main table.list')].flatMap((table) => {
  const holder = table.closest('.table-scroll') || table.parentElement;
  const room = holder.getBoundingClientRect();
  const scrolls = holder.scrollWidth > holder.clientWidth + 1;
  const headers = [...table.querySelectorAll('thead th')];
  const headerShown = headers.length && headers[0].getBoundingClientRect().height > 0;
  return [...table.querySelectorAll('tbody td')].filter((td) => td.getBoundingClientRect().height > 0).map((td) => {
    const b = td.getBoundingClientRect();
    const label = getComputedStyle(td, '::before').content;
    return {table: table.closest('section').querySelector('h2').textContent, text: td.textContent.trim().slice(0, 30),
            inside: b.left >= room.left - 1 && b.right <= room.right + 1, scrolls,
            column: label && label !== 'none' ? JSON.parse(label) : (headerShown ? headers[td.cellIndex].textContent : null),
            expected: headers[td.cellIndex].textContent};
  });
})"""


@pytest.mark.parametrize(("starter", "scale"), STARTERS.items())
def test_a_starter_at_390_is_readable_on_a_phone(browser, pages, starter, scale):
    visit = Visit(browser, pages / f"{starter}.html", 390)
    visit.screenshot(f"starter-{starter}-390.png")
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= 390
    # The row headers leave the stages the screen: not a third of it, as they took before.
    header = visit.page.evaluate("document.querySelector('tr.lane-emotion > th').getBoundingClientRect().width")
    assert header <= 390 * 0.15
    # The overview fits the phone's width, every critical moment on it.
    facts = visit.page.evaluate(OVERVIEW)
    assert 0 <= facts["box"]["left"] and facts["box"]["right"] <= 390
    assert len(facts["marks"]) == len(facts["critical"]) >= 1
    assert all(0 <= mark["box"]["left"] and mark["box"]["right"] <= 390 for mark in facts["marks"])
    assert_scale_stays_at_the_left_edge(visit, *scale)
    # Pain points, opportunities and metrics: every cell in full, under its column's name.
    cells = visit.page.evaluate(TABLE_CELLS)
    assert {cell["table"] for cell in cells} == {"Pain points by severity", "Opportunities", "Metrics against targets"}
    assert [cell for cell in cells if not cell["inside"] or cell["scrolls"]] == []
    assert [cell for cell in cells if cell["column"] != cell["expected"]] == []
    assert visit.contrast_failures() == []
    visit.assert_quiet()
    visit.page.close()


def test_the_dashboard_at_390_shows_every_cell_of_its_tables(browser, pages):
    """The report's tables on a phone: cards as under a map, no column hidden off to the right."""
    visit = Visit(browser, pages / "dashboard.html", 390)
    visit.screenshot("dashboard-390.png")
    cells = visit.page.evaluate(TABLE_CELLS)
    sections = {"Pareto of pain points", "Actions", "Moments that matter", "Map health"}
    assert {cell["table"] for cell in cells} == sections
    assert [cell for cell in cells if not cell["inside"] or cell["scrolls"]] == []
    # Each value under a name; the list tables' cards name each column as the wide table heads it
    # (the health table's cards spell out its short headers: "Emotion" is touchpoints with one).
    assert [cell for cell in cells if not cell["column"]] == []
    lists = [cell for cell in cells if cell["table"] != "Map health"]
    assert [cell for cell in lists if cell["column"] != cell["expected"]] == []
    visit.assert_quiet()
    visit.page.close()


# Every date in the page's text, and on how many lines it is drawn.
DATE_LINES = r"""() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (const match of node.data.matchAll(/\d{4}-\d{2}-\d{2}/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size) found.push({date: match[0], lines: lines.size});
    }
  }
  return found;
}"""


@pytest.mark.parametrize("width", [390, 768, 1366])
@pytest.mark.parametrize("name", ["index", "mortgage-application", "dashboard"])
def test_dates_never_break_at_their_hyphens(browser, pages, name, width):
    visit = Visit(browser, pages / f"{name}.html", width)
    dates = visit.page.evaluate(DATE_LINES)
    assert len(dates) >= 4
    assert [found["date"] for found in dates if found["lines"] != 1] == []
    visit.assert_quiet()
    visit.page.close()


@pytest.mark.parametrize(("name", "where"), [("index", "table.index a"), ("mortgage-application", "h1")])
def test_an_emoji_in_a_title_is_drawn_by_an_emoji_font_of_the_stack(browser, pages, name, where):
    visit = Visit(browser, pages / f"{name}.html", 1366)
    # The emoji in a span of its own, so that Chromium can say which font drew it.
    stack = visit.page.evaluate(
        """async (where) => {
          const title = [...document.querySelectorAll(where)].find((el) => el.textContent.includes('\\u{1F3E0}'));
          const text = [...title.childNodes].find((node) => node.nodeType === 3 && node.data.includes('\\u{1F3E0}'));
          const emoji = text.splitText(text.data.indexOf('\\u{1F3E0}'));
          emoji.splitText(2);
          const span = document.createElement('span');
          span.id = 'emoji';
          emoji.replaceWith(span);
          span.append(emoji);
          // Which font draws a run is known once the page is laid out again with its fonts loaded.
          await document.fonts.ready;
          span.getBoundingClientRect();
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
          return getComputedStyle(span).fontFamily;
        }""",
        where,
    )
    devtools = visit.page.context.new_cdp_session(visit.page)
    root = devtools.send("DOM.getDocument")["root"]["nodeId"]
    node = devtools.send("DOM.querySelector", {"nodeId": root, "selector": "#emoji"})["nodeId"]
    devtools.send("CSS.enable")
    fonts = [font["familyName"] for font in devtools.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]
    named = [family.strip().strip('"') for family in stack.split(",")]
    # A text font has no such glyph and would draw a box; a font the stack does not name is luck.
    assert len(fonts) == 1 and fonts[0] in named and "Emoji" in fonts[0], (
        f"{fonts} drew the emoji; the font stack is {stack} (Debian: apt-get install fonts-noto-color-emoji)"
    )
    assert visit.page.evaluate("document.querySelector('#emoji').getBoundingClientRect().width") > 10
    visit.assert_quiet()
    visit.page.close()
