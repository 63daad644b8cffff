"""Reading one table of the dataset file by its schema declaration (core.schema): its typed
values, and each problem with the record it is in and the line of the field, the lines found
only when a problem needs them."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..core.errors import Problem
from ..core.matching import suggest
from ..core.schema import DataField, Table

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class RecordReading:
    """One table being read: its typed values and the problems found in it. `lines` gives
    the line of each key, so a problem with a field points at the field's own line. `at`
    names the record (a Problem with no message: where, kind, id, line). Both may be
    callables, asked only when there is a problem to report: a valid file never pays for
    finding lines."""

    def __init__(
        self,
        at: Problem | Callable[[], Problem],
        problems: list[Problem],
        lines: dict[str, int] | Callable[[], dict[str, int]] | None = None,
    ) -> None:
        self._at = at
        self._lines = lines or {}
        self.problems = problems
        self.values: dict[str, Any] = {}
        self.ok = True

    @property
    def at(self) -> Problem:
        if callable(self._at):
            self._at = self._at()
        return self._at

    @property
    def lines(self) -> dict[str, int]:
        if callable(self._lines):
            self._lines = self._lines()
        return self._lines

    def problem(self, message: str, key: str | None = None, other_line: int | None = None) -> None:
        line = self.lines.get(key) if key else None
        self.problems.append(
            at_line(self.at, line)._replace(message=message, other_line=other_line)
        )
        self.ok = False


def at_line(at: Problem, line: int | None) -> Problem:
    """`at` (a record) at one of its lines, when known and its `where` names a line."""
    if line is None:
        return at
    where, found = re.subn(r"line \d+", f"line {line}", at.where)
    return at._replace(where=where, line=line) if found else at


def read_fields(table: dict[str, Any], schema: Table, record: RecordReading) -> None:
    """Read every declared field of `table` into record.values; report unknown fields."""
    values = record.values
    for spec, target in field_targets(schema):
        value = table.get(spec.name)
        if value is None:
            if spec.required:
                record.problem(f"missing required field '{spec.name}'")
            continue
        try:
            values[target] = spec.type.read(value)
        except ValueError as error:
            message = str(error)
            joined = f"'{spec.name}'{'' if message.startswith(':') else ' '}{message}"
            record.problem(joined, spec.name)


_TARGETS: dict[str, tuple[tuple[DataField, str], ...]] = {}
_KNOWN: dict[str, frozenset[str]] = {}


def field_targets(schema: Table) -> tuple[tuple[DataField, str], ...]:
    """Each field of a table with the attribute it fills, worked out once per table."""
    found = _TARGETS.get(schema.title)
    if found is None:
        found = _TARGETS[schema.title] = tuple((spec, spec.target) for spec in schema.fields)
    return found


def unknown_fields(table: dict[str, Any], schema: Table, record: RecordReading) -> None:
    known = _KNOWN.get(schema.title)
    if known is None:
        known = _KNOWN[schema.title] = frozenset(spec.name for spec in schema.fields)
    if table.keys() <= known:
        return
    names = [spec.name for spec in schema.fields]
    for key in sorted(set(table) - known):
        record.problem(f"unknown field '{key}'{suggest(key, names)}", key)


# `[[table]]` (a record of an array of tables) or `[table]` (the single [dataset], [places])
_HEADER = re.compile(r"^\s*\[(\[)?\s*([A-Za-z0-9_-]+)\s*\](?(1)\])")
KEY = re.compile(r'^\s*(?:"([^"]+)"|([A-Za-z0-9_-]+))\s*=')


def header_lines(text: str) -> tuple[dict[str, list[int]], dict[str, list[dict[str, int]]]]:
    """The line of each [[table]] header, in order, and of each key in those tables, so
    that problems can name a line; a single [table] (the dataset's, the places') has one."""
    headers: dict[str, list[int]] = {}
    keys: dict[str, list[dict[str, int]]] = {}
    current: dict[str, int] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("["):
            if match := _HEADER.match(line):
                headers.setdefault(match[2], []).append(number)
                current = {}
                keys.setdefault(match[2], []).append(current)
            else:
                current = None
        elif current is not None and (key := KEY.match(line)):
            current.setdefault(key[1] or key[2], number)
    return headers, keys
