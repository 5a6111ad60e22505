"""Command lines the docs show but do not run (in `sh`, YAML and Jenkinsfile blocks) are ones journeyctl accepts.

Sessions (```` ```console ````) are replayed by test_doc_sessions.py. The other blocks hold
commands for a reader's machine or CI (a path that does not exist here, a CI variable);
they are not run, but each is parsed by the command line itself, so that a renamed option
or command cannot stay in the docs.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from conftest import ROOT

PAGES = [ROOT / "README.md", *sorted(path for path in (ROOT / "docs").rglob("*.md") if "hooks" not in path.parts)]
_BLOCK = re.compile(
    r"^[ \t]*(?P<fence>`{3,})(?P<language>sh|bash|yaml|groovy)\b[^\n]*\n(?P<body>.*?)^[ \t]*(?P=fence)[ \t]*$",
    re.M | re.S,
)
# `journeyctl` as a command: at the start of a shell word (or of a quoted command, as Groovy's
# sh '...'), not `python -m journeyctl` (git's driver line) nor part of a path or an action's name.
_COMMAND = re.compile(r"(?:^|(?<=\s))(?<!-m )(?P<quote>['\"]?)journeyctl (?P<rest>[^\n]*)")


def command_lines(text: str) -> list[str]:
    """The journeyctl command lines of a page's sh, YAML and Jenkinsfile blocks, without the shell around them."""
    found = []
    for block in _BLOCK.finditer(text):
        for match in _COMMAND.finditer(block.group("body")):
            rest = match.group("rest")
            if match.group("quote"):
                rest = rest.split(match.group("quote"), 1)[0]
            # A CI variable (`$JOURNEYCTL_PATHS`, `$(Build.ArtifactStagingDirectory)`) stands for a path.
            rest = re.sub(r"\$\(?[\w.]+\)?", "PATH", rest)
            found.append(" ".join(_shell_words(rest)))
    return found


def _shell_words(line: str) -> list[str]:
    """The words of a shell command, up to a comment, a pipe, a redirection or the next command."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = []
    for word in lexer:
        if word and set(word) <= set("|;&<>()"):
            break
        words.append(shlex.quote(word))
    return words


COMMANDS = sorted(
    {(str(page.relative_to(ROOT)), line) for page in PAGES for line in command_lines(page.read_text("utf-8"))}
)


def parse(line: str) -> None:
    """Parse `journeyctl LINE` as the command line would, without running the command."""
    import typer

    from journeyctl.cli import app

    group = typer.main.get_command(app)
    args = shlex.split(line)
    # The group takes its own options; the first word left is the command, the rest its arguments.
    with group.make_context("journeyctl", args[:1], resilient_parsing=False) as context:
        name, command, rest = group.resolve_command(context, args)
        assert command is not None, f"no command {name}"
        try:
            command.make_context(name, rest, parent=context)
        except Exception as stop:  # `--help` stops parsing the way a successful run ends: click's Exit(0)
            if type(stop).__name__ != "Exit" or getattr(stop, "exit_code", None) != 0:
                raise


@pytest.mark.parametrize(("page", "line"), COMMANDS, ids=[f"{page}: {line}" for page, line in COMMANDS])
def test_the_command_line_accepts_it(page: str, line: str) -> None:
    parse(line)


def test_the_docs_have_such_command_lines() -> None:
    assert ("docs/guides/publishing.md", "render maps/ -o site/") in COMMANDS
    assert ("docs/guides/ci.md", "lint maps/ --format junit --output journeyctl.xml") in COMMANDS


def test_a_misspelt_option_is_refused() -> None:
    with pytest.raises(Exception, match="--formt"):
        parse("lint maps/ --formt json")
    with pytest.raises(Exception, match="lnt"):
        parse("lnt maps/")


def test_command_lines_are_found_where_a_reader_would_type_them() -> None:
    page = """```sh
journeyctl lint maps/ --ignore W112   # a comment
git config diff.journeyctl.command "/venv/bin/python -m journeyctl git-diff"
pip install journeyctl
```

```groovy
sh 'journeyctl lint maps/ --format junit --output journeyctl.xml'
```

```text
journeyctl diff OLD NEW [--format text|markdown|json]
```
"""
    assert command_lines(page) == ["lint maps/ --ignore W112", "lint maps/ --format junit --output journeyctl.xml"]


def test_pages_exist() -> None:
    assert all(isinstance(page, Path) and page.is_file() for page in PAGES)
