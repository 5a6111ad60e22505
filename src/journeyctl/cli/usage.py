"""How the command line reads to its user: usage lines in words, and each usage error as one line.

Typer 0.27 and 0.28 write a required argument in braces (`journeyctl diff [OPTIONS] {OLD} {NEW}`),
and Click reports a mistake in three lines of its own style (usage, "Try ... for help.",
"Error: Missing argument 'PATH...'."). journeyctl's commands use the classes here instead:
the usage line names arguments as the help does (`PATH...`, `[PATH]`), and `usage_error_message`
words every usage error as journeyctl words its own (`journeyctl: lint needs PATH... (see ...).`).

Typer exports neither its Click exceptions nor its Click context: they come from `typer._click`,
which pyproject.toml keeps stable by keeping typer below 0.29.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import get_close_matches
from typing import Optional

from typer._click import Command as ClickCommand
from typer._click import Context as ClickContext
from typer._click import HelpFormatter as ClickHelpFormatter
from typer._click import Parameter
from typer._click.exceptions import BadOptionUsage, BadParameter, MissingParameter, NoSuchOption
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperCommand, TyperGroup

# Help text is wrapped by Python's textwrap, which also breaks lines at hyphens between letters:
# `journeyctl git-` / `setup`, `YYYY-MM-` / `DD`. While it wraps, they are non-breaking hyphens.
_HYPHEN = re.compile(r"(?<=\S)-(?=\S)")
_NON_BREAKING_HYPHEN = "\u2011"


class HelpFormatter(ClickHelpFormatter):
    """Click's help layout, with lines broken at spaces only and the text column as wide as it can be."""

    def write_text(self, text: str) -> None:
        super().write_text(_HYPHEN.sub(_NON_BREAKING_HYPHEN, text))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        kept = [(term, _HYPHEN.sub(_NON_BREAKING_HYPHEN, text)) for term, text in rows]
        # A term too long for the first column (`-f, --format [text|json|...]`) has a line of its own
        # anyway; the column is as wide as the longest term that fits, leaving the text more room.
        fitting = max((len(term) for term, _ in rows if len(term) <= col_max), default=col_max)
        super().write_dl(kept, fitting, col_spacing)

    def getvalue(self) -> str:
        return super().getvalue().replace(_NON_BREAKING_HYPHEN, "-")


class Context(ClickContext):
    """A command's context: its help is laid out by journeyctl's HelpFormatter."""

    formatter_class = HelpFormatter


class ExtraArgument(ClickUsageError):
    """More arguments than the command takes."""

    def __init__(self, argument: str, ctx: ClickContext) -> None:
        super().__init__(f"unexpected argument {argument}", ctx)
        self.argument = argument


class UnknownCommand(ClickUsageError):
    """A command name that is not one of journeyctl's."""

    def __init__(self, name: str, ctx: ClickContext, close: list[str]) -> None:
        super().__init__(f"no command {name}", ctx)
        self.name, self.close = name, close


class Command(TyperCommand):
    """A journeyctl command: arguments in its usage line as in its help, an extra argument named."""

    context_class = Context

    def collect_usage_pieces(self, ctx: ClickContext) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [argument_word(param) for param in self.params if param.param_type_name == "argument"]

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        # Click refuses extra arguments with one message for them all; journeyctl names the first.
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True
        try:
            rest = super().parse_args(ctx, args)
        except ClickUsageError as error:
            error.ctx = error.ctx or ctx  # Click's option parser leaves it out: the message names the command
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed:
            raise ExtraArgument(rest[0], ctx)
        return rest


class Group(TyperGroup):
    """journeyctl itself: its help laid out as the commands' is, an unknown command refused with the names
    it may have meant."""

    context_class = Context

    def resolve_command(
        self, ctx: ClickContext, args: list[str]
    ) -> tuple[Optional[str], Optional[ClickCommand], list[str]]:
        name = args[0]
        if self.get_command(ctx, name) is None and not name.startswith("-"):
            raise UnknownCommand(name, ctx, get_close_matches(name, self.list_commands(ctx)))
        return super().resolve_command(ctx, args)


def argument_word(param: Parameter) -> str:
    """An argument as the usage line shows it: `PATH...`, `OLD`, or `[PATH]` when it may be left out."""
    word = param.human_readable_name
    if param.nargs != 1 and not word.endswith("..."):
        word += "..."
    return word if param.required else f"[{word}]"


def usage_error_message(error: ClickUsageError) -> str:
    """The one line that tells what is wrong with the command line, without the `journeyctl: ` prefix."""
    ctx = error.ctx
    command = ctx.command_path if ctx is not None else "journeyctl"
    see = f" (see `{command} --help`)."
    subject = f" for {ctx.info_name}" if ctx is not None and ctx.parent is not None else ""
    if isinstance(error, MissingParameter) and ctx is not None and error.param is not None:
        return f"{ctx.info_name} needs {' and '.join(_missing(ctx, error.param))}{see}"
    if isinstance(error, BadParameter) and error.param is not None:
        return f"{_option_name(error.param)} {error.message}"
    if isinstance(error, NoSuchOption):
        return f"unknown option `{error.option_name}`{subject}" + _did_you_mean(error.possibilities or [], see)
    if isinstance(error, BadOptionUsage):
        return f"{error.option_name} {'takes no value' if _is_flag(ctx, error.option_name) else 'needs a value'}{see}"
    if isinstance(error, ExtraArgument):
        return f"unexpected argument `{error.argument}`{subject}{see}"
    if isinstance(error, UnknownCommand):
        return f"there is no command `{error.name}`" + _did_you_mean(error.close, see)
    return error.format_message().rstrip(".") + see


def _missing(ctx: ClickContext, param: Parameter) -> list[str]:
    # Arguments fill in order: when one is missing, so are the required ones after it.
    arguments = [each for each in ctx.command.params if each.param_type_name == "argument"]
    if param not in arguments:
        return [_option_name(param)]
    return [argument_word(each) for each in arguments[arguments.index(param) :] if each.required]


def _option_name(param: Parameter) -> str:
    return max(param.opts, key=len) if param.param_type_name == "option" else param.human_readable_name


def _is_flag(ctx: Optional[ClickContext], option: str) -> bool:
    params = ctx.command.params if ctx is not None else []
    return any(option in param.opts and getattr(param, "is_flag", False) for param in params)


def _did_you_mean(names: Sequence[str], otherwise: str) -> str:
    if not names:
        return otherwise
    return f" (did you mean {' or '.join(f'`{name}`' for name in names)}?)."
