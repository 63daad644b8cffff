"""Answers without Typer: parse the command line of a command that answers with a report
from the generated index (`answer_index.json`, package data made from the real app by
scripts/make_answer_index.py), ask its question in `questions` and print the answer with
`reporting.respond`, the functions the Typer commands call.

It parses as Typer does, and only what it is sure of: anything else (help, --version, `--`,
a short option with its value attached, an unknown option, a value outside a choice, `-`
for standard input, a usage error of any kind, a command not in the index) it leaves to
Typer, which stays the reference: `answer` then returns None having written nothing. Errors
found while answering are printed as Typer's path prints them (a usage error with the usage
Click prints above it, from the index), or left to Typer when that text could differ.
ILRS_SLOW_ANSWERS=1 makes every command line go to Typer. tests/test_fast_answers.py checks
the answers are Typer's byte for byte.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from .data_first import data_first

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    Param = dict[str, Any]
_INDEX: dict[str, Any] = {}


def _index() -> dict[str, Any]:
    """answer_index.json, read once."""
    if not _INDEX:
        import json

        with open(os.path.join(os.path.dirname(__file__), "answer_index.json"), "rb") as index:
            _INDEX.update(json.loads(index.read()))
    return _INDEX


class Unsure(Exception):
    """A command line the fast path leaves to Typer."""


def answer(args: list[str]) -> int | None:
    """Answer `ilrs ARGS`: the exit code, or None to leave it to Typer (nothing written)."""
    if os.environ.get("ILRS_SLOW_ANSWERS") or "_ILRS_COMPLETE" in os.environ:
        return None
    try:
        entry, data, values = parse(args)
    except Unsure:
        return None
    return _respond(entry, data, values)


def parse(args: list[str]) -> tuple[Param, str | None, dict[str, Any]]:
    """The command's index entry, the dataset path and the values its function receives."""
    index = _index()
    if "--" in args:
        raise Unsure("`--`")
    try:
        "".join(args).encode("utf-8")
    except UnicodeEncodeError:
        raise Unsure("bytes that are not UTF-8") from None
    args = data_first(list(args), set(index["commands"]))
    root: dict[str, list[str | None]] = {}
    rest = _options(index["root"], args, root, stop_at_positional=True)
    if not rest or rest[0] not in index["answers"]:
        raise Unsure("no command, or one the index does not hold")
    entry = index["answers"][rest[0]]
    data = _data(root.get("data", []))
    given: dict[str, list[str | None]] = {}
    positionals: list[str | None] = list(
        _options(entry["params"], rest[1:], given, stop_at_positional=False)
    )
    if "-" in positionals:
        raise Unsure("`-`: standard input")
    arguments = [param for param in entry["params"] if not param["option"]]
    if positionals and not arguments:
        raise Unsure("an argument the command does not take")
    values = {}
    for param in entry["params"]:
        if param["unsure"]:
            continue
        raw = given.get(param["name"], []) if param["option"] else positionals
        if not param["option"] and not param["multiple"] and len(raw) > 1:
            raise Unsure("an extra argument")
        values[param["name"]] = _value(param, raw)
    return entry, data, values


def _options(params: list[Param], args: list[str], given: dict[str, list[str | None]],
             stop_at_positional: bool) -> list[str]:  # fmt: skip
    """Read the options in `args` into `given` (a value a time, None for a flag); the
    positional words left (a group stops at the first: the command and what follows)."""
    by_name = {opt: param for param in params if param["option"] for opt in param["opts"]}
    positionals: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if not arg.startswith("-") or arg == "-":
            if stop_at_positional:
                return args[index - 1 :]
            positionals.append(arg)
            continue
        name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        param = by_name.get(name)
        if param is None or param["unsure"]:  # also `-cX` and `-c=X`: no such option name
            raise Unsure(f"an option the fast path does not take: {arg}")
        if param.get("value", {}).get("kind") == "flag":
            if equals:
                raise Unsure("a value for a flag")
            given.setdefault(param["name"], []).append(None)
            continue
        if not equals:
            if index >= len(args):
                raise Unsure("an option without its value")
            value, index = args[index], index + 1
        given.setdefault(param["name"], []).append(value)
    return positionals


