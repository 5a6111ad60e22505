#!/usr/bin/env python3
"""Latency of this checkout's `journeyctl lsp`, spoken to over stdio as an editor does.

    python bench/lsp.py [--edits N] [--starts N] [--smoke] [--json PATH]

Two rows, on a 650-line map of the corpus (with its persona library):

- `didChange -> publishDiagnostics`: the median time from an edit (a letter typed
  into the title) to the diagnostics of that version, warm (after a few edits),
  minus the server's debounce (the pause it waits for more keystrokes). Target: < 50 ms.
- `initialize -> first diagnostics`: from the `initialize` request to the first
  diagnostics of the map opened right after it, in a new server process each time.
  Target: < 1.5 s.

Exit 1 when a target is missed (not in --smoke mode, which only checks that it runs).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402
from machine import SRC, describe_machine, journeyctl_tool, load_average  # noqa: E402

sys.path.insert(0, str(SRC))
from lsprotocol import types  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from journeyctl.lsp.diagnostics import DEBOUNCE_SECONDS  # noqa: E402

LINES = 650
TARGETS = {"change": 0.050, "start": 1.5}


class Session:
    """One server process, one open map, and the time each version's diagnostics arrived."""

    def __init__(self) -> None:
        self.client = LanguageClient("journeyctl-bench", "1")
        self.arrived: dict[int, float] = {}
        self.codes: set[str] = set()  # the codes of every diagnostic published: the map must stay valid

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            if params.version is not None:
                self.arrived.setdefault(params.version, time.perf_counter())
                self.codes.update(str(diagnostic.code) for diagnostic in params.diagnostics)

    async def start(self, folder: Path) -> float:
        """Start the server; the seconds from `initialize` to the first diagnostics of the map."""
        tool = journeyctl_tool()
        await self.client.start_io(*tool.argv, "lsp", env=tool.env)
        began = time.perf_counter()
        await self.client.initialize_async(
            types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=folder.as_uri())
        )
        self.client.initialized(types.InitializedParams())
        path = folder / "map-0001.journey.yaml"
        self.uri, text = path.as_uri(), path.read_text(encoding="utf-8")
        lines = text.split("\n")
        self.title_line = next(number for number, line in enumerate(lines) if line.startswith("title:"))
        # Typing goes inside the title's text: before its closing quote when it is quoted.
        self.title_end = len(lines[self.title_line]) - (lines[self.title_line][-1] in "'\"")
        self.version = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=self.uri, language_id="yaml", version=1, text=text)
            )
        )
        return await self._until(1) - began

    async def edit(self) -> float:
        """Type a letter at the end of the title's text; the seconds until its diagnostics, less the debounce."""
        self.version += 1
        at = types.Position(line=self.title_line, character=self.title_end)
        self.title_end += 1
        sent = time.perf_counter()
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version),
                content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=at, end=at), text="x")],
            )
        )
        return await self._until(self.version) - sent - DEBOUNCE_SECONDS

    async def _until(self, version: int) -> float:
        deadline = time.perf_counter() + 60
        while version not in self.arrived:
            if time.perf_counter() > deadline:
                raise SystemExit(f"bench: no diagnostics for version {version} within 60 s")
            await asyncio.sleep(0.0005)
        return self.arrived[version]

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


async def measure(folder: Path, edits: int, starts: int, warmup: int) -> dict[str, list[float]]:
    figures: dict[str, list[float]] = {"change": [], "start": []}
    for index in range(starts):
        session = Session()
        figures["start"].append(await session.start(folder))
        if index == 0:
            for _ in range(warmup):
                await session.edit()
            figures["change"] = [await session.edit() for _ in range(edits)]
        await session.stop()
        errors = sorted(code for code in session.codes if code.startswith("E"))
        if errors:
            raise SystemExit(f"bench: the map did not stay valid while typing ({', '.join(errors)}): nothing measured")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=40, help="edits measured (default 40)")
    parser.add_argument("--starts", type=int, default=7, help="server starts measured (default 7)")
    parser.add_argument("--smoke", action="store_true", help="3 edits, 1 start, no target checked")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    edits, starts, warmup = (3, 1, 1) if args.smoke else (args.edits, args.starts, 5)
    load = load_average()
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(folder, 1, LINES, seed=1, today=date.today())
        figures = asyncio.run(measure(Path(folder), edits, starts, warmup))
    rows = [
        ("lsp didChange -> publishDiagnostics (650 lines, warm, debounce excluded)", "change"),
        ("lsp initialize -> first diagnostics (650 lines)", "start"),
    ]
    missed = False
    print("| benchmark | median | min | max | runs | target | result | load |")
    print("|---|---|---|---|---|---|---|---|")
    for label, key in rows:
        values = figures[key]
        median = statistics.median(values)
        passed = median <= TARGETS[key]
        missed = missed or not passed
        result = "ok" if args.smoke else ("pass" if passed else "MISS")
        print(
            f"| {label} | {median * 1000:.1f} ms | {min(values) * 1000:.1f} ms | {max(values) * 1000:.1f} ms | "
            f"{len(values)} | < {TARGETS[key] * 1000:g} ms | {result} | {load} |"
        )
    if args.json:
        report: dict[str, Any] = {"machine": describe_machine(), "debounce": DEBOUNCE_SECONDS, "figures": figures}
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 1 if missed and not args.smoke else 0


if __name__ == "__main__":
    sys.exit(main())
