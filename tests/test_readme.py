"""The README's generated parts match the code and data; its Quick start is two commands."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "cli_reference", ROOT / "scripts" / "cli_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_json_keys_and_schema_are_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == generator().updated_readme(readme, data=False), (
        "README.md is stale; run: python scripts/cli_reference.py"
    )


def test_reference_covers_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("payloads", "members", "timeline"):
        assert f"### `ilrs {command} --help`" in readme


def test_quick_start_is_two_commands_install_and_run_then_test() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None
    commands = block[1].strip().splitlines()
    assert len(commands) == 2
    assert "ilrs payloads --country Turkey" in commands[0]
    assert "pytest" in commands[1]
    assert all("python3 -m venv" in command for command in commands)
