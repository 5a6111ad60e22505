"""What `journeyctl config` prints: the settings in effect and where each came from."""

from __future__ import annotations

import json
from typing import Any

from journeyctl.config.files import Configuration
from journeyctl.config.keys import KEYS
from journeyctl.rules import RULES

FORMATS = ("text", "json")


def settings_report(configuration: Configuration, format: str = "text") -> str:
    """The settings as `key: value  (source)` lines, or as one JSON document."""
    values = _values(configuration)
    if format == "json":
        settings = {key: {"value": value, "source": configuration.sources[key]} for key, value in values.items()}
        document = {"config_file": configuration.file, "isolated": configuration.isolated, "settings": settings}
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    lines = [_heading(configuration)]
    for key, value in values.items():
        lines.append(f"  {key}: {_text(key, value)}  ({configuration.sources[key]})")
    return "\n".join(lines) + "\n"


def _heading(configuration: Configuration) -> str:
    if configuration.isolated:
        return "Settings in effect (config files ignored: --isolated):"
    if configuration.file is None:
        return "Settings in effect (no config file found):"
    return f"Settings in effect (config file: {configuration.file}):"


def _values(configuration: Configuration) -> dict[str, Any]:
    settings = configuration.settings
    values = {key: getattr(settings, name) for key, (name, _) in KEYS.items()}
    values["select"] = sorted(values["select"]) if values["select"] else list(RULES)
    values["ignore"] = sorted(values["ignore"])
    values["severity"] = dict(sorted(values["severity"].items()))
    values["channels"] = sorted(values["channels"])
    values["per-file-ignores"] = {pattern: sorted(codes) for pattern, codes in values["per-file-ignores"]}
    values["exclude"], values["extend-exclude"] = list(values["exclude"]), list(values["extend-exclude"])
    return values


def _text(key: str, value: Any) -> str:
    if key == "select" and value == list(RULES):
        return "every rule"
    if key in ("select", "ignore"):
        return ", ".join(map(_rule, value)) or "none"
    if key == "severity":
        return ", ".join(f"{_rule(code)} = {level}" for code, level in value.items()) or "none"
    if key in ("channels", "exclude", "extend-exclude"):
        return ", ".join(value) or "none"
    if isinstance(value, bool):
        return str(value).lower()
    if key == "per-file-ignores":
        return "; ".join(f"{pattern} = {', '.join(map(_rule, codes))}" for pattern, codes in value.items()) or "none"
    return str(value)


def _rule(code: str) -> str:
    return f"{code} {RULES[code].name}"
