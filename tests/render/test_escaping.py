"""Map content is untrusted: hostile text in every field stays text, links stay safe."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from render_support import (  # noqa: F401  (hostile: a fixture)
    HOSTILE,
    PAYLOADS,
    hostile,
    hostile_map,
    on_a_page,
    payload_map,
    shared_stylesheet,
)

from journeyctl.core.markdown import escape_markdown, escape_mermaid, markdown_url
from journeyctl.model import JourneyMap, Source, Stage
from journeyctl.render import FORMATS, MapRenderer, make_environment, render_map
from journeyctl.render.links import safe_link

SAFE_HREF = re.compile(r"^(#main$|#id-[a-z0-9_-]+|https?://|mailto:|[a-z0-9_-]+\.(html|md)$)")


class Elements(HTMLParser):
    """Every element, attribute and text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        (self.styles if self._in_style else self.text).append(data)


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('"><img onerror=x>', '"&gt;&lt;img onerror=x&gt;'),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("a | b", "a \\| b"),
        ("one\ntwo\r\n three", "one<br>two<br>three"),
        ("{{ 7*7 }}", "{{ 7\\*7 }}"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("12. item", "12\\. item"),
        ("`code` _u_ ~s~ $m$ \\", "\\`code\\` \\_u\\_ \\~s\\~ \\$m\\$ \\\\"),
        ("Growth & Success", "Growth & Success"),
        ("&lt;b&gt;", "&amp;lt;b&amp;gt;"),
        (None, ""),
        (3.5, "3.5"),
    ],
)
def test_escape_markdown(text, expected):
    assert escape_markdown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pay: now; later #1, or not", "Pay\ua789 now\uff1b later \uff031\u201a or not"),
        ("two\nlines", "two lines"),
        ("title of the page", "\u2060title of the page"),
        ("Section 2", "\u2060Section 2"),
        ("Journeys", "\u2060Journeys"),
        ("%%{init}%%", "\uff05\uff05{init}\uff05\uff05"),
        ("<b>&`", "\u2039b\u203a\uff06\u02cb"),
        ("   ", "-"),
    ],
)
def test_escape_mermaid(text, expected):
    assert escape_mermaid(text) == expected


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.com/a", True),
        ("HTTP://example.com", True),
        ("mailto:team@example.com", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("https://example.com/\nx", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("//evil.example/x", False),
        ("https://", False),
        ("", False),
        (None, False),
    ],
)
def test_safe_link(url, safe):
    assert safe_link(url) == (url if safe else None)


def test_markdown_url():
    assert (
        markdown_url('https://x.example/a b|c(d)<e>"?q=1&r=%20')
        == "https://x.example/a%20b%7Cc%28d%29%3Ce%3E%22?q=1&r=%20"
    )


def test_a_model_built_without_validation_still_gets_no_unsafe_link():
    journey = JourneyMap.model_construct(
        journeyctl=1,
        kind="journey",
        id="m",
        title="T",
        description=None,
        state="current",
        owner=None,
        persona=None,
        personas=[],
        last_reviewed=None,
        review_every_days=None,
        tags=[],
        scale=JourneyMap.model_fields["scale"].default_factory(),
        sources=[Source.model_construct(id="s", kind="other", title="Bad", date=None, url="javascript:alert(1)")],
        stages=[Stage(id="st", name="Stage")],
    )
    environment = make_environment()
    for output_format in FORMATS.values():
        page = render_map(journey, None, output_format, environment, date(2026, 1, 1))
        assert "javascript" not in page
        assert "Bad" in page


HTML_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "a",
    "main",
    "header",
    "div",
    "p",
    "span",
    "h1",
    "h2",
    "h3",
    "dl",
    "dt",
    "dd",
    "ul",
    "ol",
    "li",
    "aside",
    "nav",
    "time",
    "blockquote",
    "section",
    "table",
    "caption",
    "colgroup",
    "col",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "q",
    "br",
    "svg",
    "g",
    "desc",
    "rect",
    "line",
    "text",
    "circle",
    "polyline",
    "footer",
    "code",
    "strong",
}
MARKDOWN_TAGS = {
    "h1",
    "h2",
    "h3",
    "p",
    "strong",
    "em",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "ul",
    "li",
    "a",
    "br",
    "blockquote",
    "pre",
    "code",
    "hr",
}


def assert_inert_html(page: str) -> Elements:
    """Only the template's own elements and attributes, safe links, the one stylesheet; the page's elements."""
    elements = parse(page)
    assert set(elements.tags) <= HTML_TAGS
    assert not [name for _, name, _ in elements.attributes if name.startswith("on")]
    assert not [value for _, name, value in elements.attributes if name == "href" and not SAFE_HREF.match(value)]
    assert [(tag, name, value) for tag, name, value in elements.attributes if tag == "meta"] == [
        ("meta", "charset", "utf-8"),
        ("meta", "name", "viewport"),
        ("meta", "content", "width=device-width, initial-scale=1"),
        ("meta", "name", "generator"),
        ("meta", "content", "journeyctl"),
    ]
    assert elements.tags.count("style") == 1
    assert "".join(elements.styles).strip() == shared_stylesheet()
    assert len(re.findall("</style", page, re.IGNORECASE)) == 1 and "<script" not in page.lower()
    return elements


