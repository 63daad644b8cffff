"""The parsed-dataset cache is invisible: same answers, rebuilt when stale or corrupt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ilrs_cli.load.store import cache_directory

from .conftest import Runner
from .test_loader import VALID, write


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("ILRS_CACHE_DIR", str(directory))
    return directory


def test_answers_are_the_same_with_and_without_the_cache(ilrs: Runner, cache: Path) -> None:
    uncached = ilrs("members", "--json", env={"ILRS_NO_CACHE": "1"}).stdout
    assert not cache.exists()
    first = ilrs("members", "--json").stdout
    assert len(list(cache.glob("*.pickle"))) == 1
    second = ilrs("members", "--json").stdout
    assert uncached == first == second


def test_an_edited_file_is_read_again(ilrs: Runner, cache: Path, tmp_path: Path) -> None:
    path = write(tmp_path, VALID)
    assert ilrs("--data", str(path), "payloads", "--json").json()[0]["name"] == "A rover"
    path.write_text(VALID.replace("A rover", "Another rover"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different modification time, whatever the clock does
    assert ilrs("--data", str(path), "payloads", "--json").json()[0]["name"] == "Another rover"


def test_a_broken_file_is_never_cached(ilrs: Runner, cache: Path, tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('kind = "rover"', 'kind = "lander"'))
    for _ in range(2):
        outcome = ilrs("--data", str(path), "payloads")
        assert outcome.exit_code == 1
        assert "'kind' is 'lander'" in outcome.stderr
    assert not list(cache.glob("*.pickle"))


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05N."])
def test_a_corrupt_cache_entry_is_rebuilt(ilrs: Runner, cache: Path, garbage: bytes) -> None:
    expected = ilrs("timeline", "--json").stdout
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(garbage)
    assert ilrs("timeline", "--json").stdout == expected
    assert entry.read_bytes() != garbage


def test_an_unwritable_cache_is_not_an_error(
    ilrs: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("ILRS_CACHE_DIR", str(blocker / "cache"))
    outcome = ilrs("payloads", "--json")
    assert outcome.exit_code == 0
    assert len(outcome.json()) == 10


def test_check_always_reads_the_file(ilrs: Runner, cache: Path) -> None:
    ilrs("payloads", "--json")
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"garbage")
    assert ilrs("check").exit_code == 0
    assert entry.read_bytes() == b"garbage"


def test_cache_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ILRS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_directory() == tmp_path / "ilrs"
    monkeypatch.setenv("ILRS_NO_CACHE", "1")
    assert cache_directory() is None
