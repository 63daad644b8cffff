"""What `--force` may replace: an earlier export of ilrs (recognised by its own files) or a
regular file, and nothing else. Anything else in the way is refused with a message that lists
it and names --force, and is left as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ilrs_cli.core.errors import TargetInTheWay
from ilrs_cli.export.datapackage import write_datapackage
from ilrs_cli.load import load_dataset

from .conftest import FROZEN, Runner


def tree(directory: Path) -> dict[str, str]:
    """Every entry under `directory`, with its content or kind."""
    found = {}
    for path in sorted(directory.rglob("*")):
        name = str(path.relative_to(directory))
        if path.is_symlink():
            found[name] = f"-> {os.readlink(path)}"
        elif path.is_dir():
            found[name] = "dir"
        else:
            found[name] = path.read_bytes().decode("utf-8", "replace")[:40]
    return found


def test_force_never_deletes_files_ilrs_did_not_write(ilrs: Runner, tmp_path: Path) -> None:
    target = tmp_path / "package"
    assert ilrs("export", "datapackage", str(target)).exit_code == 0
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    (target / "sub").mkdir()
    (target / "sub" / "more.txt").write_text("mine too", encoding="utf-8")
    before = tree(target)
    outcome = ilrs("export", "datapackage", "--force", str(target))
    assert outcome.exit_code == 1
    assert tree(target) == before
    assert "notes.txt" in outcome.stderr and "sub/ (a directory)" in outcome.stderr
    assert "--force" in outcome.stderr
    assert "datapackage.json" not in outcome.stderr  # ilrs's own files are not in the way
    assert [p.name for p in tmp_path.iterdir()] == ["package"]  # no temporary left


def test_force_replaces_an_earlier_export(ilrs: Runner, tmp_path: Path) -> None:
    target = tmp_path / "package"
    assert ilrs("export", "datapackage", str(target)).exit_code == 0
    (target / "payloads.csv").write_text("stale", encoding="utf-8")
    (target / "members.csv").unlink()
    refused = ilrs("export", "datapackage", str(target))
    assert refused.exit_code == 1
    assert "add --force to replace it" in refused.stderr
    assert ilrs("export", "datapackage", "--force", str(target)).exit_code == 0
    assert (target / "payloads.csv").read_text(encoding="utf-8").startswith("id,")
    assert (target / "members.csv").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["package"]


def test_force_never_turns_a_file_or_a_link_into_a_package(ilrs: Runner, tmp_path: Path) -> None:
    file = tmp_path / "a-file"
    file.write_text("keep", encoding="utf-8")
    outcome = ilrs("export", "datapackage", "--force", str(file))
    assert outcome.exit_code == 1
    assert f"{file} (a regular file)" in outcome.stderr and "--force" in outcome.stderr
    assert file.read_text(encoding="utf-8") == "keep"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = tmp_path / "link"
    link.symlink_to(elsewhere)
    outcome = ilrs("export", "datapackage", "--force", str(link))
    assert outcome.exit_code == 1
    assert "a symbolic link" in outcome.stderr
    assert link.is_symlink() and list(elsewhere.iterdir()) == []


def test_the_library_refuses_the_same(tmp_path: Path) -> None:
    dataset = load_dataset(FROZEN)
    target = tmp_path / "package"
    write_datapackage(dataset, target)
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(TargetInTheWay) as caught:
        write_datapackage(dataset, target, force=True)
    assert caught.value.in_the_way == ["notes.txt"]
    assert not caught.value.replaceable
    (target / "notes.txt").unlink()
    with pytest.raises(TargetInTheWay) as caught:
        write_datapackage(dataset, target)
    assert caught.value.replaceable
    write_datapackage(dataset, target, force=True)
