"""Shell completion (Typer's) for commands, countries, ids and field names."""

from __future__ import annotations

import os
import subprocess
import sys


def complete_bash(line: str) -> list[str]:
    words = line.split(" ")
    env = {
        **os.environ,
        "_ILRS_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(words) - 1),
    }
    result = subprocess.run(
        [sys.executable, "-m", "ilrs_cli"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def complete_zsh(line: str) -> str:
    env = {**os.environ, "_ILRS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    result = subprocess.run(
        [sys.executable, "-m", "ilrs_cli"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_commands_complete() -> None:
    assert complete_bash("ilrs pay") == ["payloads"]
    assert set(complete_bash("ilrs s")) == {"show", "search", "sources"}


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
    assert complete_bash("ilrs members --fields name,st") == ["name,status"]
    assert complete_bash("ilrs timeline --fields st") == ["start", "status"]


def test_cite_ids_and_fields_commands_complete() -> None:
    assert complete_bash("ilrs cite chang") == ["chang-e-7", "chang-e-8"]
    assert complete_bash("ilrs fields m") == ["members", "mission"]
    assert complete_bash("ilrs cite egypt --format b") == ["bibtex"]
