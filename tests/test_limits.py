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


@pytest.mark.closes_a_stream
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


def test_a_dataset_over_the_size_limit_is_refused_saying_how_to_raise_it(
    ilrs: Runner, tmp_path: Path
) -> None:
    """32 MiB by default; ILRS_MAX_BYTES raises (or lowers) it."""
    from ilrs_cli.load.reader import MAX_BYTES

    big = tmp_path / "big.toml"
    with big.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: refused unread, so never written out
    refused = ilrs("check", str(big))
    assert refused.exit_code == 1
    assert f"is {MAX_BYTES + 1:,} bytes, too large for a dataset" in refused.stderr
    assert f"to read it anyway, set ILRS_MAX_BYTES={MAX_BYTES + 1} or more" in refused.stderr
    raised = ilrs("check", str(big), env={"ILRS_MAX_BYTES": str(MAX_BYTES + 1)})
    assert "is a binary file (it contains NUL bytes)" in raised.stderr  # read, then refused

    small = tmp_path / "small.toml"
    small.write_text(VALID, encoding="utf-8")
    size = len(VALID.encode())
    lowered = ilrs("check", str(small), env={"ILRS_MAX_BYTES": str(size - 1)})
    assert f"is {size:,} bytes, too large for a dataset (the limit is {size - 1:,}" in (
        lowered.stderr
    )
    assert ilrs("check", str(small), env={"ILRS_MAX_BYTES": str(size)}).exit_code == 0
    assert ilrs("check", str(small), env={"ILRS_MAX_BYTES": "1_000_000"}).exit_code == 0


@pytest.mark.parametrize("value", ["lots", "-1", "1e9", "２０"])
def test_a_size_limit_that_is_not_a_number_of_bytes_says_so(ilrs: Runner, value: str) -> None:
    outcome = ilrs("payloads", env={"ILRS_MAX_BYTES": value})
    assert outcome.exit_code == 1
    expected = f"ILRS_MAX_BYTES is {value!r}; set it to a number of bytes, such as"
    assert expected in outcome.stderr
