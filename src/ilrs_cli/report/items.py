"""The JSON object of each kind of record: the public contract of `--json` and of the Python
API. The registry (core.kinds) names the function for each kind; each takes the record and
the dataset it belongs to."""

from __future__ import annotations

from typing import Any

from ..core.kinds import Kind
from ..core.records import (
    Citation,
    Dataset,
    Event,
    Fact,
    Institution,
    Member,
    Mission,
    Payload,
    Source,
)
from .columns import Item


def citation_item(citation: Citation) -> Item:
    source = citation.source
    return {
        "id": source.id,
        "at": citation.at,
        "title": source.title,
        "publisher": source.publisher,
        "date": source.date.text if source.date else None,
        "url": source.url,
        "via": source.via,
    }


def institution_ref(institution: Institution) -> Item:
    return {
        "id": institution.id,
        "name": institution.name,
        "short_name": institution.short_name,
        "country": institution.place.name,
    }


def payload_item(payload: Payload, dataset: Dataset | None = None) -> Item:
    return {
        "id": payload.id,
        "name": payload.name,
        "name_zh": payload.name_zh,
        "kind": payload.kind.value,
        "mission": payload.mission,
        "mass": payload.mass,
        "description": payload.description,
        "countries": [place.name for place in payload.places],
        "institutions": [institution_ref(inst) for inst in payload.institutions],
        "note": payload.note,
        "sources": [citation_item(citation) for citation in payload.sources],
    }


def member_item(member: Member, dataset: Dataset) -> Item:
    return {
        "id": member.id,
        "name": member.name,
        "short_name": member.short_name,
        "aliases": list(member.aliases),
        "country": member.place.name,
        "level": member.level.value,
        "status": member.status.value,
        "via": dataset.member_name(member.via) if member.via else None,
        "date": member.date.text if member.date else None,
        "agreement": member.agreement,
        "note": member.note,
        "sources": [citation_item(citation) for citation in member.sources],
    }


def mission_item(mission: Mission, dataset: Dataset | None = None) -> Item:
    return {
        "id": mission.id,
        "name": mission.name,
        "full_name": mission.full_name,
        "name_zh": mission.name_zh,
        "note": mission.note,
        "sources": [citation_item(citation) for citation in mission.sources],
    }


def event_item(event: Event, dataset: Dataset | None = None) -> Item:
    return {
        "id": event.id,
        "date": event.date.text,
        "start": event.date.start.isoformat(),
        "end": event.date.end.isoformat(),
        "mission": event.mission,
        "status": event.status.value,
        "kind": event.kind.value if event.kind else None,
        "event": event.event,
        "note": event.note,
        "sources": [citation_item(citation) for citation in event.sources],
    }


def fact_item(fact: Fact, dataset: Dataset | None = None) -> Item:
    return {
        "id": fact.id,
        "mission": fact.mission,
        "topic": fact.topic,
        "text": fact.text,
        "note": fact.note,
        "sources": [citation_item(citation) for citation in fact.sources],
    }


def institution_item(institution: Institution, dataset: Dataset) -> Item:
    return {
        **institution_ref(institution),
        "aliases": list(institution.aliases),
        "name_zh": institution.name_zh,
        "note": institution.note,
        "payloads": [p.id for p in dataset.payloads if institution in p.institutions],
        "sources": [citation_item(citation) for citation in institution.sources],
    }


def source_item(source: Source, dataset: Dataset | None = None) -> Item:
    item: Item = {
        "id": source.id,
        "title": source.title,
        "untitled": source.untitled,
        "author": source.author,
        "publisher": source.publisher,
        "date": source.date.text if source.date else None,
        "url": source.url,
        "via": source.via,
        "original_url": source.original_url,
        "checked": source.checked.isoformat() if source.checked else None,
        "accessed": source.accessed.isoformat() if source.accessed else None,
        "archive_url": source.archive_url,
        "reliability": source.reliability,
        "note": source.note,
    }
    if dataset is not None:
        item["cited_by"] = cited_by(dataset, source.id)
    return item


def cited_by(dataset: Dataset, source_id: str) -> list[str]:
    from ..core.kinds import all_records

    return [
        record.id
        for _, record in all_records(dataset)
        if any(citation.source.id == source_id for citation in getattr(record, "sources", ()))
    ]


def record_item(kind: Kind, record: Any, dataset: Dataset) -> Item:
    """The JSON object of any record, by the builder its kind names."""
    build = globals()[kind.item]
    return {"type": kind.name, **build(record, dataset)}
