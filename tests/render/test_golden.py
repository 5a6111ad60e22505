"""The pages of the examples, byte for byte but for the shared stylesheet, checked apart
(JOURNEYCTL_UPDATE_GOLDEN=1 rewrites the golden files)."""

from __future__ import annotations

import pytest
from render_support import check_golden, without_stylesheet

from conftest import EXAMPLES, TODAY


@pytest.mark.parametrize(("fmt", "suffix"), [("html", "html"), ("markdown", "md")])
def test_one_map(cli, fmt, suffix):
    result = cli("render", EXAMPLES / "saas-trial-to-paid.journey.yaml", "-f", fmt, "--today", TODAY)
    assert (result.code, result.err) == (0, "")
    check_golden(f"saas-trial-to-paid.{suffix}", without_stylesheet(result.out) if fmt == "html" else result.out)


@pytest.mark.parametrize(("fmt", "suffix"), [("html", "html"), ("markdown", "md")])
def test_site_index(cli, tmp_path, fmt, suffix):
    assert cli("render", EXAMPLES, "-f", fmt, "-o", tmp_path, "--today", TODAY).code == 0
    page = (tmp_path / f"index.{suffix}").read_text(encoding="utf-8")
    check_golden(f"index.{suffix}", without_stylesheet(page) if fmt == "html" else page)
