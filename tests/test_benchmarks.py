"""The benchmark's baseline stays the same shape as ilrs, the script runs, and the lazy
imports it relies on hold (a test of imports, not of timings)."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import typer

from ilrs_cli.cli.app import app

from .child import modules_of, run_main

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def null_app() -> ModuleType:
    spec = importlib.util.spec_from_file_location("null_app", BENCHMARKS / "null_app.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shape(application: typer.Typer) -> dict[str, Any]:
    """Commands, and for each its parameters: name, option strings, type, metavar, envvar,
    whether it repeats, is a flag or is required."""
    group = typer.main.get_command(application)
    commands = {"": group, **getattr(group, "commands", {})}
    for name, command in list(commands.items()):
        for sub_name, sub_command in getattr(command, "commands", {}).items() if name else ():
            commands[f"{name} {sub_name}"] = sub_command
    return {
        name: sorted(
            (
                param.name,
                tuple(param.opts),
                re.sub(r"[\w.]+\.(\w+)", r"\1", str(param.type_descriptor.annotation)),
                param.metavar,
                str(getattr(param, "envvar", None)),
                param.multiple,
                bool(getattr(param, "is_flag", False)),
                param.required,
            )
            for param in command.params
            if param.name not in ("install_completion", "show_completion")
        )
        for name, command in commands.items()
    }


def test_the_null_app_has_the_same_commands_and_options() -> None:
    assert shape(null_app().app) == shape(app)


@pytest.mark.slow
def test_the_benchmark_runs_and_prints_ratios() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "startup.py"), "--rounds", "1", "--warmup", "0",
         "--sizes", "200", "--affiliated", "500", "--before", sys.executable,
         "--answers", "payloads,cite"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for case in (
        "JSON query",
        "table",
        "completion --country Tu",
        "200 records",
        "500 affiliated",
        "Tab: --country Tu",
        "payloads table",
        "cite JSON",
        "peers: payloads with Turkey",
    ):
        assert case in result.stdout
    assert len(re.findall(r" \d+\.\d\dx", result.stdout)) >= 4
    assert "members table" not in result.stdout  # only the answers asked for
    # with --before, each answer has two times and two ratios
    assert re.search(r"cite JSON +\d+\.\d +\d+\.\d +\d+\.\d\dx +\d+\.\d\dx", result.stdout)
    for peer in ("sqlite3", "jq", "sqlite-utils", "script"):
        assert re.search(rf"{peer}.*(\d\.\d+x|not installed, skipped)", result.stdout), peer


def imported_after(*args: str, env: dict[str, str] | None = None) -> set[str]:
    return modules_of(run_main(*args, env={**os.environ, "NO_COLOR": "1", **(env or {})}))


def test_a_cached_json_query_loads_no_parser_no_rich_no_country_library() -> None:
    imported_after("payloads", "--json")  # fills the cache
    modules = imported_after("payloads", "--country", "Turkey", "--json")
    assert "ilrs_cli.load.cache" in modules
    for heavy in ("rich", "pycountry", "tomllib", "tomli"):
        assert heavy not in modules, heavy


def test_completion_loads_no_rich() -> None:
    env = {
        "_ILRS_COMPLETE": "complete_bash",
        "COMP_WORDS": "ilrs payloads --country Tu",
        "COMP_CWORD": "3",
    }
    modules = imported_after(env=env)
    assert "ilrs_cli.cli.fast_completion" in modules  # answered on the fast path
    assert "rich" not in modules and "pycountry" not in modules


def test_the_null_app_is_generated_from_the_real_app() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "make_null_app.py"), "--check"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
