from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from conftest import SRC, obeying_permissions
from journeyctl.core.errors import OutputError
from journeyctl.system.atomic import write_atomically


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


def test_read_only_folder_leaves_file_untouched(tmp_path):
    # In a real process: as root (CI), only one that obeys permissions meets the read-only folder.
    target = tmp_path / "page.html"
    target.write_text("old")
    tmp_path.chmod(0o500)
    script = (
        "import sys\nfrom journeyctl.system.atomic import write_atomically\nfrom journeyctl.core.errors import OutputError\n"
        "try:\n    write_atomically(sys.argv[1], 'new')\nexcept OutputError as error:\n    print(error)\n"
    )
    try:
        done = subprocess.run(
            [*obeying_permissions(), sys.executable, "-c", script, str(target)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(SRC)},
            timeout=60,
        )
    finally:
        tmp_path.chmod(0o700)
    assert (done.stdout, done.stderr) == (f"Cannot write {target}: Permission denied.\n", "")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_a_symbolic_link_stays_a_link_and_its_file_gets_the_content(tmp_path):
    (tmp_path / "shared").mkdir()
    real = tmp_path / "shared" / "index.html"
    real.write_text("old")
    link = tmp_path / "index.html"
    link.symlink_to(os.path.join("shared", "index.html"))
    write_atomically(str(link), "new")
    assert link.is_symlink() and os.readlink(link) == os.path.join("shared", "index.html")
    assert real.read_text() == "new"
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == ["index.html"]


def test_a_named_pipe_is_written_to_not_replaced(tmp_path):
    # `-o /dev/stdout`, `-o /dev/null`: replacing the node would destroy it.
    pipe = tmp_path / "out.fifo"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_atomically(str(pipe), "through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert pipe.is_fifo()


def test_a_terminal_device_is_written_to_not_replaced():
    controller, terminal = os.openpty()
    name = os.ttyname(terminal)
    received: list[bytes] = []
    thread = threading.Thread(target=lambda: received.append(os.read(controller, 100)))
    thread.start()
    try:
        write_atomically(name, "to the terminal")
        thread.join(timeout=10)
    finally:
        os.close(terminal)
        os.close(controller)
    assert received == [b"to the terminal"]


def test_a_folder_is_not_replaced(tmp_path):
    (tmp_path / "page.html").mkdir()
    with pytest.raises(OutputError) as caught:
        write_atomically(str(tmp_path / "page.html"), "x")
    assert str(caught.value) == f"Cannot write {tmp_path / 'page.html'}: it is a folder."
    assert (tmp_path / "page.html").is_dir()
