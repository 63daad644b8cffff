"""Typer's completion callbacks: each reads the command and the dataset from the context and
asks `candidates`, where what is offered is defined."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from . import candidates
from .candidates import Candidates

if TYPE_CHECKING:
    from ..core.records import Dataset


def _data(ctx: typer.Context) -> Dataset | None:
    from .arguments import data_path

    return candidates.dataset(data_path(ctx))


def complete_country(ctx: typer.Context, incomplete: str) -> Candidates:
    return candidates.countries(_data(ctx), incomplete)


def complete_id(ctx: typer.Context, incomplete: str) -> Candidates:
    return candidates.ids(_data(ctx), incomplete)


def complete_mission(ctx: typer.Context, incomplete: str) -> Candidates:
    return candidates.missions(_data(ctx), incomplete)


def complete_fields(ctx: typer.Context, incomplete: str) -> Candidates:
    return candidates.fields(ctx.info_name or "", incomplete)


def complete_sort(ctx: typer.Context, incomplete: str) -> Candidates:
    return candidates.sort_fields(ctx.info_name or "", incomplete)


def complete_list_command(incomplete: str) -> Candidates:
    return candidates.list_commands(incomplete)


def complete_region(incomplete: str) -> Candidates:
    return candidates.regions(incomplete)
