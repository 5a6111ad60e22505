"""Benchmark: `journeyctl diff` of two ~600-line maps, wall clock including start-up.

    python bench/diff_maps.py [--runs N]

Writes two versions of a generated map (the second with emotions changed, a
touchpoint moved, a pain point removed, keys reordered) to a temporary folder
and runs the real command N times in fresh processes; prints the median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def journey(version: int) -> str:
    """A map of 7 stages x 4 touchpoints, each with a metric, a pain point and an opportunity."""
    lines = ["journeyctl: 1", "id: bench", "title: Benchmark journey", "last_reviewed: 2026-11-01", "stages:"]
    for s in range(7):
        lines += [f"  - id: stage-{s}", f"    name: Stage {s}", f"    description: What happens in stage {s}.", "    touchpoints:"]
        touchpoints = [(s, t) for t in range(4)]
        if version == 2 and s == 2:
            touchpoints.append((3, 0))
        if version == 2 and s == 3:
            touchpoints.remove((3, 0))
        for ts, t in touchpoints:
            lines.append(f"      - id: tp-{ts}-{t}")
            lines += [f"        {line}" for block in _touchpoint(version, ts, t) for line in block]
    return "\n".join(lines) + "\n"


def _touchpoint(version: int, s: int, t: int) -> list[list[str]]:
    """The keys of a touchpoint as blocks of lines; version 2 changes some and reverses their order."""
    emotion = (s + t) % 5 - 2 if version == 1 or t != 1 else (s + t + 1) % 5 - 2
    blocks = [
        [f"name: Touchpoint {s}.{t}"], ["channel: website"], [f"emotion: {emotion}"],
        [f"doing: Does step {t} of stage {s}"], [f'thinking: "Is step {t} done yet?"'],
        ["backstage:", "  - A system", "  - A team"],
        ["metrics:", f"  - name: Conversion {t}", f"    value: {50 + t}", '    unit: "%"'],
        ["opportunities:", f"  - id: opp-{s}-{t}", f"    description: Fix step {t}", "    status: planned"],
    ]
    if not (version == 2 and s == 5 and t == 2):
        blocks.append(["pain_points:", f"  - id: pain-{s}-{t}", f"    description: Step {t} hurts.", "    severity: high"])
    return blocks[::-1] if version == 2 else blocks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        old, new = Path(folder, "old.journey.yaml"), Path(folder, "new.journey.yaml")
        old.write_text(journey(1), encoding="utf-8")
        new.write_text(journey(2), encoding="utf-8")
        sizes = [len(path.read_text().splitlines()) for path in (old, new)]
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "journeyctl", "diff", str(old), str(new)], capture_output=True, env=env)
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                sys.stderr.write(done.stderr.decode())
                return 1
        summary = done.stdout.decode().splitlines()[-1]
    print(f"diff of {sizes[0]}- and {sizes[1]}-line maps ({summary}): median {statistics.median(times) * 1000:.0f} ms, best {min(times) * 1000:.0f} ms over {runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
