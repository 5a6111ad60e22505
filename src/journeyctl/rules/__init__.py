"""The rule registry: every rule module, by code, in table order."""

from __future__ import annotations

from journeyctl.rules import (
    e001_yaml_syntax,
    e002_duplicate_key,
    e003_unsupported_file,
    e010_missing_field,
    e011_unknown_field,
    e012_invalid_value,
    e020_duplicate_id,
    e021_unknown_reference,
    e022_emotion_out_of_scale,
    i001_unused_suppression,
    w101_empty_stage,
    w102_unaddressed_pain_point,
    w103_vague_opportunity,
    w104_missing_emotion,
    w105_stale_map,
    w106_unsupported_pain_point,
    w107_critical_moments,
    w108_unexplained_low,
    w109_overdue_opportunity,
    w110_unknown_channel,
    w111_too_complex,
    w112_missing_persona,
    w113_missing_owner,
)
from journeyctl.rules.base import Context, Rule, rule_from_module

_MODULES = (
    e001_yaml_syntax,
    e002_duplicate_key,
    e003_unsupported_file,
    e010_missing_field,
    e011_unknown_field,
    e012_invalid_value,
    e020_duplicate_id,
    e021_unknown_reference,
    e022_emotion_out_of_scale,
    w101_empty_stage,
    w102_unaddressed_pain_point,
    w103_vague_opportunity,
    w104_missing_emotion,
    w105_stale_map,
    w106_unsupported_pain_point,
    w107_critical_moments,
    w108_unexplained_low,
    w109_overdue_opportunity,
    w110_unknown_channel,
    w111_too_complex,
    w112_missing_persona,
    w113_missing_owner,
    i001_unused_suppression,
)

RULES: dict[str, Rule] = {rule.code: rule for rule in map(rule_from_module, _MODULES)}
_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES.values()}


def find_rule(code_or_name: str) -> Rule | None:
    """The rule with this code (`W104`, any case) or name (`missing-emotion`)."""
    return RULES.get(code_or_name.upper()) or _BY_NAME.get(code_or_name.lower())


__all__ = ["RULES", "Context", "Rule", "find_rule"]
