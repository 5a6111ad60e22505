"""Output that cannot be written, and readers that go away: plain words, nothing lost.

Every command that writes files (render, lint --output, fmt, init, schema) meets
a read-only and a missing folder; every command that prints meets `| head`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, SRC, TODAY, run_journeyctl

SAAS = EXAMPLES / "saas-trial-to-paid.journey.yaml"
CHECKOUT = EXAMPLES / "online-store-checkout.journey.yaml"
# A valid map that fmt would rewrite (its owner is spaced out).
LOOSE_MAP = (Path(__file__).parent / "corpus" / "utf8-bom.journey.yaml").read_bytes().replace(b"owner: ", b"owner:    ")

# command, the file it writes (in OUT), the words of the failure
WRITERS = [
    (["render", str(SAAS), "--today", TODAY, "-o", "OUT/page.html"], "Cannot write OUT/page.html"),
    (["render", "-f", "markdown", str(SAAS), "--today", TODAY, "-o", "OUT/page.md"], "Cannot write OUT/page.md"),
    (["render", str(SAAS), str(CHECKOUT), "--today", TODAY, "-o", "OUT/site"], "Cannot create the folder OUT/site"),
    (
        ["lint", str(SAAS), "--today", TODAY, "--format", "sarif", "--output", "OUT/report.sarif"],
        "Cannot write OUT/report.sarif",
    ),
    (["schema", "-o", "OUT/journeyctl.schema.json"], "Cannot write OUT/journeyctl.schema.json"),
    (["init", "OUT/new.journey.yaml", "--today", TODAY], "Cannot write OUT/new.journey.yaml"),
    (["init", "OUT/team/new.journey.yaml", "--today", TODAY], "Cannot create the folder OUT/team"),
]


def writer_id(value: object) -> str:
    return " ".join(arg for arg in value if not arg.startswith("/") and arg != TODAY) if isinstance(value, list) else ""


@pytest.mark.parametrize(("args", "words"), WRITERS, ids=writer_id)
def test_a_read_only_folder(tmp_path: Path, args: list[str], words: str) -> None:
    out = tmp_path / "OUT"
    out.mkdir()
    (out / "keep.txt").write_text("untouched", encoding="utf-8")
    out.chmod(0o555)
    try:
        done = run_journeyctl(*args, cwd=tmp_path, obey_permissions=True)
    finally:
        out.chmod(0o755)
    assert (done.returncode, done.stdout) == (2, ""), done
    assert done.stderr == f"journeyctl: {words}: Permission denied.\n"
    assert sorted(os.listdir(out)) == ["keep.txt"]


@pytest.mark.parametrize(
    ("args", "words"), [case for case in WRITERS if case[0][0] in ("lint", "schema")], ids=writer_id
)
def test_a_missing_folder(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], words: str) -> None:
    # render's missing folders are tested with render; init creates the folders it needs.
    monkeypatch.chdir(tmp_path)
    result = cli(*args)
    assert (result.code, result.out) == (2, "")
    assert result.err == f"journeyctl: {words}: the folder {tmp_path / 'OUT'} does not exist.\n"
    assert os.listdir(tmp_path) == []


def test_fmt_in_a_read_only_folder_leaves_the_map_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "loose.journey.yaml").write_bytes(LOOSE_MAP)
    folder.chmod(0o555)
    try:
        done = run_journeyctl("fmt", "maps", cwd=tmp_path, obey_permissions=True)
    finally:
        folder.chmod(0o755)
    assert (done.returncode, done.stdout) == (2, "1 file not formatted (errors above).\n")
    assert done.stderr == "journeyctl: Cannot write maps/loose.journey.yaml: Permission denied.\n"
    assert os.listdir(folder) == ["loose.journey.yaml"]
    assert (folder / "loose.journey.yaml").read_bytes() == LOOSE_MAP


def test_init_creates_a_missing_folder(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("init", "team/maps/new.journey.yaml", "--today", TODAY)
    assert (result.code, result.err) == (0, "")
    assert cli("lint", "team/maps/new.journey.yaml", "--today", TODAY).code == 0


def test_output_to_a_pipe_or_device_path(tmp_path: Path) -> None:
    # `-o /dev/stdout` is a link to this: the pipe is written to, not replaced by a file.
    page = run_journeyctl("render", SAAS, "--today", TODAY, "-o", "/proc/self/fd/1", cwd=tmp_path)
    assert (page.returncode, page.stderr) == (0, "")
    assert page.stdout == run_journeyctl("render", SAAS, "--today", TODAY, cwd=tmp_path).stdout
    schema = run_journeyctl("schema", "-o", "/proc/self/fd/1", cwd=tmp_path)
    assert (schema.returncode, schema.stderr) == (0, "")
    assert schema.stdout.startswith("{")


FMT_NOTES = ("Would reformat: ", "1 file would be reformatted.")
# Commands that print; lint's output is longer than a pipe holds, so it meets the closed pipe.
PRINTERS = {
    "lint": ["lint", "MAPS", "--today", "2030-01-01"],
    "lint-json": ["lint", "MAPS", "--today", "2030-01-01", "--format", "json"],
    "lint-sarif": ["lint", "MAPS", "--today", "2030-01-01", "--format", "sarif"],
    "rules": ["rules"],
    "diff": ["diff", str(CHECKOUT), str(SAAS)],
    "diff-markdown": ["diff", str(CHECKOUT), str(SAAS), "--format", "markdown"],
    "render": ["render", str(SAAS), "--today", TODAY],
    "render-markdown": ["render", str(SAAS), "--format", "markdown", "--today", TODAY],
    "fmt-diff": ["fmt", "--diff", "MAPS/map-00.journey.yaml"],
    "schema": ["schema"],
}


@pytest.fixture(scope="module")
def maps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 copies of the examples (each found stale in 2030, so lint prints a lot); fmt would reformat them all."""
    folder = tmp_path_factory.mktemp("maps")
    shutil.copy(EXAMPLES / "personas.yaml", folder)
    for number in range(40):
        example = sorted(EXAMPLES.glob("*.journey.yaml"))[number % 3]
        text = example.read_text(encoding="utf-8").replace("\nid: ", f"\nid: copy-{number}-", 1)
        (folder / f"map-{number:02}.journey.yaml").write_text(
            text.replace("\ntitle: ", "\ntitle:   "), encoding="utf-8"
        )
    return folder


