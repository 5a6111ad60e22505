"""Configuration: discovery, every setting taking effect, every invalid setting, the `config` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import TODAY

MAP = """\
journeyctl: 1
id: checkout
title: Checkout
owner: Web team
persona: ben
personas: [{id: ben, name: Ben}]
last_reviewed: 2026-06-01
stages:
  - id: pay
    name: Pay
    touchpoints:
      - {id: page, name: Page, channel: webinar, emotion: 1, critical: true}
"""
# With TODAY and no settings, MAP has two findings:
STALE = "map.journey.yaml:7:16: W105 stale-map The map was last reviewed on 2026-06-01, more than 90 days ago: review it and update `last_reviewed`."
CHANNEL = "map.journey.yaml:12:41: W110 unknown-channel `webinar` is not a known channel. Add it to the `channels` setting if your project uses it."


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder holding MAP, as the working folder."""
    (tmp_path / "map.journey.yaml").write_text(MAP, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(cli, *args: str) -> list[str]:
    result = cli("lint", "map.journey.yaml", "--today", TODAY, "--quiet", *args)
    assert result.err == ""
    return result.out.splitlines()


def test_no_config_file(cli, project):
    assert findings(cli) == [STALE, CHANNEL]


# --- discovery ---


def test_journeyctl_toml_is_found_from_a_subfolder(cli, project, monkeypatch):
    write(project / "journeyctl.toml", 'ignore = ["W105"]\n')
    deeper = project / "maps" / "checkout"
    deeper.mkdir(parents=True)
    (deeper / "map.journey.yaml").write_text(MAP, encoding="utf-8")
    monkeypatch.chdir(deeper)
    assert findings(cli) == [CHANNEL]
    assert cli("config").out.splitlines()[0] == f"Settings in effect (config file: {project / 'journeyctl.toml'}):"


def test_pyproject_tool_table_is_used(cli, project):
    write(project / "pyproject.toml", '[project]\nname = "x"\n\n[tool.journeyctl]\nignore = ["unknown-channel"]\n')
    assert findings(cli) == [STALE]


def test_journeyctl_toml_beats_pyproject_in_the_same_folder(cli, project):
    write(project / "pyproject.toml", '[tool.journeyctl]\nignore = ["W110"]\n')
    write(project / "journeyctl.toml", 'ignore = ["W105"]\n')
    assert findings(cli) == [CHANNEL]


def test_a_pyproject_without_the_table_is_passed_over(cli, project, monkeypatch):
    write(project / "journeyctl.toml", 'ignore = ["W105"]\n')
    sub = write(project / "sub" / "pyproject.toml", '[project]\nname = "journeyctl-maps"\n').parent
    (sub / "map.journey.yaml").write_text(MAP, encoding="utf-8")
    monkeypatch.chdir(sub)
    assert findings(cli) == [CHANNEL]


def test_a_pyproject_that_does_not_mention_journeyctl_is_not_even_parsed(cli, project):
    write(project / "pyproject.toml", "this is [[ not TOML\n")
    assert findings(cli) == [STALE, CHANNEL]


def test_the_nearest_config_wins(cli, project, monkeypatch):
    write(project / "journeyctl.toml", 'ignore = ["W105"]\n')
    sub = write(project / "sub" / "pyproject.toml", '[tool.journeyctl]\nignore = ["W110"]\n').parent
    (sub / "map.journey.yaml").write_text(MAP, encoding="utf-8")
    monkeypatch.chdir(sub)
    assert findings(cli) == [STALE]


def test_config_option_names_the_file(cli, project):
    write(project / "journeyctl.toml", 'ignore = ["W105"]\n')
    write(project / "ci" / "strict.toml", 'ignore = ["W110"]\n')
    assert findings(cli, "--config", "ci/strict.toml") == [STALE]


def test_config_option_with_a_pyproject(cli, project):
    write(project / "ci" / "pyproject.toml", '[tool.journeyctl]\nignore = ["W110"]\n')
    assert findings(cli, "--config", "ci/pyproject.toml") == [STALE]


def test_isolated_ignores_config_files(cli, project):
    write(project / "journeyctl.toml", 'ignore = ["W105", "W110"]\n')
    assert findings(cli, "--isolated") == [STALE, CHANNEL]
    assert cli("config", "--isolated").out.splitlines()[0] == "Settings in effect (config files ignored: --isolated):"


def test_isolated_skips_even_a_broken_config_file(cli, project):
    write(project / "journeyctl.toml", "select = [\n")
    assert findings(cli, "--isolated") == [STALE, CHANNEL]


# --- every setting takes effect ---


def test_select(cli, project):
    write(project / "journeyctl.toml", 'select = ["unknown-channel"]\n')
    assert findings(cli) == [CHANNEL]


def test_ignore(cli, project):
    write(project / "journeyctl.toml", 'ignore = ["stale-map", "W110"]\n')
    assert findings(cli) == []


def test_severity(cli, project):
    write(project / "journeyctl.toml", '[severity]\nW110 = "error"\nstale-map = "info"\n')
    result = cli("lint", "map.journey.yaml", "--today", TODAY, "--format", "json")
    assert [(f["code"], f["severity"]) for f in json.loads(result.out)["findings"]] == [
        ("W105", "info"),
        ("W110", "error"),
    ]
    assert result.code == 1


def test_info_severity_alone_exits_0(cli, project):
    write(project / "journeyctl.toml", 'ignore = ["W110"]\nseverity = { W105 = "info" }\n')
    result = cli("lint", "map.journey.yaml", "--today", TODAY)
    assert (result.code, result.out) == (0, STALE + "\nFound 0 errors, 0 warnings and 1 info in 1 of 1 file.\n")


def test_channels_add_to_the_vocabulary(cli, project):
    write(project / "journeyctl.toml", 'channels = ["webinar"]\n')
    assert findings(cli) == [STALE]
    write(project / "map.journey.yaml", MAP.replace("channel: webinar", "channel: website"))
    assert findings(cli) == [STALE]


def test_max_stages(cli, project):
    stages = "".join(
        f"  - {{id: s{i}, name: S{i}, touchpoints: [{{id: t{i}, name: T, emotion: 0}}]}}\n" for i in range(3)
    )
    write(project / "map.journey.yaml", MAP.split("stages:")[0] + "stages:\n" + stages)
    write(project / "journeyctl.toml", 'select = ["too-complex"]\nmax_stages = 2\n')
    assert findings(cli) == [
        "map.journey.yaml:11:5: W111 too-complex The map has 3 stages, more than 2: consider splitting it."
    ]
    write(project / "journeyctl.toml", 'select = ["too-complex"]\nmax_stages = 3\n')
    assert findings(cli) == []


def test_max_touchpoints_per_stage(cli, project):
    write(project / "map.journey.yaml", MAP + "      - {id: other, name: Other, emotion: 0}\n")
    write(project / "journeyctl.toml", 'select = ["W111"]\nmax_touchpoints_per_stage = 1\n')
    assert findings(cli) == [
        "map.journey.yaml:13:9: W111 too-complex Stage `pay` has 2 touchpoints, more than 1: consider splitting it."
    ]


def test_review_every_days(cli, project):
    write(project / "journeyctl.toml", "review_every_days = 365\n")
    assert findings(cli) == [CHANNEL]


def test_a_map_own_review_cadence_beats_the_setting(cli, project):
    write(
        project / "map.journey.yaml",
        MAP.replace("last_reviewed: 2026-06-01\n", "last_reviewed: 2026-06-01\nreview_every_days: 30\n"),
    )
    write(project / "journeyctl.toml", 'select = ["W105"]\nreview_every_days = 365\n')
    assert findings(cli) == [
        "map.journey.yaml:7:16: W105 stale-map The map was last reviewed on 2026-06-01, more than 30 days ago: review it and update `last_reviewed`."
    ]


def test_per_file_ignores_are_relative_to_the_config_folder(cli, project, monkeypatch):
    write(project / "journeyctl.toml", '[per-file-ignores]\n"legacy/*.yaml" = ["W110"]\n')
    write(project / "legacy" / "old.journey.yaml", MAP)
    write(project / "new" / "legacy" / "new.journey.yaml", MAP)
    result = cli("lint", "legacy", "new", "--today", TODAY, "--select", "W110", "--quiet")
    assert result.out == CHANNEL.replace("map.journey.yaml", "new/legacy/new.journey.yaml") + "\n"
    monkeypatch.chdir(project / "legacy")
    assert cli("lint", "old.journey.yaml", "--today", TODAY, "--select", "W110", "--quiet").out == ""


def test_per_file_ignores_pattern_without_a_slash_matches_file_names(cli, project):
    write(project / "journeyctl.toml", '[per-file-ignores]\n"*.draft.yaml" = ["stale-map", "W110"]\n')
    write(project / "deep" / "er" / "x.draft.yaml", MAP)
    result = cli("lint", "deep", "map.journey.yaml", "--today", TODAY, "--quiet")
    assert result.out.splitlines() == [STALE, CHANNEL]


def test_command_line_select_replaces_and_ignore_adds(cli, project):
    write(project / "journeyctl.toml", 'select = ["W110"]\nignore = ["W113"]\n')
    assert findings(cli, "--select", "W105,W110") == [STALE, CHANNEL]
    assert findings(cli, "--select", "W105,W110", "--ignore", "W110") == [STALE]
    assert findings(cli, "--extend-select", "stale-map") == [STALE, CHANNEL]


# --- invalid settings: exit 2, naming the file, the key and why ---

INVALID = [
    (
        'selct = ["W104"]\n',
        "journeyctl.toml: unknown setting `selct` (did you mean `select`?). The settings are: select, ignore, severity, channels, max_stages, max_touchpoints_per_stage, review_every_days, per-file-ignores, exclude, extend-exclude, respect-gitignore.",
    ),
    ('max_stages = "ten"\n', 'journeyctl.toml: `max_stages` must be a whole number of at least 1, not `"ten"`.'),
    (
        "max_touchpoints_per_stage = 0\n",
        "journeyctl.toml: `max_touchpoints_per_stage` must be a whole number of at least 1, not `0`.",
    ),
    (
        "review_every_days = true\n",
        "journeyctl.toml: `review_every_days` must be a whole number of at least 1, not `true`.",
    ),
    (
        'select = ["W104", "W999"]\n',
        "journeyctl.toml: `select`: `W999` is not a rule code or name (see `journeyctl rules`).",
    ),
    (
        'ignore = "W104"\n',
        'journeyctl.toml: `ignore` must be a list of rule codes or names, like ["W104", "stale-map"], not `"W104"`.',
    ),
    ("select = []\n", "journeyctl.toml: `select` must name at least one rule; leave it out to check every rule."),
    (
        '[severity]\nW104 = "off"\n',
        'journeyctl.toml: `severity`: the level of `W104` must be error, warning or info, not `"off"`. To turn a rule off, add it to `ignore`.',
    ),
    (
        '[severity]\nW104 = "fatal"\n',
        'journeyctl.toml: `severity`: the level of `W104` must be error, warning or info, not `"fatal"`.',
    ),
    (
        '[severity]\nmissing-emoshun = "info"\n',
        "journeyctl.toml: `severity`: `missing-emoshun` is not a rule code or name (see `journeyctl rules`).",
    ),
    (
        '[severity]\nW104 = "info"\nmissing-emotion = "error"\n',
        "journeyctl.toml: `severity` names W104 missing-emotion twice.",
    ),
    (
        'severity = "info"\n',
        'journeyctl.toml: `severity` must be a table of rule = level, like { W105 = "info" }, not `"info"`.',
    ),
    (
        "channels = [1]\n",
        'journeyctl.toml: `channels` must be a list of channel names, like ["webinar", "kiosk"], not `[1]`.',
    ),
    (
        'per-file-ignores = ["W104"]\n',
        'journeyctl.toml: `per-file-ignores` must be a table of "glob" = [rules], like { "legacy/*.yaml" = ["W104"] }, not `["W104"]`.',
    ),
    (
        '[per-file-ignores]\n"legacy/*" = ["W1O4"]\n',
        'journeyctl.toml: `per-file-ignores`."legacy/*": `W1O4` is not a rule code or name (see `journeyctl rules`).',
    ),
    (
        "per_file_ignores = {}\nper-file-ignores = {}\n",
        "journeyctl.toml: the setting `per-file-ignores` is given twice (as `-` and `_` spellings).",
    ),
    ("max_stages = 3\nmax_stages = 4\n", "journeyctl.toml:2:15: this is not valid TOML: Cannot overwrite a value."),
    ('select = ["W104"\n', "journeyctl.toml: this is not valid TOML: Unclosed array at the end of the file."),
]


@pytest.mark.parametrize(("text", "message"), INVALID, ids=[message.split(": ", 1)[1][:40] for _, message in INVALID])
def test_invalid_setting(cli, project, text, message):
    write(project / "journeyctl.toml", text)
    for command in (("lint", "map.journey.yaml"), ("config",)):
        result = cli(*command)
        assert (result.code, result.out) == (2, "")
        assert result.err == f"journeyctl: {message}\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[tool.journeyctl]\nmax_stages = "x"\n',
            'pyproject.toml: `tool.journeyctl.max_stages` must be a whole number of at least 1, not `"x"`.',
        ),
        (
            "[tool.journeyctl]\nmax-stage = 3\n",
            "pyproject.toml: unknown setting `tool.journeyctl.max-stage` (did you mean `max_stages`?). The settings are: select, ignore, severity, channels, max_stages, max_touchpoints_per_stage, review_every_days, per-file-ignores, exclude, extend-exclude, respect-gitignore.",
        ),
        (
            "[tool]\njourneyctl = 3\n",
            "pyproject.toml: `tool.journeyctl` must be a table of settings ([tool.journeyctl]).",
        ),
        ("[tool.journeyctl]\nselect = [W104]\n", "pyproject.toml:2:11: this is not valid TOML: Invalid value."),
    ],
)
def test_invalid_pyproject_setting(cli, project, text, message):
    write(project / "pyproject.toml", text)
    result = cli("lint", "map.journey.yaml")
    assert (result.code, result.err) == (2, f"journeyctl: {message}\n")


