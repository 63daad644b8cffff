"""What render/table.py prints, drawn by Rich: for text the plain renderer
(render/plain_table.py) is not sure to draw as Rich does, and the reference it is tested
against."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from .plain_table import TableColumn
from .terminal import Terminal


class RichPage:
    def __init__(self, terminal: Terminal) -> None:
        self.terminal = terminal
        self.console = Console(
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

    def line(self, text: str, style: str = "") -> None:
        self.console.print(Text(text, style=style))

    def field(self, header: str, value: str) -> None:
        self.console.print(Text(f"{header}: ", style="bold") + Text(value))

    def link(self, text: str, url: str) -> None:
        """Never split, and a link (OSC 8) where the terminal shows colour."""
        link = Style(link=url) if self.terminal.color else Style()
        self.console.print(Text(text, style=link), soft_wrap=True)

    def blank(self) -> None:
        self.console.print()

    def table(self, title: str, columns: list[TableColumn], rows: list[list[str]]) -> None:
        table = Table(
            title=Text(title, style="bold"),
            header_style="bold",
            show_lines=True,
            box=box.HEAVY_HEAD if self.terminal.unicode else box.ASCII2,
        )
        for column in columns:
            table.add_column(
                column.header,
                style="bold" if column.bold else None,
                max_width=column.max_width,
                no_wrap=column.no_wrap,
                overflow=column.overflow,  # type: ignore[arg-type]
            )
        for cells in rows:
            table.add_row(*(Text(cell) for cell in cells))
        self.console.print(table)

    def text(self) -> str:
        return self.console.file.getvalue()  # type: ignore[attr-defined, no-any-return]
