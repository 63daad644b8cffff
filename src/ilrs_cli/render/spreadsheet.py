"""CSV for spreadsheets: the CSV format's rows, with a UTF-8 byte-order mark and CRLF line
ends, so that Excel and LibreOffice open Chinese names, accents and dashes as they are
(without the mark Excel reads UTF-8 as a legacy code page: mojibake).

ISO days (start, end, checked) open as dates. The `date` column keeps the precision its
source gives ("2024-05", "2028/2029"); a spreadsheet may read "2024-05" as the first day of
that month, so compute with start and end.
"""

from __future__ import annotations

from ..report.details import Detail
from ..report.listing import Listing
from .csv import render as render_csv

BOM = "\ufeff"


def render(report: Listing | Detail) -> str:
    return BOM + render_csv(report).replace("\n", "\r\n")
