"""One hostile dataset for the tests of every writer (tests/writers/): the frozen fixture with
every text field, alias, citation, place name, URL and the file's own name made hostile, by the
schema's field types; what no output may carry raw; and how each format's reader is checked."""

from __future__ import annotations

import csv
import datetime
import functools
import io
import json
import re
import zipfile
from typing import Any, NamedTuple

import html5lib
import openpyxl
import tomli
from markdown_it import MarkdownIt

from ilrs_cli.core import field_types
from ilrs_cli.core.safe_text import FORMULA_STARTS
from ilrs_cli.core.schema import TABLES

from ..conftest import FROZEN

# What a hostile dataset puts after every text it can: CSI and OSC 52 (set the clipboard) with
# ESC and BEL, a C1 CSI, a bidi override and isolate, a zero-width space, CR, a line separator,
# DEL, a newline, XML's specials and BibTeX's. Every text also starts with a formula starter.
HOSTILE = (
    " \x1b[31mred\x1b]52;c;cGF5bG9hZA==\x07\x9b2J\u202eevil\u2066\u200bzw\rcr\u2028ls\x7fdel"
    "\nline <b>&amp;\"'</b> {}%#&\\$_~^\ufffe\U0010ffff\ufdd0nonchar"
)
# A URL holds no space or control (check refuses them: core/field_types.py), but every other
# character that ends a BibTeX field, a \\url or an XML attribute, or starts markup.
HOSTILE_URL = "/?q=}x{%zz\\y<b>&amp;'\"#a|b^`"
# The file's name is hostile too: captions, pictures and messages name it.
FILE_NAME = "hostile\x1b[2J\u202e.toml"

# What no output may carry raw, whoever reads it: C0 controls but tab and newline, DEL, C1,
# bidi controls, invisible characters, line and paragraph separators, noncharacters and
# surrogates (core.safe_text).
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
    + "]"
)
TAB = "\t"  # tab: kept in CSV cells, escaped everywhere else


def raw_characters(text: str, allowed: str = "") -> list[str]:
    return sorted({char for char in RAW.findall(text) if char not in allowed})


# -- the hostile dataset: the frozen fixture with every text field made hostile ------------


def _hostile(text: str) -> str:
    return FORMULA_STARTS[len(text) % 4] + text + HOSTILE  # = + - @


def _referenced(table: str, field: str) -> bool:
    """Whether other records name this field's values (a mission's `name`): kept as it is."""
    return any(f.type.references == (table, field) for t in TABLES.values() for f in t.fields)


def _hostile_record(table: str, record: dict[str, Any], places: dict[str, str]) -> dict[str, Any]:
    """Every text of `record` made hostile, by its declared type (core.schema)."""
    spec = TABLES[table]
    made: dict[str, Any] = {}
    for key, value in record.items():
        field = spec.field(key)
        kind = field.type if field else None
        if kind is field_types.TEXT and not _referenced(table, key):
            value = _hostile(value)
        elif kind is field_types.NAMES:
            value = [_hostile(name) for name in value]
        elif kind is field_types.URL:
            value += HOSTILE_URL
        elif kind is field_types.PLACE:
            value = places.get(value, value)
        elif kind is field_types.CITATIONS:
            value = [{**citation, "at": _hostile(citation["at"])} for citation in value]
        made[key] = value
    return made


def _toml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(
        char if char.isascii() and char.isprintable() else f"\\U{ord(char):08x}"
        for char in escaped
    ) + '"'  # fmt: skip


def _toml_value(value: Any) -> str:
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(map(_toml_value, value)) + "]"
    if isinstance(value, dict):
        pairs = ", ".join(f"{_toml_string(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{ " + pairs + " }"
    raise TypeError(f"no TOML for {value!r}")


def _toml_table(header: str, values: dict[str, Any]) -> str:
    return "\n".join(
        [header, *(f"{_toml_string(k)} = {_toml_value(v)}" for k, v in values.items())]
    )


def hostile_toml() -> str:
    """The frozen fixture with every text, place name, URL and citation made hostile."""
    source = tomli.loads(FROZEN.read_text(encoding="utf-8"))
    places = {name: _hostile(name) for name in source["places"]}
    parts = [
        _toml_table("[dataset]", _hostile_record("dataset", source["dataset"], places)),
        _toml_table("[places]", {places[name]: code for name, code in source["places"].items()}),
    ]
    for table, records in source.items():
        if table not in ("dataset", "places"):
            parts += [
                _toml_table(f"[[{table}]]", _hostile_record(table, r, places)) for r in records
            ]
    return "\n\n".join(parts) + "\n"


# -- what each format's reader needs -----------------------------------------------------


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def check_csv(text: str) -> None:
    assert raw_characters(text, TAB) == [], "a raw control in CSV"
    rows = csv_rows(text)
    assert rows and len({len(row) for row in rows}) == 1, "a forged row or column"
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), f"a formula: {cell[:40]!r}"


def spreadsheet_csv(text: str) -> str:
    assert text.startswith("\ufeff")
    body = text[1:]
    assert "\r" not in body.replace("\r\n", ""), "a raw CR inside a cell"
    return body.replace("\r\n", "\n")


# BibTeX: outside `url` fields and \url{...}, data must not close a field early or reach TeX
# as a special: braces balanced in every entry, and #, %, &, $, _ only as \#, \%, \& ...
_TEX_ESCAPES = re.compile(r"\\(?:text[a-z]+\{\}|[#%&$_])")
_URLS = re.compile(r"^  url = \{.*\},?$|\\url\{[^{}\s]*\}", re.MULTILINE)


