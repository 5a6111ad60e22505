"""Suppression comments silence the same findings after fmt as before.

A comment on a list item's first line (`- name: Pay  # journeyctl: ignore[...]`)
sits where lint reports both the item's findings (a missing emotion, an empty
stage) and the findings about that key. Once fmt puts `id` first, the two are
on different lines, and the comment can follow only one: it follows what it
silences. The findings each suppression silences are compared, before and
after (every rule, no configuration); a suppression whose findings changed is
put in its other place, and when that does not help either, the file is left
as it is with a message saying how to split the comment.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Callable

from journeyctl.check.service import Checker
from journeyctl.check.suppressions import Suppression, find_suppressions, may_have_directives
from journeyctl.core.errors import JourneyctlError
from journeyctl.core.findings import Finding
from journeyctl.formatter.comments import Comments
from journeyctl.formatter.emitter import Emitted
from journeyctl.formatter.equivalence import refuse

Silenced = dict[int, Counter[tuple[str, str]]]


def settle(
    text: str, path: str, comments: Comments, emitted: Emitted, emit: Callable[[frozenset[int]], Emitted]
) -> Emitted:
    """`emitted`, or the text emitted with some suppressions in their other place (`emit(flipped lines)`)."""
    if not may_have_directives(text):
        return emitted
    before = _silenced(text, path)
    if not before:
        return emitted
    flipped: frozenset[int] = frozenset()
    while True:
        after = _silenced(emitted.text, path)
        changed = [
            line for line, found in before.items() if after.get(emitted.placed.get(line, -1), Counter()) != found
        ]
        if not changed:
            return emitted
        movable = {line for line in changed if line in comments.choices} - flipped
        if not movable:
            _refuse(path, changed[0], changed[0] in comments.choices)
        flipped |= movable
        emitted = emit(flipped)


def _silenced(text: str, path: str) -> Silenced:
    """For each line suppression (by its 0-based line), the findings it silences."""
    checked = _checker().check_text(text, path)
    if checked.document is None:
        return {}
    suppressions, _ = find_suppressions(text, checked.document.source)
    return {
        suppression.line - 1: _covered(suppression, checked.findings)
        for suppression in suppressions
        if not suppression.whole_file
    }


def _covered(suppression: Suppression, findings: list[Finding]) -> Counter[tuple[str, str]]:
    return Counter((finding.code, finding.message) for finding in findings if suppression.covers(finding))


@functools.lru_cache(maxsize=None)
def _checker() -> Checker:
    return Checker("fmt-suppressions")


def _refuse(path: str, line: int, both: bool) -> None:
    if not both:
        refuse(path, f"the suppression on line {line + 1} would silence other findings")
    raise JourneyctlError(
        f"{path}:{line + 1}: not formatted: this suppression silences findings of the list item and "
        "of the key written on its first line, which fmt puts on different lines. Split it in two "
        "(one comment on the item's first line, one on that key's line) and run fmt again; "
        "the file is left as it is."
    )
