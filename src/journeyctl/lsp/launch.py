"""Starting the server: each feature module registers its handlers as it is imported.

Standard output carries the protocol and nothing else: Python's `sys.stdout` is
pointed at standard error, so that no stray print can corrupt a message, and
logs go to standard error, which editors keep as the server's log.
"""

from __future__ import annotations

import logging
import sys

from journeyctl.lsp import (  # noqa: F401  (registering the features)
    code_actions,
    completion,
    definition,
    diagnostics,
    formatting,
    hover,
    references,
    symbols,
)
from journeyctl.lsp.server import server


def start() -> int:
    """Serve one editor over standard input and output; 0 once it has asked the server to exit."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="journeyctl lsp: %(levelname)s: %(message)s")
    protocol = sys.stdout.buffer
    sys.stdout = sys.stderr
    try:
        server.start_io(sys.stdin.buffer, protocol)
    finally:
        server.worker.shutdown(wait=False, cancel_futures=True)
    return 0
