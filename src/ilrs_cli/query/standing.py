"""Where each country or region stands, as the map and the growth chart draw it: its ILRS
standing (China leads; else the highest level of its participants, and whether any
agreement at that level is documented) and its Artemis Accords signing.

`artemis_signings` is the one place that reads the Artemis Accords signatories; everything
that draws them asks it.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from ..core.dates import FuzzyDate
from ..core.records import Dataset, Member, Place
from ..core.vocab import Level, MemberStatus

LEAD = "CN"  # China leads the ILRS (the mission record: "the China-led" station)


class ArtemisSigning(NamedTuple):
    id: str
    place: Place
    date: FuzzyDate
    order: int | None


def artemis_signings(dataset: Dataset) -> list[ArtemisSigning]:
    """The dataset's Artemis Accords signatories in signing order; none for a dataset that
    has no `signatories` records."""
    records = getattr(dataset, "signatories", ())
    signings = [ArtemisSigning(r.id, r.place, r.date, r.order) for r in records]
    return sorted(signings, key=lambda s: (s.date.start, s.order or 0, s.place.name))


class Ilrs(str, Enum):
    """A place's ILRS standing, strongest first."""

    LEAD = "lead"
    NATIONAL_SIGNED = "national-signed"
    NATIONAL_REPORTED = "national-reported"
    SUBNATIONAL_SIGNED = "subnational-signed"
    SUBNATIONAL_REPORTED = "subnational-reported"
    AFFILIATED = "affiliated"
    NONE = "none"


LEVEL_ORDER = (Level.NATIONAL, Level.SUBNATIONAL, Level.AFFILIATED)


class Standing(NamedTuple):
    place: Place
    ilrs: Ilrs
    members: tuple[Member, ...]
    artemis: ArtemisSigning | None

    @property
    def code(self) -> str:
        return self.place.code or ""


def ilrs_standing(code: str | None, members: tuple[Member, ...]) -> Ilrs:
    if code == LEAD:
        return Ilrs.LEAD
    for level in LEVEL_ORDER:
        at_level = [m for m in members if m.level is level]
        if not at_level:
            continue
        if level is Level.AFFILIATED:
            return Ilrs.AFFILIATED
        signed = any(m.status is MemberStatus.SIGNED for m in at_level)
        return Ilrs(f"{level.value}-{'signed' if signed else 'reported'}")
    return Ilrs.NONE


def standings(dataset: Dataset) -> dict[str, Standing]:
    """Every country and region the dataset names or an Accords signing names, by ISO code.
    A region (Hawaii) has its own standing; it does not take its country's."""
    members: dict[Place, list[Member]] = {}
    for member in dataset.members:
        if member.place.code is not None:
            members.setdefault(member.place, []).append(member)
    signed = {s.place.code: s for s in artemis_signings(dataset) if s.place.code}
    places = [p for p in dataset.places if p.code] + [s.place for s in artemis_signings(dataset)]
    found: dict[str, Standing] = {}
    for place in places:
        if place.code and place.code not in found:
            own = tuple(members.get(place, ()))
            found[place.code] = Standing(
                place, ilrs_standing(place.code, own), own, signed.get(place.code)
            )
    return found
