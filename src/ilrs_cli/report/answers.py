"""The answers to each question, from plain arguments: the one code path that both the command
line and the Python API take. Arguments are what a person types (country names or codes,
mission spellings, dates as text); problems raise QueryError naming the argument."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from ..core.errors import QueryError
from ..core.matching import suggest
from ..core.records import Dataset
from ..core.vocab import Camp, EventKind, EventStatus, Level, MemberStatus
from ..query import filters
from ..query.lookup import Found, find
from . import build_listings
from .arguments import (
    Texts,
    as_of_day,
    camp_of,
    camps_of,
    choice,
    countries_of,
    many,
    missions_of,
    point,
    region_of,
    reversed_note,
    scope_of,
)
from .listing import Listing

TYPE_CHECKING = False
if TYPE_CHECKING:  # show, cite and info import them, so that the lists load less
    from typing import Any

    from ..core.citation_styles import Style
    from .citations import Bibliography
    from .details import Detail

MAX_QUERY = 200  # characters of search text: a name or a few words
MAX_QUERY_WORDS = 20


def payloads(
    dataset: Dataset,
    country: Texts = None,
    mission: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
) -> Listing:
    """Payloads with a partner from `country`, `region` and a country in `camp`, on
    `mission`; every mission's payloads by default, and the listing says which."""
    countries, missions = countries_of(dataset, country), missions_of(dataset, mission)
    where, codes = region_of(region)
    in_camp, chosen = camp_of(camp)
    scope = scope_of(countries) + where + in_camp
    found = filters.payloads_from(dataset, countries, missions, codes, chosen)
    return build_listings.payloads_listing(dataset, found, scope, " or ".join(missions))


def members(
    dataset: Dataset,
    level: Level | str | None = None,
    status: MemberStatus | str | None = None,
    country: Texts = None,
    as_of: str | None = None,
    after: str | None = None,
    before: str | None = None,
    region: str | None = None,
    camp: Camp | str | None = None,
) -> Listing:
    """With `as_of`, only members with an agreement documented as signed by then; those with
    no signing date, or one that spans that day, are named in the listing's notes. `after`
    and `before` keep those whose signing date reaches into that range (both inclusive).
    `camp` keeps those whose country is in it (an organization is in the ILRS only)."""
    wanted = choice(Level, level, "level")
    chosen_status = choice(MemberStatus, status, "status")
    countries = countries_of(dataset, country)
    where, codes = region_of(region)
    in_camp, chosen = camp_of(camp)
    found = filters.members_matching(dataset, wanted, chosen_status, countries, codes, chosen)
    parts = [part.value for part in (wanted, chosen_status) if part is not None]
    scope = (" (" + ", ".join(parts) + ")" if parts else "") + scope_of(countries) + where
    scope += in_camp
    day = as_of_day(dataset, as_of)
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
    start, end = point(after, "after"), point(before, "before")
    notes += reversed_note(start, end, after, before)
    if start is not None or end is not None:
        undated = [m for m in found if m.date is None]
        found = [m for m in found if m.date is not None and filters.within(m.date, start, end)]
        scope += "".join(
            [f", signed from {after}" if after else "", f", signed to {before}" if before else ""]
        )
        if undated:
            names = ", ".join(f"{m.name} ({m.status.value})" for m in undated)
            notes.append(f"not counted, no signing date in the data: {names}")
    listing = build_listings.members_listing(dataset, found, scope)
    return listing._replace(notes=tuple(dict.fromkeys(notes)))


