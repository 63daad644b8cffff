"""Every writer, taken from its registry, against one hostile dataset: every format of
`render.FORMATS` for every command that answers with a report type it renders, every
picture, every export and the messages. Each output must carry the dataset's text without a
raw character its reader would act on (terminal controls, bidi and invisible characters for a
terminal; formulas for a spreadsheet; braces and specials for BibTeX; markup for XML), and
each listing format must give the rows `--json` gives. A new format, command, chart or export
is tested here without a line added; one this module cannot read back fails until it can."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
import tomli

from ilrs_cli.cli.pictures import Counted, MapFormat
from ilrs_cli.core import field_types
from ilrs_cli.core.kinds import KINDS
from ilrs_cli.core.records import Dataset
from ilrs_cli.core.safe_text import FORMULA_STARTS, csv_cell, escape
from ilrs_cli.core.schema import TABLES
from ilrs_cli.export import EXPORTS
from ilrs_cli.load import load_dataset
from ilrs_cli.render import FORMATS, Format, formats_for
from ilrs_cli.report.types import ReportType

from .conftest import FROZEN, Outcome, Runner
from .runner import COMMAND

# What a hostile dataset puts after every text it can: CSI and OSC 52 (set the clipboard) with
# ESC and BEL, a C1 CSI, a bidi override and isolate, a zero-width space, CR, a line separator,
# DEL, a newline, XML's specials and BibTeX's. Every text also starts with a formula starter.
HOSTILE = (
    " \x1b[31mred\x1b]52;c;cGF5bG9hZA==\x07\x9b2J\u202eevil\u2066\u200bzw\rcr\u2028ls\x7fdel"
    "\nline <b>&amp;\"'</b> {}%#&\\$_~^"
)
HOSTILE_URL = "/\x1b]52;c;eA==\x07?q=}x{%zz\\y z\u202e#a|b"
# The file's name is hostile too: captions, pictures and messages name it.
FILE_NAME = "hostile\x1b[2J\u202e.toml"

# What no output may carry raw, whoever reads it: C0 controls but tab and newline, DEL, C1,
# bidi controls, invisible characters, line and paragraph separators (core.safe_text).
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
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


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / FILE_NAME
    path.write_text(hostile_toml(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile_dataset(hostile: Path) -> Dataset:
    return load_dataset(hostile)


@pytest.fixture
def run(ilrs: Runner, hostile: Path) -> Callable[..., Outcome]:
    """`ilrs ARGS...` on the hostile dataset; it must answer."""

    def answer(*args: str, env: dict[str, str | None] | None = None) -> Outcome:
        outcome = ilrs(*args, env={"ILRS_DATA": str(hostile), "COLUMNS": "160", **(env or {})})
        assert outcome.exception is None and outcome.exit_code == 0, outcome.stderr
        return outcome

    return answer


def test_the_hostile_dataset_is_valid_and_hostile_everywhere(hostile_dataset: Dataset) -> None:
    assert HOSTILE in hostile_dataset.info.title
    assert all(HOSTILE in place.name for place in hostile_dataset.places if place.code)
    assert all(HOSTILE in source.publisher for source in hostile_dataset.sources)


# -- every command that answers, from the command tree -------------------------------------


def _commands(command: Any, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], Any]:
    """Every command of the tree, by its words: ('export', 'sqlite')."""
    if not hasattr(command, "commands"):
        return {path: command}
    found: dict[tuple[str, ...], Any] = {}
    for name in list(command.commands):
        found.update(_commands(command.commands[name], (*path, name)))
    return found


COMMANDS = _commands(COMMAND)
# Every command that answers with a report (cli.output_options.answers_command), and its type.
ANSWERING = {
    path: command.callback.answers.report_type
    for path, command in COMMANDS.items()
    if hasattr(command.callback, "answers")
}


def _first(plural: str) -> Callable[[Dataset, Path], list[str]]:
    return lambda dataset, _: [getattr(dataset, plural)[0].id]


# The arguments of the answering commands that need some: what each is asked here.
ARGUMENTS: dict[str, dict[str, Callable[[Dataset, Path], list[str]]]] = {
    "show": {kind.name: _first(kind.plural) for kind in KINDS},
    "search": {"text": lambda _, __: ["rover"]},
    "cite": {"all": lambda _, __: ["--all"], "payload": _first("payloads")},
    "diff": {"frozen-to-hostile": lambda _, path: [str(FROZEN), str(path)]},
}

CASES = [
    pytest.param(command, args, fmt, id=f"{' '.join(command)}-{name}-{fmt.value}")
    for command, report_type in ANSWERING.items()
    for name, args in (ARGUMENTS.get(command[-1]) or {"": lambda _, __: []}).items()
    for fmt in formats_for(report_type)
]


def test_every_command_with_a_required_argument_is_asked_one() -> None:
    for command in ANSWERING:
        required = [p for p in COMMANDS[command].params if p.required]
        if required:
            assert command[-1] in ARGUMENTS, f"add what to ask `ilrs {' '.join(command)}`"
    assert len(CASES) >= 60 and {case.values[2] for case in CASES} == set(FORMATS)


_ANSWERS: dict[tuple[Any, ...], str] = {}  # in this process: each is asked by several tests


def _answer(run: Callable[..., Outcome], command: tuple[str, ...], args: Any, fmt: Format,
            dataset: Dataset, path: Path, **env: str | None) -> str:  # fmt: skip
    key = (command, args, fmt, path, tuple(sorted(env.items(), key=str)))
    if key not in _ANSWERS:
        _ANSWERS[key] = run(*command, *args(dataset, path), "--format", fmt.value, env=env).stdout
    return _ANSWERS[key]


# -- what each format's reader needs -----------------------------------------------------


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def _check_csv(text: str) -> None:
    assert raw_characters(text, TAB) == [], "a raw control in CSV"
    rows = _csv_rows(text)
    assert rows and len({len(row) for row in rows}) == 1, "a forged row or column"
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), f"a formula: {cell[:40]!r}"


def _spreadsheet_csv(text: str) -> str:
    assert text.startswith("\ufeff")
    body = text[1:]
    assert "\r" not in body.replace("\r\n", ""), "a raw CR inside a cell"
    return body.replace("\r\n", "\n")


# BibTeX: outside `url` fields and \url{...}, data must not close a field early or reach TeX
# as a special: braces balanced in every entry, and #, %, &, $, _ only as \#, \%, \& ...
_TEX_ESCAPES = re.compile(r"\\(?:text[a-z]+\{\}|[#%&$_])")
_URLS = re.compile(r"^  url = \{.*\},?$|\\url\{[^{}\s]*\}", re.MULTILINE)


def _check_bibtex(text: str) -> None:
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


def _check_json(text: str) -> None:
    assert raw_characters(text) == []
    json.loads(text)


def _check_ndjson(text: str) -> None:
    assert raw_characters(text) == []
    for line in text.splitlines():
        json.loads(line)


def _check_terminal(text: str) -> None:
    assert raw_characters(text) == [], "a raw control or invisible character on the terminal"


READERS: dict[str, Callable[[str], None]] = {
    "csv": _check_csv,
    "spreadsheet": lambda text: _check_csv(_spreadsheet_csv(text)),
    "bibtex": _check_bibtex,
    "json": _check_json,
    "csl-json": _check_json,
    "ndjson": _check_ndjson,
}


@pytest.mark.parametrize(("command", "args", "fmt"), CASES)
def test_every_format_of_every_answer_keeps_hostile_text_inert(
    run: Callable[..., Outcome], hostile: Path, hostile_dataset: Dataset,
    command: tuple[str, ...], args: Any, fmt: Format,
) -> None:  # fmt: skip
    """Every format the registry has, for every answer it renders: a format not named in
    READERS is read as text for a terminal (tables, ids, the reference list)."""
    text = _answer(run, command, args, fmt, hostile_dataset, hostile)
    READERS.get(fmt.value, _check_terminal)(text)
    exact = next(f for f in (Format.JSON, Format.CSL_JSON) if f in formats_for(ANSWERING[command]))
    as_json = _answer(run, command, args, exact, hostile_dataset, hostile)
    if "\\u001b]52;c;" in as_json and fmt is not Format.IDS:  # the data reached this answer
        assert "x1b]52;c;" in text or "u001b]52;c;" in text, "the hostile text is not shown"


# Colour adds SGR sequences and OSC 8 links (whose URL is the escaped one); nothing else.
_OWN_SEQUENCES = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;id=\d+;[ -~]*?\x1b\\|\x1b\]8;;\x1b\\")


@pytest.mark.parametrize(
    ("command", "args"),
    [pytest.param(*case.values[:2], id=case.id) for case in CASES
     if case.values[2] is Format.TABLE],
)  # fmt: skip
def test_colour_tables_add_only_their_own_sequences(
    run: Callable[..., Outcome], hostile: Path, hostile_dataset: Dataset,
    command: tuple[str, ...], args: Any,
) -> None:  # fmt: skip
    """In colour, and narrow: a listing is printed a record at a time (render.table's
    print_vertical), a record's sources as links."""
    text = _answer(run, command, args, Format.TABLE, hostile_dataset, hostile,
                   NO_COLOR=None, FORCE_COLOR="1", COLUMNS="60")  # fmt: skip
    assert "\x1b[" in text
    _check_terminal(_OWN_SEQUENCES.sub("", text))


