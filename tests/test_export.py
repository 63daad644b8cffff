"""Exports: the SQLite database (tables, keys, views equal to --json) and the Frictionless Data
Package (valid, foreign keys hold, UTF-8 CSV with LF line ends); both refuse to overwrite and
leave no temporary files."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import frictionless
import pytest

from ilrs_cli import __version__
from ilrs_cli.core.kinds import KINDS
from ilrs_cli.core.licence import DATA_LICENCE
from ilrs_cli.core.records import Dataset
from ilrs_cli.export import EXPORTS, exporter
from ilrs_cli.export.datapackage import write_datapackage
from ilrs_cli.export.datasette import write_database
from ilrs_cli.export.sqlite import write_sqlite
from ilrs_cli.export.xlsx import write_workbook
from ilrs_cli.load import load_dataset
from ilrs_cli.report.commands import COLUMNS_BY_COMMAND
from tests.conftest import FROZEN, Runner

# Every record kind has its table; the export may add link tables beside them.
KIND_TABLES = {"places", *(kind.plural for kind in KINDS)}


def names_of(db: sqlite3.Connection, what: str) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type=?", (what,))}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(FROZEN)


@pytest.fixture(scope="module")
def export(
    dataset: Dataset, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("sqlite") / "ilrs.sqlite"
    return path, write_sqlite(dataset, path)


@pytest.fixture
def db(export: tuple[Path, dict[str, int]]) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{export[0]}?mode=ro", uri=True)
    yield connection
    connection.close()


def expected_counts(dataset: Dataset) -> dict[str, int]:
    counts = {kind.plural: len(getattr(dataset, kind.plural)) for kind in KINDS}
    return {
        **counts,
        "places": len(dataset.places),
        "standings": len(dataset.places),
        "payload_institutions": sum(len(p.institutions) for p in dataset.payloads),
        "citations": sum(
            len(getattr(record, "sources", ()))
            for kind in KINDS
            for record in getattr(dataset, kind.plural)
        ),
        "_meta": 5,
    }


def test_tables_and_row_counts(
    db: sqlite3.Connection, export: tuple[Path, dict[str, int]], dataset: Dataset
) -> None:
    tables = names_of(db, "table")
    assert tables >= KIND_TABLES | {"_meta"}
    written = tables | {"country_summary"}  # a view here, a table of the data package
    counts = {name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in written}
    assert counts == export[1]
    expected = expected_counts(dataset)
    assert {name: counts[name] for name in expected if name in tables} == expected
    signings = {e.id for e in dataset.events if e.id.endswith("-signs")}
    assert signings
    assert signings <= {row[0] for row in db.execute("SELECT id FROM events")}
    specials = db.execute("SELECT name, code FROM places WHERE code IS NULL ORDER BY name")
    assert specials.fetchall() == [("international organization", None), ("unknown", None)]


def test_columns_are_typed(db: sqlite3.Connection) -> None:
    events = {row[1]: row[2] for row in db.execute("PRAGMA table_info(events)")}
    assert [events[name] for name in ("id", "date", "start", "end", "position")] == [
        "TEXT", "TEXT", "DATE", "DATE", "INTEGER"
    ]  # fmt: skip
    assert db.execute("SELECT date, start, \"end\" FROM events WHERE date LIKE '%/%'").fetchone()
    assert {row[1]: row[2] for row in db.execute("PRAGMA table_info(sources)")}["untitled"] == (
        "INTEGER"
    )


def test_foreign_keys_are_declared_and_hold(db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    links = {
        (table, row[3], row[2], row[4])
        for table in names_of(db, "table")
        for row in db.execute(f'PRAGMA foreign_key_list("{table}")')
    }
    assert {
        ("members", "via", "members", "id"),
        ("members", "country", "places", "name"),
        ("institutions", "country", "places", "name"),
        ("payload_institutions", "payload_id", "payloads", "id"),
        ("payload_institutions", "institution_id", "institutions", "id"),
        ("citations", "source_id", "sources", "id"),
    } <= links
    # citations.record_id refers to a record of any kind: checked here, not by a key
    orphans = [
        row
        for kind in KINDS
        for row in db.execute(
            f"SELECT record_id FROM citations WHERE record_kind = ? "
            f"AND record_id NOT IN (SELECT id FROM {kind.plural})",
            (kind.name,),
        )
    ]
    assert orphans == []


def test_meta(db: sqlite3.Connection, dataset: Dataset) -> None:
    meta = dict(db.execute("SELECT key, value FROM _meta"))
    assert meta == {
        "title": dataset.info.title,
        "version": dataset.info.version,
        "as_of": dataset.info.as_of.isoformat(),
        "description": dataset.info.description,
        "tool_version": __version__,
    }


def test_each_view_equals_the_json_of_its_list_command(
    db: sqlite3.Connection, ilrs: Runner
) -> None:
    views = sorted(names_of(db, "view") - {"country_summary"})
    assert len(views) >= 5
    for view in views:
        command = view.removeprefix("list_")
        assert command in COLUMNS_BY_COMMAND, view
        assert_view_equals(db, view, ilrs(command, "--json").json())


def test_country_summary_is_the_flat_columns_of_countries_one_row_a_place(
    db: sqlite3.Connection, ilrs: Runner
) -> None:
    """The rows of `ilrs countries --json` with the keys that hold one value; the
    two-member place (Ethiopia in the fixture) is one row."""
    items = ilrs("countries", "--json").json()
    flat = [key for key in items[0] if not any(isinstance(i[key], list | dict) for i in items)]
    assert {"ilrs_level", "ilrs_start", "artemis_date", "change8_payloads"} <= set(flat)
    assert flat == [c[0] for c in db.execute("SELECT * FROM country_summary").description]
    assert_view_equals(db, "country_summary", [{k: i[k] for k in flat} for i in items])
    places = [row[0] for row in db.execute("SELECT country FROM country_summary")]
    assert len(places) == len(set(places)) == len(items)


def assert_view_equals(db: sqlite3.Connection, view: str, expected: list[dict[str, Any]]) -> None:
    cursor = db.execute(f"SELECT * FROM {view}")
    keys = [column[0] for column in cursor.description]
    rows = cursor.fetchall()
    assert expected and len(rows) == len(expected)
    for row, item in zip(rows, expected, strict=True):
        assert keys == list(item)
        for key, cell in zip(keys, row, strict=True):
            value = json.loads(cell) if isinstance(item[key], list | dict) else cell
            assert value == item[key], (item["id" if "id" in item else "country"], key)


def test_sqlite_refuses_to_overwrite_and_leaves_no_temporary_files(
    dataset: Dataset, tmp_path: Path, export: tuple[Path, dict[str, int]]
) -> None:
    path = tmp_path / "out.db"
    path.write_text("keep me")
    with pytest.raises(FileExistsError, match="force"):
        write_sqlite(dataset, path)
    assert path.read_text() == "keep me"
    write_sqlite(dataset, path, force=True)
    assert [p.name for p in tmp_path.iterdir()] == ["out.db"]
    assert path.read_bytes() == export[0].read_bytes()  # deterministic: no export time


def test_sqlite_failure_removes_the_temporary_file(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_sqlite(dataset, tmp_path / "out.db")
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def package(
    dataset: Dataset, tmp_path_factory: pytest.TempPathFactory, export: tuple[Path, dict[str, int]]
) -> Path:
    directory = tmp_path_factory.mktemp("package") / "ilrs"
    assert write_datapackage(dataset, directory) == export[1]
    return directory


def test_datapackage_is_valid_with_foreign_keys(package: Path) -> None:
    report = frictionless.Package(str(package / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    keys = {
        (resource["name"], key["fields"][0], key["reference"].get("resource", resource["name"]))
        for resource in descriptor["resources"]
        for key in resource["schema"].get("foreignKeys", [])
    }
    assert ("members", "via", "members") in keys
    assert ("citations", "source_id", "sources") in keys


def test_datapackage_catches_a_broken_foreign_key(package: Path, tmp_path: Path) -> None:
    """The validation above does check foreign keys: a member via nowhere is reported."""
    for path in package.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    members = tmp_path / "members.csv"
    rows = list(csv.reader(members.open(encoding="utf-8", newline="")))
    via = rows[0].index("via")
    rows[1][via] = "nowhere"
    with members.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(rows)
    report = frictionless.Package(str(tmp_path / "datapackage.json")).validate()
    assert [error[0] for error in report.flatten(["type"])] == ["foreign-key"]


def test_datapackage_metadata(package: Path, dataset: Dataset, db: sqlite3.Connection) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["title"] == dataset.info.title
    assert descriptor["version"] == dataset.info.version
    assert descriptor["licenses"] == [DATA_LICENCE]
    assert descriptor["sources"][0] == {
        "title": dataset.sources[0].title,
        "path": dataset.sources[0].url,
    }
    assert {r["name"] for r in descriptor["resources"]} == names_of(db, "table") | {
        "country_summary"
    }
    events = next(r for r in descriptor["resources"] if r["name"] == "events")["schema"]
    types = {field["name"]: field["type"] for field in events["fields"]}
    assert (types["date"], types["start"], types["end"]) == ("string", "date", "date")
    assert events["primaryKey"] == ["id"]
    event_field = next(field for field in events["fields"] if field["name"] == "event")
    assert event_field["description"] == "What happens."


def test_datapackage_csv_is_utf8_with_lf_and_matches_sqlite(
    package: Path, db: sqlite3.Connection
) -> None:
    for name in names_of(db, "table"):
        data = (package / f"{name}.csv").read_bytes()
        text = data.decode("utf-8")
        assert b"\r" not in data and data.endswith(b"\n"), name
        header, *rows = csv.reader(text.splitlines())
        columns = [row[1] for row in db.execute(f'PRAGMA table_info("{name}")')]
        assert header == columns
        assert len(rows) == db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]


def test_datapackage_refuses_a_non_empty_directory(dataset: Dataset, tmp_path: Path) -> None:
    target = tmp_path / "package"
    target.mkdir()
    write_datapackage(dataset, target)  # an empty directory is fine
    with pytest.raises(FileExistsError, match="force"):
        write_datapackage(dataset, target)  # an earlier export: only with force
    write_datapackage(dataset, target, force=True)
    (target / "extra.txt").write_text("mine")
    with pytest.raises(FileExistsError, match="extra.txt"):
        write_datapackage(dataset, target, force=True)  # never what ilrs did not write
    assert (target / "extra.txt").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["package"]


def test_datapackage_failure_leaves_the_old_directory(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ilrs_cli.export import datapackage

    target = tmp_path / "package"
    write_datapackage(dataset, target)
    old = {p.name: p.read_bytes() for p in target.iterdir()}

    def fail(*args: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(datapackage, "_write_csv", fail)
    with pytest.raises(OSError, match="disk full"):
        write_datapackage(dataset, target, force=True)
    assert [p.name for p in tmp_path.iterdir()] == ["package"]
    assert {p.name: p.read_bytes() for p in target.iterdir()} == old


def test_exporter_registry_is_lazy() -> None:
    assert exporter("sqlite") is write_database  # write_sqlite, then Datasette's metadata
    assert exporter("datapackage") is write_datapackage
    assert exporter("xlsx") is write_workbook
    assert set(EXPORTS) == {"sqlite", "datapackage", "xlsx"}
    with pytest.raises(ValueError, match="sqlite, datapackage, xlsx"):
        exporter("excel")
    code = (
        "import sys, ilrs_cli.export\n"
        "print(sorted(m for m in sys.modules if 'sqlite' in m or 'xlsx' in m.lower()))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_export_commands_write_refuse_and_force(ilrs: Runner, tmp_path: Path) -> None:
    database, package = tmp_path / "ilrs.db", tmp_path / "package"
    first = ilrs("export", "sqlite", str(database))
    assert first.exit_code == 0 and "payloads 10" in first.stderr
    assert ilrs("export", "sqlite", str(database)).exit_code == 1
    assert ilrs("export", "sqlite", str(database), "--force").exit_code == 0
    assert ilrs("export", "datapackage", str(package)).exit_code == 0
    assert (package / "datapackage.json").exists()
    assert ilrs("export", "datapackage", str(package)).exit_code == 1


def test_data_path_and_copy(ilrs: Runner, tmp_path: Path) -> None:
    from ilrs_cli.load.reader import bundled_path

    assert ilrs("data", "path").stdout.strip() == str(bundled_path())
    copy = tmp_path / "copy.toml"
    assert ilrs("data", "copy", str(copy)).exit_code == 0
    assert copy.read_bytes() == Path(bundled_path()).read_bytes()
    assert ilrs("data", "copy", str(copy)).exit_code == 1
    assert ilrs("data", "copy", str(copy), "--force").exit_code == 0
    assert ilrs("--data", str(copy), "check").exit_code == 0
