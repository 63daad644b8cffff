"""The answers to each question, from plain arguments: the one code path that both the command
line and the Python API take. Arguments are what a person types (country names or codes,
mission spellings, dates as text); problems raise QueryError naming the argument."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from ..core.countries import Country, resolve_country
from ..core.dates import FuzzyDate, parse_point
from ..core.errors import QueryError
from ..core.records import Dataset
from ..core.vocab import EventKind, EventStatus, Level, MemberStatus
from ..query import filters
from ..query.lookup import Found, find, resolve_mission
from . import listings
from .citations import Bibliography, bibliography
from .columns import Listing
from .details import Detail, info_detail, record_detail

Texts = str | Sequence[str] | None
MAX_QUERY = 200  # characters of search text: a name or a few words
MAX_QUERY_WORDS = 20


def _many(value: Texts) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _countries(dataset: Dataset, given: Texts) -> list[Country]:
    return [resolve_country(text, dataset.places) for text in _many(given)]


def _missions(dataset: Dataset, given: Texts) -> list[str]:
    return [resolve_mission(dataset, text) for text in _many(given)]


def _scope(countries: list[Country]) -> str:
    return " from " + " or ".join(country.name for country in countries) if countries else ""


def _point(text: str | None, argument: str) -> FuzzyDate | None:
    if text is None:
        return None
    try:
        return parse_point(text)
    except ValueError as error:
        raise QueryError(argument, str(error)) from None


def _as_of_day(dataset: Dataset, text: str | None) -> datetime.date | None:
    """The last day of `as_of`; it cannot be later than the data's own as-of date."""
    when = _point(text, "as_of")
    if when is None:
        return None
    if when.end > dataset.info.as_of:
        limit = dataset.info.as_of.isoformat()
        raise QueryError(
            "as_of",
            f"the data is as of {limit} and cannot say what held on "
            f"{when.end.isoformat()}; give a date on or before {limit}",
        )
    return when.end


def _reversed(start: FuzzyDate | None, end: FuzzyDate | None, after: Any, before: Any) -> list[str]:
    """A note when `after` is later than `before`: not an error, since a date that is a span
    can reach into both (2024/2025 is on or after 2025 and on or before 2024), but never a
    silently empty answer."""
    if start is None or end is None or start.start <= end.end:
        return []
    return [
        f"after {after} is later than before {before}: only a date spanning from {before} or "
        f"earlier to {after} or later matches both; swap them for the dates between"
    ]


