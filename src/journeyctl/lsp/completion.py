"""Completion: ids where a reference is written (`evidence`, `addresses`, `persona`, library personas
included), the channel vocabulary (with the configured `channels`), the format's enum values, and rule
codes and names inside `# journeyctl: ignore[...]`.

Text being typed rarely parses, so the context is read from the lines around the
cursor (the key on the cursor's line, or the key of the list above it), and the
ids from the last version of the buffer that loaded.
"""

from __future__ import annotations

import os
import re
from typing import Any, Optional, get_args

from lsprotocol import types

from journeyctl.lsp.analysis import Analysis, settings_for
from journeyctl.lsp.completion_context import Context, context_at
from journeyctl.lsp.positions import Positions
from journeyctl.lsp.server import JourneyServer, server
from journeyctl.lsp.targets import identified
from journeyctl.model import JourneyMap, Metric, Opportunity, PainPoint, PersonaLibrary, Source
from journeyctl.rules import RULES
from journeyctl.source.discovery import YAML_SUFFIXES

# Keys whose value is one of the format's fixed words, with the model field that states them.
ENUMS = {
    "severity": (PainPoint, "severity"),
    "status": (Opportunity, "status"),
    "state": (JourneyMap, "state"),
    "better": (Metric, "better"),
}
_LIBRARY_KIND = re.compile(r"^kind[ \t]*:[ \t]*[\"']?personas[\"']?[ \t]*(?:#.*)?$", re.MULTILINE)


@server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=["[", ",", " ", ":"]))
async def completion(ls: JourneyServer, params: types.CompletionParams) -> Optional[types.CompletionList]:
    buffer = ls.buffer(params.text_document.uri)
    if buffer is None:
        return None
    positions = Positions(buffer.text, ls.workspace.position_codec)
    above = (positions.client_line(line) for line in range(params.position.line - 1, -1, -1))
    context = context_at(positions.client_prefix(params.position), above)
    if context is None:
        return None
    loaded = ls.loaded.get(buffer.uri)
    if context.key == "persona" and loaded is not None:
        choices = await ls.in_worker(persona_choices, ls, loaded)
    else:
        choices = value_choices(context, loaded, buffer.path)
    if not choices:
        return None
    start = types.Position(
        line=params.position.line,
        character=params.position.character - ls.workspace.position_codec.client_num_units(context.partial),
    )
    edit_range = types.Range(start=start, end=params.position)
    items = [
        types.CompletionItem(
            label=label,
            kind=kind,
            detail=detail,
            text_edit=types.TextEdit(range=edit_range, new_text=label),
        )
        for label, kind, detail in choices
    ]
    return types.CompletionList(is_incomplete=False, items=items)


Choice = tuple[str, types.CompletionItemKind, Optional[str]]


def value_choices(context: Context, loaded: Optional[Analysis], path: str) -> list[Choice]:
    """What may be written at the cursor, by the key it is the value of."""
    if context.key is None:
        return [*_rules()]
    if context.key in ENUMS:
        model, field = ENUMS[context.key]
        return [(word, types.CompletionItemKind.EnumMember, None) for word in _literal(model, field)]
    if context.key == "kind":
        top = _literal(JourneyMap, "kind") + _literal(PersonaLibrary, "kind")
        words = top if context.top_level else _literal(Source, "kind")
        return [(word, types.CompletionItemKind.EnumMember, None) for word in words]
    if context.key == "channel":
        checker = loaded.checker if loaded is not None else None
        settings = checker.settings if checker is not None else settings_for(path)[0]
        return [(channel, types.CompletionItemKind.Value, "channel") for channel in sorted(settings.channels)]
    data = loaded.data if loaded is not None else {}
    entity = {"evidence": "source", "addresses": "pain_point"}.get(context.key)
    if entity is None:
        return []
    detail_key = "title" if entity == "source" else "description"
    return [
        (item.data["id"], types.CompletionItemKind.Reference, _one_line(item.data.get(detail_key)))
        for item in identified(data)
        if item.entity == entity
    ]


def persona_choices(ls: JourneyServer, loaded: Analysis) -> list[Choice]:
    """The personas of the map, and of the persona libraries open or next to it (`file.yaml#id`)."""
    choices: list[Choice] = [
        (item.data["id"], types.CompletionItemKind.Reference, _one_line(item.data.get("name")))
        for item in identified(loaded.data)
        if item.entity == "persona"
    ]
    folder = os.path.dirname(loaded.buffer.path)
    for library in sorted(_libraries_near(ls, folder) | loaded.libraries):
        found = ls.libraries.library(loaded.buffer.path, os.path.relpath(library, folder))
        if isinstance(found, dict):
            name = os.path.relpath(library, folder).replace(os.sep, "/")
            choices += [(f"{name}#{ident}", types.CompletionItemKind.Reference, p.name) for ident, p in found.items()]
    return choices


def _libraries_near(ls: JourneyServer, folder: str) -> set[str]:
    """Persona library files open in the editor, or in the map's folder (their header says `kind: personas`)."""
    found = {path for path, text in ls.buffers.items() if _LIBRARY_KIND.search(text[:4096])}
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        names = []
    for name in names:
        path = os.path.join(folder, name)
        if name.endswith(YAML_SUFFIXES) and path not in ls.buffers and os.path.isfile(path):
            with open(path, encoding="utf-8", errors="replace") as handle:
                if _LIBRARY_KIND.search(handle.read(4096)):
                    found.add(os.path.normpath(path))
    return found


def _rules() -> list[Choice]:
    """Rule codes and names, for a suppression comment."""
    keyword = types.CompletionItemKind.Keyword
    rules = RULES.values()
    codes: list[Choice] = [(rule.code, keyword, f"{rule.name}: {rule.summary}") for rule in rules]
    return codes + [(rule.name, keyword, f"{rule.code}: {rule.summary}") for rule in rules]


def _literal(model: Any, field: str) -> list[str]:
    return [str(word) for word in get_args(model.model_fields[field].annotation)]


def _one_line(value: Any) -> Optional[str]:
    return " ".join(str(value).split()) if value is not None else None
