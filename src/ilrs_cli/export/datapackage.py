"""The dataset as a Frictionless Data Package: a CSV file per table of the SQLite export, and
`datapackage.json` describing each with a Table Schema (types, keys, foreign keys)."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
from pathlib import Path

from ..core.errors import TargetInTheWay, WriteFailed
from ..core.licence import DATA_LICENCE
from ..core.records import Dataset
from ..core.safe_text import csv_cell, json_safe
from ..load.atomic import absolute, failed, kind_of, temporary_beside
from ..report.cells import number_text
from .tables import Table, Value, export_tables

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"


def _cell(value: Value) -> str:
    """A value as CSV text, by the rule of every CSV ilrs writes (`core.safe_text.csv_cell`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(value)
    return "" if value is None else csv_cell(value)


def _write_csv(table: Table, path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(column.name for column in table.columns)
        writer.writerows([_cell(value) for value in row] for row in table.rows)


def _schema(table: Table) -> dict[str, Any]:
    fields = []
    for column in table.columns:
        field: dict[str, Any] = {
            "name": column.name,
            "type": column.type,
            "description": column.description,
        }
        if column.required:
            field["constraints"] = {"required": True}
        fields.append(field)
    foreign_keys = []
    for column in table.columns:
        if column.references:
            parent, key = column.references
            reference: dict[str, Any] = {"fields": [key]}
            if parent != table.name:  # a reference to its own table names no resource
                reference = {"resource": parent, **reference}
            foreign_keys.append({"fields": [column.name], "reference": reference})
    schema: dict[str, Any] = {"fields": fields, "primaryKey": list(table.primary_key)}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def _resource(table: Table) -> dict[str, Any]:
    return {
        "name": table.name,
        "type": "table",
        "path": f"{table.name}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": table.description,
        "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
        "schema": _schema(table),
    }


def package_descriptor(dataset: Dataset, tables: list[Table]) -> dict[str, Any]:
    info = dataset.info
    stem = Path(dataset.path).stem.lower()
    descriptor: dict[str, Any] = {
        "$schema": PROFILE,
        "name": re.sub(r"[^a-z0-9._-]+", "-", stem).strip("-") or "ilrs",
        "title": info.title,
        "version": info.version,
    }
    if info.description:
        descriptor["description"] = info.description
    descriptor["licenses"] = [DATA_LICENCE]
    descriptor["sources"] = [{"title": s.title, "path": s.url} for s in dataset.sources]
    descriptor["resources"] = [_resource(table) for table in tables]
    return descriptor


def _write(tables: list[Table], dataset: Dataset, directory: Path) -> dict[str, int]:
    for table in tables:
        _write_csv(table, directory / f"{table.name}.csv")
    text = json_safe(json.dumps(package_descriptor(dataset, tables), ensure_ascii=False, indent=2))
    (directory / "datapackage.json").write_text(text + "\n", encoding="utf-8", newline="\n")
    return {table.name: len(table.rows) for table in tables}


def _own_names(tables: list[Table]) -> set[str]:
    """The names of the files an export writes: ilrs recognises an earlier export by them."""
    return {"datapackage.json", *(f"{table.name}.csv" for table in tables)}


def _in_the_way(directory: Path, own: set[str]) -> list[str]:
    """What in `directory` ilrs did not write: anything but its own regular files."""
    found = []
    for entry in sorted(os.listdir(directory)):
        path = directory / entry
        kind = kind_of(path)
        if entry not in own or kind != "a regular file":
            found.append(f"{entry}/ (a directory)" if kind == "a directory" else
                         entry if kind == "a regular file" else f"{entry} ({kind})")  # fmt: skip
    return found


def _check_target(directory: Path, own: set[str], force: bool) -> bool:
    """Whether `directory` exists (then empty, or an earlier export with `force`); raise
    TargetInTheWay listing what is in the way otherwise."""
    if not os.path.lexists(directory):
        return False
    kind = kind_of(directory)
    if kind != "a directory":
        raise TargetInTheWay(str(directory), [f"{directory} ({kind})"], replaceable=False)
    here = Path.cwd().resolve()
    if directory.resolve() in (here, *here.parents):
        raise WriteFailed(
            str(directory), "it is the working directory, or holds it; name a directory to "
            "create, such as ilrs-data"
        )  # fmt: skip
    entries = os.listdir(directory)
    if not entries:
        return True
    found = _in_the_way(directory, own)
    if found:
        shown = found[:10] + ([f"and {len(found) - 10} more"] if len(found) > 10 else [])
        raise TargetInTheWay(str(directory), shown, replaceable=False)
    if not force:
        raise TargetInTheWay(str(directory), [], replaceable=True)
    return True


def _remove_export(directory: Path, own: set[str]) -> None:
    """Remove an earlier export: its own files, then the directory if nothing else is in it."""
    for name in own:
        with contextlib.suppress(FileNotFoundError):
            (directory / name).unlink()
    with contextlib.suppress(OSError):
        directory.rmdir()


def write_datapackage(dataset: Dataset, directory: Path, force: bool = False) -> dict[str, int]:
    """Write the dataset as a data package in `directory`; return each table's row count.
    The directory may be missing or empty; an earlier export (only files an export writes)
    is replaced only with `force`; anything else is never replaced (TargetInTheWay lists it).
    The new package appears whole or not at all."""
    shown = Path(directory)
    directory = absolute(shown)
    tables = export_tables(dataset)
    own = _own_names(tables)
    exists = _check_target(shown, own, force)
    building = temporary_beside(directory)
    previous = temporary_beside(directory, ".old")
    try:
        building.mkdir()
    except OSError as error:
        raise failed(shown, error) from None
    try:
        counts = _write(tables, dataset, building)
        if exists:
            directory.rename(previous)
        try:
            building.rename(directory)
        except BaseException:
            if exists:
                previous.rename(directory)
            raise
    except BaseException as error:
        _remove_export(building, own)
        if isinstance(error, OSError):
            raise failed(shown, error) from None
        raise
    if exists:
        _remove_export(previous, own)
    return counts
