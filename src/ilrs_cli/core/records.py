"""The records of the dataset: typed, immutable, and linked to each other after loading.

Records are NamedTuples: as typed and immutable as frozen dataclasses, at a tenth of their
cost to define, which every start of the command line pays.
"""

from __future__ import annotations

import datetime

from .dates import FuzzyDate
from .tuples import NamedTuple
from .vocab import EventKind, EventStatus, Level, MemberStatus, PayloadKind

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    # The values of the declared fields (core.schema) that no code reads by name, and so that
    # no record type names: (field name, value) pairs in the schema's order. `value_of` reads any.
    Extra = tuple[tuple[str, Any], ...]
INTERNATIONAL = "international organization"
UNKNOWN = "unknown"


def value_of(record: Any, name: str, absent: Any = None) -> Any:
    """A record's value of the field or attribute `name`, from its attribute or its `extra`;
    `absent` when it has neither."""
    if name in record._fields:
        return getattr(record, name)
    for key, value in getattr(record, "extra", ()):
        if key == name:
            return value
    return getattr(record, name, absent)  # a property: a signatory's title


# The longest id a record may have (the schema refuses longer ones), and so the longest id or
# name a lookup reads: real ids are a few dozen characters.
MAX_ID = 200


class Place(NamedTuple):
    """A country or region (with its ISO 3166 code), or one of INTERNATIONAL and UNKNOWN."""

    name: str
    code: str | None

    @property
    def is_country_or_region(self) -> bool:
        return self.code is not None


class Source(NamedTuple):
    id: str
    title: str
    publisher: str
    url: str
    untitled: bool = False
    author: str | None = None
    via: str | None = None
    original_url: str | None = None
    date: FuzzyDate | None = None
    checked: datetime.date | None = None
    accessed: datetime.date | None = None
    archive_url: str | None = None
    reliability: str | None = None
    note: str | None = None
    extra: Extra = ()

    @property
    def is_repost(self) -> bool:
        return self.via is not None


class Citation(NamedTuple):
    source: Source
    at: str


class Institution(NamedTuple):
    id: str
    name: str
    place: Place
    sources: tuple[Citation, ...]
    short_name: str | None = None
    aliases: tuple[str, ...] = ()
    name_zh: str | None = None
    note: str | None = None
    extra: Extra = ()


class Payload(NamedTuple):
    id: str
    name: str
    kind: PayloadKind
    description: str
    institutions: tuple[Institution, ...]
    sources: tuple[Citation, ...]
    name_zh: str | None = None
    mission: str | None = None
    mass: str | None = None
    note: str | None = None
    extra: Extra = ()

    @property
    def places(self) -> tuple[Place, ...]:
        """The countries and regions of the partner institutions, each once, in order."""
        seen: dict[Place, None] = {}
        for institution in self.institutions:
            if institution.place.is_country_or_region:
                seen.setdefault(institution.place, None)
        return tuple(seen)


class Member(NamedTuple):
    id: str
    name: str
    place: Place
    level: Level
    status: MemberStatus
    sources: tuple[Citation, ...]
    short_name: str | None = None
    aliases: tuple[str, ...] = ()
    date: FuzzyDate | None = None
    via: str | None = None
    agreement: str | None = None
    note: str | None = None
    extra: Extra = ()


def signing_id(member_id: str) -> str:
    """The id of the timeline event a member's signing date adds (load/rules.py): no other
    record may have it, so an event with it is that member's."""
    return f"{member_id}-signs"


class Signatory(NamedTuple):
    """A country's signing of the Artemis Accords, with its ordinal where a source gives it."""

    id: str
    place: Place
    date: FuzzyDate
    sources: tuple[Citation, ...]
    status: MemberStatus = MemberStatus.SIGNED
    order: int | None = None
    signed_by: str | None = None
    location: str | None = None
    note: str | None = None
    extra: Extra = ()

    @property
    def title(self) -> str:
        return f"{self.place.name} signs the Artemis Accords"


class Mission(NamedTuple):
    id: str
    name: str
    sources: tuple[Citation, ...]
    full_name: str | None = None
    name_zh: str | None = None
    note: str | None = None
    extra: Extra = ()


class Event(NamedTuple):
    id: str
    date: FuzzyDate
    mission: str
    status: EventStatus
    event: str
    sources: tuple[Citation, ...]
    note: str | None = None
    kind: EventKind | None = None
    extra: Extra = ()


class Fact(NamedTuple):
    id: str
    mission: str
    topic: str
    text: str
    sources: tuple[Citation, ...]
    note: str | None = None
    extra: Extra = ()


class DatasetInfo(NamedTuple):
    title: str
    version: str
    as_of: datetime.date
    description: str | None = None


class Dataset(NamedTuple):
    """Everything in one dataset file. `events` holds the file's events and one signing event
    for each member with a signing date, sorted by date; Artemis Accords signings are
    `signatories` only."""

    path: str
    bundled: bool
    info: DatasetInfo
    places: tuple[Place, ...]
    sources: tuple[Source, ...]
    institutions: tuple[Institution, ...]
    payloads: tuple[Payload, ...]
    members: tuple[Member, ...]
    missions: tuple[Mission, ...]
    events: tuple[Event, ...]
    facts: tuple[Fact, ...]
    signatories: tuple[Signatory, ...]
