"""`journeyctl lint` as a real process: terminals and colour, pipes, parallel runs, internal errors."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import EXAMPLES, SRC, TODAY, run_journeyctl
from journeyctl.config.settings import Settings
from journeyctl.lint import lint_paths

WARN = "journeyctl: 1\nid: refund\ntitle: Refund\nstages:\n  - id: ask\n    name: Ask\n"


def run_on_terminal(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, bytes]:
    """Run journeyctl with stdout and stderr on a pseudo-terminal; its exit code and output."""
    controller, terminal = pty.openpty()
    full_env = {**os.environ, "PYTHONPATH": str(SRC), **env}
    process = subprocess.Popen(
        [sys.executable, "-m", "journeyctl", *args],
        cwd=cwd,
        env=full_env,
        stdout=terminal,
        stderr=terminal,
        stdin=subprocess.DEVNULL,
    )
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the terminal's other end closed
            break
        if not chunk:
            break
        output += chunk
    os.close(controller)
    return process.wait(timeout=60), output


WARN_AND_ERROR = WARN + "  - id: pay\n    name: Pay\n    touchpoints:\n      - {id: card, name: Card, emotion: 5}\n"


@pytest.fixture
def warn_map(tmp_path: Path) -> Path:
    (tmp_path / "refund.journey.yaml").write_text(WARN_AND_ERROR, encoding="utf-8")
    return tmp_path


def test_colour_on_a_terminal_only_and_never_with_no_color(warn_map: Path) -> None:
    args = ["lint", "refund.journey.yaml", "--today", TODAY, "--select", "W101,E022"]
    code, coloured = run_on_terminal(args, warn_map, {"NO_COLOR": ""})
    assert code == 1
    assert coloured.decode() == (
        "\x1b[1mrefund.journey.yaml:5:5:\x1b[0m \x1b[33mW101 empty-stage\x1b[0m Stage `ask` has no touchpoints.\r\n"
        "\x1b[1mrefund.journey.yaml:10:41:\x1b[0m \x1b[31mE022 emotion-out-of-scale\x1b[0m Emotion 5 is outside the map's scale of -2 to 2.\r\n"
        "Found 1 error and 1 warning in 1 of 1 file.\r\n"
    )
    code, plain = run_on_terminal(args, warn_map, {"NO_COLOR": "1"})
    assert code == 1
    assert plain.decode() == (
        "refund.journey.yaml:5:5: W101 empty-stage Stage `ask` has no touchpoints.\r\n"
        "refund.journey.yaml:10:41: E022 emotion-out-of-scale Emotion 5 is outside the map's scale of -2 to 2.\r\n"
        "Found 1 error and 1 warning in 1 of 1 file.\r\n"
    )
    # Not on a terminal (a pipe, a file, CI logs): no colour either; the other
    # tests capture output and compare it to plain text.


def many_maps(folder: Path, count: int) -> list[str]:
    """`count` copies of the examples with their own ids, some with findings."""
    shutil.copy(EXAMPLES / "personas.yaml", folder / "personas.yaml")
    names = []
    examples = sorted(EXAMPLES.glob("*.journey.yaml"))
    for number in range(count):
        example = examples[number % len(examples)]
        text = example.read_text(encoding="utf-8")
        map_id = text.split("\nid: ", 1)[1].split("\n", 1)[0]
        text = text.replace(f"\nid: {map_id}\n", f"\nid: {map_id}-{number}\n")
        if number % 4 == 1:
            text = text.replace("\nowner: ", "\nx-owner: ", 1)
        if number % 5 == 2:
            text = text.replace("    touchpoints:\n", "    touchpoint:\n", 1)
        name = f"map-{number:02d}.journey.yaml"
        (folder / name).write_text(text, encoding="utf-8")
        names.append(name)
    return names


def test_parallel_run_gives_the_output_of_one_by_one_runs(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = many_maps(tmp_path, 24)
    together = run_journeyctl("lint", ".", "--today", "2027-06-01", cwd=tmp_path)
    assert (together.returncode, together.stderr) == (1, "")
    monkeypatch.chdir(tmp_path)
    one_by_one = [cli("lint", "-q", name, "--today", "2027-06-01").out for name in names]
    summary = cli("lint", "-q", "personas.yaml", "--today", "2027-06-01")
    assert (summary.code, summary.out) == (0, "")
    assert together.stdout == "".join(one_by_one) + "Found 5 errors and 138 warnings in 24 of 25 files.\n"


def test_parallel_and_sequential_engine_results_are_identical(tmp_path: Path) -> None:
    many_maps(tmp_path, 20)
    settings, today = Settings(), date(2027, 6, 1)
    sequential = list(lint_paths([str(tmp_path)], settings, today, jobs=1))
    parallel = list(lint_paths([str(tmp_path)], settings, today, jobs=3))
    assert [result.path for result in parallel] == [result.path for result in sequential]
    assert [result.findings for result in parallel] == [result.findings for result in sequential]
    # The 20 copies hold 4 errors and 114 warnings in all.
    assert [finding.severity for result in sequential for finding in result.findings].count("error") == 4
    assert sum(len(result.findings) for result in sequential) == 118


def test_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    many_maps(tmp_path, 20)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    for command in (
        f"{sys.executable} -m journeyctl lint . --today 2027-06-01 | head -1",
        f"{sys.executable} -m journeyctl rules | head -1",
    ):
        result = subprocess.run(
            ["sh", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.stderr == ""
        assert len(result.stdout.splitlines()) == 1


def test_internal_error_is_one_line(cli, warn_map: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self, path, explicit=True):
        raise RuntimeError("the engine broke")

    monkeypatch.setattr("journeyctl.check.service.Checker.check_file", broken)
    result = cli("lint", warn_map / "refund.journey.yaml")
    assert result.code == 2
    assert (
        result.err
        == "journeyctl: internal error: RuntimeError: the engine broke (run with --debug for the traceback).\n"
    )
    debug = cli("--debug", "lint", warn_map / "refund.journey.yaml")
    assert debug.code == 2
    assert debug.err.startswith("Traceback (most recent call last):\n")
    assert 'raise RuntimeError("the engine broke")' in debug.err
    assert debug.err.endswith(
        "RuntimeError: the engine broke\njourneyctl: internal error: RuntimeError: the engine broke.\n"
    )
