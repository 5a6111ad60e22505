"""A team's --templates folder: their files first, built-ins behind, clear template errors."""

from __future__ import annotations

from conftest import EXAMPLES, TODAY

SAAS = EXAMPLES / "saas-trial-to-paid.journey.yaml"
TEAM_MAP = """{% extends "journey.html.j2" %}
{% block extra_style %}:root { --accent: #5b1f69; }{% endblock %}
{% block lane_backstage %}{% endblock %}
{% block footer %}<p>Customer Experience team · internal</p>{% endblock %}
"""


def test_a_team_restyles_without_forking(cli, tmp_path):
    (tmp_path / "map.html.j2").write_text(TEAM_MAP, encoding="utf-8")
    built_in = cli("render", SAAS, "--today", TODAY).out
    result = cli("render", SAAS, "--today", TODAY, "--templates", tmp_path)
    assert (result.code, result.err) == (0, "")
    assert ":root { --accent: #5b1f69; }</style>" in result.out
    assert "<p>Customer Experience team · internal</p>" in result.out
    assert "Backstage" in built_in and "Backstage" not in result.out
    assert result.out.count('<th scope="colgroup"') == 5  # everything else comes from the built-ins


def test_a_team_overrides_a_shared_part(cli, tmp_path):
    (tmp_path / "parts.md.j2").write_text(
        "{% macro source_link(source) %}{{ source.title|md }}{% endmacro %}\n"
        "{% macro review(review) %}{{ review.label|md }}{% endmacro %}\n"
        "{% macro metric(m) %}{{ m.name|md }}{% endmacro %}\n"
        "{% macro opportunity(o) %}{{ o.description|md }}{% endmacro %}\n",
        encoding="utf-8",
    )
    result = cli("render", SAAS, "--today", TODAY, "-f", "markdown", "--templates", tmp_path)
    assert result.code == 0
    assert "](https://" not in result.out
    assert "| 2026-11-20 | Next review due 2027-02-18 |" in result.out


def test_a_template_syntax_error_names_file_and_line(cli, tmp_path):
    (tmp_path / "map.html.j2").write_text(
        '{% extends "journey.html.j2" %}\n{% block footer %}{{ journey.title }{% endblock %}\n', encoding="utf-8"
    )
    result = cli("render", SAAS, "--templates", tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith(f"journeyctl: template {tmp_path / 'map.html.j2'}:2: ")


def test_an_unknown_variable_names_file_and_line(cli, tmp_path):
    (tmp_path / "map.html.j2").write_text(
        '{% extends "journey.html.j2" %}\n{% block footer %}\n{{ journey.subtitle }}{% endblock %}\n', encoding="utf-8"
    )
    result = cli("render", SAAS, "--templates", tmp_path)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"journeyctl: template {tmp_path / 'map.html.j2'}:3: 'journeyctl.render.view.MapView object' has no attribute 'subtitle'\n"
    )


def test_a_broken_template_leaves_the_site_untouched(cli, tmp_path):
    templates, site = tmp_path / "templates", tmp_path / "site"
    templates.mkdir()
    site.mkdir()
    (site / "index.html").write_text("published", encoding="utf-8")
    (templates / "index.html.j2").write_text("{{ entries.missing }}", encoding="utf-8")
    result = cli("render", EXAMPLES, "-o", site, "--templates", templates, "--today", TODAY)
    assert result.code == 2
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "published"
