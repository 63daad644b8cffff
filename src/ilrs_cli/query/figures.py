"""Every count the tool reports, defined once: `info`, `check` and the API share them."""

from __future__ import annotations

from typing import Any

from ..core.kinds import LISTED, records_of
from ..core.records import INTERNATIONAL, Dataset
from ..core.vocab import EventStatus, Level, MemberStatus


def signing_count(dataset: Dataset) -> int:
    """The timeline events made from members' signing dates."""
    return sum(member.date is not None for member in dataset.members)


def record_counts(dataset: Dataset) -> dict[str, int]:
    """Records of each kind, by the plural the registry gives; events include signings."""
    return {kind.plural: len(records_of(dataset, kind)) for kind in LISTED}


def place_count(dataset: Dataset) -> int:
    return sum(place.code is not None for place in dataset.places)


SELECTION = "Chang'e-8"  # the mission whose international selection the figures describe


def headline_figures(dataset: Dataset) -> dict[str, Any]:
    """Figures computed from the records, never typed in. The payload figures are those of
    the Chang'e-8 selection (payloads of other missions are counted apart)."""
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
    return {
        "payload_projects": len(selected),
        "payloads_by_mission": by_mission,
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
        "events_done": sum(e.status is EventStatus.DONE for e in dataset.events),
        "events_planned": sum(e.status is EventStatus.PLANNED for e in dataset.events),
    }


def unused_sources(dataset: Dataset) -> list[str]:
    """Ids of sources that no record cites, in file order."""
    from ..core.kinds import all_records

    cited = {
        citation.source.id
        for _, record in all_records(dataset)
        for citation in getattr(record, "sources", ())
    }
    return [source.id for source in dataset.sources if source.id not in cited]