def test_config_file_that_is_not_utf8(cli, project):
    (project / "journeyctl.toml").write_bytes(b'channels = ["caf\xe9"]\n')
    assert cli("config").err == "journeyctl: journeyctl.toml is not UTF-8 text; save it as UTF-8.\n"


def test_config_option_with_a_missing_file(cli, project):
    result = cli("lint", "map.journey.yaml", "--config", "nowhere.toml")
    assert (result.code, result.err) == (
        2,
        "journeyctl: Cannot read the config file nowhere.toml: No such file or directory.\n",
    )


def test_config_option_with_a_pyproject_without_settings(cli, project):
    write(project / "pyproject.toml", '[project]\nname = "x"\n')
    result = cli("lint", "map.journey.yaml", "--config", "pyproject.toml")
    assert (result.code, result.err) == (2, "journeyctl: pyproject.toml has no [tool.journeyctl] table of settings.\n")


def test_config_and_isolated_together(cli, project):
    result = cli("config", "--config", "x.toml", "--isolated")
    assert (result.code, result.err) == (2, "journeyctl: --config and --isolated cannot be used together.\n")


def test_unknown_rule_on_the_command_line(cli, project):
    result = cli("lint", "map.journey.yaml", "--extend-select", "W104,nope")
    assert (result.code, result.err) == (
        2,
        "journeyctl: --extend-select: `nope` is not a rule code or name (see `journeyctl rules`).\n",
    )


