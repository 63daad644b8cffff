"""Where each country stands between the two camps: its ILRS participation and its Artemis
Accords signing, read from the records.

One rule for both camps. A place is in the ILRS camp through its own participation records
(any level, signed or reported), or as China, which leads the ILRS (the `ilrs` mission
record: "the China-led initiative"); in the Artemis camp through its own signing of the
Accords. A place that lies in a country (Hawaii in the United States, Hong Kong in China)
counts in each camp through that country too: via the country's national participation or
lead, via the country's signing. Nothing else is inferred: a place no record names is in
neither camp.

What counts can be narrowed (`Counting`, the options --documented and --level): documented,
only a place's own signed records and its own signing count (China's lead is its own, and
documented by the `ilrs` mission record), nothing reported (an ILRS participation only said,
or an Accords signing the sources dispute) and nothing via its country; at a level, only
ILRS records of that level count (China's lead is national). Every Accords signing is a
government's, so a level narrows the ILRS side only.
"""

from __future__ import annotations

from ..core.dates import FuzzyDate
from ..core.records import Dataset, Member, Place, Signatory
from ..core.tuples import NamedTuple
from ..core.vocab import Camp, Level, MemberStatus
from .index import per_dataset

LEAD = "CN"  # China leads the ILRS; it has no participant record of its own
LEAD_TEXT = "leads the ILRS"
# Places with a country code of their own that ISO 3166-2 lists as a subdivision of another
# country: ISO 3166-2:CN lists Hong Kong and Macao as special administrative regions of China.
# A region code (US-HI) names its country by its prefix.
LIES_IN = {"HK": LEAD, "MO": LEAD}


def country_code(code: str | None) -> str | None:
    """The country a place lies in ('US-HI' -> 'US', 'HK' -> 'CN'); None for a country."""
    if code and "-" in code:
        return code.split("-")[0]
    return LIES_IN.get(code or "")


class Counting(NamedTuple):
    """Which records count toward the camps: every one (the default), or only documented
    ones (a place's own signed records and own signing), or only ILRS records of `levels`."""

    documented: bool = False
    levels: tuple[Level, ...] = ()  # none: every level

    def counts(self, member: Member) -> bool:
        return (not self.levels or member.level in self.levels) and (
            not self.documented or member.status is MemberStatus.SIGNED
        )

    def signs(self, signatory: Signatory) -> bool:
        """An Accords signing counts unless only documented ones do and sources dispute it."""
        return not self.documented or signatory.status is MemberStatus.SIGNED

    @property
    def lead_counts(self) -> bool:
        """China's lead counts as a national, documented part."""
        return not self.levels or Level.NATIONAL in self.levels

    @property
    def words(self) -> list[str]:
        """['documented', 'national level']: what a listing's heading says of it."""
        parts = ["documented"] if self.documented else []
        if self.levels:
            parts.append(" and ".join(level.value for level in self.levels) + " level")
        return parts


EVERY = Counting()


class Standing(NamedTuple):
    place: Place
    members: tuple[Member, ...]  # its own participant records that count
    inherited: tuple[Member, ...]  # national participants of the country it lies in
    signatory: Signatory | None  # its own Accords signing, or its country's
    lead: bool  # China, or a place that lies in China
    country: Place | None = None  # the country it lies in, as the data names it

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
    def ilrs_via(self) -> bool:
        """In the ILRS only through the country it lies in (Hong Kong, via China)."""
        own_lead = self.lead and self.place.code == LEAD
        return self.in_ilrs and not self.members and not own_lead

    @property
    def artemis_via(self) -> bool:
        """In the Artemis camp through the country it lies in (Hawaii, via the US)."""
        return self.signatory is not None and self.signatory.place != self.place

    @property
    def via(self) -> str | None:
        """The name of the country it counts in a camp through, if it does."""
        if not (self.ilrs_via or self.artemis_via):
            return None
        if self.artemis_via and self.signatory is not None:
            return self.signatory.place.name
        return self.country.name if self.country else country_code(self.place.code)

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


def standings(dataset: Dataset, counting: Counting = EVERY) -> dict[Place, Standing]:
    """The standing of every place of the dataset (the special places too), as `counting`
    counts, computed once per dataset and counting (query.index.per_dataset): each member
    and signatory is looked at once."""
    if counting == EVERY:  # the common case, without making a key
        return per_dataset(dataset, "standings", lambda data: _standings(data, EVERY))
    key = f"standings {counting.documented} {counting.levels}"
    return per_dataset(dataset, key, lambda data: _standings(data, counting))


def _standings(dataset: Dataset, counting: Counting) -> dict[Place, Standing]:
    via = not counting.documented
    members: dict[Place, list[Member]] = {}
    national: dict[str, list[Member]] = {}
    for member in dataset.members:
        if not counting.counts(member):
            continue
        members.setdefault(member.place, []).append(member)
        if member.level is Level.NATIONAL and member.place.code is not None:
            national.setdefault(member.place.code, []).append(member)
    signed = {
        s.place.code: s
        for s in dataset.signatories
        if s.place.code is not None and counting.signs(s)
    }
    by_code = {place.code: place for place in dataset.places if place.code is not None}
    found = {}
    for place in dataset.places:
        parent = country_code(place.code) if via else None
        signatory = signed.get(place.code or "") or (signed.get(parent) if parent else None)
        found[place] = Standing(
            place=place,
            members=tuple(members.get(place, ())),
            inherited=tuple(national.get(parent, ())) if parent else (),
            signatory=signatory,
            lead=counting.lead_counts and LEAD in (place.code, parent),
            country=by_code.get(parent) if parent else None,
        )
    return found


def standing_of(dataset: Dataset, place: Place, counting: Counting = EVERY) -> Standing:
    return standings(dataset, counting)[place]


def in_camp(dataset: Dataset, place: Place, camp: Camp | None, counting: Counting = EVERY) -> bool:
    return camp is None or camp.takes(standing_of(dataset, place, counting).camp)
