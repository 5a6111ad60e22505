"""What is watched, how, and what the terminal says: one file or a folder, native or polling."""

from __future__ import annotations

import re
import shutil
import subprocess
import time

import pytest
from serve_support import get, maps, save_atomically, serve  # noqa: F401  (fixtures)

CHECKOUT = "online-store-checkout"


def retitle(path, title: str) -> None:
    save_atomically(
        path, re.sub(r"^title: .*$", f"title: {title}", path.read_text(encoding="utf-8"), count=1, flags=re.M)
    )


def served_title(port: int, name: str) -> str:
    match = re.search(r"<h1>(.*?)</h1>", get(port, f"/{name}")[2])
    return match.group(1) if match else ""


def wait_for_title(port: int, name: str, title: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while served_title(port, name) != title:
        assert time.monotonic() < deadline, f"{name} never showed {title!r}"
        time.sleep(0.1)


def test_the_terminal_says_where_what_is_watched_and_each_rebuild(serve, maps):
    server = serve(str(maps), cwd=maps.parent)
    assert server.out[0] == f"Serving {maps} at {server.url} (Ctrl-C to stop)\n"
    server.wait_for_line(r"^Watching maps for changes\.$")
    path = maps / f"{CHECKOUT}.journey.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Buying", "title: [Buying"), encoding="utf-8")
    line = server.wait_for_line(r"changed: rebuilt")
    assert re.fullmatch(
        rf"\d\d:\d\d:\d\d maps/{CHECKOUT}\.journey\.yaml changed: rebuilt in \d+\.\d\d s; no open page changed; 1 error:\n",
        line,
    )
    finding = server.wait_for_line(r"E001")
    assert finding == (
        f"  {maps}/{CHECKOUT}.journey.yaml:9:8: E001 yaml-syntax The list opened here with `[` is not closed "
        "with `]`, or a comma is missing between its items.\n"
    )


def test_a_single_map_is_served_with_its_persona_library(serve, maps):
    server = serve(str(maps / f"{CHECKOUT}.journey.yaml"), cwd=maps)
    server.wait_for_line(r"^Watching \. \(not their subfolders\) for changes\.$")
    assert served_title(server.port, f"{CHECKOUT}.html") == "Buying a pair of hiking boots online"
    index = get(server.port, "/")[2]
    assert "1 journey map," in index and "saas-trial-to-paid" not in index
    retitle(maps / "saas-trial-to-paid.journey.yaml", "Not served")  # another map: no page reads it
    retitle(maps / f"{CHECKOUT}.journey.yaml", "Served")
    line = server.wait_for_line(r"changed: rebuilt")
    assert f"{CHECKOUT}.journey.yaml changed" in line and "saas" not in line
    wait_for_title(server.port, f"{CHECKOUT}.html", "Served")


def test_a_persona_library_in_another_folder_is_watched_too(serve, maps, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shutil.move(maps / "personas.yaml", shared / "personas.yaml")
    path = maps / f"{CHECKOUT}.journey.yaml"
    path.write_text(path.read_text().replace("personas.yaml#", "../shared/personas.yaml#"), encoding="utf-8")
    server = serve(str(maps), cwd=tmp_path)
    assert "Leo Marchetti" in get(server.port, f"/{CHECKOUT}.html")[2]
    server.wait_for_line(r"^Watching maps, shared for changes\.$")
    save_atomically(shared / "personas.yaml", (shared / "personas.yaml").read_text().replace("Leo Marchetti", "Leo M."))
    server.wait_for_line(r"shared/personas\.yaml changed: rebuilt")
    assert "Leo M." in get(server.port, f"/{CHECKOUT}.html")[2]


def test_forced_polling_sees_saves(serve, maps):
    server = serve(str(maps), cwd=maps, env={"WATCHFILES_FORCE_POLLING": "1", "WATCHFILES_POLL_DELAY_MS": "100"})
    server.wait_for_line(r"^Watching")
    retitle(maps / f"{CHECKOUT}.journey.yaml", "Seen by polling")
    wait_for_title(server.port, f"{CHECKOUT}.html", "Seen by polling")


def _without_inotify() -> list[str]:
    """A command prefix that runs a process where inotify cannot start (no instances allowed), or skips.

    A user namespace of its own gets its own inotify limits, so nothing else on the machine is affected.
    """
    unshare = shutil.which("unshare")
    probe = [unshare or "unshare", "-U", "-r", "sh", "-c", "echo 0 > /proc/sys/user/max_inotify_instances"]
    if unshare is None or subprocess.run(probe, capture_output=True).returncode != 0:
        pytest.skip("cannot make a user namespace without inotify here (unshare -U)")
    return [unshare, "-U", "-r", "sh", "-c", 'echo 0 > /proc/sys/user/max_inotify_instances && exec "$@"', "sh"]


def test_where_native_watching_cannot_start_it_polls(serve, maps):
    server = serve(str(maps), cwd=maps, prefix=_without_inotify())
    server.wait_for_line(r"^Watching")
    warning = "".join(server.err)
    assert warning.startswith("journeyctl serve: warning: native file watching is unavailable (")
    assert "Too many open files" in warning and warning.endswith("); polling for changes instead.\n")
    retitle(maps / f"{CHECKOUT}.journey.yaml", "Seen without inotify")
    wait_for_title(server.port, f"{CHECKOUT}.html", "Seen without inotify")


def test_open_starts_the_users_browser_on_the_index(serve, maps, tmp_path):
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n', encoding="utf-8")
    browser.chmod(0o755)
    server = serve(str(maps), "--open", cwd=maps, env={"BROWSER": str(browser)})
    deadline = time.monotonic() + 15
    while not opened.exists() or not opened.read_text():
        assert time.monotonic() < deadline, "the browser was never started"
        time.sleep(0.1)
    assert opened.read_text() == server.url + "\n"


def test_a_served_folder_removed_and_made_again_is_served_again(serve, maps, tmp_path):
    server = serve(str(maps), cwd=tmp_path)
    server.wait_for_line(r"^Watching maps for changes")
    kept = tmp_path / "kept"
    shutil.move(maps, kept)
    server.wait_for_line(r"changed: rebuilt")
    assert "0 journey maps," in get(server.port, "/")[2]
    shutil.copytree(kept, maps)
    wait_for_title(server.port, f"{CHECKOUT}.html", "Buying a pair of hiking boots online")


def lint_summary(port: int, name: str) -> str:
    match = re.search(r"<summary>(.*?)</summary>", get(port, f"/{name}")[2])
    return match.group(1) if match else ""


def test_a_broken_config_file_is_said_in_the_lint_panel_until_fixed(serve, maps):
    path = maps / f"{CHECKOUT}.journey.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("channel: ad", "channel: pigeon"), encoding="utf-8")
    server = serve(str(maps), cwd=maps)
    assert lint_summary(server.port, f"{CHECKOUT}.html") == "Lint: 1 warning"
    config = maps / "journeyctl.toml"
    config.write_text("channels = [pigeon\n", encoding="utf-8")
    server.wait_for_line(r"journeyctl\.toml changed")
    assert lint_summary(server.port, f"{CHECKOUT}.html") == "Lint: unavailable"
    assert "lint cannot run here: journeyctl.toml" in get(server.port, f"/{CHECKOUT}.html")[2]
    config.write_text('channels = ["pigeon"]\n', encoding="utf-8")
    server.wait_for_line(r"journeyctl\.toml changed")
    assert lint_summary(server.port, f"{CHECKOUT}.html") == "Lint: no findings"
