from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading

import pytest

from conftest import EXAMPLES, SRC, TODAY, obeying_permissions
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


needs_strace = pytest.mark.skipif(
    shutil.which("strace") is None, reason="strace is not installed (apt-get install strace)"
)


def disk_calls(tmp_path, *argv: str) -> list[tuple[str, list[str]]]:
    """Run `argv` under strace: its fsync and rename calls in order, as (call, paths), tmp_path shown as TMP."""
    log = tmp_path / "strace.log"
    done = subprocess.run(
        ["strace", "-f", "-qq", "-y", "-o", str(log), "-e", "trace=fsync,fdatasync,rename,renameat,renameat2", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    calls = []
    for line in log.read_text().splitlines():
        # `PID fsync(3</path>) = 0`; a call another thread cut in two starts `PID fsync(3</path> <unfinished ...>`.
        match = re.match(r"\d+ +(\w+)\((.*?)(\) += 0$| <unfinished \.\.\.>$)", line)
        if match:
            paths = [quoted or fd for quoted, fd in re.findall(r'"([^"]+)"|<([^>]+)>', match.group(2))]
            calls.append((match.group(1), [path.replace(str(tmp_path), "TMP") for path in paths]))
    return calls


@needs_strace
def test_the_content_is_on_disk_before_the_rename_and_the_name_after(tmp_path):
    script = "import sys\nfrom journeyctl.system.atomic import write_atomically\nwrite_atomically(sys.argv[1], 'new')\n"
    (tmp_path / "page.html").write_text("old")
    calls = disk_calls(tmp_path, sys.executable, "-c", script, str(tmp_path / "page.html"))
    assert len(calls) == 3, calls
    (_, [temporary]), rename, folder = calls
    assert temporary.startswith("TMP/.journeyctl-")
    assert (rename, folder) == (("rename", [temporary, "TMP/page.html"]), ("fsync", ["TMP"]))
    assert (tmp_path / "page.html").read_text() == "new"


@needs_strace
def test_a_site_syncs_every_page_before_its_rename_and_the_folder_once_at_the_end(tmp_path):
    site = tmp_path / "site"
    calls = disk_calls(
        tmp_path, sys.executable, "-m", "journeyctl", "render", str(EXAMPLES), "-o", str(site), "--today", TODAY
    )
    pages = [
        "dashboard.html",
        "online-store-checkout.html",
        "plumbing-emergency-call.html",
        "saas-trial-to-paid.html",
        "index.html",
    ]
    written = [*pages, ".journeyctl-site.json"]
    assert sorted(path.name for path in site.iterdir()) == sorted(written)
    renames = [(index, paths) for index, (call, paths) in enumerate(calls) if call == "rename"]
    assert sorted(target for _, (_, target) in renames) == sorted(f"TMP/site/{name}" for name in written)
    for index, (temporary, _) in renames:
        assert ("fsync", [temporary]) in calls[:index], f"{temporary} renamed before it was synced"
    # The new folder's name in its parent first; the index after the other pages, then the manifest
    # of what was written; the site folder once, last.
    assert calls[0] == ("fsync", ["TMP"])
    assert [target for _, (_, target) in renames[-2:]] == ["TMP/site/index.html", "TMP/site/.journeyctl-site.json"]
    assert calls[-1] == ("fsync", ["TMP/site"]) and calls.count(("fsync", ["TMP/site"])) == 1


def test_pages_written_side_by_side_get_the_mode_the_umask_allows(tmp_path):
    # The pages of a site are written from several threads, and the umask is read by setting it.
    script = "import os, sys\nos.umask(0o027)\nfrom journeyctl.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-c", script, "render", str(EXAMPLES), "-o", str(site), "--today", TODAY],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert {path.name: path.stat().st_mode & 0o777 for path in site.iterdir()} == dict.fromkeys(
        [
            "dashboard.html",
            "index.html",
            "online-store-checkout.html",
            "plumbing-emergency-call.html",
            "saas-trial-to-paid.html",
            ".journeyctl-site.json",
        ],
        0o640,
    )
