"""The language server: one pygls server, the open buffers' analyses, and one worker thread for the engine.

Every check runs in the worker, one at a time, so that the event loop keeps
answering the editor while a large map is checked, and the persona libraries'
cache is only ever filled from one thread. Feature modules register their
handlers on `server` (`@server.feature`), as pygls' examples do.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Optional, TypeVar
from urllib.parse import unquote, urlparse

from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from journeyctl import __version__
from journeyctl.check.references import PersonaLibraries, read_file
from journeyctl.lsp.analysis import Analysis, Buffer, analyse
from journeyctl.lsp.documents import EditorProtocol
from journeyctl.lsp.positions import Positions

logger = logging.getLogger("journeyctl.lsp")
Result = TypeVar("Result")


class JourneyServer(LanguageServer):
    """pygls' server, with the buffers, analyses and pending checks of one editor session."""

    def __init__(self) -> None:
        super().__init__("journeyctl", __version__, protocol_cls=EditorProtocol)
        self.buffers: dict[str, str] = {}  # the text of each open document, by normalised path
        self.libraries = PersonaLibraries(read=self.read_text)
        self.analyses: dict[str, Analysis] = {}  # the latest analysis of each open document, by URI
        self.loaded: dict[str, Analysis] = {}  # the latest analysis of each open document that loaded, by URI
        self.pending: dict[str, asyncio.Task[None]] = {}  # the scheduled check of a document, by URI
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journeyctl-check")
        self.told: set[str] = set()  # messages shown to the user once (an unusable config file)
        self.stamps: dict[str, Optional[tuple[int, int]]] = {}  # size and time of the library files on disk

    def read_text(self, path: str) -> str:
        """A file's text as the editor has it: the open buffer's unsaved text, else the file's."""
        text = self.buffers.get(os.path.normpath(path))
        return text if text is not None else read_file(path)

    def open_document(self, uri: str) -> Optional[TextDocument]:
        """The open document at `uri`, or None (pygls' get_text_document would make one up)."""
        documents: dict[str, TextDocument] = self.workspace.text_documents
        return documents.get(unquote(uri))

    def buffer(self, uri: str) -> Optional[Buffer]:
        """The open document's current text and version."""
        document = self.open_document(uri)
        if document is None:
            return None
        return Buffer(uri, path_of(uri), document.version, document.source)

    async def analysis(self, uri: str) -> Optional[Analysis]:
        """The analysis of an open document's current text: the cached one, or a new one from the worker."""
        buffer = self.buffer(uri)
        if buffer is None:
            return None
        cached = self.analyses.get(uri)
        if cached is not None and cached.buffer.version == buffer.version:
            return cached
        # Libraries that are not open may have changed on disk since the last check.
        on_disk = cached.libraries.difference(self.buffers) if cached is not None else frozenset()
        result = await asyncio.get_running_loop().run_in_executor(self.worker, self._analyse, buffer, on_disk)
        current = self.open_document(uri)
        if current is not None and current.version == buffer.version:
            self.analyses[uri] = result
            if result.document is not None:
                self.loaded[uri] = result
        return result

    async def in_worker(self, work: Callable[..., Result], *args: Any) -> Result:
        """Run engine work (loading other files, formatting) in the worker, off the event loop."""
        return await asyncio.get_running_loop().run_in_executor(self.worker, work, *args)

    def _analyse(self, buffer: Buffer, on_disk: Iterable[str]) -> Analysis:
        for path in on_disk:
            stamp = _stamp(path)
            if self.stamps.get(path) != stamp:
                self.libraries.forget(path)
                self.stamps[path] = stamp
        codec = self.workspace.position_codec
        try:
            return analyse(buffer, codec, self.libraries)
        except Exception:  # an engine bug must cost this check, not the editor's session
            logger.exception("journeyctl could not check %s", buffer.path)
            return Analysis(buffer, Positions(buffer.text, codec))

    def touched(self, uri: str) -> list[str]:
        """Note that a document was opened, changed or closed; the open maps that use it as a persona library."""
        buffer = self.buffer(uri)
        if buffer is None:  # closed
            self.analyses.pop(uri, None)
            self.loaded.pop(uri, None)
            path = path_of(uri)
            self.buffers.pop(path, None)
        else:
            path = buffer.path
            self.buffers[path] = buffer.text
        self.libraries.forget(path)
        return [other for other, analysis in self.analyses.items() if path in analysis.libraries and other != uri]

    def report_server_error(self, error: Exception, source: Any) -> None:
        """Errors go to the editor's log of the server (standard error), never to a pop-up."""
        logger.error("%s", error)


def _stamp(path: str) -> Optional[tuple[int, int]]:
    """A file's size and modification time (None when it cannot be read): when they change, so did the file."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def path_of(uri: str) -> str:
    """The file a document's URI names (for other schemes, the URI's path), normalised."""
    return os.path.normpath(to_fs_path(uri) or unquote(urlparse(uri).path))


server = JourneyServer()
