"""The fast completion path prints what Typer's own completion prints, byte for byte, for a
corpus of partial command lines generated from the app, in bash, zsh and fish; and a
completion request imports none of Typer, Click, pydantic or Rich."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from ilrs_cli.cli import fast_completion
from ilrs_cli.cli.candidates import countries, ids, missions, names

from .child import modules_of, run_main
from .conftest import FROZEN
from .runner import COMMAND
from .test_loader import VALID

ROOT = Path(__file__).resolve().parents[1]


def lines_from_the_app(data: Path) -> Iterator[str]:
    """Partial command lines: every command and option, value prefixes of every completed
    option (multi-word and non-ASCII values included), --data, `--`, repeated options."""
    loaded = names(data)
    values = {
        "countries": [v for v, _ in countries(loaded, "")],
        "ids": [v for v, _ in ids(loaded, "")][:12],
        "missions": [v for v, _ in missions(loaded, "")],
    }
    group = COMMAND
    yield "ilrs "
    yield "ilrs --"
    for name, command in group.commands.items():
        yield f"ilrs {name[:2]}"
        yield f"ilrs {name} "
        yield f"ilrs {name} --"
        for sub in getattr(command, "commands", {}):
            yield f"ilrs {name} {sub[:1]}"
            yield f"ilrs {name} {sub} --"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    yield f"ilrs {name} {opt[:4]}"
            if type(param).__name__ != "TyperOption" or param.is_flag:
                continue
            option = param.opts[0]
            yield f"ilrs {name} {option} "
            info = param.type_descriptor.parameter_info
            completer = getattr(getattr(info, "autocompletion", None), "__name__", "")
            key = {"complete_country": "countries", "complete_id": "ids",
                   "complete_mission": "missions"}.get(completer)  # fmt: skip
            for value in values.get(key or "", [])[:10]:
                typed = value.replace("\\", "")
                yield f"ilrs {name} {option} {typed[:3]}"
                yield f"ilrs {name} {option} {typed[:3].lower()}"
            yield f"ilrs {name} {option}=x"
    yield from (
        f"ilrs --data {data} payloads --country Ho",
        f"ilrs payloads --data {data} --country Ho",
        "ilrs payloads --country Turkey --country Eg",
        "ilrs payloads --json --j",
        "ilrs payloads --fields name,co",
        "ilrs members --sort -da",
        "ilrs cite -- eg",
        "ilrs cite egypt micro",
        "ilrs timeline --kind sig --kind ",
        "ilrs payloads --region 'latin ",
        'ilrs payloads --country "Hong K',
        "ilrs payloads -c Tür",
        "ilrs nosuch --x",
    )


def requests(line: str, shell: str) -> Iterator[dict[str, str]]:
    if shell == "bash":
        words = line.split(" ")
        yield {"_ILRS_COMPLETE": "complete_bash", "COMP_WORDS": line,
               "COMP_CWORD": str(len(words) - 1)}  # fmt: skip
    elif shell == "zsh":
        yield {"_ILRS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    else:
        for action in ("get-args", "is-args"):
            yield {"_ILRS_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": line,
                   "_TYPER_COMPLETE_FISH_ACTION": action}  # fmt: skip


def run(fast: bool) -> tuple[str, int, bool]:
    """stdout, exit code and whether the fast path answered, for the request in os.environ."""
    out = io.StringIO()
    code, answered = 0, False
    with redirect_stdout(out):
        if fast:
            try:
                answered = fast_completion.answer()
            except SystemExit as exit_:  # fish is-args answers with the exit code
                code, answered = int(exit_.code or 0), True
        if not answered:
            try:
                COMMAND(prog_name="ilrs")
            except SystemExit as exit_:
                code = exit_.code if isinstance(exit_.code, int) else 1
    return out.getvalue(), code, answered


@pytest.fixture
def odd_data(tmp_path: Path) -> Path:
    path = tmp_path / "odd.toml"
    text = VALID.replace('"Turkey" = "TR"', '"Turkey" = "TR"\n"Côte d\'Ivoire" = "CI"')
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
@pytest.mark.parametrize("which", ["frozen", "odd"])
def test_the_fast_path_prints_what_typer_prints(
    shell: str, which: str, odd_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = FROZEN if which == "frozen" else odd_data
    monkeypatch.setenv("ILRS_DATA", str(data))
    monkeypatch.setenv("COLUMNS", "200")
    lines = list(dict.fromkeys(lines_from_the_app(data)))
    compared = answered = 0
    for line in lines:
        for request in requests(line, shell):
            for key, value in request.items():
                monkeypatch.setenv(key, value)
            fast = run(fast=True)
            slow = run(fast=False)
            assert fast[:2] == slow[:2], (shell, request)
            compared += 1
            answered += fast[2]
    assert compared >= 150
    assert answered >= 0.8 * compared, (answered, compared)
    print(f"{shell} {which}: {compared} requests compared, {answered} answered fast")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_source_scripts_are_typers(shell: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_ILRS_COMPLETE", f"source_{shell}")
    assert run(fast=True)[:2] == run(fast=False)[:2]


def test_the_index_is_generated_from_the_app() -> None:
    script = ROOT / "scripts" / "make_completion_index.py"
    result = subprocess.run([sys.executable, str(script), "--check"], capture_output=True,
                            text=True, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout


def test_a_completion_request_imports_no_typer_click_pydantic_or_rich() -> None:
    for env in (
        {"_ILRS_COMPLETE": "complete_bash", "COMP_WORDS": "ilrs payloads --country Tu",
         "COMP_CWORD": "3"},
        {"_ILRS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "ilrs members --sort da"},
        {"_ILRS_COMPLETE": "source_bash"},
    ):  # fmt: skip
        result = run_main(env={**os.environ, "ILRS_DATA": str(FROZEN), **env})
        roots = {name.split(".")[0] for name in modules_of(result)}
        assert not roots & {"typer", "click", "pydantic", "rich"}, env
        assert result.stdout


def test_a_changed_dataset_is_seen_at_the_next_tab(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "data.toml"
    path.write_text(VALID, encoding="utf-8")
    monkeypatch.setenv("ILRS_DATA", str(path))
    request = {"_ILRS_COMPLETE": "complete_bash", "COMP_WORDS": "ilrs payloads --country Tu",
               "COMP_CWORD": "3"}  # fmt: skip
    for key, value in request.items():
        monkeypatch.setenv(key, value)
    assert run(fast=True)[:2] == ("Turkey\n", 0)
    path.write_text(VALID.replace('"Turkey" = "TR"', '"Turkey" = "TR"\n"Tuvalu" = "TV"'))
    assert run(fast=True)[:2] == ("Turkey\nTuvalu\n", 0)
    path.write_text("[broken", encoding="utf-8")
    assert run(fast=True)[:2] == ("\n", 0)  # a broken dataset completes nothing, silently
