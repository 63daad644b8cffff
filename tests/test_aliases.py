"""Other names of institutions and members (`aliases`): read and checked by the loader,
searched, shown, in the JSON objects, and exported, on a small dataset written here."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from ilrs_cli.load import load_dataset
from ilrs_cli.query.search import search

from .conftest import Runner
from .test_loader import VALID, problems_of, write

WITH_ALIASES = VALID.replace(
    'name = "Middle East Technical University"\n',
    'name = "Middle East Technical University"\naliases = ["ODTÜ", "Orta Doğu"]\n',
).replace(
    'name = "Turkey"\n', 'name = "Turkey"\naliases = ["Türkiye Cumhuriyeti"]\n'
)  # VALID has the events' mission, which the export's links need


@pytest.fixture
def path(tmp_path: Path, use_dataset: Callable[[Path], None]) -> Path:
    written = write(tmp_path, WITH_ALIASES)
    use_dataset(written)
    return written


def test_aliases_are_read_in_order(path: Path) -> None:
    dataset = load_dataset(path)
    assert dataset.institutions[0].aliases == ("ODTÜ", "Orta Doğu")
    assert dataset.members[0].aliases == ("Türkiye Cumhuriyeti",)
    assert load_dataset(write(path.parent, VALID, "plain.toml")).members[0].aliases == ()


def test_search_finds_a_record_and_its_payloads_by_an_alias(path: Path) -> None:
    hits = {(hit.kind.name, hit.record.id): hit for hit in search(load_dataset(path), "odtu")}
    assert set(hits) == {("institution", "metu"), ("payload", "rover")}
    assert hits["institution", "metu"].field == "aliases"
    assert [hit.record.id for hit in search(load_dataset(path), "cumhuriyeti")] == ["turkey"]


def test_the_search_command_finds_by_an_alias(path: Path, ilrs: Runner) -> None:
    outcome = ilrs("search", "Orta Doğu", "--format", "ids")
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stdout.split() == ["rover", "metu"]


def test_show_and_its_json_give_the_aliases(path: Path, ilrs: Runner) -> None:
    shown = ilrs("show", "metu")
    assert shown.exit_code == 0, shown.stderr
    assert "aliases" in shown.stdout and "ODTÜ" in shown.stdout and "Orta Doğu" in shown.stdout
    assert ilrs("show", "metu", "--json").json()["aliases"] == ["ODTÜ", "Orta Doğu"]
    assert ilrs("show", "turkey", "--json").json()["aliases"] == ["Türkiye Cumhuriyeti"]


def test_members_json_has_aliases_for_every_member(path: Path, ilrs: Runner) -> None:
    (member,) = ilrs("members", "--json").json()
    assert member["aliases"] == ["Türkiye Cumhuriyeti"]


def test_the_sqlite_export_keeps_aliases_in_a_table_of_their_own(
    path: Path, ilrs: Runner, tmp_path: Path
) -> None:
    database = tmp_path / "out.sqlite"
    outcome = ilrs("export", "sqlite", str(database))
    assert outcome.exit_code == 0, outcome.stderr
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute(
            "SELECT record_kind, record_id, alias, position FROM aliases ORDER BY 1, 2, 4"
        ).fetchall()
        assert rows == [
            ("institution", "metu", "ODTÜ", 1),
            ("institution", "metu", "Orta Doğu", 2),
            ("member", "turkey", "Türkiye Cumhuriyeti", 1),
        ]
        columns = [row[1] for row in connection.execute("PRAGMA table_info(institutions)")]
        assert "aliases" not in columns
        (view,) = connection.execute("SELECT aliases FROM list_members").fetchall()
        assert view == ('["Türkiye Cumhuriyeti"]',)
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[]", "'aliases' is empty; leave the field out instead"),
        ('"ODTÜ"', "'aliases' must be a list of names, not a string"),
        ('["ODTÜ", 3]', "'aliases' item 2 must be a non-empty string, not an integer"),
        ('["ODTÜ", " "]', "'aliases' item 2 must be a non-empty string, not an empty string"),
        ('["ODTÜ", "odtü"]', "'aliases' lists 'odtü' twice"),
    ],
)
def test_bad_aliases_are_reported_clearly(tmp_path: Path, value: str, message: str) -> None:
    text = VALID.replace(
        'name = "Middle East Technical University"\n',
        f'name = "Middle East Technical University"\naliases = {value}\n',
    )
    (problem,) = problems_of(write(tmp_path, text))
    assert problem.endswith(message), problem
    assert "[[institutions]] #1 (id 'metu'" in problem
