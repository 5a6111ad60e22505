"""Help text in one style: choices and words for values, usage lines in words, summaries that fit,
nothing broken at a hyphen, and every usage error as one `journeyctl: ...` line (exit 2)."""

from __future__ import annotations

import re

import pytest
import typer

from conftest import ROOT, run_journeyctl
from journeyctl.cli import app

COMMANDS = list(typer.main.get_group(app).commands)
WIDTHS = (80, 60, 50)
USAGES = [
    "journeyctl lint [OPTIONS] PATH...",
    "journeyctl rules [OPTIONS] [CODE]",
    "journeyctl config [OPTIONS]",
    "journeyctl fmt [OPTIONS] PATH...",
    "journeyctl diff [OPTIONS] OLD NEW",
    "journeyctl git-diff [OPTIONS] ARG...",
    "journeyctl git-setup [OPTIONS]",
    "journeyctl render [OPTIONS] PATH...",
    "journeyctl serve [OPTIONS] [PATH]",
    "journeyctl report [OPTIONS] PATH...",
    "journeyctl import [OPTIONS] SOURCE",
    "journeyctl export [OPTIONS] PATH...",
    "journeyctl init [OPTIONS] [PATH]",
    "journeyctl schema [OPTIONS]",
    "journeyctl lsp [OPTIONS]",
]

TOP_LEVEL_80 = """\
Usage: journeyctl [OPTIONS] COMMAND [ARGS]...

  Customer journey maps as version-controlled YAML: lint and format them,
  review their changes, render them as pages or PDF, preview them live, report
  on a portfolio, and import or export spreadsheets and Mermaid diagrams.

Options:
  --version  Print the version and exit.
  --debug    Show the traceback of an internal error.
  --help     Show this message and exit.

Commands:
  lint       Check maps against the format and good practice.
  rules      List the lint rules, or explain one.
  config     Show the lint settings in effect and where each came from.
  fmt        Rewrite maps in the canonical layout, keeping comments.
  diff       Show what changed between two versions of a map.
  git-diff   git's diff driver for maps (set up by git-setup).
  git-setup  Make `git diff` in this repository show maps by meaning.
  render     Render maps as HTML pages, GitHub Markdown or PDF.
  serve      Preview maps in a browser, reloaded as you edit.
  report     Report on a portfolio: costly pain points, actions, health.
  import     Turn a spreadsheet or a Mermaid journey into a new map.
  export     Export maps as CSV, XLSX, JSON or a Mermaid journey.
  init       Create a new map from a starter.
  schema     Print the format's JSON Schema, for editors.
  lsp        Run the language server for editors.
"""

LINT_80 = """\
Usage: journeyctl lint [OPTIONS] PATH...

  Check maps against the format and good practice: exit 1 when there are
  findings.

Arguments:
  PATH...  Map files, or folders to search for maps.  [required]

Options:
  -f, --format [text|json|sarif|github|gitlab|junit]
                          The report's format (default: text; github on GitHub
                          Actions).
  -o, --output FILE       Write the report in --format to this file; the
                          terminal still gets text (annotations on GitHub
                          Actions).
  --select CODES          Only these rules: codes or names, comma-separated
                          (replaces the config's `select`).
  --extend-select CODES   Add these rules to the selection (codes or names,
                          comma-separated).
  --ignore CODES          Skip these rules too (codes or names,
                          comma-separated).
  --config FILE           Use this config file (journeyctl.toml or
                          pyproject.toml) instead of searching for one.
  --isolated              Ignore all config files.
  --today DATE            The date the stale and overdue rules count from
                          (YYYY-MM-DD; default: today).
  -q, --quiet             Print findings only, no summary.
  --exclude PATTERN       Leave out of folder searches what this
                          gitignore-style pattern matches (adds to the
                          config's `exclude`).
  --no-respect-gitignore  Search folders without regard to .gitignore files.
  --allow-empty           Only warn, instead of exiting 2, when a named folder
                          holds no maps.
  --fix                   Apply the safe fixes (see `journeyctl rules`), then
                          report what remains.
  --diff                  Write nothing; print what --fix would change as a
                          unified diff.
  --help                  Show this message and exit.
"""

