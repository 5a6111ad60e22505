"""Hostile and broken files: each is one positioned finding (E001-E003, E012), never a traceback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from journeyctl.check.service import Checker
from journeyctl.config.settings import Settings
from journeyctl.core.errors import LoadError
from journeyctl.source.loader import MAX_FILE_BYTES, load_document

HEAD = b"journeyctl: 1\nid: checkout\ntitle: Checkout\n"
NOT_ALLOWED = "is not allowed: journey maps hold plain text, numbers, lists and mappings only."
# docs/security.md: 64 levels at most.
TOO_DEEP = "The file nests deeper than 64 levels; a journey map needs fewer than ten."
EMPTY = "The file is empty: a journey map starts with `journeyctl: 1`."
BOMB = "Aliases (`*name`) expand to more than 10,000 values; this looks like an alias bomb, not a journey map."


def laughs(levels: int, width: int) -> bytes:
    lines = [b"journeyctl: 1", b"l0: &l0 [" + b", ".join([b"lol"] * width) + b"]"]
    for level in range(1, levels):
        refs = b", ".join([f"*l{level - 1}".encode()] * width)
        lines.append(f"l{level}: &l{level} [".encode() + refs + b"]")
    return b"\n".join(lines) + b"\n"


# name, file content, (code, line, column, message)
HOSTILE = [
    ("empty file", b"", ("E003", 1, 1, EMPTY)),
    ("comments only", b"# A map will go here\n\n# one day\n", ("E003", 1, 1, EMPTY)),
    ("whitespace only", b"   \n\n  \n", ("E003", 1, 1, EMPTY)),
    (
        "duplicate key",
        HEAD + b"title: Again\n",
        ("E002", 4, 1, "The key `title` appears twice in this mapping (first on line 3); remove one."),
    ),
    (
        "duplicate key deep",
        HEAD + b"stages:\n  - id: a\n    name: A\n    name: B\n",
        ("E002", 7, 5, "The key `name` appears twice in this mapping (first on line 6); remove one."),
    ),
    (
        "python tag",
        HEAD + b"owner: !!python/object/apply:os.system [ls]\n",
        ("E003", 4, 8, f"The tag `!!python/object/apply:os.system` {NOT_ALLOWED}"),
    ),
    (
        "python name tag on a key",
        HEAD + b"!!python/name:os.system x: 1\n",
        ("E003", 4, 1, f"The tag `!!python/name:os.system` {NOT_ALLOWED}"),
    ),
    ("custom tag", HEAD + b"owner: !foo bar\n", ("E003", 4, 8, f"The tag `!foo` {NOT_ALLOWED}")),
    ("custom tag on a list", HEAD + b"tags: !set [a, b]\n", ("E003", 4, 7, f"The tag `!set` {NOT_ALLOWED}")),
    ("binary tag", HEAD + b"owner: !!binary aGk=\n", ("E003", 4, 8, f"The tag `!!binary` {NOT_ALLOWED}")),
    (
        "int tag on text",
        HEAD + b"owner: !!int abc\n",
        ("E003", 4, 8, "The tag `!!int` does not fit this value: remove the tag."),
    ),
    (
        "bool tag on yes",
        HEAD + b"owner: !!bool yes\n",
        ("E003", 4, 8, "The tag `!!bool` does not fit this value: remove the tag."),
    ),
    (
        "seq tag on text",
        HEAD + b"owner: !!seq abc\n",
        ("E003", 4, 8, "The tag `!!seq` does not fit this value: remove the tag."),
    ),
    (
        "str tag on a list",
        HEAD + b"owner: !!str [a]\n",
        ("E003", 4, 8, "The tag `!!str` does not fit this value: remove the tag."),
    ),
    (
        "several documents",
        HEAD + b"---\njourneyctl: 1\n",
        ("E003", 4, 1, "The file holds several YAML documents (`---`); a journey map is one document per file."),
    ),
    (
        "document start then several",
        b"---\njourneyctl: 1\n---\nid: x\n",
        ("E003", 3, 1, "The file holds several YAML documents (`---`); a journey map is one document per file."),
    ),
    (
        "top level list",
        b"- journeyctl: 1\n",
        (
            "E003",
            1,
            1,
            "The top level must be a mapping of keys (`journeyctl: 1`, `title: ...`), not a list or a single value.",
        ),
    ),
    (
        "top level text",
        b"# notes\nhello world\n",
        (
            "E003",
            2,
            1,
            "The top level must be a mapping of keys (`journeyctl: 1`, `title: ...`), not a list or a single value.",
        ),
    ),
    (
        "version 2",
        b"journeyctl: 2\n",
        (
            "E003",
            1,
            13,
            "Format version `2` is not supported; this journeyctl reads version 1. A newer journeyctl may read it.",
        ),
    ),
    (
        "version 0",
        b"journeyctl: 0\n",
        ("E003", 1, 13, "Format version `0` is not supported; this journeyctl reads version 1."),
    ),
    (
        "version as text",
        b"journeyctl: v1\n",
        (
            "E003",
            1,
            13,
            'The format version must be a whole number without quotes, as in `journeyctl: 1`; this is text (`"v1"`).',
        ),
    ),
    (
        "version true",
        b"journeyctl: true\n",
        (
            "E003",
            1,
            13,
            "The format version must be a whole number without quotes, as in `journeyctl: 1`; this is `true`.",
        ),
    ),
    (
        "version empty",
        b"journeyctl:\nid: x\n",
        (
            "E003",
            1,
            12,
            "The format version must be a whole number without quotes, as in `journeyctl: 1`; this is empty.",
        ),
    ),
    (
        "version missing",
        b"id: checkout\ntitle: Checkout\n",
        (
            "E003",
            1,
            1,
            "This is not a journeyctl file: the top-level key `journeyctl: 1` (the format version) is missing. Supported versions: 1.",
        ),
    ),
    (
        "version only nested",
        b"x:\n  journeyctl: 1\n",
        (
            "E003",
            1,
            1,
            "This is not a journeyctl file: the top-level key `journeyctl: 1` (the format version) is missing. Supported versions: 1.",
        ),
    ),
    (
        "kind other",
        b"journeyctl: 1\nkind: other\n",
        ("E003", 2, 7, "Unknown kind `other`: use `journey` for a journey map or `personas` for a persona library."),
    ),
    ("alias over budget", laughs(9, 9), ("E003", 6, 5, BOMB)),
    (
        "recursive alias",
        HEAD + b"stages: &s\n  - *s\n",
        ("E003", 4, 9, "An alias refers to the collection that contains it, which would never end."),
    ),
    (
        "recursive mapping alias",
        b"journeyctl: 1\nx: &m {a: *m}\n",
        ("E003", 2, 4, "An alias refers to the collection that contains it, which would never end."),
    ),
    (
        "undefined alias",
        HEAD + b"owner: *team\n",
        ("E001", 4, 8, "This alias (`*name`) refers to an anchor (`&name`) that is not defined before it."),
    ),
    (
        "nesting just over the limit",
        HEAD + b"tags: " + b"[" * 65 + b"]" * 65 + b"\n",
        ("E003", 4, 71, TOO_DEEP),
    ),
    (
        "tab indentation",
        HEAD + b"stages:\n\t- id: pay\n",
        ("E001", 5, 1, "A tab character is used for indentation; YAML allows only spaces there."),
    ),
    (
        "tab after spaces",
        HEAD + b"stages:\n  - id: pay\n  \tname: Pay\n",
        ("E001", 6, 3, "A tab character is used for indentation; YAML allows only spaces there."),
    ),
    (
        "utf-8 bom then tab",
        b"\xef\xbb\xbf" + HEAD + b"stages:\n\t- id: pay\n",
        ("E001", 5, 1, "A tab character is used for indentation; YAML allows only spaces there."),
    ),
    (
        "utf-16 with bom",
        "journeyctl: 1\n".encode("utf-16"),
        ("E001", 1, 1, "The file is saved as UTF-16; save it as UTF-8."),
    ),
    (
        "utf-16 big endian with bom",
        "journeyctl: 1\n".encode("utf-16-be").join([b"\xfe\xff", b""]),
        ("E001", 1, 1, "The file is saved as UTF-16; save it as UTF-8."),
    ),
    (
        "utf-32 with bom",
        "journeyctl: 1\n".encode("utf-32"),
        ("E001", 1, 1, "The file is saved as UTF-32; save it as UTF-8."),
    ),
    (
        "utf-16 without bom",
        "journeyctl: 1\n".encode("utf-16-le"),
        (
            "E001",
            1,
            1,
            "The file starts with NUL bytes: it is saved as UTF-16 or UTF-32, or it is not a text file; save it as UTF-8 text.",
        ),
    ),
    (
        "latin-1",
        HEAD + "owner: José Müller\n".encode("latin-1"),
        (
            "E001",
            4,
            11,
            "Byte 0xE9 is not valid UTF-8 (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8.",
        ),
    ),
    (
        "latin-1 after utf-8 on the line",
        HEAD + "owner: Zürich ".encode() + "Café".encode("cp1252"),
        (
            "E001",
            4,
            18,
            "Byte 0xE9 is not valid UTF-8 (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8.",
        ),
    ),
    (
        "windows-1252 quotes",
        HEAD + b"owner: \x93Payments\x94\n",
        (
            "E001",
            4,
            8,
            "Byte 0x93 is not valid UTF-8 (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8.",
        ),
    ),
    (
        "latin-1 with crlf",
        HEAD.replace(b"\n", b"\r\n") + b"owner: Jos\xe9\r\n",
        (
            "E001",
            4,
            11,
            "Byte 0xE9 is not valid UTF-8 (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8.",
        ),
    ),
    (
        "nul byte in a value",
        HEAD + b"owner: Pay\x00ments\n",
        ("E001", 4, 11, "The file contains a control character (U+0000) that YAML does not allow; remove it."),
    ),
    (
        "escape character",
        HEAD + b"owner: \x1b[31mred\n",
        ("E001", 4, 8, "The file contains a control character (U+001B) that YAML does not allow; remove it."),
    ),
    (
        "binary junk",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        (
            "E001",
            1,
            1,
            "Byte 0x89 is not valid UTF-8 (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8.",
        ),
    ),
    (
        "key that is a list",
        HEAD + b"[a, b]: c\n",
        ("E012", 4, 1, "A key must be a plain word, not a list or a mapping."),
    ),
    (
        "key that is a mapping",
        HEAD + b"? {a: b}\n: c\n",
        ("E012", 4, 3, "A key must be a plain word, not a list or a mapping."),
    ),
    # Valid YAML 1.2 (libyaml refuses it, the pure parser reads it): the map's key is missing.
    ("empty key", HEAD + b": c\n", ("E012", 4, 1, "A key is missing before this `:`.")),
    ("empty key in braces", HEAD + b"scale: {: 1}\n", ("E012", 4, 9, "A key is missing before this `:`.")),
    ("empty complex key", HEAD + b"? \n: c\n", ("E012", 4, 2, "A key is missing before this `:`.")),
    (
        "unclosed quote",
        HEAD + b'owner: "Payments\nstages: []\n',
        ("E001", 4, 8, 'The text quoted here is never closed: add the closing ".'),
    ),
    (
        "unclosed bracket",
        HEAD + b"tags: [a, b\nstages: []\n",
        (
            "E001",
            4,
            7,
            "The list opened here with `[` is not closed with `]`, or a comma is missing between its items.",
        ),
    ),
    (
        "unclosed brace",
        HEAD + b"scale: {min: 1, max: 5\n",
        (
            "E001",
            4,
            8,
            "The mapping opened here with `{` is not closed with `}`, or a comma is missing between its entries.",
        ),
    ),
    (
        "crlf missing colon",
        (HEAD + b"owner Payments\nstages: []\n").replace(b"\n", b"\r\n"),
        ("E001", 4, 1, "A `:` is missing on this line: write `key: value`."),
    ),
]


@pytest.mark.parametrize(("content", "expected"), [pytest.param(c, e, id=n) for n, c, e in HOSTILE])
def test_hostile_file_is_one_positioned_error(
    tmp_path: Path, content: bytes, expected: tuple[str, int, int, str]
) -> None:
    path = tmp_path / "hostile.journey.yaml"
    path.write_bytes(content)
    with pytest.raises(LoadError) as caught:
        load_document(str(path))
    error = caught.value
    assert (error.code, error.line, error.column, error.message) == expected
    findings = Checker("lint", Settings(), date(2026, 11, 23)).check_file(str(path)).findings
    assert [(f.code, f.line, f.column, f.message) for f in findings] == [expected]


def test_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.journey.yaml"
    with open(path, "wb") as handle:
        handle.write(HEAD)
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(LoadError) as caught:
        load_document(str(path))
    assert (caught.value.code, caught.value.line, caught.value.column) == ("E003", 1, 1)
    assert caught.value.message == "The file is larger than the 10 MiB limit for a journey map."


def test_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.journey.yaml"
    comment = b"# " + b"x" * (MAX_FILE_BYTES - len(HEAD) - 3) + b"\n"
    path.write_bytes(HEAD + comment)
    assert path.stat().st_size == MAX_FILE_BYTES
    assert load_document(str(path)).data == {"journeyctl": 1, "id": "checkout", "title": "Checkout"}


def test_missing_file_is_an_unreadable_e001(tmp_path: Path) -> None:
    result = Checker("lint", Settings(), date(2026, 11, 23)).check_file(str(tmp_path / "nope.journey.yaml"))
    assert result.unreadable
    assert [(f.code, f.line, f.column, f.message) for f in result.findings] == [
        ("E001", 1, 1, "The file cannot be read: No such file or directory."),
    ]


def test_folder_named_explicitly_cannot_be_read_as_a_file(tmp_path: Path) -> None:
    result = Checker("lint", Settings(), date(2026, 11, 23)).check_file(str(tmp_path))
    assert result.unreadable
    assert [(f.code, f.message) for f in result.findings] == [("E001", "The file cannot be read: Is a directory.")]


def test_billion_laughs_stops_at_the_budget(tmp_path: Path) -> None:
    # Ten levels of ten: 10**10 values if expanded. Without the budget this
    # would not end in any reasonable time or memory.
    path = tmp_path / "laughs.journey.yaml"
    path.write_bytes(laughs(10, 10))
    with pytest.raises(LoadError) as caught:
        load_document(str(path))
    assert (caught.value.code, caught.value.line, caught.value.message) == ("E003", 5, BOMB)


def test_aliases_within_the_budget_are_expanded(tmp_path: Path) -> None:
    path = tmp_path / "aliases.journey.yaml"
    path.write_bytes(laughs(3, 9))
    data = load_document(str(path)).data
    assert data["l2"] == [[["lol"] * 9] * 9] * 9
