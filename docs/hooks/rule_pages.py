"""The rule reference: a page per rule of journeyctl.rules.RULES and an index table, from the rules' docstrings.

Each page says what the rule checks and why (the docstring), shows its failing and passing
example, the findings `journeyctl lint` gives for the failing one (run while the site is
built), and how to configure or silence the rule, with a suppression comment that is checked
to silence it. A rule added to the registry gets its page without any change to the docs.
"""

from __future__ import annotations

import re
from datetime import date

from journeyctl.check.service import RULE_SETS, Checker
from journeyctl.config.keys import KEYS
from journeyctl.config.settings import Settings
from journeyctl.core.errors import JourneyctlError
from journeyctl.core.findings import Finding, format_finding
from journeyctl.lint.fixing import fix_checked
from journeyctl.rules import Rule

EXAMPLE = "example.journey.yaml"
# Settings that choose rules for every rule alike; the others tune particular rules, whose docstrings name them.
_GENERAL_SETTINGS = {"select", "ignore", "severity", "per-file-ignores", "exclude", "extend-exclude"}
_EFFECT = {
    "error": "An error: `journeyctl lint` exits 1 when it is found.",
    "warning": "A warning: `journeyctl lint` exits 1 when it is found.",
    "info": "Info: reported, but it never fails a run.",
}


def rule_path(rule: Rule) -> str:
    """Where a rule's page lives in the docs."""
    return f"rules/{rule.code}.md"


def index_page(rules: dict[str, Rule]) -> str:
    """The table of every rule, linking each rule's page."""
    rows = "\n".join(
        f"| [{rule.code}]({rule.code}.md) | [`{rule.name}`]({rule.code}.md) | {rule.severity} | "
        f"{'yes' if rule.fixable else ''} | {rule.summary} |"
        for rule in rules.values()
    )
    return f"""# Rules

`journeyctl lint` checks every map against these rules. Codes are stable;
either the code (`W104`) or the name (`missing-emotion`) selects a rule in
`--select`, `--ignore`, the [configuration](../guides/configuration.md) and
[suppression comments](../guides/suppressions.md). `journeyctl rules` lists
them in the terminal, and `journeyctl rules CODE` prints a rule's
documentation. E-rules are errors (the file cannot be read, does not fit the
format, or is inconsistent), W-rules warnings about good practice, I-rules
information.

| code | name | severity | fix | fires when |
|---|---|---|---|---|
{rows}

*fix*: `journeyctl lint --fix` fixes some of the rule's findings, those whose
fix is certain (see each rule's page).

A file with an E001-E003 finding (it cannot be read) is not checked further.
A file with E010-E012 findings (it does not fit the format) still gets E020,
E021 and E022 for the parts that are well-formed, so one run reports every
error: an item that is a mapping with a valid `id` is checked, a value that
does not validate is left out (a reference to an item that does not validate is
not reported as unknown; an invalid `scale` judges no emotion). The practice
rules (W1xx) run once the format errors are fixed. `render` lists the same
errors.

This page and the page of each rule are generated from the rules' own
documentation while the site is built, so they describe exactly the rules
of this version.
"""


def rule_page(rule: Rule, today: date) -> str:
    """A rule's page: what, why, the examples, what lint says, how to configure or silence it."""
    fails, passes = rule.examples()["Fails"], rule.examples()["Passes"]
    findings = findings_of(rule, fails, today)
    if not findings:
        raise ValueError(f"{rule.code}: the docstring's failing example does not fail on {today}")
    paragraphs = rule.doc.strip().split("\n\nFails:", 1)[0].split("\n\n")[1:]
    explanation = "\n\n".join(paragraph for paragraph in paragraphs if not paragraph.startswith("Fixable:"))
    fixes = [paragraph.removeprefix("Fixable:").strip() for paragraph in paragraphs if paragraph.startswith("Fixable:")]
    shown = "\n".join(format_finding(finding) for finding in findings)
    return f"""# {rule.code} {rule.name}

**{rule.summary}**

| code | name | default severity |
|---|---|---|
| `{rule.code}` | `{rule.name}` | {rule.severity} |

{_EFFECT[rule.severity]}

## Why

{explanation}

## Example

This map fails:

```yaml title="{EXAMPLE}"
{fails.rstrip()}
```

`journeyctl lint {EXAMPLE}` says:

```text
{shown}
```

This one passes:

```yaml title="{EXAMPLE}"
{passes.rstrip()}
```
{_fixing_section(rule, fails, fixes, today)}{_commands_section(rule)}{_settings_section(rule)}
## Silencing it

{_in_the_map(rule, fails, findings, today)}

For a whole project, in `journeyctl.toml` (or under `[tool.journeyctl]` in `pyproject.toml`):

```toml
ignore = ["{rule.code}"]          # never check {rule.name}

# or keep it, at another level: error, warning or info (info never fails a run)
[severity]
{rule.code} = "{"info" if rule.severity != "info" else "warning"}"

# or skip it in some files only
[per-file-ignores]
"legacy/*.journey.yaml" = ["{rule.code}"]
```

For one run: `journeyctl lint maps/ --ignore {rule.code}`; to check only
this rule: `journeyctl lint maps/ --select {rule.name}`. See
[Configuration](../guides/configuration.md).
"""


