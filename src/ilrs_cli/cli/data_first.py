"""--data may follow the command: the one rule for moving it, shared by the Typer group and
the fast completion path (this module imports nothing)."""

from __future__ import annotations


def data_first(args: list[str], commands: set[str]) -> list[str]:
    """`ilrs payloads --data F` as `ilrs --data F payloads`: --data (or --data=F) after the
    command is moved before it; nothing after `--` is touched."""
    start, index = None, 0
    while index < len(args) and start is None:
        if args[index] == "--data":
            index += 2  # its value may look like a command
            continue
        if args[index] in commands:
            start = index
        index += 1
    if start is None:
        return args
    moved: list[str] = []
    rest = list(args[: start + 1])
    index = start + 1
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest += args[index:]
            break
        if arg == "--data" and index + 1 < len(args):
            moved += args[index : index + 2]
            index += 2
            continue
        if arg.startswith("--data="):
            moved.append(arg)
        else:
            rest.append(arg)
        index += 1
    return moved + rest if moved else args
