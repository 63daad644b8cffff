"""`check` accepts only what the exports can write with their keys holding: every event,
fact and payload names a [[missions]] record (also when the file has none), and signing dates
need the ILRS mission their signing events are on. The corpus in tests/hostile/ holds the
files that used to pass; here, files that pass export cleanly."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import frictionless
import openpyxl
import pytest

from ilrs_cli.export.datapackage import write_datapackage
from ilrs_cli.export.sqlite import write_sqlite
from ilrs_cli.export.xlsx import write_workbook
from ilrs_cli.load import load_dataset

from .conftest import Runner
from .test_loader import VALID

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from make_dataset import dataset_text  # noqa: E402

PASSING = {
    "minimal": VALID,
    "a signing": VALID.replace('status = "reported"', 'status = "signed"\ndate = "2024-05-01"'),
    "a payload on a mission": VALID.replace('kind = "rover"', 'kind = "rover"\nmission = "ILRS"'),
    "the benchmark's": dataset_text(300),
}


@pytest.mark.parametrize("name", PASSING)
def test_what_check_passes_exports_with_its_keys_holding(
    ilrs: Runner, tmp_path: Path, name: str
) -> None:
    path = tmp_path / "data.toml"
    path.write_text(PASSING[name], encoding="utf-8")
    assert ilrs("check", str(path)).exit_code == 0, ilrs("check", str(path)).stderr
    exports_hold(path, tmp_path)


def exports_hold(path: Path, tmp_path: Path) -> None:
    """The file's SQLite export, with its foreign keys holding and every view running, its
    data package, which frictionless validates, and its workbook, which openpyxl reads with a
    sheet of as many rows as each table of the export and no formula."""
    dataset = load_dataset(path)
    write_sqlite(dataset, tmp_path / "out.db")  # checks its foreign keys
    db = sqlite3.connect(tmp_path / "out.db")
    views = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'")]
    assert "country_summary" in views
    for view in views:
        db.execute(f'SELECT * FROM "{view}"').fetchall()
    write_datapackage(dataset, tmp_path / "package")
    report = frictionless.validate(str(tmp_path / "package" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    counts = write_workbook(dataset, tmp_path / "out.xlsx")
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    for name, count in counts.items():
        sheet = book[name]
        assert sheet.max_row == count + 1, name
        assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


TESTS = Path(__file__).parent
FILES = sorted(
    path
    for path in [
        *(TESTS / "hostile" / "accepted").glob("*.toml"),
        *(TESTS / "fixtures").glob("*.toml"),
    ]
    # tests/test_export.py validates the frozen fixture's exports; payload-masses.toml has a
    # field that only its tests declare, so check refuses it
    if path.name not in {"chang8-frozen.toml", "payload-masses.toml"}
)


@pytest.mark.parametrize("path", FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_file_check_passes_exports_a_valid_package_and_working_views(
    ilrs: Runner, tmp_path: Path, path: Path
) -> None:
    """The accepted hostile corpus and the fixtures: each file `check` passes exports a data
    package frictionless validates and an SQLite database whose every view runs."""
    assert ilrs("check", str(path)).exit_code == 0
    exports_hold(path, tmp_path)


def test_a_payload_on_an_unknown_mission_fails_check(ilrs: Runner, tmp_path: Path) -> None:
    path = tmp_path / "data.toml"
    path.write_text(VALID.replace('kind = "rover"', 'kind = "rover"\nmission = "CE-9"'))
    outcome = ilrs("check", str(path))
    assert outcome.exit_code == 1
    assert "'mission' is 'CE-9'; use one of the [[missions]] names: Chang'e-8, ILRS" in (
        outcome.stderr
    )
