"""Tab completion without Typer: answer a completion request from the generated index
(`completion_index.json`, package data) and the candidates module, before anything heavy is
imported.

It follows Click's own resolution step by step (split the words, walk the command chain,
find the option or argument being completed, ask its completer) and prints what Typer would
print, byte for byte. Whatever it does not understand (an unknown option, combined short
flags, `--`, a file argument, help text that Typer's Rich rendering would change) it leaves
to Typer, which stays the reference: `answer` then returns False having printed nothing.
"""

from __future__ import annotations

import os
import re
import sys

from .data_first import data_first

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

Candidates = list[tuple[str, str | None]]


_INDEX: dict[str, Any] = {}


def _index() -> dict[str, Any]:
    """completion_index.json, package data generated from the real app (read once)."""
    if not _INDEX:
        import json

        with open(os.path.join(os.path.dirname(__file__), "completion_index.json"), "rb") as index:
            _INDEX.update(json.loads(index.read()))
    return _INDEX


class Unsure(Exception):
    """A request the fast path leaves to Typer."""


def answer() -> bool:
    """Answer the completion request in the environment; False to leave it to Typer."""
    instruction, _, shell = os.environ.get("_ILRS_COMPLETE", "").partition("_")
    try:
        if instruction == "source":
            SOURCES = _index()["sources"]
            if shell not in SOURCES:
                return False
            _write(SOURCES[shell] if SOURCES[shell].endswith("\n") else SOURCES[shell] + "\n")
            return True
        if instruction != "complete" or shell not in ("bash", "zsh", "fish"):
            return False
        words, incomplete = _words(shell)
        items = _complete(words, incomplete)
        text = _format(shell, items)
    except Unsure:
        return False
    if text is None:  # fish is-args: the exit code is the answer
        sys.exit(0 if items else 1)
    _write(text + "\n")
    return True


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def split_arg_string(string: str) -> list[str]:
    """As Click splits a command line: shlex, keeping a partial last token."""
    import shlex

    lex = shlex.shlex(string, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    out = []
    try:
        for token in lex:
            out.append(token)
    except ValueError:
        out.append(lex.token)
    return out


def _words(shell: str) -> tuple[list[str], str]:
    if shell == "bash":
        words = split_arg_string(os.environ["COMP_WORDS"])
        cword = int(os.environ["COMP_CWORD"])
        return words[1:cword], words[cword] if cword < len(words) else ""
    typed = os.environ.get("_TYPER_COMPLETE_ARGS", "")
    words = split_arg_string(typed)[1:]
    if words and not typed.endswith(" "):
        return words[:-1], words[-1]
    return words, ""


class _Level:
    """One command of the chain: its index entry and the parameters given on the line."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.entry: dict[str, Any] = _index()["commands"][path]
        self.params: list[dict[str, Any]] = self.entry["params"]
        self.given: dict[str, int] = {}  # parameter name -> values given on the command line
        self.values: dict[str, str] = {}

    def option(self, name: str) -> dict[str, Any]:
        for param in self.params:
            if param["option"] and name in (*param["opts"], *param["secondary"]):
                return param
        raise Unsure(f"unknown option {name}")

    def parse(self, args: list[str], is_group: bool) -> list[str]:
        """Consume options and arguments as Click's parser does; return what is left for a
        subcommand (a group stops at its first positional word)."""
        arguments = [p for p in self.params if not p["option"]]
        index = 0
        while index < len(args):
            arg = args[index]
            if arg == "--":
                raise Unsure("--")
            if arg.startswith("-") and arg != "-":
                name, equals, value = arg.partition("=")
                if not name.startswith("--") and len(name) > 2:
                    raise Unsure("combined short options")
                param = self.option(name)
                if param["eager"] or param["name"] in ("help", "install_completion"):
                    raise Unsure("an eager option")
                if not param["flag"]:
                    if not equals:
                        index += 1
                        if index >= len(args):  # its value is being typed: not given yet
                            break
                        value = args[index]
                    self.values[param["name"]] = value
                elif equals:
                    raise Unsure("a value for a flag")
                self.given[param["name"]] = self.given.get(param["name"], 0) + 1
                index += 1
                continue
            if is_group:
                return args[index:]
            if not arguments:
                raise Unsure("an extra argument")
            argument = arguments[0]
            self.given[argument["name"]] = self.given.get(argument["name"], 0) + 1
            if argument["nargs"] != -1:
                arguments.pop(0)
            index += 1
        return []


def _complete(args: list[str], incomplete: str) -> Candidates:
    level = _Level("")
    rest = data_first(list(args), set(level.entry["subcommands"]))
    chain = [level]
    rest = level.parse(rest, is_group=True)
    while rest:
        name = rest[0]
        if name not in level.entry["subcommands"]:
            break
        level = _Level(f"{level.path} {name}".strip())
        chain.append(level)
        is_group = bool(level.entry["subcommands"])
        rest = level.parse(rest[1:], is_group=is_group)
    if rest and not level.entry["subcommands"]:
        raise Unsure("words left over")
    return _resolve(chain, list(args), incomplete)


def _resolve(chain: list[_Level], args: list[str], incomplete: str) -> Candidates:
    """Click's _resolve_incomplete, then the completer of what it finds."""
    level = chain[-1]
    if incomplete == "=":
        incomplete = ""
    elif "=" in incomplete and incomplete.startswith("-"):
        name, _, incomplete = incomplete.partition("=")
        args.append(name)
    if "--" in args:
        raise Unsure("--")
    if incomplete.startswith("-"):
        return _command_items(level, incomplete)
    last = args[-1] if args else ""
    for param in level.params:
        if param["option"] and not param["flag"] and last.startswith("-") and last in param["opts"]:
            return _values(chain, level, param, incomplete)
    for param in level.params:
        if not param["option"] and (param["nargs"] == -1 or param["name"] not in level.given):
            return _values(chain, level, param, incomplete)
    return _command_items(level, incomplete)


def _command_items(level: _Level, incomplete: str) -> Candidates:
    items: Candidates = [
        (name, short) for name, short in level.entry["subcommands"].items()
        if name.startswith(incomplete)
    ]  # fmt: skip
    if incomplete and not incomplete[0].isalnum():
        for param in level.params:
            if not param["option"] or param["hidden"]:
                continue
            if not param["multiple"] and param["name"] in level.given:
                continue
            names = [*param["opts"], *param["secondary"]]
            if param["name"] == "help":  # Click makes the help option's names a set
                names = list(set(param["opts"]))
            items += [(name, param["help"]) for name in names if name.startswith(incomplete)]
    return items


def _values(chain: list[_Level], level: _Level, param: dict[str, Any], typed: str) -> Candidates:
    from . import candidates

    completer = param["completer"]
    if completer is None:
        if param["choices"] is not None:
            if param["case_sensitive"]:
                return [(c, None) for c in param["choices"] if c.startswith(typed)]
            return [(c, None) for c in param["choices"] if c.lower().startswith(typed.lower())]
        if param["file"]:
            raise Unsure("a file")
        return []
    command = level.path.split(" ")[-1]
    fields = _index()["fields"]  # each list command's fields: no registry to import
    if completer in ("fields", "sort_fields"):
        known = [(name, help_) for name, help_ in fields.get(command, [])]
        found: Candidates = list(getattr(candidates, completer)(command, typed, known))
    elif completer == "list_commands":
        found = list(candidates.list_commands(typed, list(fields)))
    elif completer == "regions":
        found = list(candidates.regions(typed))
    else:
        found = list(getattr(candidates, completer)(candidates.names(_data_path(chain)), typed))
    return found


def _data_path(chain: list[_Level]) -> str | None:
    """--data from the line, else ILRS_DATA, as Typer reads the root option."""
    return chain[0].values.get("data") or os.environ.get("ILRS_DATA") or None


_EMOJI = re.compile(r":\S*?:")


def _plain(help_text: str, shell: str) -> str:
    """The help text as Typer's Rich rendering prints it, where that rendering leaves it as
    it is: ASCII, no markup, no emoji codes, shorter than the console is wide."""
    if shell == "fish":
        help_text = re.sub(r"\s", " ", help_text)
    if "[" in help_text or _EMOJI.search(help_text):
        raise Unsure("help text that Rich would render")
    if any(not (" " <= char <= "~") for char in help_text) or len(help_text) >= _width():
        raise Unsure("help text that Rich might wrap")
    return help_text


def _width() -> int:
    """The width Rich gives Typer's console, as Rich works it out."""
    fixed = os.environ.get("TERMINAL_WIDTH")
    if fixed:
        return int(fixed)
    width = None
    for descriptor in (0, 1, 2):
        try:
            width = os.get_terminal_size(descriptor).columns
            break
        except (AttributeError, ValueError, OSError):
            continue
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
    return width or 80


def _zsh_escape(text: str) -> str:
    return (
        text.replace('"', '""')
        .replace("'", "''")
        .replace("$", "\\$")
        .replace("`", "\\`")
        .replace(":", r"\\:")
    )


def _format(shell: str, items: Candidates) -> str | None:
    if shell == "bash":
        return "\n".join(value for value, _ in items)
    if shell == "zsh":
        lines = [
            f'"{_zsh_escape(value)}":"{_plain(_zsh_escape(help_text), shell)}"'
            if help_text
            else f'"{_zsh_escape(value)}"'
            for value, help_text in items
        ]
        return f"_arguments '*: :(({chr(10).join(lines)}))'" if lines else "_files"
    action = os.environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
    shown = [
        f"{value}\t{_plain(help_text, shell)}" if help_text else value for value, help_text in items
    ]
    if action == "is-args":
        return None
    return "\n".join(shown) if action == "get-args" and shown else ""
