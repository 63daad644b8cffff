"""Turning what the user typed into values the queries take: the dataset to read, countries,
missions, dates and the output format. Bad values raise InputError (a usage error)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .errors import InputError

if TYPE_CHECKING:
    from .countries import Country
    from .dates import FuzzyDate
    from .model import Dataset
    from .render import OutputFormat


def data_path(ctx: typer.Context) -> Path | None:
    """The --data option (or ILRS_DATA), read from the root command: also while completing."""
    value = ctx.find_root().params.get("data")
    return value if isinstance(value, Path) else None


def dataset_for(ctx: typer.Context) -> Dataset:
    """The dataset named by --data or ILRS_DATA, else the bundled one."""
    from .store import open_dataset

    return open_dataset(data_path(ctx))


def output_format(as_json: bool, as_csv: bool) -> OutputFormat:
    from .render import OutputFormat

    if as_json and as_csv:
        raise InputError("--json', '--csv", "choose one output format, not both")
    if as_json:
        return OutputFormat.JSON
    return OutputFormat.CSV if as_csv else OutputFormat.TABLE


def countries(dataset: Dataset, given: list[str] | None) -> list[Country]:
    from .countries import resolve_country

    return [resolve_country(text, dataset.places) for text in given or []]


def scope(countries: list[Country]) -> str:
    return " from " + " or ".join(country.name for country in countries) if countries else ""


def missions(dataset: Dataset, given: list[str] | None) -> list[str]:
    from .queries import resolve_mission

    return [resolve_mission(dataset, text) for text in given or []]


def date_option(text: str | None, option: str) -> FuzzyDate | None:
    from .dates import parse_point

    if text is None:
        return None
    try:
        return parse_point(text)
    except ValueError as error:
        raise InputError(option, str(error)) from None


def as_of_day(text: str | None, dataset: Dataset) -> datetime.date | None:
    """The last day of --as-of DATE; it cannot be later than the data's own as-of date."""
    when = date_option(text, "--as-of")
    if when is None:
        return None
    if when.end > dataset.info.as_of:
        raise InputError(
            "--as-of",
            f"the data is as of {dataset.info.as_of.isoformat()} and cannot say what held on "
            f"{when.end.isoformat()}; give a date on or before {dataset.info.as_of.isoformat()}",
        )
    return when.end
