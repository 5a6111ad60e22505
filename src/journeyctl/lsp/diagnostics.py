"""Diagnostics: lint's findings for each open map, pushed on open, change (debounced) and save.

Each publication carries the version of the text that was checked; a check
whose document changed or closed meanwhile publishes nothing.
"""

from __future__ import annotations

import asyncio
import logging

from lsprotocol import types

from journeyctl.lsp.server import JourneyServer, server

# Typing pauses shorter than this do not start a check: one check per burst of keystrokes.
DEBOUNCE_SECONDS = 0.15
logger = logging.getLogger("journeyctl.lsp")


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: JourneyServer, params: types.DidOpenTextDocumentParams) -> None:
    changed(ls, params.text_document.uri, delay=0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: JourneyServer, params: types.DidChangeTextDocumentParams) -> None:
    changed(ls, params.text_document.uri, delay=DEBOUNCE_SECONDS)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: JourneyServer, params: types.DidSaveTextDocumentParams) -> None:
    # The config file or a library on disk may have changed with it: check afresh.
    ls.analyses.pop(params.text_document.uri, None)
    changed(ls, params.text_document.uri, delay=0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: JourneyServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    pending = ls.pending.pop(uri, None)
    if pending is not None:
        pending.cancel()
    changed(ls, uri, delay=0)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def changed(ls: JourneyServer, uri: str, delay: float) -> None:
    """Check a document that changed (if it is open), and the open maps that use it as their persona library."""
    for dependent in ls.touched(uri):
        ls.analyses.pop(dependent, None)
        schedule(ls, dependent, delay)
    if ls.open_document(uri) is not None:
        schedule(ls, uri, delay)


def schedule(ls: JourneyServer, uri: str, delay: float) -> None:
    """Check a document after `delay` seconds, replacing a check scheduled before."""
    pending = ls.pending.pop(uri, None)
    if pending is not None:
        pending.cancel()
    task = asyncio.ensure_future(_check_and_publish(ls, uri, delay))
    ls.pending[uri] = task
    task.add_done_callback(lambda done: ls.pending.pop(uri) if ls.pending.get(uri) is done else None)


async def _check_and_publish(ls: JourneyServer, uri: str, delay: float) -> None:
    await asyncio.sleep(delay)
    try:
        analysis = await ls.analysis(uri)
    except Exception:
        logger.exception("journeyctl could not check %s", uri)
        return
    document = ls.open_document(uri)
    if analysis is None or document is None or document.version != analysis.buffer.version:
        return  # closed or changed while being checked: a newer check is on its way, or none is wanted
    if analysis.config_error and analysis.config_error not in ls.told:
        ls.told.add(analysis.config_error)
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=analysis.config_error))
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=uri, diagnostics=analysis.diagnostics, version=analysis.buffer.version)
    )
