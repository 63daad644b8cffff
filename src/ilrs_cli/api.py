"""The Python API: the answers of the command line as plain Python objects.

    >>> from ilrs_cli import api
    >>> [p["name"] for p in api.payloads(country="Turkey")]
    ['Intelligent exploration robot for challenging environments']

Every list function returns the same list of dicts that the command's `--json` prints (so
`pandas.DataFrame(api.payloads())` works, and `pd.to_datetime` takes the ISO `start` and `end`
days of every signing date); `show` and `info` return one dict, `cite` a string.
Arguments are what a person would type: country names, alternative names or ISO codes,
mission spellings (CE-8), dates as text (2024, 2024-06, 2024-06-30). Each function reads the
bundled dataset unless given `dataset=` (from `load`).

Errors: `QueryError` for an argument that cannot be used (its `argument` attribute names it),
`RecordNotFound` (a QueryError) for an unknown id, `DatasetError` for a dataset file that
cannot be used (its `problems` list every problem). All derive from `IlrsError`.

This module imports neither Typer, Click nor Rich.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .core.errors import DatasetError, IlrsError, QueryError, RecordNotFound
from .core.records import Dataset
from .core.vocab import Camp, Level, MemberStatus
from .report import answers
from .report.answers import Texts

__all__ = [
    "DatasetError",
    "IlrsError",
    "QueryError",
    "RecordNotFound",
    "cite",
    "countries",
    "facts",
    "growth",
    "info",
    "load",
    "members",
    "payloads",
    "search",
    "show",
    "signatories",
    "signings",
    "sources",
    "timeline",
]

Item = dict[str, Any]


def load(path: str | Path | None = None) -> Dataset:
    """The dataset at `path`, checked (the bundled one by default); DatasetError if unusable."""
    from .load import open_dataset

    return open_dataset(Path(path) if path is not None else None)


def _data(dataset: Dataset | None) -> Dataset:
    return dataset if dataset is not None else load()


def payloads(
    *,
    country: Texts = None,
    mission: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Payloads with a partner institution from `country` (one or a list: any of them),
    `region` (a UN M49 region or a grouping such as "Middle East") and a country in `camp`,
    on `mission`; every mission's payloads (Chang'e-7 and Chang'e-8) by default."""
    return answers.payloads(_data(dataset), country, mission, region, camp).items


def members(
    *,
    level: Level | str | None = None,
    status: MemberStatus | str | None = None,
    country: Texts = None,
    region: str | None = None,
    as_of: str | None = None,
    after: str | None = None,
    before: str | None = None,
    camp: Camp | str | None = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """ILRS participants. `level`: national, subnational, organization or affiliated;
    `status`: signed or reported; `as_of`: only those documented as signed by that date;
    `after`/`before`: those whose signing date falls in that range (inclusive); `camp`:
    those whose country is in it (ilrs, artemis, both, ilrs-only, artemis-only, neither)."""
    data = _data(dataset)
    return answers.members(data, level, status, country, as_of, after, before, region, camp).items


def signatories(
    *,
    country: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
    mission: Texts = None,
    partners: bool = False,
    as_of: str | None = None,
    after: str | None = None,
    before: str | None = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Artemis Accords signatories in signing order, as `ilrs artemis --json`: date, order,
    who signed, and the country's ILRS standing and payloads. `partners`: only countries with
    a payload partner (on `mission` when given, which implies it); `as_of`: signed by then."""
    data = _data(dataset)
    listing = answers.signatories(
        data, country, region, camp, mission, partners, as_of, after, before
    )
    return listing.items


def signings(
    *,
    country: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
    as_of: str | None = None,
    after: str | None = None,
    before: str | None = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Both camps' signings on one timeline, as `ilrs signings --json`."""
    data = _data(dataset)
    return answers.signings(data, country, region, camp, as_of, after, before).items


def growth(
    *,
    country: Texts = None,
    region: str | None = None,
    level: Texts = None,
    as_of: str | None = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Both camps year by year, as `ilrs growth --json`: each year's ILRS signings (national
    participants unless `level` says otherwise) and Accords signings, with running totals,
    every year from the first to the last, then a row (year None) for undated participants."""
    return answers.growth(_data(dataset), country, region, level, as_of).items


def timeline(
    *,
    after: str | None = None,
    before: str | None = None,
    mission: Texts = None,
    as_of: str | None = None,
    kind: Texts = None,
    status: str | None = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Dated events, on or after `after` and on or before `before` (both inclusive), of
    `kind` (signing, ratification, launch, ...), with their status (planned or done) as of
    the data's date or `as_of`."""
    return answers.timeline(_data(dataset), after, before, mission, as_of, kind, status).items


def facts(*, mission: Texts = None, dataset: Dataset | None = None) -> list[Item]:
    """Mission facts (the `mission` command), for `mission` or all."""
    return answers.facts(_data(dataset), mission).items


def countries(
    *,
    country: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Every country and region in the data with its camps, ILRS part, Artemis Accords
    signing, payloads and institutions."""
    return answers.countries(_data(dataset), country, region, camp).items


def search(text: str, *, dataset: Dataset | None = None) -> list[Item]:
    """Records whose names, descriptions or notes contain `text` (case and accents ignored)."""
    return answers.search(_data(dataset), text).items


def sources(*, cited_by: str | None = None, dataset: Dataset | None = None) -> list[Item]:
    """Every source, or those that the record `cited_by` cites."""
    return answers.sources(_data(dataset), cited_by).items


def show(record_id: str, *, dataset: Dataset | None = None) -> Item:
    """One record in full, with a "type" key naming its kind."""
    return answers.show(_data(dataset), record_id).item


def info(*, dataset: Dataset | None = None) -> Item:
    """The dataset: title, version, as-of date, counts, headline figures and sources."""
    return answers.info(_data(dataset)).item


def cite(
    record_id: str | list[str] | None = None,
    *,
    format: str = "text",
    every: bool = False,
    dataset: Dataset | None = None,
) -> str:
    """The sources behind one record or several (or `every` record), as one bibliography in
    `format`: text, bibtex or csl-json. Each source appears once."""
    from .render import BIBLIOGRAPHY, formats_for, render

    ids = [record_id] if isinstance(record_id, str) else list(record_id or [])
    bibliography = answers.cite(_data(dataset), ids, every)
    allowed = formats_for(BIBLIOGRAPHY)
    chosen = next((fmt for fmt in allowed if fmt.value == format), None)
    if chosen is None:
        valid = ", ".join(fmt.value for fmt in allowed)
        raise QueryError("format", f"{format!r} is not a citation format; use one of: {valid}")
    return render(bibliography, chosen)
