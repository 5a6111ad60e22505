#!/usr/bin/env python3
"""Side-by-side benchmark of this checkout's journeyctl against ``yamllint -d relaxed``.

    python bench/run.py [--smoke] [--repeat N] [--heavy-repeat N] [--json PATH]

Prints a table and writes the figures to JSON. Full mode exits 1 if a target is missed;
both modes exit 1 if a command fails (any exit code it should not return).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_diff_pair, write_corpus  # noqa: E402
from machine import Tool, describe_machine, journeyctl_tool, load_average, yamllint_tool  # noqa: E402
from measure import CommandFailed, Memory, Timing, can_sample_memory, peak_memory, time_command  # noqa: E402
from report import print_table, write_json  # noqa: E402

TODAY = date(2026, 11, 23)  # the corpus reference date, passed as --today so results never depend on the calendar
SEED = 1
OK, LINT_OK = frozenset({0}), frozenset({0, 1})  # lint, diff, fmt and yamllint exit 1 on findings or changes
OURS, THEIRS = "journeyctl", "yamllint"


@dataclass
class Cmd:
    """A command to measure: ``prepare`` resets any state (untimed) and returns the argv."""

    tool: Tool
    prepare: Callable[[], list[str]]
    ok: frozenset[int] = OK


@dataclass
class Row:
    """One line of the report. ``target`` bounds the ratio, or ``ours`` itself when ``absolute``."""

    name: str
    unit: str = "s"
    target: Optional[float] = None
    absolute: bool = False
    maps: int = 0
    runs: dict[str, list[Timing]] = field(default_factory=lambda: {OURS: [], THEIRS: []})
    memory: dict[str, list[Memory]] = field(default_factory=lambda: {OURS: [], THEIRS: []})
    ours: Optional[float] = None
    theirs: Optional[float] = None
    ours_cpu: Optional[float] = None
    theirs_cpu: Optional[float] = None
    ratio: Optional[float] = None
    errors: list[str] = field(default_factory=list)
    load: Optional[float] = None  # the machine's 1-minute load average when the row started
    versus: str = "yamllint -d relaxed"  # what the second column ran: yamllint, or journeyctl lint

    @property
    def passed(self) -> bool:
        """No command failed and the target, if any, is met."""
        value = self.ours if self.absolute else self.ratio
        return not self.errors and (self.target is None or (value is not None and value <= self.target))


def median(values: list[float]) -> Optional[float]:
    return statistics.median(values) if values else None


def measure(row: Row, cmds: list[Cmd], repeat: int, cwd: Path) -> Row:
    """Time the commands alternately (A, B, A, B, ...); keep medians and the median of paired ratios."""
    failed: set[str] = set()
    for _ in range(repeat):
        for cmd in (c for c in cmds if c.tool.name not in failed):
            try:
                row.runs[cmd.tool.name].append(time_command(cmd.prepare(), cmd.tool.env, cmd.ok, cwd))
            except CommandFailed as exc:
                failed.add(cmd.tool.name)
                row.errors.append(f"{cmd.tool.name}: {exc}")
                print(f"FAILED [{row.name}] {exc}", file=sys.stderr)
    ours, theirs = ([] if name in failed else row.runs[name] for name in (OURS, THEIRS))
    row.ours, row.theirs = median([t.wall for t in ours]), median([t.wall for t in theirs])
    row.ours_cpu, row.theirs_cpu = median([t.cpu for t in ours]), median([t.cpu for t in theirs])
    # Each pair ran back to back, under the same load: the median of their ratios resists drift.
    row.ratio = median([a.wall / b.wall for a, b in zip(ours, theirs, strict=False)])
    return row


def measure_memory(row: Row, cmds: list[Cmd], repeat: int, cwd: Path) -> Row:
    """Peak memory of each command's process tree, alternately; ``ours`` is the median sum of peaks."""
    for _ in range(repeat):
        for cmd in cmds:
            try:
                row.memory[cmd.tool.name].append(peak_memory(cmd.prepare(), cmd.tool.env, cmd.ok, cwd))
            except CommandFailed as exc:
                row.errors.append(f"{cmd.tool.name}: {exc}")
                print(f"FAILED [{row.name}] {exc}", file=sys.stderr)
    row.ours = median([m.tree_hwm for m in row.memory[OURS]])
    row.theirs = median([m.tree_hwm for m in row.memory[THEIRS]])
    return row