def assert_markdown_stays_text(page: str) -> Elements:
    """Rendered as CommonMark with raw HTML allowed (the worst case), only Markdown's own elements; those elements."""
    elements = parse(MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(page))
    assert set(elements.tags) <= MARKDOWN_TAGS
    assert not [name for _, name, _ in elements.attributes if name not in ("href", "class", "style")]
    assert not [value for _, name, value in elements.attributes if name == "href" and not SAFE_HREF.match(value)]
    for table in re.findall(r"(?:^\|.*\|\n)+", page, re.MULTILINE):
        cells = {len(re.findall(r"(?<!\\)\|", row)) for row in table.splitlines()}
        assert len(cells) == 1, table
    return elements


# Where the hostile map's text shows: the places each field fills on the HTML page and in the
# Markdown, its Mermaid block aside (there Mermaid's escaping changes the hostile text). On the
# HTML page the overview names the map, each stage (its description, its link) and each
# touchpoint (the description), and a critical moment's mark names both again.
PLACES = {
    "title": (5, 1),
    "description": (1, 1),
    "owner": (1, 1),
    "persona name": (1, 1),
    "persona description": (1, 1),
    "role": (1, 1),
    "quote": (1, 1),
    "demographic key": (1, 1),
    "demographic value": (1, 1),
    "goal": (1, 1),
    "motivation": (1, 1),
    "frustration": (1, 1),
    "source title": (3, 2),
    "mail source": (2, 2),
    "tag": (1, 1),
    "stage name": (7, 4),
    "stage description": (1, 1),
    "customer goal": (1, 1),
    "question": (1, 1),
    "next step": (1, 1),
    "touchpoint name": (7, 4),
    "channel": (1, 1),
    "touchpoint owner": (1, 0),
    "doing": (1, 1),
    "thinking": (1, 1),
    "feeling": (1, 1),
    "backstage": (1, 1),
    "metric name": (2, 2),
    "unit": (4, 4),
    "pain": (3, 3),
    "opportunity": (3, 3),
    "opportunity owner": (2, 2),
    "outcome": (1, 1),
    "empty stage": (3, 1),
}
HTML_PLACES, MARKDOWN_PLACES = (sum(column) for column in zip(*PLACES.values(), strict=True))
# Each text of the hostile map is `FIELD: ` and the hostile text (render_support.hostile_map).
FIELD = re.compile(
    rf"(?<![a-z])({'|'.join(sorted(PLACES, key=len, reverse=True))}): {re.escape(HOSTILE[:25])}", re.IGNORECASE
)


def places_shown(texts: list[str], column: int) -> tuple[dict[str, int], dict[str, int]]:
    """How many times each field of the hostile map shows in `texts`, and how many PLACES expects (`column`)."""
    shown = Counter(match.group(1).lower() for text in texts for match in FIELD.finditer(text))
    expected = {field: places[column] for field, places in PLACES.items() if places[column]}
    return dict(shown), expected


def payload_count(payload: str, fmt: str) -> int:
    """How many times a page of payload_map(payload) shows the payload as it is."""
    count = HTML_PLACES if fmt == "html" else MARKDOWN_PLACES
    # A demographic key is shown as a label: underscores as spaces, a capital first letter, the rest small.
    if payload.replace("_", " ").capitalize() != payload:
        count -= 1
    # The Mermaid block names the map, the stage, the touchpoint and the persona again, as they
    # are unless Mermaid's escaping replaces one of their characters.
    if fmt == "markdown" and not set(payload) & set(":;#,%<>&`\\"):
        count += 4
    return count


def test_the_places_add_up_to_every_text_of_the_hostile_map():
    def texts(value):
        if isinstance(value, dict):
            return [text for pair in value.items() for item in pair for text in texts(item)]
        if isinstance(value, list):
            return [text for item in value for text in texts(item)]
        return [value] if isinstance(value, str) and HOSTILE in value else []

    assert sorted(text.split(": ")[0] for text in texts(hostile_map())) == sorted(PLACES)


def test_hostile_html_is_inert(hostile):
    page = _render(hostile, "html")
    elements = assert_inert_html(page)
    shown, expected = places_shown(elements.text, 0)
    assert shown == expected
    text = "".join(elements.text)
    # Every place but the demographic key, shown as a label ("…}}x").
    assert text.count("{{ 7*7 }}X") == HTML_PLACES - 1 and "49X" not in page
    assert 'title: <script>alert(1)</script> "><img src=x onerror=alert(2)>' in text
    assert 'href="https://example.com/a&#34;&gt;&lt;script&gt;alert(5)&lt;/script&gt;?q=1|2 (x)"' in page


