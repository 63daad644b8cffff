"""The dataset as an Excel workbook: a sheet per table of the SQLite export (export.tables),
with typed cells (render/xlsx.py), and `about`: the dataset's title, version, as-of date,
source and licence, and what each sheet holds."""

from __future__ import annotations

from pathlib import Path

from .. import __version__
from ..core.field_types import DATE
from ..core.licence import DATA_LICENCE
from ..core.records import Dataset
from ..core.schema import TABLES
from ..load.atomic import check_file_target, write_atomically
from ..render.xlsx import Cell, Sheet, day_or_text, workbook
from .tables import Column, Table, Value, export_tables


def _fuzzy_dates(table: Table) -> set[str]:
    """The columns of `table` that hold a date with its source's precision ("2024-05")."""
    spec = TABLES.get(table.name)
    fields = spec.fields if spec is not None else ()
    return {field.name for field in fields if field.type is DATE}


def _cell(column: Column, fuzzy: bool, value: Value) -> Cell:
    if isinstance(value, str) and (fuzzy or column.type == "date"):
        return day_or_text(value)
    if column.type == "boolean" and isinstance(value, int):
        return bool(value)
    return value


def _sheet(table: Table) -> Sheet:
    fuzzy = _fuzzy_dates(table)
    columns = [(column, column.name in fuzzy) for column in table.columns]
    rows = [
        [_cell(column, dated, value) for (column, dated), value in zip(columns, row, strict=True)]
        for row in table.rows
    ]
    return Sheet(table.name, tuple(column.name for column in table.columns), rows)


def _about(dataset: Dataset, tables: list[Table]) -> Sheet:
    info = dataset.info
    rows: list[tuple[Cell, ...]] = [("title", info.title)]
    if info.description:
        rows.append(("description", info.description))
    rows += [
        ("version", info.version),
        ("as of", info.as_of),
        ("source", f"Compiled from {len(dataset.sources)} sources, each cited by the records "
                   "it supports: the sources sheet lists each, with its URL; citations links "
                   "them."),
        ("licence", f"{DATA_LICENCE['title']} ({DATA_LICENCE['path']})"),
        ("written by", f"ilrs {__version__}"),
    ]  # fmt: skip
    rows += [(f"sheet {t.name}", f"{len(t.rows)} rows. {t.description}") for t in tables]
    return Sheet("about", ("key", "value"), rows)


def write_workbook(dataset: Dataset, path: Path, force: bool = False) -> dict[str, int]:
    """Write the dataset to the workbook `path`; return each table's row count. An existing
    regular file is replaced only with `force`, anything else never (TargetInTheWay); the
    file appears whole or not at all (WriteFailed when it cannot be written)."""
    check_file_target(Path(path), force)  # before the work of building it
    tables = export_tables(dataset)
    sheets = [*(_sheet(table) for table in tables), _about(dataset, tables)]
    write_atomically(Path(path), workbook(sheets, dataset.info.title), force)
    return {table.name: len(table.rows) for table in tables}
