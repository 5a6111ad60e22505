#!/usr/bin/env python3
"""Side-by-side benchmark of the ``journeyctl`` console script against ``yamllint -d relaxed``.

    python bench/run.py [--smoke] [--json bench/results.json] [--repeat N]

Prints a table and writes the figures to JSON. Full mode exits 1 if a target is missed;
both modes exit 1 if a command fails (any exit code it should not return).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_diff_pair, write_corpus  # noqa: E402

TODAY = date(2026, 11, 23)  # the corpus reference date, passed to lint as --today so results are reproducible
SEED = 1
OK, LINT_OK = frozenset({0}), frozenset({0, 1})  # lint, diff and yamllint exit 1 on findings
PEAK_RSS = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
            "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


class CommandFailed(Exception):
    """A benchmarked command could not start or returned an unexpected exit code."""


@dataclass
class Cmd:
    """A command to measure: ``prepare`` resets any state (untimed) and returns the argv."""

    tool: str
    prepare: Callable[[], list[str]]
    ok: frozenset[int] = OK


@dataclass
class Row:
    """One line of the report; ``target`` bounds the ratio, or ``ours`` itself when ``absolute``."""

    name: str
    unit: str = "s"
    target: float | None = None
    absolute: bool = False
    runs: dict[str, list[float]] = field(default_factory=lambda: {"journeyctl": [], "yamllint": []})
    ours: float | None = None
    theirs: float | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        """journeyctl / yamllint, when both were measured and it means something."""
        return self.ours / self.theirs if self.ours is not None and self.theirs and self.unit == "s" else None

    @property
    def passed(self) -> bool:
        """No command failed and the target, if any, is met."""
        value = self.ours if self.absolute else self.ratio
        return not self.errors and (self.target is None or (value is not None and value <= self.target))


def run_once(argv: list[str], ok: frozenset[int], cwd: Path) -> float:
    """Run ``argv`` once and return its wall-clock seconds; raise CommandFailed on an unexpected exit."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    except OSError as exc:
        raise CommandFailed(f"cannot run `{shlex.join(argv)}`: {exc}") from exc
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok:
        err = proc.stderr.decode(errors="replace").strip()[-2000:]
        raise CommandFailed(f"`{shlex.join(argv)}` exited {proc.returncode}\n{err}")
    return elapsed