# -- every listing format gives the rows of --json -----------------------------------------


def _table_rows(text: str, rows: list[dict[str, Any]]) -> int:
    """The rows of a table: one more than the lines between them."""
    return sum(line.startswith(("├", "+")) for line in text.splitlines()) + 1 if rows else 0


def _cell_text(value: Any) -> str | None:
    """What a CSV cell holds for a JSON value; None where it is shaped (lists of objects)."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return None
    if isinstance(value, str):
        return csv_cell(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return csv_cell("; ".join(value))
    return None


def _same_csv_rows(text: str, rows: list[dict[str, Any]]) -> None:
    header, *cells = _csv_rows(text)
    assert len(cells) == len(rows)
    if rows:
        assert header == list(rows[0])
    for row, values in zip(rows, cells, strict=True):
        for key, cell in zip(header, values, strict=True):
            expected = _cell_text(row[key])
            assert expected is None or cell == expected, key


def _first_key(row: dict[str, Any]) -> str:
    return "id" if "id" in row else next(iter(row))


PARSERS: dict[str, Callable[[str, list[dict[str, Any]]], None]] = {
    "json": lambda text, rows: None,
    "table": lambda text, rows: None if _table_rows(text, rows) == len(rows) else pytest.fail(
        f"{_table_rows(text, rows)} table rows for {len(rows)} JSON rows"),
    "csv": _same_csv_rows,
    "spreadsheet": lambda text, rows: _same_csv_rows(_spreadsheet_csv(text), rows),
    "ndjson": lambda text, rows: None if [json.loads(line) for line in text.splitlines()] == rows
    else pytest.fail("other rows in NDJSON"),
    "ids": lambda text, rows: None if text.splitlines() == [
        escape(str(row[_first_key(row)])) for row in rows] else pytest.fail("other ids"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("command", "args", "fmt"),
    [case for case in CASES if ANSWERING[case.values[0]] is ReportType.LISTING],
)
def test_every_listing_format_gives_the_rows_of_json(
    run: Callable[..., Outcome], hostile: Path, hostile_dataset: Dataset,
    command: tuple[str, ...], args: Any, fmt: Format,
) -> None:  # fmt: skip
    assert fmt.value in PARSERS, f"tell PARSERS how to read {fmt.value} back"
    rows = json.loads(_answer(run, command, args, Format.JSON, hostile_dataset, hostile))
    PARSERS[fmt.value](_answer(run, command, args, fmt, hostile_dataset, hostile), rows)


# -- pictures: every chart, the map in each format, the page ------------------------------

# What `chart count-by` counts for each --of: a field whose values are the dataset's text.
COUNTED_BY = {"payloads": "countries", "members": "country", "timeline": "event",
              "countries": "country", "sources": "publisher"}  # fmt: skip
CHARTS = list(COMMAND.commands["chart"].commands)


def _picture_args(chart: str) -> list[list[str]]:
    if chart == "count-by":
        return [[COUNTED_BY[of.value], "--of", of.value] for of in Counted]
    return [[]]


PICTURES = [
    *(pytest.param(["chart", chart, *args], id=" ".join(["chart", chart, *args]))
      for chart in CHARTS for args in _picture_args(chart)),
    *(pytest.param(["map", "--format", fmt.value], id=f"map {fmt.value}") for fmt in MapFormat),
    pytest.param(["export", "html"], id="export html"),
]  # fmt: skip


def _picture(run: Callable[..., Outcome], args: list[str], tmp_path: Path) -> str:
    if args[:2] == ["export", "html"]:
        run(*args, str(tmp_path / "page.html"))
        return (tmp_path / "page.html").read_text(encoding="utf-8")
    return run(*args).stdout


def test_every_picture_is_tested() -> None:
    assert set(COUNTED_BY) == {of.value for of in Counted}
    assert {"count-by", "growth", "timeline"} <= set(CHARTS)


@pytest.mark.parametrize("args", PICTURES)
def test_every_picture_shows_hostile_text_inert(
    run: Callable[..., Outcome], tmp_path: Path, args: list[str]
) -> None:
    """The text a picture draws (every text node: labels, titles, tooltips, the page's
    tables and citations) shows the dataset's controls as visible escapes; GeoJSON is JSON."""
    text = _picture(run, args, tmp_path)
    if args[-1] == "geojson":
        _check_json(text)
        names = [f["properties"]["name"] for f in json.loads(text)["features"]]
        assert any(name.endswith(HOSTILE) for name in names)  # exact, as JSON keeps it
        return
    nodes = "".join(re.findall(r">([^<]*)<", text))  # ElementTree escapes < in text
    _check_terminal(nodes)
    assert "\\x1b]52;c;" in nodes  # the dataset's text is drawn, escaped
    assert "<b>" not in nodes  # the dataset's markup stays text


