"""Writing files so that a reader never sees half a file, and a failure changes nothing."""

from __future__ import annotations

import os
import tempfile

from journeyctl.errors import OutputError


def write_atomically(path: str, content: str | bytes) -> None:
    """Write `content` to `path` through a temporary file in the same folder.

    The file is replaced in one step (os.replace); when anything fails, the
    existing file is left as it was and OutputError says why in plain words.
    """
    folder = os.path.dirname(os.path.abspath(path))
    data = content.encode("utf-8") if isinstance(content, str) else content
    if not os.path.isdir(folder):
        raise OutputError(f"Cannot write {path}: the folder {folder} does not exist.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=".journeyctl-", dir=folder)
    except OSError as error:
        raise OutputError(f"Cannot write {path}: {error.strerror or error}.") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if os.path.exists(path):
            os.chmod(temporary, os.stat(path).st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as error:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise OutputError(f"Cannot write {path}: {error.strerror or error}.") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