@pytest.mark.parametrize("name", sorted(PRINTERS))
def test_a_reader_that_goes_away_ends_the_command_quietly(maps: Path, name: str) -> None:
    args = [arg.replace("MAPS", str(maps)) for arg in PRINTERS[name]]
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    writer = subprocess.Popen(
        [sys.executable, "-m", "journeyctl", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    reader = subprocess.run(["head", "-c", "100"], stdin=writer.stdout, capture_output=True, timeout=60)
    assert writer.stdout is not None
    writer.stdout.close()
    stderr = writer.communicate(timeout=120)[1].decode()
    assert len(reader.stdout) == 100
    # fmt --diff tells on stderr which file it would change, and how many.
    assert [line for line in stderr.splitlines() if not (name == "fmt-diff" and line.startswith(FMT_NOTES))] == []
    # Exit 1, the output being incomplete; a short output may all fit in the pipe before the reader leaves.
    assert writer.returncode == 1 if name.startswith("lint") else writer.returncode in (0, 1)


@pytest.mark.parametrize(
    ("args", "refusal"),
    [
        (["render", "m.journey.yaml", "-o", "m.journey.yaml"], "Cannot write m.journey.yaml: it is one of the files"),
        (
            ["render", "m.journey.yaml", "-f", "markdown", "-o", "./m.journey.yaml"],
            "Cannot write ./m.journey.yaml: it is the same file as m.journey.yaml, one of the files",
        ),
        (
            ["render", "m.journey.yaml", "online-store-checkout.html", "-o", "."],
            "Cannot write ./online-store-checkout.html: it is the same file as online-store-checkout.html, one of the files",
        ),
        (
            ["lint", "m.journey.yaml", "--format", "json", "-o", "m.journey.yaml"],
            "Cannot write m.journey.yaml: it is one of the files",
        ),
    ],
    ids=["render", "render markdown", "render site", "lint"],
)
def test_output_over_a_map_being_read_is_refused(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], refusal: str
) -> None:
    # One slip of the keyboard would replace the map with its own page or report.
    shutil.copy(SAAS, tmp_path / "m.journey.yaml")
    shutil.copy(CHECKOUT, tmp_path / "online-store-checkout.html")  # a map, whatever its name
    shutil.copy(EXAMPLES / "personas.yaml", tmp_path / "personas.yaml")
    monkeypatch.chdir(tmp_path)
    result = cli(*args, "--today", TODAY)
    assert result.code == 2
    assert result.err == f"journeyctl: {refusal} this command reads; choose another output.\n"
    assert (tmp_path / "m.journey.yaml").read_bytes() == SAAS.read_bytes()
    assert (tmp_path / "online-store-checkout.html").read_bytes() == CHECKOUT.read_bytes()
