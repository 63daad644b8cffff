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

Errors: `QueryError` for an argument that cannot be used, of the wrong type included (its
`argument` attribute names it), `RecordNotFound` (a QueryError) for an unknown id,
`DatasetError` for a dataset file that cannot be used (its `problems` list every problem).
All derive from `IlrsError`. Dates may also be `datetime.date` objects.

This module imports neither Typer, Click nor Rich.
"""

from __future__ import annotations

import datetime
import os
from enum import Enum
from pathlib import Path

from .core.errors import DatasetError, IlrsError, QueryError, RecordNotFound
from .core.records import Dataset
from .core.vocab import Camp, EventKind, EventStatus, Level, MemberStatus
from .report import answers
from .report.answers import Texts

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    Item = dict[str, Any]
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
    "listing",
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

Day = str | datetime.date | None


def _kind(value: Any) -> str:
    return type(value).__name__


def _text(value: Any, argument: str, optional: bool = True) -> Any:
    """`value` when it is a string (or None when `optional`); QueryError otherwise."""
    if isinstance(value, str) or (optional and value is None):
        return value
    raise QueryError(argument, f"{argument} must be a string, not {_kind(value)}")


def _texts(value: Any, argument: str, allowed: type[Enum] | None = None) -> Any:
    """None, a string or a list (or tuple) of strings; QueryError otherwise (bytes would be
    taken for a list of numbers)."""

    def fits(one: Any) -> bool:
        return isinstance(one, str) or (allowed is not None and isinstance(one, allowed))

    if value is None or fits(value):
        return value
    if isinstance(value, list | tuple) and all(fits(one) for one in value):
        return list(value)
    what = _kind(value) if not isinstance(value, list | tuple) else "a list holding other things"
    raise QueryError(argument, f"{argument} must be a string or a list of strings, not {what}")


def _choice(value: Any, argument: str, kind: type[Enum]) -> Any:
    if value is None or isinstance(value, str | kind):
        return value
    raise QueryError(argument, f"{argument} must be a string, not {_kind(value)}")


def _day(value: Any, argument: str) -> str | None:
    """A date as text: a string of any precision, or a datetime.date (a datetime: its day)."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None or isinstance(value, str):
        return value
    raise QueryError(
        argument, f"{argument} must be a date (text such as 2024-06, or a datetime.date), "
        f"not {_kind(value)}"
    )  # fmt: skip


def _where(country: Any, region: Any, camp: Any) -> tuple[Any, Any, Any]:
    """The place filters most questions take, checked: countries, a region, a camp."""
    return _texts(country, "country"), _text(region, "region"), _choice(camp, "camp", Camp)


def _when(as_of: Any, after: Any, before: Any) -> tuple[str | None, str | None, str | None]:
    """The date filters of the signing questions, checked: as of, after, before."""
    return _day(as_of, "as_of"), _day(after, "after"), _day(before, "before")


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The dataset at `path`, checked (the bundled one by default); DatasetError if unusable."""
    from .load import open_dataset

    if path is not None and not isinstance(path, str | os.PathLike):
        raise QueryError("path", f"path must be a path (str or pathlib.Path), not {_kind(path)}")
    return open_dataset(Path(path) if path is not None else None)


def _data(dataset: Dataset | None) -> Dataset:
    if dataset is not None and not isinstance(dataset, Dataset):
        raise QueryError("dataset", f"dataset must be a Dataset (from load), not {_kind(dataset)}")
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
    data = _data(dataset)
    country, mission, region = (
        _texts(country, "country"),
        _texts(mission, "mission"),
        _text(region, "region"),
    )
    return answers.payloads(data, country, mission, region, _choice(camp, "camp", Camp)).items


def members(
    *,
    level: Level | str | None = None,
    status: MemberStatus | str | None = None,
    country: Texts = None,
    region: str | None = None,
    as_of: Day = None,
    after: Day = None,
    before: Day = None,
    camp: Camp | str | None = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """ILRS participants. `level`: national, subnational, organization or affiliated;
    `status`: signed or reported; `as_of`: only those documented as signed by that date;
    `after`/`before`: those whose signing date falls in that range (inclusive); `camp`:
    those whose country is in it (ilrs, artemis, both, ilrs-only, artemis-only, neither)."""
    data = _data(dataset)
    level, status = _choice(level, "level", Level), _choice(status, "status", MemberStatus)
    country, region, camp = _where(country, region, camp)
    as_of, after, before = _when(as_of, after, before)
    return answers.members(data, level, status, country, as_of, after, before, region, camp).items


def signatories(
    *,
    country: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
    mission: Texts = None,
    partners: bool = False,
    as_of: Day = None,
    after: Day = None,
    before: Day = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Artemis Accords signatories in signing order, as `ilrs artemis --json`: date, order,
    who signed, and the country's ILRS standing and payloads. `partners`: only countries with
    a payload partner (on `mission` when given, which implies it); `as_of`: signed by then."""
    data = _data(dataset)
    country, region, camp = _where(country, region, camp)
    as_of, after, before = _when(as_of, after, before)
    listing = answers.signatories(
        data, country, region, camp, _texts(mission, "mission"), bool(partners), as_of, after,
        before,
    )  # fmt: skip
    return listing.items


