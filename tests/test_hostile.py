"""Hostile datasets, strings and environments: a clear answer or a clear error, never a
traceback and never a silently wrong answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FROZEN, PINNED_ENV, Runner
from .test_loader import VALID, write

HOSTILE = sorted((Path(__file__).parent / "hostile").glob("*.toml"))


def expectations(path: Path) -> list[str]:
    raw = path.read_bytes()
    lines = raw.decode("utf-16" if raw.startswith(b"\xff\xfe") else "utf-8").splitlines()
    return [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]


def test_the_corpus_is_large_enough() -> None:
    assert len(HOSTILE) >= 15
    assert all(expectations(path) for path in HOSTILE)


@pytest.mark.parametrize("path", HOSTILE, ids=lambda path: path.stem)
def test_check_names_the_exact_problem(ilrs: Runner, path: Path) -> None:
    outcome = ilrs("check", str(path))
    assert outcome.exception is None
    assert outcome.exit_code == 1
    assert outcome.stdout == ""
    assert outcome.stderr.startswith(f"ilrs: error: {path}: ")
    for expected in expectations(path):
        assert expected in outcome.stderr, outcome.stderr


@pytest.mark.parametrize("path", HOSTILE, ids=lambda path: path.stem)
def test_every_command_refuses_a_bad_dataset_with_the_same_report(ilrs: Runner, path: Path) -> None:
    checked = ilrs("check", str(path)).stderr
    for args in (["payloads", "--json"], ["members"], ["info"]):
        outcome = ilrs("--data", str(path), *args)
        assert outcome.exit_code == 1
        assert outcome.stdout == ""
        assert outcome.stderr == checked


def test_check_passes_a_valid_dataset_with_a_summary(ilrs: Runner) -> None:
    outcome = ilrs("check")
    assert outcome.exit_code == 0
    assert "ok, no problems in 42 sources, 17 institutions, 10 payloads" in outcome.stdout
    assert "28 members, 3 missions, 28 events (of which 14 signings), 12 facts" in outcome.stdout
    assert outcome.stdout.count("\n") == 1


def test_check_uses_data_and_the_option_wins_over_the_variable(
    tmp_path: Path, ilrs: Runner
) -> None:
    good = write(tmp_path, VALID, "good.toml")
    bad = write(tmp_path, "not toml at all", "bad.toml")
    assert ilrs("check", env={"ILRS_DATA": str(good)}).exit_code == 0
    assert ilrs("check", env={"ILRS_DATA": str(bad)}).exit_code == 1
    outcome = ilrs("--data", str(good), "payloads", "--json", env={"ILRS_DATA": str(bad)})
    assert outcome.exit_code == 0
    assert [item["id"] for item in outcome.json()] == ["rover"]


def test_caption_and_info_name_the_file_in_use(tmp_path: Path, ilrs: Runner) -> None:
    path = write(tmp_path, VALID)
    assert str(path) in ilrs("--data", str(path), "payloads", env={"COLUMNS": "300"}).stdout
    assert ilrs("--data", str(path), "info", "--json").json()["file"] == str(path)
    assert ilrs("info", "--json", env={"ILRS_DATA": None}).json()["file"] == "bundled chang8.toml"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read the file: No such file or directory"),
        ("directory", "is a directory, not a dataset file"),
        (b"", "is empty"),
        (b"\xc3\x28 = 1\n", "is not UTF-8 text (bad byte at offset 0)"),
        (bytes(range(256)), "is a binary file"),
        (b"[dataset\n", "not valid TOML"),
    ],
)
def test_files_that_are_not_datasets(
    tmp_path: Path, ilrs: Runner, content: bytes | str | None, message: str
) -> None:
    path = tmp_path / "data.toml"
    if content == "directory":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    outcome = ilrs("--data", str(path), "payloads")
    assert outcome.exception is None
    assert outcome.exit_code == 1
    assert f"{path}: 1 problem:\n  - {message}" in outcome.stderr


def test_fifty_megabytes_of_random_bytes_are_refused_unread(tmp_path: Path, ilrs: Runner) -> None:
    path = tmp_path / "random.toml"
    with path.open("wb") as file:
        file.write(os.urandom(1024 * 1024))
        file.truncate(50 * 1024 * 1024)
    outcome = ilrs("check", str(path))
    assert outcome.exit_code == 1
    assert "is 52,428,800 bytes, too large for a dataset" in outcome.stderr


HOSTILE_NAME = "[bold red]Rover[/] \x1b[31mred\x1b[0m \x07bell\rreturn \u202eevil"


@pytest.fixture
def hostile_strings(tmp_path: Path) -> Path:
    toml_name = json.dumps(HOSTILE_NAME)  # a JSON string is a valid TOML basic string here
    return write(tmp_path, VALID.replace('name = "A rover"', f"name = {toml_name}"))


def test_markup_and_control_characters_show_as_text_in_tables(
    ilrs: Runner, hostile_strings: Path
) -> None:
    for env in ({"NO_COLOR": "1"}, {"NO_COLOR": None, "FORCE_COLOR": "1"}):
        outcome = ilrs("--data", str(hostile_strings), "payloads", env={**env, "COLUMNS": "300"})
        assert outcome.exit_code == 0
        assert "[bold red]Rover[/]" in outcome.stdout
        assert "\\x1b[31mred\\x1b[0m" in outcome.stdout
        assert "\\x07bell\\rreturn" in outcome.stdout
        assert "\\u202eevil" in outcome.stdout
        for raw in ("\x07", "\r", "\u202e", "\x1b[31m"):
            assert raw not in outcome.stdout


def test_hostile_strings_stay_exact_in_json_and_visible_in_csv(
    ilrs: Runner, hostile_strings: Path
) -> None:
    json_text = ilrs("--data", str(hostile_strings), "payloads", "--json").stdout
    assert json.loads(json_text)[0]["name"] == HOSTILE_NAME  # exact values
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in json_text  # written as \u escapes: JSON keeps the value
    csv_text = ilrs("--data", str(hostile_strings), "payloads", "--csv").stdout
    assert "[bold red]Rover[/] \\x1b[31mred\\x1b[0m \\x07bell" in csv_text
    assert "\x1b" not in csv_text and "\x07" not in csv_text


def test_hostile_strings_in_error_messages_are_visible(ilrs: Runner) -> None:
    outcome = ilrs("payloads", "--country", "Tur\x1b[31mkey")
    assert outcome.exit_code == 2
    assert "\x1b" not in outcome.stderr
    assert "\\x1b[31m" in outcome.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["payloads", "--country", ""],
        ["members", "--country", "  "],
        ["timeline", "--mission", ""],
        ["timeline", "--after", ""],
        ["payloads", "--fields", ""],
        ["payloads", "--sort", ""],
        ["show", ""],
        ["search", ""],
        ["members", "--national", "--subnational"],
        ["members", "--affiliated", "--organization"],
        ["payloads", "--json", "--csv"],
        ["launch"],
        ["payloads", "--colour"],
    ],
)
def test_empty_contradictory_and_unknown_arguments_exit_2(ilrs: Runner, args: list[str]) -> None:
    outcome = ilrs(*args)
    assert outcome.exception is None
    assert outcome.exit_code == 2
    assert outcome.stdout == ""
    assert "Error:" in outcome.stderr


def test_unknown_command_lists_the_valid_ones(ilrs: Runner) -> None:
    outcome = ilrs("launch")
    assert "No such command 'launch'" in outcome.stderr
    assert "payloads, members, artemis, signings, growth, timeline" in outcome.stderr


def test_repeated_flags_are_fine(ilrs: Runner) -> None:
    outcome = ilrs("members", "--national", "--national", "--json", "--json")
    assert outcome.exit_code == 0
    assert len(outcome.json()) == 14


# -- environments that need a real process --------------------------------------------------


def run(
    args: list[str], env: dict[str, str | None] | None = None
) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ}
    for key, value in {**PINNED_ENV, **(env or {})}.items():
        if value is None:
            environment.pop(key, None)
        else:
            environment[key] = value
    return subprocess.run(
        [sys.executable, "-m", "ilrs_cli", *args],
        capture_output=True,
        env=environment,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("args", [["payloads", "--json"], ["payloads"], ["info", "--csv"]])
def test_closed_pipe_exits_quietly(args: list[str]) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "ilrs_cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1", "ILRS_DATA": str(FROZEN)},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head -c 0`: the reader is gone before ilrs writes
    stderr = process.stderr.read().decode()
    process.wait(timeout=60)
    assert stderr == ""
    assert process.returncode in (0, 1)


def test_head_one_line_through_a_shell_pipe() -> None:
    command = f"{sys.executable} -m ilrs_cli timeline --json | head -c 10; exit ${{PIPESTATUS[0]}}"
    result = subprocess.run(
        ["bash", "-c", command], capture_output=True, timeout=60, check=False,
        env={**os.environ, "ILRS_DATA": str(FROZEN)},
    )  # fmt: skip
    assert result.stdout == b"[\n  {\n    "
    assert result.stderr == b""


@pytest.mark.parametrize(
    "env",
    [
        {"LANG": "C", "LC_ALL": "C"},
        {"PYTHONIOENCODING": "ascii"},
        {"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"},
    ],
)
def test_ascii_and_c_locales_do_not_crash(env: dict[str, str | None]) -> None:
    table = run(["payloads", "--country", "Türkiye"], env)
    assert table.returncode == 0, table.stderr
    assert b"Middle East Technical University" in table.stdout
    as_json = run(["payloads", "--country", "Türkiye", "--json"], env)
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout)[0]["name_zh"] == "挑战性环境智能探索机器人"
    assert run(["search", "香港"], env).returncode == 0


@pytest.mark.parametrize("columns", ["20", "400"])
def test_tiny_and_huge_widths(columns: str) -> None:
    table = run(["members"], {"COLUMNS": columns})
    assert table.returncode == 0
    assert b"Turkey" in table.stdout or int(columns) < 30
    as_json = run(["members", "--json"], {"COLUMNS": columns})
    assert len(json.loads(as_json.stdout)) == 28


@pytest.mark.parametrize(
    ("env", "escapes"),
    [
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ({"NO_COLOR": None, "FORCE_COLOR": "1"}, True),
        ({"NO_COLOR": None, "FORCE_COLOR": "1", "TERM": "dumb"}, False),
        ({"NO_COLOR": None, "FORCE_COLOR": None}, False),
    ],
)
def test_colour_variables(env: dict[str, str | None], escapes: bool) -> None:
    result = run(["payloads"], env)
    assert result.returncode == 0
    assert (b"\x1b[" in result.stdout) is escapes
    assert b"\x1b[" not in run(["payloads", "--json"], env).stdout
