"""Columns and listings: what a list's JSON objects hold, how each column shows as text in
tables and CSV, and choosing columns, sorting and limiting rows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from ..core.errors import QueryError
from ..core.text import fold

Item = dict[str, Any]


def _plain(value: Any) -> str:
    return str(value)


def citation_text(source: Item) -> str:
    return f"{source['id']} ({source['at']})"


def named(entry: Item) -> str:
    return str(entry["name"])


def institution_text(inst: Item) -> str:
    name = f"{inst['name']} ({inst['short_name']})" if inst.get("short_name") else inst["name"]
    return f"{name}, {inst['country']}" if inst.get("country") else str(name)


class Column(NamedTuple):
    """One key of a listing's JSON objects, and how it shows as text in tables and CSV."""

    name: str
    header: str
    help: str
    type: str = "string"  # as `ilrs fields` describes it
    show: Callable[[Any], str] = _plain  # one value, or one element of a list
    table_cell: Callable[[Item], str] | None = None  # a table cell drawn from the whole item
    sort_key: Callable[[Item], Any] | None = None
    max_width: int | None = None
    no_wrap: bool = False

    def text(self, item: Item, separator: str) -> str:
        value = item.get(self.name)
        if value is None:
            return ""
        if isinstance(value, list):
            return separator.join(self.show(element) for element in value)
        return self.show(value)

    def cell(self, item: Item) -> str:
        return self.table_cell(item) if self.table_cell else self.text(item, "\n")

    def key(self, item: Item) -> Any:
        """What --sort orders by; None for a missing value, which always sorts last."""
        if item.get(self.name) in (None, []):
            return None
        if self.sort_key is not None:
            return self.sort_key(item)
        return fold(self.text(item, " "))


SOURCES = Column(
    "sources",
    "Sources",
    "The sources behind the record: {id, at, title, publisher, date, url}.",
    type="list of objects",
    show=citation_text,
)
ID = Column(
    "id",
    "Id",
    "A stable identifier (slug); `ilrs show ID` prints the record in full.",
    no_wrap=True,
)


class Listing(NamedTuple):
    """The result of a list command, before it is rendered in some format."""

    title: str
    caption: str
    columns: tuple[Column, ...]
    table_columns: tuple[str, ...]
    items: list[Item]
    empty_note: str
    selected: tuple[str, ...] | None = None
    notes: tuple[str, ...] = ()  # said beside the answer: who was left out, and why

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    def shown(self, default: tuple[str, ...]) -> tuple[Column, ...]:
        """The columns chosen with `fields`, else `default`."""
        return tuple(self.column(name) for name in self.selected or default)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def selected_items(self) -> list[Item]:
        """The items, with only the chosen fields where fields were chosen."""
        if self.selected is None:
            return self.items
        return [{name: item.get(name) for name in self.selected} for item in self.items]


def shape(
    listing: Listing,
    fields: str | None = None,
    sort: str | None = None,
    limit: int | None = None,
) -> Listing:
    """Choose `fields` (comma-separated names), sort by `sort` (FIELD, or -FIELD for reverse)
    and keep at most `limit` rows."""
    valid = ", ".join(listing.names)
    selected = None
    if fields is not None:
        selected = tuple(name.strip() for name in fields.split(",") if name.strip())
        unknown = [name for name in selected if name not in listing.names]
        if unknown or not selected:
            named = ", ".join(unknown) if unknown else "none"
            raise QueryError("fields", f"unknown field(s): {named}; valid fields: {valid}")
    items = listing.items
    if sort is not None:
        name = sort.removeprefix("-")
        if name not in listing.names:
            raise QueryError("sort", f"unknown field {name!r}; valid fields: {valid}")
        key = listing.column(name).key
        present = [item for item in items if key(item) is not None]
        missing = [item for item in items if key(item) is None]
        items = sorted(present, key=key, reverse=sort.startswith("-")) + missing
    if limit is not None:
        items = items[:limit]
    return listing._replace(items=items, selected=selected)
