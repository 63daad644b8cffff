"""What `--force` may replace: an earlier export of ilrs (recognised by its own files) or a
regular file, and nothing else. Anything else in the way is refused with a message that lists
it and names --force, and is left as it was."""

from __future__ import annotations

import os
import stat
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


def special_files(tmp_path: Path) -> dict[str, Path]:
    """Things in the way that are not regular files: each must survive --force."""
    found = {}
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    found["a pipe or FIFO"] = fifo
    try:  # a device node like /dev/null, where the system allows making one (root)
        device = tmp_path / "null"
        os.mknod(device, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        found["a character device"] = device
    except (PermissionError, AttributeError):
        pass
    directory = tmp_path / "adir"
    directory.mkdir()
    found["a directory"] = directory
    link = tmp_path / "dir-link"
    link.symlink_to(directory)
    found["a symbolic link to a directory"] = link
    dangling = tmp_path / "dangling"
    dangling.symlink_to(tmp_path / "nowhere")
    found["a symbolic link to nothing"] = dangling
    return found


@pytest.mark.parametrize("command", [["data", "copy"], ["export", "sqlite"]])
def test_force_never_replaces_a_device_a_pipe_a_directory_or_a_link_to_one(
    ilrs: Runner, tmp_path: Path, command: list[str]
) -> None:
    for kind, path in special_files(tmp_path).items():
        before = os.lstat(path)
        for force in ([], ["--force"]):
            outcome = ilrs(*command, *force, str(path))
            assert outcome.exit_code == 1, (kind, outcome.stderr)
            assert f"{path} ({kind})" in outcome.stderr, outcome.stderr
            assert "--force replaces only a regular file" in outcome.stderr
            after = os.lstat(path)
            assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino), kind
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporaries


def test_force_replaces_a_link_to_a_regular_file_never_the_file(
    ilrs: Runner, tmp_path: Path
) -> None:
    kept = tmp_path / "kept.toml"
    kept.write_text("mine", encoding="utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(kept)
    assert "add --force to replace it" in ilrs("data", "copy", str(link)).stderr
    assert ilrs("data", "copy", "--force", str(link)).exit_code == 0
    assert kept.read_text(encoding="utf-8") == "mine"
    assert not link.is_symlink() and link.stat().st_size > 1000


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_data_copy_has_the_mode_the_umask_gives(ilrs: Runner, tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        assert ilrs("data", "copy", str(tmp_path / "copy.toml")).exit_code == 0
        assert ilrs("export", "sqlite", str(tmp_path / "copy.db")).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "copy.toml").stat().st_mode) == 0o666 & ~umask
    assert stat.S_IMODE((tmp_path / "copy.db").stat().st_mode) == 0o644 & ~umask


def test_a_dangling_link_is_never_replaced(ilrs: Runner, tmp_path: Path) -> None:
    link = tmp_path / "copy.toml"
    link.symlink_to(tmp_path / "nowhere.toml")
    outcome = ilrs("data", "copy", str(link))
    assert outcome.exit_code == 1
    assert "a symbolic link to nothing" in outcome.stderr
    assert link.is_symlink() and not (tmp_path / "nowhere.toml").exists()
