"""One renderer per output format. Renderers return strings; they never print."""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import Enum

from .terminal import detect_terminal
from .views import Listing


class OutputFormat(str, Enum):
    TABLE = "table"
    JSON = "json"


def render_json(listing: Listing) -> str:
    """Plain `json.dumps`, UTF-8 text, never wrapped: valid whatever the terminal width."""
    return json.dumps(listing.items, ensure_ascii=False, indent=2)


def render_table(listing: Listing) -> str:
    """A Rich table. Cell text is data, never markup; colour only where the terminal allows."""
    import io

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
    table = Table(
        title=Text(listing.title, style="bold"),
        caption=Text(listing.caption, style="dim"),
        caption_justify="left",
        header_style="bold",
        show_lines=True,
        expand=False,
    )
    for column in listing.columns:
        table.add_column(column.header, max_width=column.max_width, overflow="fold")
    for item in listing.items:
        table.add_row(*(Text(column.cell(item)) for column in listing.columns))
    console.print(table)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


RENDERERS: dict[OutputFormat, Callable[[Listing], str]] = {
    OutputFormat.TABLE: render_table,
    OutputFormat.JSON: render_json,
}


def render(listing: Listing, output_format: OutputFormat) -> str:
    return RENDERERS[output_format](listing)
