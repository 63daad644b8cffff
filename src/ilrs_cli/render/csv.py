"""CSV: RFC 4180 with a header row."""

from __future__ import annotations

import csv
import io

from ..core.safe_text import csv_cell
from ..report.details import Detail, detail_text
from ..report.listing import Listing


def render(report: Listing | Detail) -> str:
    """CSV with a header row, lines ending in LF; lists are joined with '; '. A single record
    is two columns, field and value. Each cell is `core.safe_text.csv_cell` of its text: exact,
    except that CR and every other control, invisible or line-breaking character but tab and
    newline (which CSV quotes) become visible escapes such as \\x1b, as CSV has no escape
    syntax of its own: no cell can start a row, and a raw ESC never reaches a terminal; a
    cell that a spreadsheet would run as a formula starts with an apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if isinstance(report, Detail):
        writer.writerow(["field", "value"])
        for name, value in report.item.items():
            text = detail_text(name, value).replace("\n  ", " ").replace("\n", "; ")
            writer.writerow([csv_cell(name), csv_cell(text)])
        return buffer.getvalue()
    columns = report.shown(report.names)  # never the table-only columns
    writer.writerow([column.name for column in columns])
    for item in report.items:
        writer.writerow([csv_cell(column.text(item, "; ")) for column in columns])
    return buffer.getvalue()
