"""The dataset as a Frictionless Data Package: a CSV file per table of the SQLite export, and
`datapackage.json` describing each with a Table Schema (types, keys, foreign keys)."""

from __future__ import annotations

import contextlib
import csv
import json
import re
import secrets
import shutil
from pathlib import Path
from typing import Any

from ..core.records import Dataset
from ..core.text import csv_cell
from .sqlite import Table, Value, export_tables

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
LICENSE = {"name": "MIT", "path": "https://opensource.org/licenses/MIT", "title": "MIT License"}


def _cell(value: Value) -> str:
    """A value as CSV text, by the rule of every CSV ilrs writes (`core.text.csv_cell`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
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
    descriptor["licenses"] = [LICENSE]
    descriptor["sources"] = [{"title": s.title, "path": s.url} for s in dataset.sources]
    descriptor["resources"] = [_resource(table) for table in tables]
    return descriptor


def _write(dataset: Dataset, directory: Path) -> dict[str, int]:
    tables = export_tables(dataset)
    for table in tables:
        _write_csv(table, directory / f"{table.name}.csv")
    text = json.dumps(package_descriptor(dataset, tables), ensure_ascii=False, indent=2)
    (directory / "datapackage.json").write_text(text + "\n", encoding="utf-8", newline="\n")
    return {table.name: len(table.rows) for table in tables}


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def write_datapackage(dataset: Dataset, directory: Path, force: bool = False) -> dict[str, int]:
    """Write the dataset as a data package in `directory`; return each table's row count.
    A directory that holds anything is replaced only with `force`; the new one appears whole
    or not at all."""
    directory = Path(directory)
    exists = directory.exists() or directory.is_symlink()
    if exists and not force and (not directory.is_dir() or any(directory.iterdir())):
        raise FileExistsError(f"{directory} exists and is not empty; use force to replace it")
    token = secrets.token_hex(4)
    building = directory.with_name(f".{directory.name}.{token}.tmp")
    previous = directory.with_name(f".{directory.name}.{token}.old")
    building.mkdir()
    try:
        counts = _write(dataset, building)
        if exists:
            directory.rename(previous)
        try:
            building.rename(directory)
        except BaseException:
            if exists:
                previous.rename(directory)
            raise
    except BaseException:
        _remove(building)
        raise
    if exists:
        _remove(previous)
    return counts
