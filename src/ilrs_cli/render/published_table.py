"""What a listing shows when it is pasted into a page (`markdown_table`, `html_table`): the
terminal table's title, column titles, cells, caption and source markers, with each marked
source's publisher, date, title and address. Every data string is escaped for terminals
first (`core.safe_text.escape`); each format then escapes it for its own syntax."""

from __future__ import annotations

from ..core.dates import display_date
from ..core.field_types import URL
from ..core.safe_text import escape
from ..core.tuples import NamedTuple
from .table import escaped
from .table_layout import marker_cell, source_markers

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..report.listing import Item, Listing


class MarkedSource(NamedTuple):
    """A source the rows cite, as the list below the table gives it."""

    number: int  # its marker: [1]
    id: str
    publisher: str
    date: str  # '2024-05-28', '2025-04-24 to 2025-04-25', or ''
    title: str
    url: str  # '' unless the address may be a link (`linkable`)

    @property
    def said(self) -> str:
        """Who published it, and when: 'TASS, 2024-05-28'."""
        return ", ".join(part for part in (self.publisher, self.date) if part)


class PublishedTable(NamedTuple):
    title: str
    headers: list[str]
    rows: list[list[list[str]]]  # each row's cells, each cell as its lines
    caption: str  # the as-of line, and what the values mean
    empty_note: str  # '' when there are rows
    sources: list[MarkedSource]


def linkable(url: str) -> bool:
    """Whether a page may link to `url`: an address the dataset's check accepts (an http(s)
    URL with a host, and no space, control, bidi or invisible character)."""
    try:
        return bool(URL.read(url) == url)
    except ValueError:
        return False


def published(listing: Listing) -> PublishedTable:
    columns = listing.shown(listing.table_columns)
    markers = source_markers(listing.items) if any(c.is_citations for c in columns) else {}
    rows = [
        [
            (marker_cell(item, markers) if column.is_citations else column.cell(item)).split("\n")
            for column in columns
        ]
        for item in map(escaped, listing.items)
    ]
    cited = {source["id"]: source for item in listing.items for source in item.get("sources") or ()}
    return PublishedTable(
        escape(listing.title),
        [escape(column.header) for column in columns],
        rows,
        escape(listing.caption),
        "" if listing.items else escape(listing.empty_note),
        [_marked(number, cited[source_id]) for (source_id, _), number in markers.items()],
    )


def _marked(number: int, source: Item) -> MarkedSource:
    url = source.get("url") or ""
    return MarkedSource(
        number,
        escape(source["id"]),
        escape(source.get("publisher") or ""),
        escape(display_date(source["date"])) if source.get("date") else "",
        escape(source.get("title") or ""),
        url if linkable(url) else "",
    )
