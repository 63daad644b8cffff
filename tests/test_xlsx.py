"""Workbooks, read by their consumers, openpyxl and pandas: `ilrs export xlsx` (a sheet per
table of the export, and `about`) and `--format xlsx -o FILE` of every list command: each
sheet, its header row and the type of every cell (a day a date cell, numbers numbers, no
formula, text as CSV escapes it, without the apostrophe); where a workbook may go (a file, a
pipe, never a terminal) and what `-o` refuses; and the message when XlsxWriter is missing.
tests/writers/ reads the workbooks of the hostile dataset."""

from __future__ import annotations

import datetime
import io
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from ilrs_cli.core.licence import DATA_LICENCE
from ilrs_cli.core.records import Dataset
from ilrs_cli.core.safe_text import cell_text
from ilrs_cli.export.tables import Table, export_tables
from ilrs_cli.export.xlsx import write_workbook
from ilrs_cli.load import load_dataset
from ilrs_cli.render.xlsx import MOST_CHARACTERS, Sheet, day_or_text, sheet_names, workbook
from ilrs_cli.report.commands import COMMANDS
from ilrs_cli.report.types import ReportType

from .child import pinned
from .conftest import FROZEN, PINNED_ENV, Runner
from .runner import OnceBuiltRunner

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Every list command, from the registry, with what it must be asked.
ASKED = {"search": ["rover"], "diff": ["--bundled", str(FROZEN)]}
LIST_COMMANDS = [name for name, c in COMMANDS.items() if c.report_type is ReportType.LISTING]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(FROZEN)


