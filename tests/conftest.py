"""Shared fixtures: the CLI run in-process with a pinned terminal, and small dataset files.

This is also the one place that makes the suite hermetic. Before any test module is imported,
each process of the run (each pytest-xdist worker is one) pins its environment, which every
process a test starts inherits: HOME and the XDG directories in a temporary folder of its
own, the terminal (TERM, COLUMNS, LINES, the colour switches), the language (LANG, LC_ALL)
and the time zone; every ILRS_* variable of the caller is removed before the suite sets its
own. A guard (tests/hermetic.py) fails the run when a test wrote outside its temporary
folders: in the caller's home or in the work tree."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from . import hermetic

FIXTURES = Path(__file__).parent / "fixtures"
# A frozen copy of the dataset: behaviour tests read it, so that a data release changes only
# the tests of the bundled data (tests/test_data*.py).
FROZEN = FIXTURES / "chang8-frozen.toml"

# Today's date for every run of ilrs in the suite (core.clock): nothing may depend on the day
# the suite runs. Tests of relative ages set their own.
PINNED_TODAY = "2026-12-04"
# The terminal, language and clock of every test and of every process a test starts (None:
# unset), whatever the caller's: output must not depend on the terminal the tests run in. A
# test that needs another terminal sets it itself.
TERMINAL_ENV: dict[str, str | None] = {
    "TERM": "xterm-256color",
    "COLUMNS": "120",
    "LINES": "50",
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "LANGUAGE": None,
    "TZ": "UTC",
    "NO_COLOR": "1",
    "FORCE_COLOR": None,
    "CLICOLOR": None,
    "CLICOLOR_FORCE": None,
    "PY_COLORS": None,
    "COLORTERM": None,
    "TTY_COMPATIBLE": None,  # Rich's
    "TTY_INTERACTIVE": None,
    "GITHUB_ACTIONS": None,  # Typer forces its help to a terminal under it
    "PYTHONIOENCODING": None,
}
# ... and the in-process runner's and tests/child.py's: the frozen data, besides.
PINNED_ENV: dict[str, str | None] = {
    **TERMINAL_ENV,
    "ILRS_DATA": str(FROZEN),
    "ILRS_TODAY": PINNED_TODAY,
}
# Variables the suite reads and ilrs does not: kept when the caller's ILRS_* are removed.
SUITE_OPTIONS = ("ILRS_SCREENSHOTS",)
# The directories of the pinned home, by the variable that names each (XDG_RUNTIME_DIR is
# beside the home, as /run/user is).
PINNED_PLACES = {
    "HOME": "home",
    "XDG_CONFIG_HOME": "home/.config",
    "XDG_CACHE_HOME": "home/.cache",
    "XDG_DATA_HOME": "home/.local/share",
    "XDG_STATE_HOME": "home/.local/state",
    "XDG_RUNTIME_DIR": "runtime",
}

_TEMPORARY = pytest.StashKey[Path]()
_GUARD = pytest.StashKey["Guard"]()


def pin_environment(root: Path) -> None:
    """Pin this process's environment (see the module's docstring), with its home and the
    suite's caches in `root`."""
    for name in list(os.environ):
        if name.startswith(("ILRS_", "_ILRS_", "_TYPER_")) and name not in SUITE_OPTIONS:
            del os.environ[name]
    for name, place in PINNED_PLACES.items():
        (root / place).mkdir(mode=0o700, parents=True, exist_ok=True)
        os.environ[name] = str(root / place)
    for name, value in TERMINAL_ENV.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    if hasattr(time, "tzset"):
        time.tzset()
    (root / "ilrs-cache").mkdir(mode=0o700)
    os.environ["ILRS_CACHE_DIR"] = str(root / "ilrs-cache")
    os.environ["ILRS_TODAY"] = PINNED_TODAY
    # Hypothesis keeps its example database and caches in .hypothesis in the working
    # directory: here they live and go with the run.
    os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = str(root / "hypothesis")
    from hypothesis import configuration

    configuration.set_hypothesis_home_dir(root / "hypothesis")


