"""What `serve` says on the terminal: where it serves, what it watches, a line per rebuild."""

from __future__ import annotations

import os
import time
from typing import TextIO

from journeyctl.core.findings import finding_spans
from journeyctl.core.textsafety import terminal_text as visible
from journeyctl.serve.scope import WatchPlan
from journeyctl.serve.site import Rebuild
from journeyctl.system.terminal import line_writer

_NAMED = 3  # changed files named in a rebuild line; more are counted


class Console:
    """The terminal of a running server: standard output for progress, standard error for warnings."""

    def __init__(self, out: TextIO, err: TextIO, colour: bool = False) -> None:
        self.out, self.err, self.colour = out, err, colour

    def started(self, served: str, url: str) -> None:
        self._say(f"Serving {visible(served)} at {url} (Ctrl-C to stop)")

    def watching(self, plan: WatchPlan) -> None:
        folders = ", ".join(visible(_shown(folder)) for folder in plan.folders)
        self._say(f"Watching {folders}{'' if plan.recursive else ' (not their subfolders)'} for changes.")

    def polling(self, reason: str) -> None:
        self._warn(f"native file watching is unavailable ({reason}); polling for changes instead.")

    def network(self, host: str, port: int) -> None:
        self._warn(
            f"listening on {host}, not 127.0.0.1: anyone who can reach this machine on port {port} "
            "can read the maps served. Leave out --host to keep them on this machine."
        )

    def rebuilt(self, rebuild: Rebuild) -> None:
        named = ", ".join(visible(_shown(path)) for path in rebuild.changed[:_NAMED])
        more = len(rebuild.changed) - _NAMED
        changed = named + (f" and {more} more" if more > 0 else "")
        if rebuild.reloaded:
            pages = f"; reloading {', '.join(visible(name) for name in rebuild.reloaded)}"
        else:
            pages = "; no open page changed"
        errors = len(rebuild.errors)
        problems = f"; {errors} error{'' if errors == 1 else 's'}:" if errors else ""
        if rebuild.problem is not None:
            problems = "; no page can be built:"
        stamp = time.strftime("%H:%M:%S")
        self._say(f"{stamp} {changed} changed: rebuilt in {rebuild.seconds:.2f} s{pages}{problems}")
        if rebuild.problem is not None:
            self._say("  " + visible(rebuild.problem))
        write_line = line_writer(self.out, self.colour)
        for finding in rebuild.errors:
            write_line([("  ", ""), *finding_spans(finding)])
        self.out.flush()

    def internal_error(self, doing: str, error: Exception) -> None:
        """A bug in journeyctl met while serving: one line, and the server goes on."""
        self.err.write(
            f"journeyctl serve: internal error while {doing}: {type(error).__name__}: {visible(str(error))}\n"
        )
        self.err.flush()

    def stopped(self) -> None:
        self._say("Stopped.")

    def _say(self, line: str) -> None:
        self.out.write(line + "\n")
        self.out.flush()

    def _warn(self, message: str) -> None:
        self.err.write(f"journeyctl serve: warning: {message}\n")
        self.err.flush()


def _shown(folder: str) -> str:
    relative = os.path.relpath(folder)
    return folder if relative.startswith("..") else relative
