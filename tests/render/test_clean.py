"""`render --clean`: pages of maps that no longer exist leave the site; nothing else ever does."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import EXAMPLES, TODAY

MANIFEST = ".journeyctl-site.json"


def maps_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "maps"
    folder.mkdir()
    for example in EXAMPLES.glob("*.yaml"):
        shutil.copy(example, folder)
    return folder


def render(cli, maps: Path, site: Path, *options: str):
    return cli("render", maps, "-o", site, "--today", TODAY, *options)


def test_a_removed_map_leaves_the_site_only_with_clean(cli, tmp_path: Path) -> None:
    maps, site = maps_folder(tmp_path), tmp_path / "site"
    assert render(cli, maps, site).code == 0
    pages = {
        "dashboard.html",
        "index.html",
        "online-store-checkout.html",
        "plumbing-emergency-call.html",
        "saas-trial-to-paid.html",
    }
    assert json.loads((site / MANIFEST).read_text())["files"] == sorted(pages)
    (maps / "plumbing-emergency-call.journey.yaml").unlink()
    kept = render(cli, maps, site)
    assert (kept.code, kept.out) == (0, "")
    assert (site / "plumbing-emergency-call.html").is_file()
    assert "plumbing-emergency-call.html" in json.loads((site / MANIFEST).read_text())["files"]
    (site / "CNAME").write_text("maps.example.com\n")
    (site / "team-notes.html").write_text("<p>ours</p>\n")
    (site / "assets").mkdir()
    cleaned = render(cli, maps, site, "--clean")
    assert cleaned.code == 0
    assert cleaned.out == f"Removed {site / 'plumbing-emergency-call.html'}: its map no longer exists.\n"
    assert sorted(path.name for path in site.iterdir()) == sorted(
        [MANIFEST, "CNAME", "assets", "team-notes.html", *(pages - {"plumbing-emergency-call.html"})]
    )
    assert "plumbing-emergency-call.html" not in json.loads((site / MANIFEST).read_text())["files"]


def test_a_manifest_cannot_make_clean_remove_anything_else(cli, tmp_path: Path) -> None:
    maps, site = maps_folder(tmp_path), tmp_path / "site"
    site.mkdir()
    outside = tmp_path / "outside.html"
    for path in (outside, site / ".hidden.html", site / "CNAME"):
        path.write_text("keep\n")
    (site / "sub").mkdir()
    (site / "sub" / "x.html").write_text("keep\n")
    (site / "link.html").symlink_to(outside)
    listed = ["../outside.html", ".hidden.html", "CNAME", "sub/x.html", "sub", "link.html", str(outside), 7]
    (site / MANIFEST).write_text(json.dumps({"files": listed}))
    assert render(cli, maps, site, "--clean").code == 0
    for path in (outside, site / ".hidden.html", site / "CNAME", site / "sub" / "x.html", site / "link.html"):
        assert path.exists(), path


def test_clean_with_a_broken_manifest_removes_nothing(cli, tmp_path: Path) -> None:
    maps, site = maps_folder(tmp_path), tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("an old page\n")
    (site / MANIFEST).write_text("{not json")
    result = render(cli, maps, site, "--clean")
    assert (result.code, result.out) == (0, "")
    assert (site / "old.html").is_file()


def test_clean_is_for_sites(cli, tmp_path: Path) -> None:
    result = cli("render", EXAMPLES / "saas-trial-to-paid.journey.yaml", "--clean", "--today", TODAY)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "journeyctl: --clean removes old pages from a site folder: render a folder or several maps with -o DIR.\n"
    )
