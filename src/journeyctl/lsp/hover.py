"""Hover: what a reference names, a rule's documentation in a suppression comment, the map's emotion scale.

Map text is shown through escape_markdown (the one escaping of Markdown): a map
is untrusted, and an editor renders hovers as Markdown.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from lsprotocol import types

from journeyctl.check.suppressions import find_suppressions
from journeyctl.core.defaults import SCALE_MAX, SCALE_MIN
from journeyctl.core.markdown import escape_markdown
from journeyctl.core.positions import Path
from journeyctl.lsp.analysis import Analysis
from journeyctl.lsp.positions import Place
from journeyctl.lsp.server import JourneyServer, server
from journeyctl.lsp.targets import Cited, find_item, reference_at
from journeyctl.model import Persona
from journeyctl.model.walk import value_at
from journeyctl.rules import find_rule

_CODE = re.compile(r"[^,\s\]]+")


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: JourneyServer, params: types.HoverParams) -> Optional[types.Hover]:
    analysis = await ls.analysis(params.text_document.uri)
    if analysis is None or analysis.document is None:
        return None
    place = analysis.positions.from_client(params.position)
    found = rule_in_comment(analysis, place) or _on_value(ls, analysis, place)
    if found is None:
        return None
    text, (start, end) = found
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
        range=analysis.positions.range(start, end),
    )


def rule_in_comment(analysis: Analysis, place: Place) -> Optional[tuple[str, tuple[Place, Place]]]:
    """The documentation of the rule named at `place` in a `# journeyctl: ignore[...]` comment."""
    assert analysis.document is not None
    suppressions, _ = find_suppressions(analysis.positions.text, analysis.document.source)
    for suppression in suppressions:
        if suppression.line != place[0]:
            continue
        for code, column in suppression.codes.items():
            written = _CODE.match(analysis.positions.line_text(place[0]), column - 1)
            if written is not None and column <= place[1] <= written.end():
                rule = find_rule(code)
                assert rule is not None
                text = f"**{rule.code} {rule.name}** ({rule.severity})\n\n{rule.doc.strip()}"
                return text, ((place[0], column), (place[0], written.end() + 1))
    return None


def _on_value(ls: JourneyServer, analysis: Analysis, place: Place) -> Optional[tuple[str, tuple[Place, Place]]]:
    document = analysis.document
    assert document is not None
    at = document.source.path_at(*place)
    if at is None:
        return None
    path, on_key = at
    span = document.source.span(path, on_key)
    assert span is not None
    if path and path[-1] == "emotion":
        return emotion_scale(analysis.data, path, on_key), span
    cited = None if on_key else reference_at(analysis.data, path)
    if cited is None:
        return None
    text = describe(ls, analysis, cited)
    return (text, span) if text else None


def emotion_scale(data: dict[str, Any], path: Path, on_key: bool) -> str:
    """The map's emotion scale, and where the emotion at `path` is on it."""
    written = data.get("scale")
    scale = written if isinstance(written, dict) else {}
    low, high = scale.get("min", SCALE_MIN), scale.get("max", SCALE_MAX)
    text = f"**Emotion scale** of this map: `{low}` (worst) to `{high}` (best)."
    value = value_at(data, path)
    if not on_key and isinstance(value, int) and not isinstance(value, bool):
        text += f"\n\n`{value}` is {_where(value, low, high)}."
    return text


def _where(value: int, low: Any, high: Any) -> str:
    if not (isinstance(low, int) and isinstance(high, int)) or not low <= value <= high:
        return "off the scale"
    if value == low or value == high:
        return "the worst emotion" if value == low else "the best emotion"
    return "below the middle" if value * 2 < low + high else "above the middle" if value * 2 > low + high else "neutral"


def describe(ls: JourneyServer, analysis: Analysis, cited: Cited) -> Optional[str]:
    """What a reference names: a source's title and date, a pain point's description and severity,
    a persona's name and role."""
    if cited.library is not None:
        found = ls.libraries.library(analysis.buffer.path, cited.library)
        if isinstance(found, str):
            return f"The persona library `{escape_markdown(cited.library)}` cannot be used: {found}"
        persona = found.get(cited.ident)
        return _persona(persona.model_dump() if isinstance(persona, Persona) else None, cited)
    item = find_item(analysis.data, cited.entity, cited.ident)
    data = item.data if item is not None else None
    if cited.entity == "persona":
        return _persona(data, cited)
    if data is None:
        return f"No {cited.entity.replace('_', ' ')} `{escape_markdown(cited.ident)}` in this file."
    if cited.entity == "source":
        facts = ", ".join(_text(data.get(key)) for key in ("kind", "date") if data.get(key) is not None)
        title = _text(data.get("title")) or "(no title)"
        return f"**Source `{_text(cited.ident)}`**: {title}" + (f" ({facts})" if facts else "")
    severity = _text(data.get("severity", "medium"))
    return f"**Pain point `{_text(cited.ident)}`** ({severity} severity): {_text(data.get('description'))}"


def _persona(data: Optional[dict[str, Any]], cited: Cited) -> str:
    if data is None:
        where = f"the persona library `{_text(cited.library)}`" if cited.library else "this file"
        return f"No persona `{_text(cited.ident)}` in {where}."
    role = f", {_text(data['role'])}" if data.get("role") else ""
    description = f"\n\n{_text(data['description'])}" if data.get("description") else ""
    return f"**Persona `{_text(cited.ident)}`**: {_text(data.get('name'))}{role}{description}"


def _text(value: Any) -> str:
    """Map text for Markdown: escaped, on one line."""
    return escape_markdown(" ".join(str(value).split())) if value is not None else ""