ISSUE_31 = pytest.mark.xfail(
    strict=True,
    raises=ET.ParseError,
    reason="issue 31: chart data-* attributes carry the dataset's text raw",
)
STRICT_XML = [
    pytest.param(case.values[0], id=case.id,
                 marks=ISSUE_31 if case.values[0][1] in ("count-by", "html") else ())
    for case in PICTURES if case.values[0][-1] != "geojson"
]  # fmt: skip


@pytest.mark.parametrize("args", STRICT_XML)
def test_every_picture_is_well_formed_xml_without_raw_controls(
    run: Callable[..., Outcome], tmp_path: Path, args: list[str]
) -> None:
    """The whole document, attributes included, as a strict XML parser reads it (the page is
    polyglot XHTML)."""
    text = _picture(run, args, tmp_path)
    ET.fromstring(text.encode("utf-8"))
    _check_terminal(text)


@pytest.mark.xfail(
    strict=True, raises=ET.ParseError, reason="issue 31: a noncharacter (U+FFFE) reaches SVG raw"
)
def test_a_noncharacter_is_not_drawn_raw(ilrs: Runner, tmp_path: Path) -> None:
    path = tmp_path / "nonchar.toml"
    path.write_text(FROZEN.read_text(encoding="utf-8").replace(
        'title = "Chang', 'title = "\\uFFFEChang', 1), encoding="utf-8")  # fmt: skip
    outcome = ilrs("--data", str(path), "chart", "growth")
    assert outcome.exit_code == 0
    ET.fromstring(outcome.stdout.encode("utf-8"))


