"""Completion candidates, as (value, help) pairs: the one definition that both Typer's
completion callbacks and the fast completion path (`cli/fast_completion.py`) use. Imports no
Typer, Click or Rich; any failure to read the dataset completes nothing.

Values keep what was typed (shells, and Typer, keep only candidates that start with it). They
are plain: the bash script that ilrs installs quotes each one as bash inserts it
(`cli/completion.py`), so `Hong Kong` arrives as one word."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.records import Dataset

Candidates = list[tuple[str, str]]


def _typed(value: str, incomplete: str) -> str:
    """`value` with the part the user typed kept as typed."""
    return incomplete + value[len(incomplete) :]


def dataset(path: Path | None) -> Dataset | None:
    from ..core.errors import IlrsError
    from ..load import open_dataset

    try:
        return open_dataset(path)
    except (IlrsError, OSError, RecursionError, ValueError):
        return None


def countries(data: Dataset | None, incomplete: str) -> Candidates:
    """Names in the data that start with what was typed, in any case, and ISO codes once an
    upper-case letter is typed."""
    if data is None:
        return []
    typed = incomplete.casefold()
    found: Candidates = []
    for place in data.places:
        if place.code is None:
            continue
        if place.name.casefold().startswith(typed):
            found.append((_typed(place.name, incomplete), place.code))
        if incomplete and place.code.startswith(incomplete):
            found.append((place.code, place.name))
    return found


def ids(data: Dataset | None, incomplete: str) -> Candidates:
    from ..core.kinds import all_records

    if data is None:
        return []
    return [
        (record.id, f"{kind.name}: {kind.title(record)}"[:60])
        for kind, record in all_records(data)
        if record.id.startswith(incomplete)
    ]


def missions(data: Dataset | None, incomplete: str) -> Candidates:
    from ..query.lookup import mission_names

    if data is None:
        return []
    typed = incomplete.casefold()
    return [
        (_typed(name, incomplete), "mission")
        for name in mission_names(data)
        if name.casefold().startswith(typed)
    ]


def fields(command: str, incomplete: str) -> Candidates:
    """Field names of a list command, after any already chosen: `name,da` -> `name,date`."""
    from ..report.listings import COLUMNS_BY_COMMAND

    columns = COLUMNS_BY_COMMAND.get(command, ())
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    chosen = set(done.split(","))
    return [
        (prefix + column.name, column.help)
        for column in columns
        if column.name.startswith(last) and column.name not in chosen and not column.table_only
    ]


def sort_fields(command: str, incomplete: str) -> Candidates:
    """A field of a list command, or -field for the reverse order."""
    from ..report.listings import COLUMNS_BY_COMMAND

    sign = "-" if incomplete.startswith("-") else ""
    last = incomplete.removeprefix("-")
    return [
        (sign + column.name, column.help)
        for column in COLUMNS_BY_COMMAND.get(command, ())
        if column.name.startswith(last) and not column.table_only
    ]


def list_commands(incomplete: str) -> Candidates:
    from ..report.listings import COLUMNS_BY_COMMAND

    return [(name, "list command") for name in COLUMNS_BY_COMMAND if name.startswith(incomplete)]


def regions(incomplete: str) -> Candidates:
    from ..core.regions import region_names

    typed = incomplete.casefold()
    return [
        (_typed(name, incomplete), "UN M49 region")
        for name in region_names()
        if name.casefold().startswith(typed)
    ]
