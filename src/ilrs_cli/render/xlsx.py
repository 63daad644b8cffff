"""Excel workbooks (.xlsx), written with XlsxWriter (the extra `ilrs-cli[xlsx]`; this is the
only module that imports it): a list command's rows (`--format xlsx`) and, through
`workbook`, every table of the export (export/xlsx.py).

Each cell has its type: a day is a date cell (yyyy-mm-dd), a number a number, true/false a
boolean; a date that is not a day ("2024", "2024-05", "2028/2029", "2030s") stays text, with
its precision. Text is `core.safe_text.cell_text`: exact, but controls and invisible
characters as visible escapes (\\x1b), as in CSV; and never a formula, a link or a number:
the workbook's options make XlsxWriter write every string as a text cell, "=1+1" included,
which therefore needs no apostrophe. Each sheet's header row is frozen and filtered, and its
columns are as wide as their text (within limits); `about` is the last sheet.
"""

from __future__ import annotations

import datetime
import io
import re
import unicodedata

from .. import __version__
from ..core.clock import today
from ..core.errors import MissingExtra
from ..core.safe_text import cell_text
from ..core.tuples import NamedTuple
from ..report.listing import Listing

try:
    import xlsxwriter  # type: ignore[import-untyped]
except ImportError:
    raise MissingExtra("a workbook (.xlsx)", "XlsxWriter", "xlsx") from None

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

Cell = str | int | float | bool | datetime.date | None

# What XlsxWriter would otherwise make of a string that looks like a formula, a URL or a number.
OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
DAY_FORMAT = "yyyy-mm-dd"
MOST_CHARACTERS = 32_767  # that a cell holds
MOST_WIDTH, LEAST_WIDTH = 60, 6  # of a column, in characters
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_NOT_IN_A_SHEET_NAME = re.compile(r"[^\w '(),.&-]+")


class Sheet(NamedTuple):
    name: str
    header: tuple[str, ...]
    rows: Sequence[Sequence[Cell]]


def day_or_text(text: str) -> datetime.date | str:
    """A day ("2024-06-30") as a date; any other date text ("2024-05", "2028/2029") as it is."""
    if _DAY.fullmatch(text):
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            pass
    return text


def sheet_names(wanted: Sequence[str]) -> list[str]:
    """A name for each sheet, as Excel takes them: at most 31 characters of letters, digits
    and plain punctuation, none twice in any case ("rows" for one with none of those)."""
    names: list[str] = []
    for name in wanted:
        base = " ".join(_NOT_IN_A_SHEET_NAME.sub(" ", name).split())[:31].strip() or "rows"
        given, number = base, 1
        while given.casefold() in {taken.casefold() for taken in names}:
            number += 1
            given = f"{base[: 31 - len(str(number)) - 1]}~{number}"
        names.append(given)
    return names


def _text(value: str) -> str:
    text = cell_text(value)
    if len(text) <= MOST_CHARACTERS:
        return text
    cut = f"... (cut: {len(text):,} characters, and a cell holds {MOST_CHARACTERS:,})"
    return text[: MOST_CHARACTERS - len(cut)] + cut


def _width(value: Cell) -> int:
    """About how many characters wide the cell shows: wide (East Asian) characters as two."""
    if isinstance(value, datetime.date):
        return len(DAY_FORMAT)
    line = max(str(value).split("\n"), key=len)
    return len(line) + sum(unicodedata.east_asian_width(char) in "WF" for char in line)


def _write(worksheet: Any, row: int, column: int, value: Cell, day: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        worksheet.write_boolean(row, column, value)
    elif isinstance(value, int | float):
        worksheet.write_number(row, column, value)
    elif isinstance(value, datetime.date):
        worksheet.write_datetime(row, column, value, day)
    else:
        worksheet.write_string(row, column, _text(value))


def _add(book: Any, name: str, sheet: Sheet, header: Any, day: Any) -> None:
    worksheet = book.add_worksheet(name)
    widths = [_width(title) for title in sheet.header]
    for column, title in enumerate(sheet.header):
        worksheet.write_string(0, column, _text(title), header)
    for number, row in enumerate(sheet.rows, start=1):
        for column, value in enumerate(row):
            _write(worksheet, number, column, value, day)
            widths[column] = max(widths[column], _width(value) if value is not None else 0)
    for column, width in enumerate(widths):
        worksheet.set_column(column, column, min(max(width + 2, LEAST_WIDTH), MOST_WIDTH))
    worksheet.freeze_panes(1, 0)
    if sheet.header:
        worksheet.autofilter(0, 0, len(sheet.rows), len(sheet.header) - 1)


def workbook(sheets: Sequence[Sheet], title: str) -> bytes:
    """The workbook of these sheets, in order, as the bytes of an .xlsx file. Its properties
    (title, the ilrs that wrote it, created today by core.clock) make it the same bytes for
    the same sheets on the same day."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, **OPTIONS})
    created = datetime.datetime.combine(today(), datetime.time())
    book.set_properties({"title": _text(title), "comments": f"Written by ilrs {__version__}",
                         "created": created})  # fmt: skip
    header, day = book.add_format({"bold": True}), book.add_format({"num_format": DAY_FORMAT})
    for name, sheet in zip(sheet_names([s.name for s in sheets]), sheets, strict=True):
        _add(book, name, sheet, header, day)
    book.close()
    return buffer.getvalue()


def _listing_cell(listing: Listing, name: str, item: dict[str, Any]) -> Cell:
    column, value = listing.column(name), item.get(name)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str) and column.type.startswith(("ISO date", "date text")):
        return day_or_text(value)
    return column.text(item, "; ")  # a list joined as CSV joins it; an object in words


def render(listing: Listing) -> bytes:
    """A list command's rows as a workbook: a sheet of the rows (the columns of CSV, typed),
    named for what they are ("payloads", "values" for counts), and `about`: the answer's
    title, the data it comes from, its notes and each field's meaning."""
    names = listing.selected or listing.names
    rows = [[_listing_cell(listing, name, item) for name in names] for item in listing.items]
    about: list[tuple[Cell, ...]] = [("title", listing.title), ("data", listing.caption)]
    about += [("note", note) for note in listing.notes]
    about += [(f"field {name}", listing.column(name).help) for name in names]
    about.append(("written by", f"ilrs {__version__}"))
    return workbook(
        [
            Sheet(listing.noun[1] if listing.noun else "rows", names, rows),
            Sheet("about", ("key", "value"), about),
        ],
        listing.title,
    )