# -- exports: every file each writes ------------------------------------------------------


def _check_export_file(path: Path) -> None:
    if path.suffix == ".db":
        with sqlite3.connect(path) as database:  # values exact: SQL is no terminal
            (found,) = database.execute("SELECT count(*) FROM sources WHERE publisher LIKE ?",
                                        (f"%{HOSTILE}",)).fetchone()  # fmt: skip
        assert found
        return
    text = path.read_text(encoding="utf-8")
    checks = {".json": _check_json, ".csv": _check_csv}
    assert path.suffix in checks, f"tell _check_export_file how to read {path.name}"
    checks[path.suffix](text)


@pytest.mark.parametrize("name", list(EXPORTS))
def test_every_export_writes_hostile_text_inert(
    run: Callable[..., Outcome], tmp_path: Path, name: str
) -> None:
    target = tmp_path / f"out-{name}" / ("ilrs.db" if name == "sqlite" else "package")
    target.parent.mkdir()
    run("export", name, str(target))
    written = [path for path in target.parent.rglob("*") if path.is_file()]
    assert len(written) >= 2
    for path in written:
        _check_export_file(path)


# -- messages: hostile arguments, file names and directories reach stderr escaped ----------

BAD_NAME = "x\x1b]52;c;eA==\x07\x9b2J\u202e\nforged"


def _check_message(outcome: Outcome) -> None:
    """Every message escapes the name whole: its newline too, so it forges no line."""
    text = outcome.stdout + outcome.stderr
    _check_terminal(text)
    assert "\\x1b]52;c;" in text
    assert not any(line.startswith("forged") for line in text.splitlines()), text


def test_every_message_is_escaped_whoever_writes_it(capsys: pytest.CaptureFixture[str]) -> None:
    from ilrs_cli.render.terminal import write_err

    write_err(f"ilrs: error: {BAD_NAME}\nilrs: a second line")
    err = capsys.readouterr().err
    assert err == "ilrs: error: x\\x1b]52;c;eA==\\x07\\x9b2J\\u202e\nforged\nilrs: a second line\n"


