"""Tokens split across lines in the tables render/table.py draws: each table is drawn by the
page the answer would use (the plain renderer, or Rich where it is unsure), recorded with the
cells it was given, read back cell by cell from its box, and each cell's tokens (its text's
whitespace-separated words) looked for in its lines."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ilrs_cli.render import table
from ilrs_cli.render.plain_table import PlainPage, TableColumn
from ilrs_cli.render.plain_text import Uncertain, cells
from ilrs_cli.render.terminal import Terminal
from ilrs_cli.report.listing import Listing

Drawn = tuple[list[TableColumn], list[list[str]], str]


class RecordingPage:
    """A page that keeps each table it draws: its columns, its cells and the text drawn."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.tables: list[Drawn] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.page, name)

    def table(self, title: str, columns: list[TableColumn], rows: list[list[str]]) -> None:
        before = self.page.text()
        self.page.table(title, columns, rows)
        self.tables.append((columns, rows, self.page.text()[len(before) :]))


def drawn_tables(report: Any, width: int) -> tuple[str, list[Drawn]]:
    """The report's text at `width` on a Unicode terminal without colour, and its tables."""
    try:
        page = RecordingPage(PlainPage(width, True))
        return table.draw(report, page, width), page.tables
    except Uncertain:
        from ilrs_cli.render.rich_page import RichPage

        page = RecordingPage(RichPage(Terminal(False, width, True)))
        return table.draw(report, page, width), page.tables


def _blocks(text: str) -> Iterator[list[list[str]]]:
    """Each row of a drawn table (the header first) as its cells' lines, column by column."""
    lines = text.splitlines()
    top = next(index for index, line in enumerate(lines) if line.startswith("┏"))
    block: list[list[str]] = []
    for line in lines[top + 1 :]:
        if line[0] in "┃│":
            parts = line[1:-1].split(line[0])
            block = block or [[] for _ in parts]
            for lines_of_cell, part in zip(block, parts, strict=True):
                lines_of_cell.append(part[1:-1].rstrip())
        elif block:
            yield block
            block = []
        if line.startswith("└"):
            return


def _split_in_cell(text: str, lines: list[str], width: int) -> list[str]:
    """The tokens of `text` no wider than `width` that its `lines` show broken across lines."""
    fragments = [word for line in lines for word in line.split()]
    split: list[str] = []
    at = 0
    for token in text.split():
        joined, end = "", at
        while end < len(fragments) and joined != token and token.startswith(joined):
            joined, end = joined + fragments[end], end + 1
        if joined != token:  # cut short with an ellipsis: nothing more to read
            break
        if end - at > 1 and cells(token) <= width:
            split.append(token)
        at = end
    return split


def split_tokens(report: Listing, width: int) -> list[str]:
    """Every token (of a header or a cell) split across lines in the report's tables at
    `width` that fits its column: no wider than the column's declared maximum width (a
    description's 60, say), nor than the one column a table `width` wide could have."""
    declared = {column.header: column.max_width for column in report.columns}
    split: list[str] = []
    for columns, rows, text in drawn_tables(report, width)[1]:
        blocks = _blocks(text)
        fits = [min(declared.get(column.header) or width, width - 4) for column in columns]
        texts = [[column.header for column in columns], *rows]
        for cells_of_row, block in zip(texts, blocks, strict=True):
            for cell, lines, most in zip(cells_of_row, block, fits, strict=True):
                split += _split_in_cell(cell, lines, most)
    return split
