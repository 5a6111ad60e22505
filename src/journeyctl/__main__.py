"""`python -m journeyctl` and the `journeyctl` command: Ctrl-C is answered even while starting."""

from __future__ import annotations

import sys


def run() -> int:
    """Import the command line and run it; an interrupt during the import exits 130 quietly."""
    try:
        from journeyctl.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("journeyctl: interrupted.\n")
        return 130
    return main()


if __name__ == "__main__":
    raise SystemExit(run())