@pytest.mark.parametrize(
    "args",
    [
        ["show", BAD_NAME],
        ["cite", BAD_NAME],
        ["payloads", "--country", BAD_NAME],
        ["payloads", "--sort", BAD_NAME],
        ["members", "--fields", BAD_NAME],
        ["timeline", "--after", BAD_NAME],
        ["chart", "count-by", BAD_NAME],
        ["map", "--region", BAD_NAME],
        [BAD_NAME],
        ["export", BAD_NAME],
        ["payloads", f"--{BAD_NAME}"],
    ],
    ids=lambda args: " ".join("BAD" if BAD_NAME in arg else arg for arg in args),
)
def test_a_hostile_argument_is_escaped_in_the_error(ilrs: Runner, args: list[str]) -> None:
    outcome = ilrs(*args)
    assert outcome.exit_code in (1, 2)
    _check_message(outcome)


@pytest.mark.parametrize("command", ["check", "--data"])
def test_a_hostile_file_name_is_escaped_in_the_error(
    ilrs: Runner, tmp_path: Path, command: str
) -> None:
    missing = ilrs(
        command, str(tmp_path / BAD_NAME), *(["payloads"] if command == "--data" else [])
    )
    assert missing.exit_code == 1
    _check_message(missing)
    broken = tmp_path / f"{BAD_NAME}.toml"
    broken.write_text("[dataset\n", encoding="utf-8")
    outcome = ilrs(command, str(broken), *(["payloads"] if command == "--data" else []))
    assert outcome.exit_code == 1
    _check_message(outcome)


WRITERS = [
    *(["export", name, "{target}"] for name in EXPORTS),
    ["export", "html", "{target}.html"],
    ["data", "copy", "{target}.toml"],
    ["chart", "growth", "-o", "{target}.svg"],
    ["map", "-o", "{target}.svg"],
]


@pytest.mark.parametrize("args", WRITERS, ids=lambda args: " ".join(args[:2]))
def test_a_hostile_target_is_escaped_in_what_was_written(
    run: Callable[..., Outcome], tmp_path: Path, args: list[str]
) -> None:
    target = str(tmp_path / BAD_NAME)
    _check_message(run(*(arg.format(target=target) for arg in args)))


def test_a_warning_names_a_hostile_file_escaped(
    ilrs: Runner, tmp_path: Path, hostile: Path
) -> None:
    """`check` warns of a source no record cites, naming the file."""
    path = tmp_path / f"{BAD_NAME}.toml"
    uncited = (
        '[[sources]]\nid = "uncited"\ntitle = "T"\npublisher = "P"\nurl = "https://a.example"\n'
    )
    path.write_text(hostile.read_text(encoding="utf-8") + "\n" + uncited, encoding="utf-8")
    outcome = ilrs("check", str(path))
    assert outcome.exit_code == 0 and "warning" in outcome.stderr
    _check_message(outcome)


def test_a_refused_cache_directory_is_named_escaped(ilrs: Runner, tmp_path: Path) -> None:
    directory = tmp_path / BAD_NAME
    directory.mkdir()
    directory.chmod(0o777)  # open to others: refused, and named in a warning
    outcome = ilrs("payloads", "--json", env={"ILRS_CACHE_DIR": str(directory)})
    assert outcome.exit_code == 0 and "warning" in outcome.stderr
    _check_message(outcome)


def test_a_page_link_is_escaped_whatever_it_is_given() -> None:
    """The page's citations are escaped before they are linked (draw.page._linked), whatever
    wrote them."""
    from ilrs_cli.draw.page import _linked

    linked = _linked(f"Read at https://a.example/{BAD_NAME} on a day{BAD_NAME}")
    _check_terminal(linked)
    assert "forged" in linked and "\n" not in linked


def test_a_hostile_cache_directory_is_escaped(run: Callable[..., Outcome], tmp_path: Path) -> None:
    _check_message(run("cache", env={"ILRS_CACHE_DIR": str(tmp_path / BAD_NAME)}))


def test_the_hostile_file_name_is_escaped_where_output_names_it(
    run: Callable[..., Outcome],
) -> None:
    for args in (["check"], ["info"], ["payloads"]):
        text = run(*args).stdout
        _check_terminal(text)
        assert "hostile\\x1b[2J\\u202e.toml" in text