def scaling(name: str, target: float, big: Row, small: Row) -> Row:
    """A row of CPU-time ratios between two rows: how the work grows with the number or size of maps.

    CPU time, not wall clock: a parallel run's wall clock also depends on whether the second core
    was free at the time, and on a shared machine the two rows may not have had the same luck.
    """
    row = Row(name, unit="x", target=target, absolute=True, errors=small.errors + big.errors)
    row.ours = big.ours_cpu / small.ours_cpu if big.ours_cpu and small.ours_cpu else None
    row.theirs = big.theirs_cpu / small.theirs_cpu if big.theirs_cpu and small.theirs_cpu else None
    return row


@dataclass(frozen=True)
class Sizes:
    small: int
    large: int
    mem: int
    many: int  # maps of 500 lines, and
    few: int  # maps of 5,000 lines: the same number of lines in all


FULL, SMOKE = Sizes(200, 2000, 1000, 500, 50), Sizes(20, 40, 40, 40, 4)


def benchmark(tmp: Path, smoke: bool, repeat: int, heavy: int) -> list[Row]:
    """Generate the corpora under ``tmp`` and measure every row."""
    jc, yl = journeyctl_tool(), yamllint_tool()
    # journeyctl lint in the second column, where a row compares a command with lint rather than yamllint.
    lint_baseline = replace(jc, name=THEIRS)
    n = SMOKE if smoke else FULL
    print(f"journeyctl: {jc.where}\nyamllint: {yl.where}\ngenerating corpora in {tmp} ...", file=sys.stderr)
    one = write_corpus(tmp / "one", 1, 600, SEED, TODAY)[0]
    fmt_one = write_corpus(tmp / "fmt-one", 1, 650, SEED, TODAY)[0]
    small, large, mem = tmp / f"c{n.small}", tmp / f"c{n.large}", tmp / f"memory{n.mem}"
    write_corpus(small, n.small, (500, 650), SEED, TODAY)
    large_maps = write_corpus(large, n.large, (500, 650), SEED, TODAY)
    mem.mkdir()
    for path in [*large_maps[: n.mem], large / "personas.yaml"]:
        shutil.copy(path, mem)
    many, few = tmp / "lines500", tmp / "lines5000"
    write_corpus(many, n.many, 500, SEED, TODAY)
    write_corpus(few, n.few, 5000, SEED, TODAY)
    pair = tmp / "diff"
    shutil.copytree(tmp / "one", pair)
    old, new = pair / "old.journey.yaml", pair / "new.journey.yaml"
    for path, text in zip((old, new), make_diff_pair(600, SEED, TODAY), strict=False):
        path.write_text(text, encoding="utf-8")

    def run(tool: Tool, *args: object, ok: frozenset[int] = LINT_OK, reset: Optional[Callable[[], None]] = None) -> Cmd:
        argv = [*tool.argv, *map(str, args)]
        return Cmd(tool, lambda: (reset and reset(), argv)[1], ok)

    def lint(*paths: Path) -> Cmd:
        return run(jc, "lint", "--today", TODAY.isoformat(), *paths)

    def yamllint(*paths: Path) -> Cmd:
        return run(yl, "-d", "relaxed", *paths)

    site, work = tmp / "site", tmp / "fmt-work"

    def fresh_site() -> None:
        shutil.rmtree(site, ignore_errors=True)

    def fresh_map() -> None:
        # The generated map is not in fmt's layout: each run formats and writes it.
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(fmt_one.parent, work)

    def fmt_check(*paths: Path) -> Cmd:
        return run(jc, "fmt", "--check", *paths)

    plan = [
        (Row("--version", target=1.0), [run(jc, "--version", ok=OK), run(yl, "--version", ok=OK)], repeat),
        # The goal of issue 15: a single map (pre-commit's case) in at most 0.8 of yamllint's time.
        (Row("lint 1 map (600 lines)", target=0.8, maps=1), [lint(one), yamllint(one)], repeat),
        (Row(f"lint {n.small} maps", target=0.1, maps=n.small), [lint(small), yamllint(small)], repeat),
        # In smoke mode yamllint skips the large corpus: it takes minutes in full mode and proves nothing here.
        (Row(f"lint {n.large} maps", maps=n.large), [lint(large)] + ([] if smoke else [yamllint(large)]), heavy),
        (
            Row(f"render {n.small} maps", target=0.25, maps=n.small),
            [
                run(jc, "render", small, "-o", site, "--today", TODAY.isoformat(), ok=OK, reset=fresh_site),
                yamllint(small),
            ],
            repeat,
        ),
        # report is lint's check of every map plus the portfolio: measured against lint itself.
        (
            Row(f"report {n.small} maps (vs lint of them)", target=1.2, maps=n.small, versus="journeyctl lint"),
            [
                run(jc, "report", "--today", TODAY.isoformat(), small, ok=OK),
                run(lint_baseline, "lint", "--today", TODAY.isoformat(), small),
            ],
            repeat,
        ),
        (Row("diff 2 maps (600 lines)", maps=2), [run(jc, "diff", old, new), yamllint(old, new)], repeat),
        (
            Row("fmt 1 map (650 lines)", target=1.0, maps=1),
            [run(jc, "fmt", work / fmt_one.name, reset=fresh_map), yamllint(fmt_one)],
            repeat,
        ),
        (Row(f"fmt --check {n.small} maps", maps=n.small), [fmt_check(small), yamllint(small)], repeat),
        (Row(f"lint {n.many} maps x 500 lines", maps=n.many), [lint(many)], heavy),
        (Row(f"lint {n.few} maps x 5,000 lines", maps=n.few), [lint(few)], heavy),
        (Row(f"fmt --check {n.many} maps x 500 lines", maps=n.many), [fmt_check(many)], heavy),
        (Row(f"fmt --check {n.few} maps x 5,000 lines", maps=n.few), [fmt_check(few)], heavy),
    ]
    rows = []
    for row, cmds, times in plan:
        print(f"measuring {row.name} ...", file=sys.stderr)
        row.load = load_average()
        rows.append(measure(row, cmds, times, tmp))
    by_name = {r.name: r for r in rows}
    rows.append(
        scaling(
            f"lint CPU time, {n.large} / {n.small} maps (linear: <= 10)",
            10.0,
            by_name[f"lint {n.large} maps"],
            by_name[f"lint {n.small} maps"],
        )
    )
    rows.append(
        scaling(
            "lint CPU time, 5,000- / 500-line maps, same lines (linear: ~1)",
            1.2,
            by_name[f"lint {n.few} maps x 5,000 lines"],
            by_name[f"lint {n.many} maps x 500 lines"],
        )
    )
    rows.append(
        scaling(
            "fmt CPU time, 5,000- / 500-line maps, same lines (linear: ~1)",
            1.2,
            by_name[f"fmt --check {n.few} maps x 5,000 lines"],
            by_name[f"fmt --check {n.many} maps x 500 lines"],
        )
    )
    memory = Row(f"peak memory, lint {n.mem} maps", unit="MiB", target=150.0, absolute=True, maps=n.mem)
    print(f"measuring {memory.name} ...", file=sys.stderr)
    memory.load = load_average()
    if can_sample_memory():
        rows.append(measure_memory(memory, [lint(mem), yamllint(mem)], heavy, tmp))
    else:  # not a failure of journeyctl: the row says it was not measured
        memory.name += " (not measured: needs Linux's /proc/PID/task/TID/children)"
        memory.target = None
        rows.append(memory)
    return rows


