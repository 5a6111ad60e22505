"""Writing files so that a reader never sees half a file, and a failure changes nothing."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable

from journeyctl.core.errors import OutputError


def write_atomically(path: str, content: str | bytes) -> None:
    """Write `content` to `path` through a temporary file in the same folder.

    The file is replaced in one step (os.replace); when anything fails, the
    existing file is left as it was and OutputError says why in plain words.
    A symbolic link stays a link: the file it points to gets the content. A
    device or a pipe (`/dev/null`, `/dev/stdout`) is written to, never replaced.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    if os.path.exists(path) and not os.path.isfile(path):
        _write_in_place(path, data)
        return
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        raise OutputError(f"Cannot write {path}: the folder {os.path.dirname(os.path.abspath(path))} does not exist.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=".journeyctl-", dir=folder)
    except OSError as error:
        raise OutputError(f"Cannot write {path}: {error.strerror or error}.") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if os.path.exists(target):
            os.chmod(temporary, os.stat(target).st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except OSError as error:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise OutputError(f"Cannot write {path}: {error.strerror or error}.") from None


def check_writable(path: str) -> None:
    """Fail early, before any work, when the folder `path` would be written in is missing or read-only."""
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OutputError(f"Cannot write {path}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK | os.X_OK, effective_ids=os.access in os.supports_effective_ids):
        raise OutputError(f"Cannot write {path}: Permission denied.")


def check_not_read(path: str, inputs: Iterable[str]) -> None:
    """Refuse to write over a file the command has read: `render map.yaml -o map.yaml`
    would replace the map with its own page."""
    if not os.path.exists(path):
        return
    for source in inputs:
        try:
            same = os.path.samefile(path, source)
        except OSError:
            continue
        if same:
            which = "one of the files" if source == path else f"the same file as {source}, one of the files"
            raise OutputError(f"Cannot write {path}: it is {which} this command reads; choose another output.")


def _write_in_place(path: str, data: bytes) -> None:
    if os.path.isdir(path):
        raise OutputError(f"Cannot write {path}: it is a folder.")
    try:
        with open(path, "wb") as stream:
            stream.write(data)
    except OSError as error:
        raise OutputError(f"Cannot write {path}: {error.strerror or error}.") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