def test_hostile_markdown_stays_text(hostile):
    page = _render(hostile, "markdown")
    assert "49X" not in page
    elements = assert_markdown_stays_text(page)
    shown, expected = places_shown(elements.text, 1)
    assert shown == expected
    text = "".join(elements.text)
    assert 'title: <script>alert(1)</script> "><img src=x onerror=alert(2)> {{ 7*7 }}X{% raw %} | a|b' in text
    assert "[x](javascript:alert(4))" in text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_payload_stays_text_in_every_field_and_link(tmp_path, payload):
    path = tmp_path / "payload.journey.yaml"
    path.write_text(json.dumps(payload_map(payload)), encoding="utf-8")
    html = _render(path, "html")
    text = "".join(assert_inert_html(html).text)
    assert text.count(on_a_page(payload)) == payload_count(payload, "html")
    markdown = _render(path, "markdown")
    shown = "".join(assert_markdown_stays_text(markdown).text)
    assert shown.count(on_a_page(payload.strip())) == payload_count(payload, "markdown")
    block = re.search(r"^```mermaid\n(.*?)^```$", markdown, re.MULTILINE | re.DOTALL)
    assert block is not None
    assert [line.split(":")[0].split()[0] for line in block.group(1).splitlines()[1:3]] == ["title", "section"]
    assert len(block.group(1).splitlines()) == 4


def test_hostile_mermaid_keeps_one_statement_per_line(hostile):
    page = _render(hostile, "markdown")
    block = re.search(r"^```mermaid\n(.*?)^```$", page, re.MULTILINE | re.DOTALL)
    assert block is not None
    lines = block.group(1).splitlines()
    assert lines[0] == "journey"
    assert re.fullmatch(r"    title [^#;:\n]+", lines[1])
    assert re.fullmatch(r"    section \u2060?[^#;:\n,%]+", lines[2])
    assert re.fullmatch(r"      [^#;:\n,%`]+: 1: [^#;:\n,%`]+", lines[3])
    assert len(lines) == 4
    assert "touchpoint name\ua789 \u2039script\u203aalert(1)\u2039/script\u203a" in lines[3]


def _render(path, fmt: str) -> str:
    output_format = FORMATS[fmt]
    renderer = MapRenderer(output_format, make_environment(), date(2026, 11, 23), None)
    result = renderer.render_checked(renderer.checker.check_file(str(path)))
    assert result.findings == () and result.page is not None
    return result.page


# The portfolio report (journeyctl report, a site's dashboard) shows these fields of a map.
REPORT_FIELDS = ("title", "owner", "stage name", "touchpoint name", "pain", "opportunity", "opportunity owner")


def _report(cli, paths, fmt: str) -> str:
    result = cli("report", *paths, "-f", fmt, "--today", "2026-11-23")
    assert (result.code, result.err) == (0, ""), result.err
    return result.out


def _payload_portfolio(tmp_path, payload: str) -> list:
    """The payload map, and a broken map whose error message (skipped) quotes the payload."""
    good, broken = tmp_path / "payload.journey.yaml", tmp_path / "broken.journey.yaml"
    good.write_text(json.dumps(payload_map(payload)), encoding="utf-8")
    wrong = {"journeyctl": 1, "id": "broken", "title": "Broken", "state": payload, "stages": [{"id": "s", "name": "S"}]}
    broken.write_text(json.dumps(wrong), encoding="utf-8")
    return [good, broken]


def test_hostile_report_is_inert(cli, hostile):
    page = _report(cli, [hostile], "html")
    text = "".join(assert_inert_html(page).text)
    assert "49X" not in page
    for field in REPORT_FIELDS:
        assert f'{field}: <script>alert(1)</script> "><img src=x onerror=alert(2)>' in text, field
    markdown = _report(cli, [hostile], "markdown")
    shown = "".join(assert_markdown_stays_text(markdown).text)
    for field in REPORT_FIELDS:
        assert f'{field}: <script>alert(1)</script> "><img src=x onerror=alert(2)> {{{{ 7*7 }}}}X' in shown, field


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_payload_stays_text_in_the_report(cli, tmp_path, payload):
    paths = _payload_portfolio(tmp_path, payload)
    html = _report(cli, paths, "html")
    text = "".join(assert_inert_html(html).text)
    assert text.count(on_a_page(payload)) >= len(REPORT_FIELDS)
    assert on_a_page(f"`state` cannot be `{payload[:40]}") in text  # the skipped map's message
    markdown = _report(cli, paths, "markdown")
    assert "".join(assert_markdown_stays_text(markdown).text).count(on_a_page(payload.strip())) >= len(REPORT_FIELDS)
    plain = _report(cli, paths, "text")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", plain)