def main() -> int:
    """Run the benchmark; return the process exit code."""
    ap = argparse.ArgumentParser(description="Benchmark this checkout's journeyctl against yamllint, side by side.")
    ap.add_argument("--smoke", action="store_true", help="tiny corpora, 1 repetition, never fail on targets")
    ap.add_argument(
        "--json",
        type=Path,
        default=Path(__file__).with_name("results.json"),
        help="where to write the figures (default: bench/results.json)",
    )
    ap.add_argument("--repeat", type=int, help="repetitions of each light row (default 7, 1 with --smoke)")
    ap.add_argument("--heavy-repeat", type=int, help="repetitions of the 2,000-map, size and memory rows (default 3)")
    args = ap.parse_args()
    repeat = args.repeat or (1 if args.smoke else 7)
    heavy = args.heavy_repeat or (1 if args.smoke else 3)
    machine_before = describe_machine()
    with tempfile.TemporaryDirectory(prefix="journeyctl-bench-") as tmp:
        rows = benchmark(Path(tmp), args.smoke, repeat, heavy)
    if args.smoke:  # the targets are about 200 maps and more, not the smoke run's handful
        for row in rows:
            row.target = None
    print_table(rows)
    settings = {
        "mode": "smoke" if args.smoke else "full",
        "repeat": repeat,
        "heavy_repeat": heavy,
        "reference_date": TODAY.isoformat(),
        "seed": SEED,
    }
    write_json(args.json, settings, machine_before, describe_machine(), rows)
    print(f"figures written to {args.json}")
    if any(r.errors for r in rows):
        return 1
    return 0 if args.smoke or all(r.passed for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