def timeline(
    dataset: Dataset,
    after: str | None = None,
    before: str | None = None,
    mission: Texts = None,
    as_of: str | None = None,
    kind: Texts | Sequence[EventKind] = None,
    status: EventStatus | str | None = None,
    country: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
) -> Listing:
    """Events in a date range (inclusive), for missions, of kinds, naming a place of
    `country`, `region` and `camp` (query/naming.py), with a status as judged at the data's
    as-of date or `as_of`."""
    start, end = point(after, "after"), point(before, "before")
    missions, countries = missions_of(dataset, mission), countries_of(dataset, country)
    kinds = [choice(EventKind, value, "kind") for value in many(kind)]
    chosen_status = choice(EventStatus, status, "status")
    where, codes = region_of(region)
    in_camp, chosen = camp_of(camp)
    found = filters.events_between(dataset, start, end, missions, countries, codes, chosen)
    if kinds:
        found = [event for event in found if event.kind in kinds]
    named = " or ".join(country.name for country in countries)
    scope = (
        (" for " + " or ".join(missions) if missions else "")
        + (f" naming {named}" if countries else "")
        + (" naming a place" + where + in_camp if where or in_camp else "")
        + (" (" + ", ".join(k.value for k in kinds) + ")" if kinds else "")
        + (f" from {after}" if after else "")
        + (f" to {before}" if before else "")
    )
    listing = build_listings.timeline_listing(dataset, found, scope, as_of_day(dataset, as_of))
    if chosen_status is not None:
        items = [item for item in listing.items if item["status"] == chosen_status.value]
        listing = listing._replace(items=items, heading=f"{listing.heading}, {chosen_status.value}")
    notes = reversed_note(start, end, after, before)
    return listing._replace(notes=(*listing.notes, *notes)) if notes else listing


def facts(dataset: Dataset, mission: Texts = None) -> Listing:
    missions = missions_of(dataset, mission)
    scope = " for " + " and ".join(missions) if missions else ""
    return build_listings.facts_listing(dataset, filters.facts_about(dataset, missions), scope)


def countries(
    dataset: Dataset,
    country: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
    documented: bool = False,
    level: Texts | Sequence[Level] = None,
) -> Listing:
    wanted = countries_of(dataset, country)
    where, codes = region_of(region)
    in_camp, chosen, counting = camps_of(camp, documented, level)
    places = filters.places_in(dataset, wanted, codes, chosen, counting)
    scope = scope_of(wanted) + where + in_camp
    return build_listings.countries_listing(dataset, places, scope, counting)


def _dated_by(day: datetime.date, found: list[Any], notes: list[str], name: Any) -> list[Any]:
    """The records of `found` whose date ends by `day`; those whose date spans it are named
    in `notes`. A record with no date is left to the caller."""
    kept = [record for record in found if record.date is not None and record.date.end <= day]
    spanning = [r for r in found if r.date is not None and r.date.start <= day < r.date.end]
    if spanning:
        names = ", ".join(f"{name(r)} ({r.date.display})" for r in spanning)
        notes.append(f"not counted, the signing date spans {day.isoformat()}: {names}")
    return kept


def _dates_scope(after: str | None, before: str | None, as_of: datetime.date | None) -> str:
    return "".join([
        f", signed from {after}" if after else "", f", signed to {before}" if before else "",
        f", signed by {as_of.isoformat()}" if as_of else "",
    ])  # fmt: skip


def signatories(
    dataset: Dataset,
    country: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
    documented: bool = False,
    level: Texts | Sequence[Level] = None,
    mission: Texts = None,
    partners: bool = False,
    as_of: str | None = None,
    after: str | None = None,
    before: str | None = None,
) -> Listing:
    """Artemis Accords signatories, in date order. `partners` keeps those with a partner in a
    payload (of `mission` when given, which implies it); `as_of` those who had signed by then;
    `after` and `before` those whose signing date reaches into that range (inclusive)."""
    countries, missions = countries_of(dataset, country), missions_of(dataset, mission)
    where, codes = region_of(region)
    in_camp, chosen, counting = camps_of(camp, documented, level)
    wanted = missions if (missions or partners) else None
    found = filters.signatories_matching(dataset, countries, codes, chosen, wanted, counting)
    start, end = point(after, "after"), point(before, "before")
    found = [s for s in found if filters.within(s.date, start, end)]
    day = as_of_day(dataset, as_of)
    notes: list[str] = []
    if day is not None:
        found = _dated_by(day, found, notes, lambda s: s.place.name)
    partner_scope = ""
    if wanted is not None:
        on = " or ".join(missions) if missions else "any mission"
        partner_scope = f", with a payload partner on {on}"
    scope = scope_of(countries) + where + in_camp + partner_scope
    scope += _dates_scope(after, before, day)
    listing = build_listings.signatories_listing(dataset, found, scope, counting)
    return listing._replace(notes=(*listing.notes, *notes))


