"""Filters over the loaded records. Pure functions: no printing, no parsing of user text."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from ..core.countries import Country
from ..core.dates import FuzzyDate
from ..core.records import Dataset, Event, Fact, Member, Payload, Place, Signatory
from ..core.vocab import Camp, EventStatus, Level, MemberStatus

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .camps import Counting


def _in_any(place: Place, countries: Sequence[Country]) -> bool:
    return not countries or any(country.includes(place) for country in countries)


def _in_region(place: Place, region: frozenset[str] | None) -> bool:
    from ..core.regions import in_region

    return region is None or in_region(place, region)


def _in_camp(
    dataset: Dataset, place: Place, camp: Camp | None, counting: Counting | None = None
) -> bool:
    if camp is None:
        return True
    from .camps import EVERY, in_camp

    return in_camp(dataset, place, camp, counting or EVERY)


def payloads_from(
    dataset: Dataset,
    countries: Sequence[Country] = (),
    missions: Sequence[str] = (),
    region: frozenset[str] | None = None,
    camp: Camp | None = None,
) -> list[Payload]:
    """Payloads with at least one partner institution from any of `countries` (and from
    `region`, a set of ISO codes, and from a country in `camp`), flying on any of `missions`;
    all where none is given."""
    return [
        payload
        for payload in dataset.payloads
        if (not countries or any(_in_any(inst.place, countries) for inst in payload.institutions))
        and (region is None or any(_in_region(inst.place, region) for inst in payload.institutions))
        and (camp is None or any(_in_camp(dataset, place, camp) for place in payload.places))
        and (not missions or payload.mission in missions)
    ]


def signatories_matching(
    dataset: Dataset,
    countries: Sequence[Country] = (),
    region: frozenset[str] | None = None,
    camp: Camp | None = None,
    missions: Sequence[str] | None = None,
    counting: Counting | None = None,
) -> list[Signatory]:
    """Accords signatories from `countries` and `region`, in `camp` (as `counting` counts),
    and, when `missions` is given, with a partner in a payload on one of them (any mission
    when it is empty)."""
    partners = None
    if missions is not None:
        chosen = [p for p in dataset.payloads if not missions or p.mission in missions]
        partners = {place for payload in chosen for place in payload.places}
    return [
        signatory
        for signatory in dataset.signatories
        if (counting is None or counting.signs(signatory))
        and _in_any(signatory.place, countries)
        and _in_region(signatory.place, region)
        and _in_camp(dataset, signatory.place, camp, counting)
        and (partners is None or signatory.place in partners)
    ]


def members_matching(
    dataset: Dataset,
    level: Level | None = None,
    status: MemberStatus | None = None,
    countries: Sequence[Country] = (),
    region: frozenset[str] | None = None,
    camp: Camp | None = None,
    counting: Counting | None = None,
) -> list[Member]:
    """Members of `level` and `status`, from `countries` and `region`, whose country is in
    `camp` (an organization is in the ILRS camp only); with `counting`, only the members
    it counts, and the camps as it counts them."""
    return [
        member
        for member in dataset.members
        if (level is None or member.level is level)
        and (status is None or member.status is status)
        and (counting is None or counting.counts(member))
        and _in_any(member.place, countries)
        and _in_region(member.place, region)
        and _in_camp(dataset, member.place, camp, counting)
    ]


def signed_at(
    signatories: Sequence[Signatory], day: datetime.date
) -> tuple[list[Signatory], list[Signatory]]:
    """Split signatories at `day`: (signed by then, signing date spans the day). Those who
    signed later are in neither."""
    signed = [s for s in signatories if s.date.end <= day]
    spanning = [s for s in signatories if s.date.start <= day < s.date.end]
    return signed, spanning


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


def within(when: FuzzyDate, after: FuzzyDate | None, before: FuzzyDate | None) -> bool:
    """True when the span of `when` reaches on or after `after` and starts by the end of
    `before` (both inclusive; either may be None)."""
    return (after is None or when.ends_on_or_after(after.start)) and (
        before is None or when.starts_on_or_before(before.end)
    )


def events_between(
    dataset: Dataset,
    after: FuzzyDate | None = None,
    before: FuzzyDate | None = None,
    missions: Sequence[str] = (),
    countries: Sequence[Country] = (),
    region: frozenset[str] | None = None,
    camp: Camp | None = None,
) -> list[Event]:
    """Events whose date span reaches `after` and starts by the end of `before` (both
    inclusive), for any of `missions` (all if none), naming a place of `countries`, one in
    `region` and one in `camp` (query/naming.py says when an event names a place). Events
    come sorted by date."""
    found = [
        event
        for event in dataset.events
        if within(event.date, after, before) and (not missions or event.mission in missions)
    ]
    if not countries and region is None and camp is None:
        return found
    from .naming import places_named

    named = places_named(dataset)
    return [
        event
        for event in found
        if (not countries or any(_in_any(place, countries) for place in named[event.id]))
        and (region is None or any(_in_region(place, region) for place in named[event.id]))
        and (camp is None or any(_in_camp(dataset, place, camp) for place in named[event.id]))
    ]


def facts_about(dataset: Dataset, missions: Sequence[str] = ()) -> list[Fact]:
    return [fact for fact in dataset.facts if not missions or fact.mission in missions]


def places_in(
    dataset: Dataset,
    countries: Sequence[Country] = (),
    region: frozenset[str] | None = None,
    camp: Camp | None = None,
    counting: Counting | None = None,
) -> list[Place]:
    """The countries and regions of the data (not the special places), within `countries`
    and `region`, and in `camp` as `counting` counts."""
    return [
        place
        for place in dataset.places
        if place.code is not None
        and (not countries or _in_any(place, countries))
        and _in_region(place, region)
        and _in_camp(dataset, place, camp, counting)
    ]