# --- the config command ---

EXAMPLE = """\
select = ["W104", "W105", "unknown-channel", "W111"]
ignore = ["W112"]
channels = ["webinar", "kiosk"]
max_stages = 12
review_every_days = 30
extend-exclude = ["drafts/"]

[severity]
stale-map = "error"

[per-file-ignores]
"legacy/*.yaml" = ["W104", "W105"]
"*.draft.yaml" = ["W105"]
"""


def test_config_command_shows_each_setting_and_its_source(cli, project):
    write(project / "journeyctl.toml", EXAMPLE)
    result = cli("config", "--ignore", "W113", "--extend-select", "W113")
    assert result.code == 0
    assert (
        result.out
        == """\
Settings in effect (config file: journeyctl.toml):
  select: W104 missing-emotion, W105 stale-map, W110 unknown-channel, W111 too-complex, W113 missing-owner  (journeyctl.toml + command line)
  ignore: W112 missing-persona, W113 missing-owner  (journeyctl.toml + command line)
  severity: W105 stale-map = error  (journeyctl.toml)
  channels: ad, app, chat, email, event, kiosk, mail, other, partner, phone, referral, review, sales, search, sms, social, store, support, webinar, website  (default + journeyctl.toml)
  max_stages: 12  (journeyctl.toml)
  max_touchpoints_per_stage: 12  (default)
  review_every_days: 30  (journeyctl.toml)
  per-file-ignores: legacy/*.yaml = W104 missing-emotion, W105 stale-map; *.draft.yaml = W105 stale-map  (journeyctl.toml)
  exclude: .*/, node_modules/, __pypackages__/, site-packages/  (default)
  extend-exclude: drafts/  (journeyctl.toml)
  respect-gitignore: true  (default)
"""
    )


