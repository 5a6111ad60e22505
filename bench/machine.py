"""What is measured and where: the two tools as bench/run.py runs them, and the machine.

journeyctl is always the one of the checkout this file lives in (``src/`` first on PYTHONPATH,
started as the console script starts it), so a branch measures itself, whatever ``journeyctl``
on PATH is. yamllint is the console script installed next to the Python running the benchmark,
so both tools start the same interpreter with the same site-packages.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
# GitHub Actions would switch lint to annotations and append to the step summary. Without
# bytecode every run would compile journeyctl from source, which no installed copy does.
_DROPPED = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR", "PYTHONDONTWRITEBYTECODE")


@dataclass(frozen=True)
class Tool:
    """A measured command: its argv prefix, its environment, and a line saying what it is."""

    name: str
    argv: list[str]
    env: dict[str, str]
    where: str


def bench_env() -> dict[str, str]:
    """The environment of every measured command: this checkout's src first on PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))
    return env


def launcher() -> str:
    """What the `journeyctl` console script runs (minus its argv[0] clean-up), from pyproject.toml."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: journeyctl depends on tomli there
        import tomli as tomllib  # type: ignore[no-redef]

    with open(REPO / "pyproject.toml", "rb") as handle:
        entry = tomllib.load(handle)["project"]["scripts"]["journeyctl"]
    module, function = entry.split(":")
    return f"import sys; from {module} import {function}; sys.exit({function}())"


def journeyctl_tool() -> Tool:
    """This checkout's journeyctl, its bytecode compiled as pip compiles an installed package's;
    exits if the interpreter would import another copy."""
    env = bench_env()
    code = launcher()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(SRC)], env=env, check=True)
    found = subprocess.run(
        [sys.executable, "-c", "import journeyctl; print(journeyctl.__file__)"], env=env, capture_output=True, text=True
    ).stdout.strip()
    if not found or not Path(found).resolve().is_relative_to(SRC.resolve()):
        sys.exit(f"bench: {sys.executable} imports journeyctl from {found or 'nowhere'}, not from {SRC}")
    where = f"{Path(found).parent} (this checkout, bytecode compiled), run as `{sys.executable} -c '{code}'`"
    return Tool("journeyctl", [sys.executable, "-c", code], env, where)


def yamllint_tool() -> Tool:
    """The yamllint console script of the benchmark's own Python (not a version-manager shim)."""
    beside = Path(sys.executable).parent / "yamllint"
    exe = str(beside) if beside.exists() else (shutil.which("yamllint") or "yamllint")
    return Tool("yamllint", [exe], bench_env(), f"{exe} ({version([exe])})")


def version(argv: list[str]) -> str:
    """First line of ``argv --version``, or why it is unavailable."""
    try:
        out = subprocess.run([*argv, "--version"], capture_output=True, text=True, timeout=60, env=bench_env())
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unavailable ({exc})"
    text = (out.stdout or out.stderr).strip()
    return text.splitlines()[0] if out.returncode == 0 and text else f"exit {out.returncode}"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_total() -> str:
    try:
        with open("/proc/meminfo") as handle:
            kib = int(handle.readline().split()[1])
        return f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        return "unknown"


def _git(*args: str) -> str:
    out = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else "unknown"


def load_average() -> Optional[float]:
    """The 1-minute load average: above 1 on 2 cores, other work competes for them."""
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None


def describe_machine() -> dict[str, object]:
    """The machine and the software measured, as of now (load average included)."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "memory": _memory_total(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "load_average_1_5_15_min": [round(x, 2) for x in load] if load else None,
        "journeyctl": version(journeyctl_tool().argv),
        "yamllint": version(yamllint_tool().argv),
        "commit": _git("rev-parse", "HEAD") + (" (with uncommitted changes)" if _git("status", "--porcelain") else ""),
    }
