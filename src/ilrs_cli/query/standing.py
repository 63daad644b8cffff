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
from .camps import LEAD
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
    members: tuple[Member, ...]  # its own participant records
    artemis: Signatory | None  # its own Accords signing, or that of the country it lies in

    @property
    def code(self) -> str:
        return self.place.code or ""


def ilrs_standing(code: str | None, members: tuple[Member, ...]) -> Ilrs:
    """China leads; else the highest level of the place's own participants, signed when
    any agreement at that level is documented."""
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
    """Every country and region of the dataset, by ISO code, from `query.camps`: a region
    (Hawaii) has its own ILRS standing, and its country's Accords signing."""
    signed = {s.place.code: s for s in artemis_signings(dataset) if s.place.code}
    found: dict[str, Standing] = {}
    for place, camp in camp_standings(dataset).items():
        if place.code:
            artemis = signed.get(place.code) or camp.signatory
            found[place.code] = Standing(
                place, ilrs_standing(place.code, camp.members), camp.members, artemis
            )
    return found
