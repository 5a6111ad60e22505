"""The wheel carries every package and the templates (pyproject lists packages by hand)."""

from __future__ import annotations

import tomllib
from setuptools import find_packages

from conftest import ROOT
from journeyctl.render.environment import builtin_templates
from journeyctl.render.formats import FORMATS


def test_every_package_of_src_is_listed_for_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert sorted(config["packages"]) == sorted([*find_packages(str(ROOT / "src")), "journeyctl.templates"])
    assert config["package-dir"] == {"": "src", "journeyctl.templates": "templates"}
    assert config["package-data"] == {"journeyctl.templates": ["*.j2"], "journeyctl": ["starters/*.journey.yaml"]}


def test_the_entry_templates_are_in_the_top_level_templates_folder():
    assert builtin_templates() == ROOT / "templates"
    for output_format in FORMATS.values():
        for name in (output_format.map_template, output_format.index_template):
            assert (ROOT / "templates" / name).is_file(), name
