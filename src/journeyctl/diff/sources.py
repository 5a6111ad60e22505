"""One side of a diff: a map file, `/dev/null` (no map), or `REV:PATH` read from git."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from typing import Optional

from journeyctl.check.service import Checker, load_error_finding
from journeyctl.core.errors import InvalidInput, JourneyctlError, LoadError, UsageError
from journeyctl.model import MapModel
from journeyctl.source.discovery import no_such_path
from journeyctl.source.loader import MAX_FILE_BYTES, check_size, decode

NO_FILE = os.devnull


@dataclass
class Side:
    """A side as given (`label`, what messages show) and its map, None when there is no map."""

    label: str
    model: Optional[MapModel]


class GitError(JourneyctlError):
    """git could not give the file: unknown revision, path not in it, not a repository."""


def read_side(spec: str) -> Side:
    """The map named by `spec`: an existing file first, then `REV:PATH` from git.

    A PATH of `REV:PATH` is taken relative to the current folder, as git's
    `REV:./PATH`; an absolute PATH works too.
    """
    if spec == NO_FILE:
        return Side(spec, None)
    if os.path.isdir(spec):
        raise UsageError(f"{spec} is a folder; diff compares two map files.")
    if ":" not in spec and not os.path.lexists(spec):
        raise UsageError(no_such_path(spec))
    if os.path.exists(spec) or ":" not in spec:
        return Side(spec, load_side(spec))
    revision, path = spec.split(":", 1)
    return Side(spec, load_side(spec, text_of(git_show(revision, path), spec)))


def load_side(label: str, text: Optional[str] = None) -> MapModel:
    """Load and validate a map (the file `label`, or `text`) with the diff's checks (RULE_SETS).

    Raises InvalidInput with positioned findings.
    """
    checker = Checker("diff")
    checked = checker.check_file(label) if text is None else checker.check_text(text, label)
    return checked.require()[1]


def text_of(raw: bytes, label: str) -> str:
    """Bytes of a map as text, or InvalidInput with a positioned E001 (or E003: too large)."""
    try:
        check_size(len(raw))
        return decode(raw)
    except LoadError as error:
        raise InvalidInput([load_error_finding(label, error)]) from None


def git_show(revision: str, path: str) -> bytes:
    """The bytes of PATH (relative to the current folder) at REVISION, through `git show`."""
    asked = f"{revision}:{path}"
    if revision.startswith("-"):
        raise UsageError(f"`{revision}` is not a git revision.")
    if os.path.isabs(path):
        path = os.path.relpath(path)
    if not path.startswith(("./", "../")) and path not in (".", ".."):
        path = "./" + path
    spec = f"{revision}:{path}"
    try:
        process = subprocess.Popen(
            ["git", "show", "--no-textconv", spec], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
    except OSError as error:
        raise GitError(f"cannot run git to read {asked}: {error.strerror or error}.") from None
    with process:
        assert process.stdout is not None and process.stderr is not None
        # No more than the size limit is read: a huge file in history is refused, not loaded.
        raw = process.stdout.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            process.kill()
            text_of(raw, asked)
        stderr = process.stderr.read()
    if process.returncode != 0:
        raise GitError(f"cannot read {asked} from git: {_first_error(stderr)}")
    if raw.startswith(f"tree {spec}\n\n".encode()):
        raise GitError(f"{asked} is a folder in git, not a map file.")
    return raw


def _first_error(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    fatal = next((line for line in lines if line.startswith(("fatal:", "error:"))), lines[0] if lines else "git failed")
    message = fatal.split(":", 1)[1].strip() if fatal.startswith(("fatal:", "error:")) else fatal
    return message if message.endswith(".") else message + "."
