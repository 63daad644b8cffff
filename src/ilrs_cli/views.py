"""What each list command shows: the JSON objects (a public contract, see README), built
from the records, and the fields that tables and CSV draw from them."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from .dates import display_date
from .fields import ID, SOURCES, Field, Item, Listing, institution_text, named
from .model import (
    Citation,
    Dataset,
    Event,
    Fact,
    Institution,
    Member,
    Mission,
    Payload,
    Place,
)


def citation_item(citation: Citation) -> Item:
    source = citation.source
    return {
        "id": source.id,
        "at": citation.at,
        "title": source.title,
        "publisher": source.publisher,
        "date": source.date.text if source.date else None,
        "url": source.url,
    }


def institution_item(institution: Institution) -> Item:
    return {
        "id": institution.id,
        "name": institution.name,
        "short_name": institution.short_name,
        "country": institution.place.name,
    }


def payload_item(payload: Payload) -> Item:
    return {
        "id": payload.id,
        "name": payload.name,
        "name_zh": payload.name_zh,
        "kind": payload.kind.value,
        "description": payload.description,
        "countries": [place.name for place in payload.places],
        "institutions": [institution_item(inst) for inst in payload.institutions],
        "sources": [citation_item(citation) for citation in payload.sources],
    }


def member_item(member: Member, dataset: Dataset) -> Item:
    return {
        "id": member.id,
        "name": member.name,
        "short_name": member.short_name,
        "country": member.place.name,
        "level": member.level.value,
        "status": member.status.value,
        "via": dataset.member_name(member.via) if member.via else None,
        "date": member.date.text if member.date else None,
        "agreement": member.agreement,
        "note": member.note,
        "sources": [citation_item(citation) for citation in member.sources],
    }


def mission_item(mission: Mission) -> Item:
    return {
        "id": mission.id,
        "name": mission.name,
        "full_name": mission.full_name,
        "name_zh": mission.name_zh,
        "note": mission.note,
        "sources": [citation_item(citation) for citation in mission.sources],
    }


def event_item(event: Event) -> Item:
    return {
        "id": event.id,
        "date": event.date.text,
        "start": event.date.start.isoformat(),
        "end": event.date.end.isoformat(),
        "mission": event.mission,
        "status": event.status.value,
        "event": event.event,
        "note": event.note,
        "sources": [citation_item(citation) for citation in event.sources],
    }


def fact_item(fact: Fact) -> Item:
    return {
        "id": fact.id,
        "mission": fact.mission,
        "topic": fact.topic,
        "text": fact.text,
        "note": fact.note,
        "sources": [citation_item(citation) for citation in fact.sources],
    }


def _caption(dataset: Dataset) -> str:
    where = "the bundled chang8.toml" if dataset.bundled else dataset.path
    return f"Data as of {dataset.info.as_of.isoformat()} (dataset {dataset.info.version}, {where})."


def _noun(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


PAYLOAD_FIELDS = (
    ID,
    Field("name", "Payload", "The payload's name as CNSA announced it, in English."),
    Field(
        "name_zh",
        "Chinese name",
        "The name in Chinese, where a source gives it.",
        type="string or null",
    ),
    Field("kind", "Kind", "robot, rover or instrument."),
    Field("description", "Description", "What it is, in a sentence.", max_width=60),
    Field(
        "countries",
        "Countries",
        "The partners' countries and regions, each once.",
        type="list of strings",
    ),
    Field(
        "institutions",
        "Partner institutions",
        "The partners: {id, name, short_name, country}; country may be "
        "'international organization' or 'unknown'.",
        type="list of objects",
        show=institution_text,
    ),
    SOURCES,
)


def payloads_listing(dataset: Dataset, payloads: Sequence[Payload], scope: str) -> Listing:
    items = [payload_item(payload) for payload in payloads]
    count = _noun(len(items), "payload", "payloads")
    return Listing(
        title=f"Chang'e-8 international payloads{scope}: {count}",
        caption=_caption(dataset),
        fields=PAYLOAD_FIELDS,
        table_fields=("name", "kind", "institutions", "sources"),
        items=items,
        empty_note=f"no payloads{scope}",
    )


def _level_cell(item: Item) -> str:
    return f"{item['level']} via {item['via']}" if item.get("via") else str(item["level"])


MEMBER_FIELDS = (
    ID,
    Field("name", "Participant", "The participant's name."),
    Field(
        "short_name",
        "Short name",
        "A common abbreviation, where there is one.",
        type="string or null",
    ),
    Field("country", "Country", "Its country or region, or 'international organization'."),
    Field(
        "level",
        "Level",
        "national, subnational, organization, or affiliated (through the organization in via).",
        table_cell=_level_cell,
    ),
    Field("status", "Status", "signed (an agreement is documented) or reported (only said)."),
    Field(
        "via",
        "Via",
        "For affiliated participants: the organization they take part through.",
        type="string or null",
    ),
    Field(
        "date",
        "Signed",
        "The signing date, with the precision the source gives.",
        type="date text or null",
        table_cell=lambda item: display_date(item["date"]) if item["date"] else "",
        sort_key=lambda item: item["date"],
    ),
    Field(
        "agreement",
        "Agreement",
        "What was signed, and by whom.",
        type="string or null",
        max_width=60,
    ),
    Field(
        "note",
        "Note",
        "Caveats: disagreements between sources, what was not found.",
        type="string or null",
        max_width=60,
    ),
    SOURCES,
)


def members_listing(dataset: Dataset, members: Sequence[Member], scope: str) -> Listing:
    items = [member_item(member, dataset) for member in members]
    return Listing(
        title=f"ILRS participants{scope}: {_noun(len(items), 'entry', 'entries')}",
        caption=_caption(dataset)
        + " 'signed': an agreement is documented; 'reported': a source only says so.",
        fields=MEMBER_FIELDS,
        table_fields=("name", "level", "status", "date", "note", "sources"),
        items=items,
        empty_note=f"no ILRS participants{scope}",
    )


EVENT_FIELDS = (
    ID,
    Field(
        "date",
        "Date",
        "The date as the source gives it: 2025-04-24, 2023-12, 2026, 2028/2029, 2030s.",
        type="date text",
        table_cell=lambda item: display_date(item["date"]),
        sort_key=lambda item: (item["start"], item["end"]),
    ),
    Field("start", "Start", "The first day the date can mean (ISO 8601).", type="ISO date"),
    Field("end", "End", "The last day the date can mean (ISO 8601).", type="ISO date"),
    Field("mission", "Mission", "Chang'e-7, Chang'e-8 or ILRS."),
    Field("status", "Status", "planned or done, as of the dataset's as-of date."),
    Field("event", "Event", "What happens.", max_width=60),
    Field("note", "Note", "Caveats and detail.", type="string or null", max_width=60),
    SOURCES,
)


def timeline_listing(
    dataset: Dataset, events: Sequence[Event], scope: str, day: datetime.date | None = None
) -> Listing:
    """Events with their status at the data's as-of date, or at `day` when given."""
    from .queries import status_at

    items = [event_item(event) for event in events]
    if day is not None:
        for item, event in zip(items, events, strict=True):
            item["status"] = status_at(event, day)
    judged = (day or dataset.info.as_of).isoformat()
    return Listing(
        title=f"Timeline{scope}: {_noun(len(items), 'event', 'events')}",
        caption=_caption(dataset) + f" Status (planned or done) is as of {judged}.",
        fields=EVENT_FIELDS,
        table_fields=("date", "mission", "status", "event", "sources"),
        items=items,
        empty_note=f"no events{scope}",
    )


