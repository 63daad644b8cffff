"""Columns and listings: what a list's JSON objects hold, how each column shows as text in
tables and CSV, and choosing columns, sorting and limiting rows."""

from __future__ import annotations

from collections.abc import Callable

from ..core.errors import QueryError
from ..core.matching import fold, suggest
from ..core.tuples import NamedTuple
from .cells import number_text
from .types import ReportType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    Item = dict[str, Any]


def _plain(value: Any) -> str:
    return number_text(value) if isinstance(value, float) else str(value)


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
    table_only: bool = False  # drawn in tables, not a key of JSON or a column of CSV

    @property
    def is_citations(self) -> bool:
        """A list of citations ({id, at, ...}), which tables show as markers."""
        return self.show is citation_text

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

    heading: str
    caption: str
    columns: tuple[Column, ...]
    table_columns: tuple[str, ...]
    items: list[Item]
    empty_note: str
    noun: tuple[str, str] | None = None  # ("payload", "payloads"): counted in the title
    selected: tuple[str, ...] | None = None
    notes: tuple[str, ...] = ()  # said beside the answer: who was left out, and why
    total: int | None = None  # the rows before a limit cut them

    @property
    def report_type(self) -> ReportType:
        return ReportType.LISTING

    @property
    def title(self) -> str:
        """'Payloads: 3 payloads', or 'Payloads: 3 of 10 payloads' when a limit cut rows."""
        if self.noun is None:
            return self.heading
        count, singular, plural = len(self.items), *self.noun
        if self.total is not None and self.total != count:
            return f"{self.heading}: {count} of {self.total} {plural}"
        return f"{self.heading}: {count} {singular if count == 1 else plural}"

    def field_named(self, given: str) -> str:
        """The field `given` names: a field name, or a column's shown label in any case
        (`Record` for `title` in search); `given` itself when neither."""
        given = given.strip()
        if given in self.names:
            return given
        wanted = fold(given).replace(" ", "_")
        shown = {fold(c.header).replace(" ", "_"): c.name for c in self.columns if not c.table_only}
        return shown.get(wanted, given)

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
        """The fields of the items: JSON keys, CSV columns, names for fields and sort."""
        return tuple(column.name for column in self.columns if not column.table_only)

    @property
    def selected_items(self) -> list[Item]:
        """The items, with only the chosen fields where fields were chosen."""
        hidden = {column.name for column in self.columns if column.table_only}
        if self.selected is None and not hidden:
            return self.items
        chosen = self.selected or self.names
        return [{name: item.get(name) for name in chosen} for item in self.items]


def shape(
    listing: Listing,
    fields: str | None = None,
    sort: str | None = None,
    limit: int | None = None,
    count: str | None = None,
    cumulative: bool = False,
) -> Listing:
    """Count rows by the field `count` (then the rows are values and counts, with running
    totals when `cumulative`), choose `fields` (comma-separated names), sort by `sort` (FIELD,
    or -FIELD for reverse; ties keep the listing's own order, a missing value last) and keep
    at most `limit` rows, after sorting."""
    if cumulative and count is None:
        raise QueryError("cumulative", "a running total needs a count: add count_by, e.g. year")
    if count is not None:
        listing = count_by(listing, count, cumulative)
    valid = ", ".join(listing.names)
    selected = None
    if fields is not None:
        selected = tuple(listing.field_named(name) for name in fields.split(",") if name.strip())
        if not selected:
            raise QueryError("fields", f"{fields!r} names no field; valid fields: {valid}")
        unknown = [name for name in selected if name not in listing.names]
        if unknown:
            named = ", ".join(unknown) + suggest(unknown[0], listing.names)
            raise QueryError("fields", f"unknown field(s): {named}; valid fields: {valid}")
    items = listing.items
    if sort is not None:
        name = listing.field_named(sort.removeprefix("-"))
        if name not in listing.names:
            close = suggest(name, listing.names)
            raise QueryError("sort", f"unknown field {name!r}{close}; valid fields: {valid}")
        key = listing.column(name).key
        present = [item for item in items if key(item) is not None]
        missing = [item for item in items if key(item) is None]
        items = sorted(present, key=key, reverse=sort.startswith("-")) + missing
    total = len(items)
    if limit is not None:
        items = items[:limit]
    return listing._replace(items=items, selected=selected, total=total)


