"""The last check before fmt writes: a result that is not equivalent is refused."""

from __future__ import annotations

import pytest

from journeyctl.core.errors import JourneyctlError
from journeyctl.formatter.equivalence import verify_equivalent

SOURCE = "journeyctl: 1\nid: guard\ntitle: Guard  # the title\nx-team: growth\nstages:\n  - id: s\n    name: S\n"


def test_an_equivalent_result_passes():
    reordered = "journeyctl: 1\ntitle: Guard  # the title\nid: guard\nstages:\n- id: s\n  name: S\nx-team: growth\n"
    verify_equivalent(SOURCE, reordered, "map.yaml")


@pytest.mark.parametrize(
    ("result", "reason"),
    [
        (SOURCE.replace("  # the title", ""), "a comment would be lost or changed"),
        (SOURCE.replace("# the title", "# the tilte"), "a comment would be lost or changed"),
        (SOURCE.replace("title: Guard", "title: guard"), "the data would change"),
        (SOURCE.replace("name: S", "name: 'S '"), "the data would change"),
        (SOURCE.replace("x-team: growth", "x-team: grow"), "an `x-` value would change"),
        (SOURCE.replace("x-team: growth", "x-team: [growth]"), "an `x-` value would change"),
        (SOURCE.replace("stages:", "stages: ["), "the result would not load: "),
    ],
)
def test_a_result_that_differs_is_refused(result, reason):
    with pytest.raises(JourneyctlError) as refused:
        verify_equivalent(SOURCE, result, "map.yaml")
    assert str(refused.value).startswith(f"map.yaml: not formatted, because {reason}")
    assert str(refused.value).endswith(
        "the file is left as it is. Please report this file's layout as a journeyctl bug."
    )
