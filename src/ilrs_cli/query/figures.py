"""Every count the tool reports, defined once: `info`, `check` and the API share them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..core.dates import FuzzyDate
from ..core.kinds import LISTED, records_of
from ..core.records import INTERNATIONAL, Dataset, Member, Signatory
from ..core.vocab import Camp, EventStatus, Level, MemberStatus

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def signing_count(dataset: Dataset) -> int:
    """The timeline events made from members' signing dates."""
    return sum(member.date is not None for member in dataset.members)


def record_counts(dataset: Dataset) -> dict[str, int]:
    """Records of each kind, by the plural the registry gives; events include signings."""
    return {kind.plural: len(records_of(dataset, kind)) for kind in LISTED}


def place_count(dataset: Dataset) -> int:
    return sum(place.code is not None for place in dataset.places)


def contents(dataset: Dataset) -> str:
    """'88 sources, 20 institutions, ..., 55 events (of which 22 signings), ..., 84 places':
    what `check` found, kinds in loading order."""
    from ..core.kinds import KINDS

    counts, signings = record_counts(dataset), signing_count(dataset)
    parts = [
        f"{counts[kind.plural]} {kind.plural}"
        + (f" (of which {signings} signings)" if kind.plural == "events" else "")
        for kind in KINDS
    ]
    return ", ".join([*parts, f"{place_count(dataset)} places"])


SELECTION = "Chang'e-8"  # the mission whose international selection the figures describe


def headline_figures(dataset: Dataset) -> dict[str, Any]:
    """Figures computed from the records, never typed in. `payload_projects` and the partner
    figures are those of the Chang'e-8 selection (`payload_projects_mission`); the payloads
    of every mission are counted apart (`payloads_all_missions`, `payloads_by_mission`)."""
    selected = [p for p in dataset.payloads if p.mission in (SELECTION, None)]
    places = {place for payload in selected for place in payload.places}
    organizations = {
        inst.id for payload in selected for inst in payload.institutions
        if inst.place.name == INTERNATIONAL
    }  # fmt: skip
    by_mission: dict[str, int] = {}
    for payload in dataset.payloads:
        by_mission[payload.mission or SELECTION] = (
            by_mission.get(payload.mission or SELECTION, 0) + 1
        )
    national = [member for member in dataset.members if member.level is Level.NATIONAL]
    from .camps import standings

    both = [s for s in standings(dataset).values() if s.place.code and s.camp is Camp.BOTH]
    return {
        "payloads_all_missions": len(dataset.payloads),
        "payloads_by_mission": by_mission,
        "payload_projects_mission": SELECTION,
        "payload_projects": len(selected),
        "partner_countries_and_regions": len(places),
        "partner_countries_and_regions_besides_china": len(
            [place for place in places if place.code != "CN"]
        ),
        "partner_international_organizations": len(organizations),
        "partner_institutions": len({i.id for p in selected for i in p.institutions}),
        "ilrs_national_signed": sum(m.status is MemberStatus.SIGNED for m in national),
        "ilrs_national_reported": sum(m.status is MemberStatus.REPORTED for m in national),
        "ilrs_organizations": sum(m.level is Level.ORGANIZATION for m in dataset.members),
        "ilrs_affiliated": sum(m.level is Level.AFFILIATED for m in dataset.members),
        "ilrs_subnational_places": sum(m.level is Level.SUBNATIONAL for m in dataset.members),
        "artemis_signatories": len(dataset.signatories),
        "countries_and_regions_in_both_camps": len(both),
        "events_done": sum(e.status is EventStatus.DONE for e in dataset.events),
        "events_planned": sum(e.status is EventStatus.PLANNED for e in dataset.events),
    }


def yearly(dates: Iterable[FuzzyDate | None]) -> dict[int | None, int]:
    """How many of `dates` fall in each year; None counts those with no date or a date that
    spans several years."""
    counts: dict[int | None, int] = {}
    for when in dates:
        year = when.year if when is not None else None
        counts[year] = counts.get(year, 0) + 1
    return counts


def years_between(*counts: dict[int | None, int]) -> list[int]:
    """Every year from the first to the last that any of `counts` has, none skipped."""
    years = [year for count in counts for year in count if year is not None]
    return list(range(min(years), max(years) + 1)) if years else []


def growth(members: Sequence[Member], signatories: Sequence[Signatory]) -> list[dict[str, Any]]:
    """Both camps' signings year by year, with running totals; a last row (year None) for
    members with no signing date or one spanning years, whose totals count every record."""
    ilrs = yearly(member.date for member in members)
    artemis = yearly(signatory.date for signatory in signatories)
    rows: list[dict[str, Any]] = []
    ilrs_total = artemis_total = 0
    for year in years_between(ilrs, artemis):
        ilrs_total += ilrs.get(year, 0)
        artemis_total += artemis.get(year, 0)
        rows.append({
            "year": str(year), "ilrs": ilrs.get(year, 0), "ilrs_total": ilrs_total,
            "artemis": artemis.get(year, 0), "artemis_total": artemis_total,
        })  # fmt: skip
    if None in ilrs or None in artemis:
        rows.append({
            "year": None, "ilrs": ilrs.get(None, 0), "ilrs_total": len(members),
            "artemis": artemis.get(None, 0), "artemis_total": len(signatories),
        })  # fmt: skip
    return rows


def unused_sources(dataset: Dataset) -> list[str]:
    """Ids of sources that no record cites, in file order."""
    from ..core.kinds import all_records

    cited = {
        citation.source.id
        for _, record in all_records(dataset)
        for citation in getattr(record, "sources", ())
    }
    return [source.id for source in dataset.sources if source.id not in cited]
