"""The exports as the programs people read them with see them (issue 32): Datasette, run
in-process, serves the data's licence, its source and the descriptions; every description
the exports publish is in plain words; pandas parses every column the exports declare a date;
the flat row of each place (`country_summary`, `ilrs countries --csv`) is one a place, by the
rule its columns state. Pictures and the page under lxml are in tests/writers/test_files.py."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from ilrs_cli.core.licence import DATA_LICENCE
from ilrs_cli.export.datapackage import write_datapackage
from ilrs_cli.export.datasette import metadata_path, write_database
from ilrs_cli.load import load_dataset
from tests.conftest import FROZEN, Runner

ROOT = Path(__file__).resolve().parents[1]
# Maintainer notation: code marks, TOML table headers and assignments, <placeholders>.
NOTATION = re.compile(r'`|\[\[| = "|<[^<>]+>')

# The frozen fixture with Pakistan given a second, earlier ILRS record (subnational, signed
# in 2022) and the United States signing the Accords, which Hawaii lies in.
FLAT_CASE = (
    FROZEN.read_text(encoding="utf-8")
    .replace('"Hawaii" = "US-HI"', '"Hawaii" = "US-HI"\n"United States" = "US"', 1)
    .replace(
        "[[members]]\n",
        '[[members]]\nid = "pakistan-entities"\nname = "Entities in Pakistan"\n'
        'country = "Pakistan"\nlevel = "subnational"\nstatus = "signed"\ndate = "2022"\n'
        'sources = [{ id = "spacenews", at = "paragraph 19" }]\n\n[[members]]\n',
        1,
    )
    .replace(
        "[[signatories]]\n",
        '[[signatories]]\nid = "artemis-united-states"\ncountry = "United States"\n'
        'date = "2020-10-13"\nsources = [{ id = "spacenews", at = "page" }]\n\n'
        "[[signatories]]\n",
        1,
    )
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The SQLite export (with its metadata) and the data package of the frozen fixture."""
    directory = tmp_path_factory.mktemp("consumers")
    dataset = load_dataset(FROZEN)
    write_database(dataset, directory / "ilrs.db")
    write_datapackage(dataset, directory / "package")
    return directory / "ilrs.db", directory / "package"


def _described(value: Any, where: str = "") -> list[tuple[str, str]]:
    """Every title, description, licence and source text in a descriptor, with its path."""
    found = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if where.endswith("/columns") and isinstance(inner, str):
                found.append((f"{where}/{key}", inner))  # Datasette: column -> description
            elif key in ("title", "description", "license", "source") and isinstance(inner, str):
                found.append((f"{where}/{key}", inner))
            elif key != "sources":  # the sources' own titles are the data's
                found += _described(inner, f"{where}/{key}")
    elif isinstance(value, list):
        for number, inner in enumerate(value):
            found += _described(inner, f"{where}/{number}")
    return found


def test_every_description_the_exports_publish_is_in_plain_words(
    exported: tuple[Path, Path],
) -> None:
    database, package = exported
    metadata = json.loads(metadata_path(database).read_text(encoding="utf-8"))
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    texts = _described(metadata) + _described(descriptor)
    assert len(texts) > 200  # every table, view and column
    marked = [f"{where}: {text}" for where, text in texts if NOTATION.search(text)]
    assert not marked, "\n".join(marked)


def test_the_data_licence_is_stated_apart_from_the_codes(exported: tuple[Path, Path]) -> None:
    database, package = exported
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"] == [DATA_LICENCE]
    assert set(DATA_LICENCE) == {"name", "path", "title"}
    assert DATA_LICENCE["name"] == "CC-BY-4.0"
    metadata = json.loads(metadata_path(database).read_text(encoding="utf-8"))
    for about in (metadata, metadata["databases"]["ilrs"]):
        assert (about["license"], about["license_url"]) == (
            DATA_LICENCE["title"], DATA_LICENCE["path"]
        )  # fmt: skip
        assert about["source"].startswith(load_dataset(FROZEN).info.title)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    licence = readme.split("## Licence", 1)[1]
    assert DATA_LICENCE["path"] in licence and "CC BY 4.0" in licence and "MIT" in licence


def test_datasette_serves_the_licence_source_and_descriptions(
    exported: tuple[Path, Path],
) -> None:
    """Datasette's own app, in-process (no server, no network), reads the export and its
    metadata as `datasette ilrs.db -m ilrs.metadata.json` would."""
    from datasette.app import Datasette

    database, _ = exported
    metadata = json.loads(metadata_path(database).read_text(encoding="utf-8"))

    async def pages() -> tuple[str, str]:
        app = Datasette(files=[str(database)], metadata=metadata)
        members = await app.client.get("/ilrs/members")
        summary = await app.client.get("/ilrs/country_summary")
        assert members.status_code == summary.status_code == 200
        return members.text, summary.text

    members, summary = asyncio.run(pages())
    assert re.search(
        r'Data license:\s*<a href="' + re.escape(DATA_LICENCE["path"]) + r'">'
        + re.escape(DATA_LICENCE["title"]) + "</a>", members
    )  # fmt: skip
    assert "Data source: Chang&#39;e-8 international payloads" in members
    described = metadata["databases"]["ilrs"]["tables"]["members"]["columns"]["status"]
    assert f"<dt>status</dt><dd>{described}</dd>" in members
    ilrs_level = metadata["databases"]["ilrs"]["tables"]["country_summary"]["columns"]
    assert f"<dt>ilrs_level</dt><dd>{ilrs_level['ilrs_level']}</dd>" in summary


