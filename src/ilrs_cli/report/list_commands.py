"""The registry of list commands: each with its fields. `fields`, completion, the SQLite
views, the data package and the docs take the list commands from here.

A command that lists the records of one kind as they are (`records_command`) needs nothing
else: its answer (`answers.listing`), its Python API (`api.listing`), its command line
command (cli.record_commands) and its SQLite view come from its entry."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..core.tuples import NamedTuple
from .list_fields import (
    COUNTRY_COLUMNS,
    EVENT_COLUMNS,
    FACT_COLUMNS,
    GROWTH_COLUMNS,
    MEMBER_COLUMNS,
    PAYLOAD_COLUMNS,
    SEARCH_COLUMNS,
    SIGNATORY_COLUMNS,
    SIGNING_COLUMNS,
    SOURCE_COLUMNS,
    record_columns,
)
from .listing import Column


class ListCommand(NamedTuple):
    """A list command's fields; for one of the records of a kind, that kind's table (its
    plural), its listing's heading and table columns, the filters it takes (by name, from
    answers.RECORD_FILTERS; the command line's options of the same names) and its help."""

    columns: tuple[Column, ...]
    lists: str | None = None
    heading: str = ""
    table_columns: tuple[str, ...] = ()
    filters: tuple[str, ...] = ()
    help: str = ""


def records_command(
    plural: str,
    heading: str,
    table_columns: tuple[str, ...],
    help_: str,
    filters: tuple[str, ...] = (),
    *columns: Column,
) -> ListCommand:
    """The command listing the records of `plural`: their fields' columns (core.schema),
    less any given here."""
    columns_ = record_columns(plural, *columns)
    return ListCommand(columns_, plural, heading, table_columns, filters, help_)


LIST_COMMANDS: dict[str, ListCommand] = {
    "payloads": ListCommand(PAYLOAD_COLUMNS),
    "members": ListCommand(MEMBER_COLUMNS),
    "artemis": ListCommand(SIGNATORY_COLUMNS),
    "signings": ListCommand(SIGNING_COLUMNS),
    "growth": ListCommand(GROWTH_COLUMNS),
    "timeline": ListCommand(EVENT_COLUMNS),
    "mission": ListCommand(FACT_COLUMNS),
    "countries": ListCommand(COUNTRY_COLUMNS),
    "search": ListCommand(SEARCH_COLUMNS),
    "sources": ListCommand(SOURCE_COLUMNS),
}


class _ColumnsByCommand(Mapping[str, tuple[Column, ...]]):
    """The columns of each list command, read from LIST_COMMANDS."""

    def __getitem__(self, name: str) -> tuple[Column, ...]:
        return LIST_COMMANDS[name].columns

    def __iter__(self) -> Iterator[str]:
        return iter(LIST_COMMANDS)

    def __len__(self) -> int:
        return len(LIST_COMMANDS)


COLUMNS_BY_COMMAND: Mapping[str, tuple[Column, ...]] = _ColumnsByCommand()
