"""`journeyctl lsp`: a language server for journey maps (diagnostics, hover, navigation, completion,
fixes, formatting, outline), a front end of the same engine as `journeyctl lint`.

Nothing here imports pygls at the top: it is an extra (`journeyctl[lsp]`), and
only this command needs it.
"""

from __future__ import annotations

from journeyctl.core.errors import JourneyctlError

INSTALL = "pip install 'journeyctl[lsp]'"


def serve() -> int:
    """Run the language server over standard input and output until the editor ends it."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        raise JourneyctlError(
            f"`journeyctl lsp` needs the language server packages (pygls, lsprotocol); install them with: {INSTALL}"
        ) from None
    from journeyctl.lsp.launch import start
    from journeyctl.system.process import settle

    settle()  # a server runs for hours: its cycle collector runs as usual from here
    return start()
