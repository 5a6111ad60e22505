#!/usr/bin/env python3
"""`journeyctl serve` rows: from saving a 650-line map to the reloaded page, and memory over 1,000 edits.

    python bench/serve.py [--smoke] [--edits N] [--json PATH]

This checkout's journeyctl serves a generated 650-line map (bench/corpus.py) on a free port;
Debian's Chromium (Playwright) shows its page. Each edit saves the map with a new title the way
editors do (a temporary file renamed over it) and times from just before the save to the end of
the reloaded page's `load` event, as the browser's own clock stamps it (performance.timeOrigin +
loadEventEnd; both clocks are the machine's wall clock). The next edit waits until the page is
listening again, as a person's next save would. Memory is the server process's resident set
(VmRSS) after 20 warm-up edits and after all of them. Exit 1 if a target is missed (not in smoke).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402
from machine import describe_machine, journeyctl_tool, load_average  # noqa: E402

TODAY = "2026-11-23"
SEED = 1
LINES = 650
WARM_UP = 20
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
RELOAD_TARGET_S = 0.5
GROWTH_TARGET_MIB = 10.0
LOADED = "() => { const n = performance.getEntriesByType('navigation')[0]; return n && n.loadEventEnd > 0; }"
LOADED_AT = "() => performance.timeOrigin + performance.getEntriesByType('navigation')[0].loadEventEnd"
LISTENING = "() => document.documentElement.dataset.liveReload === 'on'"


def rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def start_server(folder: Path) -> tuple[subprocess.Popen[str], str]:
    tool = journeyctl_tool()
    argv = [*tool.argv, "serve", str(folder), "--port", "0", "--today", TODAY]
    server = subprocess.Popen(argv, cwd=folder, env=tool.env, stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    url = ""
    for line in server.stdout:
        if line.startswith("Watching"):
            # Its line per rebuild must be read, or a full pipe would stop the server after some 600 edits.
            threading.Thread(target=server.stdout.read, daemon=True).start()
            return server, url
        found = re.search(r"http://\S+/", line)
        if found:
            url = found.group()
    raise SystemExit(f"bench: the server stopped before it was ready (exit {server.wait()})")


def save(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def edit(page: Any, path: Path, text: str, number: int) -> float:
    """Save the map with a new title; seconds until the reloaded page finished loading."""
    title = f"Edit number {number}"
    with page.expect_event("load", timeout=30_000):
        saved = time.time()
        save(path, re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M))
    page.wait_for_function(LOADED, timeout=30_000)
    loaded = page.evaluate(LOADED_AT) / 1000
    shown = page.locator("h1").inner_text()
    if shown != title:
        raise SystemExit(f"bench: the page shows {shown!r} after saving {title!r}")
    page.wait_for_function(LISTENING, timeout=30_000)
    return loaded - saved


def measure(edits: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="journeyctl-bench-serve-") as tmp:
        path = write_corpus(Path(tmp), 1, LINES, SEED, date.fromisoformat(TODAY))[0]
        text = path.read_text(encoding="utf-8")
        server, url = start_server(Path(tmp))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                page = browser.new_page()
                page.goto(url + re.search(r"^id: (.*)$", text, re.M).group(1) + ".html")  # type: ignore[union-attr]
                page.wait_for_function(LISTENING, timeout=30_000)
                times = [edit(page, path, text, number) for number in range(WARM_UP)]
                before = rss_mib(server.pid)
                times += [edit(page, path, text, number) for number in range(WARM_UP, edits)]
                after = rss_mib(server.pid)
                browser.close()
        finally:
            server.terminate()
            server.wait(30)
    measured = times[WARM_UP:] or times
    return {
        "lines": LINES,
        "edits": edits,
        "reload_seconds": {
            "median": statistics.median(measured),
            "p90": statistics.quantiles(measured, n=10)[-1] if len(measured) >= 10 else max(measured),
            "max": max(measured),
            "first_edit": times[0],
            "all": times,
        },
        "rss_mib": {"after_warm_up": before, "after_all_edits": after, "growth": after - before},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description="Benchmark journeyctl serve: reload time and memory over many edits.")
    ap.add_argument("--smoke", action="store_true", help="30 edits, no target checked")
    ap.add_argument("--edits", type=int, help="edits to make (default 1,000; 30 with --smoke)")
    ap.add_argument("--json", type=Path, default=Path(__file__).with_name("results-serve.json"))
    args = ap.parse_args()
    edits = args.edits or (30 if args.smoke else 1000)
    if not os.path.exists(CHROMIUM):
        print(f"bench: no Chromium at {CHROMIUM} (apt-get install -y chromium)", file=sys.stderr)
        return 1
    load = load_average()
    figures = measure(edits)
    reload, memory = figures["reload_seconds"], figures["rss_mib"]
    reload_ok = reload["median"] < RELOAD_TARGET_S
    growth_ok = memory["growth"] < GROWTH_TARGET_MIB
    print("| benchmark | journeyctl | target | result | load |")
    print("|---|---|---|---|---|")
    print(
        f"| serve: save {LINES}-line map -> reloaded page (median of {edits - WARM_UP if edits > WARM_UP else edits}) "
        f"| {reload['median']:.3f} s (p90 {reload['p90']:.3f} s, max {reload['max']:.3f} s) "
        f"| < {RELOAD_TARGET_S} s | {'pass' if reload_ok else 'MISS'} | {load} |"
    )
    print(
        f"| serve: server memory growth over {edits} edits | {memory['growth']:+.1f} MiB "
        f"({memory['after_warm_up']:.1f} -> {memory['after_all_edits']:.1f} MiB) "
        f"| < {GROWTH_TARGET_MIB:g} MiB | {'pass' if growth_ok else 'MISS'} | {load} |"
    )
    report = {"mode": "smoke" if args.smoke else "full", "machine": describe_machine(), **figures}
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {args.json}")
    return 0 if args.smoke or (reload_ok and growth_ok) else 1


if __name__ == "__main__":
    sys.exit(main())
