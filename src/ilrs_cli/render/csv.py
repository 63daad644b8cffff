"""CSV: RFC 4180 with a header row."""

from __future__ import annotations

import csv
import io

from ..report.columns import Listing
from ..report.details import Detail, detail_text


def render(report: Listing | Detail) -> str:
    """RFC 4180 CSV with a header row; lists are joined with '; '. A single record is two
    columns, field and value."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if isinstance(report, Detail):
        writer.writerow(["field", "value"])
        for name, value in report.item.items():
            writer.writerow(
                [name, detail_text(name, value).replace("\n  ", " ").replace("\n", "; ")]
            )
        return buffer.getvalue()
    columns = report.shown(report.names)
    writer.writerow([column.name for column in columns])
    for item in report.items:
        writer.writerow([column.text(item, "; ") for column in columns])
    return buffer.getvalue()
