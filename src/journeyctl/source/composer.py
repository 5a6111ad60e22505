"""YAML text to a node tree: libyaml first, ruamel.yaml's own YAML 1.2 parser when it refuses.

libyaml (ruamel's C composer) is ten times faster, but it follows YAML 1.1 in a few
places a map author meets: `[Who decides?, Why now?]` (a `?` ends a plain scalar in
brackets) and a tab at the start of a `|` block's content. The pure-Python parser reads
both. So a valid file costs one fast parse, and only a file libyaml refuses is read
again; when both refuse, the error reported is the more trustworthy one (see _refusal).
"""

from __future__ import annotations

import functools
import re
import warnings
from typing import Any

from journeyctl.source.yamlerrors import belief, load_error, reader_error, syntax_error
from journeyctl.source.yamlnodes import MAX_DEPTH, TOO_DEEP, core_schema_resolver

# libyaml's composer recurses in C: far deeper than this and it overflows the
# stack. The pure composer recurses in Python, two frames a level, under
# Python's limit of 1,000 frames. Text that might nest deeper than a parser
# safely recurses is first walked event by event (no recursion) for the depth limit.
_SAFE_C_DEPTH = 1000
_SAFE_PURE_DEPTH = 300
_COMPACT_PAIR = re.compile(r"[-?][ \t]+[-?][ \t]")
_BRACKETS = re.compile(r"[\[\]{}]")


def compose_text(text: str) -> Any:
    """The root node of a single-document YAML text (None when empty), or a positioned LoadError."""
    from ruamel.yaml.error import YAMLError

    walked = _may_nest_deeply(text, _SAFE_C_DEPTH)
    if walked:
        # Deeper than libyaml can safely go: the pure parser's verdict stands alone.
        _guarded(_check_depth, text)
    try:
        return _compose(text, pure=False)
    except YAMLError as error:
        refused = error
    return _compose_again(text, refused, walked)


def _compose_again(text: str, refused: Any, walked: bool) -> Any:
    """The root node as the pure parser reads a text libyaml `refused`, placed as libyaml places nodes."""
    from ruamel.yaml.error import YAMLError

    from journeyctl.source.parity import place_empty_nodes, refuse_lone_surrogates

    if not walked and _may_nest_deeply(text, _SAFE_PURE_DEPTH):
        _guarded(_check_depth, text, refused)
    try:
        root = _compose(text, pure=True)
    except (YAMLError, ValueError) as error:  # ValueError: an escape past U+10FFFF
        raise _refusal(refused, error, text) from None
    refuse_lone_surrogates(root, text)
    place_empty_nodes(root, text)
    return root


def _compose(text: str, pure: bool) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=pure)
    yaml.Resolver = core_schema_resolver()
    if not pure:
        return yaml.compose(text)
    with warnings.catch_warnings():
        # The pure composer warns when an anchor name is used again, which YAML 1.2 allows.
        warnings.simplefilter("ignore")
        return yaml.compose(text)


def _guarded(walk: Any, text: str, refused: Any = None) -> None:
    """Run a walk of the pure parser's events; its syntax error (or the other parser's) as a LoadError."""
    from ruamel.yaml.error import YAMLError

    try:
        walk(text)
    except YAMLError as error:
        raise _refusal(refused, error, text) from None


def _refusal(fast: Any, pure: Any, text: str) -> Exception:
    """The LoadError for a text both parsers refused (`fast` is None when libyaml was not asked).

    The error believed most (yamlerrors.belief) is reported: a tab YAML allows
    that a parser refused first, as a space fixes it; libyaml's false alarm on a
    tab in a block scalar last. Between equals, the parser that read further;
    libyaml on a tie, as its messages are the ones our wording was written for.
    """
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.reader import ReaderError

    errors = [error for error in (fast, pure) if error is not None]
    for error in errors:
        if isinstance(error, ReaderError):
            return reader_error(error, text)
    marked = [error for error in errors if isinstance(error, MarkedYAMLError)]
    if not marked:
        return load_error("E001", None, f"This is not valid YAML: {errors[0]}.")
    best = max(marked, key=lambda error: (belief(error, text), _reach(error)))
    return syntax_error(best, text)


def _reach(error: Any) -> tuple[int, int]:
    """How far into the text a parser read before it gave up."""
    mark = error.problem_mark or error.context_mark
    return (mark.line, mark.column) if mark is not None else (0, 0)


@functools.lru_cache(maxsize=None)
def _deep_patterns(limit: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return re.compile(r"^ {%d}" % (limit // 6), re.MULTILINE), re.compile(r"(?:[-?][ \t]+){%d}" % (limit // 3))


def _may_nest_deeply(text: str, limit: int) -> bool:
    """Whether the text might nest deeper than `limit` levels.

    Nesting needs indentation, compact indicators (`- - -`) or brackets; when
    none of them comes near a third of the limit, the text is safe without parsing it.
    """
    deep_indent, deep_compact = _deep_patterns(limit)
    third = limit // 3
    if deep_indent.search(text):
        return True
    if _COMPACT_PAIR.search(text) and deep_compact.search(text):
        return True
    if text.count("[") + text.count("{") <= third:
        return False
    flow = 0
    for match in _BRACKETS.finditer(text):
        flow = flow + 1 if match.group() in "[{" else max(flow - 1, 0)
        if flow > third:
            return True
    return False


def _check_depth(text: str) -> None:
    """Walk the pure parser's event stream (no recursion) and reject nesting past MAX_DEPTH.

    At the node NodeConverter rejects: the first value, list item or key that is
    a collection with more than MAX_DEPTH collections around it (the root counts).
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent, MappingStartEvent, NodeEvent

    # For each open collection: the nodes seen in it, or None for a sequence.
    opened: list[int | None] = []
    for event in YAML(typ="safe", pure=True).parse(text):
        if isinstance(event, NodeEvent):
            seen = opened[-1] if opened else None
            if seen is not None:
                opened[-1] = seen + 1
            collection = isinstance(event, CollectionStartEvent)
            # A key that is text is not a level (a key that is a list or mapping is refused anyway).
            if len(opened) > MAX_DEPTH and (collection or seen is None or seen % 2):
                raise load_error("E003", event.start_mark, TOO_DEEP)
            if collection:
                opened.append(0 if isinstance(event, MappingStartEvent) else None)
        elif isinstance(event, CollectionEndEvent):
            opened.pop()
