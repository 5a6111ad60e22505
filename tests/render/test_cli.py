"""`journeyctl render` as users run it: outputs, exit codes and messages, nothing lost."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from render_support import examples  # noqa: F401  (fixture)

from conftest import EXAMPLES, SRC, TODAY, run_journeyctl

SAAS = EXAMPLES / "saas-trial-to-paid.journey.yaml"
MANIFEST = ".journeyctl-site.json"
MAP_IDS = ("online-store-checkout", "plumbing-emergency-call", "saas-trial-to-paid")


def test_one_map_to_standard_output(cli):
    result = cli("render", SAAS, "--today", TODAY)
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<title>Rotaflow: from free trial to first renewal · Journey map</title>" in result.out


def test_one_map_to_a_file_is_what_standard_output_shows(cli, tmp_path):
    for fmt in ("html", "markdown"):
        target = tmp_path / f"page.{fmt}"
        written = cli("render", SAAS, "--today", TODAY, "-f", fmt, "-o", target)
        shown = cli("render", SAAS, "--today", TODAY, "--format", fmt)
        assert (written.code, written.out, written.err) == (0, "", "")
        assert target.read_text(encoding="utf-8") == shown.out


def test_a_folder_renders_a_site_with_an_index(cli, tmp_path):
    site = tmp_path / "site"
    result = cli("render", EXAMPLES, "-o", site, "--today", TODAY)
    assert (result.code, result.out, result.err) == (0, "", "")
    assert sorted(os.listdir(site)) == sorted(
        [f"{name}.html" for name in MAP_IDS] + ["index.html", "dashboard.html", MANIFEST]
    )
    index = (site / "index.html").read_text(encoding="utf-8")
    for name in MAP_IDS:
        assert f'<a href="{name}.html">' in index
    assert '<a href="dashboard.html">Portfolio report</a>' in index
    dashboard = (site / "dashboard.html").read_text(encoding="utf-8")
    assert '<a href="index.html">All journey maps</a>' in dashboard
    for name in MAP_IDS:
        assert f'<a href="{name}.html">' in dashboard
    page = (site / "saas-trial-to-paid.html").read_text(encoding="utf-8")
    assert '<a href="index.html">All journey maps</a>' in page


def test_a_markdown_site(cli, tmp_path):
    site = tmp_path / "docs"
    assert cli("render", EXAMPLES, "-f", "markdown", "-o", site, "--today", TODAY).code == 0
    assert sorted(os.listdir(site)) == sorted(
        [f"{name}.md" for name in MAP_IDS] + ["index.md", "dashboard.md", MANIFEST]
    )
    index = (site / "index.md").read_text(encoding="utf-8")
    assert "](saas-trial-to-paid.md) | Priya Raman |" in index
    assert "[Portfolio report](dashboard.md)" in index
    dashboard = (site / "dashboard.md").read_text(encoding="utf-8")
    assert dashboard.startswith("[All journey maps](index.md)\n\n# Journey portfolio report\n")
    assert "[saas-trial-to-paid](saas-trial-to-paid.md) ›" in dashboard


def test_one_map_into_an_existing_folder_is_a_site(cli, tmp_path):
    assert cli("render", SAAS, "-o", tmp_path, "--today", TODAY).code == 0
    assert sorted(os.listdir(tmp_path)) == [MANIFEST, "dashboard.html", "index.html", "saas-trial-to-paid.html"]


def test_several_maps_without_output_is_a_usage_error(cli):
    for args in ((SAAS, EXAMPLES / "online-store-checkout.journey.yaml"), (EXAMPLES,)):
        result = cli("render", *args)
        assert (result.code, result.out) == (2, "")
        assert result.err == "journeyctl: Several maps or a folder render to a site: give its folder with -o DIR.\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "docx"), "journeyctl: --format must be one of html, markdown, pdf, not `docx`.\n"),
        (("--today", "23/11/2026"), "journeyctl: --today must be a date written YYYY-MM-DD, not `23/11/2026`.\n"),
        (
            ("--templates", "/nonexistent/templates"),
            "journeyctl: --templates: the folder /nonexistent/templates does not exist.\n",
        ),
    ],
)
def test_bad_options(cli, args, message):
    result = cli("render", SAAS, *args)
    assert (result.code, result.out, result.err) == (2, "", message)


def test_output_folder_whose_parent_is_missing(cli, tmp_path):
    target = tmp_path / "missing" / "site"
    result = cli("render", EXAMPLES, "-o", target, "--today", TODAY)
    assert result.code == 2
    assert (
        result.err
        == f"journeyctl: Cannot create the folder {target}: its parent folder {target.parent} does not exist.\n"
    )
    assert not target.parent.exists()


def test_output_file_whose_folder_is_missing(cli, tmp_path):
    target = tmp_path / "missing" / "page.html"
    result = cli("render", SAAS, "-o", target, "--today", TODAY)
    assert result.code == 2
    assert result.err == f"journeyctl: Cannot write {target}: the folder {target.parent} does not exist.\n"


def test_site_into_a_file_is_refused(cli, tmp_path):
    target = tmp_path / "taken"
    target.write_text("keep me", encoding="utf-8")
    result = cli("render", EXAMPLES, "-o", target, "--today", TODAY)
    assert result.code == 2
    assert result.err == f"journeyctl: Cannot write the site to {target}: it is a file, not a folder.\n"
    assert target.read_text(encoding="utf-8") == "keep me"


def test_read_only_output_folder(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old index", encoding="utf-8")
    os.chmod(site, 0o555)
    try:
        result = run_journeyctl("render", EXAMPLES, "-o", site, "--today", TODAY, obey_permissions=True)
    finally:
        os.chmod(site, 0o755)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"journeyctl: Cannot write {site}/")
    assert result.stderr.endswith(": Permission denied.\n")
    assert sorted(os.listdir(site)) == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "old index"


def test_a_broken_map_gives_lints_errors_and_leaves_the_site_untouched(cli, examples, tmp_path):
    broken = examples / "online-store-checkout.journey.yaml"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(
        text.replace("state: current", "state: someday").replace("emotion: 5", "emotion: 9", 1), encoding="utf-8"
    )
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("published", encoding="utf-8")
    result = cli("render", examples, "-o", site, "--today", TODAY)
    assert (result.code, result.out) == (2, "")
    lint = cli("lint", broken, "--today", TODAY, "--select", "E012,E022", "-q")
    assert result.err == lint.out
    # Every error in one run: the emotion off the scale beside the invalid state.
    assert [line.split(": ")[1].split()[0] for line in result.err.splitlines()] == ["E012", "E022"]
    assert os.listdir(site) == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "published"


def test_reference_errors_are_reported_like_lint(cli, examples, tmp_path):
    path = examples / "saas-trial-to-paid.journey.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("persona: personas.yaml#priya-ops-lead", "persona: personas.yaml#nobody")
    text = text.replace("emotion: 2\n", "emotion: 3\n", 1)
    path.write_text(text, encoding="utf-8")
    result = cli("render", path, "--today", TODAY)
    lint = cli("lint", path, "--today", TODAY, "--select", "E020,E021,E022", "-q")
    assert (result.code, result.out) == (2, "")
    assert result.err == lint.out
    assert [line.split(" ")[1] for line in result.err.splitlines()] == ["E021", "E022"]


def test_every_broken_map_is_reported_in_one_run(cli, examples, tmp_path):
    for name in ("online-store-checkout", "saas-trial-to-paid"):
        path = examples / f"{name}.journey.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    result = cli("render", examples, "-o", tmp_path / "site", "--today", TODAY)
    assert result.code == 2
    assert [line.split(":")[0].rsplit("/", 1)[1] for line in result.err.splitlines() if " E011 " in line] == [
        "online-store-checkout.journey.yaml",
        "saas-trial-to-paid.journey.yaml",
    ]
    assert not (tmp_path / "site").exists()


def test_a_file_that_cannot_be_read(cli, tmp_path):
    missing = tmp_path / "gone.journey.yaml"
    missing.symlink_to("deleted.journey.yaml")
    result = cli("render", missing)
    assert (result.code, result.out) == (2, "")
    assert (
        result.err
        == f"{missing}:1:1: E001 yaml-syntax The file cannot be read: it is a symbolic link to deleted.journey.yaml, which does not exist.\n"
    )


def test_persona_libraries_are_not_pages(cli, tmp_path):
    result = cli("render", EXAMPLES / "personas.yaml")
    assert result.code == 2
    assert (
        result.err
        == f"journeyctl: No journey maps to render in {EXAMPLES / 'personas.yaml'} (persona libraries are not pages).\n"
    )


def test_two_maps_with_one_id(cli, examples, tmp_path):
    shutil.copy(examples / "saas-trial-to-paid.journey.yaml", examples / "copy.journey.yaml")
    result = cli("render", examples, "-o", tmp_path / "site", "--today", TODAY)
    assert result.code == 2
    assert result.err == (
        f"journeyctl: {examples / 'copy.journey.yaml'} and {examples / 'saas-trial-to-paid.journey.yaml'} both have the id "
        "`saas-trial-to-paid`; pages are named after map ids, so each map needs its own.\n"
    )


def test_a_map_named_index(cli, examples, tmp_path):
    path = examples / "saas-trial-to-paid.journey.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: saas-trial-to-paid", "id: index"), encoding="utf-8")
    result = cli("render", examples, "-o", tmp_path / "site", "--today", TODAY)
    assert result.code == 2
    assert "a map with the id `index` would overwrite the site's index page" in result.err


def test_the_same_maps_render_to_the_same_bytes(cli, tmp_path):
    for fmt in ("html", "markdown"):
        first, second = tmp_path / f"{fmt}-1", tmp_path / f"{fmt}-2"
        assert cli("render", EXAMPLES, "-f", fmt, "-o", first, "--today", TODAY).code == 0
        assert cli("render", EXAMPLES, "-f", fmt, "-o", second, "--today", TODAY).code == 0
        pages = ["dashboard", "index", "online-store-checkout", "plumbing-emergency-call", "saas-trial-to-paid"]
        suffix = ".html" if fmt == "html" else ".md"
        assert sorted(os.listdir(first)) == sorted(os.listdir(second)) == [MANIFEST] + [page + suffix for page in pages]
        for name in os.listdir(first):
            assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_review_status_follows_today(cli):
    fresh = cli("render", SAAS, "--today", "2027-02-18").out
    stale = cli("render", SAAS, "--today", "2027-02-19").out
    assert 'Up to date</span> Next review due <time datetime="2027-02-18">2027-02-18</time>' in fresh
    assert 'Stale</span> Review overdue since <time datetime="2027-02-18">2027-02-18</time>' in stale


def test_as_a_real_process_from_another_folder(tmp_path):
    result = run_journeyctl("render", SAAS, "-f", "markdown", "--today", TODAY, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("# Rotaflow: from free trial to first renewal\n")


def test_version_does_not_import_the_renderer():
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "journeyctl", "--version"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=60,
    )
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert not {"jinja2", "journeyctl.render", "markupsafe"} & imported
