"""The suite's guard: a run of the tests changes no file outside its temporary folders.

`tests/conftest.py` gives every test, and every process a test starts, a home and XDG
directories in a temporary folder. This module checks that it held: it takes a snapshot of
the places a run could write by mistake (the caller's own home, and the work tree the suite
runs in) before the first test, and another after the last, and names what changed.

The home's snapshot is targeted, not a walk of the whole home (large, and written all the
time by the user's other programs): its top-level entries; the entries directly in ~/.cache,
~/.config, ~/.local/share and ~/.local/state (a new directory there is a new program's
data); and, in full, the places the tools the suite runs write to: ilrs's cache (~/.cache/ilrs),
the shells' completion scripts (Typer's `--install-completion`: ~/.bashrc,
~/.bash_completions, ~/.zshrc, ~/.zfunc, ~/.config/fish) and dconf's cache (Chromium:
~/.cache/dconf). Shell history files at the top level are left out: the user's own terminals
write them at any time.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterable
from pathlib import Path

# Where a name is a directory its size and mtime are not compared (its mtime changes when a
# file in it is written, which the walk sees as that file): only that it is there.
Entry = tuple[str, int, int]  # kind ("file", "dir", "link", "other"), size, mtime_ns
Snapshot = dict[str, Entry]

# Directories whose direct entries are listed: a new one there is a new program's data.
LISTED = (".cache", ".config", ".local/share", ".local/state")
# Directories walked in full (to DEPTH levels): what the suite's tools write to.
WALKED = (
    ".cache/ilrs", ".cache/dconf", ".bash_completions", ".zfunc", ".config/fish",
    ".config/ilrs", ".local/share/ilrs",
)  # fmt: skip
DEPTH = 6
# What other programs write in the work tree, not the suite: the interpreter's bytecode
# (pytest's rewritten tests too), version control, the linters' caches and the virtual
# environments. A file the developer edits during a run is reported: run again.
TREE_SKIPPED = ("__pycache__", ".git", ".ruff_cache", ".mypy_cache")
TREE_SKIPPED_PREFIXES = (".venv",)


def _entry(status: os.stat_result) -> Entry:
    if stat.S_ISLNK(status.st_mode):
        return ("link", status.st_size, status.st_mtime_ns)
    if stat.S_ISDIR(status.st_mode):
        return ("dir", 0, 0)
    if stat.S_ISREG(status.st_mode):
        return ("file", status.st_size, status.st_mtime_ns)
    return ("other", 0, 0)


def _stat(path: Path) -> Entry | None:
    try:
        return _entry(path.lstat())
    except OSError:
        return None


def walk(
    root: Path, depth: int = DEPTH, skipped: Iterable[Path] = (), prefix: str = "",
    tree: bool = False,
) -> Snapshot:  # fmt: skip
    """Every entry under `root` (not following links), to `depth` levels, by its path relative
    to `root` (with `prefix` before it); not the paths in `skipped` (nor what is under them),
    and in a work tree (`tree`) not the directories TREE_SKIPPED and TREE_SKIPPED_PREFIXES."""
    left_out = {os.path.normpath(path) for path in skipped}
    found: Snapshot = {}

    def visit(directory: str, relative: str, level: int) -> None:
        try:
            entries = list(os.scandir(directory))
        except OSError:
            return
        for item in entries:
            if item.path in left_out or os.path.normpath(item.path) in left_out:
                continue
            name = f"{relative}{item.name}"
            try:
                entry = _entry(item.stat(follow_symlinks=False))
            except OSError:
                continue
            if (
                tree
                and entry[0] == "dir"
                and (item.name in TREE_SKIPPED or item.name.startswith(TREE_SKIPPED_PREFIXES))
            ):
                continue
            found[name] = entry
            if entry[0] == "dir" and level > 1:
                visit(item.path, f"{name}/", level - 1)

    visit(str(root), prefix, depth)
    return found


# Top-level names left out: shell histories, and the run's own temporary folders where the
# home is the temporary directory (HOME=/tmp): pytest's and the suite's (tests/conftest.py).
IGNORED_AT_THE_TOP = ("*hist*", "*HIST*", "pytest-of-*", "ilrs-tests-*")


def home_snapshot(home: Path) -> Snapshot:
    """The places in the home `home` a run could write to by mistake (see the module's
    docstring), by their paths relative to it."""
    found: Snapshot = {}
    if not home.is_dir():
        return found
    for name, entry in walk(home, depth=1).items():
        if not any(fnmatch.fnmatchcase(name, pattern) for pattern in IGNORED_AT_THE_TOP):
            found[name] = entry
    for listed in LISTED:
        if (home / listed).is_dir():
            found.update(walk(home / listed, depth=1, prefix=f"{listed}/"))
    for walked in WALKED:
        if (entry := _stat(home / walked)) is not None:
            found[walked] = entry
            if entry[0] == "dir":
                found.update(walk(home / walked, prefix=f"{walked}/"))
    return found


def tree_snapshot(root: Path, skipped: Iterable[Path] = ()) -> Snapshot:
    """Every file and directory of the work tree `root`, but TREE_SKIPPED and `skipped`."""
    return walk(root, depth=64, skipped=skipped, tree=True)


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """What differs between two snapshots, one line a path: created, changed or removed."""
    lines = []
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        what = "created" if old is None else "removed" if new is None else "changed"
        lines.append(f"{what}: {name}")
    return lines
