"""Shell completion (Typer's) for commands, countries, ids and field names."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FROZEN
from .test_completion_shells import shim

ENV = {**os.environ, "ILRS_DATA": str(FROZEN)}


def complete_bash(line: str, cword: int | None = None) -> list[str]:
    words = line.split(" ") if cword is None else [""] * (cword + 1)
    env = {
        **ENV,
        "_ILRS_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(words) - 1),
    }
    result = subprocess.run(
        [sys.executable, "-m", "ilrs_cli"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def complete_zsh(line: str) -> str:
    env = {**ENV, "_ILRS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    result = subprocess.run(
        [sys.executable, "-m", "ilrs_cli"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_commands_complete() -> None:
    import typer

    from ilrs_cli.cli.app import app

    group = typer.main.get_command(app)
    names = group.list_commands(typer.Context(group))
    assert complete_bash("ilrs pay") == ["payloads"]
    for start, some in (("s", {"show", "search", "signings", "sources"}),
                        ("c", {"countries", "check", "cite", "cache", "chart"})):  # fmt: skip
        offered = set(complete_bash(f"ilrs {start}"))
        assert offered >= some and offered == {name for name in names if name.startswith(start)}


def test_partial_country_name_completes_from_the_data() -> None:
    assert complete_bash("ilrs payloads --country Tu") == ["Turkey"]
    assert "Turkey" in complete_zsh("ilrs members --country Tu")
    assert complete_bash("ilrs payloads --country Pa") == ["Pakistan", "Panama"]
    assert complete_bash("ilrs payloads --country tu") == ["turkey"]
    completions = complete_bash("ilrs payloads --country P")
    assert completions == ["Pakistan", "PK", "Panama", "PA", "Peru", "PE"]
    assert complete_bash("ilrs payloads --country TR") == ["TR"]


def test_partial_id_completes() -> None:
    assert complete_bash("ilrs show micro") == ["micro-rovers", "micro-rover-project-announced"]
    assert complete_bash("ilrs show egypt") == ["egypt", "egypt-signs", "egyptian-space-agency"]


def test_fields_complete_per_command_after_a_comma() -> None:
    assert complete_bash("ilrs members --fields name,st") == ["name,status", "name,start"]
    assert complete_bash("ilrs timeline --fields st") == ["start", "status"]


def test_cite_ids_and_fields_commands_complete() -> None:
    assert complete_bash("ilrs cite chang") == ["chang-e-7", "chang-e-8"]
    assert complete_bash("ilrs fields m") == ["members", "mission"]
    assert complete_bash("ilrs cite egypt --format b") == ["bibtex"]


def test_sort_mission_and_region_complete_with_multi_word_values() -> None:
    assert complete_bash("ilrs members --sort da") == ["date"]
    assert complete_bash("ilrs timeline --mission Chang") == ["Chang'e-7", "Chang'e-8"]
    assert complete_bash("ilrs payloads --country Hon") == ["Hong Kong"]
    assert complete_bash("ilrs payloads --country Hong\\ K", cword=3) == ["Hong Kong"]
    assert complete_bash("ilrs countries --region sub") == ["sub-Saharan Africa"]
    assert '"Hong Kong":"HK"' in complete_zsh("ilrs payloads --country Hon")


BASH = shutil.which("bash")


def installed(shell: str, folder: Path) -> tuple[str, dict[str, str]]:
    """The completion script `ilrs` gives `shell`, and an environment whose PATH runs this
    checkout's ilrs as `ilrs`, reading the frozen data."""
    script = subprocess.run(
        [sys.executable, "-m", "ilrs_cli"], capture_output=True, text=True, timeout=60,
        env={**ENV, "_ILRS_COMPLETE": f"source_{shell}"},
    ).stdout  # fmt: skip
    return script, {**shim(folder), "ILRS_DATA": str(FROZEN)}


@pytest.mark.skipif(BASH is None, reason="needs bash")
def test_in_a_real_bash_a_multi_word_country_is_inserted_as_one_word(tmp_path: Path) -> None:
    """Source the installed completion script in bash, complete, and run the line."""
    script, env = installed("bash", tmp_path)
    program = script + (
        "\nCOMP_WORDS=(ilrs payloads --country Hon); COMP_CWORD=3\n"
        "_ilrs_completion ilrs\n"
        'line="ilrs payloads --country ${COMPREPLY[0]} --format ids"\n'
        'echo "$line"; eval "$line"\n'
    )
    result = subprocess.run(
        [BASH, "--norc", "-c", program], capture_output=True, text=True, timeout=60,
        env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "ilrs payloads --country Hong\\ Kong --format ids"
    assert lines[1:] == ["multi-functional-robot"]


FISH = shutil.which("fish")


@pytest.mark.skipif(FISH is None, reason="needs fish (.ci/run installs it)")
def test_in_a_real_fish_the_completion_script_offers_the_data(tmp_path: Path) -> None:
    """Source the installed completion script in fish and ask fish what a Tab would offer."""
    script, env = installed("fish", tmp_path)
    program = script + '\ncomplete -C "ilrs payloads --country Hon"\n'
    result = subprocess.run(
        [FISH, "--no-config", "-c", program], capture_output=True, text=True, timeout=60,
        env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    offered = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert offered == ["Hong Kong"]


def test_installing_bash_completion_twice_changes_nothing_the_second_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """~/.bashrc gets its source line once, after the user's own last line, and later runs
    leave it as it is, to the byte (Typer's installer added a blank line at every run)."""
    from ilrs_cli.cli.completion import install_bash

    monkeypatch.setenv("HOME", str(tmp_path))
    rc = tmp_path / ".bashrc"
    rc.write_text("alias ll='ls -l'", encoding="utf-8")  # no final newline
    install_bash(prog_name="ilrs", complete_var="_ILRS_COMPLETE", shell="bash")
    first = rc.read_bytes()
    assert first == (
        f"alias ll='ls -l'\nsource '{tmp_path / '.bash_completions' / 'ilrs.sh'}'\n".encode()
    )
    for _ in range(2):
        install_bash(prog_name="ilrs", complete_var="_ILRS_COMPLETE", shell="bash")
        assert rc.read_bytes() == first
    assert "complete -o default" in (tmp_path / ".bash_completions" / "ilrs.sh").read_text()


def test_a_bashrc_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    (tmp_path / ".bashrc").mkdir()  # a directory: no user, root included, can write it
    result = subprocess.run(
        [sys.executable, "-m", "ilrs_cli", "--install-completion", "bash"],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    assert result.returncode == 1
    assert f"cannot write to {tmp_path / '.bashrc'}" in result.stderr, result.stderr
