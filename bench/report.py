"""bench/run.py's output: the table on the terminal and the figures as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, Optional


def _figure(value: Optional[float], unit: str) -> str:
    if value is None:
        return "-"
    return {"s": f"{value:.3f} s", "x": f"x{value:.2f}", "MiB": f"{value:.1f} MiB"}[unit]


def _per_map(row: Any) -> str:
    if row.unit != "s" or not row.maps or row.ours is None:
        return "-"
    return f"{row.ours / row.maps * 1000:.1f} ms"


def _result(row: Any) -> str:
    if row.errors:
        return "FAILED"
    if row.target is None:
        return "ok"
    return "pass" if row.passed else "MISS"


def _target(row: Any) -> str:
    if row.target is None:
        return "-"
    return f"<= {row.target:g} {row.unit}" if row.absolute and row.unit == "MiB" else f"<= {row.target:g}"


def table(rows: list[Any]) -> list[str]:
    """The side-by-side table as Markdown lines: wall-clock medians, ratio, target, CPU medians,
    and the machine's 1-minute load average when the row started."""
    header = (
        "benchmark",
        "journeyctl",
        "yamllint",
        "ratio",
        "target",
        "result",
        "journeyctl CPU",
        "yamllint CPU",
        "journeyctl per map",
        "load",
    )
    lines = [header] + [
        (
            r.name,
            _figure(r.ours, r.unit),
            _figure(r.theirs, r.unit),
            "-" if r.ratio is None else f"{r.ratio:.3f}",
            _target(r),
            _result(r),
            _figure(r.ours_cpu, r.unit),
            _figure(r.theirs_cpu, r.unit),
            _per_map(r),
            "-" if r.load is None else f"{r.load:.2f}",
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = ["| " + " | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=False)) + " |" for line in lines]
    out.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return out


def print_table(rows: list[Any]) -> None:
    """Print the table (Markdown, so it can be pasted into docs/performance.md as it is)."""
    print("\n".join(table(rows)))


def write_json(
    path: Path, settings: dict[str, Any], before: dict[str, Any], after: dict[str, Any], rows: list[Any]
) -> None:
    """Write settings, the machine before and after the run, and every row with all its runs."""
    report = {
        **settings,
        "machine": before,
        "machine_after": after,
        "table": table(rows),
        "rows": [{**asdict(r), "passed": r.passed} for r in rows],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
