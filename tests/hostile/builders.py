"""Hostile files too large, too special or too platform-bound to commit: built in a temporary folder.

Each builder takes the folder and returns the path to give on the command line.
`expected.yaml` names them (`build: big_map`); `python tests/hostile/builders.py
big_map OUT` writes one where you can look at it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HEAD = "journeyctl: 1\nid: hostile\ntitle: Hostile\n"
# A lint-clean map (as of 2026-11-23), for folders that hold one.
CLEAN = """\
journeyctl: 1
id: checkout
title: Checkout
owner: Payments team
persona: ben
personas:
  - {id: ben, name: Ben}
last_reviewed: 2026-11-01
stages:
  - id: pay
    name: Pay
    touchpoints:
      - {id: card, name: Card form, channel: website, emotion: 1, critical: true}
"""
DEEP = 50_000
TOUCHPOINT = """\
      - id: tp-{n}
        name: Touchpoint {n} of a very long journey
        channel: {channel}
        emotion: {emotion}
        doing: Reads the confirmation email and checks the delivery date again.
        thinking: Will it arrive before the weekend, and can I change the address?
        feeling: Hopeful but a little anxious about the delivery window.
"""
CHANNELS = ("website", "email", "phone", "chat", "app", "store")


def big_map(folder: Path, stages: int = 100, per_stage: int = 100) -> Path:
    """A legitimate 3 MB map: 100 stages of 100 touchpoints (10,000), lint-clean but for W111."""
    parts = [
        HEAD.replace("title: Hostile", "title: A very long journey"),
        "owner: Journey team\npersona: pat\npersonas:\n  - {id: pat, name: Pat}\nlast_reviewed: 2026-11-01\nstages:\n",
    ]
    for stage in range(stages):
        parts.append(f"  - id: stage-{stage}\n    name: Stage {stage}\n    touchpoints:\n")
        for step in range(per_stage):
            n = stage * per_stage + step
            parts.append(TOUCHPOINT.format(n=n, channel=CHANNELS[n % len(CHANNELS)], emotion=(n % 4) - 1))
            if n == 0:
                parts.append("        critical: true\n")
    path = folder / "big.journey.yaml"
    path.write_text("".join(parts), encoding="utf-8")
    return path


def deep_flow(folder: Path) -> Path:
    """50,000 nested lists in flow style: `[[[[...]]]]`."""
    return _write(folder, "deep-flow.journey.yaml", HEAD + "tags: " + "[" * DEEP + "]" * DEEP + "\n")


def deep_block(folder: Path) -> Path:
    """50,000 nested lists in block style: `- - - - x`."""
    return _write(folder, "deep-block.journey.yaml", HEAD + "tags:\n" + "- " * DEEP + "x\n")


def sparse_2gb(folder: Path) -> Path:
    """A 2 GB file that is a map header followed by a hole (no disk space, no time to write)."""
    path = _write(folder, "sparse.journey.yaml", HEAD)
    os.truncate(path, 2 * 1024**3)
    return path


def fifo(folder: Path) -> Path:
    """A named pipe called x.journey.yaml, named on the command line: no writer will ever come."""
    path = folder / "x.journey.yaml"
    os.mkfifo(path)
    return path


def fifo_in_folder(folder: Path) -> Path:
    """A folder with a named pipe called x.journey.yaml next to a real map."""
    (folder / "maps").mkdir()
    os.mkfifo(folder / "maps" / "x.journey.yaml")
    _write(folder / "maps", "real.journey.yaml", CLEAN)
    return folder / "maps"


def folder_named_like_a_map(folder: Path) -> Path:
    """A folder called x.journey.yaml holding a broken map."""
    (folder / "x.journey.yaml").mkdir()
    _write(folder / "x.journey.yaml", "inner.journey.yaml", HEAD + "stages: [\n")
    return folder / "x.journey.yaml"


def symlink_loops(folder: Path) -> Path:
    """A folder with a link to itself, a link to its parent, a file link to itself and a broken link."""
    (folder / "maps").mkdir()
    maps = folder / "maps"
    (maps / "itself").symlink_to(".")
    (maps / "parent").symlink_to("..")
    (maps / "self.journey.yaml").symlink_to("self.journey.yaml")
    (maps / "gone.journey.yaml").symlink_to("deleted.journey.yaml")
    return maps


def unreadable(folder: Path) -> Path:
    """A map without read permission (root reads it anyway: the test drops that power)."""
    path = _write(folder, "secret.journey.yaml", CLEAN)
    path.chmod(0)
    return path


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


BUILDERS = {
    function.__name__: function
    for function in (
        big_map,
        deep_flow,
        deep_block,
        sparse_2gb,
        fifo,
        fifo_in_folder,
        folder_named_like_a_map,
        symlink_loops,
        unreadable,
    )
}

if __name__ == "__main__":
    print(BUILDERS[sys.argv[1]](Path(sys.argv[2])))
