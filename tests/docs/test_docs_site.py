"""The documentation site: it builds with `mkdocs build --strict`, holds a page for every rule,
every command and every example map, and its pages run in a real headless Chromium without
an error, served over HTTP as a host would serve them."""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT

mkdocs = pytest.importorskip("mkdocs", reason="the docs extra is not installed: pip install -e '.[docs]'")


SITE_URL = re.search(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as CI builds it: strict, so a warning (a broken link or anchor) fails the build."""
    folder = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return folder


def test_every_rule_has_its_page_and_a_row_in_the_index(site: Path) -> None:
    from journeyctl.rules import RULES

    index = (site / "rules" / "index.html").read_text(encoding="utf-8")
    for rule in RULES.values():
        page = (site / "rules" / rule.code / "index.html").read_text(encoding="utf-8")
        assert f"{rule.code} {rule.name}" in page
        assert "This map fails" in page and "This one passes" in page and "Silencing it" in page
        assert f'href="{rule.code}/"' in index
        # The page is where lint's SARIF (helpUri) and the language server (code links) send readers.
        assert rule.url == f"{SITE_URL}rules/{rule.code}/"


def test_the_site_is_published_where_journeyctl_links_to() -> None:
    from journeyctl.core.defaults import DOCS_URL

    assert SITE_URL == DOCS_URL


def test_every_command_and_option_is_in_the_reference(site: Path) -> None:
    import typer

    from journeyctl.cli import app

    page = (site / "cli" / "index.html").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert f'id="journeyctl-{name}"' in page, name
        for param in command.params:
            for option in param.opts if param.param_type_name == "option" else []:
                assert f"<code>{option}</code>" in page, f"{name} {option}"


def test_the_gallery_holds_every_example_as_html_and_markdown(site: Path) -> None:
    maps = sorted(path.name.removesuffix(".journey.yaml") for path in (ROOT / "examples").glob("*.journey.yaml"))
    for name in maps:
        assert (site / "gallery" / "html" / f"{name}.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert (site / "gallery" / "markdown" / name / "index.html").is_file()
        page = (site / "gallery" / name / "index.html").read_text(encoding="utf-8")
        assert f'src="../html/{name}.html"' in page


def test_format_v1_is_published_from_its_own_file(site: Path) -> None:
    page = (site / "format-v1" / "index.html").read_text(encoding="utf-8")
    assert "Journey map format, version 1" in page


def test_a_rule_added_to_the_code_gets_a_page_and_a_place_in_the_nav(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the hook makes of the registry: a rule that is not in the docs appears in the nav and the files."""
    from dataclasses import replace

    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    from journeyctl.rules import RULES

    monkeypatch.setitem(RULES, "W999", replace(RULES["W113"], code="W999", name="brand-new-rule"))
    config = load_config(str(ROOT / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    assert {"W999 brand-new-rule": "rules/W999.md"} in _sections(config.nav)["Rules"]
    page = files.get_file_from_path("rules/W999.md")
    assert page is not None and "# W999 brand-new-rule" in page.content_string
    index = files.get_file_from_path("rules/index.md")
    assert index is not None and "[`brand-new-rule`](W999.md)" in index.content_string


def _sections(nav: object) -> dict[str, list[object]]:
    found: dict[str, list[object]] = {}
    for item in nav if isinstance(nav, list) else []:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    found[title] = value
                    found.update(_sections(value))
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    """The built site on a real port of this machine, as a static host serves it."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.mark.parametrize("path", ["", "rules/W105/", "gallery/online-store-checkout/", "cli/", "getting-started/"])
def test_pages_open_in_chromium_without_errors(browser, served: str, path: str) -> None:
    errors: list[str] = []
    elsewhere: list[str] = []
    page = browser.new_page()
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda request: errors.append(f"{request.url}: {request.failure}"))
    page.on("request", lambda request: request.url.startswith(served) or elsewhere.append(request.url))
    page.goto(served + path, wait_until="networkidle")
    frames = [frame.title() for frame in page.frames if frame != page.main_frame]
    assert (errors, elsewhere) == ([], [])
    assert page.title().endswith("journeyctl")
    if path.startswith("gallery/"):
        assert frames == ["Buying a pair of hiking boots online · Journey map"]
    page.close()
