"""Tables without Rich: the bytes render/table.py would draw through Rich (the same boxes,
column widths, wrapping and captions, and on colour terminals the same bold, dim and links),
from the standard library alone, as importing Rich costs more than starting Python. Text it
cannot be sure to measure as Rich does raises `Uncertain`, and Rich draws the table instead.

The width arithmetic and the wrapping are ported from Rich 15 (rich/table.py, rich/_ratio.py,
rich/_wrap.py, rich/text.py, rich/containers.py; MIT licence, Will McGugan);
tests/test_plain_table.py compares the two byte for byte.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache
from itertools import count

from ..core.tuples import NamedTuple
from .plain_text import Uncertain, cells, centred, certain, pad, wrap


class TableColumn(NamedTuple):
    header: str
    max_width: int | None = None
    no_wrap: bool = False
    overflow: str = "ellipsis"  # Rich's default for a column
    bold: bool = False  # its cells bold, where there is colour


# Rich's box.HEAVY_HEAD and box.ASCII2: top, head, head row, mid, row, foot row, foot, bottom.
HEAVY_HEAD = ("┏━┳┓", "┃ ┃┃", "┡━╇┩", "│ ││", "├─┼┤", "├─┼┤", "│ ││", "└─┴┘")
ASCII2 = ("+-++", "| ||", "+-++", "| ||", "+-++", "+-++", "| ||", "+-++")


def _normalize(low: int, high: int) -> tuple[int, int]:
    low = min(max(0, low), high)
    return max(0, low), max(0, low, high)


@lru_cache(maxsize=4096)
def _extremes(text: str) -> tuple[int, int]:
    """Text.__rich_measure__: its longest word and longest line."""
    lines = text.splitlines()
    longest = max(map(cells, lines)) if lines else 0
    words = text.split()
    return _normalize(max(map(cells, words)) if words else longest, longest)


def spans(column: TableColumn, cells: list[str]) -> tuple[int, int]:
    """The longest word and the longest line among a column's header and cells."""
    extremes = [_extremes(text) for text in (column.header, *cells)]
    return max(low for low, _ in extremes), max(high for _, high in extremes)


def _measure_column(column: TableColumn, spans: tuple[int, int], max_width: int) -> tuple[int, int]:
    """Table._measure_column: the widest Measurement of its cells, Padding(Text, (0, 1)),
    worked out from their `spans` (each cell's is its extremes, capped, plus its padding,
    capped: tests/test_plain_table.py checks this against the cell-by-cell port)."""
    if max_width < 1:
        return 0, 0
    if max_width < 3:
        low = high = max_width
    else:
        low, high = min(spans[0] + 2, max_width), min(spans[1] + 2, max_width)
    if column.max_width is not None:
        low, high = min(low, column.max_width + 2), min(high, column.max_width + 2)
    return low, high


def ratio_reduce(
    total: int, ratios: list[int], maximums: list[int], values: list[int]
) -> list[int]:
    """rich._ratio.ratio_reduce."""
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums, strict=True)]
    total_ratio = sum(ratios)
    if not total_ratio:
        return values[:]
    remaining = total
    result: list[int] = []
    for ratio, maximum, value in zip(ratios, maximums, values, strict=True):
        if ratio and total_ratio > 0:
            distributed = min(maximum, round(ratio * remaining / total_ratio))
            result.append(value - distributed)
            remaining -= distributed
            total_ratio -= ratio
        else:
            result.append(value)
    return result


def collapse_widths(widths: list[int], wrapable: list[bool], max_width: int) -> list[int]:
    """Table._collapse_widths: the widest wrapable columns narrowed first."""
    total = sum(widths)
    excess = total - max_width
    if any(wrapable):
        while total and excess > 0:
            pairs = list(zip(widths, wrapable, strict=True))
            widest = max(width for width, can in pairs if can)
            second = max(width if can and width != widest else 0 for width, can in pairs)
            ratios = [1 if (width == widest and can) else 0 for width, can in pairs]
            if not any(ratios) or not widest - second:
                break
            most = [min(excess, widest - second)] * len(widths)
            widths = ratio_reduce(excess, ratios, most, widths)
            total = sum(widths)
            excess = total - max_width
    return widths


def column_widths(columns: list[TableColumn], rows: list[list[str]], max_width: int) -> list[int]:
    """Table._calculate_column_widths, for a table that does not expand."""
    measured = [spans(col, [row[index] for row in rows]) for index, col in enumerate(columns)]
    ranges = [_measure_column(col, measured[i], max_width) for i, col in enumerate(columns)]
    widths = [high or 1 for _, high in ranges]
    if sum(widths) > max_width:
        widths = collapse_widths(widths, [not col.no_wrap for col in columns], max_width)
        if sum(widths) > max_width:
            widths = ratio_reduce(sum(widths) - max_width, [1] * len(widths), widths, widths)
        widths = [_measure_column(col, measured[i], width)[1] or 0
                  for i, (width, col) in enumerate(zip(widths, columns, strict=True))]  # fmt: skip
    return widths


BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
STYLES = {"": "", "bold": BOLD, "dim": DIM}


def styled(text: str, style: str) -> str:
    """Style.render: an SGR sequence around each non-empty segment."""
    return f"{style}{text}{RESET}" if style and text else text


def _cell_lines(text: str, width: int, column: TableColumn, style: str) -> list[str]:
    """A cell as Padding(Text) renders it in a column `width` wide: the text laid out
    `width - 2` wide between two spaces, each a segment of its own, each styled."""
    lines = wrap(text, width - 2, column.overflow, column.no_wrap)
    if not style:
        return [" " + pad(line, width - 2) + " " for line in lines]
    edge = styled(" ", style)
    return [edge + styled(pad(line, width - 2), style) + edge for line in lines]


def draw_table(
    title: str, columns: list[TableColumn], rows: list[list[str]], width: int, unicode: bool,
    color: bool = False,
) -> list[str]:  # fmt: skip
    """The lines of a Rich Table(title, show_lines=True, padding (0, 1)) printed `width` wide,
    its title and header bold, and the cells of bold columns, where there is colour."""
    for text in (title, *(col.header for col in columns), *(cell for row in rows for cell in row)):
        certain(text)
    extra = 2 + len(columns) - 1
    widths = column_widths(columns, rows, width - extra)
    table_width = sum(widths) + extra
    if not columns or min(widths) < 3 or table_width > width:
        raise Uncertain("a column too narrow for a padded cell, or a table the console crops")
    box = HEAVY_HEAD if unicode else ASCII2
    bold = BOLD if color else ""
    title_lines = wrap(title, table_width) if title else []
    out = [styled(centred(line, table_width), bold) for line in title_lines]
    out.append(_rule(box[0], widths))
    for number, texts in enumerate([[col.header for col in columns], *rows]):
        edges = box[1 if number == 0 else 6 if number == len(rows) else 3]
        left, divider, right = edges[0], edges[2], edges[3]
        styles = [bold if number == 0 or col.bold else "" for col in columns]
        parts = zip(texts, widths, columns, styles, strict=True)
        drawn = [_cell_lines(*part) for part in parts]
        height = max(map(len, drawn))
        for lines, w, style in zip(drawn, widths, styles, strict=True):
            blank = [styled(" " * w, style)] * (height - len(lines))
            lines[:] = blank + lines if number == 0 else lines + blank  # headers sit low
        out.extend(left + divider.join(line) + right for line in zip(*drawn, strict=True))
        if number == 0:
            out.append(_rule(box[2], widths))
        elif number < len(rows):
            out.append(_rule(box[4], widths))
    out.append(_rule(box[7], widths))
    return out


def _rule(chars: str, widths: list[int]) -> str:
    return chars[0] + chars[2].join(chars[1] * w for w in widths) + chars[3]


def print_lines(text: str, width: int) -> list[str]:
    """Console.print(Text(text)) `width` wide."""
    return wrap(certain(text), width)


class PlainPage:
    """What render/table.py prints, as Rich's Console (render/rich_page.py) prints it."""

    def __init__(self, width: int, unicode: bool, color: bool = False) -> None:
        self.width, self.unicode, self.color = width, unicode, color
        self.lines: list[str] = []
        self.link_ids: Iterator[int] | None = None

    def line(self, text: str, style: str = "") -> None:
        style = STYLES[style] if self.color else ""
        self.lines.extend(styled(line, style) for line in print_lines(text, self.width))

    def field(self, header: str, value: str) -> None:
        """Bold throughout, as Text(header, style="bold") + Text(value) is."""
        self.line(f"{header}: {value}", "bold")

    def link(self, text: str, url: str) -> None:
        """OSC 8 with a number of its own, as Rich numbers links: from a random start."""
        if not self.color:
            self.lines.append(certain(text))
            return
        if self.link_ids is None:
            self.link_ids = count(int.from_bytes(os.urandom(3), "big"))
        link_id = next(self.link_ids)
        self.lines.append(f"\x1b]8;id={link_id};{certain(url)}\x1b\\{certain(text)}\x1b]8;;\x1b\\")

    def blank(self) -> None:
        self.lines.append("")

    def table(self, title: str, columns: list[TableColumn], rows: list[list[str]]) -> None:
        lines = draw_table(title, columns, rows, self.width, self.unicode, self.color)
        self.lines.extend(lines)

    def text(self) -> str:
        return "".join(line + "\n" for line in self.lines)
