from __future__ import annotations

import os

import pytest

from journeyctl.atomic import write_atomically
from journeyctl.errors import OutputError


def test_replaces_content_and_keeps_mode(tmp_path):
    target = tmp_path / "page.html"
    target.write_text("old")
    target.chmod(0o640)
    write_atomically(str(target), "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_missing_folder_is_a_plain_error(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_atomically(str(tmp_path / "nope" / "page.html"), "x")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_leaves_file_untouched(tmp_path):
    target = tmp_path / "page.html"
    target.write_text("old")
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(OutputError):
            write_atomically(str(target), "new")
    finally:
        tmp_path.chmod(0o700)
    assert target.read_text() == "old"