def signings(
    dataset: Dataset,
    country: Texts = None,
    region: str | None = None,
    camp: Camp | str | None = None,
    documented: bool = False,
    level: Texts | Sequence[Level] = None,
    as_of: str | None = None,
    after: str | None = None,
    before: str | None = None,
) -> Listing:
    """Both camps' signings on one timeline: dated ILRS participants and Accords signatories
    from `country`, `region` and `camp`, in a date range (inclusive) or by `as_of`."""
    countries = countries_of(dataset, country)
    where, codes = region_of(region)
    in_camp, chosen, counting = camps_of(camp, documented, level)
    members = filters.members_matching(dataset, None, None, countries, codes, chosen, counting)
    signed = filters.signatories_matching(dataset, countries, codes, chosen, counting=counting)
    start, end = point(after, "after"), point(before, "before")
    members = [m for m in members if m.date is not None and filters.within(m.date, start, end)]
    signed = [s for s in signed if filters.within(s.date, start, end)]
    day = as_of_day(dataset, as_of)
    notes: list[str] = []
    if day is not None:
        members = _dated_by(day, members, notes, lambda m: m.name)
        signed = _dated_by(day, signed, notes, lambda s: s.place.name)
    scope = scope_of(countries) + where + in_camp + _dates_scope(after, before, day)
    listing = build_listings.signings_listing(dataset, members, signed, scope, counting)
    return listing._replace(notes=tuple(notes))


def growth(
    dataset: Dataset,
    country: Texts = None,
    region: str | None = None,
    level: Texts | Sequence[Level] = None,
    documented: bool = False,
    as_of: str | None = None,
    after: str | None = None,
    before: str | None = None,
) -> Listing:
    """Both camps year by year, side by side, with cumulative totals: ILRS participants of
    `level` (national by default; several may be given; signed only when `documented`) by the
    year of their first documented agreement, and Accords signatories by the year they signed;
    every year from the first to the last, and a row for participants with no signing date.
    `as_of` stops at that day; `after` and `before` count only the signings whose date
    reaches into that range (both inclusive), so the totals count from `after`."""
    from ..query.figures import growth as growth_rows

    _, _, counting = camps_of(None, documented, level or [Level.NATIONAL])
    countries = countries_of(dataset, country)
    where, codes = region_of(region)
    members = filters.members_matching(dataset, None, None, countries, codes, None, counting)
    signed = filters.signatories_matching(dataset, countries, codes, counting=counting)
    day = as_of_day(dataset, as_of)
    notes: list[str] = []
    if day is not None:
        undated = [m for m in members if m.date is None]
        members = _dated_by(day, members, notes, lambda m: m.name) + undated
        signed = _dated_by(day, signed, notes, lambda s: s.place.name)
    start, end = point(after, "after"), point(before, "before")
    notes += reversed_note(start, end, after, before)
    if start is not None or end is not None:
        if any(m.date is None for m in members):
            names = ", ".join(f"{m.name} ({m.status.value})" for m in members if m.date is None)
            notes.append(f"not counted, no signing date in the data: {names}")
        members = [m for m in members if m.date is not None and filters.within(m.date, start, end)]
        signed = [s for s in signed if filters.within(s.date, start, end)]
    undated = [m for m in members if m.date is None or m.date.year is None]
    if undated:
        names = ", ".join(f"{m.name} ({m.status.value})" for m in undated)
        notes.append(f"on the undated row, no signing date in a single year: {names}")
    scope = scope_of(countries) + where + _dates_scope(after, before, None)
    scope += f", to {day.isoformat()}" if day else ""
    listing = build_listings.growth_listing(dataset, growth_rows(members, signed), scope, counting)
    return listing._replace(notes=tuple(notes))


