"""Every writer, taken from its registry, against one hostile dataset: every format of
`render.FORMATS` for every command that answers with a report type it renders, every
picture, every export and the messages. Each output must carry the dataset's text without a
raw character its reader would act on (terminal controls, bidi and invisible characters for a
terminal; formulas for a spreadsheet; braces and specials for BibTeX; markup for XML), and
each listing format must give the rows `--json` gives. A new format, command, chart or export
is tested here without a line added; one this module cannot read back fails until it can.
This module holds the formats of every answer; test_files.py the pictures, the exports and
the messages."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ilrs_cli.core.kinds import KINDS
from ilrs_cli.core.records import Dataset
from ilrs_cli.core.safe_text import cell_text, csv_cell, escape
from ilrs_cli.render import FORMATS, Format, formats_for
from ilrs_cli.report.types import ReportType

from ..conftest import FROZEN, Outcome
from ..runner import COMMAND
from .hostile import (
    HOSTILE,
    check_bibtex,
    check_csv,
    check_html,
    check_json,
    check_markdown,
    check_ndjson,
    check_terminal,
    check_xlsx,
    csv_rows,
    html_table,
    html_text,
    markdown_table,
    markdown_text,
    spreadsheet_csv,
    xlsx_sheets,
)


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
    "show": {
        **{kind.name: _first(kind.plural) for kind in KINDS},
        # a country's view: its lists of every kind (a mission's is its record's id)
        "country": lambda dataset, _: [str(dataset.payloads[0].places[0].code)],
    },
    "search": {"text": lambda _, __: ["rover"]},
    "cite": {"all": lambda _, __: ["--all"], "payload": _first("payloads")},
    "info": {"": lambda _, __: [], "sources": lambda _, __: ["--sources"]},
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


_ANSWERS: dict[tuple[Any, ...], Any] = {}  # in this process: each is asked by several tests


def _answer(run: Callable[..., Outcome], command: tuple[str, ...], args: Any, fmt: Format,
            dataset: Dataset, path: Path, **env: str | None) -> Any:  # fmt: skip
    """The answer's text; a binary format's bytes, written with -o (tests/test_xlsx.py
    checks that a pipe gets the same)."""
    key = (command, args, fmt, path, tuple(sorted(env.items(), key=str)))
    if key not in _ANSWERS:
        asked = [*command, *args(dataset, path), "--format", fmt.value]
        if FORMATS[fmt].binary:
            target = path.parent / f"answer-{len(_ANSWERS)}.{fmt.value}"
            run(*asked, "-o", str(target), env=env)
            _ANSWERS[key] = target.read_bytes()
        else:
            _ANSWERS[key] = run(*asked, env=env).stdout
    return _ANSWERS[key]


READERS: dict[str, Callable[[Any], None]] = {
    "csv": check_csv,
    "spreadsheet": lambda text: check_csv(spreadsheet_csv(text)),
    "bibtex": check_bibtex,
    "json": check_json,
    "csl-json": check_json,
    "ndjson": check_ndjson,
    "xlsx": check_xlsx,
    "markdown": check_markdown,
    "html": check_html,
}
# What a page shows of a format that is markup (the hostile text must be shown as it is), and
# the text of a workbook's cells.
SHOWN: dict[str, Callable[[Any], str]] = {"markdown": markdown_text, "html": html_text,
                                          "xlsx": lambda data: str(xlsx_sheets(data))}  # fmt: skip


@pytest.mark.parametrize(("command", "args", "fmt"), CASES)
def test_every_format_of_every_answer_keeps_hostile_text_inert(
    run: Callable[..., Outcome], hostile: Path, hostile_dataset: Dataset,
    command: tuple[str, ...], args: Any, fmt: Format,
) -> None:  # fmt: skip
    """Every format the registry has, for every answer it renders: a format not named in
    READERS is read as text for a terminal (tables, ids, the reference list)."""
    text = _answer(run, command, args, fmt, hostile_dataset, hostile)
    READERS.get(fmt.value, check_terminal)(text)
    exact = next(f for f in (Format.JSON, Format.CSL_JSON) if f in formats_for(ANSWERING[command]))
    as_json = _answer(run, command, args, exact, hostile_dataset, hostile)
    if "\\u001b]52;c;" in as_json and fmt is not Format.IDS:  # the data reached this answer
        shown = SHOWN.get(fmt.value, str)(text)
        assert "x1b]52;c;" in shown or "u001b]52;c;" in shown, "the hostile text is not shown"
        markup = fmt.value in ("markdown", "html")
        assert not markup or escape(HOSTILE) in shown, "the markup is not text"


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
    check_terminal(_OWN_SEQUENCES.sub("", text))


# -- every listing format gives the rows of --json -----------------------------------------


def _table_rows(text: str, rows: list[dict[str, Any]]) -> int:
    """The rows of a table: one more than the lines between them; or the records printed
    one field a line (as tokens too long for a table are), each after a blank line."""
    lines = text.splitlines()
    if not any(re.fullmatch(r"┏[━┳]+┓|\+[-+]+\+", line) for line in lines):  # a top border
        return lines.count("")
    return sum(line.startswith(("├", "+")) for line in lines) + 1 if rows else 0


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
    header, *cells = csv_rows(text)
    assert len(cells) == len(rows)
    if rows:
        assert header == list(rows[0])
    for row, values in zip(rows, cells, strict=True):
        for key, cell in zip(header, values, strict=True):
            expected = _cell_text(row[key])
            assert expected is None or cell == expected, key


def _first_key(row: dict[str, Any]) -> str:
    return "id" if "id" in row else next(iter(row))


def _xlsx_value(value: Any) -> Any:
    """What a workbook's cell holds for a JSON value, as openpyxl reads it: a day as a
    datetime, text as `cell_text` gives it (no apostrophe); None where it is shaped."""
    if isinstance(value, str):
        day = re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
        return datetime.datetime.fromisoformat(value) if day else cell_text(value)
    if isinstance(value, list):
        return cell_text("; ".join(value)) if all(isinstance(v, str) for v in value) else None
    return None if isinstance(value, dict) else value


def _same_xlsx_rows(data: bytes, rows: list[dict[str, Any]]) -> None:
    (header, *cells), about = xlsx_sheets(data).values()
    assert len(cells) == len(rows) and about[0] == ["key", "value"]
    if rows:
        assert header == list(rows[0])
    for row, values in zip(rows, cells, strict=True):
        for key, cell in zip(header, values, strict=True):
            expected = _xlsx_value(row[key])
            assert (
                expected is None
                and not isinstance(row[key], bool | int | float)
                or (cell == expected and type(cell) is type(expected))
            ), (key, cell, expected)


PARSERS: dict[str, Callable[[Any, list[dict[str, Any]]], None]] = {
    "json": lambda text, rows: None,
    "table": lambda text, rows: None if _table_rows(text, rows) == len(rows) else pytest.fail(
        f"{_table_rows(text, rows)} table rows for {len(rows)} JSON rows"),
    "csv": _same_csv_rows,
    "spreadsheet": lambda text, rows: _same_csv_rows(spreadsheet_csv(text), rows),
    "ndjson": lambda text, rows: None if [json.loads(line) for line in text.splitlines()] == rows
    else pytest.fail("other rows in NDJSON"),
    "ids": lambda text, rows: None if text.splitlines() == [
        escape(str(row[_first_key(row)])) for row in rows] else pytest.fail("other ids"),
    "xlsx": _same_xlsx_rows,
    "markdown": lambda text, rows: None if len(markdown_table(text).rows) == len(rows)
    else pytest.fail("other rows in the Markdown table"),
    "html": lambda text, rows: None if len(html_table(text).rows) == len(rows)
    else pytest.fail("other rows in the HTML table"),
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