def check_bibtex(text: str) -> None:
    assert raw_characters(text) == []
    for entry in text.split("\n\n@"):
        depth = 0
        for char in entry:
            depth += {"{": 1, "}": -1}.get(char, 0)
            assert depth >= 0, f"a brace closes its field early in {entry[:80]!r}"
        assert depth == 0, f"unbalanced braces in {entry[:80]!r}"
    for url in _URLS.findall(text):  # percent-encoded: nothing ends a field or a \\url
        address = url.removeprefix("  url = {").removeprefix("\\url{").rstrip(",").rstrip("}")
        assert not re.search(r"[\s{}\\\"#<>^`|]|%(?![0-9A-Fa-f]{2})", address), address
    bare = _TEX_ESCAPES.sub("", _URLS.sub("", text))
    assert not re.search(r"[#%&$_~^]|\\(?![a-z])", bare), "a TeX special character unescaped"


def check_json(text: str) -> None:
    assert raw_characters(text) == []
    json.loads(text)


def check_ndjson(text: str) -> None:
    assert raw_characters(text) == []
    for line in text.splitlines():
        json.loads(line)


def check_terminal(text: str) -> None:
    assert raw_characters(text) == [], "a raw control or invisible character on the terminal"


# An .xlsx cell's text holds `_xHHHH_` for a character XML cannot (XlsxWriter's escape, which
# Excel reads back as the character: ESC for _x001B_); `_x005F_` is the escape of "_" itself.
_XML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def xlsx_sheets(data: bytes) -> dict[str, list[list[Any]]]:
    """Every sheet of a workbook, as openpyxl reads it: its rows of values, header first;
    no cell is a formula."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheets = {}
    for sheet in book.worksheets:
        rows = [list(row) for row in sheet.iter_rows()]
        formulas = [cell.coordinate for row in rows for cell in row if cell.data_type == "f"]
        assert formulas == [], f"formulas in {sheet.title}: {formulas[:5]}"
        sheets[sheet.title] = [[cell.value for cell in row] for row in rows]
    return sheets


def check_xlsx(data: bytes) -> None:
    """A workbook openpyxl opens, with no formula, and no control in any part of it: neither
    raw nor as XlsxWriter's escape of one."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            xml = archive.read(name).decode("utf-8")
            assert raw_characters(xml) == [], f"a raw control in {name}"
            escaped = {code for code in _XML_ESCAPE.findall(xml) if code.upper() != "005F"}
            assert escaped == set(), f"controls that Excel reads raw in {name}: {escaped}"
    sheets = xlsx_sheets(data)
    assert sheets and all(rows for rows in sheets.values()), "a sheet without its header"


# Markdown and HTML tables (--format markdown, html): read as a page would show them, by a
# strict HTML parser (html5lib: any parse error fails) and, for Markdown, a CommonMark parser
# with GFM's tables and strikethrough and inline HTML passed through (as GitHub renders it).
_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
# Every element ilrs writes in a pasted table: data must add none (no <b>, <em>, <code>...).
PASTED_ELEMENTS = {"table", "caption", "thead", "tbody", "tr", "th", "td", "br", "p", "strong",
                   "ul", "li", "a"}  # fmt: skip


class PastedTable(NamedTuple):
    headers: list[str]
    rows: list[list[str]]  # each cell's text, its lines joined with "\n"
    links: list[str]  # the address of each link
    shown: str  # the text the page shows, all of it


def _cell(element: Any) -> str:
    """An element's text as a page shows it, a <br> as a new line."""
    parts = [element.text or ""]
    for child in element:
        parts += ["\n" if child.tag == "br" else _cell(child), child.tail or ""]
    return "".join(parts)


# Each answer is read by several tests: parsed once a process.
@functools.cache
def html_table(text: str, rel: str = "noopener") -> PastedTable:
    """The one table of an HTML fragment, parsed strictly; every element one ilrs writes,
    every link to an http(s) address with `rel` among its rel values."""
    assert raw_characters(text) == [], "a raw control in HTML"
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    fragment = parser.parseFragment(text)
    found = {element.tag for element in fragment.iter()} - {"DOCUMENT_FRAGMENT"}
    assert found <= PASTED_ELEMENTS, f"elements from data: {found - PASTED_ELEMENTS}"
    links = [a.get("href", "") for a in fragment.iter("a")]
    assert all(link.startswith(("https://", "http://")) for link in links), links
    assert not rel or all(rel in a.get("rel", "").split() for a in fragment.iter("a"))
    (table,) = fragment.iter("table")
    headers = [_cell(th) for th in table.iterfind("thead/tr/th")]
    rows = [[_cell(td) for td in tr.iterfind("td")] for tr in table.iterfind("tbody/tr")]
    assert all(len(row) == len(headers) for row in rows), "a forged or lost column"
    return PastedTable(headers, rows, links, "".join(fragment.itertext()))


@functools.cache
def markdown_table(text: str) -> PastedTable:
    """The one table of a Markdown document, as its HTML (`html_table`, links without rel)."""
    assert raw_characters(text) == [], "a raw control in Markdown"
    return html_table(_MARKDOWN.render(text), rel="")


def html_text(text: str) -> str:
    """The text a page shows of an HTML fragment."""
    return html_table(text).shown


def markdown_text(text: str) -> str:
    """The text a page shows of a Markdown document."""
    return markdown_table(text).shown


def check_markdown(text: str) -> None:
    markdown_table(text)


def check_html(text: str) -> None:
    html_table(text)