def _choice(kind: type[Any], value: Any, argument: str) -> Any:
    if value is None or isinstance(value, kind):
        return value
    try:
        return kind(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise QueryError(
            argument, f"{value!r} is not a {argument}; use one of: {allowed}"
        ) from None


def _region(text: str | None) -> tuple[str, frozenset[str] | None]:
    """' in Africa' and the region's codes, or ('', None) when no region is asked for."""
    if text is None:
        return "", None
    from ..core.regions import resolve_region

    name, codes = resolve_region(text)
    return f" in {name}", codes


def payloads(
    dataset: Dataset, country: Texts = None, mission: Texts = None, region: str | None = None
) -> Listing:
    countries, missions = _countries(dataset, country), _missions(dataset, mission)
    where, codes = _region(region)
    scope = _scope(countries) + where + (" on " + " or ".join(missions) if missions else "")
    found = filters.payloads_from(dataset, countries, missions, codes)
    return listings.payloads_listing(dataset, found, scope)


def members(
    dataset: Dataset,
    level: Level | str | None = None,
    status: MemberStatus | str | None = None,
    country: Texts = None,
    as_of: str | None = None,
    after: str | None = None,
    before: str | None = None,
    region: str | None = None,
) -> Listing:
    """With `as_of`, only members with an agreement documented as signed by then; those with
    no signing date, or one that spans that day, are named in the listing's notes. `after`
    and `before` keep those whose signing date reaches into that range (both inclusive)."""
    wanted = _choice(Level, level, "level")
    chosen_status = _choice(MemberStatus, status, "status")
    countries = _countries(dataset, country)
    where, codes = _region(region)
    found = filters.members_matching(dataset, wanted, chosen_status, countries, codes)
    parts = [part.value for part in (wanted, chosen_status) if part is not None]
    scope = (" (" + ", ".join(parts) + ")" if parts else "") + _scope(countries) + where
    day = _as_of_day(dataset, as_of)
    notes: list[str] = []
    if day is not None:
        found, spanning, undated = filters.signed_by(found, day)
        scope += f", signed by {day.isoformat()}"
        if undated:
            names = ", ".join(f"{m.name} ({m.status.value})" for m in undated)
            notes.append(f"not counted, no signing date in the data: {names}")
        if spanning:
            names = ", ".join(f"{m.name} ({m.date.display if m.date else ''})" for m in spanning)
            notes.append(f"not counted, the signing date spans {day.isoformat()}: {names}")
    start, end = _point(after, "after"), _point(before, "before")
    notes += _reversed(start, end, after, before)
    if start is not None or end is not None:
        undated = [m for m in found if m.date is None]
        found = [m for m in found if m.date is not None and filters.within(m.date, start, end)]
        scope += "".join(
            [f", signed from {after}" if after else "", f", signed to {before}" if before else ""]
        )
        if undated:
            names = ", ".join(f"{m.name} ({m.status.value})" for m in undated)
            notes.append(f"not counted, no signing date in the data: {names}")
    listing = listings.members_listing(dataset, found, scope)
    return listing._replace(notes=tuple(dict.fromkeys(notes)))


def timeline(
    dataset: Dataset,
    after: str | None = None,
    before: str | None = None,
    mission: Texts = None,
    as_of: str | None = None,
    kind: Texts | Sequence[EventKind] = None,
    status: EventStatus | str | None = None,
) -> Listing:
    """Events in a date range (inclusive), for missions, of kinds, with a status as judged at
    the data's as-of date or `as_of`."""
    start, end = _point(after, "after"), _point(before, "before")
    missions = _missions(dataset, mission)
    kinds = [_choice(EventKind, value, "kind") for value in _many(kind)]
    chosen_status = _choice(EventStatus, status, "status")
    found = filters.events_between(dataset, start, end, missions)
    if kinds:
        found = [event for event in found if event.kind in kinds]
    scope = (
        (" for " + " or ".join(missions) if missions else "")
        + (" (" + ", ".join(k.value for k in kinds) + ")" if kinds else "")
        + (f" from {after}" if after else "")
        + (f" to {before}" if before else "")
    )
    listing = listings.timeline_listing(dataset, found, scope, _as_of_day(dataset, as_of))
    if chosen_status is not None:
        items = [item for item in listing.items if item["status"] == chosen_status.value]
        listing = listing._replace(items=items, heading=f"{listing.heading}, {chosen_status.value}")
    notes = _reversed(start, end, after, before)
    return listing._replace(notes=(*listing.notes, *notes)) if notes else listing


def facts(dataset: Dataset, mission: Texts = None) -> Listing:
    missions = _missions(dataset, mission)
    scope = " for " + " and ".join(missions) if missions else ""
    return listings.facts_listing(dataset, filters.facts_about(dataset, missions), scope)


def countries(dataset: Dataset, country: Texts = None, region: str | None = None) -> Listing:
    wanted = _countries(dataset, country)
    where, codes = _region(region)
    places = filters.places_in(dataset, wanted, codes)
    return listings.countries_listing(dataset, places, _scope(wanted) + where)


def search(dataset: Dataset, text: str) -> Listing:
    from ..core.text import fold
    from ..query.search import search as search_records

    if not fold(text):
        raise QueryError("text", "give some letters or digits to search for")
    if len(text) > MAX_QUERY or len(fold(text).split()) > MAX_QUERY_WORDS:
        raise QueryError(
            "text", f"search text is at most {MAX_QUERY} characters and {MAX_QUERY_WORDS} "
            f"words; this has {len(text):,} characters and {len(fold(text).split()):,} words"
        )  # fmt: skip
    return listings.search_listing(dataset, search_records(dataset, text), text)


def _also(found: Found, command: str) -> tuple[str, ...]:
    if not found.others:
        return ()
    named = ", ".join(f"{kind.name} {record.id}" for kind, record in found.others)
    return (f"showing {found.kind.name} {found.record.id}; also found: {named} "
            f"(`ilrs {command} ID` for one of them)",)  # fmt: skip


def show(dataset: Dataset, record_id: str) -> Detail:
    """One record by id, in any case; a country name shows its member record and names the
    country's other records in the notes."""
    found = find(dataset, record_id)
    detail = record_detail(dataset, found.kind, found.record)
    return detail._replace(notes=_also(found, "show"))


def cite(dataset: Dataset, record_ids: Sequence[str] = (), every: bool = False) -> Bibliography:
    """The sources of these records (or of every record), each source once."""
    from ..core.kinds import all_records

    if every:
        records = [record for _, record in all_records(dataset)]
        return bibliography(records)
    if not record_ids:
        raise QueryError("id", "give at least one record id, or ask for all of them")
    found = [find(dataset, record_id) for record_id in record_ids]
    notes = tuple(note for match in found for note in _also(match, "cite"))
    unique = list({match.record.id: match.record for match in found}.values())
    return bibliography(unique)._replace(notes=notes)


def sources(dataset: Dataset, cited_by: str | None = None) -> Listing:
    """Every source, or those a record (any id, or a country name) cites."""
    if cited_by is None:
        return listings.sources_listing(dataset, dataset.sources, "")
    found = find(dataset, cited_by)
    wanted = bibliography([found.record]).references
    scope = f" cited by {found.kind.name} {found.record.id}"
    return listings.sources_listing(dataset, [entry.source for entry in wanted], scope)


def info(dataset: Dataset) -> Detail:
    return info_detail(dataset)


def fields(command: str | None = None) -> Listing:
    if command is not None and command not in listings.COLUMNS_BY_COMMAND:
        valid = ", ".join(listings.COLUMNS_BY_COMMAND)
        raise QueryError("command", f"{command!r} is not a list command; use one of: {valid}")
    return listings.fields_listing(command)