def signings(
    *,
    country: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
    as_of: Day = None,
    after: Day = None,
    before: Day = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Both camps' signings on one timeline, as `ilrs signings --json`."""
    data = _data(dataset)
    country, region, camp = _where(country, region, camp)
    as_of, after, before = _when(as_of, after, before)
    return answers.signings(data, country, region, camp, as_of, after, before).items


def growth(
    *,
    country: Texts = None,
    region: str | None = None,
    level: Texts = None,
    as_of: Day = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Both camps year by year, as `ilrs growth --json`: each year's ILRS signings (national
    participants unless `level` says otherwise) and Accords signings, with running totals,
    every year from the first to the last, then a row (year None) for undated participants."""
    data = _data(dataset)
    country, region = _texts(country, "country"), _text(region, "region")
    level, as_of = _texts(level, "level", Level), _day(as_of, "as_of")
    return answers.growth(data, country, region, level, as_of).items


def timeline(
    *,
    after: Day = None,
    before: Day = None,
    mission: Texts = None,
    as_of: Day = None,
    kind: Texts = None,
    status: str | None = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Dated events, on or after `after` and on or before `before` (both inclusive), of
    `kind` (signing, ratification, launch, ...), with their status (planned or done) as of
    the data's date or `as_of`."""
    data = _data(dataset)
    after, before, as_of = _day(after, "after"), _day(before, "before"), _day(as_of, "as_of")
    mission, kind = _texts(mission, "mission"), _texts(kind, "kind", EventKind)
    status = _choice(status, "status", EventStatus)
    return answers.timeline(data, after, before, mission, as_of, kind, status).items


def facts(*, mission: Texts = None, dataset: Dataset | None = None) -> list[Item]:
    """Mission facts (the `mission` command), for `mission` or all."""
    return answers.facts(_data(dataset), _texts(mission, "mission")).items


def countries(
    *,
    country: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Every country and region in the data with its camps, ILRS part, Artemis Accords
    signing, payloads and institutions."""
    data = _data(dataset)
    country, region, camp = _where(country, region, camp)
    return answers.countries(data, country, region, camp).items


def search(text: str, *, dataset: Dataset | None = None) -> list[Item]:
    """Records whose names, descriptions or notes contain `text` (case and accents ignored)."""
    return answers.search(_data(dataset), _text(text, "text", optional=False)).items


def sources(*, cited_by: str | None = None, dataset: Dataset | None = None) -> list[Item]:
    """Every source, or those that the record `cited_by` cites."""
    return answers.sources(_data(dataset), _text(cited_by, "cited_by")).items


def listing(command: str, *, dataset: Dataset | None = None, **filters: Texts) -> list[Item]:
    """What a list command of the records of one kind lists (one declared with
    `records_command` in report/list_commands.py), kept by the filters it takes, each a
    string or a list of strings: `listing("rocks", mission="CE-8")`."""
    data = _data(dataset)
    asked = {name: _texts(value, name) for name, value in filters.items()}
    return answers.listing(data, _text(command, "command", optional=False), **asked).items


def show(record_id: str, *, dataset: Dataset | None = None) -> Item:
    """One record in full, with a "type" key naming its kind."""
    return answers.show(_data(dataset), _text(record_id, "id", optional=False)).item


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

    data = _data(dataset)
    given = _texts(record_id, "id")
    ids = [given] if isinstance(given, str) else list(given or [])
    format = _text(format, "format", optional=False)
    bibliography = answers.cite(data, ids, bool(every))
    allowed = formats_for(BIBLIOGRAPHY)
    chosen = next((fmt for fmt in allowed if fmt.value == format), None)
    if chosen is None:
        valid = ", ".join(fmt.value for fmt in allowed)
        raise QueryError("format", f"{format!r} is not a citation format; use one of: {valid}")
    return render(bibliography, chosen)
