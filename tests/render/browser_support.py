"""What the browser tests share: one headless Chromium, a page visit that records what it tried to do,
the rendered examples, and WCAG contrast."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from render_support import ARTIFACTS

from conftest import CHROMIUM, CHROMIUM_ARGS, EXAMPLES, TODAY

needs_chromium = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason=f"no Chromium at {CHROMIUM} (apt-get install -y chromium)"
)

# Text colour against the first opaque background behind it, for every visible text.
TEXT_COLOURS = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const opaque = (c) => c && c !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(c);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden') continue;
    const svg = el instanceof SVGElement;
    let bg = null;
    if (svg) {  // the topmost shape of the chart under the text's centre: a band, a bar, a bubble
      const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
      const under = [...el.ownerSVGElement.querySelectorAll('rect, circle')].filter((shape) => {
        const b = shape.getBoundingClientRect(); return cx > b.left && cx < b.right && cy > b.top && cy < b.bottom;
      }).map((shape) => getComputedStyle(shape).fill).filter((fill) => fill !== 'none' && opaque(fill));
      if (under.length) bg = under[under.length - 1];
    }
    for (let p = el; p && !bg; p = p.parentElement) {
      const b = getComputedStyle(p).backgroundColor;
      if (opaque(b)) bg = b;
    }
    out.push({text: node.textContent.trim().slice(0, 40), color: svg ? style.fill : style.color, background: bg || 'rgb(255, 255, 255)',
              size: parseFloat(style.fontSize), bold: parseInt(style.fontWeight) >= 700});
  }
  return out;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from journeyctl.cli import main

    folder = tmp_path_factory.mktemp("site") / "site"
    assert main(["render", str(EXAMPLES), "-o", str(folder), "--today", TODAY]) == 0
    return folder


class Visit:
    """A page opened in a fresh browser page, with everything it tried to do recorded."""

    def __init__(self, browser, path: Path, width: int, media: str = "screen") -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.url = path.resolve().as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "request",
            lambda request: (
                request.url != self.url and not request.url.startswith("data:") and self.requests.append(request.url)
            ),
        )
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.emulate_media(media=media)
        self.page.goto(self.url, wait_until="load")

    def assert_quiet(self) -> None:
        assert (self.errors, self.requests, self.dialogs) == ([], [], [])

    def screenshot(self, name: str, full_page: bool = True) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        target = ARTIFACTS / name
        self.page.screenshot(path=str(target), full_page=full_page)
        assert target.stat().st_size > 10_000
        return target

    def contrast_failures(self) -> list[tuple[str, str, str, float]]:
        """Visible texts below WCAG AA against what is behind them (4.5:1, 3:1 for large text)."""
        failures = []
        for item in self.page.evaluate(TEXT_COLOURS):
            ratio = contrast(item["color"], item["background"])
            large = item["size"] >= 24 or (item["bold"] and item["size"] >= 18.66)
            if ratio < (3.0 if large else 4.5):
                failures.append((item["text"], item["color"], item["background"], round(ratio, 2)))
        return failures


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS rgb() colours."""

    def luminance(colour: str) -> float:
        channels = [float(part) / 255 for part in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
