"""Messages that say what was wrong and what would be right, where they used to be Python's
own words or nothing at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import Runner


def test_exporting_a_package_over_the_working_directory(
    ilrs: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for target in (".", "..", str(tmp_path)):
        outcome = ilrs("export", "datapackage", "--force", target)
        assert outcome.exit_code == 1
        assert f"cannot write {target}: it is the working directory, or holds it" in (
            outcome.stderr
        )
        assert "PosixPath" not in outcome.stderr
    assert list(tmp_path.iterdir()) == []


def test_sqlite_over_a_directory_names_it(ilrs: Runner, tmp_path: Path) -> None:
    directory = tmp_path / "adir"
    directory.mkdir()
    outcome = ilrs("export", "sqlite", "--force", str(directory))
    assert outcome.exit_code == 1
    assert f"in the way: {directory} (a directory)" in outcome.stderr
    assert "Errno" not in outcome.stderr


@pytest.mark.parametrize(
    "command", [["data", "copy"], ["export", "sqlite"], ["export", "datapackage"]]
)
def test_a_long_valid_name_works(ilrs: Runner, tmp_path: Path, command: list[str]) -> None:
    beside = ".metadata.json" if command == ["export", "sqlite"] else ""  # Datasette's file
    limit = os.pathconf(tmp_path, "PC_NAME_MAX") - len(beside)
    target = tmp_path / ("x" * (limit - 7))  # valid, with no room for a name built on it
    outcome = ilrs(*command, str(target))
    assert outcome.exit_code == 0, outcome.stderr
    assert target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({target.name, target.name + beside})


def test_no_room_for_the_metadata_is_said_before_anything_is_written(
    ilrs: Runner, tmp_path: Path
) -> None:
    target = tmp_path / ("x" * (os.pathconf(tmp_path, "PC_NAME_MAX") - 7))
    outcome = ilrs("export", "sqlite", str(target))
    assert outcome.exit_code == 1
    assert "no room beside" in outcome.stderr and "choose a shorter name" in outcome.stderr
    assert list(tmp_path.iterdir()) == []


def test_fields_that_name_no_field(ilrs: Runner) -> None:
    outcome = ilrs("payloads", "--fields", ",,,")
    assert outcome.exit_code == 2
    assert "',,,' names no field; valid fields: id, name" in outcome.stderr
    assert "none" not in outcome.stderr


@pytest.mark.parametrize("command", ["timeline", "members"])
def test_a_reversed_date_range_is_said_never_silently_empty(ilrs: Runner, command: str) -> None:
    outcome = ilrs(command, "--after", "2025", "--before", "2024", "--json")
    assert outcome.exit_code == 0
    assert "after 2025 is later than before 2024" in outcome.stderr
    assert "swap them" in outcome.stderr
    assert "later than" not in ilrs(command, "--after", "2024", "--before", "2025").stderr


@pytest.mark.parametrize(
    ("args", "close"),
    [
        (["payloads", "--fields", "id,nmae"], "name"),
        (["payloads", "--sort", "-nmae"], "name"),
        (["members", "--count-by", "levle"], "level"),
        (["timeline", "--count-by", "yaer"], "year"),
        (["fields", "paylods"], "payloads"),
        (["chart", "count-by", "levle", "--of", "members"], "level"),
    ],
)
def test_a_misspelt_field_or_command_gets_a_did_you_mean(
    ilrs: Runner, args: list[str], close: str
) -> None:
    outcome = ilrs(*args)
    assert outcome.exit_code == 2, outcome.stderr
    assert f"(did you mean {close!r}?)" in outcome.stderr


def test_cite_without_an_id_names_the_ways_to_give_one(ilrs: Runner) -> None:
    outcome = ilrs("cite")
    assert outcome.exit_code == 2
    assert "`-` to read ids from standard input, or --all" in outcome.stderr
