"""One buffer checked by the check service, as `journeyctl lint` checks the file, with what the features need.

Runs in the server's worker thread, never on the event loop: a check of a large
map takes a while, and the editor must get its answers meanwhile.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from journeyctl.check.references import PersonaLibraries, library_path, split_reference
from journeyctl.check.service import Checked, Checker, make_finding
from journeyctl.config.files import load_configuration
from journeyctl.config.settings import Settings
from journeyctl.core.errors import JourneyctlError, LoadError
from journeyctl.lsp.findings import diagnostic
from journeyctl.lsp.positions import Positions
from journeyctl.source.loader import Document, check_size, looks_like_map

# Files named like maps are checked from their first keystroke; other YAML files
# only once they have the `journeyctl:` header (an editor may start the server for every YAML file).
_MAP_NAME = re.compile(r"\.journey\.ya?ml$")


@dataclass(frozen=True)
class Buffer:
    """An open document's text at one version: what is checked."""

    uri: str
    path: str
    version: Optional[int]
    text: str


@dataclass
class Analysis:
    """A buffer's check: the check service's result (None for a YAML file that is not a map)."""

    buffer: Buffer
    positions: Positions
    checked: Optional[Checked] = None
    checker: Optional[Checker] = None
    config_error: Optional[str] = None
    # The persona library files the map names: when one changes, the map is checked again.
    libraries: frozenset[str] = frozenset()
    diagnostics: list[types.Diagnostic] = field(default_factory=list)

    @property
    def document(self) -> Optional[Document]:
        """The loaded document, when the text is YAML with the journeyctl header."""
        return self.checked.document if self.checked is not None else None

    @property
    def data(self) -> dict[str, Any]:
        """The document's plain data ({} when it did not load)."""
        document = self.document
        return document.data if document is not None else {}


def analyse(buffer: Buffer, codec: PositionCodec, libraries: PersonaLibraries) -> Analysis:
    """Check a buffer with the settings of the config file found upward from it, today's date and the
    persona libraries (open buffers first)."""
    analysis = Analysis(buffer, Positions(buffer.text, codec))
    if not is_map(buffer):
        return analysis
    settings, analysis.config_error = settings_for(buffer.path)
    checker = Checker("lint", settings, date.today(), libraries)
    analysis.checker = checker
    try:
        check_size(len(buffer.text.encode("utf-8", "surrogatepass")))
    except LoadError as error:
        finding = make_finding(buffer.path, error.code, error.line, error.column, error.message, settings)
        analysis.checked = Checked(buffer.path, [finding], text=buffer.text)
        analysis.diagnostics = [diagnostic(finding, None, analysis.positions)]
        return analysis
    analysis.checked = checker.check_text(buffer.text, buffer.path)
    analysis.libraries = named_libraries(buffer.path, analysis.data)
    document, positions = analysis.document, analysis.positions
    analysis.diagnostics = [diagnostic(finding, document, positions) for finding in analysis.checked.findings]
    return analysis


def is_map(buffer: Buffer) -> bool:
    """Whether a buffer is checked: a file named like a map, or one that has the `journeyctl:` header."""
    if _MAP_NAME.search(buffer.path):
        return True
    return looks_like_map(buffer.text.encode("utf-8", "surrogatepass"))


def settings_for(path: str) -> tuple[Settings, Optional[str]]:
    """The settings of the config file found from the file's folder up; defaults and why, when it is unusable."""
    try:
        return load_configuration(os.path.dirname(path)).settings, None
    except JourneyctlError as error:
        return Settings(), f"{error} The default settings are used until it is fixed."


def named_libraries(path: str, data: dict[str, Any]) -> frozenset[str]:
    """The persona library file a map's `persona: file.yaml#id` names, if any."""
    persona = data.get("persona")
    if not isinstance(persona, str):
        return frozenset()
    library, _ = split_reference(persona)
    return frozenset({library_path(path, library)}) if library else frozenset()
