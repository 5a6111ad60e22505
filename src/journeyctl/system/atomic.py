"""Writing files so that a reader never sees half a file, and a failure changes nothing.

Not even a power cut: the new content reaches the disk (fsync) before it replaces the old
file, else a crash soon after the rename can leave an empty file where the user's was (ext4,
XFS and btrfs may commit the rename before the data). The folder is synced after the rename so
that the new name survives too; a site of many pages syncs its folder once, after the last.
"""

from __future__ import annotations

import errno
import os
import tempfile
import threading
from collections.abc import Iterable

from journeyctl.core.errors import OutputError

# A folder we may write in but not read, or a file system that cannot sync folders (some
# network and FUSE ones): the file itself is synced and in place, there is nothing more to do.
_CANNOT_SYNC_FOLDER = {errno.EACCES, errno.EPERM, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF}


def write_atomically(path: str, content: str | bytes, sync_folder: bool = True) -> None:
    """Write `content` to `path` through a temporary file in the same folder.

    The file is replaced in one step (os.replace) once its content is on disk; when
    anything fails, the existing file is left as it was and OutputError says why in
    plain words. A symbolic link stays a link: the file it points to gets the content.
    A device or a pipe (`/dev/null`, `/dev/stdout`) is written to, never replaced.
    With `sync_folder=False` the caller syncs the folder itself (fsync_folder), once
    for many files.
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
            stream.flush()
            # mkstemp makes the file private (0600): give it the mode the file had, or a new file's.
            os.chmod(temporary, os.stat(target).st_mode & 0o7777 if os.path.exists(target) else 0o666 & ~_umask())
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise OutputError(f"Cannot write {path}: {error.strerror or error}.") from None
    if sync_folder:
        fsync_folder(folder)


def fsync_folder(folder: str) -> None:
    """Make the names just created or replaced in `folder` survive a crash (POSIX; elsewhere nothing)."""
    if os.name != "posix":  # Windows cannot open a folder to sync it
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        if error.errno in _CANNOT_SYNC_FOLDER:
            return
        raise OutputError(f"Cannot write in {folder}: {error.strerror or error}.") from None
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno not in _CANNOT_SYNC_FOLDER:
            raise OutputError(f"Cannot write in {folder}: {error.strerror or error}.") from None
    finally:
        os.close(descriptor)


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


_UMASK = threading.Lock()


def _umask() -> int:
    with _UMASK:  # the umask is read by setting it: one thread at a time (a site writes pages from threads)
        mask = os.umask(0)
        os.umask(mask)
    return mask
