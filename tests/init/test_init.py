"""`journeyctl init`: every starter gives a commented map that is clean on the day it is created."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta

import pytest

from conftest import ROOT, TODAY
from journeyctl.scaffold import STARTERS, starter_text

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

STARTER_DIR = ROOT / "src" / "journeyctl" / "starters"


@pytest.mark.parametrize("name", STARTERS)
def test_each_starter_is_clean_and_canonical_on_the_day_it_is_created(cli, tmp_path, name):
    target = tmp_path / f"{name}.journey.yaml"
    result = cli("init", target, "--template", name, "--today", TODAY)
    assert result.code == 0, result.err
    assert (
        result.out
        == f"Created {target} from the `{name}` starter.\nNext: make it yours, then run `journeyctl lint {target}`.\n"
    )
    text = target.read_text(encoding="utf-8")
    assert "__" not in text, "a placeholder was left in"
    assert f"\nid: {name}\n" in text
    assert f"\nlast_reviewed: {TODAY}" in text
    assert 80 <= len(text.splitlines()) <= 150
    assert sum(line.lstrip().startswith("#") for line in text.splitlines()) >= 10, "starters teach through comments"
    lint = cli("lint", target, "--today", TODAY)
    assert (lint.code, lint.out) == (0, "All clear: no findings in 1 file.\n")
    assert cli("fmt", "--check", target).code == 0


def test_due_dates_follow_the_day_of_init(cli, tmp_path):
    target = tmp_path / "shop.journey.yaml"
    assert cli("init", target, "-t", "ecommerce", "--today", "2030-01-10").code == 0
    text = target.read_text(encoding="utf-8")
    assert "due: 2030-02-24\n" in text  # 45 days later
    assert "due: 2030-04-10\n" in text  # 90 days later
    assert cli("lint", target, "--today", "2030-01-10").code == 0
    stale = cli("lint", target, "--today", "2030-03-12", "--quiet")
    assert [line.split()[1] for line in stale.out.splitlines()] == ["W105", "W109"]


def test_without_today_the_map_is_clean_today(cli, tmp_path):
    target = tmp_path / "repair.journey.yaml"
    assert cli("init", target).code == 0
    assert f"last_reviewed: {date.today().isoformat()}" in target.read_text(encoding="utf-8")
    assert cli("lint", target, "--today", date.today().isoformat()).code == 0
    assert cli("lint", target, "--today", (date.today() + timedelta(days=91)).isoformat()).code == 1


def test_default_path_is_the_starter_name_in_the_current_folder(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("init", "--today", TODAY)
    assert result.code == 0
    assert result.out.startswith("Created local-service.journey.yaml from the `local-service` starter.\n")
    assert (tmp_path / "local-service.journey.yaml").is_file()


def test_a_folder_path_gets_the_map_inside(cli, tmp_path):
    result = cli("init", tmp_path, "-t", "b2b-saas", "--today", TODAY)
    assert result.code == 0
    assert (tmp_path / "b2b-saas.journey.yaml").is_file()


def test_the_map_id_comes_from_the_file_name(cli, tmp_path):
    target = tmp_path / "Checkout Flow (EU).journey.yaml"
    assert cli("init", target, "-t", "ecommerce", "--today", TODAY).code == 0
    text = target.read_text(encoding="utf-8")
    assert "\nid: checkout-flow-eu\n" in text
    assert f"#   journeyctl lint '{target}'\n".replace("#   ", "# Check it as you go:  ") in text
    assert cli("lint", target, "--today", TODAY).code == 0


def test_an_existing_file_is_never_overwritten_without_force(cli, tmp_path):
    target = tmp_path / "mine.journey.yaml"
    target.write_text("my own work\n")
    result = cli("init", target, "--today", TODAY)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"journeyctl: {target} already exists; use --force to overwrite it.\n"
    assert target.read_text() == "my own work\n"
    forced = cli("init", target, "--force", "--today", TODAY)
    assert forced.code == 0
    assert target.read_text(encoding="utf-8").startswith("# A starter journey map for a local service business")


def test_an_unknown_starter_is_a_usage_error(cli, tmp_path):
    result = cli("init", tmp_path / "x.journey.yaml", "-t", "bakery")
    assert result.code == 2
    assert result.err == (
        "journeyctl: There is no starter `bakery`; choose one of: local-service, ecommerce, b2b-saas "
        "(see `journeyctl init --list`).\n"
    )
    assert not (tmp_path / "x.journey.yaml").exists()


def test_missing_folders_are_created(cli, tmp_path):
    result = cli("init", tmp_path / "no" / "such" / "map.journey.yaml")
    assert result.code == 0, result.err
    assert (tmp_path / "no" / "such" / "map.journey.yaml").is_file()
    folder = cli("init", f"{tmp_path}/maps/", "-t", "b2b-saas")
    assert folder.code == 0, folder.err
    assert (tmp_path / "maps" / "b2b-saas.journey.yaml").is_file()


def test_a_folder_that_cannot_be_created_is_a_plain_error(cli, tmp_path):
    (tmp_path / "taken").write_text("a file, not a folder")
    result = cli("init", tmp_path / "taken" / "map.journey.yaml")
    assert result.code == 2
    assert result.err == f"journeyctl: Cannot create the folder {tmp_path}/taken: File exists.\n"


def test_list_shows_the_starters(cli):
    result = cli("init", "--list")
    assert result.code == 0
    assert result.out == (
        "local-service  a local service business: find, book, visit, pay (a bike repair shop) (default)\n"
        "ecommerce      an online shop: ad, checkout, delivery and returns, on a 1-5 emotion scale\n"
        "b2b-saas       a B2B software product: trial, onboarding, security review, purchase\n"
    )


def test_every_starter_file_is_registered_and_shipped_in_the_package():
    assert sorted(path.name for path in STARTER_DIR.glob("*.journey.yaml")) == sorted(
        f"{name}.journey.yaml" for name in STARTERS
    )
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"][
        "journeyctl"
    ]
    shipped = {path.name for pattern in package_data for path in (ROOT / "src" / "journeyctl").glob(pattern)}
    assert {f"{name}.journey.yaml" for name in STARTERS} <= shipped
    assert all(starter_text(name).startswith("# A starter journey map") for name in STARTERS)


@pytest.mark.skipif(shutil.which("check-jsonschema") is None, reason="check-jsonschema is not installed")
def test_scaffolded_maps_match_the_schema(cli, tmp_path):
    for name in STARTERS:
        assert cli("init", tmp_path / f"{name}.journey.yaml", "-t", name, "--today", TODAY).code == 0
    result = subprocess.run(
        [
            "check-jsonschema",
            "--schemafile",
            str(ROOT / "schema" / "journeyctl.schema.json"),
            *map(str, sorted(tmp_path.iterdir())),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_file_name_that_folders_would_not_find_is_refused(cli, tmp_path):
    result = cli("init", tmp_path / "foo.txt")
    assert result.code == 2
    assert result.err == (
        f"journeyctl: {tmp_path / 'foo.txt'}: a map's file name must end in .yaml (as in `foo.journey.yaml`), "
        "so that lint, render and the pre-commit hooks find it in folders.\n"
    )
    assert not (tmp_path / "foo.txt").exists()


def test_a_plain_yaml_name_is_created_with_a_note_about_the_hooks(cli, tmp_path):
    result = cli("init", tmp_path / "checkout.yaml", "--today", "2026-11-23")
    assert result.code == 0
    assert result.out.splitlines()[1] == (
        "Note: the pre-commit hooks and `journeyctl git-setup` look for files named *.journey.yaml; "
        "rename the file, or add its name to their patterns (`files:`, .gitattributes)."
    )
    assert cli("lint", tmp_path / "checkout.yaml", "--today", "2026-11-23").code == 0
