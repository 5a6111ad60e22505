"""git integration: the external diff protocol (`git-diff`) and its setup (`git-setup`).

git calls an external diff driver with 7 arguments (path, old-file, old-hex,
old-mode, new-file, new-hex, new-mode), 9 for a rename (plus the new path and
git's rename lines) and 1 for an unmerged path; an added or deleted file has
/dev/null on one side.
"""

from __future__ import annotations

import difflib
import os
import shlex
import subprocess
import sys
from typing import Optional, TextIO

from journeyctl.core.errors import InvalidInput, JourneyctlError, UsageError
from journeyctl.core.findings import format_finding
from journeyctl.core.textsafety import terminal_text
from journeyctl.diff import report_text
from journeyctl.diff.changes import DiffResult
from journeyctl.diff.differ import diff_maps
from journeyctl.diff.sources import NO_FILE, load_side, text_of
from journeyctl.model import MapModel
from journeyctl.source.loader import MAX_FILE_BYTES
from journeyctl.system.atomic import write_atomically

# Journey maps, and persona libraries as the docs name them (`personas.yaml`, `team.personas.yaml`).
ATTRIBUTE_PATTERNS = ("*.journey.yaml", "personas.yaml", "*.personas.yaml")
ATTRIBUTE = "diff=journeyctl"
CONFIG_KEY = "diff.journeyctl.command"
DRIVER_ARGUMENTS = "-m journeyctl git-diff"


def driver_command() -> str:
    """The command git runs: this journeyctl's Python by absolute path, as pre-commit does for its
    hooks, so that it works where the virtualenv is not on PATH (a GUI git client, another shell)."""
    return f"{shlex.quote(sys.executable)} {DRIVER_ARGUMENTS}"


def _is_ours(command: str) -> bool:
    """Whether a configured command is a journeyctl driver (perhaps of an old virtualenv), not a team's own."""
    return command.endswith(("journeyctl git-diff", DRIVER_ARGUMENTS))


def external_diff(args: list[str], out: TextIO) -> int:
    """Show one file's change for git; 0 whenever the arguments are git's.

    git stops the whole diff when a driver fails, so a side that does not load
    (a broken map in history) is shown as a plain unified diff with a note.
    """
    if len(args) == 1:
        out.write(f"* Unmerged path {terminal_text(args[0])}\n")
        return 0
    if len(args) not in (7, 9):
        raise UsageError(
            f"git-diff takes the 7 arguments git gives an external diff driver (9 for a rename), not {len(args)}."
        )
    path, old_file, new_file = args[0], args[1], args[4]
    new_path = args[7] if len(args) == 9 else path
    out.write(f"diff --journeyctl a/{terminal_text(path)} b/{terminal_text(new_path)}\n")
    if len(args) == 9 and args[8]:
        out.write(args[8] if args[8].endswith("\n") else args[8] + "\n")
    old_label = NO_FILE if old_file == NO_FILE else f"a/{path}"
    new_label = NO_FILE if new_file == NO_FILE else f"b/{new_path}"
    old_raw, new_raw = _read(old_file), _read(new_file)
    try:
        old, new = _model(old_label, old_raw), _model(new_label, new_raw)
        result = DiffResult(old_label, new_label, old, new, diff_maps(old, new))
    except InvalidInput as error:
        finding = format_finding(error.findings[0]).rstrip(".")
        if max(len(old_raw or b""), len(new_raw or b"")) > MAX_FILE_BYTES:
            out.write(f"journeyctl: {finding}; not shown.\n")
            return 0
        return _plain_diff(old_label, old_raw, new_label, new_raw, f"{finding}; showing a plain diff instead.", out)
    except Exception as error:  # a bug must not abort the user's whole `git diff`
        note = f"internal error: {type(error).__name__}: {error}; showing a plain diff instead."
        return _plain_diff(old_label, old_raw, new_label, new_raw, note, out)
    report_text.write(result, out)
    return 0


