"""`python -m journeyctl` and the `journeyctl` command: Ctrl-C is answered even while starting."""

from __future__ import annotations

import sys


def run() -> None:
    """Import the command line and run the program (cli.run); an interrupt during the import exits 130."""
    try:
        from journeyctl.cli import run as program
    except KeyboardInterrupt:
        sys.stderr.write("journeyctl: interrupted.\n")
        raise SystemExit(130) from None
    program()


if __name__ == "__main__":
    run()