def findings_of(rule: Rule, text: str, today: date) -> list[Finding]:
    """What lint, with default settings, reports of this rule for a map's text."""
    checked = Checker("lint", Settings(), today).check_text(text, EXAMPLE)
    return [finding for finding in checked.findings if finding.code == rule.code]


def silenced(text: str, findings: list[Finding], rule: Rule) -> str:
    """The text with a suppression comment for the rule at the end of each line a finding points at."""
    lines = text.splitlines()
    for line in sorted({finding.line for finding in findings}):
        lines[line - 1] += f"  # journeyctl: ignore[{rule.name}]"
    return "\n".join(lines) + "\n"


def _in_the_map(rule: Rule, fails: str, findings: list[Finding], today: date) -> str:
    quiet = silenced(fails, findings, rule)
    left = Checker("lint", Settings(), today).check_text(quiet, EXAMPLE).findings
    if any(finding.code == rule.code for finding in left) or any(finding.code == "I001" for finding in left):
        return (
            "A comment in the map cannot silence it: the finding is about a file that does not load, "
            "or about the suppression comments themselves. Use the settings below."
        )
    return f"""Where the finding is known and accepted, silence it on its line with a
comment naming the rule (code or name); text after the `]` is free, for the
reason. The failing example, silenced:

```yaml title="{EXAMPLE}"
{quiet.rstrip()}
```

See [Suppressing findings](../guides/suppressions.md) for comments that cover
a block or the whole file."""


def _fixing_section(rule: Rule, fails: str, fixes: list[str], today: date) -> str:
    if not fixes:
        return ""
    text = "\n\n".join(fixes)
    fixed = fixed_text(rule, fails, today)
    shown = (
        f"""

`journeyctl lint --fix {EXAMPLE}` makes the failing example this:

```yaml title="{EXAMPLE}"
{fixed.rstrip()}
```"""
        if fixed is not None
        else ""
    )
    return f"""
## Fixing it

{text}{shown}
"""


def fixed_text(rule: Rule, text: str, today: date) -> str | None:
    """What `lint --fix` makes of a map's text, when it fixes every finding of the rule there."""
    checker = Checker("lint", Settings(), today)
    try:
        fixed, count = fix_checked(checker.check_text(text, EXAMPLE), checker)
    except JourneyctlError:
        return None
    if count == 0 or any(finding.code == rule.code for finding in fixed.findings):
        return None
    return fixed.text


def _commands_section(rule: Rule) -> str:
    others = [command for command, rules in RULE_SETS.items() if rules.codes and rule.code in rules.codes]
    if not others:
        return ""
    listed = " and ".join(f"`journeyctl {command}`" for command in others)
    verb = "checks" if len(others) == 1 else "check"
    return f"""
## Beyond lint

{listed} also {verb} this rule, whatever the configuration says, and
{"stops" if len(others) == 1 else "stop"} on it with the same message: the output would be wrong otherwise.
"""


def _settings_section(rule: Rule) -> str:
    named = [key for key in KEYS if key not in _GENERAL_SETTINGS and re.search(rf"`{re.escape(key)}`", rule.doc)]
    if not named:
        return ""
    listed = ", ".join(f"`{key}`" for key in named)
    return f"""
## Settings

This rule reads {listed} from the
[configuration](../guides/configuration.md).
"""
