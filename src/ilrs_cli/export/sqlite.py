"""The dataset as an SQLite database: the export's tables (export.tables), each with its
keys and typed columns, and a view per list command whose rows are the command's `--json`
objects (export.views); written whole or not at all.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from ..core.errors import WriteFailed
from ..core.records import Dataset
from ..load.atomic import absolute, check_file_target, failed, temporary_beside
from .tables import Table, export_tables
from .views import all_views, quote

# A date column is declared DATE (an ISO day as text): sqlite3's PARSE_DECLTYPES and
# Datasette read it as a date.
SQL_TYPES = {
    "string": "TEXT",
    "date": "DATE",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
}


def _create_table(table: Table, referenced: set[tuple[str, str]]) -> str:
    parts = []
    for column in table.columns:
        sql = f"{quote(column.name)} {SQL_TYPES[column.type]}"
        if column.required:
            sql += " NOT NULL"
        if (table.name, column.name) in referenced and table.primary_key != (column.name,):
            sql += " UNIQUE"  # a foreign key's target must be unique
        if column.references:
            sql += f" REFERENCES {quote(column.references[0])} ({quote(column.references[1])})"
        parts.append(sql)
    parts.append(f"PRIMARY KEY ({', '.join(quote(name) for name in table.primary_key)})")
    return f"CREATE TABLE {quote(table.name)} (\n  " + ",\n  ".join(parts) + "\n)"


def _fill(connection: sqlite3.Connection, tables: list[Table]) -> None:
    referenced = {c.references for t in tables for c in t.columns if c.references}
    connection.execute("BEGIN")
    for table in tables:
        if table.view:
            continue  # all_views writes it
        connection.execute(_create_table(table, referenced))
        marks = ", ".join("?" * len(table.columns))
        connection.executemany(f"INSERT INTO {quote(table.name)} VALUES ({marks})", table.rows)
    for name, select in all_views().items():
        connection.execute(f"CREATE VIEW {name} AS{select}")
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        shown = ", ".join(f"{table} row {row} -> {parent}" for table, row, parent, _ in broken[:5])
        raise ValueError(f"the dataset's links do not hold in the export: {shown}")
    connection.execute("COMMIT")


def write_sqlite(dataset: Dataset, path: Path, force: bool = False) -> dict[str, int]:
    """Write the dataset to the SQLite database `path`; return each table's row count.
    An existing regular file is replaced only with `force`, anything else never
    (TargetInTheWay); the file appears whole or not at all. WriteFailed when SQLite or the
    system cannot write it (a full disk, a directory that may not be written in)."""
    shown = Path(path)
    path = absolute(shown)
    check_file_target(shown, force)
    if not path.parent.is_dir():
        raise WriteFailed(str(shown), f"there is no directory {path.parent} to write it in")
    tables = export_tables(dataset)
    temporary = temporary_beside(path)
    try:
        # as bytes: a file name with an undecodable byte is a name SQLite opens as any other
        connection = sqlite3.connect(os.fsencode(temporary), isolation_level=None)
        try:
            _fill(connection, tables)
        finally:
            connection.close()
        os.replace(temporary, path)
    except BaseException as error:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if isinstance(error, sqlite3.Error):
            raise WriteFailed(str(shown), str(error)) from None
        if isinstance(error, OSError):
            raise failed(shown, error) from None
        raise
    return {table.name: len(table.rows) for table in tables}
