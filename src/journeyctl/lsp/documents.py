"""Open documents whose lines are the editor's: broken at `\\n`, `\\r\\n` and `\\r` only, as LSP says.

pygls splits a document with str.splitlines, which also breaks at U+2028, U+0085,
form feeds and a few more: in a map holding one of them, an incremental edit
below it lands on the wrong line, and the server checks text the editor never had.
Its workspace is replaced, once initialised, by one whose documents split as LSP does.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Sequence
from typing import Any, Optional

from lsprotocol import types
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.workspace import TextDocument, Workspace

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


class EditorDocument(TextDocument):
    """A text document split into lines as the editor splits it."""

    @property
    def lines(self) -> Sequence[str]:
        return tuple(_LINE.findall(self.source))


class EditorWorkspace(Workspace):
    """pygls' workspace, holding EditorDocuments."""

    def _create_text_document(
        self,
        doc_uri: str,
        source: Optional[str] = None,
        version: Optional[int] = None,
        language_id: Optional[str] = None,
    ) -> TextDocument:
        return EditorDocument(
            doc_uri,
            source=source,
            version=version,
            language_id=language_id,
            sync_kind=types.TextDocumentSyncKind.Incremental,
            position_codec=self.position_codec,
        )


class EditorProtocol(LanguageServerProtocol):
    """pygls' protocol, whose workspace holds EditorDocuments."""

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(self, params: types.InitializeParams) -> Generator[Any, Any, types.InitializeResult]:
        result = yield from super().lsp_initialize(params)
        workspace = self.workspace
        self._workspace = EditorWorkspace(
            workspace.root_uri,
            types.TextDocumentSyncKind.Incremental,
            list(workspace.folders.values()),
            workspace.position_encoding,
        )
        return result