def _read(path: str) -> Optional[bytes]:
    if path == NO_FILE:
        return None
    try:
        with open(path, "rb") as handle:
            # A side over the size limit is read no further: text_of refuses it (E003).
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise UsageError(f"Cannot read {path}: {error.strerror or error}.") from None


def _model(label: str, raw: Optional[bytes]) -> Optional[MapModel]:
    return None if raw is None else load_side(label, text_of(raw, label))


def _plain_diff(
    old_label: str, old_raw: Optional[bytes], new_label: str, new_raw: Optional[bytes], note: str, out: TextIO
) -> int:
    out.write(f"journeyctl: {terminal_text(note)}\n")
    old_lines = (old_raw or b"").decode("utf-8", "replace").splitlines(keepends=True)
    new_lines = (new_raw or b"").decode("utf-8", "replace").splitlines(keepends=True)
    # The lines are the file's own, as git shows them; the labels are file names from the repository.
    for line in difflib.unified_diff(old_lines, new_lines, terminal_text(old_label), terminal_text(new_label)):
        out.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return 0


def setup_git(out: TextIO) -> None:
    """Configure the current repository for semantic diffs of maps; running it again changes nothing.

    Adds the missing `PATTERN diff=journeyctl` lines to the top-level .gitattributes and
    sets `diff.journeyctl.command` in the repository's config to this journeyctl (updating
    a journeyctl driver of another virtualenv; a team's own command is left as it is).
    """
    top = _git("rev-parse", "--show-toplevel")
    if top is None:
        raise JourneyctlError(
            "git-setup works inside a git repository, and this folder is not in one (or git is not installed)."
        )
    _add_attributes(os.path.join(top.strip(), ".gitattributes"), out)
    _set_command(out)
    out.write("`git diff` now shows journey maps by meaning; `git log -p` needs `--ext-diff` for it.\n")


def _add_attributes(attributes: str, out: TextIO) -> None:
    existing = _read_if_present(attributes)
    missing = [pattern for pattern in ATTRIBUTE_PATTERNS if not _has_attribute(existing, pattern)]
    if not missing:
        out.write(f".gitattributes already has `{ATTRIBUTE}` for {', '.join(ATTRIBUTE_PATTERNS)}.\n")
        return
    newline = b"\r\n" if b"\r\n" in existing else b"\n"
    separator = newline if existing and not existing.endswith(b"\n") else b""
    lines = [f"{pattern} {ATTRIBUTE}" for pattern in missing]
    write_atomically(attributes, existing + separator + b"".join(line.encode() + newline for line in lines))
    shown = ", ".join(f"`{line}`" for line in lines)
    out.write(f"Added {shown} to {attributes}; commit it so that everyone's git uses it.\n")


def _set_command(out: TextIO) -> None:
    wanted = driver_command()
    command = (_git("config", "--local", "--get", CONFIG_KEY) or "").strip()
    if command == wanted:
        out.write(f"git config {CONFIG_KEY} is already `{wanted}`.\n")
        return
    if command and not _is_ours(command):
        out.write(f"git config {CONFIG_KEY} is set to `{command}`; leaving it as it is.\n")
        return
    if _git("config", "--local", CONFIG_KEY, wanted) is None:
        raise JourneyctlError(f"git could not set {CONFIG_KEY} in this repository's config.")
    was = f" (it was `{command}`)" if command else ""
    out.write(f"Set git config {CONFIG_KEY} to `{wanted}`{was}.\n")


def _read_if_present(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return b""
    except OSError as error:
        raise JourneyctlError(f"Cannot read {path}: {error.strerror or error}.") from None


def _has_attribute(content: bytes, pattern: str) -> bool:
    for line in content.decode("utf-8", "replace").splitlines():
        parts = line.split()
        if parts and parts[0] == pattern and ATTRIBUTE in parts[1:]:
            return True
    return False


def _git(*args: str) -> Optional[str]:
    """git's output, or None when git fails or is missing."""
    try:
        done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None
