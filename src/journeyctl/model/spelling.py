"""Spelling hints: the words a misspelt key, id or value may be meant as, and the "did you mean" of a message."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def close_matches(word: str, choices: Iterable[str]) -> list[str]:
    """The choices `word` looks like a misspelling of, closest first: the "did you mean" candidates."""
    return difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)


def near_misses(word: str, candidates: Iterable[str]) -> list[str]:
    """The candidates `word` is a near-miss of: a slip of a letter or two (one per four letters),
    as `desription` of `description` or `nmae` of `name`; `questions` looks like `desription` only to difflib."""
    most = max(1, len(word) // 4)
    return [candidate for candidate in candidates if _edits(word, candidate) <= most]


def _edits(word: str, other: str) -> int:
    """How many letters to insert, delete, replace or swap with their neighbour to turn `word` into `other`."""
    before: list[int] = []
    above = list(range(len(other) + 1))
    for i, letter in enumerate(word, 1):
        row = [i]
        for j, matching in enumerate(other, 1):
            cost = min(above[j] + 1, row[j - 1] + 1, above[j - 1] + (letter != matching))
            if i > 1 and j > 1 and letter == other[j - 2] and word[i - 2] == matching:
                cost = min(cost, before[j - 2] + 1)
            row.append(cost)
        before, above = above, row
    return above[-1]


def did_you_mean(candidates: list[str], prefix: str = "") -> str:
    """The hint a message ends with when there is a candidate (` Did you mean `name`?`), else nothing."""
    return f" Did you mean `{prefix}{candidates[0]}`?" if candidates else ""
