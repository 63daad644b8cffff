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
from .core.vocab import Camp, Level, MemberStatus
from .report import answers
from .report.arguments import Texts
from .report.commands import COMMANDS
from .report.params import Param

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .report.details import Detail
    from .report.listing import Listing

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


def _whole(value: Any, argument: str) -> Any:
    """`value` when each text in it is text a person could type: no NUL and no lone surrogate
    (which no encoding can write); QueryError otherwise, never a UnicodeError from deeper."""
    for one in value if isinstance(value, list) else [value]:
        if not isinstance(one, str):
            continue
        if "\x00" in one:
            raise QueryError(argument, f"{argument} holds a NUL character; give text without it")
        try:
            one.encode("utf-8")
        except UnicodeEncodeError as error:
            code = ord(one[error.start])
            raise QueryError(
                argument, f"{argument} holds a lone surrogate (U+{code:04X}), which is no "
                "character: give valid Unicode text"
            ) from None  # fmt: skip
    return value


def _checked(param: Param, value: Any) -> Any:
    """The value of a keyword as its declaration (report/commands.py) takes it; QueryError
    naming the keyword otherwise."""
    keyword = param.keyword or param.name
    return _whole(_typed(param, value, keyword), keyword)


def _typed(param: Param, value: Any, keyword: str) -> Any:
    if param.kind == "flag":
        return bool(value)
    if param.kind == "date":
        return _day(value, keyword)
    if param.kind in ("texts", "choices"):
        return _texts(value, keyword, param.choices)
    if param.kind == "choice" and param.choices is not None:
        return _choice(value, keyword, param.choices)
    return _text(value, keyword, optional=not param.required)


def _answer(command: str, given: dict[str, Any]) -> Any:
    """The answer of the command `command`, to the API function's keywords `given`, each
    checked against its declaration; `dataset` (from `load`) or the bundled one."""
    declared = COMMANDS[command]
    data = _data(given.pop("dataset"))
    asked = {
        param.name: _checked(param, given.pop(param.keyword))
        for param in declared.params
        if param.keyword is not None
    }
    assert not given, f"api.{declared.api} takes keywords the command does not declare: {given}"
    return getattr(answers, declared.answer)(data, **asked)


def _items(command: str, given: dict[str, Any]) -> list[Item]:
    listing: Listing = _answer(command, given)
    return listing.items


def _item(command: str, given: dict[str, Any]) -> Item:
    detail: Detail = _answer(command, given)
    return detail.item


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The dataset at `path`, checked (the bundled one by default); DatasetError if unusable."""
    from .load import open_dataset

    if path is not None and not isinstance(path, str | os.PathLike):
        raise QueryError("path", f"path must be a path (str or pathlib.Path), not {_kind(path)}")
    if path is not None:
        try:
            named = os.fsencode(path)  # an undecodable byte (surrogateescape) is a file name's
        except UnicodeEncodeError:
            named = b"\x00"
        if b"\x00" in named:
            raise QueryError(
                "path", "path holds a NUL character or a lone surrogate, which no file name "
                "can hold"
            )  # fmt: skip
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
    return _items("payloads", locals())


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
    """ILRS participants by signing date, undated last. `level`: national, subnational,
    organization or affiliated; `status`: signed or reported; `as_of`: only those documented
    as signed by that date;
    `after`/`before`: those whose signing date falls in that range (inclusive); `camp`:
    those whose country is in it (ilrs, artemis, both, ilrs-only, artemis-only, neither)."""
    return _items("members", locals())


def signatories(
    *,
    country: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
    documented: bool = False,
    level: Texts = None,
    mission: Texts = None,
    partners: bool = False,
    as_of: Day = None,
    after: Day = None,
    before: Day = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Artemis Accords signatories in signing order, as `ilrs artemis --json`: date, order,
    who signed, and the country's ILRS standing and payloads. `partners`: only countries with
    a payload partner (on `mission` when given, which implies it); `as_of`: signed by then.
    `documented` and `level` say what counts toward the camps, as for `countries`."""
    return _items("artemis", locals())


