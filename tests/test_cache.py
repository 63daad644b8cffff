"""The parsed-dataset cache: invisible (same answers), keyed by content, data not code, and
never read from a link, a foreign or writable-by-others entry, or an open directory."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from ilrs_cli.load import cache as cache_module
from ilrs_cli.load import open_dataset
from ilrs_cli.load.cache import cache_directory

from .conftest import FROZEN, Runner
from .test_loader import VALID, write


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("ILRS_CACHE_DIR", str(directory))
    return directory


def entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.json"))


def test_answers_are_the_same_with_and_without_the_cache(ilrs: Runner, cache: Path) -> None:
    uncached = ilrs("members", "--json", env={"ILRS_NO_CACHE": "1"}).stdout
    assert not cache.exists()
    first = ilrs("members", "--json").stdout
    assert len(entries(cache)) == 1
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE(entries(cache)[0].stat().st_mode) == 0o600
    second = ilrs("members", "--json").stdout
    assert uncached == first == second


def test_an_entry_is_json_data_not_code(ilrs: Runner, cache: Path) -> None:
    ilrs("payloads", "--json")
    entry = json.loads(entries(cache)[0].read_text(encoding="utf-8"))
    assert set(entry) == {"key", "document"}
    assert "sha256" in entry["key"]
    assert not list(cache.glob("*.pickle"))


def test_a_same_size_edit_with_the_old_mtime_is_seen(
    ilrs: Runner, cache: Path, tmp_path: Path
) -> None:
    path = write(tmp_path, VALID)
    before = path.stat()
    assert ilrs("--data", str(path), "payloads", "--json").json()[0]["name"] == "A rover"
    path.write_text(VALID.replace("A rover", "B rover"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # like touch -r, cp -p
    assert path.stat().st_size == before.st_size
    assert ilrs("--data", str(path), "payloads", "--json").json()[0]["name"] == "B rover"
    path.write_text(VALID.replace('kind = "rover"', 'kind = "lander"'), encoding="utf-8")
    assert ilrs("--data", str(path), "payloads").exit_code == 1  # invalid now: never hidden
    assert len(entries(cache)) == 1  # one entry per file, replaced


def test_a_broken_file_is_never_cached(ilrs: Runner, cache: Path, tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('kind = "rover"', 'kind = "lander"'))
    for _ in range(2):
        outcome = ilrs("--data", str(path), "payloads")
        assert outcome.exit_code == 1
        assert "'kind' is 'lander'" in outcome.stderr
    assert not entries(cache)


@pytest.mark.parametrize(
    "garbage", [b"", b"not json", b"\x80\x05N.", b'{"key": 1}', b"[" * 100_000]
)
def test_a_corrupt_cache_entry_is_rebuilt(ilrs: Runner, cache: Path, garbage: bytes) -> None:
    expected = ilrs("timeline", "--json").stdout
    (entry,) = entries(cache)
    entry.write_bytes(garbage)
    assert ilrs("timeline", "--json").stdout == expected
    assert entry.read_bytes() != garbage


def planted(cache: Path) -> tuple[Path, str]:
    """The entry of the frozen dataset, after a first run, and what it holds."""
    open_dataset(FROZEN)
    (entry,) = entries(cache)
    return entry, entry.read_text(encoding="utf-8")


def poison(text: str) -> str:
    """The same entry with a changed payload name, as an attacker would plant it."""
    return text.replace("Lunar surface multi-functional", "PLANTED multi-functional", 1)


def test_a_symlinked_entry_is_never_followed(cache: Path, tmp_path: Path) -> None:
    entry, text = planted(cache)
    target = tmp_path / "elsewhere.json"
    target.write_text(poison(text), encoding="utf-8")
    entry.unlink()
    entry.symlink_to(target)
    assert "PLANTED" not in open_dataset(FROZEN).payloads[0].name


def test_an_entry_writable_by_others_is_never_read(cache: Path) -> None:
    entry, text = planted(cache)
    entry.write_text(poison(text), encoding="utf-8")
    assert "PLANTED" in open_dataset(FROZEN).payloads[0].name  # the user's own: trusted
    entry.write_text(poison(text), encoding="utf-8")
    entry.chmod(0o622)
    assert "PLANTED" not in open_dataset(FROZEN).payloads[0].name


def test_a_foreign_entry_is_never_read(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entry, text = planted(cache)
    entry.write_text(poison(text), encoding="utf-8")
    monkeypatch.setattr(os, "getuid", lambda: entry.stat().st_uid + 1)
    assert "PLANTED" not in open_dataset(FROZEN).payloads[0].name


def test_a_symlinked_or_open_directory_is_never_used(cache: Path, tmp_path: Path) -> None:
    entry, text = planted(cache)
    entry.write_text(poison(text), encoding="utf-8")
    elsewhere = tmp_path / "real-cache"
    cache.rename(elsewhere)
    cache.symlink_to(elsewhere)
    assert "PLANTED" not in open_dataset(FROZEN).payloads[0].name
    cache.unlink()
    elsewhere.rename(cache)
    cache.chmod(0o777)  # open: never used, and never made private behind the user's back
    assert "PLANTED" not in open_dataset(FROZEN).payloads[0].name
    assert stat.S_IMODE(cache.stat().st_mode) == 0o777


def test_no_entry_for_special_files_and_no_temporary_files_left(ilrs: Runner, cache: Path) -> None:
    assert ilrs("--data", "/dev/null", "payloads").exit_code == 1
    ilrs("payloads", "--json")
    assert [path.name for path in cache.iterdir()] == [entries(cache)[0].name]


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
    (entry,) = entries(cache)
    entry.write_bytes(b"garbage")
    assert ilrs("check").exit_code == 0
    assert entry.read_bytes() == b"garbage"


def test_cache_clear_and_location(
    ilrs: Runner, cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ilrs("payloads", "--json")
    assert ilrs("cache").stdout.strip() == str(cache)
    assert ilrs("cache", "--clear").stdout.strip() == f"{cache}: removed 1 entries"
    assert not entries(cache)
    monkeypatch.delenv("ILRS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_directory() == str(tmp_path / "ilrs")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/dir")  # never the working directory
    assert cache_directory() == str(Path(os.path.expanduser("~")) / ".cache" / "ilrs")
    monkeypatch.setenv("ILRS_NO_CACHE", "1")
    assert cache_directory() is None


def test_a_file_name_that_is_not_utf8_works(cache: Path, tmp_path: Path) -> None:
    name = os.fsdecode(b"data-\xff.toml")
    path = tmp_path / name
    path.write_text(VALID, encoding="utf-8")
    assert open_dataset(path).payloads[0].name == "A rover"
    assert len(entries(cache)) == 1


def test_the_cache_keys_are_hashlibs_sha256() -> None:
    import hashlib

    for data in (b"", b"ilrs", bytes(range(256)) * 1000):
        assert cache_module.sha256_hex(data) == hashlib.sha256(data).hexdigest()


def test_no_rows_are_made_when_the_cache_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from ilrs_cli.load import checked

    def refuse(_dataset: object) -> None:
        raise AssertionError("rows made for a cache that is off")

    monkeypatch.setattr(checked, "records_of", refuse)
    monkeypatch.setenv("ILRS_NO_CACHE", "1")
    assert open_dataset(FROZEN).payloads


def test_the_command_line_freezes_the_dataset_it_read() -> None:
    """Out of the garbage collector's passes for the rest of the process (cli/inputs.py)."""
    import gc

    from ilrs_cli.cli.inputs import dataset_at

    before = gc.get_freeze_count()
    try:
        dataset = dataset_at(FROZEN)
        assert gc.get_freeze_count() > before + len(dataset.payloads)
    finally:
        gc.unfreeze()
