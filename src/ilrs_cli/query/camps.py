"""Where each country stands between the two camps: its ILRS participation and its Artemis
Accords signing, read from the records.

A place is in the ILRS camp when the data records an ILRS participation of it (national,
subnational entities, or affiliated through an organization; signed or reported), when it lies
inside a country with a national participation, or when it is China, which leads the ILRS
(the `ilrs` mission record: "the China-led initiative"). It is in the Artemis camp when it, or
the country it lies in (Hawaii in the United States), signed the Accords by the data's as-of
date. Nothing else is inferred: a place no record names is in neither camp.
"""

from __future__ import annotations

from ..core.dates import FuzzyDate
from ..core.records import Dataset, Member, Place, Signatory
from ..core.tuples import NamedTuple
from ..core.vocab import Camp, Level
from .index import per_dataset

LEAD = "CN"  # China leads the ILRS; it has no participant record of its own
LEAD_TEXT = "leads the ILRS"


def country_code(code: str | None) -> str | None:
    """The country a region code lies in ('US-HI' -> 'US'); None for a country itself."""
    return code.split("-")[0] if code and "-" in code else None


class Standing(NamedTuple):
    place: Place
    members: tuple[Member, ...]  # its own participant records
    inherited: tuple[Member, ...]  # national participants of the country it lies in
    signatory: Signatory | None  # its own Accords signing, or its country's
    lead: bool

    @property
    def in_ilrs(self) -> bool:
        return bool(self.members or self.inherited or self.lead)

    @property
    def camp(self) -> Camp:
        """both, ilrs-only, artemis-only or neither."""
        artemis = self.signatory is not None
        if self.in_ilrs:
            return Camp.BOTH if artemis else Camp.ILRS_ONLY
        return Camp.ARTEMIS_ONLY if artemis else Camp.NEITHER

    @property
    def ilrs_date(self) -> FuzzyDate | None:
        """Its first dated ILRS participation, own or its country's."""
        dated = [m.date for m in (*self.members, *self.inherited) if m.date is not None]
        return min(dated, key=lambda when: (when.start, when.end), default=None)

    @property
    def first(self) -> str | None:
        """For a place in both camps: which it joined first (ilrs, artemis, same day), or
        unclear when a date is missing or the two dates' spans overlap; else None."""
        if self.camp is not Camp.BOTH or self.signatory is None:
            return None
        return first_of(self.ilrs_date, self.signatory.date)


def first_of(ilrs: FuzzyDate | None, artemis: FuzzyDate) -> str:
    if ilrs is None:
        return "unclear"
    if ilrs.is_day and artemis.is_day and ilrs.start == artemis.start:
        return "same day"
    if ilrs.end < artemis.start:
        return "ilrs"
    if artemis.end < ilrs.start:
        return "artemis"
    return "unclear"


def standings(dataset: Dataset) -> dict[Place, Standing]:
    """The standing of every place of the dataset (the special places too), computed once
    per dataset (query.index.per_dataset): each member and signatory is looked at once."""
    return per_dataset(dataset, "standings", _standings)


def _standings(dataset: Dataset) -> dict[Place, Standing]:
    members: dict[Place, list[Member]] = {}
    for member in dataset.members:
        members.setdefault(member.place, []).append(member)
    national: dict[str, list[Member]] = {}
    for member in dataset.members:
        if member.level is Level.NATIONAL and member.place.code is not None:
            national.setdefault(member.place.code, []).append(member)
    signed = {s.place.code: s for s in dataset.signatories if s.place.code is not None}
    found = {}
    for place in dataset.places:
        parent = country_code(place.code)
        signatory = signed.get(place.code or "") or (signed.get(parent) if parent else None)
        found[place] = Standing(
            place=place,
            members=tuple(members.get(place, ())),
            inherited=tuple(national.get(parent, ())) if parent else (),
            signatory=signatory,
            lead=LEAD in (place.code, parent),
        )
    return found


def standing_of(dataset: Dataset, place: Place) -> Standing:
    return standings(dataset)[place]


def in_camp(dataset: Dataset, place: Place, camp: Camp | None) -> bool:
    return camp is None or camp.takes(standing_of(dataset, place).camp)