def search(dataset: Dataset, text: str) -> Listing:
    from ..core.matching import fold
    from ..query.search import search as search_records

    if not fold(text):
        raise QueryError("text", "give some letters or digits to search for")
    if len(text) > MAX_QUERY or len(fold(text).split()) > MAX_QUERY_WORDS:
        raise QueryError(
            "text", f"search text is at most {MAX_QUERY} characters and {MAX_QUERY_WORDS} "
            f"words; this has {len(text):,} characters and {len(fold(text).split()):,} words"
        )  # fmt: skip
    return build_listings.search_listing(dataset, search_records(dataset, text), text)


def found_note(found: Found, command: str, lead: str) -> str:
    note = f"{lead} {found.kind.name} {found.record.id}"
    if not found.others:
        return note
    named = ", ".join(f"{kind.name} {record.id}" for kind, record in found.others)
    return f"{note}; also found: {named} (`ilrs {command} ID` for one of them)"


def show(dataset: Dataset, record_id: str) -> Detail:
    """One record by id, in any case, or everything about a mission or a country named by
    any of its spellings (report/details.py says which wins when the text is several)."""
    from .details import show as show_view

    return show_view(dataset, record_id)


def cite(
    dataset: Dataset,
    record_ids: Texts = (),
    every: bool = False,
    style: Style | str | None = None,
) -> Bibliography:
    """The sources of these records (or of every record), each source once; in a citation
    style's text when `style` is given."""
    from ..core.citation_styles import Style
    from ..core.kinds import all_records
    from .citations import bibliography

    chosen = choice(Style, style, "style")
    if every:
        records = [record for _, record in all_records(dataset)]
        return bibliography(records)._replace(style=chosen)
    if not record_ids:
        raise QueryError("id", "give at least one record id, or ask for all of them")
    asked = many(record_ids)
    found = [find(dataset, record_id) for record_id in asked]
    # Nothing for an id; one note for each name that was read as a record (a country's
    # name, or an id in another case that also names the country's other records).
    notes = tuple(dict.fromkeys(
        found_note(match, "cite", f"{text.strip()!r}: citing")
        for text, match in zip(asked, found, strict=True)
        if match.how == "name" or (match.how == "case" and match.others)
    ))  # fmt: skip
    unique = list({match.record.id: match.record for match in found}.values())
    return bibliography(unique)._replace(notes=notes, style=chosen)


def sources(dataset: Dataset, cited_by: str | None = None) -> Listing:
    """Every source, or those a record (any id, or a country name) cites."""
    if cited_by is None:
        return build_listings.sources_listing(dataset, dataset.sources, "")
    from .citations import bibliography

    found = find(dataset, cited_by)
    wanted = bibliography([found.record]).references
    scope = f" cited by {found.kind.name} {found.record.id}"
    return build_listings.sources_listing(dataset, [entry.source for entry in wanted], scope)


def info(dataset: Dataset, sources: bool = False) -> Detail:
    """The dataset; its sources in the table too when `sources` (JSON and CSV always hold
    them)."""
    from .details import info_detail

    return info_detail(dataset, sources)


def fields(command: str | None = None) -> Listing:
    from .commands import COLUMNS_BY_COMMAND

    if command is not None and command not in COLUMNS_BY_COMMAND:
        valid, close = ", ".join(COLUMNS_BY_COMMAND), suggest(command, COLUMNS_BY_COMMAND)
        raise QueryError(
            "command", f"{command!r} is not a list command{close}; use one of: {valid}"
        )  # fmt: skip
    return build_listings.fields_listing(command)