def _date_columns(package: Path) -> dict[str, list[str]]:
    """Each resource of the package and its columns declared dates (Table Schema `date`)."""
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    return {
        resource["name"]: [f["name"] for f in resource["schema"]["fields"] if f["type"] == "date"]
        for resource in descriptor["resources"]
    }


def test_pandas_parses_every_column_declared_a_date(exported: tuple[Path, Path]) -> None:
    """In the package's CSVs and in SQLite (its tables and the country_summary view): a
    column with a fuzzy date (2028/2029) is a string, beside ISO start and end days."""
    import pandas as pd

    database, package = exported
    dates = _date_columns(package)
    assert {"ilrs_start", "artemis_start"} <= set(dates["country_summary"])
    db = sqlite3.connect(database)
    for name, columns in dates.items():
        frame = pd.read_csv(package / f"{name}.csv", dtype=str, keep_default_na=False)
        stored = pd.read_sql_query(f'SELECT * FROM "{name}"', db)
        for column in columns:
            for values in (frame[column].replace("", None), stored[column]):
                parsed = pd.to_datetime(values, format="ISO8601")
                assert parsed.notna().sum() == values.notna().sum(), (name, column)
    declared = {
        (table, row[1])
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for row in db.execute(f'PRAGMA table_info("{table}")')
        if row[2] == "DATE"
    }
    assert declared == {(name, c) for name, columns in dates.items() for c in columns} - {
        ("country_summary", c) for c in dates["country_summary"]
    }  # SQLite's DATE columns are the package's dates (a view declares no types)


@pytest.fixture(scope="module")
def flat_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("flat") / "flat.toml"
    path.write_text(FLAT_CASE, encoding="utf-8")
    return path


def test_one_flat_row_a_place_by_the_stated_rule(
    ilrs: Runner, flat_case: Path, tmp_path: Path
) -> None:
    """Pakistan's two ILRS records make one row (the highest level and its status, the
    first date of any record, a count of records); Hawaii carries the United States' Accords
    date, as the standing's artemis_id reaches it. The CSV, the package and SQLite agree."""
    assert ilrs("check", str(flat_case)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(ilrs("--data", str(flat_case), "countries",
                                                "--csv").stdout)))  # fmt: skip
    assert len(rows) == len({row["country"] for row in rows})
    by_place = {row["country"]: row for row in rows}
    pakistan = by_place["Pakistan"]
    assert (pakistan["ilrs_level"], pakistan["ilrs_status"], pakistan["ilrs_date"],
            pakistan["ilrs_start"], pakistan["ilrs_records"]) == (
        "national", "signed", "2022", "2022-01-01", "2"
    )  # fmt: skip
    hawaii = by_place["Hawaii"]
    assert (hawaii["artemis_date"], hawaii["artemis_start"]) == ("2020-10-13", "2020-10-13")
    assert hawaii["ilrs_level"] == "subnational"
    for item in ilrs("--data", str(flat_case), "countries", "--json").json():
        missions = [payload["mission"] for payload in item["payloads"]]
        row = by_place[item["country"]]
        assert (row["change7_payloads"], row["change8_payloads"]) == (
            str(missions.count("Chang'e-7")), str(missions.count("Chang'e-8"))
        )  # fmt: skip
    assert sum(int(row["change8_payloads"]) for row in rows) > 0
    dataset = load_dataset(flat_case)
    write_database(dataset, tmp_path / "flat.db")
    write_datapackage(dataset, tmp_path / "package")
    db = sqlite3.connect(tmp_path / "flat.db")
    naive = db.execute(
        "SELECT count(*) FROM places AS pl JOIN members AS m ON m.country = pl.name "
        "WHERE pl.name = 'Pakistan'"
    ).fetchone()[0]
    assert naive == 2  # the join the flat row spares its reader
    cursor = db.execute("SELECT * FROM country_summary")
    columns = [c[0] for c in cursor.description]
    stored = [{k: "" if v is None else str(v) for k, v in zip(columns, row, strict=True)}
              for row in cursor]  # fmt: skip
    assert stored == [{k: row[k] for k in columns} for row in rows]
    with (tmp_path / "package" / "country_summary.csv").open(encoding="utf-8") as file:
        assert list(csv.DictReader(file)) == stored
