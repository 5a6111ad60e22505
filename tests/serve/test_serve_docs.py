"""docs/guides/serve.md shows a terminal session: it is what serve prints, line for line."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from serve_support import copy_examples, listen, serve  # noqa: F401  (fixture)

from conftest import ROOT

GUIDE = ROOT / "docs" / "guides" / "serve.md"


def _session() -> list[str]:
    block = re.search(r"^```console\n(.*?)^```$", GUIDE.read_text(encoding="utf-8"), re.M | re.S)
    assert block is not None
    return block.group(1).splitlines()


def _same_shape(line: str) -> str:
    """A line with what changes from run to run (time of day, seconds taken, port) made constant."""
    line = re.sub(r"^\d\d:\d\d:\d\d ", "HH:MM:SS ", line)
    line = re.sub(r"rebuilt in \d+\.\d\d s", "rebuilt in N s", line)
    return re.sub(r"http://127\.0\.0\.1:\d+/", "http://127.0.0.1:PORT/", line)


def test_the_guides_session_is_what_serve_prints(serve, tmp_path: Path):
    command, *expected = _session()
    args = shlex.split(command.removeprefix("$ "))
    assert args[:2] == ["journeyctl", "serve"]
    copy_examples(tmp_path / "maps")
    server = serve(*args[2:], cwd=tmp_path)
    server.wait_for_line(r"^Watching")
    path = tmp_path / "maps" / "online-store-checkout.journey.yaml"
    for old, new in (("boots online", "boots online today"), ("title: Buying", "title: [Buying")):
        stream = listen(server.port, "online-store-checkout.html")
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
        assert stream.fp.readline() == b"event: reload\n"
        server.wait_for_line(r"changed: rebuilt")
    if "error" in server.out[-1]:
        server.wait_for_line(r"E001")
    stopped = server.interrupt()
    assert [_same_shape(line) for line in stopped.out.splitlines()] == [
        _same_shape(line) for line in expected if line != "^C"
    ]