DIFF_80 = """\
Usage: journeyctl diff [OPTIONS] OLD NEW

  Show what changed between two versions of a map, item by item (by id, not by
  line).

Arguments:
  OLD  The old map: a file, or REV:PATH from git (HEAD~1:maps/x.journey.yaml).
       [required]
  NEW  The new map: a file, or REV:PATH from git.  [required]

Options:
  -f, --format [text|markdown|json]
               The output's format.  [default: text]
  --exit-code  Exit 1 when there are changes, 0 when there are none.
  --help       Show this message and exit.
"""


@pytest.fixture
def help_at(cli, monkeypatch):
    """`journeyctl ARGS... --help` as a terminal COLUMNS wide shows it."""

    def show(columns: int, *args: str) -> str:
        monkeypatch.setenv("COLUMNS", str(columns))
        result = cli(*args, "--help")
        assert (result.code, result.err) == (0, ""), result.err
        return result.out

    return show


def test_the_top_level_help_lists_every_command_uncut(help_at):
    assert help_at(80) == TOP_LEVEL_80


@pytest.mark.parametrize("columns", WIDTHS)
def test_no_command_summary_is_cut_at_any_width(help_at, columns):
    listing = help_at(columns).split("Commands:\n", 1)[1]
    summaries = " ".join(line.strip() for line in listing.splitlines())
    assert "..." not in summaries
    for name in COMMANDS:
        assert re.search(rf"(^|\n)  {re.escape(name)} +\S", listing), name


def test_lint_help_shows_choices_and_words_for_values(help_at):
    assert help_at(80, "lint") == LINT_80


def test_diff_help_names_its_arguments_as_words(help_at):
    assert help_at(80, "diff") == DIFF_80


@pytest.mark.parametrize("usage", USAGES)
def test_usage_lines_read_as_words(help_at, usage):
    assert help_at(80, usage.split()[1]).splitlines()[0] == f"Usage: {usage}"


def test_every_command_has_its_usage_line_tested():
    assert [usage.split()[1] for usage in USAGES] == COMMANDS


@pytest.mark.parametrize("command", COMMANDS)
def test_every_value_is_shown_as_a_word_or_its_choices(help_at, command):
    options = help_at(80, command).split("Options:\n", 1)[1]
    values = re.findall(r"^  (?:-\w, )?--[\w-]+ (\S+)", options, re.MULTILINE)
    assert "<" not in options
    for value in values:
        assert re.fullmatch(r"[A-Z][A-Z.=_]*|\[[a-z0-9-]+(\|[a-z0-9-]+)+\]", value), (command, value)


@pytest.mark.parametrize(
    ("command", "option"),
    [
        ("lint", "-f, --format [text|json|sarif|github|gitlab|junit]"),
        ("config", "-f, --format [text|json]"),
        ("diff", "-f, --format [text|markdown|json]"),
        ("render", "-f, --format [html|markdown|pdf]"),
        ("render", "--paper [a4|letter]"),
        ("report", "-f, --format [text|markdown|json|html]"),
        ("report", "--weight [occurrences|severity]"),
        ("report", "--by [pain-point|tag]"),
        ("import", "--from [csv|xlsx|mermaid]"),
        ("import", "--layout [rows|columns]"),
        ("export", "-f, --format [csv|xlsx|json|mermaid]"),
        ("export", "--table [touchpoints|pain-points|opportunities]"),
        ("serve", "--port PORT"),
        ("report", "--moments N"),
    ],
)
def test_fixed_values_are_listed(help_at, command, option):
    assert f"\n  {option}" in help_at(80, command)


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("command", [*COMMANDS, None])
def test_no_line_is_broken_at_a_hyphen(help_at, command, columns):
    text = help_at(columns, *([command] if command else []))
    assert re.findall(r"\w-\n", text) == []
    if "--today" in text:
        assert "(YYYY-MM-DD; default: today)" in re.sub(r"\s+", " ", text)


