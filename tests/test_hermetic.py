"""The suite is hermetic (tests/conftest.py): every test, and every process it starts, has a
home and XDG directories in a temporary folder and a pinned terminal; and the guard
(tests/hermetic.py) sees a write outside them and fails the run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from . import hermetic
from .conftest import PINNED_PLACES, PINNED_TODAY, SUITE_OPTIONS, TERMINAL_ENV

TESTS = Path(__file__).parent
BASH = shutil.which("bash")
SHOWN = [*PINNED_PLACES, *TERMINAL_ENV, "ILRS_CACHE_DIR", "ILRS_TODAY"]


def _seen_by_a_child() -> dict[str, object]:
    program = (
        "import json, os, pathlib, sys\n"
        f"names = {SHOWN!r}\n"
        "print(json.dumps({'env': {n: os.environ.get(n) for n in names},\n"
        "    'ilrs': sorted(n for n in os.environ if n.startswith('ILRS_')),\n"
        "    'home': str(pathlib.Path.home()), 'user': os.path.expanduser('~')}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True
    )
    return dict(json.loads(result.stdout))


def test_every_test_and_its_children_have_a_temporary_home_and_the_pinned_terminal() -> None:
    home = Path(os.environ["HOME"])
    root = home.parent
    assert root.name.startswith("ilrs-tests-")
    assert root.parent.resolve() == Path(tempfile.gettempdir()).resolve()
    for name, place in PINNED_PLACES.items():
        assert Path(os.environ[name]) == root / place and Path(os.environ[name]).is_dir(), name
    assert Path(os.environ["ILRS_CACHE_DIR"]).parent == root
    for name, value in TERMINAL_ENV.items():
        assert os.environ.get(name) == value, name
    assert os.environ["ILRS_TODAY"] == PINNED_TODAY
    ours = {"ILRS_CACHE_DIR", "ILRS_TODAY", *SUITE_OPTIONS}
    assert {name for name in os.environ if name.startswith("ILRS_")} <= ours
    child = _seen_by_a_child()
    assert child["env"] == {name: os.environ.get(name) for name in SHOWN}
    assert child["home"] == child["user"] == str(home)
    assert set(child["ilrs"]) <= ours  # type: ignore[call-overload]


def test_hypothesis_keeps_its_database_in_the_temporary_folder() -> None:
    from hypothesis.configuration import storage_directory

    where = storage_directory("examples", intent_to_write=False).path
    assert where.is_relative_to(Path(os.environ["HOME"]).parent)


def _home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    for place in (".cache/pip/http", ".config/pip", ".local/share", "Documents"):
        (home / place).mkdir(parents=True)
    (home / ".bashrc").write_text("# the user's own\n")
    (home / ".bash_history").write_text("ls\n")
    return home


def test_the_guard_sees_a_write_in_the_home_and_nothing_else(tmp_path: Path) -> None:
    home = _home(tmp_path)
    before = hermetic.home_snapshot(home)
    (home / ".bash_history").write_text("ls\nexit\n")  # the user's own terminals write it
    (home / "pytest-of-someone").mkdir()  # pytest's own temporary folders, where HOME=/tmp
    (home / ".cache/pip/http/entry").write_text("pip's")  # deep in another program's data
    assert hermetic.changes(before, hermetic.home_snapshot(home)) == []
    with (home / ".bashrc").open("a") as rc:
        rc.write("source ~/.bash_completions/ilrs.sh\n")
    (home / ".cache/ilrs/ab").mkdir(parents=True)
    (home / ".cache/ilrs/ab/0123.json").write_text("{}")
    (home / ".cache/dconf").mkdir()
    (home / ".config/fish/completions").mkdir(parents=True)
    (home / ".config/fish/completions/ilrs.fish").write_text("complete")
    (home / "Documents").rmdir()
    assert hermetic.changes(before, hermetic.home_snapshot(home)) == [
        "changed: .bashrc",
        "created: .cache/dconf",
        "created: .cache/ilrs",
        "created: .cache/ilrs/ab",
        "created: .cache/ilrs/ab/0123.json",
        "created: .config/fish",
        "created: .config/fish/completions",
        "created: .config/fish/completions/ilrs.fish",
        "removed: Documents",
    ]


def test_the_guard_sees_a_write_in_the_work_tree_but_not_in_its_caches(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    for place in ("src/pkg", ".git", ".venv-test", "screenshots"):
        (tree / place).mkdir(parents=True)
    (tree / "src/pkg/mod.py").write_text("x = 1\n")
    before = hermetic.tree_snapshot(tree, [tree / "screenshots"])
    for written in ("src/pkg/__pycache__/mod.pyc", ".git/index", ".venv-test/x", "screenshots/a"):
        (tree / written).parent.mkdir(exist_ok=True)
        (tree / written).write_text("")
    assert hermetic.changes(before, hermetic.tree_snapshot(tree, [tree / "screenshots"])) == []
    (tree / "src/pkg/mod.py").write_text("x = 22\n")
    (tree / ".hypothesis/examples").mkdir(parents=True)
    assert hermetic.changes(before, hermetic.tree_snapshot(tree, [tree / "screenshots"])) == [
        "created: .hypothesis",
        "created: .hypothesis/examples",
        "changed: src/pkg/mod.py",
    ]


@pytest.mark.skipif(BASH is None, reason="bash is not installed")
def test_install_completion_writes_only_into_the_home_it_is_given(tmp_path: Path) -> None:
    """Typer's --install-completion writes the detected shell's files under $HOME, which the
    suite pins (tests/test_fast_answers.py runs it in-process): run from bash, into
    ~/.bashrc and ~/.bash_completions, and the guard sees both."""
    home = _home(tmp_path)
    before = hermetic.home_snapshot(home)
    result = subprocess.run(
        [str(BASH), "--norc", "--noprofile", "-c",
         f'"{sys.executable}" -m ilrs_cli --install-completion; exit $?'],
        capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path,
        env={**os.environ, "HOME": str(home)},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "bash completion installed in" in result.stdout
    assert "source" in (home / ".bashrc").read_text()
    assert hermetic.changes(before, hermetic.home_snapshot(home)) == [
        "created: .bash_completions",
        "created: .bash_completions/ilrs.sh",
        "changed: .bashrc",
    ]


INNER_TESTS = """
from pathlib import Path


def test_quiet() -> None:
    assert True


def test_leaks() -> None:
    (Path(__file__).parents[1] / "leaked.txt").write_text("x")
"""


@pytest.mark.slow
def test_a_run_that_writes_outside_its_folders_fails(tmp_path: Path) -> None:
    """The guard in a real run of pytest, with a pytest-xdist worker: a test that writes into
    the work tree fails the run, which names that file and nothing else."""
    tree = tmp_path / "tree"
    (tree / "tests").mkdir(parents=True)
    for name in ("__init__.py", "conftest.py", "hermetic.py"):
        shutil.copy(TESTS / name, tree / "tests" / name)
    (tree / "tests/test_inner.py").write_text(INNER_TESTS)
    (tree / "pyproject.toml").write_text(
        "[tool.pytest.ini_options]\naddopts = '-p no:cacheprovider'\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "1"], capture_output=True, text=True,
        timeout=120, check=False, cwd=tree, env={**os.environ, "HOME": str(_home(tmp_path))},
    )  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    assert "2 passed" in result.stdout
    report = result.stdout[result.stdout.index("error: the suite wrote outside") :].splitlines()
    assert report[1] == "created: leaked.txt (in the work tree)", report
    assert report[2].startswith("="), report  # and nothing else
