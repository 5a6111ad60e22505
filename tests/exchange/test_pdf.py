"""`render --format pdf` with the real headless Chromium, checked as a reader
sees it: the PDF's pages turned into images by pdftoppm (poppler-utils)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from conftest import EXAMPLES, SRC, TODAY, run_journeyctl
from journeyctl.model import JourneyMap
from journeyctl.render.view import build_view

STORE = EXAMPLES / "online-store-checkout.journey.yaml"
needs_tools = pytest.mark.skipif(
    not (shutil.which("chromium") and shutil.which("pdftoppm")),
    reason="needs chromium and poppler-utils (apt-get install -y chromium poppler-utils)",
)


def _pages(pdf: Path, folder: Path) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(folder / "page")], check=True)
    return [Image.open(path).convert("L") for path in sorted(folder.glob("page-*.png"))]


def _ink(page: Image.Image) -> float:
    """The share of the page that is not white."""
    histogram = page.histogram()
    return 1 - sum(histogram[245:]) / sum(histogram)


def _pdfinfo(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdfinfo", *options, str(pdf)], capture_output=True, text=True, check=True).stdout


@needs_tools
def test_a4_landscape_pages_with_ink_and_links(tmp_path):
    pdf = tmp_path / "store.pdf"
    result = run_journeyctl("render", STORE, "-f", "pdf", "-o", pdf, "--today", TODAY)
    assert (result.returncode, result.stderr) == (0, "")
    info = _pdfinfo(pdf)
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert "Page size:       841.92 x 594.96 pts (A4)" in info
    pages = _pages(pdf, tmp_path)
    assert len(pages) == count >= 6
    for page in pages:
        width, height = page.size
        assert abs(width / height - 297 / 210) < 0.01
        assert _ink(page) > 0.01, "a blank page"
    links = _pdfinfo(pdf, "-url")
    assert "https://analytics.example.com/trailhead/checkout-funnel" in links
    assert "https://research.example.com/trailhead/exit-survey-2026" in links


@needs_tools
def test_the_map_is_split_into_tables_that_fit_across_the_page(tmp_path):
    pdf = tmp_path / "store.pdf"
    assert run_journeyctl("render", STORE, "-f", "pdf", "-o", pdf, "--today", TODAY).returncode == 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    with_map = [i for i, page in enumerate(pages) if re.search(r"^\s*Touchpoint\b", page, re.MULTILINE)]
    # Five stages and 13 touchpoints in parts of at most seven columns: Discover and Choose (5),
    # Cart and delivery (6), Return (2); a part taller than a page goes on with its header repeated.
    assert len(with_map) >= 3
    firsts = [pages[i] for i in with_map]
    assert any("Discover" in page and "Choose a product" in page and "Cart and checkout" not in page for page in firsts)
    assert any("Cart and checkout" in page and "Wait for delivery" in page for page in firsts)
    assert any("Return and refund" in page and "Wait for delivery" not in page for page in firsts)


@needs_tools
def test_letter_paper_and_standard_output(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "journeyctl",
            "render",
            str(EXAMPLES / "saas-trial-to-paid.journey.yaml"),
            "-f",
            "pdf",
            "--paper",
            "letter",
        ],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        check=True,
    )
    assert done.stdout.startswith(b"%PDF-")
    pdf = tmp_path / "saas.pdf"
    pdf.write_bytes(done.stdout)
    assert "Page size:       792 x 612 pts (letter)" in _pdfinfo(pdf)


@needs_tools
def test_several_maps_print_to_a_folder(tmp_path):
    result = run_journeyctl("render", EXAMPLES, "-f", "pdf", "-o", tmp_path / "pdf")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (tmp_path / "pdf").iterdir()) == [
        "online-store-checkout.pdf",
        "plumbing-emergency-call.pdf",
        "saas-trial-to-paid.pdf",
    ]


def test_without_a_browser_the_command_says_what_to_install(tmp_path):
    result = run_journeyctl("render", STORE, "-f", "pdf", "-o", tmp_path / "x.pdf", env={"PATH": str(tmp_path)})
    assert result.returncode == 2
    assert result.stderr.startswith(
        "journeyctl: render --format pdf needs Chromium or Google Chrome, and none is on the PATH "
        "(chromium, chromium-browser, google-chrome). Install one (Debian or Ubuntu: `sudo apt-get install chromium`"
    )
    assert not (tmp_path / "x.pdf").exists()
    result = run_journeyctl("render", STORE, "-f", "pdf", "-o", tmp_path / "x.pdf", "--browser", tmp_path / "nope")
    assert (result.returncode, result.stderr) == (
        2,
        f"journeyctl: --browser {tmp_path / 'nope'}: there is no such program (or it cannot be run).\n",
    )
    result = run_journeyctl("render", STORE, "-f", "pdf", "--paper", "a3")
    assert (result.returncode, result.stderr) == (2, "journeyctl: --paper must be one of a4, letter, not `a3`.\n")


def _journey(touchpoints_per_stage: list[int]) -> JourneyMap:
    stages = [
        {
            "id": f"s{s}",
            "name": f"Stage {s}",
            "touchpoints": [{"id": f"t{s}-{t}", "name": f"T{t}"} for t in range(count)],
        }
        for s, count in enumerate(touchpoints_per_stage)
    ]
    return JourneyMap.model_validate({"journeyctl": 1, "id": "m", "title": "M", "stages": stages}, strict=False)


def test_parts_keep_stages_whole_and_continue_a_stage_wider_than_a_page():
    view = build_view(_journey([2, 3, 4, 9, 0]), None, date(2026, 1, 1), columns_per_part=5)
    layout = [[(stage.name, len(stage.columns), stage.continued) for stage in part.stages] for part in view.parts]
    assert layout == [
        [("Stage 0", 2, False), ("Stage 1", 3, False)],
        [("Stage 2", 4, False)],
        [("Stage 3", 5, False)],
        [("Stage 3", 4, True), ("Stage 4", 1, False)],
    ]
    assert [len(part.curve.gridlines) for part in view.parts] == [5, 5, 5, 5]
    on_screen = build_view(_journey([2, 3]), None, date(2026, 1, 1))
    assert len(on_screen.parts) == 1 and on_screen.parts[0].columns == on_screen.columns