@dataclass
class Guard:
    """The snapshots the guard compares: the caller's home and the work tree, before the
    first test and after the last."""

    home: Path | None
    tree: Path
    skipped: list[Path]
    before: tuple[hermetic.Snapshot, hermetic.Snapshot] = ({}, {})
    written: tuple[str, ...] = ()

    def take(self) -> tuple[hermetic.Snapshot, hermetic.Snapshot]:
        home = hermetic.home_snapshot(self.home) if self.home else {}
        return home, hermetic.tree_snapshot(self.tree, self.skipped)

    def compare(self) -> tuple[str, ...]:
        (home, tree), (home_before, tree_before) = self.take(), self.before
        self.written = (
            *(f"{line} (in the home {self.home})" for line in hermetic.changes(home_before, home)),
            *(f"{line} (in the work tree)" for line in hermetic.changes(tree_before, tree)),
        )
        return self.written


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    """Pin the environment of this process before any test module is imported (some read
    os.environ as they are). In the run's first process (the only one without pytest-xdist,
    the controller with it), the guard takes its first snapshot, of the caller's own home,
    before; and pytest's own report keeps the caller's width (its colours are already set)."""
    if not hasattr(config, "workerinput"):
        if config.pluginmanager.has_plugin("terminalreporter"):
            writer = config.get_terminal_writer()
            writer.fullwidth = writer.fullwidth
        home = os.environ.get("HOME")
        guard = Guard(Path(home) if home else None, config.rootpath, _left_to_the_caller(config))
        guard.before = guard.take()
        config.stash[_GUARD] = guard
    root = Path(tempfile.mkdtemp(prefix="ilrs-tests-"))
    config.stash[_TEMPORARY] = root
    pin_environment(root)


def _left_to_the_caller(config: pytest.Config) -> list[Path]:
    """Paths of the work tree a run writes to because the caller asked: pytest's cache when
    `-o addopts=...` turns it back on, the screenshots' directory (ILRS_SCREENSHOTS), a
    --basetemp and a TMPDIR there."""
    paths = [Path(tempfile.gettempdir())]
    if config.option.basetemp:
        paths.append(Path(config.option.basetemp))
    if os.environ.get("ILRS_SCREENSHOTS"):
        paths.append(Path(os.environ["ILRS_SCREENSHOTS"]))
    if config.pluginmanager.has_plugin("cacheprovider"):
        paths.append(config.rootpath / os.path.expandvars(config.getini("cache_dir")))
    return [path.resolve() for path in paths]


def pytest_unconfigure(config: pytest.Config) -> None:
    root = config.stash.get(_TEMPORARY, None)
    if root is not None:
        shutil.rmtree(root, ignore_errors=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtestloop(session: pytest.Session) -> Generator[None, object, object]:
    """After the last test (every worker's included), the guard compares: what was written
    outside the temporary folders fails the run."""
    result = yield
    guard = session.config.stash.get(_GUARD, None)
    if guard is not None and guard.compare():
        session.testsfailed += 1
    return result


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    guard = config.stash.get(_GUARD, None)
    if guard is None or not guard.written:
        return
    terminalreporter.write_sep(
        "=", "error: the suite wrote outside its temporary folders", red=True, bold=True
    )
    for line in guard.written:
        terminalreporter.write_line(line)


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    def json(self) -> Any:
        return json.loads(self.stdout)


Runner = Callable[..., Outcome]


@pytest.fixture
def extra_env() -> dict[str, str | None]:
    """Environment for this test's CLI runs, on top of PINNED_ENV."""
    return {}


@pytest.fixture
def ilrs(extra_env: dict[str, str | None]) -> Runner:
    """Run `ilrs ARGS...` in-process; `env` adds to or overrides the pinned environment."""

    from .runner import invoke  # not before the environment is pinned: it imports Typer

    def run(*args: str, env: dict[str, str | None] | None = None) -> Outcome:
        result = invoke(args, {**PINNED_ENV, **extra_env, **(env or {})})
        unexpected = result.exception if not isinstance(result.exception, SystemExit) else None
        return Outcome(result.exit_code, result.stdout, result.stderr, unexpected)

    return run


@pytest.fixture
def use_dataset(extra_env: dict[str, str | None]) -> Callable[[Path], None]:
    """Point ILRS_DATA at another dataset file for the rest of the test."""

    def use(path: Path) -> None:
        extra_env["ILRS_DATA"] = str(path)

    return use


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first, so that the workers share out the quick ones after them instead
    of one worker finishing a long test alone at the end.

    Under libfaketime (the `faketime` command), the library's own shared-memory file takes
    whatever standard descriptor a test closes, so a test that starts ilrs with stdin or stdout
    closed would test libfaketime instead: it is skipped there, and runs everywhere else."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
    if "faketime" not in os.environ.get("LD_PRELOAD", ""):
        return
    reason = "libfaketime reuses the closed descriptor; this test runs without it"
    for item in items:
        if item.get_closest_marker("closes_a_stream"):
            item.add_marker(pytest.mark.skip(reason=reason))