def signings(
    *,
    country: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
    documented: bool = False,
    level: Texts = None,
    as_of: Day = None,
    after: Day = None,
    before: Day = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Both camps' signings on one timeline, as `ilrs signings --json`; `documented` and
    `level` narrow the ILRS signings and the camps, as for `countries`."""
    return _items("signings", locals())


def growth(
    *,
    country: Texts = None,
    region: str | None = None,
    level: Texts = None,
    documented: bool = False,
    as_of: Day = None,
    after: Day = None,
    before: Day = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Both camps year by year, as `ilrs growth --json`: each year's ILRS signings (national
    participants unless `level` says otherwise; with an agreement documented when
    `documented`) and Accords signings, with running totals,
    every year from the first to the last, then a row (year None) for undated participants.
    `after`/`before`: only the signings in that range (inclusive), the totals counted from it."""
    return _items("growth", locals())


def timeline(
    *,
    after: Day = None,
    before: Day = None,
    mission: Texts = None,
    as_of: Day = None,
    kind: Texts = None,
    status: str | None = None,
    country: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Dated events, on or after `after` and on or before `before` (both inclusive), of
    `kind` (signing, ratification, launch, ...), naming a place of `country`, `region` and
    `camp`, with their status (planned or done) as of the data's date or `as_of`."""
    return _items("timeline", locals())


def facts(*, mission: Texts = None, dataset: Dataset | None = None) -> list[Item]:
    """Mission facts (the `mission` command), for `mission` or all."""
    return _items("mission", locals())


def countries(
    *,
    country: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
    documented: bool = False,
    level: Texts = None,
    dataset: Dataset | None = None,
) -> list[Item]:
    """Every country and region in the data with its camps, ILRS part, Artemis Accords
    signing, payloads and institutions. `documented`: only documented ILRS agreements and a
    place's own Accords signing count toward the camps (nothing via the country it lies in);
    `level`: only ILRS records of that level (or levels) count."""
    return _items("countries", locals())


def search(text: str, *, dataset: Dataset | None = None) -> list[Item]:
    """Records in whose names, descriptions or notes each word of `text` begins a word, or
    in Chinese, Japanese or Thai is anywhere (case and accents ignored)."""
    return _items("search", locals())


def sources(*, cited_by: str | None = None, dataset: Dataset | None = None) -> list[Item]:
    """Every source, or those that the record `cited_by` cites."""
    return _items("sources", locals())


def show(record_id: str, *, dataset: Dataset | None = None) -> Item:
    """One record in full, with a "type" key naming its kind; a mission with its payloads,
    events and facts; a country or region (`"type": "country"`) with its places, payloads,
    ILRS participants, Accords signing and the events that name it."""
    return _item("show", locals())


def info(*, dataset: Dataset | None = None) -> Item:
    """The dataset: title, version, as-of date, counts, headline figures and sources."""
    return _item("info", locals())


def cite(
    record_id: str | list[str] | None = None,
    *,
    format: str = "text",
    every: bool = False,
    style: str | None = None,
    dataset: Dataset | None = None,
) -> str:
    """The sources behind one record or several (or `every` record), as one bibliography in
    `format`: text, bibtex or csl-json. Each source appears once. `style` (text only): apa,
    chicago-author-date, chicago-note, mla or harvard, rendered by citeproc-py (the extra
    `styles`)."""
    from .render import BIBLIOGRAPHY, formats_for, render

    format = _whole(_text(format, "format", optional=False), "format")
    allowed = formats_for(BIBLIOGRAPHY)
    chosen = next((fmt for fmt in allowed if fmt.value == format), None)
    if chosen is None:
        valid = ", ".join(fmt.value for fmt in allowed)
        raise QueryError("format", f"{format!r} is not a citation format; use one of: {valid}")
    asked = {"record_id": record_id, "every": every, "style": style, "dataset": dataset}
    return render(_answer("cite", asked), chosen)
