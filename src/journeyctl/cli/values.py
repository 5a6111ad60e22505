"""The types of option values: checked while the command line is read, and refused in journeyctl's words.

A bad value is a usage error before any work starts: `--format must be one of text, json, not `xml`.`
(the sentence the engine uses for the values it checks itself), `--port must be a whole number, not `x`.`.
The message names no option: `usage.usage_error_message` puts the option's name in front.

Typer 0.26 to 0.28 carry their own copy of Click (`typer._click`) and export no base class for a
parameter type; pyproject.toml keeps typer below 0.29, and the tests of the command line pin
the behaviour.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, Optional

from typer._click import Context, Parameter
from typer._click.types import ParamType


class Choice(ParamType):
    """One of a fixed set of words, listed in --help as `[a|b|c]`.

    The words come from the engine's own registry (reporters, formats, tables), read when
    the value is checked or the help is shown: the command line states no list of its own,
    and start-up imports none of the registries.
    """

    name = "choice"

    def __init__(self, words: Callable[[], Iterable[str]], ignore_case: bool = False) -> None:
        self._words = words
        self.ignore_case = ignore_case

    @property
    def choices(self) -> tuple[str, ...]:
        """The allowed words, in the registry's order."""
        return tuple(self._words())

    def get_metavar(self, param: Parameter, ctx: Context) -> str:
        return f"[{'|'.join(self.choices)}]"

    def convert(self, value: Any, param: Optional[Parameter], ctx: Optional[Context]) -> str:
        word = str(value)
        for choice in self.choices:
            if choice == word or (self.ignore_case and choice.casefold() == word.casefold()):
                return choice
        self.fail(f"must be one of {', '.join(self.choices)}, not `{word}`.", param, ctx)


class WholeNumber(ParamType):
    """An integer, at least `minimum` when one is given."""

    name = "integer"

    def __init__(self, minimum: Optional[int] = None) -> None:
        self.minimum = minimum

    def convert(self, value: Any, param: Optional[Parameter], ctx: Optional[Context]) -> int:
        if isinstance(value, int):
            return value
        bound = "" if self.minimum is None else f" of at least {self.minimum}"
        try:
            number = int(str(value).strip())
        except ValueError:
            number = None
        if number is None or (self.minimum is not None and number < self.minimum):
            self.fail(f"must be a whole number{bound}, not `{value}`.", param, ctx)
        return number


class Day(ParamType):
    """A calendar date written YYYY-MM-DD, as a `date`."""

    name = "date"

    def convert(self, value: Any, param: Optional[Parameter], ctx: Optional[Context]) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"must be a date written YYYY-MM-DD, not `{value}`.", param, ctx)
