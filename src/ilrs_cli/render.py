"""One renderer per output format. Renderers take a Listing and return a string; they never
print, and only the table renderer imports Rich."""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import Enum

from .dates import display_date
from .details import Detail, detail_text
from .fields import Item, Listing
from .terminal import detect_terminal, encodes_unicode, visible

Report = Listing | Detail


class OutputFormat(str, Enum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def render_json(report: Report) -> str:
    """Plain `json.dumps`, UTF-8 text, never wrapped: valid whatever the terminal width.
    A list command gives an array of objects; a single record gives one object."""
    import sys

    ascii_only = not encodes_unicode(sys.stdout)
    if isinstance(report, Detail):
        return json.dumps(report.item, ensure_ascii=ascii_only, indent=2)
    listing = report
    items = listing.items
    if listing.selected is not None:
        items = [{name: item.get(name) for name in listing.selected} for item in items]
    return json.dumps(items, ensure_ascii=ascii_only, indent=2)


def render_csv(report: Report) -> str:
    """RFC 4180 CSV with a header row; lists are joined with '; '. A single record is two
    columns, field and value."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if isinstance(report, Detail):
        writer.writerow(["field", "value"])
        for name, value in report.item.items():
            writer.writerow(
                [name, detail_text(name, value).replace("\n  ", " ").replace("\n", "; ")]
            )
        return buffer.getvalue()
    columns = report.columns(report.field_names)
    writer.writerow([column.name for column in columns])
    for item in report.items:
        writer.writerow([column.text(item, "; ") for column in columns])
    return buffer.getvalue()


def render_table(report: Report) -> str:
    """Rich tables. Cell text is data, never markup; colour only where the terminal allows."""
    import io

    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

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
            title=Text(visible(title), style="bold"),
            header_style="bold",
            show_lines=True,
            box=box.HEAVY_HEAD if terminal.unicode else box.ASCII2,
        )

    def print_caption(caption: str) -> None:
        """Below the table, wrapped to the terminal rather than to a narrow table."""
        if caption:
            console.print(Text(visible(caption), style="dim"))

    listings = [report] if isinstance(report, Listing) else list(report.attachments)
    if isinstance(report, Detail):
        table = new_table(report.title)
        table.add_column("Field", style="bold")
        table.add_column("Value", overflow="fold")
        for name, value in report.table_fields():
            table.add_row(Text(name), Text(visible(detail_text(name, value))))
        console.print(table)
        print_caption("" if listings else report.caption)
    for listing in listings:
        columns = listing.columns(listing.table_fields)
        markers = source_markers(listing.items) if any(c.name == "sources" for c in columns) else {}
        table = new_table(listing.title)
        for column in columns:
            table.add_column(
                column.header,
                max_width=column.max_width,
                no_wrap=column.no_wrap,
                overflow="ellipsis" if column.no_wrap else "fold",
            )
        for item in listing.items:
            cells = [
                marker_cell(item, markers) if column.name == "sources" else column.cell(item)
                for column in columns
            ]
            table.add_row(*(Text(visible(cell)) for cell in cells))
        console.print(table)
        print_caption(listing.caption + marker_legend(listing.items, markers))
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


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


RENDERERS: dict[OutputFormat, Callable[[Report], str]] = {
    OutputFormat.TABLE: render_table,
    OutputFormat.JSON: render_json,
    OutputFormat.CSV: render_csv,
}


def render(report: Report, output_format: OutputFormat) -> str:
    return RENDERERS[output_format](report)
