"""Fields and listings: what a list command's JSON objects hold, how each field shows as
text in tables and CSV, and --fields, --sort and --limit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from .countries import fold
from .errors import InputError

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


class Field(NamedTuple):
    """One key of a command's JSON objects, and how it shows as text in tables and CSV."""

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


SOURCES = Field(
    "sources",
    "Sources",
    "The sources behind the record: {id, at, title, publisher, date, url}.",
    type="list of objects",
    show=citation_text,
)
ID = Field(
    "id",
    "Id",
    "A stable identifier (slug); `ilrs show ID` prints the record in full.",
    no_wrap=True,
)


class Listing(NamedTuple):
    """The result of a list command, before it is rendered in some format."""

    title: str
    caption: str
    fields: tuple[Field, ...]
    table_fields: tuple[str, ...]
    items: list[Item]
    empty_note: str
    selected: tuple[str, ...] | None = None

    def field(self, name: str) -> Field:
        for field in self.fields:
            if field.name == name:
                return field
        raise KeyError(name)

    def columns(self, default: tuple[str, ...]) -> tuple[Field, ...]:
        return tuple(self.field(name) for name in self.selected or default)

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(field.name for field in self.fields)


def shape(
    listing: Listing,
    fields: str | None = None,
    sort: str | None = None,
    limit: int | None = None,
) -> Listing:
    """Apply --fields (a comma-separated list), --sort FIELD or -FIELD, and --limit N."""
    valid = ", ".join(listing.field_names)
    selected = None
    if fields is not None:
        selected = tuple(name.strip() for name in fields.split(",") if name.strip())
        unknown = [name for name in selected if name not in listing.field_names]
        if unknown or not selected:
            named = ", ".join(unknown) if unknown else "none"
            raise InputError("--fields", f"unknown field(s): {named}; valid fields: {valid}")
    items = listing.items
    if sort is not None:
        name = sort.removeprefix("-")
        if name not in listing.field_names:
            raise InputError("--sort", f"unknown field {name!r}; valid fields: {valid}")
        key = listing.field(name).key
        present = [item for item in items if key(item) is not None]
        missing = [item for item in items if key(item) is None]
        items = sorted(present, key=key, reverse=sort.startswith("-")) + missing
    if limit is not None:
        items = items[:limit]
    return listing._replace(items=items, selected=selected)
