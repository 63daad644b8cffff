"""The list commands of the records of one kind, generated from their entries in
report.list_commands (`records_command`): each an ordinary Typer command under
`answers_command`, with the options of the filters it takes (cli.query_options) and the
output options."""

from __future__ import annotations

import inspect
from collections.abc import Callable

import typer

from .output_options import answers_command
from .query_options import RECORD_FILTER_OPTIONS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .questions import Answer


def _command(name: str, filters: tuple[str, ...], help_: str) -> Callable[..., Answer]:
    def build(**asked: Any) -> Answer:
        from ..report import answers

        return lambda dataset: answers.listing(dataset, name, **asked)

    build.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter(option, inspect.Parameter.KEYWORD_ONLY, default=None,
                           annotation=RECORD_FILTER_OPTIONS[option]) for option in filters]
    )  # fmt: skip
    build.__name__, build.__doc__ = name, help_
    return build


def add_record_commands(app: typer.Typer) -> None:
    """A command for each list command of records in the registry."""
    from ..report.list_commands import LIST_COMMANDS

    for name, spec in LIST_COMMANDS.items():
        if spec.lists is not None:
            answers_command(app, name=name)(_command(name, spec.filters, spec.help))
