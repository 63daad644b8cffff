"""Where each country or region stands, as the map and the growth chart draw it: its ILRS
standing (China leads; else the highest level of its participants, and whether any
agreement at that level is documented) and its Artemis Accords signing.

Built on `query.camps`, which says which camp each place is in; `artemis_signings` is
where the pictures read the Artemis Accords signatories.
"""

from __future__ import annotations

from enum import Enum

from ..core.records import Dataset, Member, Place, Signatory
from ..core.tuples import NamedTuple
from ..core.vocab import Level, MemberStatus
from .camps import EVERY, LEAD, Counting
from .camps import Standing as CampStanding
from .camps import standings as camp_standings


def artemis_signings(dataset: Dataset) -> tuple[Signatory, ...]:
    """The dataset's Artemis Accords signatories (in signing order): what the map and the
    charts draw of the Accords."""
    return dataset.signatories


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
    members: tuple[Member, ...]  # its own participant records that count
    artemis: Signatory | None  # its own Accords signing, or that of the country it lies in
    via: str | None = None  # the country it counts in a camp through (query.camps)

    @property
    def code(self) -> str:
        return self.place.code or ""


def ilrs_standing(camp: CampStanding) -> Ilrs:
    """China leads, and so stands a place in China with no records of its own; else the
    highest level of the place's own participants (or, with none, of the country's it lies
    in), signed when any agreement at that level is documented."""
    if camp.lead and (camp.place.code == LEAD or not camp.members):
        return Ilrs.LEAD
    members = camp.members or camp.inherited
    for level in LEVEL_ORDER:
        at_level = [m for m in members if m.level is level]
        if not at_level:
            continue
        if level is Level.AFFILIATED:
            return Ilrs.AFFILIATED
        signed = any(m.status is MemberStatus.SIGNED for m in at_level)
        return Ilrs(f"{level.value}-{'signed' if signed else 'reported'}")
    return Ilrs.NONE


def standings(dataset: Dataset, counting: Counting = EVERY) -> dict[str, Standing]:
    """Every country and region of the dataset, by ISO code, from `query.camps`, as
    `counting` counts: a region (Hawaii) has its own ILRS standing, and its country's Accords
    signing; a place with no records of its own in a country stands as that country does
    (Hong Kong, via China)."""
    found: dict[str, Standing] = {}
    for place, camp in camp_standings(dataset, counting).items():
        if place.code:
            found[place.code] = Standing(
                place, ilrs_standing(camp), camp.members, camp.signatory, camp.via
            )
    return found
