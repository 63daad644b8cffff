"""Typer's group and command classes, adjusted once for every command: unknown commands name
the valid ones, --data may follow the command, the drawing commands are built only when used,
help names no Python types (`<list[Path]>`), and a value outside a choice is answered with
the choices and the closest of them."""

from __future__ import annotations

import ast
import re

import typer
import typer.core

from ..core.matching import suggest
from .data_first import data_first
from .lazy import LazyGroup

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Typer's own message for a value outside a choice: "Value error, 'x' is not one of 'a', 'b'."
_NOT_ONE_OF = re.compile(r"(?:Value error, )?('(?:[^'\\]|\\.)*') is not one of (.*)\.$", re.S)
_TYPE = re.compile(r" <(.*)>$")


def _choice_message(message: str) -> str | None:
    """ "'launches' is not one of: signing, launch, ... (did you mean 'launch'?)", or None when
    `message` is not Typer's choice error."""
    found = _NOT_ONE_OF.match(message)
    if found is None:
        return None
    try:
        given = ast.literal_eval(found.group(1))
        choices = list(ast.literal_eval(f"({found.group(2)},)"))
    except (SyntaxError, ValueError):
        return None
    listed = ", ".join(map(str, choices))
    return f"{given!r} is not one of: {listed}{suggest(str(given), map(str, choices))}"


def _without_type(name: str) -> str:
    """A help record's name without a Python type: `OLD NEW <list[Path]>` -> `OLD NEW`;
    choices stay, unwrapped: `<list[a|b]>` -> `<a|b>`."""
    found = _TYPE.search(name)
    if found is None:
        return name
    inner = found.group(1)
    if inner.startswith("list[") and inner.endswith("]"):
        inner = inner[5:-1]
    return name[: found.start()] + (f" <{inner}>" if "|" in inner else "")


class Command(typer.core.TyperCommand):
    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        try:
            return super().parse_args(ctx, args)
        except typer.BadParameter as error:
            better = _choice_message(error.message)
            if better is None:
                raise
            raise typer.BadParameter(better, ctx=ctx, param=error.param) from None

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None:
                chosen = arguments if param.param_type_name == "argument" else options
                chosen.append((_without_type(record[0]), record[1]))
        for title, records in (("Arguments", arguments), ("Options", options)):
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)


class Commands(LazyGroup):
    """Typer's group, naming the valid commands when an unknown one has no close match, and
    taking --data after the command as well as before it; the drawing commands are built
    when first used (cli/lazy.py)."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        return super().parse_args(ctx, data_first(args, set(self.list_commands(ctx))))

    def resolve_command(self, ctx: typer.Context, args: list[str]) -> Any:  # type: ignore[override]
        try:
            return super().resolve_command(ctx, args)
        except Exception as error:
            message = getattr(error, "message", "")
            if message.startswith("No such command") and "Did you mean" not in message:
                valid = ", ".join(self.list_commands(ctx))
                raise type(error)(f"{message} Commands: {valid}.", ctx) from None
            raise
