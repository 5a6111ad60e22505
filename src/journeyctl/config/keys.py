"""The settings a config file may hold: one parser per key, each naming the key in its errors."""

from __future__ import annotations

from typing import Any, Callable

from journeyctl.core.defaults import SEVERITIES
from journeyctl.core.errors import ConfigError
from journeyctl.rules import RULES, find_rule


def _rule_list(value: Any, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(
            f'{where} must be a list of rule codes or names, like ["W104", "stale-map"], not {_shown(value)}.'
        )
    return frozenset(_rule_code(item, where) for item in value)


def _rule_code(item: str, where: str) -> str:
    rule = find_rule(item.strip())
    if rule is None:
        raise ConfigError(f"{where}: `{item}` is not a rule code or name (see `journeyctl rules`).")
    return rule.code


def _selection(value: Any, where: str) -> frozenset[str]:
    codes = _rule_list(value, where)
    if not codes:
        raise ConfigError(f"{where} must name at least one rule; leave it out to check every rule.")
    return codes


def _severity(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f'{where} must be a table of rule = level, like {{ W105 = "info" }}, not {_shown(value)}.')
    levels: dict[str, str] = {}
    for key, level in value.items():
        code = _rule_code(key, where)
        if level not in SEVERITIES:
            hint = " To turn a rule off, add it to `ignore`." if level == "off" else ""
            raise ConfigError(
                f"{where}: the level of `{key}` must be error, warning or info, not {_shown(level)}.{hint}"
            )
        if code in levels:
            raise ConfigError(f"{where} names {code} {RULES[code].name} twice.")
        levels[code] = level
    return levels


def _channels(value: Any, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ConfigError(f'{where} must be a list of channel names, like ["webinar", "kiosk"], not {_shown(value)}.')
    return frozenset(value)


def _count(value: Any, where: str) -> int:
    if type(value) is not int or value < 1:
        raise ConfigError(f"{where} must be a whole number of at least 1, not {_shown(value)}.")
    return value


def _per_file_ignores(value: Any, where: str) -> tuple[tuple[str, frozenset[str]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(
            f'{where} must be a table of "glob" = [rules], like {{ "legacy/*.yaml" = ["W104"] }}, not {_shown(value)}.'
        )
    entries = []
    for pattern, rules in value.items():
        _check_glob(pattern, where)
        entries.append((pattern.removeprefix("./"), _rule_list(rules, f'{where}."{pattern}"')))
    return tuple(entries)


def _check_glob(pattern: str, where: str) -> None:
    if not pattern.strip():
        raise ConfigError(f"{where}: a file pattern is empty.")
    if pattern.startswith(("!", "#")):
        # In gitignore syntax these start a "keep" line and a comment: such a glob would never match.
        meaning = "a negation" if pattern[0] == "!" else "a comment"
        raise ConfigError(
            f"{where}: `{pattern}` would never match: in gitignore syntax a line starting with `{pattern[0]}` "
            f"is {meaning}; write `\\{pattern}` for a name that starts with it."
        )


def _globs(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        example = '["drafts/", "*.generated.yaml"]'
        raise ConfigError(f"{where} must be a list of gitignore-style patterns, like {example}, not {_shown(value)}.")
    return tuple(value)


def _boolean(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where} must be true or false, not {_shown(value)}.")
    return value


# Setting name in the file -> (Settings field, parser(value, where)); `where` is `file: `key``.
# `-` and `_` are interchangeable in names.
KEYS: dict[str, tuple[str, Callable[[Any, str], Any]]] = {
    "select": ("select", _selection),
    "ignore": ("ignore", _rule_list),
    "severity": ("severity", _severity),
    "channels": ("channels", _channels),
    "max_stages": ("max_stages", _count),
    "max_touchpoints_per_stage": ("max_touchpoints_per_stage", _count),
    "review_every_days": ("review_every_days", _count),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "exclude": ("exclude", _globs),
    "extend-exclude": ("extend_exclude", _globs),
    "respect-gitignore": ("respect_gitignore", _boolean),
}
_CANONICAL = {key.replace("-", "_"): key for key in KEYS}


def canonical_key(name: str) -> str | None:
    """The setting a key of the file names (`per_file_ignores` is `per-file-ignores`), or None."""
    return _CANONICAL.get(name.replace("-", "_"))


def _shown(value: Any) -> str:
    import json  # only for a message about a bad value: most runs never need it

    return f"`{json.dumps(value, default=str, ensure_ascii=False)}`"
