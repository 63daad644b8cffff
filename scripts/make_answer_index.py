"""Write src/ilrs_cli/cli/answer_index.json (package data) from the real Typer app: for each
command that answers with a report (`answers_command`), what the fast answer path
(`cli/fast_answers.py`) needs to parse its command line as Typer does: every parameter's
option strings, whether it is a flag, repeats or takes the rest of the line, its default,
its type (text, path, integer with its bounds, a choice with its values and enum), and the
command's name, by which `cli/questions.py` asks its question; and the root's parameters.

Everything comes from the Click command Typer builds (introspection, never the source). A
command whose parameters this script cannot describe exactly is left out: Typer answers it.

    python scripts/make_answer_index.py          # rewrite the index
    python scripts/make_answer_index.py --check  # exit 1 when it is stale
"""

from __future__ import annotations

import enum
import importlib
import inspect
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import typer  # noqa: E402
from generated import write_or_check  # noqa: E402

from ilrs_cli.cli.app import app  # noqa: E402
from ilrs_cli.cli.lazy import LATER  # noqa: E402
from ilrs_cli.cli.output_options import OUTPUT_OPTIONS  # noqa: E402

TARGET = Path(__file__).resolve().parents[1] / "src" / "ilrs_cli" / "cli" / "answer_index.json"
OUTPUT = {name for name, _, _ in OUTPUT_OPTIONS}  # reporting.respond takes these by name
# Path options as Typer makes them by default: no check but readability of an existing file.
PLAIN_PATH = {
    "exists": False, "file_okay": True, "dir_okay": True, "writable": False, "readable": True,
    "resolve_path": False, "allow_dash": False, "path_type": None,
}  # fmt: skip


class Unknown(Exception):
    """A parameter this script cannot describe exactly."""


def _enum_name(cls: type[enum.Enum]) -> str | None:
    """module:name, when importing that gives this very class."""
    module = importlib.import_module(cls.__module__)
    return (
        f"{cls.__module__}:{cls.__qualname__}"
        if getattr(module, cls.__qualname__, None) is cls
        else None
    )


def _value(param: Any) -> dict[str, Any]:
    """How a value given on the command line becomes what the command receives."""
    descriptor = param.type_descriptor
    info = descriptor.parameter_info
    if info.parser is not None or descriptor.is_file or getattr(param, "count", False):
        raise Unknown("a parser, a file or a count")
    if getattr(param, "is_flag", False):
        if not param.is_bool_flag or param.secondary_opts:
            raise Unknown("a flag that is not a plain boolean")
        return {"kind": "flag"}
    annotation = descriptor.annotation
    if descriptor.is_list:
        (annotation,) = typer._typing.get_args(annotation)
    if descriptor.is_choice:
        if not descriptor.case_sensitive or not issubclass(annotation, enum.Enum):
            raise Unknown("a choice that is not a case-sensitive enum")
        enum_name = _enum_name(annotation)
        if enum_name is None and param.name not in OUTPUT:
            raise Unknown("an enum that cannot be imported")
        return {"kind": "choice", "choices": [str(c.value) for c in annotation], "enum": enum_name}
    if descriptor.is_path:
        if annotation is not Path or any(getattr(info, k) != v for k, v in PLAIN_PATH.items()):
            raise Unknown("a path with checks")
        return {"kind": "path"}
    if annotation is str:
        return {"kind": "text"}
    if annotation is int:
        if info.clamp:
            raise Unknown("a clamped integer")
        return {"kind": "int", "min": info.min, "max": info.max}
    raise Unknown(f"a value of type {annotation}")


def _param(param: Any) -> dict[str, Any]:
    option = type(param).__name__ == "TyperOption"
    if param.name == "help" or param.is_eager or param.callback is not None:
        # the help option's names are a set in Click: sorted, so that the index is stable
        return {"name": param.name, "option": option, "opts": sorted(param.opts),
                "secondary": list(param.secondary_opts), "unsure": True}  # fmt: skip
    if param.envvar is not None or not param.expose_value or param.nargs not in (1, -1):
        raise Unknown("an environment variable, a hidden value or a fixed count of values")
    if getattr(param, "prompt", None):
        raise Unknown("a prompt")
    multiple = bool(param.multiple or param.nargs == -1)
    if param.default is not None and (multiple or not isinstance(param.default, (bool, int, str))):
        raise Unknown("a default Typer would convert")
    return {
        "name": param.name, "option": option, "opts": list(param.opts),
        "secondary": list(param.secondary_opts), "unsure": False,
        "required": bool(param.required), "multiple": multiple, "default": param.default,
        "value": _value(param),
    }  # fmt: skip


def _root(group: Any, ctx: Any) -> list[dict[str, Any]]:
    """The root's parameters: --data (a path, or ILRS_DATA), and those the fast path leaves
    to Typer whenever they are given."""
    described = []
    for param in group.get_params(ctx):
        known = param.name == "data"
        if known and (param.envvar != "ILRS_DATA" or _value(param) != {"kind": "path"}):
            raise SystemExit("--data is not the plain path option this script knows")
        opts, secondary = sorted(param.opts), list(param.secondary_opts)
        described.append(
            {"name": param.name, "option": True, "opts": opts, "secondary": secondary,
             "unsure": not known}
        )  # fmt: skip
    return described


def _answer(command: Any, ctx: Any) -> dict[str, Any] | None:
    """A command that answers with a report (declared in report/commands.py), described;
    None when it is not one, or not describable."""
    declared = getattr(inspect.unwrap(command.callback), "answers", None)
    if declared is None:
        return None
    own = [param.name for param in declared.params]
    try:
        params = [_param(p) for p in command.get_params(ctx)]
    except Unknown:
        return None
    if sum(1 for p in params if not p["option"]) > 1:
        return None
    names = {p["name"] for p in params} - {"help"}
    if names != set(own) | (names & OUTPUT) or not (names - set(own)) <= OUTPUT:
        return None
    return {"question": declared.name, "answer": declared.answer,
            "report_type": declared.report_type.value,
            "data": declared.data, "own": own, "params": params,
            "usage_error": _usage_error(command, ctx)}  # fmt: skip


def _usage_error(command: Any, ctx: Any) -> str | None:
    """What Click prints above "Error: ..." for a usage error of this command (its usage and
    the help hint), when no terminal width can change it: Click wraps usage at no fewer than
    50 columns. None when it could."""
    usage = command.get_usage(ctx)
    help_option = command.get_help_option(ctx)
    if len(usage) > 48 or "\n" in usage or help_option is None:
        return None
    return f"{usage}\nTry '{ctx.command_path} {ctx.help_option_names[0]}' for help.\n\n"


def source() -> str:
    group = typer.main.get_command(app)
    ctx = typer.Context(group, info_name="ilrs", **group.context_settings)
    names = group.list_commands(ctx)
    answers: dict[str, Any] = {}
    for name in names:
        if name in LATER.get("ilrs", {}):  # the drawing commands: left to Typer
            continue
        command = group.get_command(ctx, name)
        described = _answer(command, typer.Context(command, info_name=name, parent=ctx))
        if described is not None:
            answers[name] = described
    index = {"commands": names, "root": _root(group, ctx), "answers": answers}
    return json.dumps(index, indent=1, ensure_ascii=False) + "\n"


def main() -> int:
    return write_or_check(TARGET, source(), sys.argv[1:], "python scripts/make_answer_index.py")


if __name__ == "__main__":
    sys.exit(main())
