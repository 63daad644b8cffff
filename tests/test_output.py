"""Output contracts: no escape codes unless on a colour terminal, JSON never wrapped, Rich
imported only for tables, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .child import last_line, modules_of, pinned, run_main
from .conftest import PINNED_ENV, Runner
from .test_loader import VALID, write

ESC = "\x1b"


def test_piped_table_has_no_escape_codes(ilrs: Runner) -> None:
    outcome = ilrs("payloads", env={"NO_COLOR": None})
    assert outcome.exit_code == 0
    assert ESC not in outcome.stdout


def test_forced_colour_does_emit_escape_codes(ilrs: Runner) -> None:
    outcome = ilrs("payloads", env={"NO_COLOR": None, "FORCE_COLOR": "1"})
    assert ESC in outcome.stdout


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"NO_COLOR": None, "TERM": "dumb"}])
def test_no_color_and_dumb_terminals_win_over_force_color(
    ilrs: Runner, env: dict[str, str | None]
) -> None:
    outcome = ilrs("payloads", env={**env, "FORCE_COLOR": "1"})
    assert outcome.exit_code == 0
    assert ESC not in outcome.stdout


@pytest.mark.parametrize("columns", ["20", "400"])
def test_json_is_unwrapped_at_any_width(ilrs: Runner, columns: str) -> None:
    outcome = ilrs("payloads", "--json", env={"COLUMNS": columns, "FORCE_COLOR": "1"})
    assert ESC not in outcome.stdout
    items = json.loads(outcome.stdout)
    long_url = items[0]["sources"][0]["url"]
    assert f'"url": "{long_url}"' in outcome.stdout


def test_table_width_follows_columns(ilrs: Runner) -> None:
    narrow = ilrs("payloads", env={"COLUMNS": "60"}).stdout
    wide = ilrs("payloads", env={"COLUMNS": "200"}).stdout
    assert max(len(line) for line in narrow.splitlines()) <= 60
    assert max(len(line) for line in wide.splitlines()) > 60


def test_data_strings_are_never_markup(
    tmp_path: Path, ilrs: Runner, use_dataset: Callable[[Path], None]
) -> None:
    use_dataset(write(tmp_path, VALID.replace('name = "A rover"', 'name = "[bold red]X[/]"')))
    outcome = ilrs("payloads", env={"NO_COLOR": None, "FORCE_COLOR": "1"})
    assert "[bold red]X[/]" in outcome.stdout
    assert json.loads(ilrs("payloads", "--json").stdout)[0]["name"] == "[bold red]X[/]"


def run_module(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **{k: v for k, v in PINNED_ENV.items() if v is not None}}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        check=False,
        timeout=60,
    )


def _roots(result: subprocess.CompletedProcess[str]) -> set[str]:
    return {name.split(".")[0] for name in modules_of(result)}


def test_json_path_imports_neither_rich_nor_the_country_library() -> None:
    result = run_main("payloads", "--country", "Turkey", "--json", env=pinned())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "micro-rovers"
    assert not _roots(result) & {"rich", "pycountry"}


FROZEN_COUNT = "import gc\nprint('frozen', gc.get_freeze_count() > 1000, file=sys.stderr)\n"


@pytest.mark.parametrize("args", [["members", "--json"], ["members", "-h"], ["nosuch"]])
def test_the_objects_left_at_the_end_are_spared_the_last_collection(args: list[str]) -> None:
    """An answer, help and an error alike: main freezes what is left as it returns."""
    result = run_main(*args, env=pinned(), then=FROZEN_COUNT)
    assert last_line(result) == "frozen True"


def test_table_path_imports_no_rich_with_or_without_colour() -> None:
    """The plain renderer draws the table, in colour too (tests/test_plain_table.py)."""
    result = run_main("payloads", "--country", "Turkey", env=pinned())
    assert not _roots(result) & {"rich", "pycountry"}
    result = run_main("payloads", "--country", "Turkey", env=pinned(FORCE_COLOR="1", NO_COLOR=""))
    assert not _roots(result) & {"rich", "pycountry"}


def test_python_dash_m_and_version() -> None:
    from ilrs_cli import __version__

    result = run_module("-m", "ilrs_cli", "--version")
    assert result.returncode == 0
    assert result.stdout.startswith(f"ilrs {__version__}, bundled dataset ")
    assert "(as of 20" in result.stdout  # the dataset's version and as-of date too


def test_no_arguments_prints_help_not_a_traceback() -> None:
    result = run_module("-m", "ilrs_cli")
    assert result.returncode in (0, 2)
    assert "payloads" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_command_is_a_usage_error() -> None:
    result = run_module("-m", "ilrs_cli", "payload")
    assert result.returncode == 2
    assert "No such command" in result.stderr
    assert "Traceback" not in result.stderr


def test_errors_go_to_stderr_only() -> None:
    result = run_module("-m", "ilrs_cli", "payloads", "--country", "Turky", "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "did you mean Turkey?" in result.stderr


def test_an_unexpected_error_is_a_message_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ilrs_cli import cli, load

    def explode(*_: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(load, "open_dataset", explode)
    monkeypatch.setattr(sys, "argv", ["ilrs", "payloads"])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert "ilrs: internal error: RuntimeError: disk on fire" in err
    assert "Traceback" not in err
