"""The command-line reference, read from the Typer app itself, so that it cannot drift from the code.

Every command the app has (hidden ones aside, as `--help` hides them), with its usage, help,
arguments and options, and each option's value, default and help, as click knows them. Typer
builds on its own copy of click, so commands and parameters are read by click's attributes
(`param_type_name` tells options from arguments) rather than by class.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Command = Any  # a click command or group, from whichever click Typer uses
Context = Any
Parameter = Any


def cli_page(group: Command, guides: Mapping[str, tuple[str, str]]) -> str:
    """The reference page of a click group (the journeyctl app); `guides` maps a command name to
    the path and title of its guide."""
    context = group.context_class(group, info_name=group.name)
    commands = [command for command in group.commands.values() if not command.hidden]
    index = "\n".join(f"| [`{_full_name(group, c)}`](#{_anchor(group, c)}) | {_one_line(c)} |" for c in commands)
    sections = "\n".join(
        _command_section(group, command, context, guides.get(command.name or "")) for command in commands
    )
    return f"""# Command line

This reference is generated from journeyctl's command line while the site is
built: it lists every command, argument and option of this version, with its
default. `journeyctl COMMAND --help` prints the same in the terminal.

```text
{_usage(group, context)}
```

{_parameter_tables(group, context)}

| command | what it does |
|---|---|
{index}

{sections}"""


def _command_section(group: Command, command: Command, parent: Context, guide: tuple[str, str] | None) -> str:
    context = command.context_class(command, info_name=command.name, parent=parent)
    see = f"\n\nGuide: [{guide[1]}]({guide[0]})." if guide else ""
    return f"""
## `{_full_name(group, command)}` {{#{_anchor(group, command)}}}

{_cell_free(command.help or "")}{see}

```text
{_usage(command, context)}
```

{_parameter_tables(command, context)}
"""


def _parameter_tables(command: Command, context: Context) -> str:
    arguments = [param for param in command.params if param.param_type_name == "argument"]
    options = [param for param in command.params if param.param_type_name == "option" and not param.hidden]
    tables = []
    if arguments:
        rows = "\n".join(
            f"| `{_metavar(argument, context)}` | {'yes' if argument.required else 'no'} | {_help(argument)} |"
            for argument in arguments
        )
        tables.append(f"| argument | required | meaning |\n|---|---|---|\n{rows}")
    if options:
        rows = "\n".join(
            f"| {_names(option)} | {_value(option, context)} | {_default(option)} | {_help(option)} |"
            for option in options
        )
        tables.append(f"| option | value | default | meaning |\n|---|---|---|---|\n{rows}")
    return "\n\n".join(tables) if tables else "No arguments or options."


def _usage(command: Command, context: Context) -> str:
    return f"{context.command_path} {' '.join(command.collect_usage_pieces(context))}"


def _full_name(group: Command, command: Command) -> str:
    return f"{group.name} {command.name}"


def _anchor(group: Command, command: Command) -> str:
    return f"{group.name}-{command.name}"


def _one_line(command: Command) -> str:
    return _cell(command.get_short_help_str(limit=200))


def _names(option: Parameter) -> str:
    return ", ".join(f"`{name}`" for name in sorted([*option.opts, *option.secondary_opts], key=len, reverse=True))


def _metavar(param: Parameter, context: Context) -> str:
    """The value's name: the one the code gives, else the parameter's name (`--format FORMAT`)."""
    return str(param.metavar or param.name.upper().replace("_", "-"))


def _value(option: Parameter, context: Context) -> str:
    if option.is_flag:
        return ""
    return f"`{_metavar(option, context)}`"


def _default(option: Parameter) -> str:
    if option.is_flag:
        return "on" if option.default else "off"
    if option.default is None or option.default == () or option.default == []:
        return "not set"
    return f"`{option.default}`"


def _help(param: Parameter) -> str:
    text = _cell(getattr(param, "help", None) or "")
    if getattr(param, "multiple", False) or param.nargs == -1:
        text += " Repeatable." if param.param_type_name == "option" else ""
    return text


def _cell(text: str) -> str:
    """Text that stays in its table cell."""
    return _cell_free(text).replace("|", "\\|").replace("\n", " ")


def _cell_free(text: str) -> str:
    return " ".join(text.split()) if "\n\n" not in text else text.strip()
