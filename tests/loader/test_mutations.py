"""Maps broken the way people break them (lines lost, doubled, shifted, typos): never a crash.

Seeded, so every run checks the same files; raise MUTANTS locally to search wider.
"""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

from conftest import EXAMPLES
from journeyctl.check.service import Checker
from journeyctl.config.settings import Settings

MUTANTS = 150
TYPOS = list(" \t\n:-[]{}#&*!|>'\"%@`,?~0aZé\x1b")
PYTHON_SPELLINGS = re.compile(r"\b(None|True|False)\b|\['|'\]")


def mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        k = rng.randrange(len(lines))
        kind = rng.randrange(6)
        if kind == 0:
            del lines[k]
        elif kind == 1:
            lines.insert(k, lines[rng.randrange(len(lines))])
        elif kind == 2:
            lines[k] = " " * rng.randint(1, 3) + lines[k]
        elif kind == 3:
            lines[k] = lines[k][rng.randint(1, 2) :]
        else:
            at = rng.randint(0, len(lines[k]))
            lines[k] = lines[k][:at] + (rng.choice(TYPOS) if kind == 4 else "") + lines[k][at + (kind == 5) :]
    return "\n".join(lines)


def test_mutated_examples_give_positioned_plain_findings(tmp_path: Path) -> None:
    rng = random.Random(20261123)
    examples = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.yaml"))]
    linter = Checker("lint", Settings(), date(2026, 11, 23))
    path = tmp_path / "mutant.journey.yaml"
    for number in range(MUTANTS):
        text = mutate(rng.choice(examples), rng)
        path.write_text(text, encoding="utf-8")
        lines = text.split("\n")
        for finding in linter.check_file(str(path)).findings:
            where = f"mutant {number}: {finding}"
            assert 1 <= finding.line <= len(lines), where
            assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, where
            assert not PYTHON_SPELLINGS.search(finding.message), where