def _ranked(key: Any) -> tuple[Any, ...]:
    return (1,) if key is None else (0, key)


def ordered(listing: Listing, fields: tuple[str, ...]) -> Listing:
    """The listing with its rows in a command's default order (its `default_sort`): by the
    first field, ties by the next; a row without a field after the rows with it."""
    keys = [listing.column(name).key for name in fields]
    items = sorted(listing.items, key=lambda item: tuple(_ranked(key(item)) for key in keys))
    return listing._replace(items=items)


def _bar(item: Item) -> str:
    return "█" * int(item["_bar"])


def _year(item: Item) -> tuple[str | None, str]:
    """The year of an item's date, and why there is none: 'undated' or 'spanning years'."""
    from ..core.dates import parse_dataset_date

    if item.get("start") and item.get("end"):
        first, last = str(item["start"])[:4], str(item["end"])[:4]
        return (first, "") if first == last else (None, "spanning years")
    if not item.get("date"):
        return None, "undated"
    try:
        year = parse_dataset_date(str(item["date"])).year
    except ValueError:
        return None, "undated"
    return (str(year), "") if year is not None else (None, "spanning years")


def count_by(listing: Listing, name: str, cumulative: bool = False) -> Listing:
    """Rows of (value, count) for the field `name`, most frequent first; a list field counts
    each element. `year` counts the years of `date` where the listing has one: every year from
    the first to the last in order, years with none included, then one row (year null) for
    dates that are missing or span several years. `cumulative` adds running totals."""
    derived = name == "year" and "date" in listing.names and "year" not in listing.names
    if not derived and name not in listing.names:
        names = [*listing.names, *(["year"] if "date" in listing.names else [])]
        valid, close = ", ".join(names), suggest(name, names)
        raise QueryError("count_by", f"unknown field {name!r}{close}; valid fields: {valid}")
    counts: dict[Any, int] = {}
    missing: set[str] = set()
    for item in listing.items:
        if derived:
            year, why = _year(item)
            values = [year]
            if why:
                missing.add(why)
        else:
            value = item.get(name)
            column = listing.column(name)
            if isinstance(value, list):
                values = [column.show(v) for v in value] or [None]
            else:  # an object (a member's Artemis signing) counts as the text it shows
                values = [column.show(value) if isinstance(value, dict) else value]
        for value in values:
            counts[value] = counts.get(value, 0) + 1
    if derived:
        years = sorted(int(year) for year in counts if year is not None)
        span = range(years[0], years[-1] + 1) if years else range(0)
        ordered: list[tuple[Any, int]] = [(str(year), counts.get(str(year), 0)) for year in span]
        ordered += [(None, counts[None])] if None in counts else []
    else:
        ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0] is None, str(pair[0])))
    most = max(counts.values(), default=1)
    items: list[Item] = [
        {name: value, "count": count, "_bar": round(20 * count / most)} for value, count in ordered
    ]
    absent = " or ".join(sorted(missing, key=len)) or "absent"
    columns = [
        Column(name, name.replace("_", " ").capitalize(),
               f"A value of {name}; null when {'no single year: ' if derived else ''}{absent}.",
               type="string or null",
               table_cell=(lambda item: _label(item.get(name), absent)) if derived else None),
        Column("count", "Count", "How many rows have it.", type="integer"),
    ]  # fmt: skip
    if cumulative:
        running = 0
        for item in items:
            running += item["count"]
            item["total"] = running
        columns.append(Column("total", "Total", "The running total of count, in row order.",
                              type="integer"))  # fmt: skip
    columns.append(
        Column("_bar", "", "A bar of the count, in tables.", table_cell=_bar, table_only=True)
    )
    return Listing(
        heading=f"{listing.heading}, counted by {name}" + (", cumulative" if cumulative else ""),
        caption=listing.caption,
        columns=tuple(columns),
        table_columns=tuple(column.name for column in columns),
        items=items,
        empty_note=listing.empty_note,
        noun=("value", "values"),
        notes=listing.notes,
    )


def _label(value: Any, absent: str) -> str:
    return str(value) if value is not None else f"({absent})"