@pytest.fixture(scope="module")
def exported(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("workbook") / "ilrs.xlsx"
    write_workbook(dataset, path)
    return path


def _rows(sheet: Any) -> list[list[Any]]:
    """A sheet's values, header first; no cell is a formula."""
    cells = [list(row) for row in sheet.iter_rows()]
    assert not [cell.coordinate for row in cells for cell in row if cell.data_type == "f"]
    return [[cell.value for cell in row] for row in cells]


def _expected(column_type: str, fuzzy: bool, value: Any) -> Any:
    """The cell openpyxl reads for a value of the export's tables."""
    if isinstance(value, str) and (column_type == "date" or (fuzzy and DAY.fullmatch(value))):
        return datetime.datetime.fromisoformat(value)
    if column_type == "boolean" and value is not None:
        return bool(value)
    return cell_text(value) if isinstance(value, str) else value


def _fuzzy(table: Table) -> set[str]:
    """The columns that hold a date with its source's precision: `date` of each record."""
    return {"date"} if table.name in ("members", "events", "signatories", "sources") else set()


def test_the_export_has_a_sheet_per_table_each_cell_typed(exported: Path, dataset: Dataset) -> None:
    book = openpyxl.load_workbook(exported)
    tables = export_tables(dataset)
    assert book.sheetnames == [table.name for table in tables] + ["about"]
    kinds: dict[str, int] = {}
    for table in tables:
        sheet = book[table.name]
        assert sheet.freeze_panes == "A2"  # the header row stays in view
        header, *rows = _rows(sheet)
        assert header == [column.name for column in table.columns]
        assert len(rows) == len(table.rows), table.name
        fuzzy = _fuzzy(table)
        for row, values in zip(rows, table.rows, strict=True):
            for cell, column, value in zip(row, table.columns, values, strict=True):
                expected = _expected(column.type, column.name in fuzzy, value)
                assert cell == expected and type(cell) is type(expected), (table.name, column)
                kinds[type(cell).__name__] = kinds.get(type(cell).__name__, 0) + 1
    assert {"datetime", "int", "bool", "str"} <= set(kinds), kinds
    chinese = [p.name_zh for p in dataset.payloads if p.name_zh]
    assert chinese and all(name in str(_rows(book["payloads"])) for name in chinese)


def test_a_date_that_is_not_a_day_keeps_its_precision_as_text(exported: Path) -> None:
    header, *rows = _rows(openpyxl.load_workbook(exported)["events"])
    dates = [row[header.index("date")] for row in rows]
    texts = [date for date in dates if isinstance(date, str)]
    assert texts and not any(DAY.fullmatch(text) for text in texts)  # "2028/2029", "2030s"
    assert any(isinstance(date, datetime.datetime) for date in dates)
    assert day_or_text("2024-05") == "2024-05" and day_or_text("2024-02-30") == "2024-02-30"
    assert day_or_text("2024-02-29") == datetime.date(2024, 2, 29)


def test_pandas_reads_every_sheet_and_its_dates(exported: Path, dataset: Dataset) -> None:
    frames = pd.read_excel(exported, sheet_name=None, engine="openpyxl")
    days = 0
    for table in export_tables(dataset):
        frame = frames[table.name]
        assert list(frame.columns) == [column.name for column in table.columns]
        for column in table.columns:
            if column.type != "date":
                continue
            parsed = pd.to_datetime(frame[column.name])
            given = [row[table.columns.index(column)] for row in table.rows]
            assert [v.date().isoformat() for v in parsed.dropna()] == [g for g in given if g]
            days += parsed.notna().sum()
    assert days > 100


def test_the_about_sheet_says_what_the_data_is(exported: Path, dataset: Dataset) -> None:
    header, *rows = _rows(openpyxl.load_workbook(exported)["about"])
    about = dict(rows)
    assert header == ["key", "value"]
    assert about["title"] == dataset.info.title and about["version"] == dataset.info.version
    assert about["as of"] == datetime.datetime.combine(dataset.info.as_of, datetime.time())
    assert f"{len(dataset.sources)} sources" in about["source"]
    assert DATA_LICENCE["path"] in about["licence"]
    assert about["sheet payloads"].startswith(f"{len(dataset.payloads)} rows.")


def test_every_list_command_is_asked_what_it_needs() -> None:
    for name in LIST_COMMANDS:
        if any(param.required for param in COMMANDS[name].params):
            assert name in ASKED, f"tell ASKED what to ask `ilrs {name}`"


@pytest.mark.parametrize("name", LIST_COMMANDS)
def test_every_list_command_writes_a_typed_workbook(
    ilrs: Runner, tmp_path: Path, name: str
) -> None:
    """The rows of --json, a cell each value: days (ISO dates, and the `date` text that is a
    day) as date cells, numbers and booleans as themselves, lists joined as CSV joins them."""
    target = tmp_path / f"{name}.xlsx"
    written = ilrs(name, *ASKED.get(name, []), "--format", "xlsx", "-o", str(target))
    assert written.exit_code == 0 and written.stdout == ""
    assert written.stderr.endswith(f"ilrs: wrote {target}\n")
    rows = ilrs(name, *ASKED.get(name, []), "--json").json()
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[1:] == ["about"]
    header, *cells = _rows(book.worksheets[0])
    assert len(cells) == len(rows) and (not rows or header == list(rows[0]))
    types = {column.name: column.type for column in COMMANDS[name].columns}
    for row, values in zip(rows, cells, strict=True):
        for key, cell in zip(header, values, strict=True):
            value, kind = row[key], types.get(key, "")
            if isinstance(value, bool | int | float) or value is None:
                assert cell == value and type(cell) is type(value), key
            elif kind.startswith("ISO date") or (
                kind.startswith("date text") and DAY.fullmatch(value)
            ):
                assert cell == datetime.datetime.fromisoformat(value), key
            elif isinstance(value, str):
                assert cell == cell_text(value), key
            else:
                assert isinstance(cell, str), key  # a list or an object, in words
    about = dict(_rows(book["about"])[1:])
    assert about["written by"].startswith("ilrs ") and about["title"] and about["data"]
    assert {f"field {key}" for key in header} <= set(about)


def test_dates_count_in_the_list_workbooks(ilrs: Runner, tmp_path: Path) -> None:
    """The members' and the timeline's dates as pandas reads them: start and end every row
    that has them, and the `date` a date cell where it is a day."""
    for name in ("members", "timeline", "signings"):
        target = tmp_path / f"{name}.xlsx"
        ilrs(name, "--format", "xlsx", "-o", str(target))
        frame = pd.read_excel(target, engine="openpyxl")
        for column in ("start", "end"):
            assert pd.to_datetime(frame[column]).notna().sum() == frame[column].notna().sum() > 0
        days = [value for value in frame["date"] if isinstance(value, datetime.datetime)]
        assert days, name


def test_a_workbook_goes_to_a_file_or_a_pipe_never_a_terminal(tmp_path: Path) -> None:
    runner = OnceBuiltRunner(env=PINNED_ENV)
    shown = runner.run(["payloads", "--format", "xlsx"], PINNED_ENV, tty=True)
    assert shown.exit_code == 2 and shown.stdout == ""
    assert "a terminal cannot show: add -o FILE" in shown.stderr
    target = tmp_path / "payloads.xlsx"
    assert (
        runner.run(["payloads", "-f", "xlsx", "-o", str(target)], PINNED_ENV, tty=True).exit_code
        == 0
    )
    piped = subprocess.run([sys.executable, "-m", "ilrs_cli", "payloads", "--format", "xlsx"],
                           capture_output=True, env=pinned(), timeout=60, check=True)  # fmt: skip
    assert piped.stdout == target.read_bytes()  # the same bytes: the workbook is reproducible


def test_output_refuses_a_table_and_an_existing_file(ilrs: Runner, tmp_path: Path) -> None:
    target = tmp_path / "payloads.xlsx"
    table = ilrs("payloads", "-o", str(target))
    assert table.exit_code == 2 and not target.exists()
    assert "choose its format with --format: json, csv" in table.stderr and "xlsx" in table.stderr
    target.write_text("kept", encoding="utf-8")
    kept = ilrs("payloads", "--format", "xlsx", "-o", str(target))
    assert kept.exit_code == 1 and "exists; add --force" in kept.stderr
    assert target.read_text(encoding="utf-8") == "kept"
    assert ilrs("payloads", "-f", "xlsx", "-o", str(target), "--force").exit_code == 0
    assert openpyxl.load_workbook(target).sheetnames == ["payloads", "about"]
    as_json = tmp_path / "payloads.json"
    assert ilrs("payloads", "--json", "-o", str(as_json)).exit_code == 0
    assert as_json.read_text(encoding="utf-8") == ilrs("payloads", "--json").stdout


def test_without_xlsxwriter_each_workbook_says_how_to_install_it(
    ilrs: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)  # import xlsxwriter fails
    for module in ("ilrs_cli.render.xlsx", "ilrs_cli.export.xlsx"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    for args in (["payloads", "--format", "xlsx", "-o"], ["export", "xlsx"]):
        outcome = ilrs(*args, str(tmp_path / "out.xlsx"))
        assert outcome.exit_code == 1 and outcome.exception is None
        assert outcome.stderr.endswith("needs XlsxWriter, which is not installed: pip install "
                                       "'ilrs-cli[xlsx]'\n")  # fmt: skip
        assert not (tmp_path / "out.xlsx").exists()


def test_the_export_command_writes_and_refuses(ilrs: Runner, tmp_path: Path) -> None:
    target = tmp_path / "ilrs.xlsx"
    first = ilrs("export", "xlsx", str(target))
    assert first.exit_code == 0 and "payloads 10" in first.stderr
    assert ilrs("export", "xlsx", str(target)).exit_code == 1
    assert ilrs("export", "xlsx", str(target), "--force").exit_code == 0


def test_sheet_names_are_names_excel_takes() -> None:
    names = sheet_names(["a" * 40, "A" * 40, "x/y[z]:*?", "", "payloads"])
    assert names == ["a" * 31, "A" * 29 + "~2", "x y z", "rows", "payloads"]


def test_a_cell_holds_what_excel_holds() -> None:
    long = "x" * (MOST_CHARACTERS + 10)
    data = workbook([Sheet("long", ("text",), [(long,), ("=1+1",), ("\x1b[31m",)])], "t")
    _, (cut,), (formula,), (control,) = _rows(openpyxl.load_workbook(io.BytesIO(data))["long"])
    assert len(cut) == MOST_CHARACTERS and cut.endswith("a cell holds 32,767)")
    assert formula == "=1+1" and control == "\\x1b[31m"
