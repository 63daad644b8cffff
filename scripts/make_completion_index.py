"""Write src/ilrs_cli/cli/completion_index.json (package data) from the real Typer app:
every command, option and argument with what the fast completion path needs (option
strings, whether a value follows, how values are completed, help texts), and the exact
`source_*` scripts.

    python scripts/make_completion_index.py          # rewrite the index
    python scripts/make_completion_index.py --check  # exit 1 when it is stale
"""

from __future__ import annotations

import enum
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from typing import Any

import typer
from generated import write_or_check  # noqa: E402

from ilrs_cli.cli import candidates, completion
from ilrs_cli.cli.app import app
from ilrs_cli.report.commands import COLUMNS_BY_COMMAND

TARGET = Path(__file__).resolve().parents[1] / "src" / "ilrs_cli" / "cli" / "completion_index.json"
# Typer's completion callbacks, by the name of the `candidates` function each asks.
COMPLETERS = {
    completion.complete_country: "countries",
    completion.complete_id: "ids",
    completion.complete_mission: "missions",
    completion.complete_fields: "fields",
    completion.complete_sort: "sort_fields",
    completion.complete_list_command: "list_commands",
    completion.complete_region: "regions",
}


def _completer(param: Any) -> str | None:
    wrapped = getattr(param, "_custom_shell_complete", None)
    if wrapped is None:
        return None
    info = param.type_descriptor.parameter_info
    found = COMPLETERS.get(getattr(info, "autocompletion", None))
    if found is None:
        raise SystemExit(f"{param.name}: a completion callback this script does not know")
    return found


def _param(param: Any, ctx: Any) -> dict[str, Any]:
    descriptor = param.type_descriptor
    annotation = descriptor.annotation
    choices = None
    if descriptor.is_choice and descriptor.choices is not None:
        choices = [c.value if isinstance(c, enum.Enum) else str(c) for c in descriptor.choices]
    return {
        "name": param.name,
        "option": type(param).__name__ == "TyperOption",
        "opts": _opts(param, ctx),
        "secondary": list(getattr(param, "secondary_opts", [])),
        "flag": bool(getattr(param, "is_flag", False) or getattr(param, "count", False)),
        "multiple": bool(param.multiple),
        "nargs": param.nargs,
        "eager": bool(param.is_eager),
        "hidden": bool(getattr(param, "hidden", False)),
        "envvar": getattr(param, "envvar", None),
        "help": getattr(param, "help", None),
        "completer": _completer(param),
        "choices": choices,
        "case_sensitive": bool(getattr(descriptor, "case_sensitive", True)),
        "file": bool(descriptor.is_file) or annotation is Path,
    }


def _opts(param: Any, ctx: Any) -> list[str]:
    """The option strings; the help option's in the order they are configured, since Click
    makes them a set (cli/fast_completion.py orders them as that set does at run time)."""
    if param.name == "help":
        return [name for name in ctx.help_option_names if name in param.opts]
    return list(param.opts)


def _command(command: Any, ctx: Any) -> dict[str, Any]:
    params = [_param(p, ctx) for p in command.get_params(ctx)]
    subcommands = {}
    for name in getattr(command, "list_commands", lambda _: [])(ctx):
        sub = command.get_command(ctx, name)
        if sub is not None and not sub.hidden:
            subcommands[name] = sub.get_short_help_str()
    return {"params": params, "subcommands": subcommands}


def _walk(command: Any, path: str, parent: Any, found: dict[str, Any]) -> None:
    # with the command's own context settings, as Click makes the context it completes in
    # (the help option is -h and --help)
    name = path.split(" ")[-1] or "ilrs"
    ctx = typer.Context(command, info_name=name, parent=parent, **command.context_settings)
    found[path] = _command(command, ctx)
    for name in getattr(command, "commands", {}):
        _walk(command.commands[name], f"{path} {name}".strip(), ctx, found)


def _source(shell: str) -> str:
    env = {**os.environ, "_ILRS_COMPLETE": f"source_{shell}"}
    result = subprocess.run(
        [sys.executable, "-c", "from ilrs_cli.cli.app import app; app(prog_name='ilrs')"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    return result.stdout


def source() -> str:
    commands: dict[str, Any] = {}
    _walk(typer.main.get_command(app), "", None, commands)
    scripts = {shell: _source(shell) for shell in ("bash", "zsh", "fish")}
    # each list command's fields, for --fields, --sort and `fields`: the fast path reads them
    # here rather than import the registry of commands
    fields = {name: candidates.list_fields(name) for name in COLUMNS_BY_COMMAND}
    index = {"commands": commands, "sources": scripts, "fields": fields}
    return json.dumps(index, indent=1, ensure_ascii=False) + "\n"


def main() -> int:
    return write_or_check(TARGET, source(), sys.argv[1:], "python scripts/make_completion_index.py")


if __name__ == "__main__":
    sys.exit(main())
