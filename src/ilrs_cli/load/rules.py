"""Checks that span several fields or records, beyond what the schema's types check, and the
signing events that members with a date add to the timeline."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from ..core.errors import Problem
from ..core.records import DatasetInfo, Event, Member, Signatory, signing_id
from ..core.vocab import EventKind, EventStatus, Level, MemberStatus

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

SIGNINGS_MISSION = "ILRS"  # the mission of the signing events that members' dates add


def record_problems(kind: str, values: dict[str, Any]) -> list[str]:
    """Problems within one record, from its typed values."""
    if kind == "signatory":
        place = values.get("place")
        if place is not None and not place.is_country_or_region:
            return [f"a signatory is a country or region in [places], not {place.name!r}"]
        return []
    if kind != "member":
        return []
    problems = []
    level, via = values.get("level"), values.get("via")
    if level is Level.AFFILIATED and via is None:
        problems.append("an affiliated member needs 'via': the id of its organization")
    if level is not None and level is not Level.AFFILIATED and via is not None:
        problems.append(f"'via' is only for affiliated members, not {level.value} ones")
    if values.get("date") is not None and values.get("status") is not MemberStatus.SIGNED:
        problems.append("'date' is the signing date, so the status must be 'signed'")
    return problems


def dataset_problems(
    records: dict[str, list[Any]],
    info: DatasetInfo | None,
    locate: Callable[[str, str, str | None], Problem] = lambda plural, record_id, _key: Problem(
        "", f"[[{plural}]] (id {record_id!r})", plural, record_id
    ),
) -> list[Problem]:
    """Problems between records: organizations named in `via`, dates against the as-of date.
    `locate(table, id, key)` names a record and the line of its key (None: no line)."""
    problems: list[Problem] = []

    def add(plural: str, record_id: str, key: str | None, message: str) -> None:
        problems.append(locate(plural, record_id, key)._replace(message=message))

    members: list[Member] = records["members"]
    organizations = {m.id for m in members if m.level is Level.ORGANIZATION}
    for member in members:
        if member.via is not None and member.via not in organizations:
            add(
                "members",
                member.id,
                None,
                f"'via' {member.via!r} is not the id of a member with level 'organization'",
            )
    national: dict[str, str] = {}
    for member in members:
        if member.level is not Level.NATIONAL or member.place.code is None:
            continue
        twin = national.setdefault(member.place.code, member.id)
        if twin != member.id:
            add(
                "members",
                member.id,
                None,
                f"a second national record for "
                f"{member.place.name} (the first is {twin!r}); merge them into one record",
            )
    signed = [member.id for member in members if member.date is not None]
    if signed and SIGNINGS_MISSION not in {mission.name for mission in records["missions"]}:
        more = f", and {len(signed) - 1} more" if len(signed) > 1 else ""
        problems.append(Problem(
            f"a signing date puts a signing event on the {SIGNINGS_MISSION} timeline, and the "
            f"file has no [[missions]] record named {SIGNINGS_MISSION!r}; add one",
            f"[[members]] (id {signed[0]!r}{more})", "members", signed[0],
        ))  # fmt: skip
    problems += _signatory_problems(records["signatories"], info, locate)
    if info is None:
        return problems
    as_of = info.as_of
    for member in members:
        if member.date is not None and member.date.start > as_of:
            add(
                "members",
                member.id,
                "date",
                f"signed on {member.date} which is after the dataset's as_of date {as_of}",
            )
    events: list[Event] = records["events"]
    for event in events:
        if event.status is EventStatus.DONE and event.date.start > as_of:
            add(
                "events",
                event.id,
                "date",
                f"'done' but dated {event.date}, after the as_of date {as_of}",
            )
        if event.status is EventStatus.PLANNED and event.date.end < as_of:
            add(
                "events",
                event.id,
                "date",
                f"'planned' but dated {event.date}, "
                f"before the as_of date {as_of}; mark it done (with a source) or correct the date",
            )
    return problems


def _signatory_problems(
    signatories: list[Signatory],
    info: DatasetInfo | None,
    locate: Callable[[str, str, str | None], Problem],
) -> list[Problem]:
    """One record a country; ordinals unique and in date order; no signing after as_of."""
    problems: list[Problem] = []

    def add(record_id: str, key: str | None, message: str) -> None:
        problems.append(locate("signatories", record_id, key)._replace(message=message))

    countries: dict[str, str] = {}
    ordinals: dict[int, Signatory] = {}
    for signatory in signatories:
        twin = countries.setdefault(signatory.place.name, signatory.id)
        if twin != signatory.id:
            add(
                signatory.id,
                None,
                f"a second record for {signatory.place.name} (the first "
                f"is {twin!r}); a country signs the Accords once",
            )
        if signatory.order is not None:
            first = ordinals.setdefault(signatory.order, signatory)
            if first is not signatory:
                add(
                    signatory.id, None, f"order {signatory.order} is also the order of {first.id!r}"
                )
        if info is not None and signatory.date.start > info.as_of:
            add(
                signatory.id,
                "date",
                f"signed on {signatory.date} which is after the dataset's as_of date {info.as_of}",
            )
    numbered = sorted(ordinals.items())
    for (_, earlier), (_, later) in pairwise(numbered):
        if earlier.date.start > later.date.end:
            add(
                later.id,
                None,
                f"order {later.order} is dated {later.date}, "
                f"before order {earlier.order} ({earlier.id!r}, {earlier.date}); ordinals "
                "follow the signing dates",
            )
    return problems


def signing_event(member: Member) -> Event:
    """The timeline event of a member's signing."""
    assert member.date is not None
    return Event(
        id=signing_id(member.id),
        date=member.date,
        mission=SIGNINGS_MISSION,
        status=EventStatus.DONE,
        event=member.agreement or f"{member.name} signs an ILRS agreement",
        sources=member.sources,
        note=member.note,
        kind=EventKind.SIGNING,
    )
