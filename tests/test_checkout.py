"""The tests run this checkout's code, whatever copy of journeyctl is installed."""

from __future__ import annotations

from pathlib import Path

from conftest import SRC


def test_in_process_tests_import_this_checkout() -> None:
    import journeyctl

    assert Path(journeyctl.__file__).resolve().is_relative_to(SRC.resolve())
