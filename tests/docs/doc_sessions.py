"""Read the terminal sessions of a Markdown page, and replay them in a scratch folder.

A page is read top to bottom, as a reader follows it:

- a fenced block with a title (```` ```toml title="pyproject.toml" ````) is a file the
  reader writes: it is written at that path, relative to the scratch folder;
- a ```` ```console ```` block is a session: each `$ ` line is a command, run by bash in the
  scratch folder, and the lines after it, up to the next `$ ` line, are what it prints
  (standard output and error as a terminal shows them; blank lines at the end aside);
- `<!-- doc-test: replace PATH 'OLD' 'NEW' -->` makes an edit the prose asks the reader to
  make in an editor: the first OLD in PATH becomes NEW (OLD must be there). OLD and NEW are
  Python string literals, so `\n` is a line break;
- `<!-- doc-test: run -->` before a ```` ```sh ```` block runs its commands too (they must
  succeed; their output is not shown on the page);
- `<!-- doc-test: skip REASON -->` before a console block leaves it out (a session another
  test replays, such as a server's).

The scratch folder starts with a copy of `examples/` and of the files the page links to
for download (a spreadsheet next to the guide); `journeyctl` is this checkout's. A
session runs journeyctl and everyday commands (git, ls, cp...); a command that installs or
fetches anything belongs in an `sh` block.
"""

from __future__ import annotations

import ast
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from conftest import EXAMPLES, SRC

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_DIRECTIVE = re.compile(r"<!--\s*doc-test:\s*(?P<text>.*?)\s*-->", re.DOTALL)
_TITLE = re.compile(r'title="(?P<path>[^"]+)"')
# What a session may run: journeyctl and the everyday commands around it, never an installer.
SAFE_PROGRAMS = {"journeyctl", "git", "ls", "cat", "head", "grep", "cp", "mv", "mkdir", "check-jsonschema"}


@dataclass(frozen=True)
class WriteFile:
    path: str
    content: str


@dataclass(frozen=True)
class Replace:
    path: str
    old: str
    new: str


@dataclass(frozen=True)
class Command:
    line: str
    expected: str | None  # None: it must succeed, what it prints is not shown


Step = WriteFile | Replace | Command


def read_steps(text: str) -> list[Step]:
    """The files, edits and commands of a page, in reading order."""
    fences = list(_FENCE.finditer(text))
    directives = [
        match
        for match in _DIRECTIVE.finditer(text)
        if not any(fence.start() < match.start() < fence.end() for fence in fences)
    ]
    found = sorted([*fences, *directives], key=lambda match: match.start())
    steps: list[Step] = []
    pending = ""
    for match in found:
        if match.re is _DIRECTIVE:
            directive = match.group("text")
            if directive.startswith("replace "):
                path, old, new = shlex.split(directive, posix=False)[1:]
                steps.append(Replace(path, ast.literal_eval(old), ast.literal_eval(new)))
            else:
                pending = directive.split()[0]
            continue
        body = _dedent(match.group("body"), match.group("indent"))
        info = match.group("info").strip()
        language = info.split(" ", 1)[0] if info else ""
        title = _TITLE.search(info)
        if title:
            steps.append(WriteFile(title.group("path"), body))
        elif language == "console" and pending != "skip":
            steps.extend(session(body))
        elif language == "sh" and pending == "run":
            steps.extend(Command(line, None) for line in body.splitlines() if line.strip())
        pending = ""
    return steps


def downloads(page: Path) -> list[Path]:
    """The files a page links to that a reader saves next to their maps: not pages, not other sites."""
    targets = re.findall(r"\]\((?P<target>[^)#\s:]+)\)", page.read_text(encoding="utf-8"))
    found = [(page.parent / target).resolve() for target in targets if not target.endswith((".md", "/"))]
    return sorted({path for path in found if path.is_file() and "images" not in path.parts})


def session(body: str) -> list[Command]:
    """The commands of a console block, each with what it prints."""
    commands: list[Command] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            commands.append(Command(line[2:], ""))
        elif commands:
            last = commands[-1]
            commands[-1] = Command(last.line, f"{last.expected}{line}\n")
    return commands


def _dedent(body: str, indent: str) -> str:
    return "".join(line.removeprefix(indent) for line in body.splitlines(keepends=True))


def scratch_folder(root: Path) -> Path:
    """A folder as a reader's would be: a copy of examples/, and this checkout's journeyctl on PATH."""
    shutil.copytree(EXAMPLES, root / "examples")
    tools = root.parent / f"{root.name}-bin"
    tools.mkdir()
    shim = tools / "journeyctl"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m journeyctl "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return tools


def environment(root: Path, tools: Path) -> dict[str, str]:
    """A reader's terminal, made repeatable: no colour, no CI, one git identity, output unbuffered."""
    keep = {key: value for key, value in os.environ.items() if not key.startswith(("GIT", "GITHUB_", "PYTHON"))}
    keep.pop("NO_COLOR", None)
    home = root.parent / f"{root.name}-home"
    home.mkdir(exist_ok=True)
    return {
        **keep,
        "PATH": os.pathsep.join([str(tools), str(Path(sys.executable).parent), keep.get("PATH", "")]),
        "PYTHONPATH": str(SRC),
        "PYTHONUNBUFFERED": "1",
        "NO_COLOR": "1",
        "TERM": "dumb",
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Sam Reviewer",
        "GIT_AUTHOR_EMAIL": "sam@example.com",
        "GIT_COMMITTER_NAME": "Sam Reviewer",
        "GIT_COMMITTER_EMAIL": "sam@example.com",
    }


def replay(step: Step, root: Path, env: dict[str, str]) -> tuple[str, str] | None:
    """Carry out one step; for a command whose output the page shows, (expected, actual)."""
    if isinstance(step, WriteFile):
        target = _inside(root, step.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(step.content, encoding="utf-8")
        return None
    if isinstance(step, Replace):
        target = _inside(root, step.path)
        text = target.read_text(encoding="utf-8")
        assert step.old in text, f"{step.path} has no {step.old!r} to replace"
        target.write_text(text.replace(step.old, step.new, 1), encoding="utf-8")
        return None
    unknown = set(programs(step.line)) - SAFE_PROGRAMS
    assert not unknown, f"$ {step.line}: {', '.join(sorted(unknown))} is not run here (an sh block, or doc-test: skip)"
    result = subprocess.run(
        ["bash", "-c", step.line], cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300
    )
    printed = result.stdout.decode("utf-8")
    if step.expected is None:
        assert result.returncode == 0, f"$ {step.line}\n{printed}"
        return None
    return step.expected.rstrip("\n"), printed.rstrip("\n")


def programs(line: str) -> list[str]:
    """The programs a shell line runs: the first word of each command in it."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = list(lexer)
    # A word starts a command when it is the first, or follows `|`, `;`, `&&` or `||`.
    starts = zip([";", *words[:-1]], words, strict=True)
    return [word for before, word in starts if set(before) <= set("|;&") and word[0].isalnum()]


def _inside(root: Path, path: str) -> Path:
    target = (root / path).resolve()
    assert target.is_relative_to(root.resolve()), f"{path} is outside the scratch folder"
    return target
