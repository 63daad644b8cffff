"""Output formats: the one registry of formats, and `render`, which turns a report into text
(`render_bytes`: into a file's bytes).

Each format is one module with a `render(report) -> str` function (`-> bytes` for a binary
format: a workbook); `FORMATS` says which module renders it, which types of report
(`report.types.ReportType`) it takes, and what it is, for help. Adding a format is one
module and one line here: each command's --format help, choices and completion, the docs
and the API take it from this registry. The first format listed for a report type is that
type's default. Only rich_page imports Rich, for tables with text plain_table is unsure of;
plain_table draws the same bytes everywhere else.
"""

from __future__ import annotations

import sys
from enum import Enum

from ..core.errors import QueryError
from ..core.tuples import NamedTuple
from ..report.types import ReportType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Protocol

    from ..report.citations import Bibliography
    from ..report.details import Detail
    from ..report.listing import Listing

    Report = Listing | Detail | Bibliography

    class Renderer(Protocol):
        def render(self, report: Report, /) -> str: ...

    class FileRenderer(Protocol):
        def render(self, report: Report, /) -> bytes: ...


LISTING, DETAIL, BIBLIOGRAPHY = ReportType.LISTING, ReportType.DETAIL, ReportType.BIBLIOGRAPHY


class Format(str, Enum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    SPREADSHEET = "spreadsheet"
    NDJSON = "ndjson"
    IDS = "ids"
    MARKDOWN = "markdown"
    HTML = "html"
    TEXT = "text"
    BIBTEX = "bibtex"
    CSL_JSON = "csl-json"
    XLSX = "xlsx"


class FormatSpec(NamedTuple):
    module: str  # the module in this package that renders it
    reports: frozenset[ReportType]  # the types of report it renders
    help: str
    # Read by a program: written as UTF-8 whatever the stream's encoding (render/terminal.py
    # `write_data`), never with a terminal's escapes of what it cannot show.
    machine: bool = True
    # A file's bytes, not text (a workbook): written with -o FILE, or to a pipe; never to a
    # terminal (cli/inputs.py `output_file`). `render_bytes` gives them.
    binary: bool = False


FORMATS: dict[Format, FormatSpec] = {
    Format.TABLE: FormatSpec(
        "table", frozenset({LISTING, DETAIL}), "tables for people", machine=False
    ),
    Format.JSON: FormatSpec("json", frozenset({LISTING, DETAIL}), "plain JSON"),
    Format.CSV: FormatSpec("csv", frozenset({LISTING, DETAIL}), "CSV with a header row"),
    Format.SPREADSHEET: FormatSpec(
        "spreadsheet", frozenset({LISTING, DETAIL}), "CSV for Excel and LibreOffice (UTF-8, BOM)"
    ),
    Format.NDJSON: FormatSpec("ndjson", frozenset({LISTING}), "one JSON object a line"),
    Format.IDS: FormatSpec("ids", frozenset({LISTING}), "one id (or first field) a line"),
    Format.MARKDOWN: FormatSpec(
        "markdown_table", frozenset({LISTING}), "a GitHub-flavoured Markdown table, to paste"
    ),
    Format.HTML: FormatSpec(
        "html_table", frozenset({LISTING}), "an HTML <table> fragment, to paste"
    ),
    Format.TEXT: FormatSpec(
        "text", frozenset({BIBLIOGRAPHY}), "a numbered reference list", machine=False
    ),
    Format.BIBTEX: FormatSpec("bibtex", frozenset({BIBLIOGRAPHY}), "biblatex @online entries"),
    Format.CSL_JSON: FormatSpec("csl_json", frozenset({BIBLIOGRAPHY}), "CSL-JSON (Zotero, Pandoc)"),
    Format.XLSX: FormatSpec(
        "xlsx",
        frozenset({LISTING}),
        "an Excel workbook, with -o FILE (needs ilrs-cli[xlsx])",
        binary=True,
    ),
}


def formats_for(report_type: ReportType) -> list[Format]:
    """The formats that render this type of report, its default first."""
    return [fmt for fmt, spec in FORMATS.items() if report_type in spec.reports]


def formats_help(report_type: ReportType) -> str:
    """'table (the default): tables for people; json: plain JSON; ...', from the registry."""
    chosen = formats_for(report_type)
    parts = [f"{fmt.value}: {FORMATS[fmt].help}" for fmt in chosen]
    parts[0] = parts[0].replace(":", " (the default):", 1)
    return "Output format: " + "; ".join(parts) + "."


def _renderer(report: Report, fmt: Format) -> Renderer | FileRenderer:
    """The module that renders `report` in `fmt`, imported (a binary format's raises
    MissingExtra when the library it writes with is not installed): a bibliography in a
    citation style is rendered by `styled_text`, in the text format only."""
    module_name = FORMATS[fmt].module
    if getattr(report, "style", None) is not None:
        if fmt is not Format.TEXT:
            raise QueryError(
                "style", f"a style applies to the text format only, not to {fmt.value}, which "
                "citation software renders in any style: leave out the style or the format",
            )  # fmt: skip
        module_name = "styled_text"
    name = f"{__name__}.{module_name}"
    __import__(name)  # not importlib.import_module: the importlib package imports warnings
    module: Renderer | FileRenderer = sys.modules[name]
    return module


def _checked(report: Report, fmt: Format) -> Format:
    if report.report_type not in FORMATS[fmt].reports:
        valid = ", ".join(f.value for f in formats_for(report.report_type))
        raise ValueError(f"{fmt.value!r} does not apply here; use one of: {valid}")
    return fmt


def render(report: Report, fmt: Format) -> str:
    """`report` in the text format `fmt`; ValueError when the format does not apply to the
    report, or is binary (`render_bytes` gives those); a QueryError when a citation style is
    asked of a format other than text."""
    if FORMATS[_checked(report, fmt)].binary:
        raise ValueError(f"{fmt.value!r} is a file's bytes, not text: use render_bytes")
    text = _renderer(report, fmt).render(report)
    assert isinstance(text, str)
    return text


def render_bytes(report: Report, fmt: Format) -> bytes:
    """`report` in format `fmt` as a file holds it: a binary format's own bytes, a text
    format's UTF-8, ending in a newline as standard output gets it."""
    if not FORMATS[_checked(report, fmt)].binary:
        text = render(report, fmt)
        return (text if text.endswith("\n") else text + "\n").encode("utf-8")
    data = _renderer(report, fmt).render(report)
    assert isinstance(data, bytes)
    return data
