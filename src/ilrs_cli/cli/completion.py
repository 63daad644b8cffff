"""Values for shell completion (`ilrs --install-completion`): countries and codes in the data,
record ids, and field names. Any failure completes nothing rather than printing an error."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ..core.records import Dataset


def _dataset(ctx: typer.Context) -> Dataset | None:
    from ..core.errors import DatasetError
    from .arguments import dataset_for

    try:
        return dataset_for(ctx)
    except DatasetError:
        return None


def complete_country(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Names in the data that start with what was typed, in any case (the typed part is kept as
    typed, since shells keep only completions that start with it), and ISO codes once an
    upper-case letter is typed."""
    dataset = _dataset(ctx)
    if dataset is None:
        return []
    typed = incomplete.casefold()
    found: list[tuple[str, str]] = []
    for place in dataset.places:
        if place.code is None:
            continue
        if place.name.casefold().startswith(typed):
            found.append((incomplete + place.name[len(incomplete) :], place.code))
        if incomplete and place.code.startswith(incomplete):
            found.append((place.code, place.name))
    return found


def complete_id(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from ..core.kinds import all_records

    dataset = _dataset(ctx)
    if dataset is None:
        return []
    return [
        (record.id, f"{kind.name}: {kind.title(record)}"[:60])
        for kind, record in all_records(dataset)
        if record.id.startswith(incomplete)
    ]


def complete_fields(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from ..report.listings import COLUMNS_BY_COMMAND

    fields = COLUMNS_BY_COMMAND.get(ctx.info_name or "", ())
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    chosen = set(done.split(","))
    return [
        (prefix + field.name, field.help)
        for field in fields
        if field.name.startswith(last) and field.name not in chosen
    ]


def complete_list_command(incomplete: str) -> list[tuple[str, str]]:
    from ..report.listings import COLUMNS_BY_COMMAND

    return [(name, "list command") for name in COLUMNS_BY_COMMAND if name.startswith(incomplete)]


def complete_region(incomplete: str) -> list[tuple[str, str]]:
    from ..core.regions import region_names

    typed = incomplete.casefold()
    return [
        (incomplete + name[len(incomplete) :], "UN M49 region")
        for name in region_names()
        if name.casefold().startswith(typed)
    ]
