"""The cache touches only names it writes itself: it never changes the mode of a directory it
did not create (it refuses to use one, naming it), `cache --clear` removes only its own
entries, and it never creates a home directory that is not there."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ilrs_cli.load import cache as store

from .conftest import Runner

FOREIGN = ["package.json", "tsconfig.json", "notes.txt", ".tmp-notes.json", "a" * 32 + ".txt"]


def a_project(directory: Path, mode: int) -> Path:
    """A directory that ilrs did not make, holding someone's files."""
    directory.mkdir()
    for name in FOREIGN:
        (directory / name).write_text("{}", encoding="utf-8")
    (directory / "sub.json").mkdir()
    directory.chmod(mode)
    return directory


def test_an_open_directory_is_refused_never_made_private(
    ilrs: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = a_project(tmp_path / "project", 0o755)
    monkeypatch.setenv("ILRS_CACHE_DIR", str(project))
    outcome = ilrs("payloads", "--json")
    assert outcome.exit_code == 0
    assert len(outcome.json()) == 10
    assert stat.S_IMODE(project.stat().st_mode) == 0o755  # not chmod-ed
    assert sorted(p.name for p in project.iterdir()) == sorted([*FOREIGN, "sub.json"])
    assert f"the cache directory {project} is open to group or others" in outcome.stderr
    assert "ILRS_CACHE_DIR" in outcome.stderr
    cleared = ilrs("cache", "--clear")
    assert cleared.exit_code == 1
    assert f"{project} is open to group or others" in cleared.stderr
    assert sorted(p.name for p in project.iterdir()) == sorted([*FOREIGN, "sub.json"])
    shown = ilrs("cache")
    assert shown.stdout.strip() == str(project)
    assert "not used" in shown.stderr


def test_clear_removes_only_the_names_ilrs_writes(
    ilrs: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = a_project(tmp_path / "home", 0o700)  # private, so it is used
    monkeypatch.setenv("ILRS_CACHE_DIR", str(home))
    assert ilrs("payloads", "--json").exit_code == 0
    written = sorted({p.name for p in home.iterdir()} - {*FOREIGN, "sub.json"})
    assert len(written) == 1 and written[0].endswith(".json")
    (home / ".tmp-0123456789abcdef.json").write_text("", encoding="utf-8")  # a stray temporary
    outcome = ilrs("cache", "--clear")
    assert outcome.exit_code == 0
    assert outcome.stdout.strip() == f"{home}: removed 2 entries"
    assert sorted(p.name for p in home.iterdir()) == sorted([*FOREIGN, "sub.json"])
    assert (home / "sub.json").is_dir()


def test_a_link_or_a_file_in_place_of_the_directory_is_named(
    ilrs: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real)
    monkeypatch.setenv("ILRS_CACHE_DIR", str(link))
    outcome = ilrs("payloads", "--json")
    assert outcome.exit_code == 0
    assert f"the cache directory {link} is a symbolic link" in outcome.stderr
    assert list(real.iterdir()) == []
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ILRS_CACHE_DIR", str(blocker))
    assert f"the cache directory {blocker} is not a directory" in ilrs("info").stderr
    assert blocker.read_text(encoding="utf-8") == "x"


def test_a_missing_home_is_never_created(
    ilrs: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ILRS_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "nonexistent"))
    outcome = ilrs("payloads", "--json", env={"ILRS_CACHE_DIR": None})
    assert outcome.exit_code == 0
    assert outcome.stderr == ""
    assert not (tmp_path / "nonexistent").exists()
    # a home that exists gets ~/.cache/ilrs, private
    (tmp_path / "nonexistent").mkdir()
    assert ilrs("payloads", "--json", env={"ILRS_CACHE_DIR": None}).exit_code == 0
    made = tmp_path / "nonexistent" / ".cache" / "ilrs"
    assert stat.S_IMODE(made.stat().st_mode) == 0o700
    assert len(list(made.glob("*.json"))) == 1


def test_no_missing_ancestor_of_the_cache_directory_is_created(
    ilrs: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ILRS_CACHE_DIR", str(tmp_path / "a" / "b" / "cache"))
    assert ilrs("payloads", "--json").exit_code == 0
    assert not (tmp_path / "a").exists()
    assert store.cache_directory() == str(tmp_path / "a" / "b" / "cache")
    monkeypatch.setenv("ILRS_CACHE_DIR", str(tmp_path / "cache"))
    assert ilrs("payloads", "--json").exit_code == 0
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700
    assert os.listdir(tmp_path / "cache")


def test_a_relative_cache_directory_is_made_in_the_working_directory(
    ilrs: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ILRS_CACHE_DIR", "cache/")
    assert ilrs("payloads", "--json").exit_code == 0
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1
    assert ilrs("cache").stdout.strip() == "cache"