FACT_FIELDS = (
    ID,
    Field("mission", "Mission", "Chang'e-8 or ILRS."),
    Field("topic", "Topic", "What the fact is about."),
    Field("text", "Fact", "The fact, in the dataset's words.", max_width=70),
    Field("note", "Note", "Caveats: where sources differ.", type="string or null", max_width=50),
    SOURCES,
)


def facts_listing(dataset: Dataset, facts: Sequence[Fact], scope: str) -> Listing:
    items = [fact_item(fact) for fact in facts]
    return Listing(
        title=f"Mission facts{scope}: {_noun(len(items), 'fact', 'facts')}",
        caption=_caption(dataset),
        fields=FACT_FIELDS,
        table_fields=("mission", "topic", "text", "sources"),
        items=items,
        empty_note=f"no facts{scope}",
    )


def participation_text(entry: Item) -> str:
    level = f"{entry['level']} via {entry['via']}" if entry.get("via") else entry["level"]
    signed = f" {display_date(entry['date'])}" if entry.get("date") else ""
    return f"{level}, {entry['status']}{signed}"


COUNTRY_FIELDS = (
    Field("country", "Country or region", "The country or region's name in the dataset."),
    Field("code", "ISO", "Its ISO 3166 code (3166-2 for a region inside a country)."),
    Field(
        "ilrs",
        "ILRS",
        "Its ILRS participation: {id, name, level, status, via, date}.",
        type="list of objects",
        show=participation_text,
    ),
    Field(
        "payloads",
        "Payloads",
        "Chang'e-8 payloads with a partner from there: {id, name}.",
        type="list of objects",
        show=named,
    ),
    Field(
        "institutions",
        "Institutions",
        "Partner institutions from there: {id, name, short_name}.",
        type="list of objects",
        show=institution_text,
    ),
)