def peak_rss_mib(argv: list[str], ok: frozenset[int], cwd: Path) -> float:
    """Max RSS of ``argv`` in MiB, measured by getrusage in a fresh Python wrapper process."""
    proc = subprocess.run([sys.executable, "-c", PEAK_RSS, *argv], cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0 or int(proc.stdout.split()[0]) not in ok:
        raise CommandFailed(f"`{shlex.join(argv)}` failed under the memory wrapper\n{proc.stderr.strip()[-2000:]}")
    return int(proc.stdout.split()[1]) / 1024


def measure(row: Row, cmds: list[Cmd], repeat: int, cwd: Path) -> Row:
    """Time the commands alternately (A, B, A, B, ...) and keep each one's median; a failing one stops."""
    failed: set[str] = set()
    for _ in range(repeat):
        for cmd in (c for c in cmds if c.tool not in failed):
            try:
                row.runs[cmd.tool].append(run_once(cmd.prepare(), cmd.ok, cwd))
            except CommandFailed as exc:
                failed.add(cmd.tool)
                row.errors.append(f"{cmd.tool}: {exc}")
                print(f"FAILED [{row.name}] {exc}", file=sys.stderr)
    ours, theirs = (row.runs[t] if t not in failed else [] for t in ("journeyctl", "yamllint"))
    row.ours, row.theirs = (statistics.median(v) if v else None for v in (ours, theirs))
    return row


def fresh(src: Path | None, dst: Path, argv: list[str]) -> Callable[[], list[str]]:
    """A prepare step that removes ``dst`` and, if ``src`` is given, makes ``dst`` a fresh copy of it."""
    def prepare() -> list[str]:
        shutil.rmtree(dst, ignore_errors=True)
        if src is not None:
            shutil.copytree(src, dst)
        return argv
    return prepare


def version(exe: str) -> str:
    """First line of ``exe --version``, or why it is unavailable."""
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unavailable ({exc})"
    return (out.stdout or out.stderr).strip().splitlines()[0] if out.returncode == 0 else f"exit {out.returncode}"


def benchmark(tmp: Path, smoke: bool, repeat: int) -> list[Row]:
    """Generate the corpora under ``tmp`` and measure every row."""
    jc, yl = shutil.which("journeyctl") or "journeyctl", shutil.which("yamllint") or "yamllint"
    small, large, mem = (20, 40, 50) if smoke else (200, 2000, 1000)
    print(f"generating corpora in {tmp} ...", file=sys.stderr)
    one = write_corpus(tmp / "one", 1, 600, SEED, TODAY)[0]
    c_small, c_large, c_mem = tmp / f"c{small}", tmp / f"c{large}", tmp / f"c{mem}"
    write_corpus(c_small, small, (500, 650), SEED, TODAY)
    large_maps = write_corpus(c_large, large, (500, 650), SEED, TODAY)
    c_mem.mkdir()
    for path in [*large_maps[:mem], c_large / "personas.yaml"]:
        shutil.copy(path, c_mem)
    pair = tmp / "diff"
    shutil.copytree(tmp / "one", pair)
    for name, text in zip(("old.journey.yaml", "new.journey.yaml"), make_diff_pair(600, SEED, TODAY)):
        (pair / name).write_text(text, encoding="utf-8")

    def lint(*paths: Path) -> Cmd:
        return Cmd("journeyctl", lambda: [jc, "lint", "--today", TODAY.isoformat(), *map(str, paths)], LINT_OK)

    def yamllint(*paths: Path) -> Cmd:
        return Cmd("yamllint", lambda: [yl, "-d", "relaxed", *map(str, paths)], LINT_OK)

    out, work = tmp / "render-out", tmp / "fmt-work"
    plan = [
        (Row("--version", target=1.0), [Cmd("journeyctl", lambda: [jc, "--version"]),
                                         Cmd("yamllint", lambda: [yl, "--version"])]),
        (Row("lint 1 map (600 lines)", target=1.0), [lint(one), yamllint(one)]),
        (Row(f"lint {small} maps", target=0.1), [lint(c_small), yamllint(c_small)]),
        (Row(f"lint {large} maps"), [lint(c_large), yamllint(c_large)]),
        (Row(f"render {small} maps", target=0.25), [
            Cmd("journeyctl", fresh(None, out, [jc, "render", str(c_small), "-o", str(out)])), yamllint(c_small)]),
        (Row("diff 2 maps (600 lines)"), [Cmd("journeyctl", lambda: [
            jc, "diff", str(pair / "old.journey.yaml"), str(pair / "new.journey.yaml")], LINT_OK)]),
        (Row(f"fmt {small} maps"), [Cmd("journeyctl", fresh(c_small, work, [jc, "fmt", str(work)])),
                                    yamllint(c_small)]),
    ]
    rows = []
    for row, cmds in plan:
        print(f"measuring {row.name} ...", file=sys.stderr)
        rows.append(measure(row, cmds, repeat, tmp))
    by_name = {r.name: r for r in rows}
    lo, hi = by_name[f"lint {small} maps"], by_name[f"lint {large} maps"]
    scaling = Row(f"lint time {large}/{small} maps", unit="x", errors=lo.errors + hi.errors)
    scaling.ours, scaling.theirs = (b / a if a and b else None
                                    for a, b in ((lo.ours, hi.ours), (lo.theirs, hi.theirs)))
    rows.append(scaling)
    memory = Row(f"peak RSS lint {mem} maps", unit="MiB", target=150.0, absolute=True)
    print(f"measuring {memory.name} ...", file=sys.stderr)
    for tool, cmd in (("journeyctl", lint(c_mem)), ("yamllint", yamllint(c_mem))):
        try:
            value = peak_rss_mib(cmd.prepare(), cmd.ok, tmp)
            memory.runs[tool].append(value)
            setattr(memory, "ours" if tool == "journeyctl" else "theirs", value)
        except CommandFailed as exc:
            memory.errors.append(f"{tool}: {exc}")
            print(f"FAILED [{memory.name}] {exc}", file=sys.stderr)
    return [*rows, memory]


def fmt(value: float | None, unit: str) -> str:
    """Format a figure with its unit, or '-' when absent."""
    return "-" if value is None else {"s": f"{value:.3f} s", "x": f"x{value:.2f}", "MiB": f"{value:.1f} MiB"}[unit]


def print_table(rows: list[Row]) -> None:
    """Print the side-by-side table."""
    header = ("benchmark", "journeyctl", "yamllint", "ratio", "target", "result")
    lines = [header] + [(
        r.name, fmt(r.ours, r.unit), fmt(r.theirs, r.unit), "-" if r.ratio is None else f"{r.ratio:.3f}",
        "-" if r.target is None else (f"<= {r.target:g} {r.unit}" if r.absolute else f"<= {r.target:g}"),
        "FAILED" if r.errors else ("pass" if r.passed else "MISS") if r.target is not None else "ok") for r in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip())


def main() -> int:
    """Run the benchmark; return the process exit code."""
    ap = argparse.ArgumentParser(description="Benchmark journeyctl against yamllint, side by side.")
    ap.add_argument("--smoke", action="store_true", help="tiny corpora, 1 repetition, never fail on targets")
    ap.add_argument("--json", type=Path, default=Path(__file__).with_name("results.json"),
                    help="where to write the figures (default: bench/results.json)")
    ap.add_argument("--repeat", type=int, help="repetitions per command (default 5, 1 with --smoke)")
    args = ap.parse_args()
    repeat = args.repeat or (1 if args.smoke else 5)
    with tempfile.TemporaryDirectory(prefix="journeyctl-bench-") as tmp:
        rows = benchmark(Path(tmp), args.smoke, repeat)
    print_table(rows)
    machine = {"cpu_count": os.cpu_count(), "platform": platform.platform(), "python": sys.version.split()[0],
               "journeyctl": version(shutil.which("journeyctl") or "journeyctl"),
               "yamllint": version(shutil.which("yamllint") or "yamllint")}
    report = {"mode": "smoke" if args.smoke else "full", "repeat": repeat, "reference_date": TODAY.isoformat(),
              "machine": machine,
              "rows": [{**asdict(r), "ratio": r.ratio, "passed": r.passed} for r in rows]}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.json}")
    if any(r.errors for r in rows):
        return 1
    return 0 if args.smoke or all(r.passed for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