def test_config_command_without_a_config_file(cli, project):
    result = cli("config", "--select", "W104")
    assert result.out.splitlines()[:3] == [
        "Settings in effect (no config file found):",
        "  select: W104 missing-emotion  (command line)",
        "  ignore: none  (default)",
    ]


def test_config_command_as_json(cli, project):
    write(project / "pyproject.toml", "[tool.journeyctl]\nmax_stages = 4\n")
    document = json.loads(cli("config", "--format", "json").out)
    assert document["config_file"] == "pyproject.toml"
    assert document["isolated"] is False
    assert document["settings"]["max_stages"] == {"value": 4, "source": "pyproject.toml"}
    assert document["settings"]["ignore"] == {"value": [], "source": "default"}
    assert document["settings"]["select"]["value"][:2] == ["E001", "E002"]
    assert list(document["settings"]) == [
        "select",
        "ignore",
        "severity",
        "channels",
        "max_stages",
        "max_touchpoints_per_stage",
        "review_every_days",
        "per-file-ignores",
        "exclude",
        "extend-exclude",
        "respect-gitignore",
    ]


def test_config_command_rejects_an_unknown_format(cli, project):
    result = cli("config", "--format", "yaml")
    assert (result.code, result.err) == (2, "journeyctl: --format must be one of text, json, not `yaml`.\n")


