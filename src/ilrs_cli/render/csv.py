"""CSV: RFC 4180 with a header row."""

from __future__ import annotations

import csv
import io
import re

from ..report.details import Detail, detail_text
from ..report.listing import Listing


def render(report: Listing | Detail) -> str:
    """CSV with a header row, lines ending in LF; lists are joined with '; '. A single record
    is two columns, field and value. Values are exact, except that control characters other
    than tab and newline (which CSV quotes) become visible escapes such as \\x1b: CSV has no
    escape syntax of its own, and a raw ESC must not reach a terminal. Cells that start with
    =, +, - or @ are not altered: spreadsheets should import the file as text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if isinstance(report, Detail):
        writer.writerow(["field", "value"])
        for name, value in report.item.items():
            writer.writerow(
                [name, detail_text(name, value).replace("\n  ", " ").replace("\n", "; ")]
            )
        return _safe(buffer.getvalue())
    columns = report.shown(report.names)  # never the table-only columns
    writer.writerow([column.name for column in columns])
    for item in report.items:
        writer.writerow([column.text(item, "; ") for column in columns])
    return _safe(buffer.getvalue())


def _safe(text: str) -> str:
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", lambda m: repr(m[0])[1:-1], text)
