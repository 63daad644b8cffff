"""Filters over the loaded records. Pure functions: no printing, no parsing of user text."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from .countries import Country, fold
from .dates import FuzzyDate
from .errors import InputError
from .model import Dataset, Event, EventStatus, Level, Member, MemberStatus, Payload, Place


def _in_any(place: Place, countries: Sequence[Country]) -> bool:
    return not countries or any(country.includes(place) for country in countries)


def payloads_from(dataset: Dataset, countries: Sequence[Country] = ()) -> list[Payload]:
    """Payloads with at least one partner institution from any of `countries` (all if none)."""
    return [
        payload
        for payload in dataset.payloads
        if not countries or any(_in_any(inst.place, countries) for inst in payload.institutions)
    ]


def members_matching(
    dataset: Dataset,
    level: Level | None = None,
    status: MemberStatus | None = None,
    countries: Sequence[Country] = (),
) -> list[Member]:
    return [
        member
        for member in dataset.members
        if (level is None or member.level is level)
        and (status is None or member.status is status)
        and _in_any(member.place, countries)
    ]


def signed_by(
    members: Sequence[Member], day: datetime.date
) -> tuple[list[Member], list[Member], list[Member]]:
    """Split members at `day`: (signed by then, signing date spans the day, no signing date).
    Members whose agreement came later are in none of the three."""
    signed, spanning, undated = [], [], []
    for member in members:
        if member.status is not MemberStatus.SIGNED or member.date is None:
            undated.append(member)
        elif member.date.end <= day:
            signed.append(member)
        elif member.date.start <= day:
            spanning.append(member)
    return signed, spanning, undated


def status_at(event: Event, day: datetime.date) -> str:
    """planned or done at the end of `day`; uncertain when the event's date spans it."""
    if event.status is EventStatus.PLANNED or event.date.start > day:
        return EventStatus.PLANNED.value
    if event.date.end <= day:
        return EventStatus.DONE.value
    return "uncertain"


def events_between(
    dataset: Dataset,
    after: FuzzyDate | None = None,
    before: FuzzyDate | None = None,
    missions: Sequence[str] = (),
) -> list[Event]:
    """Events whose date span reaches `after` and starts by the end of `before` (both
    inclusive), for any of `missions` (all if none). Events come sorted by date."""
    return [
        event
        for event in dataset.events
        if (after is None or event.date.ends_on_or_after(after.start))
        and (before is None or event.date.starts_on_or_before(before.end))
        and (not missions or event.mission in missions)
    ]


def mission_key(text: str) -> str:
    """ "Chang'e-8", "change8", "CE-8" -> "change8"; "ILRS" -> "ilrs"."""
    key = fold(text).replace(" ", "")
    if key.startswith("ce") and key[2:].isdigit():
        return "change" + key[2:]
    return key


def resolve_mission(dataset: Dataset, text: str) -> str:
    """The mission name in the data that `text` means; InputError listing the valid ones."""
    missions = sorted(
        {mission.name for mission in dataset.missions}
        | {event.mission for event in dataset.events}
        | {fact.mission for fact in dataset.facts}
    )
    wanted = mission_key(text)
    for mission in missions:
        if mission_key(mission) == wanted:
            return mission
    raise InputError("--mission", f"unknown mission {text!r}; use one of: {', '.join(missions)}")
