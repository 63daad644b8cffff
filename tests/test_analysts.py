"""The data in analysts' tools: the payload-country link table (SQLite and the data package),
Datasette's metadata beside the database and Datasette serving it, dates that pandas reads,
and CSV that spreadsheets open in UTF-8."""

from __future__ import annotations

import csv
import io
import json
import os
import queue
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from ilrs_cli import api
from ilrs_cli.core.licence import DATA_LICENCE
from ilrs_cli.core.records import Dataset
from ilrs_cli.export.datapackage import write_datapackage
from ilrs_cli.export.datasette import metadata_path, write_database
from ilrs_cli.load import load_dataset
from tests.conftest import FROZEN, Runner

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(FROZEN)


@pytest.fixture(scope="module")
def database(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analysts") / "ilrs.db"
    write_database(dataset, path)
    return path


def test_payload_countries_link_each_payload_to_each_country_once(
    database: Path, dataset: Dataset
) -> None:
    db = sqlite3.connect(database)
    rows = db.execute(
        "SELECT payload_id, country FROM payload_countries ORDER BY payload_id, position"
    ).fetchall()
    payloads = sorted(api.payloads(dataset=dataset), key=lambda p: p["id"])
    expected = [(p["id"], name) for p in payloads for name in p["countries"]]
    assert rows == expected
    counted = dict(db.execute("SELECT country, count(*) FROM payload_countries GROUP BY country"))
    assert counted == {r["countries"]: r["count"] for r in _count_by(dataset)}  # --count-by
    # Through institutions a payload with two Russian partners counts twice; not here.
    through = dict(db.execute(
        "SELECT i.country, count(*) FROM payload_institutions AS pi "
        "JOIN institutions AS i ON i.id = pi.institution_id GROUP BY i.country"
    ))  # fmt: skip
    assert any(through.get(country, 0) > n for country, n in counted.items())
    keys = db.execute("PRAGMA foreign_key_list(payload_countries)").fetchall()
    assert {(k[2], k[3], k[4]) for k in keys} == {("payloads", "payload_id", "id"),
                                                   ("places", "country", "name")}  # fmt: skip


def _count_by(dataset: Dataset) -> list[dict[str, Any]]:
    from ilrs_cli.report.answers import payloads
    from ilrs_cli.report.listing import count_by

    return count_by(payloads(dataset), "countries").items


def test_dates_are_declared_as_dates(database: Path) -> None:
    db = sqlite3.connect(database)
    for table in ("members", "events", "signatories", "sources"):
        types = {row[1]: row[2] for row in db.execute(f"PRAGMA table_info({table})")}
        dated = [name for name, kind in types.items() if kind == "DATE"]
        assert dated, table
        for name in dated:
            for (value,) in db.execute(f'SELECT "{name}" FROM {table} WHERE "{name}" IS NOT NULL'):
                assert len(value) == 10 and value[4] == value[7] == "-", (table, name, value)


def test_datasette_metadata_describes_every_table_view_and_column(
    database: Path, dataset: Dataset
) -> None:
    metadata = json.loads(metadata_path(database).read_text(encoding="utf-8"))
    assert metadata_path(database).name == "ilrs.metadata.json"
    assert metadata["title"] == dataset.info.title
    assert (metadata["license"], metadata["license_url"]) == (
        DATA_LICENCE["title"],
        DATA_LICENCE["path"],
    )  # the data's licence, not the code's MIT
    assert dataset.info.version in metadata["source"]
    tables = metadata["databases"]["ilrs"]["tables"]
    db = sqlite3.connect(database)
    for name, kind in db.execute("SELECT name, type FROM sqlite_master WHERE type IN "
                                 "('table', 'view')"):  # fmt: skip
        assert tables[name]["title"] and tables[name]["description"], name
        if kind == "table":
            columns = [row[1] for row in db.execute(f'PRAGMA table_info("{name}")')]
            assert list(tables[name]["columns"]) == columns, name
            assert all(tables[name]["columns"].values()), name


def test_export_sqlite_writes_the_metadata_and_refuses_to_overwrite_it(
    ilrs: Runner, tmp_path: Path
) -> None:
    target = tmp_path / "out.db"
    (tmp_path / "out.metadata.json").write_text("keep me")
    refused = ilrs("export", "sqlite", str(target))
    assert refused.exit_code == 1 and not target.exists()
    assert (tmp_path / "out.metadata.json").read_text() == "keep me"
    done = ilrs("export", "sqlite", str(target), "--force")
    assert done.exit_code == 0 and "datasette" in done.stderr and "-m" in done.stderr
    assert json.loads((tmp_path / "out.metadata.json").read_text())["databases"]["out"]


@pytest.mark.slow
def test_datasette_serves_the_database_with_its_metadata(database: Path) -> None:
    """Datasette on 127.0.0.1, on a port it picks; the test reads its address from its log,
    asks for one table as JSON and the metadata, and stops it. Bounded: 60 s in all."""
    server = subprocess.Popen(
        [str(BIN / "datasette"), "serve", str(database), "-m", str(metadata_path(database)),
         "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        address = _address(server, deadline=time.monotonic() + 60)
        with urllib.request.urlopen(f"{address}/ilrs/payload_countries.json?_shape=array",
                                    timeout=20) as answer:  # fmt: skip
            rows = json.load(answer)
        assert {"payload_id", "country", "position"} == set(rows[0])
        with urllib.request.urlopen(f"{address}/-/metadata.json", timeout=20) as answer:
            shown = json.load(answer)
        assert shown["databases"]["ilrs"]["tables"]["payload_countries"]["description"]
    finally:
        server.terminate()
        server.wait(timeout=20)


def _address(server: subprocess.Popen[str], deadline: float) -> str:
    """The http://127.0.0.1:PORT that Uvicorn says it runs on, read from the server's log
    line by line (a thread reads, so that no buffered line is missed) until the deadline."""
    assert server.stderr is not None
    lines: queue.Queue[str] = queue.Queue()
    stream = server.stderr
    threading.Thread(target=lambda: [lines.put(line) for line in stream], daemon=True).start()
    seen = []
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            break
        seen.append(line)
        if "running on http://127.0.0.1:" in line:
            return line.split("running on ")[1].split()[0]
    raise AssertionError("Datasette did not start: " + "".join(seen))


@pytest.mark.slow
def test_frictionless_validate_passes_on_the_package_with_the_link_table(
    dataset: Dataset, tmp_path: Path
) -> None:
    directory = tmp_path / "package"
    write_datapackage(dataset, directory)
    descriptor = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
    link = next(r for r in descriptor["resources"] if r["name"] == "payload_countries")
    assert {k["reference"]["resource"] for k in link["schema"]["foreignKeys"]} == {
        "payloads", "places"
    }  # fmt: skip
    result = subprocess.run(
        [str(BIN / "frictionless"), "validate", str(directory / "datapackage.json")],
        capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "payload_countries" in result.stdout


@pytest.mark.parametrize("command", ["members", "signatories", "timeline", "signings", "sources"])
def test_pandas_reads_every_date_column_as_dates(dataset: Dataset, command: str) -> None:
    import pandas as pd

    from ilrs_cli.report.answers import fields

    rows = getattr(api, command)(dataset=dataset)
    frame = pd.DataFrame(rows)
    listed = "artemis" if command == "signatories" else command
    types = {r["field"]: r["type"] for r in fields(listed).items}
    dates = [name for name, kind in types.items() if kind.startswith("ISO date")]
    assert dates, command
    if "date" in types and command != "sources":  # a dataset date comes with its span
        assert {"start", "end"} <= set(dates)
    for name in dates:
        parsed = pd.to_datetime(frame[name], errors="raise")
        assert str(parsed.dtype).startswith("datetime64"), name
        assert parsed.notna().sum() == frame[name].notna().sum(), name


def test_spreadsheet_csv_has_a_byte_order_mark_and_opens_in_utf8(ilrs: Runner) -> None:
    sheet = subprocess.run(  # the bytes as they leave the process: CRLF and all
        [sys.executable, "-m", "ilrs_cli", "payloads", "--format", "spreadsheet"],
        capture_output=True, timeout=60, check=True, env={**os.environ, "ILRS_DATA": str(FROZEN)},
    )  # fmt: skip
    plain = ilrs("payloads", "--csv")
    raw = sheet.stdout
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows == list(csv.reader(io.StringIO(plain.stdout, newline="")))
    chinese = [row for row in rows if any("\u4e00" <= ch <= "\u9fff" for ch in "".join(row))]
    assert chinese  # the Chinese names survive, as they are
