"""Where ilrs used to say "internal error ... this is a bug", a clear message: SQLite failing
to write (a full disk, a directory it may not write in, a working directory that is gone),
and counting by a field of objects such as `sources`."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import FROZEN, Runner


@pytest.mark.parametrize("command", ["payloads", "members", "timeline"])
@pytest.mark.parametrize("fmt", ["table", "json", "csv", "ndjson", "ids"])
def test_count_by_sources_counts_them(ilrs: Runner, command: str, fmt: str) -> None:
    outcome = ilrs(command, "--count-by", "sources", "--format", fmt)
    assert outcome.exception is None, outcome.exception
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stdout.strip()


def test_count_by_sources_counts_each_citation(ilrs: Runner) -> None:
    rows = ilrs("payloads", "--count-by", "sources", "--json").json()
    cited = sum(len(p["sources"]) for p in ilrs("payloads", "--json").json())
    assert sum(row["count"] for row in rows) == cited
    assert all(" (" in row["sources"] for row in rows)  # "id (at)", as CSV shows a citation


@pytest.mark.parametrize(
    "message", ["database or disk is full", "unable to open database file", "disk I/O error"]
)
def test_sqlite_failures_are_messages(
    ilrs: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message: str
) -> None:
    from ilrs_cli.export import sqlite as export

    def fail(*args: Any) -> None:
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr(export, "_fill", fail)
    target = tmp_path / "ilrs.db"
    outcome = ilrs("export", "sqlite", str(target))
    assert outcome.exception is None, outcome.exception
    assert outcome.exit_code == 1
    assert outcome.stderr == f"ilrs: error: cannot write {target}: {message}\n"
    assert list(tmp_path.iterdir()) == []


def test_sqlite_in_a_directory_it_cannot_write(
    ilrs: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(sqlite3, "connect", refuse)  # as an unwritable directory does
    outcome = ilrs("export", "sqlite", str(tmp_path / "ilrs.db"))
    assert outcome.exit_code == 1
    assert "cannot write" in outcome.stderr and "unable to open database file" in outcome.stderr


@pytest.mark.parametrize("export", ["sqlite", "datapackage"])
def test_an_export_from_a_working_directory_that_is_gone(tmp_path: Path, export: str) -> None:
    program = 'mkdir gone && cd gone && rmdir ../gone && exec "$0" -m ilrs_cli export "$1" out'
    result = subprocess.run(
        ["sh", "-c", program, sys.executable, export], capture_output=True, text=True,
        cwd=tmp_path, timeout=60, env={**os.environ, "ILRS_DATA": str(FROZEN)},
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "internal error" not in result.stderr
    assert "the working directory no longer exists" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_data_copy_from_a_working_directory_that_is_gone(tmp_path: Path) -> None:
    program = 'mkdir gone && cd gone && rmdir ../gone && exec "$0" -m ilrs_cli data copy x.toml'
    result = subprocess.run(
        ["sh", "-c", program, sys.executable], capture_output=True, text=True, cwd=tmp_path,
        timeout=60,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "the working directory no longer exists" in result.stderr
