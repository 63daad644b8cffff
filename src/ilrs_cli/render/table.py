"""Tables for people, drawn with Rich. Cell text is data, never markup; colour only where the
terminal allows."""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from ..core.dates import display_date
from ..core.safe_text import escape
from ..report.details import Detail, detail_text
from ..report.listing import Item, Listing
from .terminal import detect_terminal


def render(report: Listing | Detail) -> str:
    """Rich tables. Cell text is data, never markup; colour only where the terminal allows."""
    terminal = detect_terminal()
    console = Console(
        file=io.StringIO(),
        width=terminal.width,
        force_terminal=terminal.color,
        color_system="auto" if terminal.color else None,
        no_color=not terminal.color,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )

    def new_table(title: str) -> Table:
        return Table(
            title=Text(escape(title), style="bold"),
            header_style="bold",
            show_lines=True,
            box=box.HEAVY_HEAD if terminal.unicode else box.ASCII2,
        )

    def print_caption(caption: str, legend: str = "") -> None:
        """Below the table, wrapped to the terminal rather than to a narrow table. The
        legend is built from escaped items; the caption is escaped whole."""
        if caption or legend:
            console.print(Text(escape(caption) + legend, style="dim"))

    def print_links(sources: list[Item]) -> None:
        """Sources under a record, one a line: URLs outside any border, never split by a
        column, and links (OSC 8) where the terminal shows colour."""
        if not sources:
            return
        console.print(Text("Sources:", style="bold"))
        for source in sources:
            at = f" ({source['at']})" if source.get("at") else ""
            console.print(Text(f"  {source['id']}{at}: {source.get('title', '')}"))
            for key in ("url", "original_url"):
                if source.get(key):
                    link = Style(link=source[key]) if terminal.color else Style()
                    console.print(Text("    " + source[key], style=link), soft_wrap=True)

    listings = [report] if isinstance(report, Listing) else list(report.attachments)
    if isinstance(report, Detail):
        item = escaped(report.item)
        table = new_table(report.title)
        table.add_column("Field", style="bold")
        table.add_column("Value", overflow="fold")
        for name, value in report.rows():
            if name != "sources":
                table.add_row(Text(escape(name)), Text(detail_text(name, escaped(value))))
        console.print(table)
        if "sources" not in report.attached_columns:  # else the attachment lists them
            print_links(item.get("sources") or [])
        print_caption("" if listings else report.caption)
    for listing in listings:
        columns = listing.shown(listing.table_columns)
        markers = source_markers(listing.items) if any(c.is_citations for c in columns) else {}
        items = [escaped(item) for item in listing.items]
        notes: list[str] = []
        rows = [
            [
                marker_cell(item, markers) if column.is_citations
                else _noted(column.name, column.cell(item), notes)
                for column in columns
            ]
            for item in items
        ]  # fmt: skip
        if terminal.width < NARROW:
            print_vertical(console, listing.title, [c.header for c in columns], rows)
        else:
            table = new_table(listing.title)
            for column in columns:
                table.add_column(
                    column.header,
                    max_width=column.max_width,
                    no_wrap=column.no_wrap,
                    overflow="ellipsis" if column.no_wrap else "fold",
                )
            for cells in rows:
                table.add_row(*(Text(cell) for cell in cells))
            console.print(table)
        numbered = "".join(f"\nnote {n}: {text}" for n, text in enumerate(notes, start=1))
        print_caption(listing.caption, ("\nNotes:" + numbered if notes else "")
                      + marker_legend(items, markers))  # fmt: skip
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


NARROW = 70  # below this many columns, records are printed one field a line
LONG_NOTE = 60  # longer notes go under the table, numbered, instead of a narrow column


def _noted(name: str, cell: str, notes: list[str]) -> str:
    """A long note becomes 'note N', its text listed under the table."""
    if name != "note" or len(cell) <= LONG_NOTE:
        return cell
    notes.append(cell)
    return f"note {len(notes)}"


def print_vertical(console: Console, title: str, headers: list[str], rows: list[list[str]]) -> None:
    """One record after another, a 'Field: value' line each, for narrow terminals: words
    wrap whole and nothing is squeezed into a column."""
    console.print(Text(escape(title), style="bold"))
    for cells in rows:
        console.print()
        for header, cell in zip(headers, cells, strict=True):
            if cell:
                value = cell.replace("\n", "; ") if header != "Sources" else cell.replace("\n", " ")
                console.print(Text(f"{header}: ", style="bold") + Text(value))


def escaped(value: Any) -> Any:
    """`value` with every string in it escaped for the terminal, so that data can never add a
    line, move the cursor or hide text, however the cells are then laid out."""
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escaped(element) for element in value]
    if isinstance(value, dict):
        return {key: escaped(element) for key, element in value.items()}
    return value


def source_markers(items: list[Item]) -> dict[str, int]:
    """A short number for each source the rows cite, in order of first citation."""
    markers: dict[str, int] = {}
    for item in items:
        for source in item.get("sources") or ():
            markers.setdefault(source["id"], len(markers) + 1)
    return markers


def marker_cell(item: Item, markers: dict[str, int]) -> str:
    """'[1] paragraphs 3, 9' for each source of a row, so a screenshot stays citable."""
    return "\n".join(
        f"[{markers[source['id']]}]" + (f" {source['at']}" if source["at"] != "page" else "")
        for source in item.get("sources") or ()
    )


def marker_legend(items: list[Item], markers: dict[str, int]) -> str:
    """The caption's list of markers: publisher, date and id of each source."""
    if not markers:
        return ""
    described: dict[str, str] = {}
    for item in items:
        for source in item.get("sources") or ():
            date = f", {display_date(source['date'])}" if source["date"] else ""
            described[source["id"]] = f"{source['publisher']}{date} ({source['id']})"
    lines = [f"[{number}] {described[source_id]}" for source_id, number in markers.items()]
    return "\nSources (`ilrs show ID` gives the title and URL):\n" + "\n".join(lines)
