"""A real LSP session with `journeyctl lsp` as a subprocess over stdio, and helpers to drive it as an editor does."""

from __future__ import annotations

import asyncio
import os
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from conftest import SRC

# How long a test waits for the server before it fails (a loaded CI machine is slow; a dead server never answers).
PATIENCE = 60.0


def make_client() -> LanguageClient:
    """pytest-lsp's test client, which also keeps every diagnostics publication with its version."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = defaultdict(list)  # type: ignore[attr-defined]

    def publish_diagnostics(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published[params.uri].append(params)  # type: ignore[attr-defined]

    features = {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish_diagnostics}
    register_lsp_features(client, features)
    return client


SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "journeyctl", "lsp"],
    server_env={**os.environ, "PYTHONPATH": str(SRC)},
    client_factory=make_client,
)


def initialize_params(root: Path, client: str = "visual-studio-code") -> types.InitializeParams:
    """What a real editor sends: its recorded capabilities (VS Code's offer no position encoding: UTF-16)."""
    return types.InitializeParams(
        capabilities=client_capabilities(client),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="maps")],
    )


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of the module's own (tests give their files distinct names)."""
    return tmp_path_factory.mktemp("workspace")


@pytest_lsp.fixture(scope="module", config=SERVER)
async def client(lsp_client: LanguageClient, workspace: Path):
    """One server per test module, initialised as VS Code does it."""
    await lsp_client.initialize_session(initialize_params(workspace))
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def editor(client: LanguageClient) -> Editor:
    return Editor(client)


class Editor:
    """Open, edit and close documents, and wait for what the server publishes about them."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.versions: dict[str, int] = {}

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.as_uri()
        self.versions[uri] = 1
        content = path.read_text(encoding="utf-8") if text is None else text
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=content)
            )
        )
        return uri

    def replace(self, uri: str, text: str) -> int:
        """Replace the whole text (a full-content change, as some editors send)."""
        return self.change(uri, [types.TextDocumentContentChangeWholeDocument(text=text)])

    def edit(self, uri: str, start: tuple[int, int], end: tuple[int, int], text: str) -> int:
        """An incremental change: replace the range from `start` to `end` (line, character) by `text`."""
        change = types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(*start), end=types.Position(*end)), text=text
        )
        return self.change(uri, [change])

    def change(self, uri: str, changes: Sequence[Any]) -> int:
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                content_changes=list(changes),
            )
        )
        return self.versions[uri]

    def save(self, uri: str) -> None:
        self.client.text_document_did_save(
            types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )

    def publications(self, uri: str) -> list[types.PublishDiagnosticsParams]:
        return list(self.client.published[uri])  # type: ignore[attr-defined]

    async def republished(self, uri: str, seen: int) -> list[types.Diagnostic]:
        """The diagnostics of the first publication after the `seen` first ones (a re-check at the same version)."""
        deadline = asyncio.get_running_loop().time() + PATIENCE
        while asyncio.get_running_loop().time() < deadline:
            published = self.publications(uri)
            if len(published) > seen:
                return list(published[seen].diagnostics)
            await asyncio.sleep(0.01)
        raise AssertionError(f"no new diagnostics published for {uri}")

    async def diagnostics(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        """The diagnostics published for the document's text at `version` (default: its latest)."""
        wanted = self.versions[uri] if version is None else version
        deadline = asyncio.get_running_loop().time() + PATIENCE
        while asyncio.get_running_loop().time() < deadline:
            for params in self.publications(uri):
                if params.version == wanted:
                    return list(params.diagnostics)
            await asyncio.sleep(0.01)
        raise AssertionError(f"no diagnostics published for {uri} at version {wanted}")


def position_of(text: str, needle: str, occurrence: int = 0, offset: int = 0) -> types.Position:
    """The UTF-16 position of `needle` in `text` (its `occurrence`-th time), `offset` characters into it."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    index += offset
    line = text.count("\n", 0, index)
    line_text = text[text.rfind("\n", 0, index) + 1 : index]
    return types.Position(line=line, character=len(line_text.encode("utf-16-le")) // 2)


def offset_of(text: str, position: types.Position) -> int:
    """The index into `text` of a UTF-16 position (LSP's line breaks)."""
    lines = text.splitlines(keepends=True) if text else [""]
    start = sum(len(line) for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for index, character in enumerate(line):
        if units >= position.character:
            return start + index
        units += len(character.encode("utf-16-le")) // 2
    return start + len(line.rstrip("\r\n"))


def apply_edits(text: str, edits: Sequence[types.TextEdit]) -> str:
    """The text after the edits, applied as an editor does (all ranges refer to the text before)."""
    spans = sorted(
        ((offset_of(text, e.range.start), offset_of(text, e.range.end), e.new_text) for e in edits), reverse=True
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text
