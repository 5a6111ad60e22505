"""Shared by the discovery tests: maps, real git repositories, trees of files."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

# Clean on TODAY and in fmt's layout; BROKEN is a map with a YAML error (E001), so any file of it that is checked shows.
CLEAN = """\
journeyctl: 1
id: checkout
title: Checkout
owner: Payments team
persona: ben
personas:
  - id: ben
    name: Ben
last_reviewed: 2026-11-01
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: card
        name: Card form
        channel: website
        critical: true
        emotion: 1
"""
BROKEN = "journeyctl: 1\nstages: [\n"


def git_environment(home: Path) -> dict[str, str]:
    """git without the machine's or the user's configuration (no global ignore file)."""
    return {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True, env=git_environment(repo.parent)
    )
    return done.stdout


def init_repository(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q")
    return repo


def write_tree(root: Path, files: dict[str, str]) -> None:
    """Write each file (relative path -> content), making folders as needed."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def named_in_findings(output: str) -> list[str]:
    """The files a `lint` run's findings name (`path:line:col: CODE ...`), in order, each once."""
    names = (match[1] for match in re.finditer(r"^(.+?):\d+:\d+: [EWI]\d{3} ", output, re.MULTILINE))
    return list(dict.fromkeys(names))
