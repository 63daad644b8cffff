"""Limits on what a user can make ilrs read: ids from standard input (`cite -`), the length of
an id or name, the length of search text. Each refusal is quick, says which limit, and never
echoes the whole input back."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ilrs_cli import api
from ilrs_cli.core.errors import QueryError

from .conftest import FROZEN, Runner
from .test_loader import VALID


def test_cite_reads_at_most_ten_thousand_ids_from_stdin(ilrs: Runner) -> None:
    from typer.testing import CliRunner

    from ilrs_cli.cli.app import app

    runner = CliRunner(env={"ILRS_DATA": str(FROZEN), "COLUMNS": "200"})
    ok = runner.invoke(app, ["cite", "-"], input="egypt\n" * 10_000)
    assert ok.exit_code == 0, ok.stderr
    for stream in ("egypt\n" * 10_001, "micro-rovers\n" * 400_000):  # more ids; a flood
        outcome = runner.invoke(app, ["cite", "-"], input=stream)
        assert outcome.exit_code == 2
        assert "at most 10,000 ids from standard input" in outcome.stderr
        assert len(outcome.stderr) < 600


def test_stdin_is_not_read_past_the_limit() -> None:
    """`yes micro-rovers | ilrs cite -` ends at once with the message, not at memory's end
    (which the address-space limit brings close, should it read on)."""
    program = 'ulimit -v 1500000; yes micro-rovers | "$0" -m ilrs_cli cite -; echo "exit $?"'
    result = subprocess.run(
        ["sh", "-c", program, sys.executable], capture_output=True, text=True, timeout=60,
        env={**os.environ, "ILRS_DATA": str(FROZEN)},
    )  # fmt: skip
    assert result.stdout.strip().endswith("exit 2"), result.stdout
    assert "at most 10,000 ids from standard input" in result.stderr


def test_a_closed_stdin_is_a_clear_error() -> None:
    result = subprocess.run(
        ["sh", "-c", 'exec "$0" -m ilrs_cli cite - <&-', sys.executable],
        capture_output=True, text=True, timeout=60, env={**os.environ, "ILRS_DATA": str(FROZEN)},
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "standard input, which is closed" in result.stderr
    assert "internal error" not in result.stderr


@pytest.mark.parametrize("command", [["show"], ["cite"], ["sources", "--cited-by"]])
def test_an_id_is_at_most_two_hundred_characters(ilrs: Runner, command: list[str]) -> None:
    outcome = ilrs(*command, "x" * 10_000_000)
    assert outcome.exit_code == 2
    assert "at most 200 characters; this one has 10,000,000" in outcome.stderr
    assert len(outcome.stderr) < 600
    assert ilrs(*command, "x" * 200).exit_code == 1  # within the limit: not found


def test_search_text_is_limited(ilrs: Runner) -> None:
    outcome = ilrs("search", "rover " * 20_000)
    assert outcome.exit_code == 2
    assert "at most 200 characters and 20 words" in outcome.stderr
    assert len(outcome.stderr) < 600
    assert "at most 200 characters and 20 words" in ilrs("search", "a " * 21).stderr
    assert ilrs("search", "a " * 20).exit_code == 0


def test_the_api_has_the_same_limits() -> None:
    with pytest.raises(QueryError, match="at most 200 characters"):
        api.search("x" * 201)
    with pytest.raises(QueryError, match="at most 200 characters"):
        api.show("x" * 201)


def test_a_dataset_id_is_at_most_two_hundred_characters(
    ilrs: Runner, tmp_path: Path, use_dataset: Callable[[Path], None]
) -> None:
    path = tmp_path / "long.toml"
    path.write_text(VALID.replace('id = "rover"', f'id = "{"r" * 201}"'), encoding="utf-8")
    outcome = ilrs("check", str(path))
    assert outcome.exit_code == 1
    assert "'id' is 201 characters long; an id is at most 200" in outcome.stderr
