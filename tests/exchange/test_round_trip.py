"""Export then import gives back the map, in every field the table carries,
as `journeyctl diff` sees it: tested on every example, through CSV and XLSX."""

from __future__ import annotations

import json

import pytest
from exchange_support import load_map, touchpoints

from conftest import EXAMPLES, run_journeyctl

MAPS = sorted(EXAMPLES.glob("*.journey.yaml"))
# What the touchpoints table carries, by entity. Items are matched by id, so
# the ids of stages, touchpoints, pain points and opportunities are carried too.
CARRIED = {
    "journey": {"title", "scale"},
    "stage": {"name"},
    "touchpoint": {"name", "channel", "owner", "critical", "doing", "thinking", "feeling", "emotion", "backstage"},
    "pain_point": {"description"},
    "opportunity": {"description"},
}
# Items the table does not hold: the map loses them, and nothing else.
NOT_CARRIED = {"source", "metric", "persona"}


@pytest.mark.parametrize("table_format", ["csv", "xlsx"])
@pytest.mark.parametrize("example", MAPS, ids=[path.name for path in MAPS])
def test_export_then_import_changes_nothing_the_table_carries(tmp_path, example, table_format):
    table = tmp_path / f"table.{table_format}"
    back = tmp_path / "back.journey.yaml"
    assert run_journeyctl("export", example, "-f", table_format, "-o", table).returncode == 0
    imported = run_journeyctl("import", table, "-o", back)
    assert imported.returncode == 0, imported.stderr
    # No column unknown, no value in conflict, no ids out of step with their items.
    assert not {"IMP100", "IMP101", "IMP102", "IMP103"} & set(imported.stderr.split())
    assert run_journeyctl("fmt", "--check", back).returncode == 0  # written in fmt's layout
    result = run_journeyctl("diff", example, back, "-f", "json")
    assert result.returncode == 0, result.stderr
    changes = json.loads(result.stdout)["changes"]
    wrong = [
        change
        for change in changes
        if not (
            (change["kind"] == "removed" and change["entity"] in NOT_CARRIED)
            or (change["kind"] == "changed" and change["field"] not in CARRIED[change["entity"]])
        )
    ]
    assert wrong == []
    # Not vacuous: the same items, by id, in the same order.
    assert [t["id"] for t in touchpoints(load_map(back)[0])] == [t["id"] for t in touchpoints(load_map(example)[0])]
