"""One record in full (`ilrs show`) and the dataset itself (`ilrs info`)."""

from __future__ import annotations

from typing import Any, NamedTuple

from .fields import ID, Field, Item, Listing, institution_text
from .model import Dataset, Event, Fact, Institution, Member, Mission, Payload, Source
from .views import (
    citation_item,
    event_item,
    fact_item,
    institution_item,
    member_item,
    mission_item,
    participation_text,
    payload_item,
)


class Detail(NamedTuple):
    """One record (or the dataset itself) in full: a JSON object, and a field/value table."""

    title: str
    caption: str
    item: Item
    attachments: tuple[Listing, ...] = ()  # tables of their own, drawn after the fields
    attached_fields: tuple[str, ...] = ()  # fields the attachments show, left out above them

    def table_fields(self) -> list[tuple[str, Any]]:
        return [(k, v) for k, v in self.item.items() if k not in self.attached_fields]


def _full_citation(source: Item) -> str:
    parts = [f"{source['id']} ({source['at']})" if "at" in source else source["id"]]
    parts.append(", ".join(filter(None, (source.get("publisher"), source.get("date")))))
    parts.append(str(source.get("title")))
    parts.append(str(source.get("url")))
    return "\n  ".join(part for part in parts if part)


def detail_text(name: str, value: Any) -> str:
    """A value of a Detail as text: lists one element a line, sources with their URLs."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(detail_text(name, element) for element in value)
    if isinstance(value, dict):
        if name == "sources":
            return _full_citation(value)
        if name == "institutions":
            return institution_text(value)
        if name == "ilrs":
            return participation_text(value)
        if "name" in value:
            return str(value["name"])
        return "\n".join(f"{key}: {detail_text(key, val)}" for key, val in value.items())
    return str(value)


def record_detail(dataset: Dataset, kind: str, record: Any) -> Detail:
    item: Item
    if isinstance(record, Payload):
        item = payload_item(record)
    elif isinstance(record, Member):
        item = member_item(record, dataset)
    elif isinstance(record, Mission):
        item = mission_item(record)
    elif isinstance(record, Event):
        item = event_item(record)
    elif isinstance(record, Fact):
        item = fact_item(record)
    elif isinstance(record, Institution):
        item = {
            **institution_item(record),
            "name_zh": record.name_zh,
            "note": record.note,
            "payloads": [p.id for p in dataset.payloads if record in p.institutions],
            "sources": [citation_item(citation) for citation in record.sources],
        }
    else:
        assert isinstance(record, Source)
        item = {**source_item(record), "cited_by": _cited_by(dataset, record.id)}
    return Detail(
        title=f"{kind.capitalize()} {record.id}",
        caption=f"Data as of {dataset.info.as_of.isoformat()} (dataset {dataset.info.version}).",
        item={"type": kind, **item},
    )


def _cited_by(dataset: Dataset, source_id: str) -> list[str]:
    from .records import records

    return [
        record.id
        for _, record in records(dataset)
        if any(citation.source.id == source_id for citation in getattr(record, "sources", ()))
    ]


SOURCE_FIELDS = (
    ID,
    Field(
        "title",
        "Title",
        "The title; in [brackets] when taken from the page's address.",
        max_width=50,
    ),
    Field("publisher", "Publisher", "Who published it."),
    Field("date", "Date", "Publication date, where known.", type="date text or null"),
    Field("url", "URL", "Where it can be read."),
    Field(
        "accessed",
        "Accessed",
        "When it was read, where the dataset says; else citations use the as-of date.",
        type="ISO date or null",
    ),
    Field("archive_url", "Archive", "An archived copy, where there is one.", type="string or null"),
    Field(
        "note", "Note", "About the source: reposts, datelines.", type="string or null", max_width=40
    ),
)


def source_item(source: Source) -> Item:
    return {
        "id": source.id,
        "title": source.title,
        "publisher": source.publisher,
        "date": source.date.text if source.date else None,
        "url": source.url,
        "accessed": source.accessed.isoformat() if source.accessed else None,
        "archive_url": source.archive_url,
        "note": source.note,
    }


def headline_figures(dataset: Dataset) -> Item:
    """Figures computed from the records, never typed in."""
    from .model import INTERNATIONAL, EventStatus, Level, MemberStatus

    places = {place for payload in dataset.payloads for place in payload.places}
    organizations = {
        inst.id
        for payload in dataset.payloads
        for inst in payload.institutions
        if inst.place.name == INTERNATIONAL
    }
    national = [member for member in dataset.members if member.level is Level.NATIONAL]
    return {
        "payload_projects": len(dataset.payloads),
        "partner_countries_and_regions": len(places),
        "partner_countries_and_regions_besides_china": len(
            [place for place in places if place.code != "CN"]
        ),
        "partner_international_organizations": len(organizations),
        "partner_institutions": len({i.id for p in dataset.payloads for i in p.institutions}),
        "ilrs_national_signed": sum(m.status is MemberStatus.SIGNED for m in national),
        "ilrs_national_reported": sum(m.status is MemberStatus.REPORTED for m in national),
        "ilrs_organizations": sum(m.level is Level.ORGANIZATION for m in dataset.members),
        "ilrs_affiliated": sum(m.level is Level.AFFILIATED for m in dataset.members),
        "ilrs_subnational_places": sum(m.level is Level.SUBNATIONAL for m in dataset.members),
        "events_done": sum(e.status is EventStatus.DONE for e in dataset.events),
        "events_planned": sum(e.status is EventStatus.PLANNED for e in dataset.events),
    }


def info_detail(dataset: Dataset) -> Detail:
    from .records import KINDS

    counts = {plural: len(getattr(dataset, plural)) for _, plural in KINDS}
    sources = [source_item(source) for source in dataset.sources]
    item = {
        "title": dataset.info.title,
        "version": dataset.info.version,
        "as_of": dataset.info.as_of.isoformat(),
        "description": dataset.info.description,
        "file": "bundled chang8.toml" if dataset.bundled else dataset.path,
        "counts": counts,
        "figures": headline_figures(dataset),
        "sources": sources,
    }
    sources_listing = Listing(
        title=f"Sources: {len(sources)}",
        caption="",
        fields=SOURCE_FIELDS,
        table_fields=("id", "publisher", "date", "title", "url"),
        items=sources,
        empty_note="no sources",
    )
    return Detail(
        title=dataset.info.title,
        caption=f"Data as of {dataset.info.as_of.isoformat()}.",
        item=item,
        attachments=(sources_listing,),
        attached_fields=("sources",),
    )
