"""Commands built only when they are asked for: Typer builds every command's options on each
start, so the drawing commands (`ilrs chart`, `ilrs map`, `ilrs export html`) wait until one
of them is run, or help or completion lists them, and cost the other commands nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from importlib import import_module
from typing import Any

import typer.core

Command = Any  # Typer's Click command (Typer vendors Click: no `import click` here)

# For each group, by name: its commands built on first use, as (module, Typer app).
LATER: dict[str, dict[str, tuple[str, str]]] = {
    "ilrs": {"chart": ("ilrs_cli.cli.pictures", "chart_app"),
             "map": ("ilrs_cli.cli.pictures", "map_app")},
    "export": {"html": ("ilrs_cli.cli.pictures", "html_app")},
}  # fmt: skip


def _builder(module: str, attribute: str) -> Callable[[], Command]:
    def build() -> Command:
        return typer.main.get_command(getattr(import_module(module), attribute))

    return build


class Commands(MutableMapping[str, Command]):
    """A group's commands: those already built, and those built when first looked up."""

    def __init__(self, built: dict[str, Command], later: dict[str, tuple[str, str]]):
        self._built = dict(built)
        self._later = {name: _builder(*where) for name, where in later.items()}
        self._order = [*self._built, *(name for name in self._later if name not in built)]

    def __getitem__(self, name: str) -> Command:
        if name not in self._built and name in self._later:
            self._built[name] = self._later.pop(name)()
        return self._built[name]

    def __setitem__(self, name: str, command: Command) -> None:
        if name not in self._order:
            self._order.append(name)
        self._later.pop(name, None)
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        self._order.remove(name)
        self._built.pop(name, None)
        self._later.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._order))

    def __len__(self) -> int:
        return len(self._order)


class LazyGroup(typer.core.TyperGroup):
    """Typer's group, with the commands LATER names for it built on first use."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = Commands(dict(self.commands), LATER.get(self.name or "", {}))

    def list_commands(self, ctx: Any) -> list[str]:
        """The names, in order, without building any (Typer's reads every command)."""
        return list(self.commands)
