"""Formatting: the whole document in fmt's canonical layout, comments kept (formatter/engine.py).

A map that does not load or validate, or that fmt refuses to rewrite, is left
as it is: the editor gets no edit, and the reason goes to the server's log.
"""

from __future__ import annotations

import logging
from typing import Optional

from lsprotocol import types

from journeyctl.core.errors import InvalidInput, JourneyctlError
from journeyctl.lsp.analysis import Buffer
from journeyctl.lsp.positions import Positions
from journeyctl.lsp.server import JourneyServer, server

logger = logging.getLogger("journeyctl.lsp")


@server.feature(types.TEXT_DOCUMENT_FORMATTING)
async def formatting(ls: JourneyServer, params: types.DocumentFormattingParams) -> Optional[list[types.TextEdit]]:
    buffer = ls.buffer(params.text_document.uri)
    if buffer is None:
        return None
    formatted = await ls.in_worker(formatted_text, buffer)
    if formatted is None:
        return None
    if formatted == buffer.text:
        return []
    whole = Positions(buffer.text, ls.workspace.position_codec)
    everything = types.Range(start=types.Position(line=0, character=0), end=whole.end())
    return [types.TextEdit(range=everything, new_text=formatted)]


def formatted_text(buffer: Buffer) -> Optional[str]:
    """The buffer's text as `journeyctl fmt` writes it, or None when fmt would leave the file alone."""
    # Loaded on the first request: most sessions never format, and the server starts faster without it.
    from journeyctl.formatter.engine import format_text

    try:
        return format_text(buffer.text, buffer.path)
    except InvalidInput as invalid:
        first = invalid.findings[0] if invalid.findings else None
        reason = f": {first.line}:{first.column} {first.code} {first.message}" if first else ""
        logger.warning("%s is not formatted, because it has errors%s", buffer.path, reason)
    except JourneyctlError as error:
        logger.warning("%s", error)
    return None