def _data(given: list[str | None]) -> str | None:
    """--data, else ILRS_DATA (an empty one is unset, as Click reads it), else None."""
    if len(given) > 1:
        raise Unsure("--data given twice")
    raw = given[0] if given else (os.environ.get("ILRS_DATA") or None)
    return None if raw is None else _path(raw)


def _path(raw: str | None) -> str:
    """The path as Typer's Path option gives it: normalised by pathlib, imported only when a
    path is given (pathlib costs an answer on the bundled data a twentieth of its time)."""
    if not raw:
        raise Unsure("an empty path")
    if os.path.exists(raw) and not os.access(raw, os.R_OK):
        raise Unsure("a path Typer refuses as unreadable")
    from pathlib import Path

    return str(Path(raw))


def _value(param: Param, raw: list[str | None]) -> Any:
    """What Typer gives the command for these words: the default when none, a list for an
    option that repeats, else the last word converted."""
    if not raw:
        if param["required"]:
            raise Unsure("a required value missing")
        return param["default"]
    converted = [_converted(param["value"], word) for word in raw]
    return converted if param["multiple"] else converted[-1]


def _converted(value: Param, word: str | None) -> Any:
    kind = value["kind"]
    if kind == "flag":
        return True
    if word is None:
        raise Unsure("no value")
    if kind == "text":
        return word
    if kind == "path":
        return _path(word)
    if kind == "int":
        if not (word.isascii() and word.isdigit() and word[0] != "0" and len(word) < 19):
            raise Unsure("an integer Typer might read otherwise")
        number = int(word)
        if (value["min"] is not None and number < value["min"]) or (
            value["max"] is not None and number > value["max"]
        ):
            raise Unsure("an integer out of range")
        return number
    if kind == "choice" and word in value["choices"]:
        if value["enum"] is None:
            return word
        module, _, name = value["enum"].partition(":")
        __import__(module)  # not importlib, whose package imports warnings: see render/
        return getattr(sys.modules[module], name)(word)
    raise Unsure(f"a value the fast path cannot read: {word!r}")


class _Held:
    """Standard error held while the answer is worked out, so that nothing reaches it when
    the fast path falls back; every other attribute is the real stream's."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def _usage_error(entry: Param, error: Exception, release: Callable[[], None]) -> int | None:
    """A usage error found while answering, printed as Click prints Typer's BadParameter;
    None (to fall back) for any other error, or one whose text is not ASCII (Click's stream
    encodes as it likes)."""
    from ..core.errors import QueryError
    from . import reporting

    if not isinstance(error, QueryError) or entry["usage_error"] is None:
        return None
    hint, message = reporting.usage_error(error)
    text = f"{entry['usage_error']}Error: Invalid value for {hint}: {message}\n"
    if not text.isascii():
        return None
    release()
    sys.stderr.write(text)
    sys.stderr.flush()
    return reporting.EXIT_USAGE


def _respond(entry: Param, data: str | None, values: dict[str, Any]) -> int | None:
    from ..report.types import ReportType
    from . import inputs, questions, reporting

    own = {name: values.pop(name) for name in entry["own"]}
    held = _Held(sys.stderr)

    def release() -> None:
        sys.stderr = held.real
        sys.stderr.write("".join(held.parts))

    sys.stderr = held
    try:
        ask = questions.ask(entry["question"], entry["answer"], entry["data"], own)
        make = (lambda: ask(inputs.dataset_at(data))) if entry["data"] else ask
        report_type = ReportType(entry["report_type"])
        return reporting.respond(make, report_type, before_printing=release, **values)
    except Exception as error:
        if sys.stderr is not held:  # printing had begun: as on Typer's path
            raise
        code = reporting.error_exit_code(error)
        if code is None:
            return _usage_error(entry, error, release)
        release()
        return code
    except BaseException:  # a signal's exit: what Typer's path would have written by now
        if sys.stderr is held:
            release()
        raise
    finally:
        if sys.stderr is held:
            sys.stderr = held.real
