"""Output formats: the one registry of formats, and `render`, which turns a report into text.

Each format is one module with a `render(report) -> str` function; `FORMATS` says which
module renders it and which reports it can render. Adding a format is one module and one line
here. Only the table module imports Rich.
"""

from __future__ import annotations

import importlib
from enum import Enum
from typing import Any, NamedTuple


class Format(str, Enum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    SPREADSHEET = "spreadsheet"
    NDJSON = "ndjson"
    IDS = "ids"
    TEXT = "text"
    BIBTEX = "bibtex"
    CSL_JSON = "csl-json"


class FormatSpec(NamedTuple):
    module: str
    reports: tuple[str, ...]  # the report types it renders: Listing, Detail, Bibliography
    help: str


FORMATS: dict[Format, FormatSpec] = {
    Format.TABLE: FormatSpec("table", ("Listing", "Detail"), "tables for people (Rich)"),
    Format.JSON: FormatSpec("json", ("Listing", "Detail"), "plain JSON"),
    Format.CSV: FormatSpec("csv", ("Listing", "Detail"), "CSV with a header row"),
    Format.SPREADSHEET: FormatSpec(
        "spreadsheet", ("Listing", "Detail"), "CSV for Excel and LibreOffice: UTF-8 with a BOM"
    ),
    Format.NDJSON: FormatSpec("ndjson", ("Listing",), "one JSON object a line"),
    Format.IDS: FormatSpec("ids", ("Listing",), "one id (or first field) a line"),
    Format.TEXT: FormatSpec("text", ("Bibliography",), "a numbered reference list"),
    Format.BIBTEX: FormatSpec("bibtex", ("Bibliography",), "biblatex @online entries"),
    Format.CSL_JSON: FormatSpec("csl_json", ("Bibliography",), "CSL-JSON for Zotero, Pandoc"),
}


def formats_for(report_type: str) -> list[Format]:
    return [fmt for fmt, spec in FORMATS.items() if report_type in spec.reports]


def render(report: Any, fmt: Format) -> str:
    """`report` in format `fmt`; ValueError when the format does not apply to the report."""
    spec = FORMATS[fmt]
    report_type = type(report).__name__
    if report_type not in spec.reports:
        valid = ", ".join(f.value for f in formats_for(report_type))
        raise ValueError(f"{fmt.value!r} does not apply here; use one of: {valid}")
    module = importlib.import_module(f"{__name__}.{spec.module}")
    text: str = module.render(report)
    return text