def test_help_through_a_pipe_has_no_colour():
    result = run_journeyctl("lint", "--help", env={"COLUMNS": "80", "TERM": "xterm-256color"})
    assert (result.returncode, result.stderr) == (0, "")
    assert "\x1b" not in result.stdout
    assert result.stdout == LINT_80


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lint"], "lint needs PATH... (see `journeyctl lint --help`)."),
        (["diff"], "diff needs OLD and NEW (see `journeyctl diff --help`)."),
        (["diff", "old.journey.yaml"], "diff needs NEW (see `journeyctl diff --help`)."),
        (["import"], "import needs SOURCE (see `journeyctl import --help`)."),
        (["lint", "--formt", "json", "."], "unknown option `--formt` for lint (did you mean `--format`?)."),
        (["lint", "--colour", "."], "unknown option `--colour` for lint (see `journeyctl lint --help`)."),
        (["lint", "-x", "."], "unknown option `-x` for lint (see `journeyctl lint --help`)."),
        (["--verison"], "unknown option `--verison` (did you mean `--version`?)."),
        (["lnt", "."], "there is no command `lnt` (did you mean `lint`?)."),
        (["check", "."], "there is no command `check` (see `journeyctl --help`)."),
        (["lint", ".", "--format"], "--format needs a value (see `journeyctl lint --help`)."),
        (["lint", "--fix=yes", "."], "--fix takes no value (see `journeyctl lint --help`)."),
        (["diff", "a", "b", "c"], "unexpected argument `c` for diff (see `journeyctl diff --help`)."),
        (["git-setup", "now"], "unexpected argument `now` for git-setup (see `journeyctl git-setup --help`)."),
        (["serve", "--port", "http"], "--port must be a whole number, not `http`."),
        (["report", ".", "--moments", "-1"], "--moments must be a whole number of at least 0, not `-1`."),
        (["import", "x.csv", "--layout", "diagonal"], "--layout must be one of rows, columns, not `diagonal`."),
        (["render", ".", "--paper", "a3"], "--paper must be one of a4, letter, not `a3`."),
        (["lint", ".", "--today", "23/11/2026"], "--today must be a date written YYYY-MM-DD, not `23/11/2026`."),
    ],
)
def test_usage_errors_are_one_line_exit_2(cli, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = cli(*args)
    assert (result.code, result.out, result.err) == (2, "", f"journeyctl: {message}\n")


def test_the_security_page_quotes_usage_errors_as_they_are():
    page = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    row = next(line for line in page.splitlines() if line.startswith("| a mistake on the command line"))
    quoted = re.findall(r"``(journeyctl: .*?)``", row)
    for args, line in zip((["diff", "old.journey.yaml"], ["lint", "--formt", "json", "."]), quoted, strict=True):
        result = run_journeyctl(*args)
        assert (result.returncode, result.stderr) == (2, line + "\n")


def test_the_parts_table_names_each_modules_commands() -> None:
    import importlib

    from typer.main import get_command_name

    from journeyctl.cli import PARTS

    for part, names in PARTS.items():
        commands = importlib.import_module(f"journeyctl.cli.{part}").commands.registered_commands
        assert tuple(command.name or get_command_name(command.callback.__name__) for command in commands) == names


def test_a_run_imports_only_its_commands_module() -> None:
    import subprocess
    import sys

    from conftest import EXAMPLES, SRC, TODAY

    code = (
        "import sys; from journeyctl.cli import main; code = main(sys.argv[1:]); "
        "print(sorted(m for m in sys.modules if m.startswith('journeyctl.cli.') and m.count('.') == 2))"
    )
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}
    lint = [sys.executable, "-c", code, "lint", str(EXAMPLES / "personas.yaml"), "--today", TODAY]
    shown = subprocess.run(lint, capture_output=True, text=True, env=env, timeout=60).stdout.splitlines()[-1]
    assert (
        shown
        == "['journeyctl.cli.check', 'journeyctl.cli.messages', 'journeyctl.cli.options', 'journeyctl.cli.usage', 'journeyctl.cli.values']"
    )
    version = [sys.executable, "-c", code, "--version"]
    shown = subprocess.run(version, capture_output=True, text=True, env=env, timeout=60).stdout.splitlines()[-1]
    assert shown == "['journeyctl.cli.messages', 'journeyctl.cli.usage']"
