"""The tools `ilrs mcp` offers, made from the command declarations (report/commands.py): a
tool for each command that reads the dataset and has a Python API function, its arguments
that function's keywords (each Param's kind, choices and help as a JSON Schema), and what a
call returns: the records as `--json` gives them, the dataset's title, version and as-of
date, and the sources behind the records.

This module imports no MCP SDK (mcp/server.py does), so the docs are made from it without.
"""

from __future__ import annotations

import inspect
import json
import re

from ..core.errors import IlrsError, QueryError, RecordNotFound
from ..report.commands import COMMANDS
from ..report.params import Command, Param

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ..core.records import Dataset


class ToolError(Exception):
    """A call that cannot be answered; its message is what the command line would say."""


def _served(command: Command) -> bool:
    """A command is a tool when it reads the dataset (given when the server starts), has an
    API function and reads no file named in the call."""
    return (
        command.data
        and command.api is not None
        and all(param.kind != "paths" for param in command.params)
    )


TOOLS: dict[str, Command] = {name: c for name, c in COMMANDS.items() if _served(c)}


def arguments(command: Command) -> tuple[Param, ...]:
    """The tool's arguments: the params the API takes (the level flags of `members` are
    --level's values on the command line only)."""
    return tuple(param for param in command.params if param.keyword is not None)


def description(command: Command) -> str:
    """The command's help without its command-line examples (Click's \\b blocks), its
    options named as the tool's arguments."""
    text = inspect.cleandoc(command.help).split("\b")[0].strip()
    return in_arguments("\n\n".join(" ".join(part.split()) for part in text.split("\n\n")))


def in_arguments(text: str) -> str:
    """Help written for the command line, with each option that is an argument of the tools
    (`--in`, `--as-of`) named as the argument (`camp`, `as_of`)."""
    return _FLAG.sub(lambda found: _ARGUMENTS.get(found.group(), found.group()), text)


# The long options of every tool's arguments, and the argument each is.
_ARGUMENTS = {
    flag: f"`{param.keyword}`"
    for command in TOOLS.values()
    for param in arguments(command)
    for flag in param.flags
    if flag.startswith("--")
}
_FLAG = re.compile(r"(?<![\w-])--[a-z][\w-]*")


def _values(param: Param) -> list[str]:
    return [member.value for member in param.choices or ()]


def _schema(param: Param) -> dict[str, Any]:
    """One argument as JSON Schema, from its declared kind, choices and help."""
    one: dict[str, Any] = {"type": "string"}
    if param.choices is not None:
        one["enum"] = _values(param)
    if param.kind == "flag":
        schema: dict[str, Any] = {"type": "boolean", "default": False}
    elif param.kind in ("texts", "choices"):
        schema = {"anyOf": [one, {"type": "array", "items": one}]}
    else:
        schema = dict(one)
    schema["description"] = in_arguments(param.help)
    return schema


def input_schema(command: Command) -> dict[str, Any]:
    """The tool's input schema: an object of its arguments, by their API keywords."""
    params = arguments(command)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {str(param.keyword): _schema(param) for param in params},
        "additionalProperties": False,
    }
    required = [str(param.keyword) for param in params if param.required]
    if required:
        schema["required"] = required
    return schema


def _checked(command: Command, given: dict[str, Any]) -> dict[str, Any]:
    """The arguments as the API takes them; ToolError for one the tool does not know or a
    flag that is not true or false (the API checks the others' types)."""
    params = {str(param.keyword): param for param in arguments(command)}
    unknown = [name for name in given if name not in params]
    if unknown:
        known = ", ".join(params) or "none"
        raise ToolError(f"{command.name} takes no argument {unknown[0]!r}; it takes: {known}")
    for name, value in given.items():
        if params[name].kind == "flag" and not isinstance(value, bool):
            raise ToolError(f"Invalid value for {name!r}: {name} must be true or false")
    missing = [name for name, param in params.items() if param.required and name not in given]
    if missing:
        raise ToolError(f"Missing argument {missing[0]!r}: {params[missing[0]].help}")
    return {
        name: given.get(name, False if param.kind == "flag" else None)
        for name, param in params.items()
    }


def message(error: IlrsError, command: Command | None = None) -> str:
    """What the command line says of this error, its flags named as the tool's arguments."""
    if isinstance(error, RecordNotFound):
        return f"{error}; the `search` tool finds records by name"
    if isinstance(error, QueryError):
        return f"Invalid value for {_argument(error.argument, command)!r}: {error}"
    return str(error)


def _argument(named: str, command: Command | None) -> str:
    """The tool's argument an error names: errors name a record's id `id`, where the tools
    (as the API functions) take `record_id`."""
    taken = [str(param.keyword) for param in arguments(command)] if command else []
    if named in taken:
        return named
    return next((keyword for keyword in taken if keyword.endswith("_" + named)), named)


def call(dataset: Dataset, name: str, given: dict[str, Any]) -> dict[str, Any]:
    """The result of the tool `name` called with `given`: ToolError when it cannot answer."""
    from ..api import _answer

    command = TOOLS.get(name)
    if command is None:
        raise ToolError(f"no tool named {name!r}; the tools are: {', '.join(TOOLS)}")
    asked = _checked(command, given)
    try:
        report = _answer(command.name, {**asked, "dataset": dataset})
        return _result(dataset, command, report)
    except IlrsError as error:
        raise ToolError(message(error, command)) from None


def _result(dataset: Dataset, command: Command, report: Any) -> dict[str, Any]:
    from ..report.details import Detail
    from ..report.listing import Listing

    info = dataset.info
    result: dict[str, Any] = {
        "tool": command.name,
        "dataset": {"title": info.title, "version": info.version, "as_of": str(info.as_of)},
    }
    if isinstance(report, Listing):
        result["items"] = report.items
    elif isinstance(report, Detail):
        result["item"] = report.item
    else:
        result.update(_bibliography(report))
    result["notes"] = list(report.notes)
    result["sources"] = sources_behind(dataset, result.get("items") or [result.get("item")])
    return result


def _bibliography(report: Any) -> dict[str, Any]:
    """`cite`: the reference list as text (in the style asked for) and as CSL-JSON."""
    from ..render import Format, render

    return {
        "text": render(report, Format.TEXT),
        "items": json.loads(render(report, Format.CSL_JSON)),
    }


def _ids(value: Any) -> list[str]:
    """Every `id` in a JSON value, outermost first."""
    if isinstance(value, list):
        return [found for one in value for found in _ids(one)]
    if not isinstance(value, dict):
        return []
    own = [value["id"]] if isinstance(value.get("id"), str) else []
    return own + [found for one in value.values() for found in _ids(one)]


def sources_behind(dataset: Dataset, items: list[Any]) -> list[dict[str, str | None]]:
    """The sources of every record the items name (by id, nested ones too), each once, in
    order of first citation: what an assistant cites. `via` names the site a repost was
    read at, whose address `url` is; `publisher` is the original's."""
    from ..query.index import by_id
    from ..report.citations import bibliography

    known = by_id(dataset).exact
    records = {id(known[key][1]): known[key][1] for key in _ids(items) if key in known}
    references = bibliography(list(records.values())).references
    return [
        {
            "id": s.id,
            "title": s.title,
            "publisher": s.publisher,
            "date": s.date.text if s.date else None,
            "url": s.url,
            "via": s.via,
        }
        for s in (reference.source for reference in references)
    ]