def country_item(dataset: Dataset, place: Place) -> Item:
    members = [member for member in dataset.members if member.place == place]
    institutions = [inst for inst in dataset.institutions if inst.place == place]
    payloads = [payload for payload in dataset.payloads if place in payload.places]
    return {
        "country": place.name,
        "code": place.code,
        "ilrs": [
            {
                "id": member.id,
                "name": member.name,
                "level": member.level.value,
                "status": member.status.value,
                "via": dataset.member_name(member.via) if member.via else None,
                "date": member.date.text if member.date else None,
            }
            for member in members
        ],
        "payloads": [{"id": payload.id, "name": payload.name} for payload in payloads],
        "institutions": [
            {"id": inst.id, "name": inst.name, "short_name": inst.short_name}
            for inst in institutions
        ],
    }


def countries_listing(dataset: Dataset, places: Sequence[Place], scope: str) -> Listing:
    items = [country_item(dataset, place) for place in places]
    count = _noun(len(items), "country or region", "countries and regions")
    return Listing(
        title=f"Countries and regions{scope}: {count}",
        caption=_caption(dataset),
        fields=COUNTRY_FIELDS,
        table_fields=("country", "ilrs", "payloads", "institutions"),
        items=items,
        empty_note=f"no countries or regions{scope}",
    )


SEARCH_FIELDS = (
    Field("type", "Type", "The type of record: payload, member, event, fact, institution, source."),
    ID,
    Field("title", "Record", "The record's name, or its event, topic or title.", max_width=50),
    Field("field", "Matched in", "The field the text was found in."),
    Field("match", "Match", "The matching text, shortened around the match.", max_width=60),
)


def search_listing(dataset: Dataset, hits: Sequence[Any], text: str) -> Listing:
    from .records import title_of

    items = [
        {
            "type": hit.kind,
            "id": hit.record.id,
            "title": title_of(hit.record),
            "field": hit.field,
            "match": hit.snippet,
        }
        for hit in hits
    ]
    return Listing(
        title=f"Search for {text!r}: {_noun(len(items), 'record', 'records')}",
        caption=_caption(dataset),
        fields=SEARCH_FIELDS,
        table_fields=("type", "id", "title", "match"),
        items=items,
        empty_note=f"nothing matches {text!r}",
    )


FIELD_FIELDS = (
    Field("command", "Command", "The list command."),
    Field("field", "Field", "The field: a JSON key, a CSV column, a name for --fields."),
    Field("type", "Type", "What its values are."),
    Field("description", "Description", "What it means.", max_width=70),
)


def fields_listing(command: str | None) -> Listing:
    """The fields of one list command, or of all; from the same definitions the commands use."""
    chosen = [command] if command else list(FIELDS_BY_COMMAND)
    items = [
        {"command": name, "field": field.name, "type": field.type, "description": field.help}
        for name in chosen
        for field in FIELDS_BY_COMMAND[name]
    ]
    return Listing(
        title="Fields of " + (f"`ilrs {command}`" if command else "the list commands"),
        caption="Keys of --json output, columns of --csv, names for --fields and --sort.",
        fields=FIELD_FIELDS,
        table_fields=("command", "field", "type", "description"),
        items=items,
        empty_note="no fields",
    )


FIELDS_BY_COMMAND: dict[str, tuple[Field, ...]] = {
    "payloads": PAYLOAD_FIELDS,
    "members": MEMBER_FIELDS,
    "timeline": EVENT_FIELDS,
    "mission": FACT_FIELDS,
    "countries": COUNTRY_FIELDS,
    "search": SEARCH_FIELDS,
}