def test_settings_and_suppressions_hold_when_files_are_linted_in_parallel(cli, project):
    from journeyctl.system.parallel import PARALLEL_FROM

    write(project / "journeyctl.toml", 'channels = ["webinar"]\n[per-file-ignores]\n"maps/odd/*.yaml" = ["W105"]\n')
    for number in range(PARALLEL_FROM + 4):
        folder = "odd" if number % 2 else "even"
        suppressed = (
            MAP.replace("owner: Web team\n", "owner: Web team  # journeyctl: ignore[W113]\n")
            if number % 3 == 0
            else MAP
        )
        write(project / "maps" / folder / f"m{number:02}.journey.yaml", suppressed)
    lines = cli("lint", "maps", "--today", TODAY, "--quiet").out.splitlines()
    assert [line.split(": ", 2)[:2] for line in lines] == [
        [f"maps/{'odd' if n % 2 else 'even'}/m{n:02}.journey.yaml:{position}", code]
        for n in sorted(range(PARALLEL_FROM + 4), key=lambda n: (n % 2 == 1, n))
        for position, code in (
            [
                (
                    "4:39",
                    "I001 unused-suppression W113 missing-owner is not reported on line 4, so this suppression silences nothing",
                )
            ]
            if n % 3 == 0
            else []
        )
        + ([] if n % 2 else [("7:16", "W105 stale-map The map was last reviewed on 2026-06-01, more than 90 days ago")])
    ]
