"""Where settings come from: defaults, a config file found upward, the command line.

The config file is the nearest `journeyctl.toml` (settings at the top level) or
`pyproject.toml` with a `[tool.journeyctl]` table, looking from the working
folder up; a `journeyctl.toml` beats a `pyproject.toml` in the same folder and a
`pyproject.toml` without the table is passed over. On the command line,
`--select` replaces the file's selection, `--extend-select` and `--ignore` add
to it. Every problem is a ConfigError (or UsageError) naming the file and key.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from journeyctl.config.keys import KEYS, canonical_key
from journeyctl.config.settings import Settings
from journeyctl.core.errors import ConfigError, UsageError
from journeyctl.rules import find_rule

CONFIG_FILE = "journeyctl.toml"
PYPROJECT = "pyproject.toml"
DEFAULT = "default"
COMMAND_LINE = "command line"
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = " (at end of document)"


@dataclass(frozen=True)
class CommandLine:
    """The rule options of a command line, as typed (codes or names, comma-separated)."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True)
class Configuration:
    """The settings in effect, the config file used, and where each setting came from."""

    settings: Settings
    file: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    isolated: bool = False


def load_configuration(
    cwd: str, config_file: str | None = None, isolated: bool = False, command_line: CommandLine = CommandLine()
) -> Configuration:
    """Settings from the config file (found from `cwd` up, or `config_file`), then the command line."""
    if config_file is not None and isolated:
        raise UsageError("--config and --isolated cannot be used together.")
    if isolated:
        path, table = None, {}
    elif config_file is not None:
        path, table = config_file, _explicit_table(config_file)
    else:
        path, table = find_config(cwd)
    shown = display_path(path) if path else None
    settings, sources = _from_table(table, shown or "", os.path.dirname(os.path.abspath(path)) if path else "")
    settings, sources = _apply_command_line(settings, sources, command_line)
    return Configuration(settings, shown, sources, isolated)


def find_config(start: str) -> tuple[str | None, dict[str, Any]]:
    """The nearest config file from `start` up and its settings table, or (None, {})."""
    folder = os.path.abspath(start)
    while True:
        candidate = os.path.join(folder, CONFIG_FILE)
        if os.path.isfile(candidate):
            return candidate, read_table(candidate)
        candidate = os.path.join(folder, PYPROJECT)
        if os.path.isfile(candidate):
            table = _pyproject_table(candidate)
            if table is not None:
                return candidate, table
        parent = os.path.dirname(folder)
        if parent == folder:
            return None, {}
        folder = parent


def read_table(path: str) -> dict[str, Any]:
    """The settings table of a config file: top level, or `[tool.journeyctl]` of a pyproject.toml."""
    if os.path.basename(path) == PYPROJECT:
        table = _pyproject_table(path)
        return table if table is not None else {}
    return _parse(path, _read(path))


def _explicit_table(path: str) -> dict[str, Any]:
    if os.path.basename(path) == PYPROJECT and _pyproject_table(path) is None:
        raise ConfigError(f"{display_path(path)} has no [tool.journeyctl] table of settings.")
    return read_table(path)


def _pyproject_table(path: str) -> dict[str, Any] | None:
    raw = _read(path)
    if b"journeyctl" not in raw:  # cheap: most pyproject.toml files never name us
        return None
    tool = _parse(path, raw).get("tool", {})
    table = tool.get("journeyctl") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{display_path(path)}: `tool.journeyctl` must be a table of settings ([tool.journeyctl]).")
    return table


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise ConfigError(f"Cannot read the config file {display_path(path)}: {error.strerror or error}.") from None


def _parse(path: str, raw: bytes) -> dict[str, Any]:
    # Imported here: most runs find no config file and never parse TOML.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        table: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
        return table
    except UnicodeDecodeError:
        raise ConfigError(f"{display_path(path)} is not UTF-8 text; save it as UTF-8.") from None
    except RecursionError:  # tomllib recurses once per level of nested arrays or tables
        raise ConfigError(
            (
                f"{display_path(path)}: this is not valid TOML for journeyctl: "
                "its arrays or tables nest thousands of levels deep."
            )
        ) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        where = f"{display_path(path)}:{position[1]}:{position[2]}" if position else display_path(path)
        reason = message[: position.start()] if position else message.replace(_TOML_END, " at the end of the file")
        raise ConfigError(f"{where}: this is not valid TOML: {reason}.") from None


def display_path(path: str) -> str:
    """A config file as messages show it: relative to the working folder when inside it."""
    relative = os.path.relpath(os.path.abspath(path))
    return path if relative.startswith(os.pardir) else relative


def _from_table(table: dict[str, Any], shown: str, folder: str) -> tuple[Settings, dict[str, str]]:
    prefix = "tool.journeyctl." if os.path.basename(shown) == PYPROJECT else ""
    values: dict[str, Any] = {}
    sources = dict.fromkeys(KEYS, DEFAULT)
    for raw_key, value in table.items():
        key = canonical_key(raw_key)
        if key is None:
            raise ConfigError(
                f"{shown}: unknown setting `{prefix}{raw_key}`{_suggest(raw_key)}. The settings are: {', '.join(KEYS)}."
            )
        name, parse = KEYS[key]
        if name in values:
            raise ConfigError(f"{shown}: the setting `{prefix}{key}` is given twice (as `-` and `_` spellings).")
        values[name] = parse(value, f"{shown}: `{prefix}{raw_key}`")
        sources[key] = shown
    if "channels" in values:
        values["channels"] = Settings().channels | values["channels"]
        sources["channels"] = f"{DEFAULT} + {shown}"
    return Settings(**values, config_folder=folder), sources


def _suggest(key: str) -> str:
    import difflib

    close = difflib.get_close_matches(key.replace("_", "-"), list(KEYS), n=1) or difflib.get_close_matches(
        key, list(KEYS), n=1
    )
    return f" (did you mean `{close[0]}`?)" if close else ""


def _apply_command_line(
    settings: Settings, sources: dict[str, str], line: CommandLine
) -> tuple[Settings, dict[str, str]]:
    sources = dict(sources)
    select, ignore = settings.select, settings.ignore
    if line.select:
        select, sources["select"] = rule_codes(line.select, "--select"), COMMAND_LINE
    extra = rule_codes(line.extend_select, "--extend-select")
    if extra and select:  # with no selection every rule is on already
        select, sources["select"] = select | extra, _plus(sources["select"])
    if line.ignore:
        ignore, sources["ignore"] = ignore | rule_codes(line.ignore, "--ignore"), _plus(sources["ignore"])
    return replace(settings, select=select, ignore=ignore), sources


def _plus(source: str) -> str:
    return COMMAND_LINE if source in (DEFAULT, COMMAND_LINE) else f"{source} + {COMMAND_LINE}"


def rule_codes(values: Iterable[str], option: str) -> frozenset[str]:
    """Codes for command-line values (codes or names, comma-separated); UsageError for unknown ones."""
    codes = set()
    for value in values:
        for item in filter(None, (part.strip() for part in value.split(","))):
            rule = find_rule(item)
            if rule is None:
                raise UsageError(f"{option}: `{item}` is not a rule code or name (see `journeyctl rules`).")
            codes.add(rule.code)
    return frozenset(codes)
