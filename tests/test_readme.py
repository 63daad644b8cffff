"""The README's generated parts match the code and data; its Quick start is two commands."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_docs", ROOT / "scripts" / "make_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_json_keys_and_schema_are_current() -> None:
    for path, (current, wanted) in generator().generated(data=False).items():
        assert current == wanted, f"{path.name} is stale; run: python scripts/make_docs.py"


def test_reference_covers_every_command_and_subcommand() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in ("payloads", "members", "timeline", "data copy", "export sqlite", "diff"):
        assert f"## `ilrs {command} --help`" in reference


def test_readme_is_short() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 250


LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def test_every_relative_link_in_readme_and_docs_resolves() -> None:
    documents = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]
    checked = 0
    for document in documents:
        for target in LINK.findall(document.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "mailto:", "#")):
                continue
            path = (document.parent / target.split("#")[0]).resolve()
            assert path.exists(), f"{document.name}: broken link {target}"
            checked += 1
    assert checked >= 10


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
