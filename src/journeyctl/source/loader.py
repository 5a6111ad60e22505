"""The one loader: a file's bytes to plain data plus a SourceMap of positions.

Uses ruamel.yaml's libyaml-backed composer where it is installed (ten times
faster than the pure-Python one) and converts nodes itself, so that it can apply
YAML 1.2 scalar rules and reject what a journey map never needs: duplicate keys,
custom tags, several documents, alias bombs and absurd nesting.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from typing import Any

from journeyctl.core.errors import LoadError
from journeyctl.core.positions import SourceMap
from journeyctl.source.composer import compose_text
from journeyctl.source.yamlerrors import LINE_BREAKS
from journeyctl.source.yamlnodes import NodeConverter

MAX_FILE_BYTES = 10 * 1024 * 1024
BOM = b"\xef\xbb\xbf"
SUPPORTED_VERSIONS = (1,)
KINDS = ("journey", "personas")

_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}
_MAP_MARKER = re.compile(rb"^[\"']?journeyctl[\"']?[ \t]*:", re.MULTILINE)
_BLANK = re.compile(rb"\s*")
_FLOW_MARKER = re.compile(rb"[{,]\s*(?:\"journeyctl\"|'journeyctl'|journeyctl)\s*:")


@dataclass
class Document:
    """A loaded YAML file: its data, its kind, and where everything is."""

    path: str
    data: dict[str, Any]
    source: SourceMap

    @property
    def kind(self) -> str:
        return str(self.data.get("kind", "journey"))


def read_bytes(path: str) -> bytes:
    """Read a file, turning OS errors into a positioned E001.

    Only regular files are read (a named pipe would wait for a writer for ever),
    and a file over the size limit is refused before any of it is read.
    """
    try:
        # Non-blocking, so that opening a named pipe does not wait for a writer.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise LoadError(
                    "E001", 1, 1, f"The file cannot be read: it is {_file_type(status.st_mode)}, not a regular file."
                )
            check_size(status.st_size)
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise LoadError("E001", 1, 1, f"The file cannot be read: {_reason(path, error)}.") from None
    check_size(len(raw))  # it may have grown while being read
    return raw


def check_size(size: int) -> None:
    """The size limit, as a positioned E003, for a file or any other source of a map (git)."""
    if size > MAX_FILE_BYTES:
        raise LoadError(
            "E003", 1, 1, f"The file is larger than the {MAX_FILE_BYTES // 2**20} MiB limit for a journey map."
        )


def _file_type(mode: int) -> str:
    # Folders do not get here: opening one as a file fails with "Is a directory".
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def _reason(path: str, error: OSError) -> str:
    if error.errno == errno.ENOENT and os.path.islink(path):
        return f"it is a symbolic link to {os.readlink(path)}, which does not exist"
    if error.errno == errno.ELOOP:
        return "it is a symbolic link that leads back to itself (a loop)"
    return error.strerror or str(error)


def looks_like_map(raw: bytes) -> bool:
    """True when the file has a top-level `journeyctl:` key (cheap text test).

    The key is looked for at the start of a line, or, in a file written in
    JSON-style flow (`{"journeyctl": 1, ...}`), as a key of the flow mapping (at
    any depth: a file that merely nests one is then reported as not a map, not
    skipped). Byte order marks are looked through, so that a map saved with one
    is linted (and told about its encoding) rather than skipped.
    """
    if raw.startswith(BOM):
        raw = raw[3:]
    for bom, name in _BOMS.items():
        if raw.startswith(bom):
            raw = raw.decode(name, errors="replace").encode("utf-8")
            break
    if _MAP_MARKER.search(raw) is not None:
        return True
    return _starts_flow_mapping(raw) and _FLOW_MARKER.search(raw) is not None


def _starts_flow_mapping(raw: bytes) -> bool:
    """Whether the content starts with `{`, after blank lines, comments, directives and one `---`."""
    position, started = 0, False
    while True:
        position = _BLANK.match(raw, position).end()  # type: ignore[union-attr]  # `\s*` always matches
        if raw.startswith((b"#", b"%"), position):
            position = raw.find(b"\n", position)
            if position < 0:
                return False
        elif not started and raw.startswith(b"---", position) and raw[position + 3 : position + 4].isspace():
            position, started = position + 3, True
        else:
            return raw.startswith(b"{", position)


def decode(raw: bytes) -> str:
    """UTF-8 text from bytes (a UTF-8 BOM is allowed), or a positioned E001."""
    for bom, name in _BOMS.items():
        if raw.startswith(bom):
            raise LoadError("E001", 1, 1, f"The file is saved as {name}; save it as UTF-8.")
    if b"\x00" in raw[:2]:
        # ASCII text saved as UTF-16 or UTF-32 without a BOM has a NUL beside each letter.
        raise LoadError(
            "E001",
            1,
            1,
            (
                "The file starts with NUL bytes: it is saved as UTF-16 or "
                "UTF-32, or it is not a text file; save it as UTF-8 text."
            ),
        )
    if raw.startswith(BOM):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        # Lines as the parser counts them; columns in characters, as editors count, not bytes.
        lines = LINE_BREAKS.split(raw[: error.start].decode("utf-8"))
        line, column = len(lines), len(lines[-1]) + 1
        byte = raw[error.start]
        raise LoadError(
            "E001",
            line,
            column,
            f"Byte 0x{byte:02X} is not valid UTF-8 (the file may be saved as Latin-1 or "
            "Windows-1252); save it as UTF-8.",
        ) from None


def parse_document(text: str, path: str) -> Document:
    """Compose and convert YAML text; checks the top level is a journeyctl file."""
    root = compose_text(text)
    if root is None or (root.id == "scalar" and root.tag == "tag:yaml.org,2002:null" and not root.value):
        raise LoadError("E003", 1, 1, "The file is empty: a journey map starts with `journeyctl: 1`.")
    if root.tag != "tag:yaml.org,2002:map":
        line, column = root.start_mark.line + 1, root.start_mark.column + 1
        raise LoadError(
            "E003",
            line,
            column,
            "The top level must be a mapping of keys (`journeyctl: 1`, `title: ...`), not a list or a single value.",
        )
    data = NodeConverter().convert(root)
    document = Document(path, data, SourceMap(root))
    _check_header(document)
    return document


def load_document(path: str) -> Document:
    """Read, decode and parse one journeyctl file."""
    return parse_document(decode(read_bytes(path)), path)


def _check_header(document: Document) -> None:
    data, source = document.data, document.source
    supported = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
    if "journeyctl" not in data:
        raise LoadError(
            "E003",
            1,
            1,
            (
                "This is not a journeyctl file: the top-level key `journeyctl: 1` "
                f"(the format version) is missing. Supported versions: {supported}."
            ),
        )
    version = data["journeyctl"]
    if type(version) is not int or version not in SUPPORTED_VERSIONS:
        line, column = source.locate(("journeyctl",))
        if type(version) is not int:
            raise LoadError(
                "E003",
                line,
                column,
                (
                    "The format version must be a whole number without quotes, "
                    f"as in `journeyctl: 1`; this is {_spelled(version)}."
                ),
            )
        newer = " A newer journeyctl may read it." if version > max(SUPPORTED_VERSIONS) else ""
        raise LoadError(
            "E003",
            line,
            column,
            f"Format version `{version}` is not supported; this journeyctl reads version {supported}.{newer}",
        )
    kind = data.get("kind", "journey")
    if kind not in KINDS:
        line, column = source.locate(("kind",))
        choices = "use `journey` for a journey map or `personas` for a persona library"
        if isinstance(kind, str):
            raise LoadError("E003", line, column, f"Unknown kind `{kind}`: {choices}.")
        raise LoadError("E003", line, column, f"`kind` must be text: {choices}; this is {_spelled(kind)}.")


def _spelled(value: Any) -> str:
    """What a header value is, for messages: text (`"1"`), `true`, empty, a list."""
    if isinstance(value, str):
        return f'text (`"{value[:40]}"`)'
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if value is None:
        return "empty"
    if isinstance(value, (list, dict)):
        return "a list" if isinstance(value, list) else "a mapping"
    return f"`{value}`"
